"""axe-core (WCAG 2.2 A/AA and best-practice rules) on everything the plugin draws.

Every theme, light and dark, four pages each: the FAQ index, a category page (filtered by a
tag, so the active chip is checked too), the glossary, and an ordinary page with a term's
tooltip open (opened by keyboard focus). axe-core is the copy
that the `axe-playwright-python` package ships (no network needed); it runs inside the page in
the suite's real Chromium.

Each violation is sorted into one of three piles:

* **ours** — the element is, or is inside, the plugin's markup: a term mark, our tooltip, the
  toolbar, or the generated content of an FAQ/glossary page. Any such violation fails the test;
  no entry of the theme lists below can excuse it.
* **the theme's** — the element matches one of the theme's known issues listed below (rule +
  CSS selector, with the reason). These are kept out of the count: they are the theme's to fix,
  and they are listed in `docs/reference/accessibility.md`. No rule is switched off as a whole.
* **unexplained** — anything else fails too, until it is fixed or, if it really is the theme's,
  added to the lists with its reason.

What "dark" means: Material and the mkdocs theme have dark schemes of their own (Material's
`slate`, chosen here by the reader's system setting; the mkdocs theme's `color_mode: dark`).
readthedocs has none: it stays light when the system asks for dark, and so do our widgets on it
(we follow the theme's palette, never the system setting alone), so its "dark" run emulates a
dark system setting and checks that nothing of ours changed colours half-way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest

from .conftest import MKDOCS_DARKMODE_ERROR, open_context, skip_without_browser, tab_to

skip_without_browser()

from axe_playwright_python.base import AXE_SCRIPT  # noqa: E402  (the test extra installs it)
from playwright.sync_api import expect  # noqa: E402

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PAGES = ["faq/", "faq/basics/", "glossary/", "guide/"]
TOOLTIP_PAGE = "guide/"
TAG_PAGE = "faq/basics/"
# This repository's own site (Material, content.tooltips, instant navigation).
REPO_PAGES = ["faq/", "faq/basics/", "glossary/", "guide/linking/"]

# Elements that are the plugin's: checked with Element.closest() in the page.
OURS = ".faq-term, .faq-tooltip, .faq-tools, [data-faq-ready]"


@dataclass(frozen=True)
class ThemeIssue:
    rule: str
    selector: str  # the elements it applies to (Element.matches)
    why: str


MATERIAL_ISSUES = [
    ThemeIssue("aria-dialog-name", ".md-search", "the search overlay is a dialog without a name"),
    ThemeIssue("color-contrast", ".md-copyright", "footer text in the light scheme is below 4.5:1"),
    ThemeIssue(
        "link-in-text-block", ".md-content a",
        "links in ordinary pages' prose are told apart by colour only",
    ),
    ThemeIssue(
        "target-size", ".md-nav__link",
        "with navigation.sections, navigation links are 18 px high, 22 px apart",
    ),
    ThemeIssue("color-contrast", ".highlight code, .highlight code *", "code highlighting colours below 4.5:1"),
]  # fmt: skip
MKDOCS_ISSUES = [
    ThemeIssue("color-contrast", ".navbar a, .bs-sidebar a, footer, footer a", "link colour below 4.5:1"),
    ThemeIssue(
        "color-contrast", "[role=main] a",
        "the light theme's link colour is below 4.5:1 in ordinary pages' prose",
    ),
    ThemeIssue("region", ".navbar, .navbar *", "the top bar is a <div>, not a landmark"),
]  # fmt: skip
READTHEDOCS_ISSUES = [
    ThemeIssue(
        "color-contrast", ".wy-side-nav-search a, footer, footer *, [role=main] a",
        "link and footer colours below 4.5:1",
    ),
    ThemeIssue(
        "link-in-text-block", "footer a, [role=main] a",
        "links in ordinary pages' prose and the footer are told apart by colour only",
    ),
    ThemeIssue("region", "footer, .rst-versions", "the footer and version menu are outside the landmarks"),
    ThemeIssue("target-size", ".toctree-expand", "the navigation's expand buttons are smaller than 24×24 px"),
]  # fmt: skip
THEME_ISSUES = {"material": MATERIAL_ISSUES, "mkdocs": MKDOCS_ISSUES, "readthedocs": READTHEDOCS_ISSUES}

# (site, theme, the reader's system colour scheme)
MATRIX = [
    ("material", "material", "light"),  # Material `default`
    ("material", "material", "dark"),  # Material `slate`
    ("material-tooltips", "material", "light"),  # Material draws the tooltip
    ("material-tooltips", "material", "dark"),
    ("mkdocs", "mkdocs", "light"),  # color_mode: light
    ("mkdocs-dark", "mkdocs", "dark"),  # color_mode: dark
    ("readthedocs", "readthedocs", "light"),
    ("readthedocs", "readthedocs", "dark"),  # no dark mode: stays light
    ("repo", "material", "light"),  # this site: its dark scheme is Material's slate, as above
]

_CLASSIFY = """([violations, ours, issues]) => {
  const out = [];
  for (const violation of violations) {
    for (const node of violation.nodes) {
      const selector = node.target[node.target.length - 1];
      const element = document.querySelector(Array.isArray(selector) ? selector[0] : selector);
      let owner = "unexplained", why = "";
      if (element && element.closest(ours)) {
        owner = "ours";
      } else if (element) {
        const issue = issues.find(i => i.rule === violation.id && element.matches(i.selector));
        if (issue) { owner = "theme"; why = issue.why; }
      }
      out.push({rule: violation.id, owner, why, target: node.target.join(" "),
                html: node.html.slice(0, 160), summary: (node.failureSummary || "").slice(0, 300)});
    }
  }
  return out;
}"""


def axe_violations(page: Any, issues: list[ThemeIssue]) -> list[dict[str, str]]:
    """Run axe-core on the whole page; every violating node, with its owner."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return page.evaluate(
        _CLASSIFY, [results["violations"], OURS, [issue.__dict__ for issue in issues]]
    )


