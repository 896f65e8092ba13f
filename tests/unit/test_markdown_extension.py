"""`FaqExtension` with the real Python-Markdown: link resolution, annotation and skip rules."""

from __future__ import annotations

import textwrap
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest

from mkdocs_faq_plugin.layout import SiteLayout
from mkdocs_faq_plugin.markdown import FaqExtension, LinkerContext, plain_text
from mkdocs_faq_plugin.terms.matcher import TermMatcher
from mkdocs_faq_plugin.kb.model import Category, KnowledgeBase, Question, Term

KB = KnowledgeBase(
    title="Test FAQ",
    categories=(Category("basics", "Basics"),),
    questions=(Question("what-is-a-model", "What is a model?", "A model.", category="basics"),),
    glossary=(
        # An everyday word, marked everywhere as these tests expect (see test_senses.py).
        Term("model", "model", "A *learned* function.", aliases=("learned function",),
             annotate=True),
        Term("language-model", "language model", "A model of text; see [models](glossary:model)."),
        Term("llm", "LLM", "A large `language model`.", case_sensitive=True),
        Term("token", "token", "A piece of text."),
        Term("evil", "evil", '"><script>alert(1)</script> & more', annotate=True),
    ),
)


def render(
    source: str,
    *,
    page: str = "guide/page.md",
    enabled: bool = True,
    kb: KnowledgeBase = KB,
    **options: Any,
) -> tuple[str, LinkerContext, list[str]]:
    warnings: list[str] = []
    context = LinkerContext.for_knowledge_base(kb, warn=warnings.append, **options)
    md = markdown.Markdown(
        extensions=["toc", "attr_list", "admonition", FaqExtension(context=context)]
    )
    context.begin_page(page, enabled)
    html = md.convert(textwrap.dedent(source))
    return html, context, warnings


