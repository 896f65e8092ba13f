"""Check a built synthetic site: count term annotations and make sure code is untouched.

A "mark" is one annotated term in page content:

* ours        any element with a `data-faq-term` attribute
* abbr        `<abbr>` elements (Python-Markdown's `abbr` extension)
* ezglossary  `<a class="mkdocs-ezglossary-link">` elements

Every kind is counted for every configuration; a configuration's own kind is its tooltip
count. Marks are also counted by where they landed: inside code (`pre`, `code`, `kbd`,
`samp`), headings, or the text of another link. Code blocks and inline code spans from the
generator's manifest must come out with exactly the text that went in.
"""

from __future__ import annotations

import html
import re
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from .sitegen import EZ_SECTION, Manifest

MARK_KINDS = ("ours", "abbr", "ezglossary")
OWN_KIND = {"ours": "ours", "ours-all": "ours", "abbr": "abbr", "abbr-spaced": "abbr",
            "ezglossary": "ezglossary"}

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_PRE = re.compile(r"<pre[^>]*>(.*?)</pre>", re.S)
_CODE = re.compile(r"<code[^>]*>(.*?)</code>", re.S)
_TAG = re.compile(r"<[^>]+>")
_FAQ_ANCHOR = re.compile(r'\bid="(faq-\d+)"')
_RAW_EZ = re.compile(rf"&lt;{EZ_SECTION}:|<{EZ_SECTION}:")
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_CODE_TAGS = frozenset(("pre", "code", "kbd", "samp"))
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


@dataclass
class Verification:
    config: str
    html_pages: int = 0
    marks: int = 0
    """Marks of the configuration's own kind (its tooltips)."""
    marks_with_title: int = 0
    marks_by_kind: dict[str, int] | None = None
    expected_mentions: int = 0
    """Prose mentions the generator wrote (pages + FAQ answers); headings, link text and code
    also name terms but should not be annotated."""
    marks_in_code: int = 0
    marks_in_headings: int = 0
    marks_in_links: int = 0
    code_blocks: int = 0
    code_altered: int = 0
    inline_code: int = 0
    inline_altered: int = 0
    pages_missing: int = 0
    raw_markup: int = 0
    faq_entries: int = 0
    expected_faq_entries: int = 0
    json_ld_pages: int = 0

    @property
    def code_untouched(self) -> bool:
        return (self.code_altered == 0 and self.inline_altered == 0
                and self.marks_in_code == 0 and self.pages_missing == 0)

    @property
    def problems(self) -> list[str]:
        """What is wrong with this output, in words (empty when all is well)."""
        out: list[str] = []
        if self.pages_missing:
            out.append(f"{self.pages_missing} pages missing")
        if self.code_altered:
            out.append(f"{self.code_altered}/{self.code_blocks} code blocks altered")
        if self.inline_altered:
            out.append(f"{self.inline_altered}/{self.inline_code} inline code spans altered")
        if self.marks_in_code:
            out.append(f"{self.marks_in_code} marks inside code")
        if self.raw_markup:
            out.append(f"{self.raw_markup} raw `<{EZ_SECTION}:…>` markup left in prose")
        if self.faq_entries != self.expected_faq_entries:
            out.append(f"{self.faq_entries}/{self.expected_faq_entries} FAQ entries")
        if self.config.startswith("ours"):
            if self.marks_in_headings:
                out.append(f"{self.marks_in_headings} marks inside headings")
            if self.marks_in_links:
                out.append(f"{self.marks_in_links} marks inside link text")
        return out

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["code_untouched"] = self.code_untouched
        data["problems"] = self.problems
        return data


class _MarkCounter(HTMLParser):
    """Counts marks in an HTML fragment by kind and by the context they sit in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.kinds: dict[str, int] = dict.fromkeys(MARK_KINDS, 0)
        self.with_title: dict[str, int] = dict.fromkeys(MARK_KINDS, 0)
        self.in_code: dict[str, int] = dict.fromkeys(MARK_KINDS, 0)
        self.in_headings: dict[str, int] = dict.fromkeys(MARK_KINDS, 0)
        self.in_links: dict[str, int] = dict.fromkeys(MARK_KINDS, 0)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        kind: str | None = None
        if "data-faq-term" in values:
            kind = "ours"
        elif tag == "abbr":
            kind = "abbr"
        elif tag == "a" and "mkdocs-ezglossary-link" in (values.get("class") or "").split():
            kind = "ezglossary"
        if kind is not None:
            self.kinds[kind] += 1
            if values.get("title"):
                self.with_title[kind] += 1
            if any(t in _CODE_TAGS for t in self.stack):
                self.in_code[kind] += 1
            if any(t in _HEADINGS for t in self.stack):
                self.in_headings[kind] += 1
            if "a" in self.stack:
                self.in_links[kind] += 1
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)
        else:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass


def _article(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    m = _ARTICLE.search(text)
    return m.group(1) if m else text


def _text_of(fragment: str) -> str:
    return html.unescape(_TAG.sub("", fragment))


def verify_site(site_dir: Path, config: str, manifest: Manifest) -> Verification:
    """Inspect `site_dir` (the output of building `config`) against the manifest."""
    result = Verification(config=config, expected_faq_entries=manifest.spec.questions)
    result.expected_mentions = (manifest.expected_ez_links if config == "ezglossary"
                                else manifest.expected_mentions)
    counter = _MarkCounter()
    faq_ids: set[str] = set()
    for path in sorted(site_dir.rglob("*.html")):
        if path.name != "index.html":
            continue
        result.html_pages += 1
        whole = path.read_text(encoding="utf-8")
        if '"FAQPage"' in whole:
            result.json_ld_pages += 1
        m = _ARTICLE.search(whole)
        content = m.group(1) if m else whole
        counter.stack.clear()
        counter.feed(content)
        counter.close()
        counter.reset()
        faq_ids.update(_FAQ_ANCHOR.findall(content))
        prose = _CODE.sub("", _PRE.sub("", content))
        result.raw_markup += len(_RAW_EZ.findall(prose))
    result.faq_entries = len(faq_ids)
    own = OWN_KIND.get(config)
    result.marks_by_kind = dict(counter.kinds)
    if own is not None:
        result.marks = counter.kinds[own]
        result.marks_with_title = counter.with_title[own]
        result.marks_in_headings = counter.in_headings[own]
        result.marks_in_links = counter.in_links[own]
    result.marks_in_code = sum(counter.in_code.values())

    for page in manifest.pages:
        path = site_dir / page.src[:-3] / "index.html"
        if not path.exists():
            result.pages_missing += 1
            continue
        content = _article(path)
        blocks = [_text_of(x).strip("\n") for x in _PRE.findall(content)]
        for code in page.code:
            result.code_blocks += 1
            if code.strip("\n") not in blocks:
                result.code_altered += 1
        spans = {_text_of(x) for x in _CODE.findall(_PRE.sub("", content))}
        for span in page.inline_code:
            result.inline_code += 1
            if span not in spans:
                result.inline_altered += 1
    return result
