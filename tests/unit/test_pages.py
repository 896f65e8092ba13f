"""Generated pages: Markdown shape, escaping, links, determinism and template overrides.

Pages are checked twice: as Markdown text (the contract with MkDocs and themes) and after
conversion with Python-Markdown, which is what readers finally see.
"""

from __future__ import annotations

import datetime
import html
import re
import posixpath
import random
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_faq_plugin.text import attrs, md_attr, md_block, md_text, safe_url
from mkdocs_faq_plugin.pages.labels import LANGUAGES, Labels, labels_for
from mkdocs_faq_plugin.layout import SiteLayout, page_url
from mkdocs_faq_plugin.kb.model import Category, KnowledgeBase, Question, Source, Term
from mkdocs_faq_plugin.pages.render import (
    GeneratedPage,
    glossary_letters,
    render_pages,
    render_used_in,
    tag_anchors,
    used_in_placeholder,
)
from mkdocs_faq_plugin.pages.environment import template_environment

EXTENSIONS = ["toc", "attr_list", "admonition", "tables", "meta"]
HOSTILE = 'Is <script>alert("x")</script> & *bold* `code` {{ x }} {#evil} [a](b) | c_d_ # ~~s~~ ?'

EN = labels_for("en", {})


# --------------------------------------------------------------------------- helpers


def split_page(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    _, front, body = text.split("---\n", 2)
    assert body.startswith("\n") and not body.startswith("\n\n")
    return yaml.safe_load(front), body[1:]


def to_html(text: str, extensions: list[str] | None = None) -> str:
    _, body = split_page(text) if text.startswith("---\n") else ({}, text)
    return markdown.markdown(body, extensions=extensions or EXTENSIONS)


class Element:
    def __init__(self, tag: str, attrs: dict[str, str]):
        self.tag = tag
        self.attrs = attrs
        self.text = ""
        self.children: list[str] = []

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()


class Elements(HTMLParser):
    """Every element of an HTML fragment with its attributes, text and child tags."""

    VOID = {"br", "hr", "img", "input", "meta", "link"}

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.all: list[Element] = []
        self._open: list[Element] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        for parent in self._open:
            parent.children.append(tag)
        self.all.append(element)
        if tag not in self.VOID:
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i].tag == tag:
                del self._open[i:]
                return

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data

    def by_id(self, element_id: str) -> Element:
        found = [e for e in self.all if e.attrs.get("id") == element_id]
        assert len(found) == 1, f"expected one element #{element_id}, found {len(found)}"
        return found[0]

    def by_class(self, cls: str) -> list[Element]:
        return [e for e in self.all if cls in e.classes]

    def ids(self) -> set[str]:
        return {e.attrs["id"] for e in self.all if "id" in e.attrs}

    def hrefs(self) -> list[str]:
        return [e.attrs["href"] for e in self.all if e.tag == "a" and "href" in e.attrs]


def pages_by_path(kb: KnowledgeBase, labels: Labels = EN, **kwargs) -> dict[str, GeneratedPage]:
    return {p.src_path: p for p in render_pages(kb, SiteLayout(kb), labels, **kwargs)}


def sample_kb() -> KnowledgeBase:
    return KnowledgeBase(
        title="Help centre",
        description="Answers to *common* questions.",
        categories=(
            Category("basics", "Basics", "Start **here**."),
            Category("advanced", "Advanced topics"),
        ),
        questions=(
            Question(
                "install",
                "How do I install it?",
                "Run `pip install thing`.\n\n!!! note\n    Needs Python 3.10.\n\n"
                "| a | b |\n|---|---|\n| 1 | 2 |\n",
                category="basics",
                tags=("setup", "Ünïcode tag"),
                related=("upgrade",),
                sources=(Source("Install guide", "https://example.com/install"),),
                owner="Docs team",
                reviewed=datetime.date(2024, 3, 9),
            ),
            Question("config", "Where is the config?", "In `mkdocs.yml`.", category="basics"),
            Question(
                "upgrade",
                "How do I upgrade?",
                "## Before you start\n\nBack up.\n\n```bash\npip install -U thing\n",
                category="advanced",
                tags=("setup",),
            ),
        ),
        glossary=(
            Term("zebra", "Zebra", "A striped animal."),
            Term("echo", "echo", "A repeated sound.", see=("emile",)),
            Term(
                "emile", "Émile", "A name.", aliases=("Emil", "Emilio"), details="Has *details*."
            ),
            Term("fox", "Fox", "Quick & brown."),
            Term("api", "API", "Application programming interface.", see=("fox", "zebra")),
            Term("3d", "3D", "Three dimensions."),
        ),
    )


