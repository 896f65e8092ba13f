"""The knowledge base as plain data: JSON and CSV, with the URL of every entry.

Pure functions, importable without MkDocs: the `mkdocs-faq export` command uses them
without building, and the plugin can write the same JSON next to the site at build time.

The JSON document (`EXPORT_VERSION` 1), keys sorted by `to_json`:

```
{
  "version": 1,
  "title": "…",                              # faq.yml title ("" when absent)
  "language": "fr",                          # only on multilingual sites: the entries' language
  "categories": [{"id", "title", "description", "url"}],
  "questions": [{
      "id", "question",
      "answer_markdown",                       # the answer as written in faq.yml
      "answer_text",                           # the same, Markdown syntax removed
      "category",                              # a category id, or null
      "tags": [str],
      "related": [question id],                # listed by this question, then backlinks
      "sources": [{"title", "url"}],
      "url"}],
  "glossary": [{
      "id", "term", "aliases": [str], "definition",
      "details_markdown",                      # "" when absent
      "see": [term id], "url"}]
}
```

URLs are relative to the site root (`faq/basics/#what-is-a-widget`, `glossary/#widget`), or
absolute when a `base_url` is given. Entries keep the order of faq.yml.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from typing import Any

from ..layout import SiteLayout, page_url
from ..kb.model import KnowledgeBase, Question

EXPORT_VERSION = 1

CSV_COLUMNS = (
    "id", "question", "category", "category_title", "tags", "related", "answer_text",
    "answer_markdown", "sources", "owner", "reviewed", "url",
)
"""One row per question. List cells hold one item per line; a source is `title <url>`."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""Cells starting with these are formulas to a spreadsheet (OWASP "CSV injection"): `= + - @`,
tab and carriage return, and the full-width `＝ ＋ － ＠` that some spreadsheets read alike."""


# --------------------------------------------------------------------------------- URLs

def _absolute(url: str, base_url: str | None) -> str:
    if not base_url:
        return url
    return f"{base_url.rstrip('/')}/{url}"


# ----------------------------------------------------------------------------- the data

def export_data(
    kb: KnowledgeBase,
    layout: SiteLayout | None = None,
    *,
    base_url: str | None = None,
    directory_urls: bool = True,
    language: str | None = None,
) -> dict[str, Any]:
    """The knowledge base as JSON-ready data (see the module docstring for the shape).

    `layout` says where the pages live (default: `SiteLayout(kb)`, i.e. `faq/` and
    `glossary/`); `base_url` (e.g. the site's `site_url`) makes every URL absolute, and
    prefixes them when relative (`fr/` for a language's pages). `language`, when given, is
    recorded as `"language"`: the language of the entries (a multilingual site has one file
    per language).
    """
    layout = layout or SiteLayout(kb)

    def url(source_path: str, anchor: str = "") -> str:
        relative = page_url(source_path, directory_urls=directory_urls)
        return _absolute(f"{relative}#{anchor}" if anchor else relative, base_url)

    glossary_url = layout.glossary_page
    data: dict[str, Any] = {
        "version": EXPORT_VERSION,
        "title": kb.title,
        "categories": [
            {
                "id": category.id,
                "title": category.title,
                "description": category.description,
                "url": url(layout.category_page(category.id)),
            }
            for category in kb.categories
        ],
        "questions": [
            {
                "id": question.id,
                "question": question.question,
                "answer_markdown": question.answer,
                "answer_text": markdown_to_text(question.answer),
                "category": question.category,
                "tags": list(question.tags),
                "related": [other.id for other in kb.related_to(question.id)],
                "sources": [{"title": s.title, "url": s.url} for s in question.sources],
                "url": url(layout.question_page(question.id) or layout.index_page, question.id),
            }
            for question in kb.questions
        ],
        "glossary": [
            {
                "id": term.id,
                "term": term.term,
                "aliases": list(term.aliases),
                "definition": term.definition,
                "details_markdown": term.details,
                "see": list(term.see),
                "url": url(glossary_url, term.id),
            }
            for term in kb.glossary
        ],
    }
    if language:
        data["language"] = language
    return data


def to_json(data: dict[str, Any]) -> str:
    """Deterministic JSON: sorted keys, two-space indent, UTF-8 text, a final newline."""
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def to_csv(
    kb: KnowledgeBase,
    layout: SiteLayout | None = None,
    *,
    base_url: str | None = None,
    directory_urls: bool = True,
) -> str:
    """One row per question, with the `CSV_COLUMNS` header (RFC 4180: CRLF, quoted as needed).

    Cells holding lists (tags, related, sources) put one item per line. A cell that starts
    like a formula (`FORMULA_STARTS`) gets a leading `'`, as OWASP recommends, so that a
    spreadsheet shows it as text instead of running it; the JSON export keeps text as written.
    """
    data = export_data(kb, layout, base_url=base_url, directory_urls=directory_urls)
    titles = {c.id: c.title for c in kb.categories}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for question, row in zip(kb.questions, data["questions"], strict=True):
        writer.writerow([neutralise_formula(cell) for cell in _csv_row(question, row, titles)])
    return buffer.getvalue()


def neutralise_formula(cell: str) -> str:
    """`'=HYPERLINK(…)` for `=HYPERLINK(…)`: shown as text by Excel, LibreOffice and Sheets."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _csv_row(question: Question, row: dict[str, Any], titles: dict[str, str]) -> list[str]:
    return [
        row["id"],
        row["question"],
        row["category"] or "",
        titles.get(row["category"] or "", ""),
        "\n".join(row["tags"]),
        "\n".join(row["related"]),
        row["answer_text"],
        row["answer_markdown"],
        "\n".join(f"{s['title']} <{s['url']}>" for s in row["sources"]),
        question.owner or "",
        question.reviewed.isoformat() if question.reviewed else "",
        row["url"],
    ]


# ------------------------------------------------------------------ Markdown → plain text

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
_HEADING_END = re.compile(r"\s+#+\s*$")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_REF_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*\s*(?:\"(.*)\")?\s*$")
_ATTR_LIST = re.compile(r"\{:?\s*[#.][^{}\n]*\}|\{:\s*[^{}\n]*\}")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()]*\)")
_LINK = re.compile(
    r"\[([^\[\]]*)\]"  # [text]
    r"\((?:<[^>]*>|[^()\s]*(?:\([^()]*\)[^()\s]*)*)"  # (url, <url> or url(with parens)
    r"(?:\s+\"[^\"]*\")?\s*\)"  # "title")
)
_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_FOOTNOTE = re.compile(r"\[\^[^\[\]]+\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
# Emphasis delimiters are dropped where they can open or close emphasis (touching text on one
# side; `_` not inside a word), without pairing them: linear time on any input, and
# `2 * 3`, `snake_case` and `a == b` keep their characters.
_DOUBLE_DELIMITER = re.compile(r"(?:\*\*|__|~~|==)+(?=\S)|(?<=\S)(?:\*\*|__|~~|==)+")
_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*])")
_UNDERSCORE = re.compile(r"(?<!\w)_(?=[^\s_])|(?<=[^\s_])_(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<\"'])")
_SPACE = re.compile(r"\s+")
_FENCE_START = frozenset("`~")
_BLOCK_START = frozenset("*-_|:[+0123456789")
"""First characters of rules, table rules, reference definitions and list items."""
_PLACEHOLDER = "\x00{}\x00"
_RESTORE = re.compile(r"\x00(\d+)\x00")


