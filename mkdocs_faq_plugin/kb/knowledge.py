"""The knowledge base of one site build: the default language and the languages built.

A site without languages reads faq.yml only (no translation file is even looked for). A site
built once per language names its language (`language: fr`), and one built by
mkdocs-static-i18n names all of them; each then gets its view from the translations
(`translations.language_view`). Pure apart from reading the files.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .loading import (
    LoadResult,
    display_name,
    expand_paths,
    load,
    load_languages,
    translation_paths,
    untranslated_name,
)
from .model import KnowledgeBase, Location
from .problems import Problem
from .translations import LanguageView, entries_of


@dataclass(frozen=True)
class Knowledge:
    """What the plugin publishes, per language."""

    default: KnowledgeBase
    languages: dict[str, LanguageView] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    """Absolute paths of the default-language files."""
    translation_files: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def kb(self, language: str | None) -> KnowledgeBase:
        """A language's entries; the default language's for any language without a view."""
        view = self.languages.get(language) if language else None
        return view.kb if view is not None else self.default

    def translated(self, language: str | None) -> bool:
        """Has `language` any translated entry (else everything falls back)?"""
        view = self.languages.get(language) if language else None
        return view is not None and bool(view.translated)

    def untranslated(self, language: str | None) -> frozenset[tuple[str, str]]:
        """(kind, id) of each entry that `language`'s pages show in the default language:
        every entry for a language nobody translated. For a language other than faq.yml's
        (the caller knows which is which); kind is `category`, `question` or `term`, or `faq`
        for the FAQ's `title` and `description`."""
        view = self.languages.get(language) if language else None
        kb = view.kb if view is not None else self.default
        translated = view.translated if view is not None else frozenset()
        own = [("faq", key) for key in ("title", "description") if getattr(kb, key).strip()]
        entries = [(kind, entry.id) for kind, entry in entries_of(kb)]
        return frozenset(entry for entry in (*own, *entries) if entry not in translated)

    def edit_files(self, language: str | None) -> tuple[str, ...]:
        """The files authors of `language` edit: its translations first, then faq.yml."""
        return (*self.translation_files.get(language or "", ()), *self.files)


@dataclass(frozen=True)
class KnowledgeResult:
    knowledge: Knowledge | None
    """None when any error was found."""
    problems: tuple[Problem, ...]
    notes: tuple[str, ...] = ()
    """Things worth an INFO line (translation files of languages that are not built)."""
    watched: tuple[str, ...] = ()


def load_knowledge(
    patterns: str | list[str],
    base_dir: str,
    *,
    languages: Iterable[str] = (),
    default_language: str | None = None,
) -> KnowledgeResult:
    """faq.yml, and the translations of `languages` (none: translations are not read).

    `default_language` is the language faq.yml is written in, when a multilingual build knows
    it: a `faq.<default>.yml` then is a mistake, reported with its place.
    """
    default: LoadResult = load(patterns, base_dir)
    wanted = [code for code in dict.fromkeys(languages) if code != default_language]
    watched = default.files
    if default.kb is None:
        return KnowledgeResult(None, default.problems, watched=watched)
    if not wanted and default_language is None:
        notes = tuple(_unread_translations(patterns, base_dir))
        return KnowledgeResult(Knowledge(default.kb, files=default.files), default.problems, notes, watched)
    result = load_languages(patterns, base_dir, default, wanted)
    problems = [*default.problems, *result.problems]
    notes: list[str] = []
    for code, paths in sorted(result.ignored.items()):
        names = ", ".join(display_name(p, base_dir) for p in paths)
        if code == default_language:
            problems += [
                Problem(
                    f"'{code}' is the default language, whose entries live in "
                    f"{', '.join(display_name(f, base_dir) for f in default.files)}; move them there",
                    Location(display_name(path, base_dir), 1, 1),
                )
                for path in paths
            ]
        else:
            notes.append(f"{names}: language '{code}' is not built, so this translation is not used")
    watched = (*watched, *(p for paths in result.files.values() for p in paths))
    if result.failed or any(p.severity == "error" for p in problems):
        return KnowledgeResult(None, tuple(problems), tuple(notes), watched)
    knowledge = Knowledge(default.kb, result.languages, default.files, result.files)
    return KnowledgeResult(knowledge, tuple(problems), tuple(notes), watched)


def _unread_translations(patterns: str | list[str], base_dir: str) -> Iterator[str]:
    """A glob's matches taken for translations, on a site that builds no other language:
    never dropped without a word (`notes.it.yml` is Italian, not notes)."""
    defaults = set(expand_paths(patterns, base_dir)[0])
    for code, paths in sorted(translation_paths(patterns, base_dir).items()):
        for path in paths:
            if untranslated_name(path) in defaults:
                continue  # faq.fr.yml beside faq.yml: plainly a translation
            yield (
                f"{display_name(path, base_dir)}: read as the '{code}' translation, and no "
                "language but the default is built, so it is not used (rename it without "
                f"'.{code}' if it holds entries of its own)"
            )