# --------------------------------------------------------------------------- page set


def test_one_page_per_layout_page_in_order() -> None:
    kb = sample_kb()
    layout = SiteLayout(kb)
    pages = render_pages(kb, layout, EN)
    assert [p.src_path for p in pages] == list(layout.all_pages)
    assert [p.kind for p in pages] == ["index", "category", "category", "glossary"]
    assert [p.title for p in pages] == ["Help centre", "Basics", "Advanced topics", "Glossary"]


def test_custom_layout_paths_and_links() -> None:
    kb = sample_kb()
    layout = SiteLayout(kb, faq_dir="help/faq", glossary_page="reference/terms.md")
    pages = {p.src_path: p for p in render_pages(kb, layout, EN)}
    assert set(pages) == {
        "help/faq/index.md", "help/faq/basics.md", "help/faq/advanced.md", "reference/terms.md"
    }
    index = Elements(to_html(pages["help/faq/index.md"].markdown))
    assert "basics/#install" in index.hrefs()
    advanced = Elements(to_html(pages["help/faq/advanced.md"].markdown))
    assert "../basics/#install" in advanced.hrefs()
    flat = {p.src_path: p for p in render_pages(kb, layout, EN, directory_urls=False)}
    assert "basics.html#install" in Elements(to_html(flat["help/faq/index.md"].markdown)).hrefs()
    assert "basics.html#install" in Elements(to_html(flat["help/faq/advanced.md"].markdown)).hrefs()


def test_front_matter_of_each_kind() -> None:
    pages = pages_by_path(sample_kb())
    index, _ = split_page(pages["faq/index.md"].markdown)
    basics, _ = split_page(pages["faq/basics.md"].markdown)
    advanced, _ = split_page(pages["faq/advanced.md"].markdown)
    glossary, _ = split_page(pages["glossary.md"].markdown)
    assert index == {
        "title": "Help centre",
        "description": "Answers to common questions.",
        "faq_generated": "index",
        "render_macros": False,
        "search": {"boost": 2},
    }
    assert basics == {
        "title": "Basics",
        "description": "Start here.",
        "faq_generated": "category",
        "render_macros": False,
        "search": {"boost": 2},
        "tags": ["setup", "Ünïcode tag"],
    }
    assert advanced["tags"] == ["setup"]
    assert glossary == {
        "title": "Glossary",
        # feeds and <meta name="description"> get what the page holds, not raw Markdown
        "description": "3D · API · echo · Émile · Fox · Zebra",
        "faq_generated": "glossary",
        "render_macros": False,
    }


def test_front_matter_is_yaml_safe_for_hostile_titles() -> None:
    nasty = 'Q: "quoted" & <b>\n---\nfaq_generated: glossary # {{ x }}'
    kb = KnowledgeBase(
        title=nasty,
        categories=(Category("c", nasty),),
        questions=(Question("q", "Q?", "A.", category="c", tags=("a: b", "- dash", "'")),),
    )
    pages = pages_by_path(kb)
    index, _ = split_page(pages["faq/index.md"].markdown)
    category, _ = split_page(pages["faq/c.md"].markdown)
    assert index["faq_generated"] == "index"
    assert category["faq_generated"] == "category"
    # Titles are HTML to MkDocs (as when taken from a heading): escaped, otherwise verbatim.
    one_line = " ".join(nasty.split())
    assert html.unescape(index["title"]) == one_line
    assert "<b>" not in index["title"]
    assert category["tags"] == ["a: b", "- dash", "'"]
    assert pages["faq/c.md"].title == one_line


# --------------------------------------------------------------------------- index page


def test_index_lists_categories_and_question_links() -> None:
    page = pages_by_path(sample_kb())["faq/index.md"]
    _, body = split_page(page.markdown)
    assert body.startswith("# Help centre\n\nAnswers to *common* questions.\n")
    assert "## Basics {#basics .faq-category}\n\nStart **here**.\n" in body
    # Links to our own pages are HTML with their final URLs: Markdown need not parse them.
    assert re.search(r'<li data-faq-text="[^"]*"><a href="basics/#install">How do I install it\?</a></li>\n', body)
    assert re.search(r'<li data-faq-text="[^"]*"><a href="advanced/#upgrade">How do I upgrade\?</a></li>\n', body)
    doc = Elements(to_html(page.markdown))
    h2 = doc.by_id("basics")
    assert (h2.tag, h2.classes, h2.text) == ("h2", ["faq-category"], "Basics")
    assert doc.by_id("advanced").text == "Advanced topics"
    assert doc.hrefs()[:3] == ["basics/#install", "basics/#config", "advanced/#upgrade"]
    assert not doc.by_class("faq-question")  # questions live on category pages