def markdown_to_text(markdown: str) -> str:
    """Readable plain text of a Markdown answer: for search indexes, spreadsheets, chat bots.

    Markup is dropped, content kept: link and image texts, code, list items, table cells,
    admonition titles. Paragraphs are separated by a blank line; lines inside a paragraph
    are joined. This is an approximation (no full Markdown parser) tuned for answers.
    """
    paragraphs: list[str] = []
    current: list[str] = []
    in_fence: str | None = None

    def flush() -> None:
        if current:
            text = _inline(" ".join(current))
            if text:
                paragraphs.append(text)
            current.clear()

    markdown = markdown.replace("\x00", "").replace("\x01", "")
    for line in _strip_comments(markdown).splitlines():
        # Every block rule starts with one of a few characters: most lines skip them all.
        first = line.lstrip()[:1]
        fence = _FENCE.match(line) if first in _FENCE_START else None
        if in_fence is not None:
            if fence and fence.group(1)[0] == in_fence[0] and len(fence.group(1)) >= len(in_fence):
                in_fence = None
                flush()
            else:
                current.append(_protect_code(line))
            continue
        if fence:
            flush()
            in_fence = fence.group(1)
            continue
        if not first:
            flush()
            continue
        if first in _BLOCK_START and (
            _RULE.match(line) or _TABLE_RULE.match(line) or _REF_DEFINITION.match(line)
        ):
            continue
        admonition = _ADMONITION.match(line) if first in "!?" else None
        if admonition:
            flush()
            if admonition.group(1):
                current.append(admonition.group(1))
                flush()
            continue
        if first == ">":
            line = _QUOTE.sub("", line)
            if not line.strip():
                flush()
                continue
            first = line.lstrip()[:1]
        if first in _BLOCK_START and _LIST_MARK.match(line):
            flush()
            line = _LIST_MARK.sub("", line)
        if first == "#" and _HEADING.match(line):
            flush()
            current.append(_HEADING_END.sub("", _HEADING.sub("", line)).strip())
            flush()
            continue
        if "|" in line and line.strip().startswith("|"):
            line = " ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        current.append(line.strip())
    flush()
    return "\n\n".join(paragraphs)


