"""Reading the FAQ and glossary (issue 26, parts 4–5) in real Chromium: the filter finds
answers and marks them, keeps its words in the URL and hands a fruitless query to the site's
search; copy-link buttons; alias anchors; answers collapsed on phones; the toolbar clear of
Material's header; language badges on untranslated entries."""

from __future__ import annotations

import re

import pytest

from .conftest import open_context, skip_without_browser

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

from .test_faq_pages import _filter  # noqa: E402

THEMES = ["material", "material-instant", "mkdocs", "readthedocs"]
PHONE = {"width": 375, "height": 740}


def _marks(page) -> list[str]:
    return page.locator("mark.faq-mark").evaluate_all("marks => marks.map(m => m.textContent)")


@pytest.mark.parametrize("name", THEMES)
def test_index_filter_finds_answers_marks_them_and_keeps_the_query_in_the_url(sites, page, name):
    page.goto(sites[name].url("faq/"))
    count = page.locator(".faq-count")
    expect(count).to_have_text("6 of 6")
    _filter(page).fill("ultramarine")  # a word of one answer, in no title or tag
    expect(count).to_have_text("1 of 6")
    item = page.locator("li", has=page.get_by_role("link", name="Which colours do widgets come in?"))
    expect(item).to_be_visible()
    passage = item.locator(".faq-snippet")
    expect(passage).to_contain_text("Red, green and a rare ultramarine.")
    assert _marks(page) == ["ultramarine"]
    expect(page).to_have_url(re.compile(r"/faq/\?filter=ultramarine$"))

    _filter(page).fill("clean")  # in the title: marked there, no passage needed
    expect(count).to_have_text("1 of 6")
    assert _marks(page) == ["clean"]
    expect(page.locator(".faq-snippet")).to_have_count(0)

    page.goto(sites[name].url("faq/?filter=Ultramarine"))  # a shared link filters on load
    expect(_filter(page)).to_have_value("Ultramarine")
    expect(count).to_have_text("1 of 6")
    _filter(page).fill("")
    expect(count).to_have_text("6 of 6")
    assert _marks(page) == []
    expect(page.locator(".faq-snippet")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/faq/$"))


@pytest.mark.parametrize("name", ["material", "mkdocs"])
def test_marks_on_a_category_page_leave_the_text_as_it_was(sites, page, name):
    page.goto(sites[name].url("faq/basics/"))
    answer = page.locator("#widget-history--answer")
    before = answer.inner_html()
    _filter(page).fill("sprocket WORKSHOP")
    expect(page.locator(".faq-count")).to_have_text("1 of 3")
    assert _marks(page) == ["sprocket", "workshop"]
    expect(answer.locator("mark.faq-mark")).to_have_count(2)
    _filter(page).press("Escape")
    expect(page.locator(".faq-count")).to_have_text("3 of 3")
    assert _marks(page) == []
    assert answer.inner_html() == before


def test_nothing_found_opens_materials_search_with_the_query(sites, page):
    page.goto(sites["material"].url("faq/basics/"))
    _filter(page).fill("gearbox")
    expect(page.locator(".faq-empty")).to_be_visible()
    page.get_by_role("button", name="Search the whole site").click()
    expect(page.locator('input[data-md-toggle="search"]')).to_be_checked()
    search = page.locator("input.md-search__input")
    expect(search).to_have_value("gearbox")
    expect(search).to_be_focused()


def test_nothing_found_opens_the_mkdocs_search_modal(sites, page):
    page.goto(sites["mkdocs"].url("faq/"))
    _filter(page).fill("gearbox")
    page.get_by_role("button", name="Search the whole site").click()
    expect(page.locator("#mkdocs_search_modal")).to_be_visible()
    expect(page.locator("#mkdocs-search-query")).to_have_value("gearbox")


def test_nothing_found_goes_to_the_readthedocs_search_page(sites, page):
    page.goto(sites["readthedocs"].url("faq/basics/"))
    _filter(page).fill("gear box")
    page.get_by_role("button", name="Search the whole site").click()
    expect(page).to_have_url(re.compile(r"/search\.html\?q=gear\+box$"))


@pytest.mark.parametrize("name", ["material", "mkdocs", "readthedocs"])
def test_copy_link_copies_the_questions_url_and_says_so(sites, browser, watch, name):
    context = open_context(browser, watch, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(sites[name].url("faq/basics/?filter=widget"))
    page.bring_to_front()  # the Clipboard API writes from the focused page only
    button = page.locator("#what-is-a-widget--answer .faq-copy-link")
    expect(button).to_have_accessible_name("Copy link")
    expect(button).to_have_attribute("aria-describedby", "what-is-a-widget")
    button.focus()
    page.keyboard.press("Enter")  # a real button: the keyboard works it
    expect(button).to_have_text(re.compile("Link copied"))
    expect(page.locator("main [role=status], [role=main] [role=status]").last).to_have_text("Link copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == sites[name].url("faq/basics/#what-is-a-widget")  # no ?filter=
    context.close()
    watch.check()


def test_copy_link_without_the_clipboard_api(sites, browser, watch):
    context = open_context(browser, watch)
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', { value: undefined });")
    page = context.new_page()
    page.goto(sites["material"].url("glossary/"))
    # The older selection command copies: record what was selected when it ran.
    page.evaluate(
        "() => { document.execCommand = (command) => {"
        " window.copied = [command, document.querySelector('textarea.faq-visually-hidden').value];"
        " return true; }; }"
    )
    button = page.locator('[data-faq-term-entry="sprocket"] .faq-copy-link')
    button.click()
    expect(button).to_have_text(re.compile("Link copied"))
    assert page.evaluate("window.copied") == ["copy", sites["material"].url("glossary/#sprocket")]
    expect(page.locator("textarea.faq-visually-hidden")).to_have_count(0)

    page.evaluate("() => { document.execCommand = () => false; }")  # and where that fails too
    other = page.locator('[data-faq-term-entry="widget"]').get_by_role("button", name="Copy link")
    other.click()
    field = page.get_by_role("textbox", name="Copy this link:")
    expect(field).to_have_value(sites["material"].url("glossary/#widget"))
    expect(field).to_be_focused()
    context.close()
    watch.check()


@pytest.mark.parametrize("name", ["material", "mkdocs"])
def test_an_alias_anchor_lands_on_its_entry(sites, page, name):
    page.goto(sites[name].url("glossary/#fm"))
    heading = page.get_by_role("heading", name="foundation model")
    expect(heading).to_be_in_viewport()
    expect(page.locator("#fm")).to_have_text("FM")
    assert page.evaluate("window.scrollY") > 0
    header = page.evaluate("(document.querySelector('.md-header, .navbar.fixed-top') || {getBoundingClientRect: () => ({bottom: 0})}).getBoundingClientRect().bottom")
    assert heading.bounding_box()["y"] >= header - 1, "the heading is not under the fixed header"


@pytest.mark.parametrize("name", ["material", "mkdocs", "readthedocs"])
def test_answers_start_collapsed_on_a_phone_and_open_for_their_link(sites, browser, watch, name):
    context = open_context(browser, watch, viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(sites[name].url("faq/basics/"))
    toggles = page.locator(".faq-toggle")
    expect(toggles).to_have_count(3)
    assert toggles.evaluate_all("ts => ts.map(t => t.getAttribute('aria-expanded'))") == ["false"] * 3
    expect(page.get_by_text("rare ultramarine")).to_be_hidden()
    page.get_by_role("button", name="Which colours do widgets come in?").click()
    expect(page.get_by_text("rare ultramarine")).to_be_visible()
    page.reload()  # the reader's choice is remembered over the default
    expect(page.get_by_text("rare ultramarine")).to_be_visible()

    page.goto(sites[name].url("faq/usage/#cleaning-widgets"))  # a link opens its answer
    expect(page.locator("#cleaning-widgets--answer")).to_be_visible()
    expect(page.locator("#storing-widgets--answer")).to_be_hidden()
    context.close()
    watch.check()


def test_answers_stay_open_on_a_desktop_and_without_javascript(sites, browser, watch, page):
    page.goto(sites["material"].url("faq/basics/"))
    expect(page.get_by_text("rare ultramarine")).to_be_visible()
    context = open_context(browser, watch, viewport=PHONE, java_script_enabled=False)
    plain = context.new_page()
    plain.goto(sites["material"].url("faq/basics/"))
    expect(plain.get_by_text("rare ultramarine")).to_be_visible()
    expect(plain.locator(".faq-copy-link")).to_have_count(0)
    context.close()


@pytest.mark.parametrize("name", ["material", "material-instant"])
def test_a_tag_chip_leaves_the_toolbar_below_materials_header(sites, browser, watch, name):
    context = open_context(browser, watch, viewport={"width": 1280, "height": 420})
    page = context.new_page()
    page.goto(sites[name].url("faq/usage/"))
    chip = page.locator("#storing-widgets--answer .faq-meta-tags a", has_text="advanced")
    chip.scroll_into_view_if_needed()
    chip.click()
    expect(page.locator(".faq-count")).to_have_text("2 of 3")
    header = page.locator(".md-header").bounding_box()
    tools = page.locator(".faq-tools").bounding_box()
    assert tools["y"] >= header["y"] + header["height"] - 1, (tools, header)
    expect(_filter(page)).to_be_in_viewport()
    context.close()
    watch.check()


def test_untranslated_entries_show_their_language(sites, page):
    page.goto(sites["repo"].url("fr/glossary/"))
    fallback = page.locator(".faq-term-entry[lang]").first
    expect(fallback).to_have_attribute("lang", "en")
    badge = fallback.evaluate("h => getComputedStyle(h, '::after').content")
    assert "attr(lang)" in badge or '"en"' in badge or badge == "en", badge
    translated = page.locator(".faq-term-entry:not([lang])").first
    assert translated.evaluate("h => getComputedStyle(h, '::after').content") in ("none", "normal")


def test_used_in_more_is_a_disclosure_that_shows_all(sites, page):
    page.goto(sites["repo"].url("glossary/"))
    more = page.locator("details.faq-used-in-more").first
    summary = more.locator("summary")
    hidden = int(re.search(r"\d+", summary.inner_text()).group(0))  # "and 9 more"
    expect(more.locator("a").first).to_be_hidden()
    summary.focus()
    page.keyboard.press("Enter")
    expect(more).to_have_attribute("open", "")
    expect(more.locator("a")).to_have_count(hidden)
    expect(more.locator("a").last).to_be_visible()