def terms_in(html: str) -> list[tuple[str, str]]:
    """(term id, text) of every annotation, in document order."""

    class Collector(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[tuple[str, str]] = []
            self.current: str | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            values = dict(attrs)
            if values.get("class") == "faq-term":
                self.current = values["data-faq-term"]
                self.found.append((self.current or "", ""))

        def handle_endtag(self, tag: str) -> None:
            self.current = None

        def handle_data(self, data: str) -> None:
            if self.current is not None:
                term_id, text = self.found[-1]
                self.found[-1] = (term_id, text + data)

    collector = Collector()
    collector.feed(html)
    return collector.found


# -- markup contract ------------------------------------------------------------------


def test_markup_contract_with_link_and_tooltip() -> None:
    html, _, _ = render("A token.")
    assert html == (
        '<p>A <a class="faq-term" data-faq-term="token" href="../glossary.md#token" '
        'title="A piece of text.">token</a>.</p>'
    )


def test_without_link_a_focusable_span() -> None:
    html, _, _ = render("A token.", link=False)
    assert html == (
        '<p>A <span class="faq-term" data-faq-term="token" tabindex="0" '
        'title="A piece of text.">token</span>.</p>'
    )


def test_without_tooltips_no_title() -> None:
    html, _, _ = render("A token.", tooltips=False)
    assert (
        html == '<p>A <a class="faq-term" data-faq-term="token" href="../glossary.md#token">'
        "token</a>.</p>"
    )


def test_titles_are_plain_text() -> None:
    html, _, _ = render("A model, an LLM and a language model.")
    assert 'title="A learned function."' in html
    assert 'title="A large language model."' in html
    assert 'title="A model of text; see models."' in html


def test_definition_is_escaped_in_the_attribute() -> None:
    html, _, _ = render("Pure evil.")
    assert "<script>" not in html
    assert 'title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"' in html

    class Titles(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.titles: list[str | None] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.titles += [v for k, v in attrs if k == "title"]
            assert tag != "script"

    parser = Titles()
    parser.feed(html)
    assert parser.titles == ['"><script>alert(1)</script> & more']


def test_original_wording_is_kept() -> None:
    html, _, _ = render("Two Language Models' outputs.", annotate="all")
    assert terms_in(html) == [("language-model", "Language Models'")]


def test_href_is_relative_to_the_current_page() -> None:
    assert 'href="glossary.md#token"' in render("token", page="index.md")[0]
    assert 'href="../../glossary.md#token"' in render("token", page="a/b/c.md")[0]
    assert 'href="#token"' in render("token", page="glossary.md")[0]
    html, _, _ = render("token", page="index.md", glossary_page="reference/terms.md")
    assert 'href="reference/terms.md#token"' in html


# -- links ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("link", "href"),
    [
        ("faq:what-is-a-model", "../faq/basics.md#what-is-a-model"),
        ("faq:basics", "../faq/basics.md"),
        ("faq:", "../faq/index.md"),
        ("glossary:token", "../glossary.md#token"),
        ("glossary:Language%20Model", "../glossary.md#language-model"),
        ("glossary:learned%20function", "../glossary.md#model"),
        ("glossary:", "../glossary.md"),
        ("https://example.org/faq:x", "https://example.org/faq:x"),
    ],
)
def test_links_resolve(link: str, href: str) -> None:
    html, _, warnings = render(f"[text]({link})")
    assert html == f'<p><a href="{href}">text</a></p>'
    assert warnings == []


@pytest.mark.parametrize("link", ["faq:nope", "glossary:nope"])
def test_unknown_link_target_warns_and_becomes_text(link: str) -> None:
    html, _, warnings = render(f"[a token]({link})", page="docs/page.md")
    assert html == '<p><span class="faq-broken-link">a token</span></p>'
    scheme = link.split(":")[0]
    assert warnings == [f"docs/page.md: unknown {scheme}: link target 'nope'"]


def test_broken_link_keeps_its_classes() -> None:
    html, _, _ = render("[text](faq:nope){: .button }")
    assert html == '<p><span class="button faq-broken-link">text</span></p>'


@pytest.mark.parametrize("page", ["faq/index.md", "faq/basics.md", "glossary.md"])
def test_no_second_warning_on_generated_pages(page: str) -> None:
    html, _, warnings = render("[text](glossary:nope)", page=page)
    assert html == '<p><span class="faq-broken-link">text</span></p>'
    assert warnings == []


def test_disabled_page_resolves_links_but_annotates_nothing() -> None:
    html, context, _ = render("A token in [a link](glossary:token).", enabled=False)
    assert html == '<p>A token in <a href="../glossary.md#token">a link</a>.</p>'
    assert context.usage == {}


def test_link_text_is_not_annotated() -> None:
    html, _, _ = render("[a token](faq:) and [token](https://example.org)")
    assert terms_in(html) == []


# -- skip rules -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "`token`",
        "```\ntoken\n```",
        "Text:\n\n    token in an indented code block",
        "<kbd>token</kbd> and <samp>token</samp> and <code>token</code>",
        "<abbr title='x'>token</abbr> <dfn>token</dfn>",
        "<a href='x'>a *token* here</a>",
        "# token",
        "###### token",
        '!!! note "token"\n    Body.',
        '<span class="no-glossary">token and <em>token</em></span>',
        '<div class="no-glossary" markdown="1">\n\ntoken\n\n</div>',
        "token\n{: .no-glossary }",
        "<details><summary>token</summary>Body</details>",
        "<script>token</script>",
        "<style>token {}</style>",
        "<svg><text>token</text></svg>",
        "<math><mi>token</mi></math>",
        "<label>token</label>",
        "[token](http://example.org)",
    ],
)
def test_never_annotated_inside(source: str) -> None:
    html, _, _ = render(source, annotate="all")
    assert terms_in(html) == [], html


def test_text_around_raw_inline_html_is_annotated() -> None:
    html, _, _ = render("token <code>token</code> token <b>token</b> token", annotate="all")
    assert len(terms_in(html)) == 4
    assert "<code>token</code>" in html


