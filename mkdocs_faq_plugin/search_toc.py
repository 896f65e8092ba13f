"""Material's search indexes our long generated pages in linear time, with the same result.

Material's search plugin looks each section of a page up in the page's table of contents by a
linear scan, so a page with n headings costs n²/2 steps: a second for a 5,000-term glossary,
a fifth of one for an FAQ category with 800 questions. A section the scan does not find is
linked by its id instead, which is exactly the link its table-of-contents entry would give. So,
for the length of that plugin's `on_page_context` only, each generated page shows it an empty
table of contents (`hide`); the page's own is put back right after (`restore`), before the
theme renders it. MkDocs' built-in search is left alone: it indexes only what the table of
contents lists.
"""

from __future__ import annotations

from typing import Any

MATERIAL_SEARCH = "material/search"


def applies(plugins: Any) -> bool:
    """Is Material's search plugin in this build (its entry point name)?"""
    try:
        return MATERIAL_SEARCH in plugins
    except TypeError:
        return False


def hide(page: Any) -> Any:
    """Give `page` an empty table of contents; returns what `restore` needs."""
    toc = page.toc
    page.toc = type(toc)([])  # MkDocs' TableOfContents (and a list) take their items
    return toc


def restore(page: Any, toc: Any) -> None:
    page.toc = toc