def test_index_title_defaults_to_label() -> None:
    kb = KnowledgeBase(questions=(Question("q", "Q?", "A."),))
    page = pages_by_path(kb, labels_for("de", {}))["faq/index.md"]
    assert page.title == "FAQ"
    assert split_page(page.markdown)[1].startswith("# FAQ\n")
    assert pages_by_path(kb, labels_for("es", {}))["faq/index.md"].title == "Preguntas frecuentes"


def test_tag_index_links_every_question_of_each_tag() -> None:
    pages = pages_by_path(sample_kb())
    doc = Elements(to_html(pages["faq/index.md"].markdown))
    heading = doc.by_id("faq-all-tags")
    assert (heading.tag, heading.text) == ("h2", "All tags")
    setup = doc.by_id("faq-tag-setup")
    assert setup.tag == "li" and "faq-tag-entry" in setup.classes
    assert setup.text.startswith("setup:")
    assert "How do I install it?" in setup.text and "How do I upgrade?" in setup.text
    unicode_tag = doc.by_id("faq-tag-unicode-tag")
    assert "How do I install it?" in unicode_tag.text
    assert "How do I upgrade?" not in unicode_tag.text
    # Sorted case/accent-insensitively: "setup" before "Ünïcode tag".
    entries = [e.attrs["id"] for e in doc.by_class("faq-tag-entry")]
    assert entries == ["faq-tag-setup", "faq-tag-unicode-tag"]


def test_tag_anchors_are_unique_and_stable() -> None:
    kb = KnowledgeBase(
        questions=(
            Question("a", "A?", "A.", tags=("C++", "C", "c", "+++", "日本")),
            Question("b", "B?", "B.", tags=("C#",)),
        )
    )
    anchors = tag_anchors(kb)
    assert anchors == {
        "C++": "faq-tag-c",
        "C": "faq-tag-c-2",
        "c": "faq-tag-c-3",
        "+++": "faq-tag-tag",
        "日本": "faq-tag-日本",
        "C#": "faq-tag-c-4",
    }


def test_index_without_categories_carries_every_question() -> None:
    kb = KnowledgeBase(
        questions=(
            Question("one", "First?", "Answer **one**.", tags=("t",)),
            Question("two", "Second?", "Answer two.", related=("one",)),
        )
    )
    pages = render_pages(kb, SiteLayout(kb), EN)
    assert [p.src_path for p in pages] == ["faq/index.md", "glossary.md"]
    front, body = split_page(pages[0].markdown)
    assert front["tags"] == ["t"]
    assert "## First? {#one .faq-question}\n\nAnswer **one**.\n" in body
    doc = Elements(to_html(pages[0].markdown))
    assert [e.attrs["id"] for e in doc.by_class("faq-question")] == ["one", "two"]
    # Same-page links: tag index and related questions.
    assert "#faq-tag-t" in doc.hrefs() and "#one" in doc.hrefs() and "#two" in doc.hrefs()


def test_uncategorised_questions_live_on_the_index_when_categories_exist() -> None:
    kb = KnowledgeBase(
        categories=(Category("c", "Cat"),),
        questions=(
            Question("in-c", "In?", "Yes.", category="c"),
            Question("loose", "Loose?", "Here."),
        ),
    )
    layout = SiteLayout(kb)
    assert layout.question_page("loose") == "faq/index.md"
    pages = pages_by_path(kb)
    index = Elements(to_html(pages["faq/index.md"].markdown))
    assert index.by_id("loose").classes == ["faq-question"]
    assert "in-c" not in index.ids()
    assert "loose" not in Elements(to_html(pages["faq/c.md"].markdown)).ids()


# --------------------------------------------------------------------------- question blocks


