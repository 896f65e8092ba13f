"""Keyboard alone: every widget of the FAQ and glossary pages is reached with Tab, used with
Enter, Space and Escape, shows where the focus is, and exposes its state; every target is at
least 24×24 px (WCAG 2.5.8); forced colours (Windows high contrast) keep marks and focus."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .conftest import open_context, skip_without_browser, tab_to

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

THEMES = ["material", "mkdocs", "readthedocs"]
TRANSPARENT = re.compile(r"^(transparent|rgba\(.*,\s*0\))$")


def focus_ring(locator: Any) -> dict[str, str]:
    return locator.evaluate(
        "n => { const s = getComputedStyle(n); return {style: s.outlineStyle, width: s.outlineWidth} }"
    )


def assert_visible_focus(locator: Any) -> None:
    ring = focus_ring(locator)
    assert ring["style"] != "none" and float(ring["width"].rstrip("px")) >= 2, ring


@pytest.mark.parametrize("name", THEMES)
def test_faq_page_by_keyboard_alone(sites, page, name):
    page.goto(sites[name].url("faq/usage/"))
    box = page.get_by_role("searchbox", name="Filter questions")
    count = page.locator(".faq-count[role=status]")
    expect(count).to_have_text("3 of 3")
    tab_to(page, box)
    assert_visible_focus(box)
    page.keyboard.type("magnets")
    expect(count).to_have_text("1 of 3")  # the live region says how many are left
    page.keyboard.press("Escape")  # a search box clears itself with Escape
    expect(box).to_have_value("")
    expect(count).to_have_text("3 of 3")

    page.keyboard.press("Tab")
    expand = page.get_by_role("button", name="Expand all")
    expect(expand).to_be_focused()
    assert_visible_focus(expand)
    page.keyboard.press("Tab")
    collapse = page.get_by_role("button", name="Collapse all")
    expect(collapse).to_be_focused()
    page.keyboard.press("Enter")
    toggles = page.locator(".faq-toggle")
    for toggle in toggles.all():
        expect(toggle).to_have_attribute("aria-expanded", "false")

    # The next Tab stop is the first question's button, inside its heading.
    page.keyboard.press("Tab")
    first = page.get_by_role("heading", name="How do I tune a widget?", level=2).get_by_role("button")
    expect(first).to_be_focused()
    assert_visible_focus(first)
    page.keyboard.press("Enter")
    expect(first).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#tuning-widgets--answer")).to_be_visible()
    page.keyboard.press("Space")
    expect(first).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#tuning-widgets--answer")).to_be_hidden()
    # A collapsed answer takes its links out of the Tab order: the next stop is the next question.
    page.keyboard.press("Tab")
    expect(page.get_by_role("heading", name="How do I clean a widget?").get_by_role("button")).to_be_focused()


@pytest.mark.parametrize("name", THEMES)
def test_tag_chip_by_keyboard(sites, page, name):
    page.goto(sites[name].url("faq/basics/"))
    chip = page.locator("#widget-colours--answer .faq-tag-chip", has_text="design")
    tab_to(page, chip)
    assert_visible_focus(chip)
    page.keyboard.press("Enter")
    count = page.locator(".faq-count[role=status]")
    expect(count).to_have_text("1 of 3")
    expect(chip).to_have_attribute("aria-current", "true")
    clear = page.get_by_role("button", name="Remove tag filter: design")
    expect(clear).to_be_visible()
    clear.focus()
    page.keyboard.press("Enter")
    expect(count).to_have_text("3 of 3")
    # The button went away with the filter: focus moves to the filter box, not to the page.
    expect(page.get_by_role("searchbox", name="Filter questions")).to_be_focused()


@pytest.mark.parametrize("name", THEMES)
def test_glossary_by_keyboard_alone(sites, page, name):
    page.goto(sites[name].url("glossary/"))
    letters = page.get_by_role("navigation", name="Letters")
    first = letters.get_by_role("link", name="F", exact=True)
    tab_to(page, first)
    assert_visible_focus(first)
    page.keyboard.press("Tab")
    expect(letters.get_by_role("link", name="P", exact=True)).to_be_focused()

    box = page.get_by_role("searchbox", name="Filter terms")
    tab_to(page, box)
    page.keyboard.type("toothed")
    expect(page.locator(".faq-count[role=status]")).to_have_text("1 of 5")
    # Letters with no match are marked unavailable and leave the Tab order.
    for letter in ("F", "P", "W"):
        link = letters.get_by_role("link", name=letter, exact=True)
        expect(link).to_have_attribute("aria-disabled", "true")
        expect(link).to_have_attribute("tabindex", "-1")
    sprocket = letters.get_by_role("link", name="S", exact=True)
    expect(sprocket).not_to_have_attribute("aria-disabled", re.compile(".*"))
    page.keyboard.press("Shift+Tab")
    expect(sprocket).to_be_focused()  # backwards from the box: the only letter left
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#faq-letter-s$"))
    expect(page.locator("#faq-letter-s")).to_be_in_viewport()


# ------------------------------------------------------------------ target size


TARGETS = {
    "faq/basics/": ".faq-toggle, .faq-bulk__button, .faq-tag-chip, .faq-permalink, .faq-filter__input",
    "glossary/": ".faq-letters a, .faq-filter__input",
}


@pytest.mark.parametrize("name", THEMES)
def test_every_control_is_at_least_24_px(sites, page, name):
    for path, selector in TARGETS.items():
        page.goto(sites[name].url(path))
        expect(page.locator(".faq-tools .faq-count")).to_have_text(re.compile(r"\d+ of \d+"))
        sizes = page.locator(selector).evaluate_all(
            "nodes => nodes.map(n => { const r = n.getBoundingClientRect();"
            " return [n.className, r.width, r.height] })"
        )
        assert sizes, path
        small = [s for s in sizes if s[1] < 24 or s[2] < 24]
        assert not small, (path, small)


# ------------------------------------------------------------------ forced colours


@pytest.fixture
def high_contrast(browser: Any, watch: Any) -> Any:
    """A page in emulated forced-colours mode (Windows high contrast)."""
    context = open_context(browser, watch, forced_colors="active")
    yield context.new_page()
    context.close()
    watch.check()


@pytest.mark.parametrize("name", ["material", "readthedocs"])
def test_forced_colours_keep_marks_edges_and_focus(sites, high_contrast, name):
    page = high_contrast
    site = sites[name]
    page.goto(site.url())
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    term = page.locator('.faq-term[data-faq-term="foundation-model"]')
    assert "underline" in term.evaluate("n => getComputedStyle(n).textDecorationLine")
    term.focus()
    assert_visible_focus(term)
    tooltip = page.locator("#faq--tooltip")
    expect(tooltip).to_be_visible()
    edge = tooltip.evaluate("n => [getComputedStyle(n).borderTopStyle, getComputedStyle(n).borderTopColor]")
    assert edge[0] == "solid" and not TRANSPARENT.match(edge[1]), edge

    page.goto(site.url("faq/basics/"))
    page.locator("#widget-colours--answer .faq-tag-chip", has_text="design").click()
    active = page.locator(".faq-tag-chip--active")
    expect(active).to_have_count(1)
    # Backgrounds are dropped in high contrast: the chip keeps a border and system colours.
    colours = active.evaluate(
        "n => { const s = getComputedStyle(n); return [s.borderTopWidth, s.backgroundColor, s.color] }"
    )
    assert colours[0] != "0px" and colours[1] != colours[2], colours
    toggle = page.locator(".faq-toggle:visible").first
    toggle.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # keyboard focus: :focus-visible
    assert_visible_focus(toggle)

    page.goto(site.url("glossary/"))
    letter = page.locator(".faq-letters a").first
    edge = letter.evaluate("n => [getComputedStyle(n).borderTopStyle, getComputedStyle(n).borderTopColor]")
    assert edge[0] == "solid" and not TRANSPARENT.match(edge[1]), edge
