"""The glossary's "Used in" lists: which pages and questions mention each term.

They can only be written once every page is converted, so the plugin adds them to the
glossary's HTML in `on_env`. Each list goes at the end of its entry: right before the next
entry's or letter's heading (our `faq-term-entry` / `faq-letter` classes), found by string
search in the rendered page, so entries cost Markdown nothing extra. A theme's own
`_term.md.j2` may instead place `pages.used_in_placeholder(term.id)` where it wants the list;
a page holding such placeholders gets its lists there.

Pure apart from the `page_link` callback, which knows the host's URLs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from ..kb.model import KnowledgeBase
from ..layout import SiteLayout

PLACEHOLDER_RE = re.compile(r'<div class="faq-used-in" data-faq-used-in="([^"<>]*)"></div>')
_HEADING_RE = re.compile(r"<h[1-6]\s[^>]*>")
_CLASS_RE = re.compile(r'\sclass="([^"]*)"')
_ID_RE = re.compile(r'\sid="([^"]*)"')

PageLink = Callable[[str], "tuple[str, str] | None"]
"""Source path → (plain-text title, URL relative to the glossary), None if not a built page."""


class UsedIn:
    """Each term's "Used in" entries from the linker's usage record, in a stable order.

    `usage` maps term id → page → section ids (question ids on FAQ pages). A page is listed
    once, a question once per question; its title and URL are worked out once per page, however
    many terms it mentions.
    """

    def __init__(self, kb: KnowledgeBase, layout: SiteLayout, page_link: PageLink) -> None:
        self.kb = kb
        self.layout = layout
        self.page_link = page_link
        self._links: dict[str, tuple[str, str] | None] = {}

    def _link(self, src: str) -> tuple[str, str] | None:
        if src not in self._links:
            self._links[src] = self.page_link(src)
        return self._links[src]

    def entries(self, pages: Mapping[str, Iterable[str]]) -> list[tuple[str, str]]:
        """(title, relative URL) of every page and question using one term."""
        found: list[tuple[str, str]] = []
        faq_pages = self.layout.faq_pages
        for src in sorted(pages):
            if src == self.layout.glossary_page:
                continue
            link = self._link(src)
            if link is None:
                continue
            title, url = link
            if src in faq_pages:
                for qid in sorted(pages[src]):
                    question = self.kb.questions_by_id.get(qid)
                    if question is not None:
                        found.append((question.question, f"{url}#{qid}"))
            else:
                found.append((title, url))
        return found


def fill(content: str, render: Callable[[str], str]) -> str:
    """The glossary's HTML with `render(term_id)` at the end of each entry (or in its
    placeholder, when the page holds placeholders); empty lists add nothing."""
    if 'class="faq-used-in"' in content and PLACEHOLDER_RE.search(content):
        return PLACEHOLDER_RE.sub(lambda m: render(m.group(1)), content)
    out: list[str] = []
    cursor = 0
    entry: tuple[int, str] | None = None  # (start, term id) of the entry being read
    for match in _HEADING_RE.finditer(content):
        classes = _CLASS_RE.search(match.group(0))
        kinds = classes.group(1).split() if classes else ()
        if "faq-term-entry" not in kinds and "faq-letter" not in kinds:
            continue
        if entry is not None:
            cursor = _insert(content, out, cursor, match.start(), render(entry[1]))
        found = _ID_RE.search(match.group(0))
        entry = (match.start(), found.group(1)) if found and "faq-term-entry" in kinds else None
    if entry is not None:
        cursor = _insert(content, out, cursor, len(content), render(entry[1]))
    out.append(content[cursor:])
    return "".join(out)


def _insert(content: str, out: list[str], cursor: int, end: int, block: str) -> int:
    """Copy `content[cursor:end]` to `out` with `block` after its last non-blank character."""
    if not block:
        return cursor
    body_end = end
    while body_end > cursor and content[body_end - 1].isspace():
        body_end -= 1
    out.append(content[cursor:body_end])
    out.append(f"\n{block}")
    return body_end