def test_admonition_body_is_annotated_but_not_its_title() -> None:
    html, _, _ = render('!!! note "A token"\n    A token.')
    assert '<p class="admonition-title">A token</p>' in html
    assert terms_in(html) == [("token", "token")]


def test_emphasis_and_lists_are_annotated() -> None:
    html, _, _ = render("- an *LLM*\n- a **model**\n", annotate="all")
    assert terms_in(html) == [("llm", "LLM"), ("model", "model")]


def test_placeholders_survive() -> None:
    html, _, _ = render(
        "token&nbsp;model &amp; token<br>model \\_token &lt;token&gt; \\*model\\*", annotate="all"
    )
    assert "&nbsp;" in html and "&amp;" in html and "<br>" in html and "_token" in html
    assert "&lt;" in html and "&gt;" in html and "*" in html
    assert terms_in(html) == [
        ("token", "token"),
        ("model", "model"),
        ("token", "token"),
        ("model", "model"),
        ("token", "token"),
        ("model", "model"),
    ]


def test_attribute_lists_still_apply() -> None:
    html, _, _ = render("## Heading {#custom .cls}\n\nA token.\n{: .para }")
    assert '<h2 class="cls" id="custom">Heading</h2>' in html
    assert '<p class="para">A <a class="faq-term"' in html


# -- annotate modes -------------------------------------------------------------------

SECTIONS = """\
A token, another token.

## One

A token. A model.

## Two

A token and a token.
"""


@pytest.mark.parametrize(
    ("mode", "count"),
    [
        ("first", {"token": 1, "model": 1}),
        ("section", {"token": 3, "model": 1}),
        ("all", {"token": 5, "model": 1}),
    ],
)
def test_annotate_modes(mode: str, count: dict[str, int]) -> None:
    html, _, _ = render(SECTIONS, annotate=mode)
    found = terms_in(html)
    assert {t: sum(1 for i, _ in found if i == t) for t in count} == count


def test_first_occurrence_in_a_skipped_element_does_not_count() -> None:
    html, _, _ = render("`token` then token and token.")
    assert html.count('class="faq-term"') == 1
    assert '<code>token</code> then <a class="faq-term"' in html


def test_invalid_annotate_mode() -> None:
    with pytest.raises(ValueError, match="annotate"):
        render("x", annotate="some")


# -- usage ----------------------------------------------------------------------------


def test_usage_records_every_occurrence_with_its_section() -> None:
    _, context, _ = render(SECTIONS + "\n`model` in code is not prose.\n", page="docs/a.md")
    assert context.usage == {
        "token": {"docs/a.md": {"", "one", "two"}},
        "model": {"docs/a.md": {"one"}},
    }


def test_usage_of_a_page_is_replaced_when_it_is_converted_again() -> None:
    context = LinkerContext.for_knowledge_base(KB)
    md = markdown.Markdown(extensions=["toc", FaqExtension(context=context)])
    for page, source in [("a.md", "A token."), ("b.md", "A token."), ("a.md", "A model.")]:
        context.begin_page(page, True)
        md.reset()
        md.convert(source)
    assert context.usage == {"token": {"b.md": {""}}, "model": {"a.md": {""}}}


# -- glossary page --------------------------------------------------------------------

GLOSSARY = """\
### model {#model .faq-term-entry}

A model is a learned function. A token goes in.

### token {#token .faq-term-entry}

A token is a piece of text, fed to a model.
"""


def test_glossary_entry_is_not_annotated_with_itself() -> None:
    html, context, _ = render(GLOSSARY, page="glossary.md", annotate="all")
    assert terms_in(html) == [("token", "token"), ("model", "model")]
    assert 'href="#token"' in html
    assert context.usage == {
        "token": {"glossary.md": {"model"}},
        "model": {"glossary.md": {"token"}},
    }


def test_self_exclusion_only_on_the_glossary_page() -> None:
    html, _, _ = render(GLOSSARY, page="guide.md", annotate="all")
    assert len(terms_in(html)) == 5


