"""Every page of every site loads with no console error and no request off 127.0.0.1, and
runs exactly the plugin scripts it needs: tooltips everywhere, widgets on generated pages."""

from __future__ import annotations

import pytest

from .conftest import MKDOCS_DARKMODE_ERROR, skip_without_browser

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

SITES = [
    "material", "material-instant", "material-tooltips", "material-plain",
    "mkdocs", "mkdocs-dark", "readthedocs", "repo",
]  # fmt: skip
NO_TOOLTIPS = {"material-plain"}


@pytest.mark.parametrize("name", SITES)
def test_every_page_is_clean(sites, page, watch, name):
    site = sites[name]
    if name == "mkdocs-dark":
        watch.allowed_errors.append(MKDOCS_DARKMODE_ERROR)
    paths = site.html_pages()
    assert "faq/" in paths and "glossary/" in paths, paths
    # A multilingual site (our own) has every page again under /<language>/.
    languages = {p[:-1] for p in paths if len(p) == 3 and p[:2].isalpha() and p.endswith("/")}
    for path in paths:
        page.goto(site.url(path), wait_until="load")
        first, _, rest = path.partition("/")
        plain = rest if first in languages else path
        loaded = page.evaluate("[window.__faqTooltipsLoaded === true, !!window.faqPlugin]")
        generated = plain.startswith("faq/") or plain == "glossary/"
        assert loaded == [name not in NO_TOOLTIPS, generated], f"/{path}: {loaded}"
        if plain.startswith("faq/"):
            expect(page.locator(".faq-tools--faq")).to_have_count(1)
        elif plain == "glossary/":
            expect(page.locator(".faq-tools--glossary")).to_have_count(1)
        else:
            expect(page.locator(".faq-tools")).to_have_count(0)
    page.wait_for_load_state("networkidle")  # late requests (search index, sitemap) count too
    assert watch.requests, "no request was recorded"
    watch.check()
