"""One knowledge base in several languages: `faq.<locale>.yml` files over the default one.

Beside each knowledge-base file, `faq.fr.yml` (for globs, `faq.d/*.fr.yml`) holds that
language's entries. A translated category, question or term names the entry it translates by
its **id**; every key it states replaces the default language's value, every key it leaves out
is inherited. Entries nobody translated fall back to the default language's entry, so each
language has the same categories, questions and terms, in the same order, with the same ids —
and so the same pages and anchors.

How: for each language, the default language's documents are copied with every translated
entry replaced by the merged entry (translation over default), the locations of the keys the
translation states pointing into the translation file. The copy then goes through the same
validation as faq.yml itself (`validation.build_part`, `references.check_merged`), so a translated
answer is checked like any other, and its problems name the translation file.

Pure: no MkDocs, no file system (the loader reads the files).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..text import close_match, slug
from .model import ENTRY_SECTIONS, Category, KnowledgeBase, Location, Question, Term, merge
from .problems import Path, Problem, dotted_path, errors, shown
from .reading import Position, YamlDocument
from .references import check_merged
from .validation import SCHEMA_VERSION, TOP_KEYS, build_part, is_supported_version

KIND_OF = dict(ENTRY_SECTIONS)

TRANSLATION_KEYS = (*(key for key in TOP_KEYS if key != "language"), "tags")
"""A translation's keys: faq.yml's but `language` (a translation's is in its file name,
`faq.fr.yml`), and `tags` (tag as faq.yml writes it → its name here)."""


@dataclass(frozen=True)
class LanguageView:
    """One language's view of the knowledge base: every entry, translated or fallen back."""

    code: str
    kb: KnowledgeBase
    files: tuple[str, ...] = ()
    """The translation files read for this language (display names)."""
    translated: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    """(kind, id) of each translated entry; kind is `category`, `question` or `term`, and
    ("faq", "title") / ("faq", "description") for the FAQ's own title and description."""

    def is_translated(self, kind: str, entry_id: str) -> bool:
        return (kind, entry_id) in self.translated

    def missing(self, default: KnowledgeBase) -> list[tuple[str, str, Location | None]]:
        """(kind, id, where the default entry is) of each entry that falls back."""
        return [
            (kind, entry.id, entry.location)
            for kind, entry in entries_of(default)
            if (kind, entry.id) not in self.translated
        ]


def entries_of(kb: KnowledgeBase) -> Iterator[tuple[str, Category | Question | Term]]:
    """(kind, entry) of every category, question and term, in that order."""
    for kind, items in (("category", kb.categories), ("question", kb.questions), ("term", kb.glossary)):
        for entry in items:
            yield kind, entry


@dataclass
class _Overlay:
    """One translated entry: where it is, what it says, and which default entry it replaces."""

    source: _Source
    path: Path
    data: dict[str, Any]
    entry_id: str
    id_path: Path

    @property
    def doc(self) -> YamlDocument:
        return self.source.doc