def test_question_block_markdown_shape() -> None:
    _, body = split_page(pages_by_path(sample_kb())["faq/basics.md"].markdown)
    start = body.index("## How do I install it?")
    end = body.index("## Where is the config?")
    block = body[start:end]
    assert block == (
        "## How do I install it? {#install .faq-question}\n"
        "\n"
        "Run `pip install thing`.\n"
        "\n"
        "!!! note\n"
        "    Needs Python 3.10.\n"
        "\n"
        "| a | b |\n"
        "|---|---|\n"
        "| 1 | 2 |\n"
        "\n"
        '<p class="faq-meta no-glossary">\n'
        '<span class="faq-meta-tags"><strong>Tags:</strong> <a href="../#faq-tag-setup">setup</a>, '
        '<a href="../#faq-tag-unicode-tag">Ünïcode tag</a></span><br>\n'
        '<span class="faq-meta-related"><strong>Related questions:</strong> '
        '<a href="../advanced/#upgrade">How do I upgrade?</a></span><br>\n'
        '<span class="faq-meta-sources"><strong>Sources:</strong> '
        '<a href="https://example.com/install">Install guide</a></span><br>\n'
        '<span class="faq-meta-reviewed"><strong>Last reviewed:</strong> '
        '<time datetime="2024-03-09">2024-03-09</time></span><br>\n'
        '<span class="faq-meta-owner"><strong>Owner:</strong> Docs team</span><br>\n'
        '<a class="faq-permalink" href="#install" title="Permanent link">¶</a></p>\n'
        "\n"
    )


def test_question_with_a_relative_source_keeps_markdown_metadata() -> None:
    # The host resolves and checks a relative source link: the paragraph stays Markdown.
    kb = KnowledgeBase(questions=(
        Question("q", "Q?", "A.", tags=("t",), related=("r",),
                 sources=(Source("Guide", "../guide.md"),)),
        Question("r", "R?", "B."),
    ))
    _, body = split_page(pages_by_path(kb)["faq/index.md"].markdown)
    assert "[Guide](../guide.md)" in body and "[t](#faq-tag-t)" in body and "[R?](#r)" in body
    assert "{.faq-meta .no-glossary}" in body
    doc = Elements(to_html(pages_by_path(kb)["faq/index.md"].markdown))
    assert doc.by_class("faq-meta")[0].tag == "p"
    assert "../guide.md" in doc.hrefs()


def test_category_page_renders_questions_answers_and_metadata() -> None:
    pages = pages_by_path(sample_kb())
    doc = Elements(to_html(pages["faq/basics.md"].markdown))
    h1 = [e for e in doc.all if e.tag == "h1"]
    assert [e.text for e in h1] == ["Basics"]
    install = doc.by_id("install")
    assert (install.tag, install.classes, install.text) == (
        "h2", ["faq-question"], "How do I install it?"
    )
    assert doc.by_class("admonition")  # author Markdown kept its meaning
    assert any(e.tag == "table" for e in doc.all)
    metas = doc.by_class("faq-meta")
    assert len(metas) == 2 and all(m.tag == "p" for m in metas)
    meta = metas[0]
    assert "Tags: setup, Ünïcode tag" in meta.text
    assert "Related questions: How do I upgrade?" in meta.text
    assert "Last reviewed: 2024-03-09" in meta.text
    assert "Owner: Docs team" in meta.text
    permalink = doc.by_class("faq-permalink")[0]
    assert (permalink.attrs["href"], permalink.text) == ("#install", "¶")
    # A question without metadata still gets the block (permalink only).
    assert metas[1].text.strip() == "¶"


def test_related_questions_link_both_ways() -> None:
    pages = pages_by_path(sample_kb())
    advanced = Elements(to_html(pages["faq/advanced.md"].markdown))
    related = advanced.by_class("faq-meta-related")
    assert len(related) == 1
    assert "How do I install it?" in related[0].text
    assert "../basics/#install" in advanced.hrefs()


def test_answers_may_contain_headings_and_unclosed_fences() -> None:
    kb = KnowledgeBase(
        questions=(
            Question("a", "First?", "## Inside\n\n```python\nx = 1\n"),
            Question("b", "Second?", "~~~~\ncode\n~~~\nstill code"),
            Question("c", "Third?", "Plain."),
        )
    )
    text = pages_by_path(kb)["faq/index.md"].markdown
    doc = Elements(to_html(text, [*EXTENSIONS, "fenced_code"]))
    assert [e.attrs["id"] for e in doc.by_class("faq-question")] == ["a", "b", "c"]
    assert all(e.tag == "h2" for e in doc.by_class("faq-question"))
    inside = [e for e in doc.all if e.tag == "h2" and e.text == "Inside"]
    assert len(inside) == 1  # not demoted, not swallowed
    codes = [e.text for e in doc.all if e.tag == "code"]
    assert "x = 1\n" in codes
    assert "code\n~~~\nstill code\n" in codes


def test_answer_markdown_passes_through_verbatim() -> None:
    answer = (
        "Use {{ config.site_name }} and {% raw %}{% if %}{% endraw %} {# not a comment #}.\n\n"
        "    indented code\n\n"
        '<div markdown>raw *html*</div>\n\n'
        "[link][ref]\n\n[ref]: https://example.com"
    )
    kb = KnowledgeBase(questions=(Question("q", "Q?", answer),))
    _, body = split_page(pages_by_path(kb)["faq/index.md"].markdown)
    assert answer in body


