"""Properties of the term linker on random Markdown (hypothesis).

Whatever the input, annotating terms must only wrap existing text: the visible text is
unchanged, skipped elements are untouched, the output is well formed, and running the
linker again on its own output changes nothing.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_faq_plugin.markdown import FaqExtension, LinkerContext
from mkdocs_faq_plugin.kb.model import KnowledgeBase, Question, Term

KB = KnowledgeBase(
    questions=(Question("q1", "Question?", "Answer."),),
    glossary=(
        Term("model", "model", "A learned function."),
        Term("language-model", "language model", "A model of text."),
        Term("large-language-model", "large language model", "A big one.", aliases=("LLM",)),
        Term("llm-cs", "GPT", "Case-sensitive.", case_sensitive=True),
        Term("token", "token", 'Quotes " and <tags> & ampersands.'),
        Term("fine-tuning", "fine-tuning", "More training."),
        Term("cafe", "café", "Coffee."),
        Term("query", "query", "A question."),
        Term("zh", "语言模型", "Chinese."),
        Term("dotnet", ".NET", "A runtime."),
        Term("cpp", "C++", "A language."),
    ),
)

WORDS = [
    "the", "a", "and", "of", "model", "models", "model's", "Models’", "language", "large",
    "Large", "token", "tokens", "LLM", "LLMs", "GPT", "gpt", "GPTs", "fine-tuning",
    "superfine-tuning", "fine", "tuning", "café", "cafés", "naïve", "query", "queries",
    "语言模型", "大型语言模型是", "data", "x_model", ".NET", "C++", "ASP.NET", "C", "foo.NET",
    "C++token",
]  # fmt: skip
HREFS = [
    "http://example.org/a",
    "faq:q1",
    "faq:",
    "glossary:token",
    "glossary:LLM",
    "glossary:nope",
    "faq:nope",
]
PAGES = ["index.md", "guide/page.md", "glossary.md", "faq/index.md"]

SKIP_TAGS = {
    "code", "pre", "kbd", "samp", "a", "abbr", "dfn", "h1", "h2", "h3", "h4", "h5", "h6",
    "script", "style", "svg", "math", "summary", "label",
}  # fmt: skip
VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "wbr"}

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
inline = st.one_of(
    words,
    words,
    words.map(lambda w: f"`{w}`"),
    words.map(lambda w: f"*{w}*"),
    words.map(lambda w: f"**{w}**"),
    st.tuples(words, st.sampled_from(HREFS)).map(lambda p: f"[{p[0]}]({p[1]})"),
    st.tuples(st.sampled_from(["code", "kbd", "b", "abbr", "a href='x'"]), words).map(
        lambda p: f"<{p[0]}>{p[1]}</{p[0].split()[0]}>"
    ),
    words.map(lambda w: f'<span class="no-glossary">{w} <em>{w}</em></span>'),
    st.sampled_from(["&amp;", "&lt;", "&nbsp;", "\\*", "\\_", ",", ".", "(", ")", "<br>", "'"]),
)
paragraph = st.lists(inline, min_size=1, max_size=8).map(" ".join)
block = st.one_of(
    paragraph,
    paragraph,
    paragraph,
    st.tuples(
        st.integers(1, 6), words, st.sampled_from(["", " {#model}", " {#token}", " {#x}"])
    ).map(lambda p: f"{'#' * p[0]} {p[1]}{p[2]}"),
    words.map(lambda w: f"```\n{w}\n```"),
    st.lists(paragraph, min_size=1, max_size=3).map(
        lambda items: "\n".join(f"- {i}" for i in items)
    ),
    st.tuples(words, paragraph).map(lambda p: f'!!! note "{p[0]}"\n    {p[1]}'),
    paragraph.map(lambda p: f"> {p}"),
    paragraph.map(lambda p: f"{p}\n{{: .no-glossary }}"),
)
documents = st.lists(block, min_size=1, max_size=8).map("\n\n".join)
options = st.fixed_dictionaries(
    {
        "annotate": st.sampled_from(["first", "section", "all"]),
        "link": st.booleans(),
        "tooltips": st.booleans(),
    }
)

EXTENSIONS = ["toc", "attr_list", "admonition"]


def convert(source: str, page: str, *, linker: bool, twice: bool = False, **opts: Any) -> str:
    if not linker:
        return str(markdown.Markdown(extensions=EXTENSIONS).convert(source))
    context = LinkerContext.for_knowledge_base(KB, warn=lambda message: None, **opts)
    md = markdown.Markdown(extensions=[*EXTENSIONS, FaqExtension(context=context)])
    if twice:
        md.treeprocessors.register(md.treeprocessors["faq"], "faq-again", 3)
    context.begin_page(page, True)
    return str(md.convert(source))


class Reader(HTMLParser):
    """Visible text, the content of skipped elements, and well-formedness in one pass."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.skipped: list[tuple[object, ...]] = []
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, in a skipped region, annotation)
        self.problems: list[str] = []
        self.annotations = 0
        self.record_as: dict[int, str] = {}  # stack depth → tag it stands for

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    @property
    def in_annotation(self) -> bool:
        return any(annotation for _, _, annotation in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = set((values.get("class") or "").split())
        if "faq-term" in classes:
            self.annotations += 1
            if self.skipping or self.in_annotation:
                self.problems.append(f"annotation inside a skipped element: {self.stack}")
            self.stack.append((tag, False, True))  # an annotation is not part of the original
            return
        if tag == "span" and "faq-broken-link" in classes:
            # An unknown link target turns <a href="faq:x"> into this span: same text.
            attrs = [(k, v) for k, v in attrs if k != "class"]
            self.record_as[len(self.stack)] = "a"
            tag = "a"
        skipped = (
            self.skipping
            or tag in SKIP_TAGS
            or "no-glossary" in classes
            or (tag == "p" and "admonition-title" in classes)
        )
        if skipped:
            kept = tuple((k, v) for k, v in attrs if k != "href" or (v or "").startswith("http"))
            self.skipped.append(("start", tag, kept))
        if tag not in VOID_TAGS:
            self.stack.append((tag, skipped, False))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            self.skipped.append(("void", tag))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS:
            return
        tag = self.record_as.pop(len(self.stack) - 1, tag)
        if not self.stack or self.stack[-1][0] != tag:
            self.problems.append(f"unexpected </{tag}> with open {self.stack}")
            return
        _, skipped, _ = self.stack.pop()
        if skipped:
            self.skipped.append(("end", tag))

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.skipping:
            self.skipped.append(("data", data))


def read(html: str) -> Reader:
    reader = Reader()
    reader.feed(html)
    reader.close()
    if reader.stack:
        reader.problems.append(f"unclosed {reader.stack}")
    return reader


def merged(parts: list[str]) -> str:
    return "".join(parts)


def merged_events(events: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    """Adjacent data events joined: the parser may split text at entities differently."""
    out: list[tuple[object, ...]] = []
    for event in events:
        if event[0] == "data" and out and out[-1][0] == "data":
            out[-1] = ("data", str(out[-1][1]) + str(event[1]))
        else:
            out.append(event)
    return out


SETTINGS = settings(max_examples=200, deadline=None)


@SETTINGS
@given(source=documents, page=st.sampled_from(PAGES), opts=options)
def test_visible_text_and_skipped_elements_are_unchanged(
    source: str, page: str, opts: dict[str, Any]
) -> None:
    plain = read(convert(source, page, linker=False))
    linked_html = convert(source, page, linker=True, **opts)
    linked = read(linked_html)
    assert merged(linked.text) == merged(plain.text)
    assert merged_events(linked.skipped) == merged_events(plain.skipped)
    assert "\x02" not in linked_html and "\x03" not in linked_html


@SETTINGS
@given(source=documents, page=st.sampled_from(PAGES), opts=options)
def test_output_is_well_formed(source: str, page: str, opts: dict[str, Any]) -> None:
    plain = read(convert(source, page, linker=False))
    linked = read(convert(source, page, linker=True, **opts))
    # Whatever Python-Markdown itself produces, annotating adds no problem of its own.
    assert linked.problems == plain.problems
    assert not any("annotation inside" in problem for problem in linked.problems)


@SETTINGS
@given(source=documents, page=st.sampled_from(PAGES), opts=options)
def test_running_on_its_own_output_changes_nothing(
    source: str, page: str, opts: dict[str, Any]
) -> None:
    once = convert(source, page, linker=True, **opts)
    assert convert(source, page, linker=True, twice=True, **opts) == once


@SETTINGS
@given(
    source=st.lists(
        st.sampled_from(["model", "token", "GPT", "language model", "x", "\n\n## h\n\n"]),
        max_size=30,
    ).map(" ".join),
    opts=options,
)
def test_annotation_counts_follow_the_mode(source: str, opts: dict[str, Any]) -> None:
    """`all` annotates every prose occurrence, `first` one per term, `section` in between."""
    html = convert(source, "guide/page.md", linker=True, **opts)
    counts = {
        mode: read(
            convert(source, "guide/page.md", linker=True, **{**opts, "annotate": mode})
        ).annotations
        for mode in ("first", "section", "all")
    }
    assert counts["first"] <= counts["section"] <= counts["all"]
    assert counts["first"] <= len(KB.glossary)
    assert read(html).annotations == counts[str(opts["annotate"])]