def language_view(
    code: str,
    base_docs: Sequence[YamlDocument],
    translation_docs: Sequence[YamlDocument],
    *,
    known_problems: Iterable[Problem] = (),
) -> tuple[LanguageView | None, list[Problem]]:
    """LanguageView `code` from the default documents and that language's translation documents.

    Returns None (and the errors) when a translation is broken; `known_problems` (those of the
    default language) are not reported a second time for the entries that fall back.
    """
    problems: list[Problem] = []
    base_entries = _base_entries(base_docs)
    base_tags = _base_tags(base_docs)
    tag_names: dict[str, str] = {}
    overlays: dict[tuple[str, str], _Overlay] = {}
    titles: dict[str, tuple[_Source, Any]] = {}
    default_names = ", ".join(dict.fromkeys(d.file for d in base_docs)) or "faq.yml"
    for doc in translation_docs:
        source = _Source(doc)
        data = doc.data
        if not isinstance(data, dict):
            problems.append(Problem(
                "a translation holds the keys title, categories, questions, glossary, tags "
                "(a mapping)", doc.location(()),
            ))
            continue
        for key in data:
            if key not in TRANSLATION_KEYS:
                problems.append(Problem(
                    f"{dotted_path((key,))}: unknown key (allowed: {', '.join(TRANSLATION_KEYS)})",
                    doc.key_location((key,)),
                ))
        if not is_supported_version(data.get("version", SCHEMA_VERSION)):
            problems.append(Problem(
                f"version: schema version {shown(data.get('version'))} is not supported "
                f"(use {SCHEMA_VERSION})", doc.location(("version",)),
            ))
        for key in ("title", "description"):
            if key in data and key not in titles:
                titles[key] = (source, data[key])
        problems += _tag_names(doc, data.get("tags"), base_tags, tag_names)
        for section, kind in ENTRY_SECTIONS:
            items = data.get(section)
            if items is None:
                continue
            if not isinstance(items, list):
                problems.append(Problem(f"{section}: expected a list", doc.location((section,))))
                continue
            for index, item in enumerate(items):
                overlay, problem = _overlay(source, section, index, item, base_entries, default_names)
                if problem is not None:
                    problems.append(problem)
                    continue
                assert overlay is not None
                key = (kind, overlay.entry_id)
                first = overlays.get(key)
                if first is not None:
                    problems.append(Problem(
                        f"{dotted_path(overlay.id_path)} {shown(overlay.entry_id)}: this {kind} is "
                        f"translated twice in '{code}' (first at {first.doc.location(first.id_path)})",
                        doc.location(overlay.id_path),
                    ))
                    continue
                problems += _category_kept(overlay, base_entries[key])
                overlays[key] = overlay
    # The entries that did match are validated too, so every error shows in one pass.
    docs = [_translated_doc(doc, overlays, titles if i == 0 else {}) for i, doc in enumerate(base_docs)]
    parts: list[KnowledgeBase] = []
    for doc in docs:
        part, part_problems = build_part(doc)
        problems += part_problems
        parts.append(part)
    kb = merge(parts)
    problems += check_merged(docs, kb)
    seen = {(p.message, p.location) for p in known_problems}
    problems = [_as_written(p, overlays, base_entries) for p in problems if (p.message, p.location) not in seen]
    if errors(problems):
        return None, problems
    files = tuple(dict.fromkeys(d.file for d in translation_docs))
    kb = replace(kb, files=(*kb.files, *files), tag_names=tuple(tag_names.items()))
    translated = frozenset(overlays) | {("faq", key) for key in titles}
    return LanguageView(code, kb, files, translated), problems


def _base_tags(docs: Sequence[YamlDocument]) -> set[str]:
    """Every tag the default language's questions use, as written."""
    tags: set[str] = set()
    for doc in docs:
        items = doc.data.get("questions") if isinstance(doc.data, dict) else None
        for item in items if isinstance(items, list) else ():
            found = item.get("tags") if isinstance(item, dict) else None
            if isinstance(found, list):
                tags.update(t.strip() for t in found if isinstance(t, str))
    return tags


def _tag_names(doc: YamlDocument, given: Any, base_tags: set[str], names: dict[str, str]) -> list[Problem]:
    """Read a translation's `tags:` (tag as faq.yml writes it → its name in this language)
    into `names`; the tag keeps its anchor, only the name shown changes."""
    if given is None:
        return []
    if not isinstance(given, dict):
        return [Problem(
            "tags: expected a mapping of tags (as faq.yml writes them) to their names here",
            doc.location(("tags",)),
        )]
    problems: list[Problem] = []
    for tag, name in given.items():
        path: Path = ("tags", tag)
        if not isinstance(tag, str) or tag.strip() not in base_tags:
            hint = close_match(str(tag), sorted(base_tags))
            problems.append(Problem(
                f"tags: {shown(tag)} is not a tag of any question of the default language"
                + (f"; did you mean '{hint}'?" if hint else ""),
                doc.key_location(path),
            ))
        elif not isinstance(name, str) or not " ".join(name.split()):
            problems.append(Problem(f"{dotted_path(path)}: expected the tag's name (text)", doc.location(path)))
        elif tag.strip() not in names:
            names[tag.strip()] = " ".join(name.split())
    return problems


