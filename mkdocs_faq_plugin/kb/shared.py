"""Imported entries next to a site's own: what stays, what gives way, where each one links.

The site's own faq.yml always wins: an imported term whose id or name the site defines, or an
imported question or category id the site uses, gives way (an imported alias that is a local
name is dropped alone); between imports, the first listed wins. Each import's give-ways are
one note. Pure: no MkDocs.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .exported import SiteExport
from .model import KnowledgeBase, Term
from .problems import Problem

_DEAD_LINK = re.compile(r"link target '((?:faq|glossary):[^'#]*)[^']*' does not exist$")
"""The loader's warning about a `faq:`/`glossary:` link in faq.yml that it cannot resolve
(`schema._check_markdown`); tests hold the two together."""


@dataclass(frozen=True)
class SharedEntries:
    """Every imported entry that stays, with the owner's absolute URL of each."""

    terms: tuple[Term, ...] = ()
    term_urls: dict[str, str] = field(default_factory=dict)
    question_urls: dict[str, str] = field(default_factory=dict)
    """Question and category ids → URL: both are `faq:` targets."""
    term_languages: dict[str, str] = field(default_factory=dict)
    """Term id → the language of its definition, where the owner declared one."""
    names: dict[str, str] = field(default_factory=dict)
    """Casefolded term name or alias → term id, for `glossary:<name>` links."""

    def __bool__(self) -> bool:
        return bool(self.terms or self.question_urls)

    def find_term(self, id_or_name: str) -> str | None:
        """The id of an imported term, by its id, name or alias (case-insensitive)."""
        if id_or_name in self.term_urls:
            return id_or_name
        return self.names.get(id_or_name.casefold())

    def faq_url(self, target: str) -> str | None:
        return self.question_urls.get(target)

    def term_url(self, id_or_name: str) -> str | None:
        term_id = self.find_term(id_or_name)
        return None if term_id is None else self.term_urls[term_id]


def combine(local: KnowledgeBase, exports: list[SiteExport]) -> tuple[SharedEntries, list[str]]:
    """The imported entries that stay beside `local`, and one note per import that gave way."""
    taken_ids = {t.id for t in local.glossary}
    taken_names = {name.casefold() for t in local.glossary for name in t.names}
    taken_faq = {*local.questions_by_id, *local.categories_by_id}
    terms: list[Term] = []
    term_urls: dict[str, str] = {}
    question_urls: dict[str, str] = {}
    languages: dict[str, str] = {}
    names: dict[str, str] = {}
    notes: list[str] = []
    for export in exports:
        gave_way: list[str] = []
        for term in export.terms:
            if term.id in taken_ids or term.term.casefold() in taken_names:
                gave_way.append(f"term '{term.id}'")
                continue
            aliases = tuple(a for a in term.aliases if a.casefold() not in taken_names)
            if len(aliases) != len(term.aliases):
                dropped = [a for a in term.aliases if a not in aliases]
                gave_way.append(f"alias {', '.join(repr(a) for a in dropped)} of '{term.id}'")
                term = dataclasses.replace(term, aliases=aliases)
            taken_ids.add(term.id)
            for name in term.names:
                folded = name.casefold()
                taken_names.add(folded)
                names.setdefault(folded, term.id)
            terms.append(term)
            term_urls[term.id] = export.term_urls[term.id]
            if export.language:
                languages[term.id] = export.language
        for kind, urls in (("question", export.question_urls), ("category", export.category_urls)):
            for entry_id, url in urls.items():
                if entry_id in taken_faq:
                    gave_way.append(f"{kind} '{entry_id}'")
                    continue
                taken_faq.add(entry_id)
                question_urls[entry_id] = url
        if gave_way:
            shown = ", ".join(gave_way[:10]) + (f" and {len(gave_way) - 10} more" if len(gave_way) > 10 else "")
            notes.append(
                f"import {export.source}: {shown} gave way to this site's own entries "
                "(or an earlier import's)"
            )
    entries = SharedEntries(tuple(terms), term_urls, question_urls, languages, names)
    return entries, notes


def imported_languages(shared: SharedEntries, page_language: str | None) -> dict[str, str]:
    """Imported term id → its definition's language, where that differs from the page's
    (the tooltip then says so, WCAG 3.1.2); nothing when the page's language is unknown."""
    if not page_language:
        return {}
    primary = page_language.split("-")[0].casefold()
    return {
        term_id: language
        for term_id, language in shared.term_languages.items()
        if language.split("-")[0].casefold() != primary
    }


def without_imported_links(problems: Iterable[Problem], exports: list[SiteExport]) -> list[Problem]:
    """The loader's problems, less its dead-link warnings for links an import resolves: a
    faq.yml answer may link `[SLO](glossary:slo)` to the company glossary."""
    if not exports:
        return list(problems)
    return [p for p in problems if not _imported_link(p, exports)]


def _imported_link(problem: Problem, exports: list[SiteExport]) -> bool:
    found = _DEAD_LINK.search(problem.message)
    if found is None:
        return False
    scheme, _, target = found.group(1).partition(":")
    for export in exports:
        if scheme == "faq" and (target in export.question_urls or target in export.category_urls):
            return True
        if scheme == "glossary" and (
            target in export.term_urls
            or any(target.casefold() == name.casefold() for term in export.terms for name in term.names)
        ):
            return True
    return False