def test_hostile_question_text_displays_literally() -> None:
    kb = KnowledgeBase(
        categories=(Category("c", HOSTILE, description="Desc"),),
        questions=(
            Question("hostile", HOSTILE, "Fine.", category="c", tags=(HOSTILE,), owner=HOSTILE),
            Question("other", "Other?", "Ok.", category="c", related=("hostile",)),
        ),
    )
    pages = pages_by_path(kb)
    for path in ("faq/index.md", "faq/c.md"):
        rendered = to_html(pages[path].markdown)
        assert "<script" not in rendered
        assert "{{" in rendered and "{#evil}" in rendered
        doc = Elements(rendered)
        for element in doc.all:
            assert element.attrs.get("id") != "evil"
        if path == "faq/c.md":
            heading = doc.by_id("hostile")
            assert heading.text == HOSTILE
            assert heading.children == []  # no <em>, <code>, <a>, <del>...
            assert doc.by_class("faq-meta-owner")[0].text == f"Owner: {HOSTILE}"
            related_links = [e for e in doc.by_class("faq-meta-related")[0].children]
            assert related_links == ["strong", "a"]
        else:
            # Category heading on the index, question link text and tag entry.
            assert doc.by_id("c").text == HOSTILE
            assert any(e.tag == "a" and e.text == HOSTILE for e in doc.all)


def test_sources_escape_titles_and_refuse_script_urls() -> None:
    kb = KnowledgeBase(
        questions=(
            Question(
                "q",
                "Q?",
                "A.",
                sources=(
                    Source('A "quoted" *title* & <tag>', "https://example.com/a b/(x)"),
                    Source("Evil", "javascript:alert(1)"),
                    Source("Mail", "mailto:team@example.com"),
                    Source("Relative", "../other/"),
                ),
            ),
        )
    )
    doc = Elements(to_html(pages_by_path(kb)["faq/index.md"].markdown))
    sources = doc.by_class("faq-meta-sources")[0]
    titles = {'A "quoted" *title* & <tag>', "Evil", "Mail", "Relative"}
    links = [e for e in doc.all if e.tag == "a" and e.text in titles]
    assert [(e.text, e.attrs["href"]) for e in links] == [
        ('A "quoted" *title* & <tag>', "https://example.com/a%20b/%28x%29"),
        ("Mail", "mailto:team@example.com"),
        ("Relative", "../other/"),
    ]
    assert "Evil" in sources.text  # shown, but not as a link
    assert "javascript" not in to_html(pages_by_path(kb)["faq/index.md"].markdown)


# --------------------------------------------------------------------------- glossary


def test_glossary_sorted_grouped_and_navigable() -> None:
    page = pages_by_path(sample_kb())["glossary.md"]
    doc = Elements(to_html(page.markdown))
    assert [e.text for e in doc.all if e.tag == "h1"] == ["Glossary"]
    terms = [e.attrs["id"] for e in doc.by_class("faq-term-entry")]
    assert terms == ["3d", "api", "echo", "emile", "fox", "zebra"]
    assert all(e.tag == "h3" for e in doc.by_class("faq-term-entry"))
    letters = [(e.attrs["id"], e.text) for e in doc.by_class("faq-letter")]
    assert letters == [
        ("faq-letter-other", "Other"),
        ("faq-letter-a", "A"),
        ("faq-letter-e", "E"),
        ("faq-letter-f", "F"),
        ("faq-letter-z", "Z"),
    ]
    nav = doc.by_class("faq-letters")[0]
    nav_links = [
        e for e in doc.all if e.tag == "a" and e.attrs.get("href", "").startswith("#faq-letter-")
    ]
    assert [a.attrs["href"] for a in nav_links] == [f"#{i}" for i, _ in letters]
    assert nav.text.startswith("Other · A · E")


def test_glossary_order_does_not_depend_on_input_order() -> None:
    kb = sample_kb()
    shuffled = list(kb.glossary)
    random.Random(4).shuffle(shuffled)
    other = KnowledgeBase(glossary=tuple(shuffled))
    first = pages_by_path(KnowledgeBase(glossary=kb.glossary))["glossary.md"].markdown
    assert pages_by_path(other)["glossary.md"].markdown == first


