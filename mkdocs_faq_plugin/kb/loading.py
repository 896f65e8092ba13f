"""File paths and globs → one merged, validated `KnowledgeBase` (and, on request, one per
language from the `faq.<locale>.yml` translations beside them; see `translations`)."""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .locales import is_language
from .model import KnowledgeBase, merge
from .problems import FaqError, Problem, errors, shown
from .reading import YamlDocument, read_yaml_file
from .references import check_merged
from .translations import LanguageView, language_view
from .validation import build_part

LOCALE_RE = re.compile(r"(^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?\Z)|(^[a-z]{2}_[A-Z]{2}\Z)")
"""A locale marker as mkdocs-static-i18n recognises one: `fr`, `pt-BR`, `zh-Hant`, `en_US`."""

YAML_SUFFIXES = (".yml", ".yaml")

def locale_of(path: str) -> str | None:
    """The locale a knowledge-base file is written in (`faq.fr.yml` → `fr`), or None for a
    default-language file (`faq.yml`, `faq.d/basics.yml`)."""
    stem, extension = os.path.splitext(os.path.basename(path))
    if extension.lower() not in YAML_SUFFIXES:
        return None
    base, dot, marker = stem.rpartition(".")
    return marker if dot and base and LOCALE_RE.match(marker) else None



@dataclass(frozen=True)
class LoadResult:
    """The knowledge base (None when any error was found), every problem, and the files read."""

    kb: KnowledgeBase | None
    problems: tuple[Problem, ...]
    files: tuple[str, ...]
    docs: tuple[YamlDocument, ...] = field(default=(), compare=False, repr=False)
    """The documents read, which the translations are laid over."""


def expand_paths(patterns: str | list[str], base_dir: str) -> tuple[list[str], list[Problem]]:
    """Absolute paths of the default-language files, in the given order; globs expand sorted,
    duplicates are dropped. A glob's matches named like a translation (`x.fr.yml`) are left
    to `translation_paths`; a file named explicitly is always read."""
    found: list[str] = []
    problems: list[Problem] = []
    expanded = _expanded(patterns, base_dir)
    named = _all_named(expanded)
    for pattern, absolute, matches in expanded:
        if matches is None:
            if absolute not in found:
                found.append(absolute)
            continue
        defaults = [m for m in matches if not is_translation(m, named)]
        if not defaults:
            problems.append(Problem(f"{pattern}: no file matches this pattern"))
        found += [m for m in defaults if m not in found]
    # `file: [faq.yml, faq.fr.yml]`: the second is faq.yml's translation, not more entries.
    return [p for p in found if untranslated_name(p) not in found], problems


def is_translation(path: str, matches: set[str]) -> bool:
    """A glob's match is a translation when it is named `<name>.<locale>.yml` and either
    `<locale>` is a language (ISO 639-1: `fr`, `pt-BR`) or `<name>.yml` is matched or named
    too. `setup.ci.yml` and `tools.go.yml` are ordinary files: no entry is dropped because a
    file name looks like a translation's."""
    locale = locale_of(path)
    if locale is None:
        return False
    return is_language(locale) or untranslated_name(path) in matches


def untranslated_name(path: str) -> str | None:
    """`faq.fr.yml` → `faq.yml`; None for a name without a locale."""
    if locale_of(path) is None:
        return None
    stem, extension = os.path.splitext(path)
    return os.path.splitext(stem)[0] + extension


def translation_paths(patterns: str | list[str], base_dir: str) -> dict[str, list[str]]:
    """Locale → absolute paths of its translation files: the `<name>.<locale>.yml` beside each
    file named explicitly, and a glob's matches named so."""
    found: dict[str, list[str]] = {}
    defaults, _ = expand_paths(patterns, base_dir)
    candidates: list[str] = []
    expanded = _expanded(patterns, base_dir)
    named = _all_named(expanded)
    for _pattern, absolute, matches in expanded:
        if matches is not None:
            candidates += [m for m in matches if is_translation(m, named)]
            continue
        if absolute not in defaults:  # itself a translation, named explicitly
            candidates.append(absolute)
            continue
        stem, extension = os.path.splitext(absolute)
        candidates += sorted(
            path for path in glob.glob(f"{glob.escape(stem)}.*{extension}")
            if untranslated_name(path) == absolute
        )
    for path in candidates:
        locale = locale_of(path)
        if locale is not None and path not in defaults and path not in found.get(locale, ()):
            found.setdefault(locale, []).append(path)
    return found


def _expanded(
    patterns: str | list[str], base_dir: str
) -> list[tuple[str, str, list[str] | None]]:
    """(pattern, absolute pattern, sorted matching files, or None for a plain path)."""
    if isinstance(patterns, str):
        patterns = [patterns]
    expanded: list[tuple[str, str, list[str] | None]] = []
    for pattern in patterns:
        absolute = os.path.normpath(os.path.join(base_dir, pattern))
        if glob.has_magic(pattern):
            matches = sorted(p for p in glob.glob(absolute, recursive=True) if os.path.isfile(p))
            expanded.append((pattern, absolute, matches))
        else:
            expanded.append((pattern, absolute, None))
    return expanded


