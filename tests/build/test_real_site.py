"""A realistic Material site with many plugins and extensions, built with and without faq.

The same docs are built twice with `mkdocs build --strict`: once with the plugins search,
literate-nav, autorefs and redirects, once with faq added. The faq build must pass strict mode
with no warning of its own, leave every `<pre>`/`<code>` block and heading of the ordinary
pages byte for byte as the other build has them, and annotate terms in prose only: never in
tab labels, footnote markers, admonition titles, details summaries, code or links.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import MINIMAL_FAQ, Site, build_cli, write_project

INDEX = '''\
# Home

A foundation model learns from broad data; fine-tuning adapts it and each parameter moves.

=== "Foundation model tab"

    The tab body mentions a parameter.

=== "Parameter tab"

    ```python
    model = "foundation model"  # a parameter, fine-tuning
    ```

A sentence with a footnote[^fm] about the foundation model.

[^fm]: The footnote text mentions fine-tuning.

!!! note "Foundation model notes"

    The admonition body mentions fine-tuning.

!!! parameter

    An admonition whose type is a term: its title stays plain.

??? tip "Parameter details"

    The details body mentions a foundation model.

Parameter
:   A definition list entry about fine-tuning.

| Foundation model | Parameter |
|---|---|
| a foundation model | `parameter` |

<div markdown>
**Inside md_in_html**: a parameter.
</div>

<div class="raw">A raw HTML block about a foundation model stays as written.</div>

See [the foundation model heading][other-heading] (autorefs) and [a foundation model](other.md#other-heading).

Inline `code with a foundation model` and <code>raw code parameter</code> and <kbd>fine-tuning</kbd>.

    an indented code block with a parameter

``` { .python linenums="1" hl_lines="2" }
def fine_tuning(parameter):
    return "foundation model"
```

## Foundation model heading {#fm-heading}

Text under a heading that names a term.
'''

OTHER = '''\
# Other page

## Other heading

Back to the [parameter heading][fm-heading] (autorefs, before any other parameter here).

Prose about fine-tuning a foundation model and its parameter, with a [link](index.md#fm-heading).

```yaml
parameter: 1  # foundation model
```

~~~
fine-tuning in a tilde fence
~~~
'''

SUMMARY = "* [Home](index.md)\n* [Other page](other.md)\n"

EXTENSIONS = [
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    {"toc": {"permalink": True}},
    "pymdownx.details",
    "pymdownx.highlight",
    "pymdownx.superfences",
    {"pymdownx.tabbed": {"alternate_style": True}},
]
PLUGINS = [
    "search",
    {"literate-nav": {"nav_file": "SUMMARY.md"}},
    "autorefs",
    {"redirects": {"redirect_maps": {"old.md": "index.md"}}},
]
ORDINARY = ["index.html", "other/index.html"]


def _build(root: Path, *, faq: bool) -> Site:
    plugins = [*PLUGINS, "faq"] if faq else list(PLUGINS)
    config = write_project(
        root,
        faq=MINIMAL_FAQ,
        docs={"index.md": INDEX, "other.md": OTHER, "SUMMARY.md": SUMMARY},
        config={
            "site_url": "https://example.org/",
            "theme": {"name": "material", "font": False},
            "plugins": plugins,
            "markdown_extensions": EXTENSIONS,
        },
    )
    return build_cli(config, strict=True)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, Site]:
    without = _build(tmp_path_factory.mktemp("without-faq"), faq=False)
    with_faq = _build(tmp_path_factory.mktemp("with-faq"), faq=True)
    return without, with_faq


def _article(html: str) -> str:
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.DOTALL)
    assert match, "no Material article"
    return match.group(1)


def _blocks(html: str, tag: str) -> list[str]:
    return re.findall(rf"<{tag}\b[^>]*>.*?</{tag}>", _article(html), re.DOTALL)


def _warnings(site: Site) -> list[str]:
    return [line for line in site.logs if line.startswith(("WARNING", "ERROR"))]


def test_both_builds_pass_strict_mode_without_warnings(sites: tuple[Site, Site]) -> None:
    without, with_faq = sites
    assert without.returncode == 0, without.output
    assert with_faq.returncode == 0, with_faq.output
    assert _warnings(without) == []
    assert _warnings(with_faq) == []
    assert "Traceback" not in with_faq.output


@pytest.mark.parametrize("page", ORDINARY)
@pytest.mark.parametrize("tag", ["pre", "code", "h1", "h2", "label", "summary", "sup"])
def test_code_blocks_and_headings_are_byte_identical(sites: tuple[Site, Site], page: str, tag: str) -> None:
    without, with_faq = sites
    assert _blocks(with_faq.html(page), tag) == _blocks(without.html(page), tag)


def test_terms_are_annotated_in_prose(sites: tuple[Site, Site]) -> None:
    _, with_faq = sites
    article = _article(with_faq.html("index.html"))
    first = re.search(r"<p>A (.*?)</p>", article, re.DOTALL).group(1)
    assert re.match(r'<a class="faq-term" data-faq-term="foundation-model" href="glossary/#foundation-model" title="[^"]+">foundation model</a>', first)
    other = _article(with_faq.html("other/index.html"))
    assert 'data-faq-term="fine-tuning"' in other


def test_no_annotation_where_readers_do_not_expect_one(sites: tuple[Site, Site]) -> None:
    _, with_faq = sites
    article = _article(with_faq.html("index.html"))
    forbidden = {
        "tab label": r"<label\b[^>]*>.*?</label>",
        "footnote marker": r'<sup id="fnref:fm">.*?</sup>',
        "admonition title": r'<p class="admonition-title">.*?</p>',
        "details summary": r"<summary>.*?</summary>",
        "code": r"<code\b[^>]*>.*?</code>",
        "pre": r"<pre\b[^>]*>.*?</pre>",
        "heading": r"<h[1-6]\b[^>]*>.*?</h[1-6]>",
        "raw HTML block": r'<div class="raw">.*?</div>',
    }
    for what, pattern in forbidden.items():
        found = re.findall(pattern, article, re.DOTALL)
        assert found, f"the page has no {what}"
        for block in found:
            assert "faq-term" not in block, f"annotated inside a {what}: {block}"


def test_links_never_nest(sites: tuple[Site, Site]) -> None:
    """An annotation inside a link (autorefs writes its links late) would nest <a> in <a>."""
    _, with_faq = sites
    for page in ORDINARY:
        article = _article(with_faq.html(page))
        depth = 0
        for tag in re.finditer(r"<(/?)a\b", article):
            depth += -1 if tag.group(1) else 1
            assert depth in (0, 1), f"nested <a> on {page}"


def test_generated_pages_and_redirects_exist(sites: tuple[Site, Site]) -> None:
    _, with_faq = sites
    assert 'id="what-is-a-widget"' in with_faq.html("faq/basics/index.html")
    assert 'id="foundation-model"' in with_faq.html("glossary/index.html")
    assert "index.html" in with_faq.html("old/index.html") or "../" in with_faq.html("old/index.html")
    assert (with_faq.site_dir / "faq" / "faq.json").exists()
