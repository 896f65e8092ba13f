"""Glossary term tooltips: hover, keyboard focus, Escape, click-through and touch."""

from __future__ import annotations

import re

import pytest

from .conftest import open_context, skip_without_browser

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

DEFINITION = "A large model trained on broad data that many applications are built on."
# Sites where our own tooltip is in charge (content.tooltips is off).
OURS = ["material", "material-instant", "mkdocs", "readthedocs"]
LINKED = ["material", "material-instant", "mkdocs"]  # readthedocs has glossary.link: false


def _term(page):
    return page.locator('.faq-term[data-faq-term="foundation-model"]')


@pytest.mark.parametrize("name", OURS)
def test_hover_shows_definition_and_escape_hides_it(sites, page, name):
    page.goto(sites[name].url())
    term = _term(page)
    tooltip = page.locator("#faq--tooltip")
    after = page.locator("p", has_text="Some filler text")
    before_box = after.bounding_box()

    term.hover()
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(DEFINITION)
    expect(tooltip).to_have_attribute("role", "tooltip")
    expect(term).to_have_attribute("aria-describedby", "faq--tooltip")
    # The native tooltip is parked while ours is shown, so the two never stack.
    expect(term).not_to_have_attribute("title", re.compile(".*"))
    assert after.bounding_box() == before_box, "showing the tooltip moved the text"
    _assert_beside(page, term, tooltip)

    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    page.mouse.move(5, 790)
    expect(term).to_have_attribute("title", DEFINITION)
    expect(term).not_to_have_attribute("aria-describedby", re.compile(".*"))


def test_our_popup_takes_the_language_of_an_untranslated_definition(sites, page):
    """WCAG 3.1.2: a French build marks a term nobody translated `data-faq-lang="en"`
    (tests/test_multilingual.py); the popup then declares English, and only then."""
    page.goto(sites["material"].url())
    term = _term(page)
    tooltip = page.locator("#faq--tooltip")
    term.evaluate('t => t.setAttribute("data-faq-lang", "en")')  # as the French build writes it
    term.hover()
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_attribute("lang", "en")
    page.mouse.move(5, 790)
    expect(tooltip).to_be_hidden()
    term.evaluate('t => t.removeAttribute("data-faq-lang")')
    term.hover()
    expect(tooltip).to_be_visible()
    expect(tooltip).not_to_have_attribute("lang", re.compile(".*"))


@pytest.mark.parametrize("name", OURS)
def test_keyboard_focus_shows_definition(sites, page, name):
    page.goto(sites[name].url())
    page.locator(".md-content a, [role=main] a, .rst-content a, .col-md-9 a", has_text="guide").first.focus()
    page.keyboard.press("Tab")
    term = _term(page)
    expect(term).to_be_focused()
    tooltip = page.locator("#faq--tooltip")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(DEFINITION)
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    expect(term).to_be_focused()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    expect(tooltip).to_be_visible()
    page.keyboard.press("Shift+Tab")
    expect(tooltip).to_be_hidden()


@pytest.mark.parametrize("name", LINKED)
def test_click_opens_the_glossary_entry(sites, page, name):
    page.goto(sites[name].url())
    _term(page).click()
    expect(page).to_have_url(re.compile(r"/glossary/#foundation-model$"))
    expect(page.locator("#foundation-model")).to_be_in_viewport()


@pytest.mark.parametrize("name", ["mkdocs", "material-instant"])
def test_first_tap_shows_definition_second_tap_follows_link(sites, touch_page, name):
    page = touch_page
    page.goto(sites[name].url())
    start = page.url
    term = _term(page)
    tooltip = page.locator("#faq--tooltip")
    term.tap()
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(DEFINITION)
    assert page.url == start
    box = tooltip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375, box
    term.tap()
    expect(page).to_have_url(re.compile(r"/glossary/#foundation-model$"))


def test_tap_elsewhere_closes_the_tooltip(sites, touch_page):
    page = touch_page
    page.goto(sites["mkdocs"].url())
    _term(page).tap()
    tooltip = page.locator("#faq--tooltip")
    expect(tooltip).to_be_visible()
    page.locator("p", has_text="Some filler text").tap()
    expect(tooltip).to_be_hidden()


def _assert_beside(page, term, tooltip) -> None:
    """The popup is inside the viewport and does not cover the term."""
    t, p = term.bounding_box(), tooltip.bounding_box()
    viewport = page.viewport_size
    assert 0 <= p["x"] and p["x"] + p["width"] <= viewport["width"], p
    assert 0 <= p["y"] and p["y"] + p["height"] <= viewport["height"], p
    assert p["y"] >= t["y"] + t["height"] or p["y"] + p["height"] <= t["y"], (t, p)


