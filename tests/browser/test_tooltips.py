"""Glossary term tooltips: hover, keyboard focus, Escape, click-through and touch."""

from __future__ import annotations

import re

import pytest

from .conftest import open_context, skip_without_browser

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

DEFINITION = "A large model trained on broad data that many applications are built on."
DESCRIBED_BY = "faq--tooltip-definition"  # the popup's definition describes the mark
# Our own tooltip is in charge everywhere, Material's content.tooltips included.
OURS = ["material", "material-instant", "material-tooltips", "mkdocs", "readthedocs"]
LINKED = ["material", "material-instant", "mkdocs"]  # readthedocs has glossary.link: false


def _term(page):
    return page.locator('.faq-term[data-faq-term="foundation-model"]')


def _definition(page):
    return page.locator("#faq--tooltip .faq-tooltip__definition")


@pytest.mark.parametrize("name", OURS)
def test_hover_shows_definition_and_escape_hides_it(sites, page, name):
    page.goto(sites[name].url())
    term = _term(page)
    tooltip = page.locator("#faq--tooltip")
    after = page.locator("p", has_text="Some filler text")
    before_box = after.bounding_box()

    term.hover()
    expect(tooltip).to_be_visible()
    expect(_definition(page)).to_have_text(DEFINITION)
    expect(tooltip).to_have_attribute("role", "tooltip")
    expect(term).to_have_attribute("aria-describedby", DESCRIBED_BY)
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
    expect(_definition(page)).to_have_text(DEFINITION)
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


@pytest.mark.parametrize("name", ["mkdocs", "material-instant", "material-tooltips"])
def test_first_tap_shows_definition_second_tap_follows_link(sites, touch_page, name):
    page = touch_page
    page.goto(sites[name].url())
    start = page.url
    term = _term(page)
    tooltip = page.locator("#faq--tooltip")
    term.tap()
    expect(tooltip).to_be_visible()
    expect(_definition(page)).to_have_text(DEFINITION)
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
    page.locator("h1").tap()  # the tooltip may cover the text under the term
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


def test_material_never_draws_its_popup_on_our_terms(sites, page):
    """With `content.tooltips`, Material would draw a 10 px bold popup of its own for every
    `title`; on our marks only ours shows, by pointer and by keyboard alike, and the marks keep
    their `title` once the page is set up."""
    page.goto(sites["material-tooltips"].url())
    term = _term(page)
    expect(term).to_have_attribute("title", DEFINITION)
    term.hover()
    expect(_definition(page)).to_have_text(DEFINITION)
    page.keyboard.press("Escape")
    page.locator(".md-content a", has_text="guide").first.focus()
    page.keyboard.press("Tab")
    expect(term).to_be_focused()
    expect(_definition(page)).to_have_text(DEFINITION)
    page.wait_for_timeout(400)  # longer than Material's show delay
    theirs = page.evaluate(
        "[...document.querySelectorAll('.md-tooltip2')].filter(n => n.offsetParent).map(n => n.outerHTML)"
    )
    assert theirs == [], theirs
    expect(term).to_have_attribute("aria-describedby", DESCRIBED_BY)


# ------------------------------------------------------------------ how the popup looks, everywhere

SCHEMES = [("material-tooltips", "light"), ("material-tooltips", "dark"), ("material", "dark"),
           ("mkdocs", "light"), ("mkdocs-dark", "dark"), ("readthedocs", "light")]  # fmt: skip

_LOOK = """node => {
  const style = getComputedStyle(node);
  const definition = getComputedStyle(node.querySelector('.faq-tooltip__definition'));
  return {fontSize: parseFloat(definition.fontSize), fontWeight: +definition.fontWeight,
          border: style.borderTopColor, borderWidth: parseFloat(style.borderTopWidth),
          background: style.backgroundColor, text: definition.color};
}"""


@pytest.mark.parametrize(("name", "scheme"), SCHEMES, ids=[f"{n}-{s}" for n, s in SCHEMES])
def test_the_popup_is_readable_with_a_visible_edge(sites, browser, watch, name, scheme):
    """At least 14 px regular text; an edge of at least 3:1 against the popup and the page
    behind it (WCAG 1.4.11), computed from the rendered colours; the term's name links to its
    entry."""
    from .contrast import contrast, over, page_background, parse

    if name == "mkdocs-dark":
        from .conftest import MKDOCS_DARKMODE_ERROR

        watch.allowed_errors.append(MKDOCS_DARKMODE_ERROR)
    context = open_context(browser, watch, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(sites[name].url())
        term = _term(page)
        term.focus()
        tooltip = page.locator("#faq--tooltip")
        expect(tooltip).to_be_visible()
        look = tooltip.evaluate(_LOOK)
        behind = page_background(page, tooltip)
        name_link = tooltip.locator(".faq-tooltip__name")
        expect(name_link).to_have_text("foundation model")
        href = term.get_attribute("href")
        if href:
            expect(name_link).to_have_attribute("href", href)
    finally:
        context.close()
    watch.check()
    assert look["fontSize"] >= 14 and look["fontWeight"] == 400, look
    assert look["borderWidth"] >= 1, look
    assert contrast(look["border"], look["background"]) >= 3, look
    edge = over(parse(look["border"]), over(parse(look["background"]), (255, 255, 255, 1.0)))
    assert contrast(edge, behind) >= 3, (look, behind)
    assert contrast(look["text"], look["background"]) >= 4.5, look


@pytest.mark.parametrize("name", ["material-tooltips", "mkdocs"])
def test_the_popup_flips_and_shifts_to_stay_in_the_window(sites, browser, watch, name):
    """A term near the bottom edge opens its popup above it; near the right edge the popup
    shifts left; on a window too short for either it still stays inside."""
    context = open_context(browser, watch, viewport={"width": 420, "height": 500})
    page = context.new_page()
    try:
        page.goto(sites[name].url())
        term = _term(page)
        tooltip = page.locator("#faq--tooltip")
        # Move the term to the bottom right corner of the window.
        term.evaluate(
            "t => { t.style.position = 'fixed'; t.style.right = '2px'; t.style.bottom = '4px'; }"
        )
        term.focus()
        expect(tooltip).to_be_visible()
        box, mark = tooltip.bounding_box(), term.bounding_box()
        assert tooltip.get_attribute("data-placement") == "top"
        assert box["y"] + box["height"] <= mark["y"], (box, mark)
        _inside(box, 420, 500)
        page.keyboard.press("Escape")
        page.set_viewport_size({"width": 420, "height": 90})
        term.blur()
        term.focus()
        expect(tooltip).to_be_visible()
        _inside(tooltip.bounding_box(), 420, 90)
    finally:
        context.close()
    watch.check()


def _inside(box, width, height) -> None:
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    assert box["y"] >= 0 and box["y"] + box["height"] <= height, box