# -- idempotence ----------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["first", "section", "all"])
@pytest.mark.parametrize("link", [True, False])
def test_running_twice_changes_nothing(mode: str, link: bool) -> None:
    once, _, _ = render(SECTIONS, annotate=mode, link=link)
    context = LinkerContext.for_knowledge_base(KB, annotate=mode, link=link)
    md = markdown.Markdown(
        extensions=["toc", "attr_list", "admonition", FaqExtension(context=context)]
    )
    md.treeprocessors.register(md.treeprocessors["faq"], "faq-again", 3)
    context.begin_page("guide/page.md", True)
    assert md.convert(SECTIONS) == once


# -- standalone use -------------------------------------------------------------------

FAQ_YML = """\
title: Standalone
questions:
  - id: why
    question: Why?
    answer: Because.
glossary:
  - term: token
    definition: A piece of text.
"""


def test_standalone_with_plain_python_markdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "faq.yml").write_text(FAQ_YML, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    html = markdown.markdown(
        "A token, [why](faq:why).",
        extensions=["mkdocs_faq_plugin.markdown"],
        extension_configs={
            "mkdocs_faq_plugin.markdown": {"current_page": "guide/x.md", "faq_dir": "help"}
        },
    )
    assert html == (
        '<p>A <a class="faq-term" data-faq-term="token" href="../glossary.md#token" '
        'title="A piece of text.">token</a>, <a href="../help/index.md#why">why</a>.</p>'
    )


def test_standalone_options(tmp_path: Path) -> None:
    path = tmp_path / "kb.yml"
    path.write_text(FAQ_YML, encoding="utf-8")
    extension = FaqExtension(faq_file=str(path), link=False, tooltips=False, annotate="all")
    html = markdown.markdown("token token", extensions=[extension])
    assert html == (
        '<p><span class="faq-term" data-faq-term="token" tabindex="0">token</span> '
        '<span class="faq-term" data-faq-term="token" tabindex="0">token</span></p>'
    )


def test_standalone_reads_the_zensical_page(tmp_path: Path) -> None:
    path = tmp_path / "faq.yml"
    path.write_text(FAQ_YML, encoding="utf-8")

    class Page:
        def __init__(self, path: str, meta: dict[str, object]) -> None:
            self.path, self.meta = path, meta

    class RenderingContext(markdown.preprocessors.Preprocessor):
        page = Page("deep/er/page.md", {})

        def run(self, lines: list[str]) -> list[str]:
            return lines

    md = markdown.Markdown(extensions=[FaqExtension(faq_file=str(path))])
    rendering = RenderingContext(md)
    md.preprocessors.register(rendering, "rendering_context", 0)
    assert 'href="../../glossary.md#token"' in md.convert("A token.")
    rendering.page = Page("deep/er/page.md", {"glossary": False})
    assert md.reset().convert("A token.") == "<p>A token.</p>"


def test_plain_text() -> None:
    assert (
        plain_text("A *b* **c** `d` [e](f) ![g](h.png) [i][j]\n  k_l_m __n__")
        == "A b c d e g i k_l_m n"
    )


def test_empty_matcher_only_resolves_links() -> None:
    layout = SiteLayout(KB)
    context = LinkerContext(layout, TermMatcher.from_terms([]))
    md = markdown.Markdown(extensions=[FaqExtension(context=context)])
    context.begin_page("index.md", True)
    assert (
        md.convert("token [x](glossary:token)") == '<p>token <a href="glossary.md#token">x</a></p>'
    )


def test_punctuation_edges_do_not_glue_to_neighbouring_elements() -> None:
    kb = KnowledgeBase(
        glossary=(Term("net", ".NET", "A runtime."), Term("cpp", "C++", "A language."))
    )
    html, _, _ = render("*foo*.NET, .NET, C++*x*, C++", kb=kb, annotate="all", tooltips=False)
    assert terms_in(html) == [("net", ".NET"), ("cpp", "C++")]
    assert "<em>foo</em>.NET" in html and "C++<em>x</em>" in html
