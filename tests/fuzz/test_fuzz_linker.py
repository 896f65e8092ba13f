"""Fuzzing the term linker on Markdown with the structures real pages have.

tests/test_linker_properties.py covers paragraphs, lists, emphasis and simple inline HTML.
This module adds what a documentation site is made of: tables, admonitions (titled,
untitled, nested, with a term as their type), raw HTML blocks and inline raw HTML with
attributes, fenced and indented code, setext and attr_list headings, reference links and
autolinks, entities and escapes; plus glossaries drawn per example from a pool of awkward
terms (`C++`, `.NET`, HTML tag and entity names, Python-Markdown's placeholder word, CJK,
case-sensitive acronyms) and every page kind and option.

The central invariant is byte-exact: the linked HTML with every annotation unwrapped equals
the HTML of the same page converted with an empty glossary (links resolved the same way).
So text, code, raw HTML, headings and attributes cannot change; only wrappers are added.
On top: no annotation inside skipped elements, the output's tag structure is balanced, and
running the linker over its own output changes nothing.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import _hypothesis_profile  # noqa: F401 - registers and loads the "ci" profile
import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs_autorefs import AutorefsExtension

from mkdocs_faq_plugin.layout import SiteLayout
from mkdocs_faq_plugin.markdown import FaqExtension, LinkerContext
from mkdocs_faq_plugin.terms.matcher import TermMatcher
from mkdocs_faq_plugin.kb.model import Category, KnowledgeBase, Question, Term

EXAMPLES = 450

BASE = ["toc", "attr_list", "admonition", "tables"]
RICH = [
    *BASE, "footnotes", "def_list", "md_in_html", "abbr", "pymdownx.superfences", "pymdownx.details",
    "pymdownx.tabbed", "autorefs",
]  # fmt: skip

# (id, term, aliases, case_sensitive, definition); every term `annotate: true`, everyday
# words ("model", "table", "note") included: where marks may go is tested, not which sense.
POOL = [
    ("model", "model", ("models",), False, "A learned function."),
    ("language-model", "language model", ("LM",), False, "A model of text."),
    ("cpp", "C++", (), False, "A language; `code` & <b>tags</b> in \"quotes\"."),
    ("dotnet", ".NET", (), False, "A platform."),
    ("gpt", "GPT", (), True, "Case-sensitive."),
    ("table", "table", (), False, "An HTML tag name as a term."),
    ("code", "code", ("pre",), False, "Tag names again."),
    ("note", "note", (), False, "An admonition type as a term."),
    ("amp", "amp", ("nbsp", "lt"), False, "Entity names."),
    ("klzzwxh", "klzzwxh", (), False, "Python-Markdown's placeholder word."),
    ("e-mail", "e-mail", (), False, "Hyphenated."),
    ("cafe", "café", (), False, "Accented."),
    ("zh", "语言模型", (), False, "CJK."),
    ("footnote", "footnote", (), False, "Footnote word."),
    ("tab", "tab", ("tabs",), False, "Tab labels must not be annotated."),
    ("href", "href", ("class",), False, "Attribute names."),
]
WORDS = [
    "the", "a", "model", "models", "Model's", "language model", "LM", "C++", ".NET", "GPT", "gpt",
    "table", "code", "pre", "note", "amp", "nbsp", "lt", "klzzwxh", "e-mail", "café", "cafés",
    "语言模型", "footnote", "tab", "tabs", "href", "class", "x_model", "and", "&amp;", "&lt;", "&",
    "<", ">", "\\*", "\\_", "\\`", "*", "_", "'", '"', "(", ")", ",", ".", ":", "--",
]  # fmt: skip
HREFS = ["https://example.org/model", "faq:q1", "faq:", "faq:cat", "glossary:model", "glossary:C++", "glossary:nope", "other.md#model", "#model"]
PAGES = ["index.md", "guide/page.md", "glossary.md", "faq/index.md", "faq/cat.md", "a/b/c.md"]

SKIP_TAGS = {
    "code", "pre", "kbd", "samp", "var", "a", "abbr", "dfn", "script", "style", "svg", "math",
    "summary", "label", "button", "textarea", "select", "option", "template", "noscript",
    "iframe", "object", "title", "h1", "h2", "h3", "h4", "h5", "h6", "autoref",
}  # fmt: skip
SKIP_CLASSES = {"no-glossary", "faq-term", "faq-broken-link", "arithmatex"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=7).map(" ".join)
plain_words = st.lists(st.sampled_from([w for w in WORDS if w.isalnum() or " " in w]), min_size=1, max_size=4).map(" ".join)
raw_inline = st.one_of(
    st.tuples(st.sampled_from(["code", "kbd", "samp", "var", "abbr title='model'", "dfn", "b", "i", "span", "em", "a href='x'", "span class='no-glossary'", "span class=\"x no-glossary\"", "label", "button", "sup"]), words).map(
        lambda p: f"<{p[0]}>{p[1]}</{p[0].split()[0]}>"
    ),
    words.map(lambda w: f"<span class='a'>{w} <code>{w}</code> {w}</span>"),
    st.sampled_from(["<br>", "<br/>", "<img src='model.png' alt='model'>", "<!-- model -->", "<wbr>"]),
)
inline = st.one_of(
    words, words, words,
    words.map(lambda w: f"`{w}`"),
    words.map(lambda w: f"``{w} ` {w}``"),
    words.map(lambda w: f"*{w}*"),
    words.map(lambda w: f"**{w}**"),
    st.tuples(words, st.sampled_from(HREFS)).map(lambda p: f"[{p[0]}]({p[1]})"),
    st.tuples(words, st.sampled_from(HREFS)).map(lambda p: f'[{p[0]}]({p[1]} "model title")'),
    words.map(lambda w: f"[{w}][ref]"),
    words.map(lambda w: f"[{w}][fm-heading]"),  # autorefs: a link written after the linker ran
    st.just("[model][]"),
    st.just("<https://example.org/model>"),
    st.just("model@example.org"),
    words.map(lambda w: f"{w}[^1]"),
    raw_inline,
    words.map(lambda w: f"{w}  \n{w}"),
)  # fmt: skip
paragraph = st.lists(inline, min_size=1, max_size=6).map(" ".join)
cell = st.one_of(words, words.map(lambda w: f"`{w}`"), st.tuples(words, st.sampled_from(HREFS)).map(lambda p: f"[{p[0]}]({p[1]})"), st.just("a \\| b"))


@st.composite
def table(draw: st.DrawFn) -> str:
    columns = draw(st.integers(1, 3))
    rows = draw(st.integers(1, 3))
    head = "| " + " | ".join(draw(cell) for _ in range(columns)) + " |"
    rule = "|" + "|".join(draw(st.sampled_from(["---", ":--", "--:", ":-:"])) for _ in range(columns)) + "|"
    body = ["| " + " | ".join(draw(cell) for _ in range(columns)) + " |" for _ in range(rows)]
    return "\n".join([head, rule, *body])


def indent(text: str, by: str = "    ") -> str:
    return "\n".join(by + line if line else line for line in text.split("\n"))


@st.composite
def admonition(draw: st.DrawFn, depth: int = 1) -> str:
    kind = draw(st.sampled_from(["note", "warning", "model", "tip"]))
    title = draw(st.one_of(st.just(""), plain_words.map(lambda w: f' "{w}"'), st.just(' ""')))
    body = draw(st.lists(block(depth - 1) if depth > 0 else paragraph, min_size=1, max_size=2))
    return f"!!! {kind}{title}\n\n" + indent("\n\n".join(body))


raw_block = st.one_of(
    words.map(lambda w: f"<div class=\"box\">\n{w}\n</div>"),
    words.map(lambda w: f"<div markdown=\"1\">\n\n{w}\n\n</div>"),
    words.map(lambda w: f"<details><summary>{w}</summary>\n{w}\n</details>"),
    words.map(lambda w: f"<table><tr><td>{w}</td></tr></table>"),
    words.map(lambda w: f"<pre>\n{w}\n</pre>"),
    words.map(lambda w: f"<script>var model = '{w}';</script>"),
    words.map(lambda w: f"<!--\n{w}\n-->"),
    words.map(lambda w: f'<p class="no-glossary">{w}</p>'),
)
rich_block = st.one_of(
    st.tuples(plain_words, paragraph).map(lambda p: f'=== "{p[0]}"\n\n    {p[1]}'),
    st.tuples(plain_words, paragraph).map(lambda p: f'??? note "{p[0]}"\n    {p[1]}'),
    st.tuples(plain_words, paragraph).map(lambda p: f"{p[0]}\n:   {p[1]}"),
    st.just("*[model]: An abbreviation of model"),
)


def block(depth: int = 1) -> st.SearchStrategy[str]:
    options: list[st.SearchStrategy[str]] = [
        paragraph, paragraph, paragraph,
        st.tuples(st.integers(1, 6), words, st.sampled_from(["", " {#model}", " {#model .no-glossary}", " {: #x }"])).map(
            lambda p: f"{'#' * p[0]} {p[1]}{p[2]}"
        ),
        st.tuples(words, st.sampled_from(["=", "-"])).map(lambda p: f"{p[0]}\n{p[1] * 3}"),
        st.tuples(st.sampled_from(["```", "~~~", "```python", "``` {.model}"]), words).map(
            lambda p: f"{p[0]}\n{p[1]}\n{p[0][:3]}"
        ),
        words.map(lambda w: f"    {w}"),
        table(),
        raw_block,
        st.lists(paragraph, min_size=1, max_size=3).map(lambda items: "\n".join(f"- {i}" for i in items)),
        st.lists(paragraph, min_size=1, max_size=2).map(lambda items: "\n".join(f"1. {i}" for i in items)),
        paragraph.map(lambda p: f"> {p}"),
        paragraph.map(lambda p: f"{p}\n{{: .no-glossary }}"),
        st.just("---"),
    ]  # fmt: skip
    if depth > 0:
        options.append(admonition(depth))
    return st.one_of(*options)


documents = st.lists(block(2), min_size=1, max_size=7).map(
    lambda blocks: "\n\n".join(blocks) + "\n\n[ref]: https://example.org/ref\n[^1]: A model footnote.\n"
)
glossaries = st.sets(st.sampled_from(range(len(POOL))), min_size=1, max_size=len(POOL)).map(
    lambda chosen: tuple(Term(POOL[i][0], POOL[i][1], POOL[i][4], aliases=POOL[i][2], case_sensitive=POOL[i][3], annotate=True) for i in sorted(chosen))
)
options = st.fixed_dictionaries(
    {
        "annotate": st.sampled_from(["first", "section", "all"]),
        "link": st.booleans(),
        "tooltips": st.booleans(),
    }
)


def knowledge_base(terms: tuple[Term, ...]) -> KnowledgeBase:
    return KnowledgeBase(
        categories=(Category("cat", "Category"),),
        questions=(Question("q1", "Question?", "Answer.", category="cat"),),
        glossary=terms,
    )


def convert(source: str, page: str, kb: KnowledgeBase, extensions: list[str], *, matcher: bool = True, twice: bool = False, **opts: Any) -> str:
    layout = SiteLayout(kb)
    context = LinkerContext(
        layout, TermMatcher.from_terms(kb.glossary if matcher else ()), warn=lambda message: None, **opts
    )
    loaded = [AutorefsExtension() if name == "autorefs" else name for name in extensions]
    md = markdown.Markdown(extensions=[*loaded, FaqExtension(context=context)])
    if twice:
        md.treeprocessors.register(md.treeprocessors["faq"], "faq-again", 3)
    context.begin_page(page, True)
    return md.convert(source)


ANNOTATION = re.compile(
    r'<(a|span) class="faq-term" data-faq-term="[^"]*"(?: href="[^"]*")?(?: tabindex="0")?(?: title="[^"]*")?>([^<]*)</\1>'
)


def unwrap(html: str) -> str:
    return ANNOTATION.sub(r"\2", html)


class Structure(HTMLParser):
    """Tag balance, and annotations found inside elements the linker must skip."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.problems: list[str] = []
        self.misplaced: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = set((values.get("class") or "").split())
        inside = bool(self.stack) and self.stack[-1][1]
        if "faq-term" in classes and inside:
            self.misplaced.append(f"<{tag} {values}> inside {[t for t, _ in self.stack]}")
        skipped = (
            inside
            or tag in SKIP_TAGS
            or not classes.isdisjoint(SKIP_CLASSES)
            or (tag == "p" and "admonition-title" in classes)
        )
        if tag not in VOID:
            self.stack.append((tag, skipped))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.problems.append(f"</{tag}> with {[t for t, _ in self.stack]} open")
            for index in range(len(self.stack) - 1, -1, -1):
                if self.stack[index][0] == tag:
                    del self.stack[index:]
                    break
            return
        self.stack.pop()


