"""Marks and hand links in one coordinate system: offsets into a page's visible text.

The plugin only wraps text, so the built page and the plain render of the hand-linked page
have the same visible text; a hand link is *recalled* when a mark of the same term overlaps
it. A hand link is a *name link* when its text is the term's own name: the title, either
side of a "Name (ABBR)" title, each with or without an English plural ending. That test is
written here on its own, from the titles, so that it does not share the linker's rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .corpus import HAND, Corpus

__all__ = ["Mark", "PageText", "is_name_link", "read_page"]

# Where a mark must never be: code, links, headings, titles.
FORBIDDEN = frozenset({"code", "pre", "kbd", "samp", "a", "h1", "h2", "h3", "h4", "h5", "h6",
                       "summary", "title"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "col", "source"})


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    term: str
    text: str


@dataclass
class PageText:
    text: str = ""
    marks: list[Mark] = field(default_factory=list)
    hand_links: list[Mark] = field(default_factory=list)
    misplaced: list[Mark] = field(default_factory=list)
    """Marks inside code, a link, a heading or an admonition title."""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.stack: list[tuple[str, str | None, int, bool]] = []  # tag, term, start, forbidden
        self.page = PageText()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        term = None
        if tag == "a" and "faq-term" in classes:
            term = values.get("data-faq-term")
        elif tag == "a" and (values.get("href") or "").startswith(HAND):
            term = "hand:" + (values.get("href") or "")[len(HAND):]
        forbidden = tag in FORBIDDEN or "admonition-title" in classes
        self.stack.append((tag, term, self.length, forbidden))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        while self.stack:
            name, term, start, _ = self.stack.pop()
            if term is not None:
                text = "".join(self.parts)[start:self.length] if self.length - start < 500 else ""
                if term.startswith("hand:"):
                    self.page.hand_links.append(Mark(start, self.length, term[5:], text))
                else:
                    mark = Mark(start, self.length, term, text)
                    self.page.marks.append(mark)
                    if any(forbidden for *_, forbidden in self.stack):
                        self.page.misplaced.append(mark)
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        self.length += len(data)

    def result(self) -> PageText:
        self.page.text = "".join(self.parts)
        self.page.marks.sort(key=lambda m: m.start)
        self.page.hand_links.sort(key=lambda m: m.start)
        return self.page


def read_page(html: str) -> PageText:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.result()


def _normal(text: str) -> str:
    return " ".join(text.replace("-", " ").replace("\u2011", " ").split()).casefold()


def _names(title: str) -> set[str]:
    names = {title}
    inner = re.match(r"^(.*?)\s*[(（]([^()（）]+)[)）]\s*$", title)
    if inner:
        names |= {inner.group(1), inner.group(2)}
    result = set()
    for name in map(_normal, names):
        result |= {name, name + "s", name + "es"}
        if name.endswith("ies"):
            result.add(name[:-3] + "y")
        elif name.endswith("y"):
            result.add(name[:-1] + "ies")
        if name.endswith("es"):
            result.add(name[:-2])
        if name.endswith("s"):
            result.add(name[:-1])
    return result


def is_name_link(link_text: str, title: str) -> bool:
    return _normal(link_text) in _names(title)


def titles(corpus: Corpus) -> dict[str, str]:
    return {entry.id: entry.title for entry in corpus.entries}
