"""Issue 29, "nothing lost in silence": inputs that used to lose or change what the author
wrote without a word, or crash. Each is now read as written or refused with one located line.
The builds are in `build/test_hardening_builds.py`.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from conftest import MINIMAL_FAQ
from hardening_cases import ONE_QUESTION, VECTORS, write_files, yaml_text
from mkdocs_faq_plugin.kb.loading import expand_paths, load, translation_paths
from mkdocs_faq_plugin.kb.reading import read_yaml_file
from mkdocs_faq_plugin.plugin import serve_watch


# ------------------------------------------------------------------ scalars as written (1, 5)

@pytest.mark.parametrize(
    ("written", "expected"),
    [("010", "010"), ("0x1f", "0x1f"), ("1:30", "1:30"), ("1.10", "1.10"), ("1_000", "1_000"), (".inf", ".inf")],
)
def test_unquoted_numbers_are_text_as_written(tmp_path: Path, written: str, expected: str) -> None:
    (tmp_path / "faq.yml").write_text(
        ONE_QUESTION.format(id="q", question=written, answer=written)
        + f"glossary:\n  - term: {written}\n    id: t\n    definition: {written}\n    aliases: [{written}]\n",
        encoding="utf-8",
    )
    result = load("faq.yml", str(tmp_path))
    assert result.kb is not None, result.problems
    question = result.kb.questions[0]
    term = result.kb.glossary[0]
    assert (question.question, question.answer) == (expected, expected)
    assert (term.term, term.definition, term.aliases) == (expected, expected, (expected,))


@pytest.mark.parametrize("written", ["010", "0x1f", "123"])
def test_numeric_ids_are_ids_as_written(tmp_path: Path, written: str) -> None:
    (tmp_path / "faq.yml").write_text(
        ONE_QUESTION.format(id=written, question="One?", answer="First.")
        + ONE_QUESTION.format(id="b", question="Two?", answer="Second.").replace("questions:\n", "")
        + f"    related: [{written}]\n",
        encoding="utf-8",
    )
    result = load("faq.yml", str(tmp_path))
    assert result.kb is not None, result.problems
    assert result.kb.questions[0].id == written
    assert result.kb.questions[1].related == (written,)


@pytest.mark.parametrize("version", ["1", "+1", "!!int 1"])
def test_version_one_still_loads(tmp_path: Path, version: str) -> None:
    (tmp_path / "faq.yml").write_text(f"version: {version}\n" + MINIMAL_FAQ, encoding="utf-8")
    assert load("faq.yml", str(tmp_path)).kb is not None


@pytest.mark.parametrize("version", ["true", "'1'", "1.0", "0b1"])
def test_version_that_only_python_calls_one_is_refused(tmp_path: Path, version: str) -> None:
    (tmp_path / "faq.yml").write_text(f"version: {version}\n" + MINIMAL_FAQ, encoding="utf-8")
    result = load("faq.yml", str(tmp_path))
    assert result.kb is None
    assert [str(p).split(": schema")[0] for p in result.problems] == ["faq.yml:1:10: version"]


def test_an_unquoted_number_is_no_date(tmp_path: Path) -> None:
    faq = MINIMAL_FAQ.replace("    tags: [intro]\n", "    tags: [intro]\n    reviewed: 20260131\n", 1)
    (tmp_path / "faq.yml").write_text(faq, encoding="utf-8")
    messages = [str(p) for p in load("faq.yml", str(tmp_path)).problems]
    assert messages == [
        "faq.yml:15:15: questions[0].reviewed: expected a date like 2026-01-31, got 20260131"
    ]


# ---------------------------------------------------------------- file names in globs (2)


def test_two_letter_parts_that_are_no_language_are_ordinary_files(tmp_path: Path) -> None:
    write_files(tmp_path, ["faq.d/setup.ci.yml", "faq.d/tools.go.yml", "faq.d/basics.yml", "faq.d/basics.fr.yml",
                      "faq.d/deploy.zz.yml", "faq.d/deploy.yml"])
    found, problems = expand_paths(["faq.d/*.yml"], str(tmp_path))
    names = sorted(os.path.relpath(p, tmp_path) for p in found)
    assert problems == []
    assert names == ["faq.d/basics.yml", "faq.d/deploy.yml", "faq.d/setup.ci.yml", "faq.d/tools.go.yml"]
    # `zz` is no language, but `deploy.yml` is matched too: a translation it names.
    translations = translation_paths(["faq.d/*.yml"], str(tmp_path))
    assert {code: [os.path.basename(p) for p in paths] for code, paths in translations.items()} == {
        "fr": ["basics.fr.yml"], "zz": ["deploy.zz.yml"],
    }


# ------------------------------------------------------- files that are no regular file (7)

def test_a_symlink_to_dev_zero_is_refused_without_reading(tmp_path: Path) -> None:
    os.symlink("/dev/zero", tmp_path / "faq.yml")
    doc, problems = read_yaml_file(str(tmp_path / "faq.yml"), "faq.yml")
    assert doc is None
    assert [str(p) for p in problems] == [
        "faq.yml: is not a regular file (a device, FIFO or socket); point it at a YAML file"
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "faq.yml")
    result = load("faq.yml", str(tmp_path))  # would block forever if it opened the FIFO
    assert [str(p) for p in result.problems] == [
        "faq.yml: is not a regular file (a device, FIFO or socket); point it at a YAML file"
    ]


# ------------------------------------------------------------------ serve watches (6)

class _Observer:
    def __init__(self) -> None:
        self.handlers: list[tuple[Any, str, bool]] = []

    def schedule(self, handler: Any, path: str, recursive: bool = False) -> None:
        self.handlers.append((handler, path, recursive))


def _server() -> SimpleNamespace:
    return SimpleNamespace(_rebuild_cond=threading.Condition(), _want_rebuild=False, observer=_Observer())


@pytest.mark.parametrize(
    ("changed", "rebuilds"),
    [
        ("faq.yml", True), ("faq.fr.yml", True), ("faq.d/a.yml", True), ("faq.d/sub/b.yml", True),
        ("serve.log", False), ("nohup.out", False), ("mkdocs.yml", False), ("faq.d/notes.txt", False),
        (".faq.yml.swp", False), ("other.yml", False),
    ],
)
def test_serve_rebuilds_for_knowledge_files_only(tmp_path: Path, changed: str, rebuilds: bool) -> None:
    import watchdog.events

    (tmp_path / "faq.d" / "sub").mkdir(parents=True)
    server = _server()
    serve_watch.watch(server, ["faq.yml", "faq.d/**/*.yml"], str(tmp_path))
    assert sorted((path, recursive) for _, path, recursive in server.observer.handlers) == [
        (str(tmp_path), False), (str(tmp_path / "faq.d"), True),
    ]
    event = watchdog.events.FileModifiedEvent(str(tmp_path / changed))
    for handler, _, _ in server.observer.handlers:
        handler.dispatch(event)
    assert server._want_rebuild is rebuilds


def test_serve_rebuilds_when_an_editor_moves_faq_yml_into_place(tmp_path: Path) -> None:
    import watchdog.events

    server = _server()
    serve_watch.watch(server, ["faq.yml"], str(tmp_path))
    event = watchdog.events.FileMovedEvent(str(tmp_path / ".faq.yml.tmp"), str(tmp_path / "faq.yml"))
    server.observer.handlers[0][0].dispatch(event)
    assert server._want_rebuild is True


# ------------------------------------------------------- script in author HTML (4, 10)


@pytest.mark.parametrize(("markdown", "what"), VECTORS)
@pytest.mark.parametrize("field", ["answer", "details"])
def test_script_vectors_warn_where_written(tmp_path: Path, markdown: str, what: str, field: str) -> None:
    faq = {
        "answer": f"questions:\n  - id: q\n    question: Q?\n    answer: {yaml_text(markdown)}\n",
        "details": f"glossary:\n  - term: t\n    definition: D.\n    details: {yaml_text(markdown)}\n",
    }[field]
    (tmp_path / "faq.yml").write_text(faq, encoding="utf-8")
    result = load("faq.yml", str(tmp_path))
    assert result.kb is not None
    path = "questions[0].answer" if field == "answer" else "glossary[0].details"
    assert [f"{p.severity}: {p}" for p in result.problems] == [
        f"warning: faq.yml:4:{13 if field == 'answer' else 14}: {path}: contains {what}, which would run "
        "in every reader's browser; write it inside `code` to show it"
    ]


def test_strip_keeps_what_is_not_active() -> None:
    from mkdocs_faq_plugin.kb.active_html import strip

    html = '<p class="a" onclick="x">hi <script>alert(1)</script><a href="javascript:1" title="t&amp;">l</a> <kbd>k</kbd></p>'
    assert strip(html) == '<p class="a">hi <a title="t&amp;">l</a> <kbd>k</kbd></p>'


@pytest.mark.parametrize("tag", ["div", "pre", "details"])
def test_an_unclosed_block_is_an_error_where_written(tmp_path: Path, tag: str) -> None:
    faq = (
        f"questions:\n  - id: a\n    question: A?\n    answer: \"<{tag}>\\nOpen.\"\n"
        "  - id: b\n    question: B?\n    answer: B.\n"
    )
    (tmp_path / "faq.yml").write_text(faq, encoding="utf-8")
    result = load("faq.yml", str(tmp_path))
    assert result.kb is None
    assert [str(p) for p in result.problems] == [
        f"faq.yml:4:13: questions[0].answer: <{tag}> is opened and never closed, so it would swallow "
        f"everything after it on the page; close it with </{tag}>"
    ]


def test_a_question_swallowed_in_the_rendered_page_is_an_error() -> None:
    """The safety net for what only the site's own extensions render open."""
    from mkdocs_faq_plugin.layout import SiteLayout
    from mkdocs_faq_plugin.kb.model import KnowledgeBase, Location, Question
    from mkdocs_faq_plugin.pages.safety import checked

    kb = KnowledgeBase(questions=(
        Question("a", "A?", "A.", location=Location("faq.yml", 2, 5)),
        Question("b", "B?", "B.", location=Location("faq.yml", 5, 5)),
    ))
    layout = SiteLayout(kb)
    page = '<h2 class="faq-question" id="a">A?</h2><div><p>## B? {#b .faq-question}</p></div>'
    _, problems = checked(page, "faq/index.md", layout, strip=False)
    assert [str(p) for p in problems] == [
        "faq.yml:5:5: question 'b' is lost from faq/index.md: HTML left open in the question 'a' above "
        "it swallows it; close every <div>, <pre> and <details> you open"
    ]
    whole = '<h2 id="a">A?</h2><h2 class="faq-question" id="b">B?</h2>'
    assert checked("<h2 id=\"a\">A?</h2>", "faq/index.md", layout, strip=False)[1] == []  # a template left b out
    assert checked(whole, "faq/index.md", layout, strip=False)[1] == []


