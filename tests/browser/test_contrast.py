"""Every control the plugin draws, in every theme and palette, measured from its rendered
colours: text at least 4.5:1 (3:1 when large), a focus outline at least 3:1 against what is
behind it, at rest, on hover and with keyboard focus.

axe-core checks text contrast at rest only, and gives up on text over a translucent background
(it found nothing wrong with the glossary letters at 3.35:1 in Material's dark scheme); this
walks the controls itself with `getComputedStyle` (see `contrast.py`).
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import MKDOCS_DARKMODE_ERROR, open_context, skip_without_browser

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

from .contrast import background_of, contrast, over, parse  # noqa: E402

# Our controls: the toolbar, tag chips, letter buttons, collapsing, permalinks, links in our
# metadata, "Used in" and "See also", feedback buttons, term marks and the tooltip's link.
CONTROLS = ", ".join([
    ".faq-tools input", ".faq-tools button", ".faq-tools a", ".faq-count",
    ".faq-letters a:not(.faq-letter--empty)", ".faq-tag-chip", ".faq-permalink", ".faq-toggle",
    ".faq-bulk__button", ".faq-meta a", ".faq-used-in a", ".faq-see-also a",
    ".faq-feedback button", ".faq-term", "#faq--tooltip a",
])  # fmt: skip
PAGES = ["faq/basics/", "glossary/", "guide/"]
PER_KIND = 3  # hover and focus are checked on the first few controls of each kind

# (site, the reader's system colour scheme)
MATRIX = [
    ("material", "light"), ("material", "dark"), ("material-tooltips", "dark"),
    ("mkdocs", "light"), ("mkdocs-dark", "dark"), ("readthedocs", "light"), ("repo", "dark"),
]  # fmt: skip

_STYLE = """node => {
  const style = getComputedStyle(node);
  const px = parseFloat(style.fontSize), weight = +style.fontWeight;
  return {color: style.color, opacity: +style.opacity, outline: style.outlineStyle,
          outlineColor: style.outlineColor, outlineWidth: parseFloat(style.outlineWidth),
          large: px >= 24 || (px >= 18.66 && weight >= 700),
          html: node.outerHTML.slice(0, 120), visible: !!(node.offsetWidth || node.offsetHeight)};
}"""


def _kind(html: str) -> str:
    return html.split(">", 1)[0].split(" href=", 1)[0][:60]


def measure(locator: Any, state: str) -> list[str]:
    """The contrast failures of one control in one state, as readable lines."""
    style = locator.evaluate(_STYLE)
    if not style["visible"]:
        return []
    behind = background_of(locator)
    text = parse(style["color"])
    text = (*text[:3], text[3] * style["opacity"])
    ratio = contrast(text, behind)
    failures = []
    needed = 3.0 if style["large"] else 4.5
    if ratio < needed:
        failures.append(f"{state}: text {ratio:.2f}:1 < {needed}:1 ({style['color']} on {behind}) {style['html']}")
    if state == "focus" and style["outline"] not in ("none", "") and style["outlineWidth"] > 0:
        ring = contrast(over(parse(style["outlineColor"]), behind), behind)
        if ring < 3:
            failures.append(f"focus: outline {ring:.2f}:1 < 3:1 ({style['outlineColor']}) {style['html']}")
    return failures


@pytest.mark.parametrize(("name", "scheme"), MATRIX, ids=[f"{n}-{s}" for n, s in MATRIX])
def test_every_control_has_contrast_in_every_state(sites, browser, watch, name, scheme):
    site = sites[name]
    if name == "mkdocs-dark":
        watch.allowed_errors.append(MKDOCS_DARKMODE_ERROR)
    context = open_context(browser, watch, color_scheme=scheme)
    page = context.new_page()
    failures: list[str] = []
    walked = 0
    try:
        for path in PAGES if name != "repo" else ["faq/basics/", "glossary/", "guide/linking/"]:
            page.goto(site.url(path))
            if path.startswith(("faq", "glossary")):  # the widgets are set up
                expect(page.locator(".faq-tools .faq-count")).to_be_visible()
            controls = page.locator(CONTROLS)
            seen: dict[str, int] = {}
            for index in range(controls.count()):
                control = controls.nth(index)
                failures += [f"/{path} {line}" for line in measure(control, "rest")]
                walked += 1
                kind = _kind(control.evaluate("n => n.outerHTML"))
                seen[kind] = seen.get(kind, 0) + 1
                if seen[kind] > PER_KIND or not control.is_visible():
                    continue
                control.scroll_into_view_if_needed()
                control.hover()
                failures += [f"/{path} {line}" for line in measure(control, "hover")]
                page.mouse.move(0, 0)
                control.focus()
                page.keyboard.press("Shift")  # focus-visible, as after a key press
                failures += [f"/{path} {line}" for line in measure(control, "focus")]
                page.keyboard.press("Escape")
                control.evaluate("n => n.blur()")
            # The open tooltip's link, on an ordinary page.
            if path in ("guide/", "guide/linking/"):
                page.locator("main .faq-term, [role=main] .faq-term").first.focus()
                link = page.locator("#faq--tooltip a")
                if link.count():
                    failures += [f"/{path} tooltip {line}" for line in measure(link, "rest")]
    finally:
        context.close()
    watch.check()
    assert walked > 20, f"only {walked} controls found: the selectors no longer match our markup"
    assert not failures, "\n".join(failures)


def test_the_measure_fails_on_poor_contrast(sites, page):
    """Not vacuous: a pale toolbar count and pale letter buttons are caught."""
    page.goto(sites["mkdocs"].url("glossary/"))
    page.add_style_tag(content=".faq-count, .faq-letters a { color: #bbb !important; }")
    assert measure(page.locator(".faq-count"), "rest")
    assert measure(page.locator(".faq-letters a:not(.faq-letter--empty)").first, "rest")
