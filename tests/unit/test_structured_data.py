"""FAQPage JSON-LD: valid, complete, impossible to break out of `<script>`; answer extraction."""

from __future__ import annotations

import json
import re

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_faq_plugin.pages.labels import labels_for
from mkdocs_faq_plugin.layout import SiteLayout
from mkdocs_faq_plugin.kb.model import Category, KnowledgeBase, Question, Source
from mkdocs_faq_plugin.pages.render import render_pages
from mkdocs_faq_plugin.pages.jsonld import answer_sections, faq_page_jsonld, page_answers

OPEN = '<script type="application/ld+json">'
CLOSE = "</script>"


def payload(script: str) -> object:
    assert script.startswith(OPEN) and script.endswith(CLOSE)
    return json.loads(script[len(OPEN) : -len(CLOSE)])


def q(qid: str, text: str) -> Question:
    return Question(qid, text, "unused")


# --------------------------------------------------------------------------- JSON-LD


def test_jsonld_structure() -> None:
    script = faq_page_jsonld([(q("a", "First?"), "<p>One.</p>"), (q("b", "Second?"), "<p>Two</p>")])
    assert payload(script) == {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {"@type": "Question", "name": "First?",
             "acceptedAnswer": {"@type": "Answer", "text": "<p>One.</p>"}},
            {"@type": "Question", "name": "Second?",
             "acceptedAnswer": {"@type": "Answer", "text": "<p>Two</p>"}},
        ],
    }


def test_jsonld_cannot_end_the_script_element() -> None:
    evil = '</script><script>alert(1)</script><!-- & "quotes" \u2028'
    script = faq_page_jsonld([(q("a", evil), f"<p>{evil}</p>")])
    inner = script[len(OPEN) : -len(CLOSE)]
    for forbidden in ("<", ">", "&", "\u2028"):
        assert forbidden not in inner
    assert "\\u003c/script\\u003e" in inner
    data = payload(script)
    assert data["mainEntity"][0]["name"] == evil  # same value once decoded
    assert data["mainEntity"][0]["acceptedAnswer"]["text"] == f"<p>{evil}</p>"


def test_jsonld_keeps_unicode_readable() -> None:
    script = faq_page_jsonld([(q("a", "Qu'est-ce que «ça» ?"), "<p>Grüße 日本</p>")])
    assert "«ça»" in script and "Grüße 日本" in script


def test_jsonld_empty_page_has_no_script() -> None:
    assert faq_page_jsonld([]) == ""


def test_jsonld_is_deterministic() -> None:
    pairs = [(q("a", "A?"), "<p>a</p>"), (q("b", "B?"), "<p>b</p>")]
    assert faq_page_jsonld(pairs) == faq_page_jsonld(list(pairs))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_jsonld_round_trips_any_text(name: str, answer: str) -> None:
    script = faq_page_jsonld([(q("x", name), answer)])
    inner = script[len(OPEN) : -len(CLOSE)]
    assert "<" not in inner and ">" not in inner
    entity = payload(script)["mainEntity"][0]  # type: ignore[index]
    assert entity["name"] == name
    assert entity["acceptedAnswer"]["text"] == answer


# --------------------------------------------------------------------------- answer sections


def rendered(kb: KnowledgeBase, path: str, **toc: object) -> str:
    page = {p.src_path: p for p in render_pages(kb, SiteLayout(kb), labels_for("en", {}))}[path]
    body = page.markdown.split("---\n", 2)[2]
    return markdown.markdown(
        body,
        extensions=["toc", "attr_list", "admonition", "tables", "meta", "fenced_code"],
        extension_configs={"toc": toc},
    )


def faq_kb() -> KnowledgeBase:
    return KnowledgeBase(
        categories=(Category("c", "Cat"),),
        questions=(
            Question(
                "one",
                "First?",
                "Use **this** & <that>.\n\n## Details\n\nMore text.\n\n```\n</script>\n```",
                category="c",
                tags=("t",),
                sources=(Source("Src", "https://example.com"),),
                related=("two",),
            ),
            Question("two", "Second?", "!!! note\n    Careful.", category="c"),
            Question("three", "Third?", "Last one.", category="c"),
        ),
    )


@pytest.mark.parametrize("permalink", [False, True])
def test_answer_sections_cut_each_answer(permalink: bool) -> None:
    page_html = rendered(faq_kb(), "faq/c.md", permalink=permalink)
    assert ('class="headerlink"' in page_html) is permalink
    sections = answer_sections(page_html, ["one", "two", "three"])
    assert list(sections) == ["one", "two", "three"]
    one = sections["one"]
    assert one.startswith("<p>Use <strong>this</strong> &amp; <that>.</p>")
    assert "<h2 id=\"details\">Details" in one  # the author's own h2 stays in the answer
    assert "More text." in one and "&lt;/script&gt;" in one
    assert "Second?" not in one and "Careful" not in one
    for answer in sections.values():
        assert "faq-meta" not in answer and "faq-permalink" not in answer
        assert "headerlink" not in answer and "¶" not in answer
    assert sections["two"].startswith('<div class="admonition note">')
    assert "Careful." in sections["two"] and "Last one." not in sections["two"]
    assert sections["three"] == "<p>Last one.</p>"


def test_answer_sections_stop_before_the_tag_index() -> None:
    kb = KnowledgeBase(questions=(Question("solo", "Only?", "Yes.", tags=("x",)),))
    page_html = rendered(kb, "faq/index.md")
    assert answer_sections(page_html, ["solo"]) == {"solo": "<p>Yes.</p>"}