def test_glossary_entry_shape() -> None:
    _, body = split_page(pages_by_path(sample_kb())["glossary.md"].markdown)
    start = body.index("### Émile")
    block = body[start : body.index("## F")]
    assert block == (
        "### Émile {#emile .faq-term-entry}\n"
        "\n"
        '**Also known as:** <span class="faq-alias" id="emil">Emil</span>, '
        '<span class="faq-alias" id="emilio">Emilio</span>\n'
        "{.faq-term-aliases .no-glossary}\n"
        "\n"
        "A name\\.\n"
        "{.faq-term-definition}\n"
        "\n"
        "Has *details*.\n"
        "\n"
    )
    assert "faq-used-in" not in body  # the plugin adds "Used in" to the HTML (used_in.fill)


def test_glossary_entries_render() -> None:
    doc = Elements(to_html(pages_by_path(sample_kb())["glossary.md"].markdown))
    assert doc.by_id("emile").text == "Émile"
    aliases = doc.by_class("faq-term-aliases")
    assert [a.text for a in aliases] == ["Also known as: Emil, Emilio"]
    definitions = [d.text for d in doc.by_class("faq-term-definition")]
    assert "Quick & brown." in definitions
    assert any(e.tag == "em" and e.text == "details" for e in doc.all)
    see_also = doc.by_class("faq-see-also")
    assert [s.text for s in see_also] == ["See also: Fox, Zebra", "See also: Émile"]
    assert "#fox" in doc.hrefs() and "#zebra" in doc.hrefs() and "#emile" in doc.hrefs()
    assert not doc.by_class("faq-used-in")


def test_placeholder_survives_markdown_exactly() -> None:
    # A theme's `_term.md.j2` may place it; the plugin replaces it byte for byte.
    for term_id in ("3d", "api", "emile"):
        assert used_in_placeholder(term_id) in to_html(f"# T\n\n{used_in_placeholder(term_id)}\n")


def test_hostile_term_text_is_escaped() -> None:
    kb = KnowledgeBase(
        glossary=(
            Term("t", HOSTILE, HOSTILE, aliases=(HOSTILE,), see=("u",)),
            Term("u", "<img src=x onerror=alert(1)>", "Def {{ y }}"),
        )
    )
    rendered = to_html(pages_by_path(kb)["glossary.md"].markdown)
    assert "<script" not in rendered and "<img" not in rendered
    doc = Elements(rendered)
    assert doc.by_id("t").text == HOSTILE
    assert doc.by_id("t").children == []
    assert doc.by_id("u").text == "<img src=x onerror=alert(1)>"
    assert HOSTILE in [d.text for d in doc.by_class("faq-term-definition")]
    assert "Def {{ y }}" in [d.text for d in doc.by_class("faq-term-definition")]


def test_glossary_letters_fold_case_and_accents() -> None:
    names = ["zulu", "Éclair", "ECHO", "alpha", "Ärger", "_x", "9"]
    terms = [Term(f"t{i}", name, "d") for i, name in enumerate(names)]
    letters = glossary_letters(terms, "#")
    assert [(g.label, g.anchor, [t.term for t in g.terms]) for g in letters] == [
        ("#", "faq-letter-other", ["9", "_x"]),
        ("A", "faq-letter-a", ["alpha", "Ärger"]),
        ("E", "faq-letter-e", ["ECHO", "Éclair"]),
        ("Z", "faq-letter-z", ["zulu"]),
    ]


def test_empty_glossary_page_still_renders() -> None:
    page = pages_by_path(KnowledgeBase())["glossary.md"]
    _, body = split_page(page.markdown)
    assert body == "# Glossary\n"


# --------------------------------------------------------------------------- used in


def test_render_used_in_escapes_and_deduplicates() -> None:
    result = render_used_in(
        'x"y',
        [("A <b>&</b>", "../a/"), ("B", 'b/?q="1"&r=2'), ("A again", "../a/")],
        EN,
    )
    assert result.startswith('<div class="faq-used-in no-glossary" data-faq-used-in="x&#34;y">')
    assert "<b>" not in result
    assert ">A &lt;b&gt;&amp;&lt;/b&gt;</a>" in result
    assert 'href="b/?q=&#34;1&#34;&amp;r=2"' in result
    assert "A again" not in result
    doc = Elements(result)
    assert [e.attrs["href"] for e in doc.all if e.tag == "a"] == ["../a/", 'b/?q="1"&r=2']
    assert doc.by_class("faq-used-in")[0].text.startswith("Used in:")


def test_render_used_in_unused_is_empty() -> None:
    assert render_used_in("t", [], EN) == ""