def test_a_clash_with_a_file_another_plugin_generates_is_caught_too() -> None:
    from mkdocs_faq_plugin.plugin.url_clashes import clashes

    ours = [("glossary.md", "glossary/index.html"), ("faq/index.md", "faq/index.html")]
    assert clashes(ours, [("gen/glossary.md", "glossary/index.html"), ("a.md", "a/index.html")], "faq/faq.json") == [
        "faq: gen/glossary.md and the generated page glossary.md would both be written to "
        "glossary/index.html; move gen/glossary.md or set the plugin's faq_dir / glossary_page option"
    ]


# ----------------------------------------------------------------------- weaker points

def test_canonically_equal_term_names_are_one_name(tmp_path: Path) -> None:
    faq = "glossary:\n  - term: \"caf\\u00e9\"\n    id: a\n    definition: A.\n  - term: \"cafe\\u0301\"\n    id: b\n    definition: B.\n"
    (tmp_path / "faq.yml").write_text(faq, encoding="utf-8")
    assert [str(p) for p in load("faq.yml", str(tmp_path)).problems] == [
        "faq.yml:5:11: glossary[1].term 'cafe\u0301' already names term 'a' (at faq.yml:2:11)"
    ]


@pytest.mark.parametrize("theme_id", ["navbar-collapse", "toc-collapse", "mkdocs-search-query"])
def test_the_mkdocs_themes_ids_are_reserved(tmp_path: Path, theme_id: str) -> None:
    (tmp_path / "faq.yml").write_text(ONE_QUESTION.format(id=theme_id, question="Q?", answer="A."), encoding="utf-8")
    assert [str(p) for p in load("faq.yml", str(tmp_path)).problems] == [
        f"faq.yml:2:9: questions[0].id '{theme_id}' is reserved for the mkdocs theme's own elements; choose another id"
    ]


