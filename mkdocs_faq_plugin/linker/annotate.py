"""Annotation: find glossary terms in a page's prose and wrap them in the term markup.

Only running text is touched: headings, code, links, titles and anything marked
`no-glossary` are skipped (`SKIP_TAGS`, `SKIP_CLASSES`), including text inside raw inline
HTML, which reaches the tree as placeholders around plain text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

from ..terms.matcher import Match
from .context import LinkerContext

__all__ = ["HEADINGS", "SKIP_CLASSES", "SKIP_TAGS", "PageAnnotator"]

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Text inside these is code, a link already, a title, or not prose at all.
SKIP_TAGS = frozenset(
    {
        *HEADINGS,
        "code", "pre", "kbd", "samp", "var", "a", "abbr", "dfn", "script", "style", "svg",
        "math", "summary", "label", "button", "textarea", "select", "option", "template",
        "noscript", "iframe", "object", "title", "autoref",  # mkdocs-autorefs: a link, later
    }
)  # fmt: skip
# faq-broken-link: the text of a link whose target is unknown stays as the author wrote it.
SKIP_CLASSES = frozenset({"no-glossary", "faq-term", "faq-broken-link", "arithmatex"})
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip
_RAW_TAG = re.compile(r"<\s*(/)?\s*([A-Za-z][\w:-]*)([^>]*?)(/)?\s*>\s*\Z", re.DOTALL)
_RAW_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)


def _classes(element: etree.Element) -> set[str]:
    value = element.get("class")
    return set(value.split()) if value else set()


def _is_skipped(element: etree.Element) -> bool:
    tag = element.tag
    if not isinstance(tag, str):
        return True  # comments, processing instructions
    if tag in SKIP_TAGS:
        return True
    classes = _classes(element)
    if not classes:
        return False
    return not classes.isdisjoint(SKIP_CLASSES) or (tag == "p" and "admonition-title" in classes)


@dataclass(slots=True)
class _Slot:
    """One run of prose: `parent.text` (child None) or `child.tail`, with blocked ranges."""

    parent: etree.Element
    child: etree.Element | None
    text: str
    blocked: list[tuple[int, int]]
    following: etree.Element | None  # the inline element right after the text, if any
    matches: list[Match] = field(default_factory=list)
    block: etree.Element | None = None  # the paragraph, list item, cell... it is part of


# Joins the prose of a page for one matcher call. Not a word character, never inside a
# term, so no match spans two text nodes and each node edge counts as a word boundary.
_JOIN = "\x00"
# Elements inside a block of text: their text continues the sentence around them.
_INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i",
     "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
     "u", "var", "wbr"}
)  # fmt: skip


class PageAnnotator:
    """One page: collect its prose in document order, match it all at once, then annotate.

    Matching the whole page in one call instead of once per text node avoids a fixed cost
    per node (a page has hundreds, most of them tiny).
    """

    def __init__(self, context: LinkerContext, stash: list[Any]) -> None:
        self.context = context
        self.stash = stash
        self.section = ""
        self.seen_on_page: set[str] = set()
        self.seen_in_section: set[str] = set()
        self.on_glossary = context.page == context.layout.glossary_page
        self.block: etree.Element | None = None
        self.about = frozenset() if context.self_links else context.page_terms
        # In document order: ("heading", id), ("seen", term id) or ("prose", _Slot).
        self.events: list[tuple[str, Any]] = []
        # Term id → sections where it occurs on this page: handed to the context once.
        self.found: dict[str, set[str]] = {}

    def run(self, root: etree.Element) -> None:
        self._collect(root, [])
        slots = [slot for kind, slot in self.events if kind == "prose"]
        if not slots:
            return
        self._decide(slots)
        self.context.record_page(self.found)

    def _decide(self, slots: list[_Slot]) -> None:
        text = _JOIN.join(slot.text for slot in slots)
        matches = self.context.matcher.find(text, self.about)
        senses = self.context.senses
        if senses and matches:
            names = [  # the page's own terms, only where an everyday word may lie inside one
                match for match in self.context.matcher.find(text) if match.term_id in self.about
            ] if self.about and any(m.term_id in senses.words for m in matches) else []  # fmt: skip
            matches = senses.select(text, matches, _blocks(slots), self.context.linked, names)
        position, offset = 0, 0
        for slot in slots:
            end = offset + len(slot.text)
            while position < len(matches) and matches[position].start < end:
                match = matches[position]
                slot.matches.append(Match(match.start - offset, match.end - offset, match.term_id))
                position += 1
            offset = end + len(_JOIN)
        changes: dict[etree.Element, dict[etree.Element | None, list[etree.Element]]] = {}
        for kind, value in self.events:
            if kind == "heading":
                self.section = value
                self.seen_in_section = set()
            elif kind == "seen":
                self._count(value)
            elif value.matches:
                added = self._annotate(value)
                if added:
                    changes.setdefault(value.parent, {})[value.child] = added
        for parent, inserts in changes.items():
            rebuilt = list(inserts.get(None, ()))
            for child in parent:
                rebuilt.append(child)
                rebuilt.extend(inserts.get(child, ()))
            parent[:] = rebuilt

    # -- pass 1: structure -------------------------------------------------------------

    def _collect(self, element: etree.Element, raw_open: list[tuple[str, bool]]) -> None:
        """Record `element`'s own text and its children (their tails belong to it).

        `raw_open` lists inline raw-HTML tags opened so far in this block (name, skips?),
        since `a <code>term</code>` reaches us as placeholders around plain text.
        """
        if self._skip_subtree(element):
            return
        outer = self.block
        if element.tag not in _INLINE_TAGS:
            self.block = element
        state = list(raw_open)
        children = list(element)
        self._prose(element, None, element.text, state, children[0] if children else None)
        for index, child in enumerate(children, start=1):
            self._collect(child, state)
            following = children[index] if index < len(children) else None
            self._prose(element, child, child.tail, state, following)
        self.block = outer

    def _prose(
        self,
        parent: etree.Element,
        child: etree.Element | None,
        text: str | None,
        raw_open: list[tuple[str, bool]],
        following: etree.Element | None,
    ) -> None:
        if not text or isinstance(text, AtomicString) or text.isspace():
            return
        blocked = self._raw_html_blocked(text, raw_open) if raw_open or "\x02" in text else []
        if blocked is not None:  # None: all of it is inside raw <code>, <a>, ...
            slot = _Slot(parent, child, text, blocked, following, block=self.block)
            self.events.append(("prose", slot))

    def _skip_subtree(self, element: etree.Element) -> bool:
        """Skipped elements still move the section and count existing annotations."""
        if element.tag in HEADINGS:
            self.events.append(("heading", element.get("id") or ""))
            return True
        if not _is_skipped(element):
            return False
        for inner in element.iter():
            if inner.tag in HEADINGS:
                self.events.append(("heading", inner.get("id") or ""))
            elif inner.get("data-faq-term") and "faq-term" in _classes(inner):
                # Already annotated (output fed back in): counts as seen, so running again
                # changes nothing.
                self.events.append(("seen", inner.get("data-faq-term")))
        return True

    # -- pass 2: decisions -------------------------------------------------------------

    def _count(self, term_id: str) -> None:
        sections = self.found.get(term_id)
        if sections is None:
            sections = self.found[term_id] = set()
        sections.add(self.section)
        self.seen_on_page.add(term_id)
        self.seen_in_section.add(term_id)

    def _annotate(self, slot: _Slot) -> list[etree.Element]:
        """Wrap the chosen matches of `slot`; the text between them moves to tails."""
        mode = self.context.annotate
        enabled = self.context.enabled
        skip_own_entry = self.on_glossary and not self.context.self_links
        text = slot.text
        last = len(text)
        added: list[etree.Element] = []
        cursor = 0
        for match in slot.matches:
            start = match.start
            if slot.blocked and any(a <= start < b for a, b in slot.blocked):
                continue
            if (start == 0 or match.end == last) and _glued(slot, match):
                continue
            term_id = match.term_id
            if skip_own_entry and term_id == self.section:
                continue  # a glossary entry does not link to itself
            if mode == "first":
                wanted = term_id not in self.seen_on_page
            elif mode == "section":
                wanted = term_id not in self.seen_in_section
            else:
                wanted = True
            self._count(term_id)
            if not wanted or not enabled:
                continue
            if added:
                added[-1].tail = text[cursor:start]
            elif slot.child is None:
                slot.parent.text = text[:start]
            else:
                slot.child.tail = text[:start]
            added.append(self._element(term_id, text[start : match.end]))
            cursor = match.end
        if added:
            added[-1].tail = text[cursor:]
        return added

    def _element(self, term_id: str, original: str) -> etree.Element:
        """The markup contract of ARCHITECTURE.md, attribute order included."""
        context = self.context
        if context.link:
            element = etree.Element("a")
            element.set("class", "faq-term")
            element.set("data-faq-term", term_id)
            element.set("href", context.term_href(term_id))
        else:
            element = etree.Element("span")
            element.set("class", "faq-term")
            element.set("data-faq-term", term_id)
            element.set("tabindex", "0")
        if context.tooltips:
            title = context.title(term_id)
            if title:
                element.set("title", title)
                lang = context.term_languages.get(term_id)
                if lang:
                    element.set("data-faq-lang", lang)
        element.text = original
        return element

    def _raw_html_blocked(
        self, text: str, raw_open: list[tuple[str, bool]]
    ) -> list[tuple[int, int]] | None:
        """Ranges of `text` inside skipping raw inline HTML; None if all of it is.

        Updates `raw_open` in place with the tags this text opens and closes.
        """
        blocked: list[tuple[int, int]] = []
        since = 0 if any(skips for _, skips in raw_open) else -1
        for placeholder in _placeholders(text):
            raw = self._stashed(placeholder.group(1))
            tag = _RAW_TAG.match(raw) if raw is not None else None
            if tag is None:
                continue
            closing, name, attributes, self_closing = tag.groups()
            name = name.lower()
            if closing:
                for index in range(len(raw_open) - 1, -1, -1):
                    if raw_open[index][0] == name:
                        del raw_open[index:]
                        break
            elif not self_closing and name not in _VOID_TAGS:
                raw_open.append((name, name in SKIP_TAGS or _raw_skip_class(attributes)))
            skipping = any(skips for _, skips in raw_open)
            if skipping and since < 0:
                since = placeholder.start()
            elif not skipping and since >= 0:
                blocked.append((since, placeholder.end()))
                since = -1
        if since >= 0:
            if since == 0 and not blocked:
                return None
            blocked.append((since, len(text)))
        return blocked

    def _stashed(self, index: str) -> str | None:
        position = int(index)
        if 0 <= position < len(self.stash):
            raw = self.stash[position]
            if isinstance(raw, str):
                return raw
        return None


_HTML_PLACEHOLDER: re.Pattern[str] = HTML_PLACEHOLDER_RE


def _blocks(slots: list[_Slot]) -> list[tuple[int, int]]:
    """The spans of the joined text that belong to one block each, in order."""
    spans: list[tuple[int, int]] = []
    offset = 0
    previous: etree.Element | None = None
    for index, slot in enumerate(slots):
        end = offset + len(slot.text)
        if index and slot.block is previous:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((offset, end))
        previous = slot.block
        offset = end + len(_JOIN)
    return spans


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _glued(slot: _Slot, match: Match) -> bool:
    """Does a match that starts or ends with punctuation (".NET", "C++") touch a word in an
    adjacent inline element ("foo<em>.NET</em>", "C++<a>x</a>")?

    Inside one text node the matcher rejects that itself; across nodes it cannot see it.
    Checking here also keeps a second run over our own output from annotating more.
    """
    text = slot.text
    if match.start == 0 and slot.child is not None and not _is_word_char(text[0]):
        before = "".join(slot.child.itertext())
        if before and _is_word_char(before[-1]):
            return True
    if match.end == len(text) and slot.following is not None and not _is_word_char(text[-1]):
        after = next((piece for piece in slot.following.itertext() if piece), "")
        if after and _is_word_char(after[0]):
            return True
    return False


def _placeholders(text: str) -> Iterator[re.Match[str]]:
    return _HTML_PLACEHOLDER.finditer(text)


def _raw_skip_class(attributes: str) -> bool:
    found = _RAW_CLASS.search(attributes)
    if not found:
        return False
    classes = set(next(group for group in found.groups() if group is not None).split())
    return not classes.isdisjoint(SKIP_CLASSES)

