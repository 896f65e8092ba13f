"""schema.org `FAQPage` JSON-LD for generated FAQ pages, and the answer HTML it is built from.

Search engines read the questions and answers from a `<script type="application/ld+json">`
block. The answers are the *rendered* HTML of each question (the plugin takes it from the
page after Markdown), so `page_answers` cuts a rendered page into per-question answers and
`faq_page_jsonld` serialises them in a form that cannot break out of the script element.

`page_answers` finds the answers by our own markup alone: the question's heading (its id) and
the `.faq-meta` paragraph that closes every generated question. Markdown always renders to
balanced HTML, so for an answer without raw HTML (the model says so: no `<` in it) the text
between the two is the answer, found with string searches. Raw HTML in an answer is checked
for balance by a scan of that answer alone; only a page our markers do not describe (a theme's
own question template, unbalanced author HTML) is parsed whole by `answer_sections`, the
tolerant parser that follows the page's element structure.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

from ..kb.model import Question

# Inside <script>, the HTML parser looks for `</script` and `<!--` regardless of JSON
# syntax; JSON \u escapes keep the same string value while hiding those sequences.
# U+2028/2029 are escaped for consumers that evaluate JSON as JavaScript.
_SCRIPT_SAFE = (
    ("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"),
)


def _script_safe(payload: str) -> str:
    # One `replace` per character scans in C; `str.translate` looks up every character.
    for char, escape in _SCRIPT_SAFE:
        if char in payload:
            payload = payload.replace(char, escape)
    return payload


def faq_page_jsonld(
    questions: Sequence[tuple[Question, str]],
    *,
    language: str | None = None,
    question_languages: Mapping[str, str] | None = None,
) -> str:
    """A `<script type="application/ld+json">` element describing the page as an FAQPage.

    `questions` are (question, answer HTML) pairs in page order. `language` (a BCP 47 tag) is
    the page's `inLanguage`; `question_languages` gives, by question id, the language of a
    question that differs from it (an untranslated entry shown in the default language).
    Returns "" for no questions: an FAQPage without `mainEntity` is invalid structured data.
    """
    if not questions:
        return ""
    others = question_languages or {}
    entities: list[dict[str, object]] = []
    for question, answer_html in questions:
        entity: dict[str, object] = {
            "@type": "Question",
            "name": question.question,
            "acceptedAnswer": {"@type": "Answer", "text": answer_html},
        }
        if question.id in others:
            entity["inLanguage"] = others[question.id]
        entities.append(entity)
    data: dict[str, object] = {"@context": "https://schema.org", "@type": "FAQPage"}
    if language:
        data["inLanguage"] = language
    data["mainEntity"] = entities
    payload = _script_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    return f'<script type="application/ld+json">{payload}</script>'


# --------------------------------------------------------------------------- answers by markers

# The start tag of a heading with an id, wherever `id` sits among its attributes.
_HEADING_RE = re.compile(r'<h([1-6])(?=[\s>/])[^>]*?\sid="([^"]*)"[^>]*>')
_META_MARK = 'class="faq-meta'
_HEADERLINK_RE = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
# Tags and comments of an answer that holds raw HTML, for the balance check.
_TAG_RE = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][\w:-]*)(?:\s[^>]*)?>", re.DOTALL)
_RAW_TEXT = frozenset({"script", "style", "textarea", "title"})


def page_answers(page_html: str, questions: Sequence[Question]) -> dict[str, str]:
    """Each question's answer HTML from a rendered FAQ page, keyed by question id.

    The same answers as `answer_sections(page_html, ids)`, found by our markers (see the
    module docstring); questions whose heading is not on the page are omitted.
    """
    headings: dict[str, tuple[int, int, str]] = {}
    for match in _HEADING_RE.finditer(page_html):
        headings.setdefault(match.group(2), (match.start(), match.end(), match.group(1)))
    found = [(q, headings[q.id]) for q in questions if q.id in headings]
    found.sort(key=lambda item: item[1][0])
    sections: dict[str, str] = {}
    for index, (question, (_, open_end, level)) in enumerate(found):
        limit = found[index + 1][1][0] if index + 1 < len(found) else len(page_html)
        answer = _marked_answer(page_html, open_end, limit, level, question.answer)
        if answer is None:  # not our markup: the tolerant parser decides for the whole page
            tolerant = answer_sections(page_html, [q.id for q in questions])
            return {q.id: tolerant[q.id] for q in questions if q.id in tolerant}
        sections[question.id] = answer
    return {q.id: sections[q.id] for q in questions if q.id in sections}


def _marked_answer(page_html: str, open_end: int, limit: int, level: str, source: str) -> str | None:
    """The answer after a question heading up to its `.faq-meta`; None when unsure."""
    close = page_html.find(f"</h{level}>", open_end, limit)
    if close < 0:
        return None
    begin = close + len(level) + 4
    meta = page_html.find(_META_MARK, begin, limit)
    while meta >= 0 and page_html[meta + len(_META_MARK) : meta + len(_META_MARK) + 1] not in ('"', " "):
        meta = page_html.find(_META_MARK, meta + 1, limit)  # `faq-meta-tags` and the like
    if meta < 0:
        return None
    end = page_html.rfind("<", begin, meta)
    if end < 0:
        return None
    answer = page_html[begin:end]
    if "<h1" in answer or "faq-meta" in answer or page_html[end:meta].count(">"):
        return None  # an h1 ends an answer earlier, nested metadata is removed; `class=`
        # must sit in the tag that `<` opens
    if "<" in source and not _balanced(answer):
        return None
    if "headerlink" in answer:
        answer = _HEADERLINK_RE.sub("", answer)
    return answer.strip()


def _balanced(fragment: str) -> bool:
    """Does every element opened in `fragment` close in it, in order (void tags aside)?"""
    stack: list[str] = []
    raw_until = ""
    for match in _TAG_RE.finditer(fragment):
        closing, name = match.group(1), match.group(2)
        if name is None:  # a comment
            continue
        name = name.lower()
        if raw_until:
            if closing and name == raw_until:
                raw_until = ""
                stack.pop()
            continue
        if closing:
            if not stack or stack[-1] != name:
                return False
            stack.pop()
        elif name not in _VOID and not match.group(0).endswith("/>"):
            stack.append(name)
            if name in _RAW_TEXT:
                raw_until = name
    return not stack


# --------------------------------------------------------------------------- answer sections

_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_META_CLASS = "faq-meta"
_HEADERLINK_CLASS = "headerlink"
_QUESTION_CLASS = "faq-question"


@dataclass
class _Token:
    """One piece of the page as written: a start/end tag or text between tags."""

    kind: str  # "start", "end", "startend" or "text"
    raw: str
    tag: str = ""
    attrs: dict[str, str] | None = None
    match: int = -1  # for a start tag: index of its end tag (or itself when never closed)
    depth: int = -1  # elements open around it; for an end tag, the depth of what it closes

    def classes(self) -> set[str]:
        return set((self.attrs or {}).get("class", "").split())


class _Tokenizer(HTMLParser):
    """Keeps every token's original text so a slice of them re-forms the original HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tokens: list[_Token] = []
        self._open: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        token = _Token("start", self.get_starttag_text() or "", tag, _attr_dict(attrs))
        token.depth = len(self._open)
        self.tokens.append(token)
        if tag in _VOID:
            token.kind = "startend"
            token.match = len(self.tokens) - 1
        else:
            self._open.append(len(self.tokens) - 1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        token = _Token("startend", self.get_starttag_text() or "", tag, _attr_dict(attrs))
        token.depth = len(self._open)
        token.match = len(self.tokens)
        self.tokens.append(token)

    def handle_endtag(self, tag: str) -> None:
        end = _Token("end", f"</{tag}>", tag)
        self.tokens.append(end)
        # Close the innermost open element of that name; anything opened inside it and
        # never closed ends here too (tolerant, like browsers).
        for depth in range(len(self._open) - 1, -1, -1):
            if self.tokens[self._open[depth]].tag == tag:
                for index in self._open[depth:]:
                    self.tokens[index].match = len(self.tokens) - 1
                end.depth = depth
                del self._open[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.tokens.append(_Token("text", data))

    def handle_entityref(self, name: str) -> None:
        self.tokens.append(_Token("text", f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.tokens.append(_Token("text", f"&#{name};"))

    def handle_comment(self, data: str) -> None:
        self.tokens.append(_Token("text", f"<!--{data}-->"))

    def handle_decl(self, decl: str) -> None:
        self.tokens.append(_Token("text", f"<!{decl}>"))

    def handle_pi(self, data: str) -> None:
        self.tokens.append(_Token("text", f"<?{data}>"))

    def unknown_decl(self, data: str) -> None:
        self.tokens.append(_Token("text", f"<![{data}]>"))

    def finish(self) -> list[_Token]:
        self.close()
        for index in self._open:  # never closed: runs to the end of the document
            self.tokens[index].match = len(self.tokens) - 1
        self._open.clear()
        return self.tokens


def _attr_dict(attrs: list[tuple[str, str | None]]) -> dict[str, str]:
    return {name: value or "" for name, value in attrs}


def answer_sections(page_html: str, question_ids: Sequence[str]) -> dict[str, str]:
    """Each question's answer HTML from a rendered FAQ page, keyed by question id.

    An answer is what follows the heading carrying the question's id up to our metadata
    block (`.faq-meta`, which closes every generated question), or, when a template left that
    out, up to the next h1/h2. The next question heading or an h1 always ends it. Metadata
    blocks and theme `headerlink` anchors are dropped. Ids not found on the page are omitted.
    Only siblings of the heading end an answer (a wrapper closing around it does too), so a
    metadata block nested inside author HTML is removed rather than cutting the HTML in two.
    """
    parser = _Tokenizer()
    parser.feed(page_html)
    tokens = parser.finish()
    heading_at: dict[str, int] = {}
    for i, t in enumerate(tokens):
        if t.kind == "start" and t.tag in _HEADINGS and t.attrs and "id" in t.attrs:
            heading_at.setdefault(t.attrs["id"], i)
    sections: dict[str, str] = {}
    for question_id in question_ids:
        start = heading_at.get(question_id)
        if start is None:
            continue
        begin = tokens[start].match + 1
        end = _section_end(tokens, begin, tokens[start].depth)
        sections[question_id] = _serialise(tokens, begin, end).strip()
    return sections


def _section_end(tokens: list[_Token], begin: int, depth: int) -> int:
    """Index of the first token after the answer that starts at `begin`, at `depth`."""
    hard_stop = len(tokens)
    first_h2: int | None = None
    i = begin
    while i < len(tokens):
        token = tokens[i]
        if token.kind == "end" and 0 <= token.depth < depth:
            hard_stop = i  # the element around the heading closes
            break
        if token.kind == "start" and token.depth == depth:
            if token.tag == "h1" or (token.tag in _HEADINGS and _QUESTION_CLASS in token.classes()):
                hard_stop = i
                break
            if _META_CLASS in token.classes():
                return i
            if token.tag == "h2" and first_h2 is None:
                first_h2 = i
        i += 1
    return first_h2 if first_h2 is not None else hard_stop


def _serialise(tokens: list[_Token], begin: int, end: int) -> str:
    out: list[str] = []
    i = begin
    while i < end:
        token = tokens[i]
        if token.kind == "start":
            classes = token.classes()
            if _META_CLASS in classes or (token.tag == "a" and _HEADERLINK_CLASS in classes):
                i = max(token.match, i) + 1
                continue
        out.append(token.raw)
        i += 1
    return "".join(out)
