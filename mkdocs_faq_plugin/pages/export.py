"""The knowledge base as plain data: JSON and CSV, with the URL of every entry.

Pure functions, importable without MkDocs: the `mkdocs-faq export` command uses them
without building, and the plugin can write the same JSON next to the site at build time.

The JSON document (`EXPORT_VERSION` 1), keys sorted by `to_json`; other sites import it
(`import:`), so its format is a contract: `faq-export.schema.json`, read back by `exported`.

```
{
  "version": 1,                              # raised only when a key is removed or renamed
  "title": "…",                              # faq.yml title ("" when absent)
  "language": "fr",                          # the entries' language: multilingual sites, faq.yml's `language`
  "site_root": "../",                        # only in the plugin's faq.json: this file's URL
                                             # → the site root, against which URLs resolve
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
      "see": [term id], "url",
      "case_sensitive": bool | null, "annotate": "auto" | bool | "aliases", "variants": bool}]
}                                            # the last three: how the term is found in prose
```

`site_root` and the three settings of each term were added later: readers of files without
them take the defaults (`../`; `null`, `true`, `true`).

URLs are relative to the site root (`faq/basics/#what-is-a-widget`, `glossary/#widget`), or
absolute when a `base_url` is given. Entries keep the order of faq.yml.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..kb.model import KnowledgeBase, Question
from ..layout import SiteLayout, page_url
from ..text import markdown_to_text

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
    site_root: str | None = None,
) -> dict[str, Any]:
    """The knowledge base as JSON-ready data (see the module docstring for the shape).

    `layout` says where the pages live (default: `SiteLayout(kb)`, i.e. `faq/` and
    `glossary/`); `base_url` (e.g. the site's `site_url`) makes every URL absolute, and
    prefixes them when relative (`fr/` for a language's pages). `language`, when given, is
    recorded as `"language"`: the language of the entries (a multilingual site has one file
    per language). `site_root` (`../`) leads from where the file is published to the site root.
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
                "case_sensitive": term.case_sensitive,
                "annotate": term.annotate,
                "variants": term.variants,
            }
            for term in kb.glossary
        ],
    }
    if language:
        data["language"] = language
    if site_root is not None:
        data["site_root"] = site_root
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
