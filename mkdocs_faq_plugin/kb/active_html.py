"""Script in author HTML, judged from the rendered HTML by a real HTML parser.

A faq.yml answer is Markdown, and Markdown lets an author write HTML: `{: onclick=... }`
(attr_list), `<img ONERROR=...>`, `[x]: javascript:...` inside a list. Regexes on the source
miss such spellings; the rendered HTML, parsed as a browser tokenises it, does not. What runs
script, or sends the reader elsewhere, is *active*:

* an event-handler attribute (`on…=`, any case);
* a `javascript:`, `vbscript:` or `data:text/html` URL in an attribute;
* `<script>`, `<base>`, `<meta http-equiv>`, `<iframe>`, `<object>`, `<embed>`, and a `<form>`
  (or a button's `formaction`) with an action;
* `<style>`, whose rules reach the whole page, not just the answer.

`scan` finds them in HTML with their places, `strip` removes them (the `active_html: strip`
option), `judge_markdown` renders one faq.yml field and names what it would hold.
`unclosed` names a block an answer opens and never closes, which would swallow the questions
after it. Pure: Python-Markdown and the standard library only.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

ACTIVE_ELEMENTS = frozenset({"script", "iframe", "object", "embed", "base", "style"})
"""Elements that run script, change where the page's links and scripts point, or (`<style>`)
restyle the whole page around the answer: hide it, or draw something over it."""
URL_ATTRIBUTES = frozenset({
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
    "cite", "srcdoc", "codebase", "dynsrc", "lowsrc",
})
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "livescript:", "data:text/html", "data:application/xhtml")
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
})
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "details", "dialog", "div", "dl", "fieldset",
    "figure", "footer", "form", "header", "main", "nav", "ol", "pre", "section", "table", "ul",
    "textarea", "script", "style", "iframe", "noscript", "template", "xmp", "title", "select",
})
"""Elements that, left open in one answer, hold everything after it (the next questions)."""


@dataclass(frozen=True)
class Finding:
    """One active thing in HTML: what it is, and the span of HTML that `strip` replaces."""

    what: str
    """As messages say it: `an event handler attribute (onclick=)`, `a javascript: link`,
    `a <script> tag`."""
    start: int
    end: int
    replacement: str


def script_url(value: str) -> str | None:
    """The scheme of a URL that runs code (`javascript`, `data`...), else None. Browsers skip
    control characters and spaces before and inside a scheme; entities are already decoded."""
    cleaned = re.sub(r"[\x00-\x20]", "", value).lower()
    for scheme in SCRIPT_SCHEMES:
        if cleaned.startswith(scheme):
            return scheme.split(":", 1)[0]
    return None


class _Scanner(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.lines = [0]
        for match in re.finditer("\n", text):
            self.lines.append(match.end())
        self.findings: list[Finding] = []
        self.removing: list[tuple[str, int, str]] = []  # (tag, start, what) of elements to drop
        self.open: list[tuple[str, int]] = []  # block elements not closed yet, with offsets

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], *, closed: bool) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        end = start + len(raw)
        if self.removing:
            return  # inside an element that goes as a whole
        element = self._active_element(tag, attrs)
        if element:
            if closed or tag in _VOID:
                self.findings.append(Finding(element, start, end, ""))
            else:
                self.removing.append((tag, start, element))
            return
        if tag in BLOCKS and not closed:
            self.open.append((tag, start))
        kept: list[tuple[str, str | None]] = []
        found: list[str] = []
        for name, value in attrs:
            if name.startswith("on"):
                found.append(f"an event handler attribute ({name}=)")
            elif name in URL_ATTRIBUTES and value and script_url(value):
                found.append(f"a {script_url(value)}: link")
            else:
                kept.append((name, value))
        if found:
            for what in found:
                self.findings.append(Finding(what, start, end, _tag(tag, kept, closed)))

    @staticmethod
    def _active_element(tag: str, attrs: list[tuple[str, str | None]]) -> str | None:
        names = {name for name, _ in attrs}
        if tag in ACTIVE_ELEMENTS:
            return f"a <{tag}> tag"
        if tag == "meta" and "http-equiv" in names:
            return "a <meta http-equiv> tag"
        if tag == "form" and "action" in names:
            return "a <form> with an action"
        return None

    def handle_endtag(self, tag: str) -> None:
        if self.removing:
            name, start, what = self.removing[-1]
            if name == tag:
                self.removing.pop()
                if not self.removing:
                    close = self.text.find(">", self._offset())
                    end = len(self.text) if close < 0 else close + 1
                    self.findings.append(Finding(what, start, end, ""))
            return
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                break

    def close(self) -> None:
        super().close()
        for tag, start, what in self.removing[:1]:  # never closed: drop to the end
            self.findings.append(Finding(what, start, len(self.text), ""))
            self.open.insert(0, (tag, start))
        self.removing.clear()


def _tag(name: str, attrs: list[tuple[str, str | None]], closed: bool) -> str:
    parts = [name, *(k if v is None else f'{k}="{html.escape(v, quote=True)}"' for k, v in attrs)]
    return f"<{' '.join(parts)}{' /' if closed else ''}>"


def _scanned(text: str) -> _Scanner:
    scanner = _Scanner(text)
    scanner.feed(text)
    scanner.close()
    return scanner


def scan(text: str) -> list[Finding]:
    """Every active thing in `text` (HTML), in document order."""
    if "<" not in text:
        return []
    return sorted(_scanned(text).findings, key=lambda f: f.start)


def strip(text: str, findings: list[Finding] | None = None) -> str:
    """`text` without its active things: elements removed with their content, attributes
    removed from their tags (the rest of each tag rewritten, escaped)."""
    findings = scan(text) if findings is None else findings
    out: list[str] = []
    position = 0
    for finding in findings:
        if finding.start < position:
            continue  # a second attribute of a tag already rewritten
        out += [text[position : finding.start], finding.replacement]
        position = finding.end
    out.append(text[position:])
    return "".join(out)


def unclosed(text: str) -> str | None:
    """The first block element (`div`, `pre`, `details`...) that `text` opens and never closes."""
    if "<" not in text:
        return None
    scanner = _scanned(text)
    return scanner.open[0][0] if scanner.open else None


_MARKDOWN: Any = None


def render(markdown_text: str) -> str:
    """One field's Markdown as HTML, with MkDocs' default extensions (fenced code, tables) and
    the one the plugin always enables (attr_list)."""
    global _MARKDOWN
    if _MARKDOWN is None:
        import markdown

        _MARKDOWN = markdown.Markdown(extensions=["attr_list", "fenced_code", "tables"])
    return _MARKDOWN.reset().convert(markdown_text)


_MAYBE_ACTIVE = re.compile(r"<|\{[^}\n]*=")
"""Raw HTML (or an autolink) or an attr_list with an attribute: rendered and read."""
_LINK = re.compile(r"\]\s*[(:]")
_SCRIPT_WORDS = re.compile(r"(?:script|data):|&#|&[a-z]+;", re.IGNORECASE)
"""A Markdown link destination (never holding spaces) can only run code by spelling a
scheme ending in `script:` or `data:`, or by hiding letters in entities: links without these
need no rendering."""


def judge_markdown(markdown_text: str) -> tuple[list[str], str | None]:
    """(what is active in this field once rendered, each once; the block it leaves open)."""
    if not _MAYBE_ACTIVE.search(markdown_text) and not (
        _LINK.search(markdown_text) and _SCRIPT_WORDS.search(markdown_text)
    ):
        return [], None
    rendered = render(markdown_text)
    if "<" not in rendered:
        return [], None
    scanner = _scanned(rendered)
    found = list(dict.fromkeys(f.what for f in sorted(scanner.findings, key=lambda f: f.start)))
    return found, (scanner.open[0][0] if scanner.open else None)
