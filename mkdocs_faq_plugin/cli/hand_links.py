"""`mkdocs-faq check --aliases DOCS_DIR`: words the pages link to a term by hand that none of
its forms match, each an alias to add.

Authors link by hand what the linker cannot find: a synonym ("scale" for Scalability) or, on a
translated site whose entry is shown in English, the page language's own word ("węźle" for
Node). Such a link marks one place; the same word as an alias is marked on every page.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from ..kb.locales import is_language
from ..kb.model import KnowledgeBase, Location, Term
from ..kb.problems import Problem
from ..terms.matcher import TermMatcher
from ..terms.morphology import same_language
from .scan import markdown_pages

__all__ = ["alias_notes"]

_LINK = re.compile(r"(?<!!)\[([^\[\]\n]+)\]\(\s*<?glossary:([^)\s>#]+)")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_MARKUP = re.compile(r"[`*_<>{}\\|]")
_SUFFIX = re.compile(r"\.([A-Za-z]{2}(?:[-_][A-Za-z0-9]+)?)\.(?:md|markdown)$")


def alias_notes(kb: KnowledgeBase, docs_dir: str, language: str | None) -> list[Problem]:
    """One note per term and linked word that no form of the term matches, at its first link.

    Pages are read in `language` (the site's), or in the one their name gives
    (`page.pl.md`, as mkdocs-static-i18n names them)."""
    found: dict[tuple[str, str], tuple[str, str, list[Location]]] = {}
    matchers: dict[tuple[str, str | None], TermMatcher] = {}
    for src_path, text in markdown_pages(Path(docs_dir)):
        suffix = _SUFFIX.search(src_path)
        page_language = suffix.group(1) if suffix and is_language(suffix.group(1)) else language
        for line_number, column, shown, target in _links(text):
            term = kb.find_term(unquote(target))
            if term is None or term.annotate is False:
                continue  # an unknown target is the build's error; `false` means "by hand"
            key = (term.id, page_language)
            if key not in matchers:
                matchers[key] = TermMatcher.from_terms(
                    [term], page_language, {term.id: kb.language} if kb.language else None
                )
            if _matched(matchers[key], shown):
                continue
            where = Location(str(Path(docs_dir, src_path)), line_number, column)
            entry = found.setdefault((term.id, shown.casefold()), (shown, page_language or "", []))
            entry[2].append(where)
    notes = []
    for (term_id, _), (shown, page_language, places) in found.items():
        term = kb.terms_by_id[term_id]
        notes.append(Problem(_message(term, shown, places, page_language, kb.language), places[0], "note"))
    return sorted(notes, key=lambda note: note.location or Location("", 0, 0))


def _links(text: str) -> list[tuple[int, int, str, str]]:
    """(line, column, shown text, target) of each `[text](glossary:target)` outside code."""
    links = []
    fence = ""
    for number, line in enumerate(text.splitlines(), start=1):
        opened = _FENCE.match(line)
        if opened:
            marker = opened.group(1)
            if not fence:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = ""
            continue
        if fence:
            continue
        for match in _LINK.finditer(line):
            shown = " ".join(match.group(1).split())
            if shown and not _MARKUP.search(shown) and line.count("`", 0, match.start()) % 2 == 0:
                links.append((number, match.start() + 1, shown, match.group(2)))
    return links


def _matched(matcher: TermMatcher, shown: str) -> bool:
    return any(m.start == 0 and m.end == len(shown) for m in matcher.find(shown))


def _message(term: Term, shown: str, places: list[Location], language: str, kb_language: str) -> str:
    count = len(places)
    pages = len({place.file for place in places})
    links = f"{count} link{'s' if count > 1 else ''}" + (f" on {pages} pages" if pages > 1 else "")
    translated = language and kb_language and not same_language(language, kb_language)
    home = f" in faq.{language}.yml (the pages are in '{language}')" if translated else ""
    return (
        f"glossary term '{term.term}': the pages link '{shown}' to it by hand ({links}), and "
        f"no form of its names matches it; add '{shown}' to its aliases{home} to have it "
        "marked on every page"
    )
