"""Property-based companions of `test_hardening.py` (issue 29): script hidden in attributes,
file names in globs, and output paths shared by generated and user pages.

Oracles are independent of the code under test where one exists: a browser-like reading of
the generated attribute (its name, lower-cased, starts with `on`), the file system (every
file a glob matches is built or translated, never both, never neither), and MkDocs' own
`File.dest_uri` for output paths.
"""

from __future__ import annotations

import os
import string

import _hypothesis_profile  # noqa: F401 - registers and loads the "ci" profile
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_faq_plugin.kb import active_html
from mkdocs_faq_plugin.kb.loading import expand_paths, translation_paths
from mkdocs_faq_plugin.kb.locales import is_language
from mkdocs_faq_plugin.plugin.url_clashes import docs_clashes

# --------------------------------------------------------------- script in attributes

_EVENTS = ["onclick", "onerror", "onload", "onmouseover", "onfocus", "onpointerenter", "onbegin"]
_HARMLESS = ["title", "class", "alt", "data-on", "data-onclick", "lang"]  # any on* is a handler: no exceptions


def _random_case(draw: st.DrawFn, word: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
    return "".join(c.upper() if flip else c for c, flip in zip(word, flips))


def _quoted(draw: st.DrawFn, value: str) -> str:
    style = draw(st.sampled_from(["double", "single", "bare"]))
    if style == "double":
        return f'"{value}"'
    if style == "single":
        return f"'{value}'"
    return value.replace(" ", "").replace(">", "").replace('"', "").replace("'", "") or "x"


@st.composite
def attribute_vectors(draw: st.DrawFn) -> tuple[str, bool]:
    """(Markdown holding one element or attr_list with attributes; whether one is a handler)."""
    names = draw(st.lists(st.sampled_from(_EVENTS + _HARMLESS), min_size=1, max_size=4, unique=True))
    attributes = []
    for name in names:
        value = draw(st.sampled_from(["alert(1)", "a>b", "x y", "1", "javascript:x"]))
        attributes.append(f"{_random_case(draw, name)}={_quoted(draw, value)}")
    handler = any(name in _EVENTS for name in names)
    form = draw(st.sampled_from(["html", "attr_list_paragraph", "attr_list_heading", "attr_list_link"]))
    if form == "html":
        tag = draw(st.sampled_from(["img", "a", "div", "svg", "span", "details", "p"]))
        inner = draw(st.sampled_from(["", "text", "`code`"]))
        markdown = f"<{tag} {' '.join(attributes)}>{inner}</{tag}>" if tag != "img" else f"<img {' '.join(attributes)}>"
    else:
        # attr_list takes key="value" pairs; keep quotes double and values without braces.
        pairs = " ".join(f'{_random_case(draw, n)}="{v}"' for n, v in zip(names, ["alert(1)"] * len(names)))
        markdown = {
            "attr_list_paragraph": f"A paragraph.\n{{: {pairs} }}",
            "attr_list_heading": f"## A heading {{: {pairs} }}",
            "attr_list_link": f"[a link](https://example.org){{: {pairs} }}",
        }[form]
        quoted = draw(st.booleans())  # inside a blockquote, every line quoted
        return ("\n".join(f"> {line}" for line in markdown.split("\n")) if quoted else markdown), handler
    prefix = draw(st.sampled_from(["", "``not code`` ", "> ", "- ", "Text *with* emphasis. "]))
    return prefix + markdown, handler


@settings(max_examples=300)
@given(vector=attribute_vectors())
def test_every_event_handler_is_found_and_stripped(vector: tuple[str, bool]) -> None:
    markdown, handler = vector
    active, _ = active_html.judge_markdown(markdown)
    rendered = active_html.render(markdown)
    has_handler_attribute = any(what.startswith("an event handler attribute") for what in active)
    assert has_handler_attribute == handler, (markdown, rendered, active)
    assert active_html.scan(active_html.strip(rendered)) == []


_SOUP = st.lists(
    st.sampled_from([
        "<p>", "</p>", "<div>", "</div>", '<a href="javascript:x">', '<a href="https://x.org">', "</a>",
        "<script>alert(1)</script>", "<SCRIPT>", "</SCRIPT>", "<iframe src=x>", "</iframe>",
        '<img src=x oNeRrOr="a>b">', "<base href=//evil>", '<meta http-equiv="refresh" content=0>',
        '<form action="/x">', "</form>", "<object>", "</object>", "<embed src=x>", "text", "&amp;",
        '<svg><a xlink:href="vbscript:x">s</a></svg>', '<button formaction="data:text/html,x">',
        "<!-- <script> -->", "<br/>", '<p title="x" onclick=y>',
    ]),
    max_size=12,
).map("".join)


@settings(max_examples=400)
@given(html=_SOUP)
def test_stripped_html_holds_nothing_active(html: str) -> None:
    stripped = active_html.strip(html)
    assert active_html.scan(stripped) == []
    assert active_html.strip(stripped) == stripped


# ---------------------------------------------------------------- file names in globs

_STEM = st.text(string.ascii_lowercase + "-_", min_size=1, max_size=6)
_MARKER = st.one_of(
    st.sampled_from(["fr", "de", "ci", "go", "zz", "pt-BR", "en_US", "zh-Hant", "old", "v2", "FR"]),
    st.text(string.ascii_lowercase, min_size=2, max_size=2),
)


@settings(max_examples=150)
@given(
    names=st.lists(
        st.tuples(_STEM, st.one_of(st.none(), _MARKER), st.sampled_from([".yml", ".yaml"])),
        min_size=1, max_size=8, unique_by=lambda t: (t[0], t[1], t[2]),
    )
)
def test_no_file_of_a_glob_is_lost(tmp_path_factory: pytest.TempPathFactory, names: list[tuple[str, str | None, str]]) -> None:
    root = tmp_path_factory.mktemp("glob")
    (root / "faq.d").mkdir()
    paths = set()
    for stem, marker, suffix in names:
        name = f"{stem}.{marker}{suffix}" if marker else f"{stem}{suffix}"
        (root / "faq.d" / name).write_text("questions: []\n", encoding="utf-8")
        paths.add(str(root / "faq.d" / name))
    defaults, _ = expand_paths(["faq.d/*.y*ml"], str(root))
    translated = {p for files in translation_paths(["faq.d/*.y*ml"], str(root)).values() for p in files}
    assert set(defaults) | translated == paths, "every file is built or translated"
    assert not set(defaults) & translated, "never both"
    for path in translated:
        stem, suffix = os.path.splitext(os.path.basename(path))
        base, marker = stem.rsplit(".", 1)
        sibling = str(root / "faq.d" / f"{base}{suffix}")
        assert is_language(marker) or sibling in paths, path


# ------------------------------------------------------------------------ URL clashes

_SEGMENT = st.sampled_from(["faq", "glossary", "basics", "index", "README", "faq.json", "a"])
_DOC = st.tuples(
    st.lists(_SEGMENT, min_size=0, max_size=2).map("/".join),
    _SEGMENT,
    st.sampled_from([".md", ".markdown", ".json", ".html"]),
).map(lambda t: f"{t[0]}/{t[1]}{t[2]}" if t[0] else f"{t[1]}{t[2]}")


@settings(max_examples=300)
@given(
    categories=st.lists(st.sampled_from(["basics", "faq", "a", "glossary"]), unique=True, max_size=3),
    glossary_page=st.sampled_from(["glossary.md", "faq.md", "faq/faq.json.md", "basics/index.md", "faq/basics.md", "a.md"]),
    user_docs=st.lists(_DOC, unique=True, max_size=5),
    directory_urls=st.booleans(),
)
def test_clashes_agree_with_mkdocs_output_paths(
    categories: list[str], glossary_page: str, user_docs: list[str], directory_urls: bool
) -> None:
    from mkdocs.structure.files import File

    def dest(name: str) -> str:
        return File(name, "/docs", "/site", directory_urls).dest_uri

    pages = ["faq/index.md", *(f"faq/{c}.md" for c in categories), glossary_page]
    pages = list(dict.fromkeys(pages))
    user = [d for d in user_docs if d not in pages]
    export = "faq/faq.json"
    ours = [dest(p) for p in pages]
    expected = (
        len(set(ours)) < len(ours)
        or any(d == export or d.startswith(f"{export}/") for d in ours)
        or any(dest(u) in ours or dest(u) == export or dest(u).startswith(f"{export}/") for u in user)
    )
    def exists(name: str) -> bool:  # a file, or (ending in /) a folder holding one
        return name in user or (name.endswith("/") and any(u.startswith(name) for u in user))

    found = docs_clashes(pages, directory_urls, exists, export)
    assert bool(found) == expected, (pages, user, [dest(u) for u in user], found)
