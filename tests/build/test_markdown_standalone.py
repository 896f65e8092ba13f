"""`mkdocs_faq_plugin.markdown` on its own: a bare `markdown.markdown(...)`, no MkDocs, no plugin.

Also the two hosts it recognises without the plugin (Zensical's `rendering_context`, MkDocs'
`relpath` treeprocessor), imitated here with the attributes those hosts provide.
"""

from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown
import pytest
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from mkdocs_faq_plugin.markdown import FaqExtension, format_link
from mkdocs_faq_plugin.kb.problems import FaqError

FAQ = """\
title: Widget FAQ
categories:
  - id: basics
    title: The basics
  - id: more
    title: More
questions:
  - id: what-is-a-widget
    question: What is a widget?
    answer: A small tool.
    category: basics
  - id: loose
    question: Where does this live?
    answer: On the page of its category.
    category: more
glossary:
  - term: token
    aliases: [tokens]
    definition: A *piece* of text.
  - term: parameter
    definition: A number the model learns.
"""

EXTENSION = "mkdocs_faq_plugin.markdown"


@pytest.fixture
def faq_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "faq.yml"
    path.write_text(FAQ, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return path


def convert(text: str, **options: Any) -> str:
    """Plain Python-Markdown, the extension loaded by name like `markdown_extensions` does."""
    return markdown.markdown(
        textwrap.dedent(text),
        extensions=["attr_list", EXTENSION],
        extension_configs={EXTENSION: options},
    )


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


# -- links in the three formats --------------------------------------------------------

LINKS = "[a](faq:what-is-a-widget) [b](faq:basics) [c](faq:) [d](glossary:token) [e](glossary:)"


@pytest.mark.parametrize(
    ("page", "link_format", "expected"),
    [
        (
            "index.md", "md",
            ["faq/basics.md#what-is-a-widget", "faq/basics.md", "faq/index.md",
             "glossary.md#token", "glossary.md"],
        ),
        (
            "guide/setup.md", "md",
            ["../faq/basics.md#what-is-a-widget", "../faq/basics.md", "../faq/index.md",
             "../glossary.md#token", "../glossary.md"],
        ),
        (
            "index.md", "html",
            ["faq/basics.html#what-is-a-widget", "faq/basics.html", "faq/index.html",
             "glossary.html#token", "glossary.html"],
        ),
        (
            "guide/setup.md", "html",
            ["../faq/basics.html#what-is-a-widget", "../faq/basics.html", "../faq/index.html",
             "../glossary.html#token", "../glossary.html"],
        ),
        (
            "index.md", "directory",
            ["faq/basics/#what-is-a-widget", "faq/basics/", "faq/", "glossary/#token",
             "glossary/"],
        ),
        (
            # A page's directory URL is one level deeper than its source file.
            "guide/setup.md", "directory",
            ["../../faq/basics/#what-is-a-widget", "../../faq/basics/", "../../faq/",
             "../../glossary/#token", "../../glossary/"],
        ),
        (
            "faq/basics.md", "directory",
            ["#what-is-a-widget", "#", "../", "../../glossary/#token", "../../glossary/"],
        ),
    ],
)  # fmt: skip
def test_link_formats(faq_file: Path, page: str, link_format: str, expected: list[str]) -> None:
    html = convert(LINKS, current_page=page, link_format=link_format, annotate="first")
    assert hrefs(html) == expected


def test_md_is_the_default_format(faq_file: Path) -> None:
    assert hrefs(convert("[d](glossary:token)", current_page="a/b.md")) == ["../glossary.md#token"]


@pytest.mark.parametrize(
    ("link_format", "href"),
    [("md", "../glossary.md#token"), ("html", "../glossary.html#token"),
     ("directory", "../../glossary/#token")],
)  # fmt: skip
def test_term_links_follow_the_format(faq_file: Path, link_format: str, href: str) -> None:
    html = convert("A token.", current_page="guide/setup.md", link_format=link_format)
    assert html == (
        f'<p>A <a class="faq-term" data-faq-term="token" href="{href}" '
        'title="A piece of text.">token</a>.</p>'
    )


def test_term_on_the_glossary_page_links_to_its_anchor(faq_file: Path) -> None:
    for link_format in ("md", "html", "directory"):
        html = convert(
            "## Other {#other}\n\nA parameter.", current_page="glossary.md", link_format=link_format
        )
        assert 'href="#parameter"' in html


@pytest.mark.parametrize(
    ("link", "page", "link_format", "expected"),
    [
        ("../glossary.md#x", "guide/a.md", "directory", "../../glossary/#x"),
        ("../index.md", "faq/index.md", "directory", "../"),
        ("index.md#a", "faq/basics.md", "directory", "../#a"),
        ("faq/index.md#q", "index.md", "html", "faq/index.html#q"),
        ("#x", "a.md", "directory", "#x"),
        ("https://example.org/x.md", "a.md", "directory", "https://example.org/x.md"),
        ("/abs.md", "a.md", "html", "/abs.md"),
        ("picture.png", "a.md", "directory", "picture.png"),
        ("../glossary.md#x", "guide/a.md", "md", "../glossary.md#x"),
    ],
)
def test_format_link(link: str, page: str, link_format: str, expected: str) -> None:
    assert format_link(link, page, link_format) == expected


# -- annotation and options ------------------------------------------------------------


def test_annotation_markup(faq_file: Path) -> None:
    html = convert("Every token has tokens; a parameter too.", current_page="index.md")
    assert html == (
        '<p>Every <a class="faq-term" data-faq-term="token" href="glossary.md#token" '
        'title="A piece of text.">token</a> has tokens; a <a class="faq-term" '
        'data-faq-term="parameter" href="glossary.md#parameter" '
        'title="A number the model learns.">parameter</a> too.</p>'
    )


def test_annotate_all_and_section(faq_file: Path) -> None:
    source = "# One\n\ntoken token\n\n## Two\n\ntoken\n"
    count = {mode: convert(source, annotate=mode).count('data-faq-term="token"')
             for mode in ("first", "section", "all")}  # fmt: skip
    assert count == {"first": 1, "section": 2, "all": 3}


def test_link_and_tooltip_options(faq_file: Path) -> None:
    html = convert("A token.", link=False, tooltips=False)
    assert html == (
        '<p>A <span class="faq-term" data-faq-term="token" tabindex="0">token</span>.</p>'
    )


def test_layout_options(faq_file: Path) -> None:
    html = convert(
        "[q](faq:what-is-a-widget) and a token",
        faq_dir="help",
        glossary_page="reference/terms.md",
        current_page="guide/x.md",
    )
    assert hrefs(html) == ["../help/basics.md#what-is-a-widget", "../reference/terms.md#token"]


def test_extension_instance_with_options(faq_file: Path) -> None:
    extension = FaqExtension(faq_file=str(faq_file), link_format="html", current_page="a/b.md")
    html = markdown.markdown("[x](faq:loose)", extensions=[extension])
    assert html == '<p><a href="../faq/more.html#loose">x</a></p>'


def test_unknown_link_target_becomes_text(faq_file: Path) -> None:
    assert convert("[x](faq:nope)") == '<p><span class="faq-broken-link">x</span></p>'


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("link_format", "pdf", "faq: link_format must be one of md, html, directory, not 'pdf'"),
        ("annotate", "every", "faq: annotate must be one of first, section, all, not 'every'"),
    ],
)
def test_bad_option_values_are_refused_up_front(
    faq_file: Path, option: str, value: str, message: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        markdown.Markdown(extensions=[FaqExtension(**{option: value})])


# -- bad faq_file ----------------------------------------------------------------------


def test_missing_faq_file_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FaqError) as caught:
        convert("A token.", faq_file="nowhere.yml")
    message = str(caught.value)
    assert message.startswith("faq.yml has 1 problem:")
    assert "nowhere.yml" in message