def _all_named(expanded: list[tuple[str, str, list[str] | None]]) -> set[str]:
    """Every file the patterns name or match."""
    return {path for _, absolute, matches in expanded for path in (matches or [absolute])}


def display_name(path: str, base_dir: str) -> str:
    """How messages name a file: relative to the project when inside it."""
    relative = os.path.relpath(path, base_dir)
    name = path if relative.startswith("..") else relative.replace(os.sep, "/")
    # A name that is not UTF-8 (`caf\xe9.yml` on Linux) reaches Python as lone surrogates,
    # which no UTF-8 page or message can hold: its bytes are shown escaped instead.
    return os.fsencode(name).decode("utf-8", "backslashreplace") if _undecodable(name) else name


def _undecodable(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def load(patterns: str | list[str], base_dir: str) -> LoadResult:
    """Read, validate and merge every file; all problems are reported together."""
    paths, problems = expand_paths(patterns, base_dir)
    docs: list[YamlDocument] = []
    parts: list[KnowledgeBase] = []
    for path in paths:
        doc, read_problems = read_yaml_file(path, display_name(path, base_dir))
        problems += read_problems
        if doc is None:
            continue
        part, part_problems = build_part(doc)
        problems += part_problems
        docs.append(doc)
        parts.append(part)
    kb = merge(parts)
    problems += _one_language(docs, parts)
    if docs:
        problems += check_merged(docs, kb)
    failed = bool(errors(problems)) or not docs
    _sort(problems, docs)
    return LoadResult(None if failed else kb, tuple(problems), tuple(paths), tuple(docs))


def _one_language(docs: list[YamlDocument], parts: list[KnowledgeBase]) -> list[Problem]:
    """Files that say different languages: one knowledge base is in one language, and the
    others are translations (`faq.fr.yml`)."""
    said = [(doc, part.language) for doc, part in zip(docs, parts) if part.language]
    if not said:
        return []
    first, language = said[0]
    return [
        Problem(f"language {shown(other)} differs from {first.file}'s {shown(language)}: the "
                f"files of one knowledge base share one language; entries in {shown(other)} go "
                f"in a translation file ({_translation_name(doc.file, other)})",
                doc.location(("language",)))
        for doc, other in said[1:] if other.lower() != language.lower()
    ]


def _translation_name(file: str, language: str) -> str:
    root, extension = os.path.splitext(file)
    return f"{root}.{language}{extension}"


def _sort(problems: list[Problem], docs: Iterable[YamlDocument]) -> None:
    order = {doc.file: index for index, doc in enumerate(docs)}
    problems.sort(key=lambda p: (
        (order.get(p.location.file, len(order)), p.location.file, p.location.line, p.location.column)
        if p.location else (-1, "", 0, 0)
    ))


@dataclass(frozen=True)
class LanguagesResult:
    """Each requested language's knowledge base, and every problem of its translations."""

    languages: dict[str, LanguageView]
    """Locale → its view; only languages whose translations have no error."""
    problems: tuple[Problem, ...]
    files: dict[str, tuple[str, ...]]
    """Locale → the translation files read (absolute paths)."""
    ignored: dict[str, tuple[str, ...]]
    """Translation files of languages nobody asked for (absolute paths), by locale."""

    @property
    def failed(self) -> bool:
        return bool(errors(self.problems))


def load_languages(
    patterns: str | list[str],
    base_dir: str,
    default: LoadResult,
    languages: Iterable[str] | None = None,
) -> LanguagesResult:
    """The translations of a loaded default knowledge base, for `languages` (every language
    found when None). A language without any file gets the default entries throughout."""
    if default.kb is None:
        raise ValueError("the default language has errors; translations are read after it")
    available = translation_paths(patterns, base_dir)
    wanted = list(dict.fromkeys(languages)) if languages is not None else sorted(available)
    built: dict[str, LanguageView] = {}
    problems: list[Problem] = []
    files: dict[str, tuple[str, ...]] = {}
    for code in wanted:
        paths = available.get(code, [])
        files[code] = tuple(paths)
        docs: list[YamlDocument] = []
        read_failed = False
        for path in paths:
            doc, read_problems = read_yaml_file(path, display_name(path, base_dir))
            problems += read_problems
            if doc is None:
                read_failed = True
            else:
                docs.append(doc)
        if read_failed:
            continue
        language, language_problems = language_view(
            code, default.docs, docs, known_problems=default.problems
        )
        problems += language_problems
        if language is not None:
            built[code] = language
    _sort(problems, default.docs)
    ignored = {code: tuple(paths) for code, paths in available.items() if code not in wanted}
    return LanguagesResult(built, tuple(problems), files, ignored)



def load_knowledge_base(patterns: str | list[str], base_dir: str) -> KnowledgeBase:
    """The knowledge base, or `FaqError` listing every error (warnings are not raised)."""
    result = load(patterns, base_dir)
    if result.kb is None:
        raise FaqError(errors(result.problems) or [Problem("no knowledge base file was read")])
    return result.kb
