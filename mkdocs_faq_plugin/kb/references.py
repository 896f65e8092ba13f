"""Checks that need the whole knowledge base, made once every file is read: ids and term
names used twice (naming both places), references to entries that do not exist, and links or
script in the Markdown authors wrote."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from ..text import close_match, slug
from .active_html import judge_markdown
from .model import ENTRY_SECTIONS, KnowledgeBase, Location
from .problems import ACTIVE_HTML, Path, Problem, dotted_path, shown
from .reading import YamlDocument
from .validation import LINK_RE, SLUG_RE
from .written import WrittenNumber


def check_merged(docs: list[YamlDocument], kb: KnowledgeBase) -> list[Problem]:
    """Problems only visible once every file is read: duplicates and dangling references."""
    problems: list[Problem] = []
    first_seen: dict[tuple[str, str], Location] = {}
    names_seen: dict[str, tuple[str, Location]] = {}
    known = _raw_ids(docs)
    for doc in docs:
        data = doc.data if isinstance(doc.data, dict) else {}
        for section, kind in ENTRY_SECTIONS:
            items = data.get(section)
            if not isinstance(items, list):
                continue
            for index, item in enumerate(items):
                if not isinstance(item, dict):
                    continue
                path: Path = (section, index)
                raw_id = item.get("id")
                if raw_id is None and section == "glossary" and isinstance(item.get("term"), str):
                    raw_id = slug(item["term"])
                    id_path: Path = (*path, "term")
                else:
                    id_path = (*path, "id")
                if isinstance(raw_id, str) and raw_id:
                    key = (kind, raw_id)
                    here = doc.location(id_path)
                    if key in first_seen:
                        problems.append(Problem(
                            f"{dotted_path((*path, 'id'))} {shown(raw_id)} is used twice "
                            f"(first at {first_seen[key]})", here,
                        ))
                    else:
                        first_seen[key] = here
                if section == "glossary":
                    problems += _check_term_names(doc, path, item, names_seen)
                problems += _check_refs(doc, path, item, kb, known)
        problems += _check_markdown(doc, ("description",), data.get("description"), kb, known)
    entries = sum(
        len(doc.data.get(section) or ()) if isinstance(doc.data.get(section), list) else 1
        for doc in docs if isinstance(doc.data, dict) for section in ("questions", "glossary")
        if section in doc.data
    )
    if not entries and any(isinstance(doc.data, dict) for doc in docs):
        problems.append(Problem(
            "defines no questions and no glossary terms: nothing to publish",
            Location(kb.files[0], 1, 1) if kb.files else None,
        ))
    return problems


def _check_term_names(
    doc: YamlDocument, path: Path, item: dict[str, Any], seen: dict[str, tuple[str, Location]]
) -> list[Problem]:
    """A surface form must name one term only, or the linker could not choose."""
    problems = []
    names: list[tuple[Path, Any]] = [((*path, "term"), item.get("term"))]
    aliases = item.get("aliases")
    if isinstance(aliases, list):
        names += [((*path, "aliases", i), a) for i, a in enumerate(aliases)]
    elif isinstance(aliases, str):
        names.append(((*path, "aliases"), aliases))
    owner = str(item.get("id") or slug(str(item.get("term") or "")))
    for name_path, name in names:
        if not isinstance(name, str) or not name.strip():
            continue
        # NFC: "café" typed as one character or as e + U+0301 is the same name to a reader.
        key = unicodedata.normalize("NFC", " ".join(name.split())).casefold()
        here = doc.location(name_path)
        if key in seen and seen[key][0] != owner:
            problems.append(Problem(
                f"{dotted_path(name_path)} {shown(name)} already names term {shown(seen[key][0])} "
                f"(at {seen[key][1]})", here,
            ))
        else:
            seen.setdefault(key, (owner, here))
    return problems


def _check_refs(
    doc: YamlDocument,
    path: Path,
    item: dict[str, Any],
    kb: KnowledgeBase,
    known: dict[str, set[str]],
) -> list[Problem]:
    """References are checked against every id written, valid record or not, so one broken
    entry does not cascade into errors at each place that mentions it."""
    problems: list[Problem] = []
    category_ids, question_ids, term_ids = known["categories"], known["questions"], known["glossary"]

    def missing(ref_path: Path, ref: str, what: str, known: set[str]) -> None:
        hint = close_match(ref, sorted(known))
        suffix = f"; did you mean '{hint}'?" if hint else ""
        problems.append(Problem(
            f"{dotted_path(ref_path)} {shown(ref)} is not {what}{suffix}", doc.location(ref_path)
        ))

    def each(key: str) -> Iterator[tuple[Path, str]]:
        value = item.get(key)
        if isinstance(value, str) and not isinstance(value, WrittenNumber):
            yield (*path, key), value
        elif isinstance(value, list):
            for i, ref in enumerate(value):
                if isinstance(ref, str):
                    yield (*path, key, i), ref

    section = path[0]
    if section == "questions":
        category = item.get("category")
        if isinstance(category, str) and SLUG_RE.match(category):
            if category not in category_ids:
                if category_ids:
                    missing((*path, "category"), category, "a category id", category_ids)
                else:
                    problems.append(Problem(
                        f"{dotted_path((*path, 'category'))} {shown(category)} is set but no "
                        "categories are defined", doc.location((*path, "category")),
                    ))
        elif category is None and category_ids and isinstance(item.get("id"), str):
            problems.append(Problem(
                f"{dotted_path(path)}: missing required key 'category' (categories are defined)",
                doc.location(path),
            ))
        for ref_path, ref in each("related"):
            if SLUG_RE.match(ref) and ref not in question_ids:
                missing(ref_path, ref, "a question id", question_ids)
    if section == "glossary":
        for ref_path, ref in each("see"):
            if SLUG_RE.match(ref) and ref not in term_ids:
                missing(ref_path, ref, "a term id", term_ids)
    for key in ("answer", "description", "details"):
        problems += _check_markdown(doc, (*path, key), item.get(key), kb, known)
    return problems


def _check_markdown(
    doc: YamlDocument, path: Path, text: Any, kb: KnowledgeBase, known: dict[str, set[str]]
) -> list[Problem]:
    """Warnings about one Markdown field: content that would run scripts, dead links."""
    if not isinstance(text, str):
        return []
    problems: list[Problem] = []
    if "<" not in text and "](" not in text and "]:" not in text and "=" not in text:
        return problems  # no tag, link or attribute: nothing below can match
    where = doc.location(path)
    active, left_open = judge_markdown(text)
    for what in active:
        problems.append(Problem(
            f"{dotted_path(path)}: contains {what}, which would run in every reader's browser; "
            "write it inside `code` to show it",
            where, "warning", kind=ACTIVE_HTML,
        ))
    if left_open and path[0] in ("questions", "glossary"):
        problems.append(Problem(
            f"{dotted_path(path)}: <{left_open}> is opened and never closed, so it would swallow "
            f"everything after it on the page; close it with </{left_open}>",
            where,
        ))
    for match in LINK_RE.finditer(text):
        target = match.group(1)
        if not _link_target_exists(target, kb, known):
            problems.append(Problem(
                f"{dotted_path(path)}: link target {shown(target)} does not exist",
                where, "warning",
            ))
    return problems


def _link_target_exists(href: str, kb: KnowledgeBase, known: dict[str, set[str]]) -> bool:
    # `faq:id#part` is no target: pages resolve the whole text after `faq:` as one id.
    scheme, _, target = href.partition(":")
    scheme = scheme.lower()
    if not target:
        return True
    if scheme == "faq":
        return target in known["questions"] or target in known["categories"]
    return target in known["glossary"] or kb.find_term(target) is not None


def _raw_ids(docs: list[YamlDocument]) -> dict[str, set[str]]:
    """Every id written in any file, per section (terms without `id` count by their slug)."""
    known: dict[str, set[str]] = {"categories": set(), "questions": set(), "glossary": set()}
    for doc in docs:
        data = doc.data if isinstance(doc.data, dict) else {}
        for section, ids in known.items():
            items = data.get(section)
            for item in items if isinstance(items, list) else ():
                if not isinstance(item, dict):
                    continue
                raw = item.get("id")
                if raw is None and section == "glossary" and isinstance(item.get("term"), str):
                    raw = slug(item["term"])
                if isinstance(raw, str) and raw:
                    ids.add(raw)
    return known
