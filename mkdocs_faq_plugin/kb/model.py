"""The validated knowledge base: immutable records that every other module reads.

Nothing here knows about YAML, MkDocs or HTML. `schema.py` builds these objects from
faq.yml; pages, the term linker, JSON-LD and the CLI only ever consume them, so data
flows one way.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file; lines and columns count from 1, like editors do."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Source:
    """A citation shown under an answer."""

    title: str
    url: str


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    description: str = ""
    audience: tuple[str, ...] = ()
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answer: str
    category: str | None = None
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    audience: tuple[str, ...] = ()
    owner: str | None = None
    reviewed: datetime.date | None = None
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    details: str = ""
    see: tuple[str, ...] = ()
    case_sensitive: bool | None = None
    """True: every name as written; False: any case; None: acronyms as written, the rest any."""
    audience: tuple[str, ...] = ()
    location: Location | None = field(default=None, compare=False)
    annotate: bool | Literal["aliases", "auto"] = "auto"
    """Found in prose automatically: everywhere (`True`), never (`False`), by its aliases
    only, or `auto`: everywhere, unless its name is an everyday word (see `senses`)."""
    variants: bool = True
    """Generated forms (plural, singular, hyphen/space, "Name (ABBR)" parts) are looked for."""

    @property
    def names(self) -> tuple[str, ...]:
        """The term followed by its aliases: every surface form an author may write."""
        return (self.term, *self.aliases)


@dataclass(frozen=True)
class KnowledgeBase:
    """One merged, validated faq.yml (or several files merged into one)."""

    title: str = ""
    description: str = ""
    categories: tuple[Category, ...] = ()
    questions: tuple[Question, ...] = ()
    glossary: tuple[Term, ...] = ()
    files: tuple[str, ...] = ()
    tag_names: tuple[tuple[str, str], ...] = ()
    """(tag as faq.yml writes it, the name shown for it): a translation's own names for tags.
    The tag as written stays its identity (anchors, filters by slug, faq.json)."""
    language: str = ""
    """The language faq.yml is written in (its `language` key, a BCP 47 tag such as `en`),
    "" when it does not say: what its entries declare and inflect as on pages in another."""

    def tag_name(self, tag: str) -> str:
        """The name a tag is shown by in this language."""
        return self._tag_names.get(tag, tag)

    @cached_property
    def _tag_names(self) -> dict[str, str]:
        return dict(self.tag_names)

    @cached_property
    def questions_by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    @cached_property
    def terms_by_id(self) -> dict[str, Term]:
        return {t.id: t for t in self.glossary}

    @cached_property
    def categories_by_id(self) -> dict[str, Category]:
        return {c.id: c for c in self.categories}

    def questions_in(self, category_id: str | None) -> tuple[Question, ...]:
        return self._questions_by_category.get(category_id, ())

    @cached_property
    def _questions_by_category(self) -> dict[str | None, tuple[Question, ...]]:
        """One pass over the questions: pages ask once per category."""
        groups: dict[str | None, list[Question]] = {}
        for q in self.questions:
            groups.setdefault(q.category, []).append(q)
        return {category: tuple(group) for category, group in groups.items()}

    @cached_property
    def questions_by_tag(self) -> dict[str, tuple[Question, ...]]:
        """Every tag (in first-use order) with its questions in file order."""
        groups: dict[str, list[Question]] = {}
        for q in self.questions:
            for tag in dict.fromkeys(q.tags):
                groups.setdefault(tag, []).append(q)
        return {tag: tuple(group) for tag, group in groups.items()}

    @cached_property
    def _related_both_ways(self) -> dict[str, tuple[str, ...]]:
        links: dict[str, list[str]] = {q.id: list(q.related) for q in self.questions}
        for q in self.questions:
            for other in q.related:
                back = links.get(other)
                if back is not None and q.id not in back and q.id != other:
                    back.append(q.id)
        return {qid: tuple(ids) for qid, ids in links.items()}

    def related_to(self, question_id: str) -> tuple[Question, ...]:
        """Questions this one lists as related, then those that list it (backlinks)."""
        ids = self._related_both_ways.get(question_id, ())
        return tuple(self.questions_by_id[i] for i in ids if i in self.questions_by_id)

    @cached_property
    def tags(self) -> tuple[str, ...]:
        """Every tag in first-use order."""
        return tuple(self.questions_by_tag)

    @cached_property
    def _terms_by_name(self) -> dict[str, Term]:
        names: dict[str, Term] = {}
        for t in self.glossary:
            for name in t.names:
                names.setdefault(name.casefold(), t)
        return names

    def find_term(self, id_or_name: str) -> Term | None:
        """A term by its id, or by its name or an alias (case-insensitive)."""
        return self.terms_by_id.get(id_or_name) or self._terms_by_name.get(id_or_name.casefold())

    def see_also(self, term_id: str) -> tuple[Term, ...]:
        term = self.terms_by_id.get(term_id)
        if term is None:
            return ()
        return tuple(self.terms_by_id[i] for i in term.see if i in self.terms_by_id)

ENTRY_SECTIONS: tuple[tuple[str, str], ...] = (
    ("categories", "category"),
    ("questions", "question"),
    ("glossary", "term"),
)
"""faq.yml's sections of entries and the kind of entry each holds, in file order."""

def merge(parts: list[KnowledgeBase]) -> KnowledgeBase:
    """Concatenate files in order; the first title, description and language found win."""
    return KnowledgeBase(
        title=next((p.title for p in parts if p.title), ""),
        description=next((p.description for p in parts if p.description), ""),
        categories=tuple(c for p in parts for c in p.categories),
        questions=tuple(q for p in parts for q in p.questions),
        glossary=tuple(t for p in parts for t in p.glossary),
        files=tuple(f for p in parts for f in p.files),
        language=next((p.language for p in parts if p.language), ""),
    )
