"""Publishing one knowledge base to several handbooks: keep only the entries for an audience.

A category, question or glossary term may list the audiences it is written for
(`audience: [internal]`). A build that selects audiences (`audiences: [public]` in the plugin
options) publishes:

* every entry that names no audience (it is public);
* every entry that names at least one of the selected audiences.

Everything else is left out of the selected `KnowledgeBase`, so it vanishes from the
generated pages, the search index, JSON-LD, tooltips and exports alike. A question whose
category is left out goes with it, and so does a category whose questions were all left out.
`related` and `see` references to entries that were left out are removed, and Markdown links
to them (`[text](faq:ID)`) become their plain text, so no trace of them (not even an id) reaches
the published pages or exports; `links_to_dropped` tells authors where that happened.

Pure functions, importable without MkDocs, so the command line can use the same selection.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from urllib.parse import unquote

from .ids import FAQ_SCHEME, GLOSSARY_SCHEME, knowledge_link
from .model import KnowledgeBase, Location
from .problems import Problem
from .validation import LINK_RE

__all__ = ["Dropped", "is_published", "links_to_dropped", "select"]

# A whole inline link to a knowledge target: `[text](faq:ID)`, `[text](<glossary:ID> "title")`.
# The text may hold one level of brackets (`[see [x]](faq:y)`).
_KNOWLEDGE_LINK_RE = re.compile(
    r"\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"\(\s*<?(?P<href>(?:faq|glossary):[^)\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Dropped:
    """The ids of the entries a selection left out, in faq.yml order."""

    categories: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.categories or self.questions or self.terms)

    @property
    def count(self) -> int:
        return len(self.categories) + len(self.questions) + len(self.terms)


def is_published(audience: Iterable[str], selected: Iterable[str]) -> bool:
    """Whether an entry written for `audience` appears in a build for `selected` audiences.

    No selection publishes everything; an entry without audience is public.
    """
    wanted = set(selected)
    entry = tuple(audience)
    return not wanted or not entry or not wanted.isdisjoint(entry)


def select(kb: KnowledgeBase, audiences: Iterable[str]) -> tuple[KnowledgeBase, Dropped]:
    """The part of `kb` published for `audiences`, and what was left out.

    An empty `audiences` returns `kb` itself and nothing dropped.
    """
    wanted = tuple(audiences)
    if not wanted:
        return kb, Dropped()
    categories = [c for c in kb.categories if is_published(c.audience, wanted)]
    kept_categories = {c.id for c in categories}
    questions = [
        q for q in kb.questions
        if is_published(q.audience, wanted)
        and (q.category is None or not kb.categories or q.category in kept_categories)
    ]
    # A category that had questions and lost all of them would be an empty page.
    populated_before = {q.category for q in kb.questions}
    populated_after = {q.category for q in questions}
    categories = [
        c for c in categories if c.id not in populated_before or c.id in populated_after
    ]
    terms = [t for t in kb.glossary if is_published(t.audience, wanted)]

    question_ids = {q.id for q in questions}
    term_ids = {t.id for t in terms}
    category_ids = {c.id for c in categories}
    kept = KnowledgeBase(categories=tuple(categories), questions=tuple(questions), glossary=tuple(terms))

    def unlink(text: str) -> str:
        return _unlink_dropped(text, kb, kept)

    questions = [
        replace(
            q,
            related=tuple(r for r in q.related if r in question_ids),
            answer=unlink(q.answer),
        )
        for q in questions
    ]
    terms = [
        replace(t, see=tuple(s for s in t.see if s in term_ids), details=unlink(t.details))
        for t in terms
    ]
    categories = [replace(c, description=unlink(c.description)) for c in categories]
    selected = KnowledgeBase(
        title=kb.title,
        description=unlink(kb.description),
        categories=tuple(categories),
        questions=tuple(questions),
        glossary=tuple(terms),
        files=kb.files,
        tag_names=kb.tag_names,
    )
    dropped = Dropped(
        categories=tuple(c.id for c in kb.categories if c.id not in category_ids),
        questions=tuple(q.id for q in kb.questions if q.id not in question_ids),
        terms=tuple(t.id for t in kb.glossary if t.id not in term_ids),
    )
    return selected, dropped


def links_to_dropped(
    original: KnowledgeBase, selected: KnowledgeBase, audiences: Iterable[str] = ()
) -> list[Problem]:
    """Warnings for `faq:`/`glossary:` links in published text whose target was left out.

    The generated pages turn such links into plain text; an author should know, because the
    sentence around the link usually needs rewording for that handbook. Checks answers,
    category descriptions, term details and the knowledge base description of `selected`.
    """
    if selected is original:
        return []
    wanted = ", ".join(audiences)
    for_whom = f" for audiences {wanted}" if wanted else ""
    problems: list[Problem] = []
    for owner, location, text in _texts(original, selected):
        for href in _links(text):
            dropped = _dropped_target(href, original, selected)
            if dropped is not None:
                what, why = dropped
                problems.append(Problem(
                    f"{owner} links to {what} ('{href}'), which is not published{for_whom} "
                    f"({why}); the link becomes plain text",
                    location,
                    "warning",
                ))
    return problems


def _texts(
    original: KnowledgeBase, selected: KnowledgeBase
) -> Iterator[tuple[str, Location | None, str]]:
    """(who, where, Markdown as written) of every published text that may hold knowledge links."""
    if original.description:
        first = Location(original.files[0], 1, 1) if original.files else None
        yield "the description", first, original.description
    for category in original.categories:
        if category.description and category.id in selected.categories_by_id:
            yield f"category '{category.id}'", category.location, category.description
    for question in original.questions:
        if question.id in selected.questions_by_id:
            yield f"question '{question.id}'", question.location, question.answer
    for term in original.glossary:
        if term.details and term.id in selected.terms_by_id:
            yield f"term '{term.id}'", term.location, term.details


def _unlink_dropped(text: str, original: KnowledgeBase, selected: KnowledgeBase) -> str:
    """`text` with every link to a left-out entry replaced by the link's own text."""
    lowered = text.lower()
    if not text or ("faq:" not in lowered and "glossary:" not in lowered):
        return text

    def keep_text(match: re.Match[str]) -> str:
        if _dropped_target(match.group("href"), original, selected) is None:
            return match.group(0)
        return match.group("text")

    return _KNOWLEDGE_LINK_RE.sub(keep_text, text)