def _strip_comments(markdown: str) -> str:
    """Drop `<!-- … -->` comments (an unclosed one runs to the end, as in HTML)."""
    parts: list[str] = []
    position = 0
    while True:
        start = markdown.find("<!--", position)
        if start < 0:
            parts.append(markdown[position:])
            break
        parts.append(markdown[position:start])
        end = markdown.find("-->", start + 4)
        if end < 0:
            break
        position = end + 3
    return "".join(parts)


def _protect_code(line: str) -> str:
    """Code block lines are kept verbatim: marked so inline rules leave them alone."""
    return f"\x01{line.strip()}\x01"


def _inline(text: str) -> str:
    kept: list[str] = []

    def keep(value: str) -> str:
        kept.append(value)
        return _PLACEHOLDER.format(len(kept) - 1)

    # Each rule only runs when its characters occur: most answers hold few of them.
    if "\x01" in text:
        text = re.sub(r"\x01(.*?)\x01", lambda m: keep(m.group(1)), text)
    if "`" in text:
        text = _CODE_SPAN.sub(lambda m: keep(m.group(2).strip()), text)
    if "\\" in text:
        text = _ESCAPE.sub(lambda m: keep(m.group(1)), text)
    if "<" in text:
        text = _AUTOLINK.sub(lambda m: keep(m.group(1)), text)
    if "[" in text:
        text = _IMAGE.sub(r"\1", text)
        for _ in range(3):  # links inside link texts ([![img](a)](b)) and emphasis in links
            text = _LINK.sub(r"\1", text)
        text = _REF_LINK.sub(r"\1", text)
        text = _FOOTNOTE.sub("", text)
    if "{" in text:
        text = _ATTR_LIST.sub("", text)
    if "<" in text:
        text = _TAG.sub("", text)
    if "**" in text or "__" in text or "~~" in text or "==" in text:
        text = _DOUBLE_DELIMITER.sub("", text)
    if "*" in text:
        text = _STAR.sub("", text)
    if "_" in text:
        text = _UNDERSCORE.sub("", text)
    text = " ".join(html.unescape(text).split())
    return _RESTORE.sub(lambda m: kept[int(m.group(1))], text) if kept else text
