"""Language of parts (WCAG 3.1.2) on generated pages of a translated site.

An entry nobody translated is shown in faq.yml's language on, say, a French page. Our
templates give its heading that language (`{: lang="en"}`, see `pages.Fallback`); Markdown
has no syntax to do the same for the blocks the author wrote under it (an answer, a
definition, a description), so this treeprocessor copies the heading's `lang` onto them. A
screen reader then reads the entry with an English voice and our own labels around it
(metadata, aliases, "see also", which stay in the page's language) with the page's.

It runs after attr_list (priority 8) has turned the heading's attributes into attributes, and
looks only at the top-level blocks of a page: on a page without such a heading it costs a
glance at each block.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor
from markdown.util import STX

__all__ = ["PRIORITY", "LanguageOfParts"]

PRIORITY = 7

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_OWN_BLOCKS = ("no-glossary", "faq-meta", "faq-tools")
"""Classes of the blocks we write in the page's language between an entry's heading and its
end: the metadata line, aliases and "see also" (`no-glossary`), the toolbar."""


class LanguageOfParts(Treeprocessor):
    """Gives each block of an entry the `lang` its heading carries."""

    def run(self, root: etree.Element) -> None:
        lang: str | None = None
        level = 0
        for element in root:
            tag = element.tag
            heading = _HEADINGS.get(tag) if isinstance(tag, str) else None
            classes = element.get("class", "")
            if heading is not None and (heading <= level or "faq-" in classes):
                lang = None  # the entry ends at the next heading of ours or of its level
            if lang is None:
                own = element.get("lang") if heading is not None and "faq-" in classes else None
                if own:
                    lang, level = own, heading or 0
                continue
            if any(name in classes for name in _OWN_BLOCKS) or _raw_html(element):
                continue
            if element.get("lang") is None:
                element.set("lang", lang)


def _raw_html(element: etree.Element) -> bool:
    """A paragraph holding only a stashed raw HTML block: Python-Markdown swaps the whole
    `<p>` for the HTML later, which it no longer does once the `<p>` has an attribute."""
    return element.tag == "p" and not len(element) and (element.text or "").lstrip().startswith(STX)