def test_pointer_can_move_onto_the_tooltip(sites, page):
    """WCAG 1.4.13: the popup stays while the pointer travels from the term onto it."""
    page.goto(sites["material"].url())
    _term(page).hover()
    tooltip = page.locator("#faq--tooltip")
    expect(tooltip).to_be_visible()
    box = tooltip.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=8)
    page.wait_for_timeout(400)
    expect(tooltip).to_be_visible()
    page.mouse.move(5, 790, steps=4)
    expect(tooltip).to_be_hidden()


# ------------------------------------------------------------------ screen readers, motion, focus


@pytest.mark.parametrize("name", ["material", "readthedocs"])
def test_screen_readers_get_the_definition_while_the_title_is_parked(sites, page, name):
    """While our popup is open the `title` is gone (no double tooltip); the mark is then
    described by the popup, so the definition is still what a screen reader announces."""
    page.goto(sites[name].url())
    term = _term(page)
    expect(term).to_have_accessible_description(DEFINITION)  # from `title`, before any script
    term.focus()
    expect(page.locator("#faq--tooltip")).to_be_visible()
    expect(term).not_to_have_attribute("title", re.compile(".*"))
    expect(term).to_have_accessible_description(DEFINITION)
    # The popup is inside the page's main landmark, like all content.
    assert page.locator("#faq--tooltip").evaluate("n => !!n.closest('main, [role=main]')")


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_tooltip_fades_in_only_without_reduced_motion(sites, browser, watch, motion):
    context = open_context(browser, watch, reduced_motion=motion)
    page = context.new_page()
    page.goto(sites["mkdocs"].url())
    _term(page).focus()
    tooltip = page.locator("#faq--tooltip")
    expect(tooltip).to_be_visible()
    animation = tooltip.evaluate("n => getComputedStyle(n).animationName")
    context.close()
    watch.check()
    assert animation == ("none" if motion == "reduce" else "faq-tooltip-in")


def test_tooltip_never_covers_the_focused_element(sites, page):
    """WCAG 2.4.11: a popup left open by the pointer goes when focus lands under it."""
    page.goto(sites["material"].url())
    _term(page).hover()
    tooltip = page.locator("#faq--tooltip")
    expect(tooltip).to_be_visible()
    # Something focusable right where the popup is (as a link in the next line would be).
    page.evaluate(
        """() => {
            const box = document.getElementById('faq--tooltip').getBoundingClientRect();
            const button = document.createElement('button');
            button.textContent = 'under the tooltip';
            button.style.cssText = `position:fixed;left:${box.left + 4}px;top:${box.top + 4}px`;
            document.querySelector('main').appendChild(button);
        }"""
    )
    page.get_by_role("button", name="under the tooltip").focus()
    expect(tooltip).to_be_hidden()


# ------------------------------------------------------------------ Material's content.tooltips


def _material_tooltip(page):
    return page.locator(".md-tooltip2", has_text=DEFINITION)


def test_material_tooltip_on_our_term_closes_with_escape_and_focus_stays(sites, page):
    page.goto(sites["material-tooltips"].url())
    page.locator(".md-content a", has_text="guide").first.focus()
    page.keyboard.press("Tab")
    term = _term(page)
    expect(term).to_be_focused()
    tooltip = _material_tooltip(page)
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_class(re.compile(r"\bfaq-md-tooltip\b"))
    expect(term).to_have_accessible_description(DEFINITION)  # Material's aria-describedby
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    expect(term).to_be_focused()
    # Leaving and coming back shows it again.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    expect(_material_tooltip(page)).to_be_visible()


def test_material_tooltip_on_our_term_can_be_hovered(sites, page):
    page.goto(sites["material-tooltips"].url())
    _term(page).hover()
    tooltip = _material_tooltip(page)
    expect(tooltip).to_be_visible()
    box = tooltip.locator(".md-tooltip2__inner").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=8)
    page.wait_for_timeout(600)  # Material hides 250 ms after the pointer left what it watches
    expect(tooltip).to_be_visible()
    page.mouse.move(5, 790, steps=4)
    expect(tooltip).to_be_hidden()


def test_material_tooltip_first_tap_shows_second_tap_follows(sites, touch_page):
    page = touch_page
    page.goto(sites["material-tooltips"].url())
    page.wait_for_load_state("networkidle")  # instant navigation is armed
    start = page.url
    term = _term(page)
    term.tap()
    expect(_material_tooltip(page)).to_be_visible()
    assert page.url == start
    term.tap()
    expect(page).to_have_url(re.compile(r"/glossary/#foundation-model$"))