_ENTRY_PATH = re.compile(r"^(categories|questions|glossary)\[(\d+)\]")


def _as_written(
    problem: Problem,
    overlays: dict[tuple[str, str], _Overlay],
    base_entries: dict[tuple[str, str], tuple[YamlDocument, Path]],
) -> Problem:
    """A problem found in a merged entry names the entry's path in the translation file
    (`questions[0]`), not its place among the default language's entries."""
    match = _ENTRY_PATH.match(problem.message)
    if problem.location is None or match is None:
        return problem
    section, index = match.group(1), int(match.group(2))
    for key, overlay in overlays.items():
        base_doc, base_path = base_entries[key]
        if base_path == (section, index) and overlay.doc.file == problem.location.file:
            written = dotted_path(overlay.path)
            return replace(problem, message=written + problem.message[match.end():])
    return problem


def _base_entries(docs: Sequence[YamlDocument]) -> dict[tuple[str, str], tuple[YamlDocument, Path]]:
    """(kind, id) → where the default language defines the entry."""
    entries: dict[tuple[str, str], tuple[YamlDocument, Path]] = {}
    for doc in docs:
        data = doc.data if isinstance(doc.data, dict) else {}
        for section, kind in ENTRY_SECTIONS:
            items = data.get(section)
            for index, item in enumerate(items if isinstance(items, list) else ()):
                entry_id = _raw_id(section, item)
                if entry_id:
                    entries.setdefault((kind, entry_id), (doc, (section, index)))
    return entries


def _raw_id(section: str, item: Any) -> str | None:
    if not isinstance(item, dict):
        return None
    value = item.get("id")
    if value is None and section == "glossary" and isinstance(item.get("term"), str):
        value = slug(item["term"])
    return value if isinstance(value, str) and value else None


def _overlay(
    source: _Source,
    section: str,
    index: int,
    item: Any,
    base_entries: dict[tuple[str, str], tuple[YamlDocument, Path]],
    default_names: str,
) -> tuple[_Overlay | None, Problem | None]:
    doc = source.doc
    kind = KIND_OF[section]
    path: Path = (section, index)
    if not isinstance(item, dict):
        return None, Problem(f"{dotted_path(path)}: expected a {kind} (a mapping of keys)", doc.location(path))
    entry_id = _raw_id(section, item)
    id_path: Path = (*path, "id") if "id" in item or section != "glossary" else (*path, "term")
    if entry_id is None:
        return None, Problem(
            f"{dotted_path(path)}: missing 'id': a translated {kind} names the entry it "
            "translates by its id", doc.location(path),
        )
    if (kind, entry_id) not in base_entries:
        candidates = sorted(i for k, i in base_entries if k == kind)
        hint = close_match(entry_id, candidates)
        if "id" not in item:
            message = (
                f"{dotted_path(path)}: term {shown(item.get('term'))} has the id {shown(entry_id)}, "
                f"which no term of the default language ({default_names}) has; add "
                f"'id:' with the id of the term it translates"
            )
        else:
            message = (
                f"{dotted_path(id_path)} {shown(entry_id)} is not the id of a {kind} of the "
                f"default language ({default_names})"
            )
        return None, Problem(message + (f"; did you mean '{hint}'?" if hint else ""), doc.location(id_path))
    return _Overlay(source, path, item, entry_id, id_path), None