@pytest.mark.parametrize("language", LANGUAGES)
def test_render_used_in_label_follows_language(language: str) -> None:
    labels = labels_for(language, {})
    assert f">{html.escape(labels.used_in)}{labels.colon}<" in render_used_in("t", [("P", "p/")], labels)


# --------------------------------------------------------------------------- links


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_generated_link_resolves_to_an_anchor_on_a_generated_page(directory_urls: bool) -> None:
    kb = sample_kb()
    pages = {p.src_path: p for p in render_pages(kb, SiteLayout(kb), EN, directory_urls=directory_urls)}
    rendered = {path: Elements(to_html(p.markdown)) for path, p in pages.items()}
    by_url = {page_url(path, directory_urls=directory_urls): path for path in pages}
    checked = 0
    for path, doc in rendered.items():
        url = page_url(path, directory_urls=directory_urls)
        for href in doc.hrefs():
            if href.startswith(("http:", "https:", "mailto:")):
                continue
            target, _, anchor = href.partition("#")
            if not target:
                target_path = path
            elif target.endswith(".md"):  # Markdown links, for the host to rewrite
                target_path = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            else:  # final URLs, relative to the page's own URL
                joined = posixpath.normpath(posixpath.join(url.rpartition("/")[0], target))
                joined = "" if joined == "." else joined
                target_path = by_url.get(joined + "/" if target.endswith("/") else joined, "")
            assert target_path in rendered, f"{path}: {href} points outside the generated pages"
            if anchor:
                assert anchor in rendered[target_path].ids(), f"{path}: {href} has no anchor"
            checked += 1
    assert checked > 20


# --------------------------------------------------------------------------- labels


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_use_the_language_labels(language: str) -> None:
    labels = labels_for(language, {})
    pages = pages_by_path(sample_kb(), labels)
    glossary = Elements(to_html(pages["glossary.md"].markdown))
    assert [e.text for e in glossary.all if e.tag == "h1"] == [labels.glossary]
    assert glossary.by_class("faq-term-aliases")[0].text.startswith(labels.aliases + labels.colon)
    assert glossary.by_class("faq-see-also")[0].text.startswith(labels.see_also + labels.colon)
    basics = Elements(to_html(pages["faq/basics.md"].markdown))
    meta = basics.by_class("faq-meta")[0].text
    for key in ("tags", "related", "sources", "last_reviewed", "owner"):
        assert getattr(labels, key) + labels.colon in meta
    assert basics.by_class("faq-permalink")[0].attrs["title"] == labels.permalink
    index = Elements(to_html(pages["faq/index.md"].markdown))
    assert index.by_id("faq-all-tags").text == labels.all_tags


def test_label_overrides_are_escaped_like_text() -> None:
    labels = labels_for("en", {"related": "See *also* <x>", "permalink": 'Link "here"'})
    doc = Elements(to_html(pages_by_path(sample_kb(), labels)["faq/basics.md"].markdown))
    assert "See *also* <x>: How do I upgrade?" in doc.by_class("faq-meta-related")[0].text
    assert doc.by_class("faq-permalink")[0].attrs["title"] == 'Link "here"'


# --------------------------------------------------------------------------- determinism, templates


def test_output_is_deterministic() -> None:
    first = render_pages(sample_kb(), SiteLayout(sample_kb()), EN)
    second = render_pages(
        sample_kb(), SiteLayout(sample_kb()), labels_for("en", {}), env=template_environment([])
    )
    assert first == second
    assert [p.markdown.encode() for p in first] == [p.markdown.encode() for p in second]
    for page in first:
        assert page.markdown.endswith("\n") and not page.markdown.endswith("\n\n")
        assert "\n\n\n" not in page.markdown


def test_theme_template_overrides_ours(tmp_path: Path) -> None:
    (tmp_path / "faq").mkdir()
    (tmp_path / "faq" / "category.md.j2").write_text(
        "# Custom {{ title | md_text }}\n\n{% for q in questions %}"
        "{% include 'faq/_question.md.j2' %}\n{% endfor %}",
        encoding="utf-8",
    )
    env = template_environment([str(tmp_path / "missing"), str(tmp_path)])
    pages = pages_by_path(sample_kb(), env=env)
    _, body = split_page(pages["faq/basics.md"].markdown)
    assert body.startswith("# Custom Basics\n")
    assert "## How do I install it? {#install .faq-question}" in body  # our partial
    _, index = split_page(pages["faq/index.md"].markdown)
    assert index.startswith("# Help centre\n")  # not overridden → ours


