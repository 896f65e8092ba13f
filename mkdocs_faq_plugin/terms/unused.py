"""Glossary terms that no page mentions: one rule for builds and for `mkdocs-faq check --unused`.

A knowledge base shared by several handbooks is meant to define terms that one handbook never
uses, so in a build an unused term is news, not breakage: it is logged at INFO (one summary
line, each term at DEBUG) unless the site opts in with `glossary: {warn_unused: true}`. CI jobs
that want the list ask `mkdocs-faq check --unused DOCS_DIR`, which finds mentions the way the
build does (`cli/scan.py`): the same linker over the same Markdown, without MkDocs.

A term counts as used when it occurs in the prose of any page other than the glossary,
the generated FAQ pages and pages left out of annotation (`glossary.exclude`, front matter
`glossary: false`) included.
"""

from __future__ import annotations

from collections.abc import Collection

from ..kb.model import KnowledgeBase, Term
from ..kb.problems import Problem

_SHOWN_IN_SUMMARY = 5


def unused_terms(kb: KnowledgeBase, mentioned: Collection[str]) -> list[Term]:
    """The terms of `kb`, in faq.yml order, whose id is not in `mentioned`.

    A term with `annotate: false` is linked by hand only: the linker never looks for it, so
    it is never reported.
    """
    return [
        term for term in kb.glossary if term.id not in mentioned and term.annotate is not False
    ]


def unused_problems(terms: list[Term]) -> list[Problem]:
    """One located warning per unused term (`faq.yml:40:5: glossary term 'x' is not used …`)."""
    return [
        Problem(f"glossary term '{term.term}' is not used on any page", term.location, "warning")
        for term in terms
    ]


def summary(terms: list[Term], total: int) -> str:
    """The one INFO line of a build: how many terms are unused, the first few by name."""
    names = ", ".join(f"'{term.term}'" for term in terms[:_SHOWN_IN_SUMMARY])
    more = len(terms) - _SHOWN_IN_SUMMARY
    listed = f"{names} and {more} more" if more > 0 else names
    return (
        f"{len(terms)} of {total} glossary terms are not used on any page ({listed}); "
        "`mkdocs-faq check --unused DOCS_DIR` lists them, "
        "`glossary: {warn_unused: true}` makes each a warning"
    )
