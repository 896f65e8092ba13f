"""`mkdocs-faq check --unused DOCS_DIR`: which terms the pages under a docs folder mention,
found the way a build finds them (the same linker over the same Markdown), without MkDocs."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import markdown

from ..kb.model import KnowledgeBase
from ..linker import FaqExtension, LinkerContext
from ..pages.labels import labels_for
from ..pages.render import render_pages

# Python-Markdown's own extensions for the syntax most sites use, so that code blocks, tables
# and admonitions are told apart from prose.
SCAN_EXTENSIONS = ("extra", "admonition", "toc", "sane_lists")
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\r?\n.*?^(?:-{3}|\.{3})[ \t]*$\r?\n?", re.S | re.M)

def mentioned_in_docs(
    kb: KnowledgeBase,
    docs_dir: str | Path,
    *,
    faq_dir: str = "faq",
    glossary_page: str = "glossary.md",
    language: str | None = None,
) -> set[str]:
    """Ids of the terms mentioned in the Markdown pages under `docs_dir` or in the FAQ pages
    a build would generate from `kb` (their answers and descriptions), in `language` (its
    everyday words count only where they mean the term, as in a build)."""
    context = LinkerContext.for_knowledge_base(
        kb, faq_dir=faq_dir, glossary_page=glossary_page, language=language
    )
    converter = markdown.Markdown(extensions=[*SCAN_EXTENSIONS, FaqExtension(context=context)])
    generated = {
        page.src_path: page.markdown
        for page in render_pages(kb, context.layout, labels_for(None))
        if page.src_path != context.layout.glossary_page
    }
    for src_path, text in [*markdown_pages(Path(docs_dir)), *generated.items()]:
        context.begin_page(src_path)
        converter.reset()
        converter.convert(_FRONT_MATTER.sub("", text, count=1))
    return context.mentioned


def markdown_pages(docs_dir: Path) -> Iterator[tuple[str, str]]:
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