def structure(html: str) -> Structure:
    parser = Structure()
    parser.feed(html)
    parser.close()
    return parser


def check(source: str, page: str, terms: tuple[Term, ...], extensions: list[str], opts: dict[str, Any]) -> str:
    kb = knowledge_base(terms)
    reference = convert(source, page, kb, extensions, matcher=False, **opts)
    linked = convert(source, page, kb, extensions, **opts)
    assert unwrap(linked) == reference
    assert "\x02" not in linked and "\x03" not in linked
    linked_structure = structure(linked)
    assert linked_structure.misplaced == []
    assert linked_structure.problems == structure(reference).problems
    assert convert(source, page, kb, extensions, twice=True, **opts) == linked
    return linked


@settings(max_examples=EXAMPLES)
@given(source=documents, page=st.sampled_from(PAGES), terms=glossaries, opts=options)
def test_site_markdown_only_gains_wrappers(source: str, page: str, terms: tuple[Term, ...], opts: dict[str, Any]) -> None:
    check(source, page, terms, BASE, opts)


@settings(max_examples=EXAMPLES // 3)
@given(
    source=st.lists(st.one_of(block(1), rich_block), min_size=1, max_size=6).map(
        lambda blocks: "\n\n".join(blocks) + "\n\n[ref]: https://example.org/ref\n[^1]: A model footnote.\n"
    ),
    page=st.sampled_from(PAGES),
    terms=glossaries,
    opts=options,
)
def test_with_material_style_extensions(source: str, page: str, terms: tuple[Term, ...], opts: dict[str, Any]) -> None:
    """Tabs, details, definition lists, abbreviations, footnotes and md_in_html too."""
    check(source, page, terms, RICH, opts)


# ----------------------------------------------------------------------------- examples
# Cases worth keeping in view whatever the fuzzer draws.

ALL = tuple(Term(p[0], p[1], p[4], aliases=p[2], case_sensitive=p[3], annotate=True) for p in POOL)
EVERYWHERE = {"annotate": "all", "link": True, "tooltips": True}


@pytest.mark.parametrize(
    "source",
    [
        "| model | `model` |\n|---|---|\n| [model](faq:q1) | model |",
        '!!! note "A model title"\n\n    A model in the body.',
        "!!! model\n\n    The model body; the type-derived title stays.",
        "<div>\nmodel in a raw block\n</div>\n\nmodel after it",
        "A <code>model</code>, a <span class='no-glossary'>model</span>, a model.",
        "&amp; amp &lt; lt &nbsp; nbsp",
        "klzzwxh and C++ and .NET and e-mail",
        "```\nmodel\n```\n\n    model\n\nmodel",
    ],
)
def test_structures_of_real_pages(source: str) -> None:
    html = check(source, "guide/page.md", ALL, RICH, EVERYWHERE)
    assert 'data-faq-term="' in html


def test_admonition_titles_and_table_cells() -> None:
    html = check(
        '!!! note "The model"\n\n    | model |\n    |---|\n    | model |\n', "index.md", ALL, BASE, EVERYWHERE
    )
    title = re.search(r'<p class="admonition-title">(.*?)</p>', html).group(1)
    assert title == "The model"
    assert re.search(r'<th><a class="faq-term" data-faq-term="model"', html)
    assert re.search(r'<td><a class="faq-term" data-faq-term="model"', html)
