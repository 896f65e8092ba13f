"""Sites without the plugin: the pages and assets `mkdocs-faq generate` writes, built by
Zensical, get the same working widgets and tooltips from the site-wide `faq.css` / `faq.js`."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import Served, _bind, _serve, open_context, skip_without_browser

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

from .test_accessibility import ThemeIssue, axe_violations, open_tooltip  # noqa: E402

# The Zensical site helpers live with the build tests, which import each other by module name.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "build"))
zensical_tests = pytest.importorskip("test_zensical", reason="needs the zensical extra")



# No web fonts (no request may leave 127.0.0.1); light and dark schemes by the reader's setting.
THEME_TOML = """
[project.theme]
font = false

[[project.theme.palette]]
media = "(prefers-color-scheme: light)"
scheme = "default"

[[project.theme.palette]]
media = "(prefers-color-scheme: dark)"
scheme = "slate"
"""


@pytest.fixture(scope="module")
def zensical(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("zensical-site")
    site_dir = zensical_tests.zensical_site(root)
    toml = root / "zensical.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + THEME_TOML, encoding="utf-8")
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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_our_markup_on_zensical(zensical, browser, watch, scheme):
    """The axe-core check of `test_accessibility`, on the pages `mkdocs-faq generate` writes,
    built by Zensical, in its light and dark schemes (`default` and `slate`)."""
    zensical_issues = [  # Zensical's own theme, kept out of the count as for the other themes
        ThemeIssue(
            "color-contrast", ".md-nav__link--active, .md-nav__link--active *",
            "the current page's navigation link: #526cfe on #eef0ff is 3.75:1",
        ),
    ]  # fmt: skip
    context = open_context(browser, watch, color_scheme=scheme)
    page = context.new_page()
    found: list[dict[str, str]] = []
    try:
        for path in ("", "faq/", "faq/basics/", "glossary/"):
            page.goto(zensical.url(path))
            if path:
                expect(page.locator(".faq-tools .faq-count")).to_have_text(re.compile(r"^\d+ of \d+$"))
            else:
                open_tooltip(page)
            expected = "slate" if scheme == "dark" else "default"
            assert page.evaluate("document.body.dataset.mdColorScheme") == expected
            found += [dict(v, page=path) for v in axe_violations(page, zensical_issues)]
    finally:
        context.close()
    watch.check()
    failing = [v for v in found if v["owner"] != "theme"]
    assert not failing, "\n".join(
        f"[{v['owner']}] /{v['page']} {v['rule']}: {v['target']}\n    {v['html']}\n    {v['summary']}"
        for v in failing
    )