def test_answer_sections_without_meta_block_stop_at_next_h2() -> None:
    page_html = (
        '<h1 id="t">Title</h1>'
        '<h2 id="a" class="faq-question">A?<a class="headerlink" href="#a">¶</a></h2>'
        "<p>Alpha &amp; <em>beta</em> &#169;</p>"
        "<h3 id='sub'>Sub<a class='headerlink' href='#sub'>¶</a></h3>"
        "<p>x<br/>y</p><!-- note -->"
        '<h2 id="other">Other</h2><p>Not part.</p>'
        '<h2 id="b" class="faq-question">B?</h2><p>Bee</p><h1>End</h1><p>after</p>'
    )
    sections = answer_sections(page_html, ["a", "b"])
    assert sections["a"] == (
        "<p>Alpha &amp; <em>beta</em> &#169;</p><h3 id='sub'>Sub</h3><p>x<br/>y</p><!-- note -->"
    )
    assert sections["b"] == "<p>Bee</p>"


def test_answer_sections_strip_nested_meta_when_stopping_elsewhere() -> None:
    page_html = (
        '<h2 id="a" class="faq-question">A?</h2>'
        '<div><p>Answer</p><p class="x faq-meta"><span>Tags <a href="#">t</a></span></p></div>'
        '<p>Tail</p><h2 id="b" class="faq-question">B?</h2>'
    )
    assert answer_sections(page_html, ["a"]) == {"a": "<div><p>Answer</p></div><p>Tail</p>"}


def test_answer_sections_skip_unknown_ids_and_non_headings() -> None:
    page_html = '<p id="p">para</p><h2 id="a">A</h2><p>x</p><p class="faq-meta">m</p>'
    assert answer_sections(page_html, ["missing", "p", "a"]) == {"a": "<p>x</p>"}


def test_sections_feed_jsonld() -> None:
    kb = faq_kb()
    page_html = rendered(kb, "faq/c.md", permalink=True)
    ids = [question.id for question in kb.questions_in("c")]
    sections = answer_sections(page_html, ids)
    script = faq_page_jsonld([(kb.questions_by_id[i], sections[i]) for i in ids])
    assert script.count("</script>") == 1 and script.endswith("</script>")
    names = [e["name"] for e in payload(script)["mainEntity"]]  # type: ignore[index]
    assert names == ["First?", "Second?", "Third?"]
    assert re.search(r"\\u003c/strong\\u003e", script)


def test_answer_sections_end_where_a_wrapper_around_the_heading_closes() -> None:
    page_html = (
        '<section><h2 id="a" class="faq-question">A?</h2><p>x</p></section>'
        "<p>outside</p><h2>Next</h2>"
    )
    assert answer_sections(page_html, ["a"]) == {"a": "<p>x</p>"}


# --------------------------------------------------------------------------- answers by markers

ANSWERS = [
    "Plain **bold** & `code` text.",
    "Line one.\n\n## Details\n\nMore text with [a link](https://example.com).",
    "!!! note\n    Careful.",
    "```\n</script> <div>\n```",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "Inline <kbd>Ctrl</kbd> and <br> a break.",
    "<div class=\"box\">\n\nInside a *div*.\n\n</div>",
    "<div>\n\nnever closed",
    "Text then\n\n# A top heading\n\nafter it",
    "<!-- a comment --> and <span class='faq-meta'>nested</span> text",
    "See <https://example.com> now.",
    "<script>if (a < b) { x('</div>') }</script>",
]


def marker_kb(answers: list[str]) -> KnowledgeBase:
    return KnowledgeBase(
        categories=(Category("c", "Cat"),),
        questions=tuple(
            Question(f"q{i}", f"Question {i}?", answer, category="c", tags=("t",),
                     related=(f"q{(i + 1) % len(answers)}",) if len(answers) > 1 else ())
            for i, answer in enumerate(answers)
        ),
    )


@pytest.mark.parametrize("permalink", [False, True])
@pytest.mark.parametrize("answer", ANSWERS)
def test_markers_find_what_the_tolerant_parser_finds(answer: str, permalink: bool) -> None:
    kb = marker_kb(["First answer.", answer, "Last answer."])
    page_html = rendered(kb, "faq/c.md", permalink=permalink)
    ids = [q.id for q in kb.questions]
    assert page_answers(page_html, kb.questions) == answer_sections(page_html, ids)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(ANSWERS), min_size=1, max_size=5))
def test_markers_agree_with_the_tolerant_parser_on_any_mix(answers: list[str]) -> None:
    kb = marker_kb(answers)
    page_html = rendered(kb, "faq/c.md", permalink=True)
    assert page_answers(page_html, kb.questions) == answer_sections(
        page_html, [q.id for q in kb.questions])


def test_markers_fall_back_to_the_tolerant_parser_without_our_meta_block() -> None:
    questions = (q("a", "A?"), q("b", "B?"))
    page_html = (
        '<section><h2 id="a" class="faq-question">A?</h2><p>x</p></section>'
        '<p>outside</p><h2 id="b" class="faq-question">B?</h2><p>Bee</p><h2>Next</h2>'
    )
    assert page_answers(page_html, questions) == {"a": "<p>x</p>", "b": "<p>Bee</p>"}
    assert page_answers("<p>no questions here</p>", questions) == {}


def test_markers_keep_the_order_of_the_questions_given() -> None:
    kb = marker_kb(["One.", "Two.", "Three."])
    page_html = rendered(kb, "faq/c.md")
    reordered = (kb.questions[2], kb.questions[0])
    assert list(page_answers(page_html, reordered)) == ["q2", "q0"]
    assert page_answers(page_html, reordered)["q2"] == "<p>Three.</p>"