def test_invalid_faq_file_names_the_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "faq.yml").write_text(
        "questions:\n  - id: Bad Id\n    question: Q?\n    answer: A.\n", encoding="utf-8"
    )
    with pytest.raises(FaqError) as caught:
        convert("text")
    assert re.search(r"faq\.yml:2:\d+: .*Bad Id", str(caught.value))


def test_unmatched_glob_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FaqError, match=re.escape("faq.d/*.yml: no file matches this pattern")):
        convert("text", faq_file=["faq.d/*.yml"])


# -- reloading -------------------------------------------------------------------------


def _bump(path: Path, text: str) -> None:
    """Rewrite a file so that its stamp surely changes, even on a coarse clock."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 2_000_000_000, before + 2_000_000_000))


def test_edits_to_faq_yml_are_picked_up(faq_file: Path) -> None:
    md = markdown.Markdown(extensions=[EXTENSION])
    assert "faq-term" not in md.convert("A widget.")
    _bump(faq_file, FAQ + "  - term: widget\n    definition: A small tool.\n")
    # The same Markdown instance (a long-lived converter) and a new one both see the edit.
    assert 'data-faq-term="widget"' in md.reset().convert("A widget.")
    assert 'data-faq-term="widget"' in convert("A widget.")


def test_a_new_file_matching_a_glob_is_picked_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "faq.d").mkdir()
    (tmp_path / "faq.d" / "a.yml").write_text(FAQ, encoding="utf-8")
    assert "faq-term" not in convert("A widget.", faq_file=["faq.d/*.yml"])
    (tmp_path / "faq.d" / "b.yml").write_text(
        "glossary:\n  - term: widget\n    definition: A small tool.\n", encoding="utf-8"
    )
    assert 'data-faq-term="widget"' in convert("A widget.", faq_file=["faq.d/*.yml"])


def test_unchanged_files_are_loaded_once(faq_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs_faq_plugin.kb import loading as loader

    calls: list[object] = []
    real = loader.load_knowledge_base

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(loader, "load_knowledge_base", counting)
    _bump(faq_file, FAQ + "\n")  # a version no earlier test has cached
    for _ in range(5):  # hosts build a new Markdown (and extension) for every page
        convert("A token.")
    assert len(calls) == 1


# -- hosts -----------------------------------------------------------------------------


class _ZensicalContext(Preprocessor):
    """What Zensical registers: `.page` (url, path, meta) and `.config` (a dict)."""

    def __init__(self, md: markdown.Markdown, page: Any, config: dict[str, Any]) -> None:
        super().__init__(md)
        self.page, self.config = page, config

    def run(self, lines: list[str]) -> list[str]:
        return lines


class _MkDocsRelpath(Treeprocessor):
    """What MkDocs registers as `relpath`: `.file` (src_uri, page.meta) and `.config`."""

    def __init__(self, file: Any, config: Any) -> None:
        super().__init__()
        self.file, self.config = file, config

    def run(self, root: Any) -> None:
        return None


def test_under_zensical_links_stay_md_and_faq_file_is_relative_to_the_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "faq.yml").write_text(FAQ, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # not the project: faq_file must be found through root_dir
    md = markdown.Markdown(extensions=[FaqExtension(link_format="directory")])
    page = SimpleNamespace(url="guide/setup/", path="guide/setup.md", meta={})
    context = _ZensicalContext(md, page, {"root_dir": str(project), "use_directory_urls": True})
    md.preprocessors.register(context, "rendering_context", 0)
    html = md.convert("A token, [q](faq:loose).")
    # Zensical rewrites `.md` links itself (and checks them); a URL would not be checked.
    assert hrefs(html) == ["../glossary.md#token", "../faq/more.md#loose"]
    page.meta = {"glossary": False}
    assert "faq-term" not in md.reset().convert("A token.")


def test_under_mkdocs_without_the_plugin_the_page_comes_from_relpath(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "faq.yml").write_text(FAQ, encoding="utf-8")
    monkeypatch.chdir(tmp_path.parent)
    md = markdown.Markdown(extensions=[FaqExtension(link_format="html")])
    file = SimpleNamespace(src_uri="faq/basics.md", page=SimpleNamespace(meta={}))
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    md.treeprocessors.register(_MkDocsRelpath(file, config), "relpath", 0)
    html = md.convert("A token, [q](faq:loose).")
    assert hrefs(html) == ["../glossary.md#token", "more.md#loose"]
    file.page.meta = {"glossary": False}
    assert "faq-term" not in md.reset().convert("A token.")


def test_converting_our_output_again_changes_nothing(faq_file: Path) -> None:
    once = convert("A token and a parameter.", annotate="all", link_format="directory")
    assert convert(once, annotate="all", link_format="directory") == once
