"""Sites without the plugin: the pages and assets `mkdocs-faq generate` writes, built by
Zensical, get the same working widgets and tooltips from the site-wide `faq.css` / `faq.js`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import Served, _bind, _serve, skip_without_browser

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

zensical_tests = pytest.importorskip("test_zensical", reason="needs the zensical extra")


@pytest.fixture(scope="module")
def zensical(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("zensical-site")
    site_dir = zensical_tests.zensical_site(root)
    toml = root / "zensical.toml"  # no web fonts: no request may leave 127.0.0.1
    toml.write_text(toml.read_text(encoding="utf-8") + "\n[project.theme]\nfont = false\n", encoding="utf-8")
    zensical_tests.zensical_build(root)
    site = Served("zensical", Path(site_dir))
    _bind(site)
    _serve(site)
    try:
        yield site
    finally:
        assert site.server is not None
        site.server.shutdown()
        site.server.server_close()


def test_zensical_site_gets_tooltips_and_widgets(zensical, page):
    page.goto(zensical.url())
    term = page.locator(".faq-term").first
    term.hover()
    tooltip = page.locator("#faq--tooltip, .md-tooltip2").first
    expect(tooltip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()

    page.goto(zensical.url("faq/basics/"))
    count = page.locator(".faq-count[role=status]")
    expect(count).to_have_text("1 of 1")
    expect(page.locator(".faq-toggle").first).to_have_attribute("aria-expanded", "true")
    page.get_by_role("searchbox", name="Filter questions").fill("nothing like this")
    expect(count).to_have_text("0 of 1")

    page.goto(zensical.url("glossary/"))
    expect(page.get_by_role("navigation", name="Letters")).to_be_visible()
    box = page.get_by_role("searchbox", name="Filter terms")
    count = page.locator(".faq-count[role=status]")
    total = count.inner_text().split(" of ")[1]
    box.fill("zzzz")
    expect(count).to_have_text(f"0 of {total}")