def open_tooltip(page: Any) -> None:
    """Tab to the page's first term, as a keyboard user would, and wait for its tooltip (ours
    on every theme, inside the main landmark: axe's `region` would flag it outside)."""
    tab_to(page, page.locator("main .faq-term, [role=main] .faq-term").first)
    tooltip = page.locator("#faq--tooltip")
    expect(tooltip).to_be_visible()
    assert tooltip.evaluate("n => !!n.closest('main, [role=main]')")
    page.wait_for_timeout(300)  # any fade-in is over


@pytest.mark.parametrize(("name", "theme", "scheme"), MATRIX, ids=[f"{n}-{s}" for n, _, s in MATRIX])
def test_axe_finds_nothing_in_our_markup(sites, browser, watch, record_property, name, theme, scheme):
    site = sites[name]
    if name == "mkdocs-dark":
        watch.allowed_errors.append(MKDOCS_DARKMODE_ERROR)
    context = open_context(browser, watch, color_scheme=scheme)
    page = context.new_page()
    found: list[dict[str, str]] = []
    try:
        for path in REPO_PAGES if name == "repo" else PAGES:
            page.goto(site.url(path))
            if path in (TOOLTIP_PAGE, REPO_PAGES[-1]):
                open_tooltip(page)
            else:
                expect(page.locator(".faq-tools .faq-count")).to_have_text(re.compile(r"^\d+ of \d+$"))
            if path == TAG_PAGE and name != "repo":  # the active chip and its "remove" button too
                page.locator("#what-is-a-widget--answer .faq-tag-chip", has_text="intro").click()
                expect(page.locator(".faq-count")).to_have_text("2 of 3")
            _check_scheme(page, theme, scheme)
            found += [dict(v, page=path) for v in axe_violations(page, THEME_ISSUES[theme])]
    finally:
        context.close()
    watch.check()
    theirs = sorted({f"{v['rule']} {v['target']} ({v['why']})" for v in found if v["owner"] == "theme"})
    record_property("theme_issues", theirs)  # kept out of the count: the theme's to fix
    failing = [v for v in found if v["owner"] != "theme"]
    assert not failing, "\n".join(
        f"[{v['owner']}] /{v['page']} {v['rule']}: {v['target']}\n    {v['html']}\n    {v['summary']}"
        for v in failing
    )


def _check_scheme(page: Any, theme: str, scheme: str) -> None:
    """The page really is in the scheme this run claims to check."""
    if theme == "material":
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    elif theme == "mkdocs":
        assert page.evaluate("document.documentElement.dataset.bsTheme") == scheme
    else:
        assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")


def test_axe_blames_us_for_a_violation_in_our_markup(sites, page):
    """The sorting above is not vacuous: a contrast bug in our toolbar is ours, whatever the
    theme lists say, and so is one in an answer's link."""
    page.goto(sites["mkdocs"].url("faq/basics/"))
    expect(page.locator(".faq-count")).to_have_text("3 of 3")
    page.add_style_tag(content=".faq-count, .faq-answer a { color: #ccc !important; }")
    found = axe_violations(page, MKDOCS_ISSUES)
    ours = {v["html"] for v in found if v["owner"] == "ours" and v["rule"] == "color-contrast"}
    assert any('class="faq-count"' in html for html in ours), found
    assert any('href="../usage/#tuning-widgets">tuning<' in html for html in ours), ours
