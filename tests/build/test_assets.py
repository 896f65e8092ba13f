"""Which plugin files each page of a built site loads: only what the page uses."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from conftest import build_in_process

from mkdocs_faq_plugin.pages import bundles

THEMES = ["mkdocs", "readthedocs", "material"]
GENERATED = {"faq/index.html", "faq/basics/index.html", "faq/usage/index.html", "glossary/index.html"}
ASSET_REF = re.compile(r'(?:src|href)="([^"]*assets/faq/[^"]+)"')


def _theme(name: str) -> dict[str, object]:
    theme: dict[str, object] = {"name": name}
    if name == "material":
        theme["font"] = False
    else:
        theme["highlightjs"] = False
    return theme


def plugin_files(site_dir: Path, page: str) -> list[str]:
    """The plugin files a page references, as site paths, checking that each one exists."""
    html = (site_dir / page).read_text(encoding="utf-8")
    found = []
    for ref in ASSET_REF.findall(html):
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), ref))
        assert (site_dir / path).is_file(), f"{page} refers to {ref}, which is not in the site"
        found.append(path)
    return found


def pages_of(site_dir: Path) -> list[str]:
    return sorted(
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*.html")
        if p.name != "404.html" and "search" not in p.parts
    )


@pytest.mark.parametrize("theme", THEMES)
def test_tooltips_false_leaves_ordinary_pages_without_any_plugin_file(project, theme: str) -> None:
    site = build_in_process(
        project(config={"theme": _theme(theme), "plugins": ["search", {"faq": {"tooltips": False}}]}),
        strict=True,
    )
    pages = pages_of(site.site_dir)
    assert GENERATED <= set(pages) and "index.html" in pages
    for page in pages:
        files = plugin_files(site.site_dir, page)
        if page in GENERATED:
            # The generated pages keep what their widgets need, and nothing for tooltips.
            assert files == ["assets/faq/faq-pages.css", "assets/faq/faq-pages.js"], page
        else:
            assert files == [], page
            assert "faq-" not in re.sub(r'class="faq-term"|data-faq-term="[^"]*"', "", site.html(page)), page
    served = sorted(p.name for p in (site.site_dir / "assets/faq").iterdir())
    assert served == ["faq-pages.css", "faq-pages.js"]
    # Terms are still marked and linked, only without a title.
    assert 'class="faq-term" data-faq-term="foundation-model" href="glossary/#foundation-model">' in site.html(
        "index.html"
    )


@pytest.mark.parametrize("theme", THEMES)
def test_tooltips_on_every_page_widgets_on_generated_pages(project, theme: str) -> None:
    site = build_in_process(project(config={"theme": _theme(theme)}), strict=True)
    tooltips = ["assets/faq/faq-tooltips.css", "assets/faq/faq-tooltips.js"]
    widgets = ["assets/faq/faq-pages.css", "assets/faq/faq-pages.js"]
    for page in pages_of(site.site_dir):
        files = plugin_files(site.site_dir, page)
        assert sorted(files) == sorted(tooltips + widgets if page in GENERATED else tooltips), page
        assert len(files) == len(set(files)), page


def test_assets_resolve_without_directory_urls(project) -> None:
    site = build_in_process(project(config={"use_directory_urls": False}), strict=True)
    assert "assets/faq/faq-pages.js" in plugin_files(site.site_dir, "faq/basics.html")
    assert 'src="../assets/faq/faq-pages.js"' in site.html("faq/basics.html")
    assert 'src="assets/faq/faq-pages.js"' in site.html("glossary.html")


def test_widget_tags_stay_out_of_search_and_jsonld(project) -> None:
    site = build_in_process(project(), strict=True)
    index = site.html("search/search_index.json")
    assert "faq-pages" not in index and "assets/faq" not in index
    basics = site.html("faq/basics/index.html")
    jsonld = re.search(r'<script type="application/ld\+json">(.*?)</script>', basics, re.DOTALL)
    assert jsonld and "faq-pages" not in jsonld.group(1)
    # Stylesheet before the content, scripts after it, inside the theme's content area.
    content = basics[basics.index('role="main"') :]
    assert content.index("faq-pages.css") < content.index('id="what-is-a-widget"') < content.index("faq-pages.js")


def test_feedback_script_only_on_faq_pages(project) -> None:
    site = build_in_process(project(config={"plugins": ["search", {"faq": {"feedback": True}}]}), strict=True)
    for page in pages_of(site.site_dir):
        has_feedback = "assets/faq/faq-feedback.js" in plugin_files(site.site_dir, page)
        assert has_feedback == page.startswith("faq/"), page


def test_served_files_are_the_bundles_of_the_sources() -> None:
    for name, sources in bundles.BUNDLES.items():
        text = bundles.bundle(name)
        position = -1
        for source in sources:
            part = (bundles.SOURCE_DIR / source).read_text(encoding="utf-8")
            found = text.find(part.rstrip("\n"))
            assert found > position, f"{name} lacks {source} or has it out of order"
            position = found
    # The site-wide bundles of `mkdocs-faq generate` hold everything the plugin serves.
    everything = set().union(*(set(s) for n, s in bundles.BUNDLES.items() if n not in bundles.SITE_WIDE))
    assert everything - {"feedback.js"} == set(bundles.BUNDLES["faq.css"]) | set(bundles.BUNDLES["faq.js"])
    # Every source file is in a bundle.
    assert {p.name for p in bundles.SOURCE_DIR.iterdir()} == everything
