"""Glossary terms that no page mentions: one rule for builds and for `mkdocs-faq check --unused`.

A knowledge base shared by several handbooks is meant to define terms that one handbook never
uses, so in a build an unused term is news, not breakage: it is logged at INFO (one summary
line, each term at DEBUG) unless the site opts in with `glossary: {warn_unused: true}`. CI jobs
that want the list ask `mkdocs-faq check --unused DOCS_DIR`, which finds mentions the way the
build does: the same linker over the same Markdown, without MkDocs.

A term counts as used when it occurs in the prose of any page other than the glossary,
the generated FAQ pages and pages left out of annotation (`glossary.exclude`, front matter
`glossary: false`) included.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Iterator
from pathlib import Path

from ..kb.model import KnowledgeBase, Term
from ..kb.problems import Problem

# What `check --unused` converts pages with: Python-Markdown's own extensions for the syntax
# most sites use, so that code blocks, tables and admonitions are told apart from prose.
SCAN_EXTENSIONS = ("extra", "admonition", "toc", "sane_lists")
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\r?\n.*?^(?:-{3}|\.{3})[ \t]*$\r?\n?", re.S | re.M)
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


def mentioned_in_docs(
    kb: KnowledgeBase,
    docs_dir: str | Path,
    *,
    faq_dir: str = "faq",
    glossary_page: str = "glossary.md",
) -> set[str]:
    """Ids of the terms mentioned in the Markdown pages under `docs_dir` or in the FAQ pages
    a build would generate from `kb` (their answers and descriptions)."""
    import markdown

    from ..pages.labels import labels_for
    from ..linker import FaqExtension, LinkerContext
    from ..pages.render import render_pages

    context = LinkerContext.for_knowledge_base(kb, faq_dir=faq_dir, glossary_page=glossary_page)
    converter = markdown.Markdown(extensions=[*SCAN_EXTENSIONS, FaqExtension(context=context)])
    generated = {
        page.src_path: page.markdown
        for page in render_pages(kb, context.layout, labels_for(None))
        if page.src_path != context.layout.glossary_page
    }
    for src_path, text in [*_pages(Path(docs_dir)), *generated.items()]:
        context.begin_page(src_path)
        converter.reset()
        converter.convert(_FRONT_MATTER.sub("", text, count=1))
    return context.mentioned


def _pages(docs_dir: Path) -> Iterator[tuple[str, str]]:
    """(source path, text) of every Markdown page, in a stable order; unreadable ones skipped."""
    for folder, subfolders, names in os.walk(docs_dir):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(names):
            if not name.endswith((".md", ".markdown")):
                continue
            path = Path(folder, name)
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                continue
            yield path.relative_to(docs_dir).as_posix(), text