def test_a_fragment_after_an_id_is_reported_as_in_pages(tmp_path: Path) -> None:
    faq = MINIMAL_FAQ.replace("see [tuning](faq:tuning-widgets)", "see [tuning](faq:tuning-widgets#step-2)")
    (tmp_path / "faq.yml").write_text(faq, encoding="utf-8")
    assert [str(p) for p in load("faq.yml", str(tmp_path)).problems] == [
        "faq.yml:10:13: questions[0].answer: link target 'faq:tuning-widgets#step-2' does not exist"
    ]


def test_every_error_of_a_translation_shows_in_one_pass(tmp_path: Path) -> None:
    from mkdocs_faq_plugin.kb.loading import load_languages
    from mkdocs_faq_plugin.kb.problems import FaqError, errors

    (tmp_path / "faq.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
    (tmp_path / "faq.fr.yml").write_text(
        "questions:\n  - id: what-is-a-widget\n    question: [1]\n    anser: x\n  - id: nope\n    question: Q\n",
        encoding="utf-8",
    )
    default = load("faq.yml", str(tmp_path))
    result = load_languages("faq.yml", str(tmp_path), default, ["fr"])
    assert [str(p) for p in result.problems] == [
        "faq.fr.yml:3:15: questions[0].question: expected text, got a list",
        "faq.fr.yml:4:5: questions[0].anser: unknown key; did you mean 'answer'?",
        "faq.fr.yml:5:9: questions[1].id 'nope' is not the id of a question of the default language (faq.yml)",
    ]
    assert str(FaqError(errors(result.problems))).startswith("faq.fr.yml has 3 problems:")


def test_a_glob_translation_on_a_site_without_languages_is_announced(tmp_path: Path) -> None:
    from mkdocs_faq_plugin.kb.knowledge import load_knowledge

    write_files(tmp_path, ["faq.d/basics.yml"], ONE_QUESTION.format(id="a", question="A?", answer="A."))
    write_files(tmp_path, ["faq.d/notes.it.yml"], ONE_QUESTION.format(id="b", question="B?", answer="B."))
    result = load_knowledge(["faq.d/*.yml"], str(tmp_path))
    assert result.knowledge is not None
    assert result.notes == (
        "faq.d/notes.it.yml: read as the 'it' translation, and no language but the default is "
        "built, so it is not used (rename it without '.it' if it holds entries of its own)",
    )
