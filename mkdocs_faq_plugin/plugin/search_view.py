"""What the search plugin reads of a page: the index it would build anyway, built sooner.

Search plugins index each page with Python's HTML parser, and two things of ours cost them
far more than they give:

* Every annotated term is a link (`<a class="faq-term" …>`, a `<span>` without links) whose
  text is all an index keeps, yet each costs the parser a start tag, an end tag and two more
  pieces of text: about 25 µs, a third of the indexing time of an annotated page. The links of
  the glossary's "Used in" lists cost the same. `hide` shows the search plugin these as their
  bare text, so the index holds the same words.
* Material's search plugin looks each heading up in the page's table of contents by a linear
  scan: a page with n headings costs n²/2 steps (a second for a 5,000-term glossary). A heading
  the scan does not find is linked by its id, which is what its table-of-contents entry gives,
  so `hide` shows it our generated pages without one. MkDocs' own search indexes only what the
  table of contents lists, and keeps it.

`restore` puts the page back right after the search plugin, before the theme renders it.
Nothing else may run in between, since another plugin could change the page there (`View.of`
checks); Material's search plugin itself removes `data-search-*` attributes from the page,
and `restore` does the same to the page it gives back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

MATERIAL_SEARCH = "material/search"
MKDOCS_SEARCH = "search"

_TERM_RE = re.compile(r'<(a|span) class="faq-term" data-faq-term="[^"<>]*"[^<>]*>([^<]*)</\1>')
_USED_IN_RE = re.compile(r'<div class="faq-used-in[ "][^<>]*>.*?</div>', re.DOTALL)
_LINK_RE = re.compile(r'<a href="[^"<>]*">([^<]*)</a>')
# What Material's search plugin removes from the page it has indexed.
_MATERIAL_STRIP_RE = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")


@dataclass(frozen=True)
class View:
    """How one build's search plugin is shown our pages (`of`), or None: shown as they are."""

    material: bool

    @classmethod
    def of(cls, plugins: Any, ours: object) -> View | None:
        """The view for this build: only when its search plugin is the one plugin whose
        `on_page_context` runs between our two (`ours` is our plugin instance)."""
        search = plugins.get(MATERIAL_SEARCH) if hasattr(plugins, "get") else None
        material = search is not None
        if search is None:
            search = plugins.get(MKDOCS_SEARCH) if hasattr(plugins, "get") else None
        if search is None or not getattr(search.config, "enabled", True):
            return None
        methods = getattr(plugins, "events", {}).get("page_context", [])
        owners = [getattr(method, "__self__", None) for method in methods]
        positions = [i for i, owner in enumerate(owners) if owner is ours]
        if len(positions) != 2:
            return None
        between = owners[positions[0] + 1 : positions[1]]
        if not between or any(owner is not search for owner in between):
            return None
        return cls(material=material)

    def hide(self, page: Any, generated: bool) -> Hidden:
        """Show `page` to the search plugin as described in the module docstring."""
        content = page.content or ""
        shown = content
        if 'class="faq-term"' in shown:
            shown = _TERM_RE.sub(r"\2", shown)
        if generated and 'class="faq-used-in' in shown:
            shown = _USED_IN_RE.sub(lambda m: _LINK_RE.sub(r"\1", m.group(0)), shown)
        hidden = Hidden(content, shown, page.toc)
        page.content = shown
        if generated and self.material:
            page.toc = type(page.toc)([])  # MkDocs' TableOfContents takes its items
        return hidden

    def restore(self, page: Any, hidden: Hidden) -> None:
        page.toc = hidden.toc
        if page.content == hidden.shown:
            page.content = hidden.content
        elif self.material and page.content == _MATERIAL_STRIP_RE.sub("", hidden.shown):
            page.content = _MATERIAL_STRIP_RE.sub("", hidden.content)
        # else: the page was changed in a way we cannot redo; it keeps that change.


@dataclass(frozen=True)
class Hidden:
    """A page as it was before `View.hide`."""

    content: str
    shown: str
    toc: Any
