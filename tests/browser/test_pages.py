"""Every page of every site loads with no console error and no request off 127.0.0.1."""

from __future__ import annotations

import pytest

from .conftest import skip_without_browser

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

SITES = ["material", "material-instant", "material-tooltips", "mkdocs", "readthedocs", "repo"]


@pytest.mark.parametrize("name", SITES)
def test_every_page_is_clean(sites, page, watch, name):
    site = sites[name]
    paths = site.html_pages()
    assert "faq/" in paths and "glossary/" in paths, paths
    # A multilingual site (our own) has every page again under /<language>/.
    languages = {p[:-1] for p in paths if len(p) == 3 and p[:2].isalpha() and p.endswith("/")}
    for path in paths:
        page.goto(site.url(path), wait_until="load")
        assert page.evaluate("window.__faqPluginLoaded === true"), f"faq.js did not run on /{path}"
        first, _, rest = path.partition("/")
        plain = rest if first in languages else path
        if plain.startswith("faq/"):
            expect(page.locator(".faq-tools--faq")).to_have_count(1)
        elif plain == "glossary/":
            expect(page.locator(".faq-tools--glossary")).to_have_count(1)
        else:
            expect(page.locator(".faq-tools")).to_have_count(0)
    page.wait_for_load_state("networkidle")  # late requests (search index, sitemap) count too
    assert watch.requests, "no request was recorded"
    watch.check()
