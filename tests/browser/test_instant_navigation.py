"""Material's instant navigation swaps the page without reloading; our widgets follow."""

from __future__ import annotations

import re

from .conftest import skip_without_browser

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402


def _nav(page, text: str):
    return page.locator(".md-nav--primary .md-nav__link", has_text=text).first


FINE_TUNING = "Further training of a pre-trained model on a smaller, task-specific data set."


def _navigate_instantly(page, link, url: re.Pattern[str]) -> None:
    page.wait_for_load_state("networkidle")  # Material only intercepts once sitemap.xml is in
    page.evaluate("window.__sameDocument = true")
    link.click()
    expect(page).to_have_url(url)
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded, not swapped"


def test_our_tooltips_work_after_instant_navigation(sites, page):
    page.goto(sites["material-instant"].url())
    _navigate_instantly(page, _nav(page, "Guide"), re.compile(r"/guide/$"))
    term = page.locator('.faq-term[data-faq-term="fine-tuning"]')
    term.hover()
    tooltip = page.locator("#faq--tooltip")
    expect(tooltip).to_be_visible()
    expect(tooltip.locator(".faq-tooltip__definition")).to_have_text(FINE_TUNING)
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    # ...and the FAQ widgets are set up on pages reached the same way, permalinks included.
    _navigate_instantly(page, page.get_by_role("link", name="the FAQ"), re.compile(r"/faq/$"))
    expect(page.locator(".faq-count")).to_have_text("6 of 6")
    question = page.locator("#usage").locator("..").get_by_role("link", name="How do I clean a widget?")
    _navigate_instantly(page, question, re.compile(r"/faq/usage/#cleaning-widgets$"))
    expect(page.locator("#cleaning-widgets")).to_be_in_viewport()
    expect(page.locator(".faq-count")).to_have_text("3 of 3")
    page.get_by_role("searchbox", name="Filter questions").fill("magnets")
    expect(page.locator(".faq-count")).to_have_text("1 of 3")
    expect(page.locator(".faq-tools")).to_have_count(1)
    term = page.locator('.faq-term[data-faq-term="fine-tuning"]')


def test_our_popup_stays_in_charge_with_material_tooltips(sites, page):
    """After an instant navigation, Material has picked the new page's marks for its popups:
    still only ours shows."""
    page.goto(sites["material-tooltips"].url())
    _navigate_instantly(page, _nav(page, "Guide"), re.compile(r"/guide/$"))
    term = page.locator('.faq-term[data-faq-term="fine-tuning"]')
    term.hover()
    expect(page.locator("#faq--tooltip .faq-tooltip__definition")).to_have_text(FINE_TUNING)
    term.focus()
    expect(page.locator("#faq--tooltip .faq-tooltip__definition")).to_have_text(FINE_TUNING)
    page.wait_for_timeout(400)
    expect(page.locator(".md-tooltip2:visible")).to_have_count(0)
    # Focus again, after Material's popup closed (and put back an empty title).
    page.keyboard.press("Shift+Tab")
    page.wait_for_timeout(400)
    page.keyboard.press("Tab")
    expect(term).to_be_focused()
    expect(page.locator("#faq--tooltip .faq-tooltip__definition")).to_have_text(FINE_TUNING)
    expect(page.locator(".md-tooltip2:visible")).to_have_count(0)


def _plugin_files(page) -> list[str]:
    return page.evaluate(
        "() => Array.from(document.querySelectorAll('link[rel=stylesheet], script[src]'))"
        ".map(n => n.href || n.src).filter(u => u.includes('/assets/faq/'))"
        ".map(u => u.split('/assets/faq/')[1])"
    )


def test_generated_pages_bring_their_widgets_along(sites, page):
    """With `tooltips: false` an ordinary page has no plugin file at all; pages reached from it
    by instant navigation still get their widgets (the scripts sit in the page content, which
    Material swaps in and runs), and leaving them takes their stylesheet away again."""
    site = sites["material-plain"]
    page.goto(site.url())
    assert _plugin_files(page) == []
    assert page.evaluate("window.faqPlugin === undefined && window.__faqTooltipsLoaded === undefined")
    _navigate_instantly(page, _nav(page, "Guide"), re.compile(r"/guide/$"))
    _navigate_instantly(page, page.get_by_role("link", name="the FAQ"), re.compile(r"/faq/$"))
    expect(page.locator(".faq-count")).to_have_text("6 of 6")
    assert sorted(_plugin_files(page)) == ["faq-pages.css", "faq-pages.js"]
    expect(page.locator(".faq-tools")).to_have_css("display", "flex")  # the stylesheet applies
    page.get_by_role("searchbox", name="Filter questions").fill("clean")
    expect(page.locator(".faq-count")).to_have_text("1 of 6")

    _navigate_instantly(page, _nav(page, "Glossary"), re.compile(r"/glossary/$"))
    expect(page.locator(".faq-count")).to_have_text("5 of 5")
    page.get_by_role("searchbox", name="Filter terms").fill("toothed")
    expect(page.locator(".faq-count")).to_have_text("1 of 5")
    expect(page.locator(".faq-tools")).to_have_count(1)

    _navigate_instantly(page, _nav(page, "Home"), re.compile(re.escape(site.url()) + "$"))
    expect(page.locator(".md-content h1")).to_have_text("Home")  # the content was swapped
    assert _plugin_files(page) == []
    expect(page.locator(".faq-term").first).to_have_css("text-decoration-style", "solid")  # theme's