def test_theme_can_override_a_partial(tmp_path: Path) -> None:
    (tmp_path / "faq").mkdir()
    (tmp_path / "faq" / "_question.md.j2").write_text(
        "### Q: {{ q.question | md_text }} {{ attrs(q.id, 'faq-question', 'mine') }}\n\n"
        "{{ q.answer | md_block }}\n",
        encoding="utf-8",
    )
    pages = pages_by_path(sample_kb(), env=template_environment([str(tmp_path)]))
    doc = Elements(to_html(pages["faq/basics.md"].markdown))
    install = doc.by_id("install")
    assert (install.tag, install.classes) == ("h3", ["faq-question", "mine"])


def test_markdown_templates_are_not_autoescaped_but_html_ones_are() -> None:
    env = template_environment([])
    md_template = env.from_string("{{ x }}")
    assert md_template.render(x="<b>") == "<b>"
    assert env.get_template("faq/used_in.html.j2").render(
        term_id="<t>", pages=[], labels=EN
    ).count("&lt;t&gt;") == 1


# --------------------------------------------------------------------------- filters


def test_md_text_escapes() -> None:
    assert md_text("What is `x` <b>?") == "What is \\`x\\` &lt;b&gt;?"
    assert md_text("a & b | c") == "a &amp; b &#124; c"
    assert md_text("*_[]{}#\\") == "\\*\\_\\[\\]\\{\\}\\#\\\\"
    assert md_text("two\nlines  here") == "two lines here"


printable = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Co", "Cn"), blacklist_characters="\x00"
    ),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip())


@settings(max_examples=300, deadline=None)
@given(printable)
def test_md_text_round_trips_through_markdown(text: str) -> None:
    expected = " ".join(text.split())
    paragraph = Elements(markdown.markdown("x " + md_text(text), extensions=EXTENSIONS))
    assert [e.tag for e in paragraph.all] == ["p"]
    assert paragraph.all[0].text == "x " + expected
    heading = Elements(
        markdown.markdown(f"## {md_text(text)} {attrs('h', 'c')}", extensions=EXTENSIONS)
    )
    assert [e.tag for e in heading.all] == ["h2"]
    assert heading.all[0].attrs == {"id": "h", "class": "c"}
    assert heading.all[0].text == expected


def test_md_attr_escapes_quotes_and_markup() -> None:
    assert md_attr('a"b<c>&\'') == "a&#34;b&lt;c&gt;&amp;&#39;"


def test_md_block_keeps_markdown_and_closes_fences() -> None:
    assert md_block("\n\n    code\n\ntext  \n\n") == "    code\n\ntext"
    assert md_block("```py\nx\n```") == "```py\nx\n```"
    assert md_block("````\n```\nx") == "````\n```\nx\n````"
    assert md_block("- a\n\n    ~~~\n    b") == "- a\n\n    ~~~\n    b\n    ~~~"
    assert md_block("inline ```code``` here") == "inline ```code``` here"
    assert md_block("a\r\nb") == "a\nb"
    assert md_block("   ") == ""


def test_attrs_refuses_unsafe_values() -> None:
    assert attrs("q-1", "faq-question") == "{#q-1 .faq-question}"
    assert attrs(None, "a", "b") == "{.a .b}"
    assert attrs() == ""
    for bad in ("a b", "a}b", 'a"b', "", "-x"):
        if bad:
            with pytest.raises(ValueError):
                attrs(bad)
    with pytest.raises(ValueError):
        attrs("ok", "bad class")


def test_safe_url() -> None:
    assert safe_url("https://example.com/a b") == "https://example.com/a%20b"
    assert safe_url("https://x/(y)`z`\\") == "https://x/%28y%29%60z%60%5C"
    assert safe_url(" JavaScript:alert(1)") is None
    assert safe_url("data:text/html,<x>") is None
    assert safe_url("https://x/\nfoo") is None
    assert safe_url("") is None
    assert safe_url("guide/install.md#x") == "guide/install.md#x"


def test_environment_is_reused_until_a_theme_template_changes(tmp_path: Path) -> None:
    # `mkdocs serve` rebuilds keep the compiled templates; an edited override is seen at once.
    first = template_environment([str(tmp_path)])
    assert template_environment([str(tmp_path)]) is first
    (tmp_path / "faq").mkdir()
    override = tmp_path / "faq" / "glossary.md.j2"
    override.write_text("# One\n", encoding="utf-8")
    second = template_environment([str(tmp_path)])
    assert second is not first
    assert second.get_template("faq/glossary.md.j2").render() == "# One\n"
    override.write_text("# Two, longer\n", encoding="utf-8")
    assert template_environment([str(tmp_path)]).get_template("faq/glossary.md.j2").render() == (
        "# Two, longer\n")