def _category_kept(overlay: _Overlay, base: tuple[YamlDocument, Path]) -> list[Problem]:
    """A question stays in its category in every language, so its page (and the language
    switcher's target) is the same in each."""
    if overlay.path[0] != "questions" or "category" not in overlay.data:
        return []
    base_doc, base_path = base
    base_item = base_doc.data[base_path[0]][base_path[1]]
    if overlay.data["category"] == base_item.get("category"):
        return []
    return [Problem(
        f"{dotted_path((*overlay.path, 'category'))} {shown(overlay.data['category'])} differs "
        f"from the default language's {shown(base_item.get('category'))} (at "
        f"{base_doc.location((*base_path, 'category'))}); a question has one category in every "
        "language: leave 'category' out of the translation",
        overlay.doc.location((*overlay.path, "category")),
    )]


def _translated_doc(
    doc: YamlDocument,
    overlays: dict[tuple[str, str], _Overlay],
    titles: dict[str, tuple[_Source, Any]],
) -> YamlDocument:
    """A copy of a default-language document with the translated entries merged in."""
    data = dict(doc.data) if isinstance(doc.data, dict) else {}
    items_replaced: set[Path] = set()  # the entry's own location only
    trees_replaced: set[Path] = set()  # a key and everything under it
    values: dict[Path, Position | Location] = {}
    keys: dict[Path, Position | Location] = {}
    for key, (source, value) in titles.items():
        data[key] = value
        trees_replaced.add((key,))
        _graft(source, (key,), (key,), values, keys)
    for section, kind in ENTRY_SECTIONS:
        items = data.get(section)
        if not isinstance(items, list):
            continue
        merged_items = list(items)
        for index, item in enumerate(items):
            entry_id = _raw_id(section, item)
            overlay = overlays.get((kind, entry_id)) if entry_id else None
            if overlay is None:
                continue
            merged_items[index] = {**item, **overlay.data, "id": entry_id}
            target: Path = (section, index)
            items_replaced.add(target)
            values[target] = overlay.doc.location(overlay.path)
            for key in overlay.data:
                trees_replaced.add((*target, key))
                _graft(overlay.source, (*overlay.path, key), (*target, key), values, keys)
            if "id" not in overlay.data:  # a term matched by the slug of its translated name
                trees_replaced.add((*target, "id"))
                values[(*target, "id")] = overlay.doc.location(overlay.id_path)
        data[section] = merged_items
    for original, merged in ((doc.values, values), (doc.keys, keys)):
        for path, location in original.items():
            if path in merged or path in items_replaced:
                continue
            if path[:1] in trees_replaced or path[:3] in trees_replaced:
                continue
            merged[path] = location
    return YamlDocument(doc.file, data, values, keys)


class _Source:
    """A translation document with its locations grouped by their first one and three path
    parts (built once), so grafting every key of a large translation stays linear."""

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self._groups: dict[Path, list[tuple[Path, Location, bool]]] | None = None

    def under(self, prefix: Path) -> list[tuple[Path, Location, bool]]:
        if self._groups is None:
            groups: dict[Path, list[tuple[Path, Location, bool]]] = {}
            for is_key, origin in ((False, self.doc.values), (True, self.doc.keys)):
                for path, found in origin.items():
                    location = self.doc.located(found)  # the translation's own file
                    for length in {1, min(3, len(path))} if path else ():
                        groups.setdefault(path[:length], []).append((path, location, is_key))
            self._groups = groups
        return self._groups.get(prefix, [])


def _graft(
    source: _Source,
    source_path: Path,
    target_path: Path,
    values: dict[Path, Position | Location],
    keys: dict[Path, Position | Location],
) -> None:
    """Copy the locations of `source_path` (a top-level key, or one key of an entry) and
    everything under it to `target_path`."""
    depth = len(source_path)
    for path, location, is_key in source.under(source_path):
        if path[:depth] == source_path:
            (keys if is_key else values)[(*target_path, *path[depth:])] = location