def _links(text: str) -> Iterator[str]:
    for match in LINK_RE.finditer(text):
        yield match.group(1)


def _dropped_target(
    href: str, original: KnowledgeBase, selected: KnowledgeBase
) -> tuple[str, str] | None:
    """What a link points to when that exists in `original` but not in `selected`, and why
    it is left out: the author then knows which entry's `audience` decides."""
    href = knowledge_link(href)
    scheme = FAQ_SCHEME if href.startswith(FAQ_SCHEME) else GLOSSARY_SCHEME
    target = unquote(href[len(scheme):]).split("#", 1)[0].strip()
    if not target:
        return None
    if scheme == FAQ_SCHEME:
        question = original.questions_by_id.get(target)
        if question is not None and target not in selected.questions_by_id:
            category = original.categories_by_id.get(question.category or "")
            if question.audience or category is None:
                return f"question '{target}'", f"it is {_written_for(question.audience)}"
            return f"question '{target}'", f"its category '{category.id}' is {_written_for(category.audience)}"
        category = original.categories_by_id.get(target)
        if category is not None and target not in selected.categories_by_id:
            if category.audience:
                return f"category '{target}'", f"it is {_written_for(category.audience)}"
            return f"category '{target}'", "none of its questions is"
        return None
    term = original.find_term(target)
    if term is not None and term.id not in selected.terms_by_id:
        return f"term '{term.id}'", f"it is {_written_for(term.audience)}"
    return None


def _written_for(audience: Iterable[str]) -> str:
    return f"written for {', '.join(audience)}"
