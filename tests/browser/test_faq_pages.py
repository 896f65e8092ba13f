"""FAQ pages and the glossary: filter box, live count, tag chips, collapsing, permalinks."""

from __future__ import annotations

import html
import json
import re

import pytest

from .conftest import open_context, skip_without_browser

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

THEMES = ["material", "material-instant", "mkdocs", "readthedocs"]
BASICS = ["what-is-a-widget", "widget-history", "widget-colours"]


def _filter(page, name="Filter questions"):
    return page.get_by_role("searchbox", name=name)


def _visible_questions(page) -> list[str]:
    return page.locator(".faq-item:visible").evaluate_all("items => items.map(i => i.dataset.faqQuestion)")


@pytest.mark.parametrize("name", THEMES)
def test_filter_narrows_and_restores_questions(sites, page, name):
    page.goto(sites[name].url("faq/basics/"))
    box, count = _filter(page), page.locator(".faq-count")
    expect(count).to_have_text("3 of 3")
    expect(count).to_have_attribute("aria-live", "polite")
    expect(box).to_have_attribute("type", "search")

    box.fill("ultramarine")  # a word of one answer only
    expect(count).to_have_text("1 of 3")
    assert _visible_questions(page) == ["widget-colours"]

    box.fill("WIDGET   Sprocket")  # every word must match, anywhere, in any case
    expect(count).to_have_text("1 of 3")
    assert _visible_questions(page) == ["widget-history"]

    box.fill("design")  # a tag
    expect(count).to_have_text("1 of 3")
    assert _visible_questions(page) == ["widget-colours"]

    box.fill("no such thing")
    expect(count).to_have_text("0 of 3")
    expect(page.locator(".faq-empty")).to_be_visible()
    expect(page.locator(".faq-empty")).to_contain_text("No question matches your filter.")

    box.fill("")
    expect(count).to_have_text("3 of 3")
    expect(page.locator(".faq-empty")).to_be_hidden()
    assert _visible_questions(page) == BASICS


@pytest.mark.parametrize("name", THEMES)
def test_tag_chips_filter_the_page(sites, page, name):
    page.goto(sites[name].url("faq/basics/"))
    url = page.url
    count = page.locator(".faq-count")
    page.locator("#what-is-a-widget--answer .faq-meta-tags a", has_text="intro").click()
    expect(count).to_have_text("2 of 3")
    assert page.url == url, "with JavaScript on, a tag chip filters instead of navigating"
    assert _visible_questions(page) == ["what-is-a-widget", "widget-colours"]
    active = page.locator(".faq-active-tag__clear")
    expect(active).to_be_visible()
    expect(active).to_contain_text("intro")

    _filter(page).fill("red")  # tag and text together
    expect(count).to_have_text("1 of 3")
    active.click()
    expect(count).to_have_text("1 of 3")
    assert _visible_questions(page) == ["widget-colours"]
    _filter(page).fill("")
    expect(count).to_have_text("3 of 3")
    expect(active).to_be_hidden()


@pytest.mark.parametrize("name", THEMES)
def test_filter_on_the_index_hides_empty_categories(sites, page, name):
    page.goto(sites[name].url("faq/"))
    count = page.locator(".faq-count")
    expect(count).to_have_text("6 of 6")
    _filter(page).fill("clean")
    expect(count).to_have_text("1 of 6")
    expect(page.get_by_role("link", name="How do I clean a widget?")).to_be_visible()
    expect(page.locator("#basics")).to_be_hidden()
    expect(page.locator("#usage")).to_be_visible()
    expect(page.locator("#faq-all-tags")).to_be_hidden()
    expect(page.locator(".faq-section #faq-all-tags")).to_have_count(0)

    _filter(page).fill("maintenance")  # tags of the index come from its "All tags" list
    expect(count).to_have_text("2 of 6")
    _filter(page).fill("")
    expect(count).to_have_text("6 of 6")
    expect(page.locator("#basics")).to_be_visible()
    expect(page.locator("#faq-all-tags")).to_be_visible()


@pytest.mark.parametrize("name", THEMES)
def test_questions_stay_headings_and_collapse(sites, page, name):
    page.goto(sites[name].url("faq/usage/"))
    heading = page.get_by_role("heading", name="How do I clean a widget?", level=2)
    expect(heading).to_have_attribute("id", "cleaning-widgets")
    toggle = heading.get_by_role("button")
    answer = page.locator("#cleaning-widgets--answer")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(toggle).to_have_attribute("aria-controls", "cleaning-widgets--answer")
    expect(answer).to_contain_text("dry cloth")

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(answer).to_be_hidden()
    expect(answer).to_have_attribute("hidden", re.compile(".*"))
    toggle.focus()
    page.keyboard.press("Enter")
    expect(answer).to_be_visible()

    page.get_by_role("button", name="Collapse all").click()
    for toggle in page.locator(".faq-toggle").all():
        expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator(".faq-answer:visible")).to_have_count(0)
    page.get_by_role("button", name="Expand all").click()
    expect(page.locator(".faq-answer:visible")).to_have_count(3)


@pytest.mark.parametrize("name", THEMES)
def test_permalink_opens_its_question_expanded(sites, page, name):
    site = sites[name]
    page.goto(site.url("faq/usage/"))
    page.get_by_role("button", name="Collapse all").click()
    expect(page.locator(".faq-answer:visible")).to_have_count(0)

    page.goto(site.url("faq/usage/#storing-widgets"))
    page.reload()
    heading = page.locator("#storing-widgets")
    expect(heading).to_be_in_viewport()
    expect(heading.get_by_role("button")).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#storing-widgets--answer")).to_contain_text("magnets")
    expect(page.locator("#storing-widgets--answer")).to_be_visible()
    # The reader's choice for the other questions is remembered.
    expect(page.locator("#cleaning-widgets--answer")).to_be_hidden()

    # Following a link to another question on the same page (hashchange) opens it too.
    page.evaluate("location.hash = '#cleaning-widgets'")
    expect(page.locator("#cleaning-widgets--answer")).to_be_visible()
    expect(page.locator("#cleaning-widgets")).to_be_in_viewport()


@pytest.mark.parametrize("name", THEMES)
def test_permalink_to_a_filtered_out_question_clears_the_filter(sites, page, name):
    page.goto(sites[name].url("faq/basics/"))
    _filter(page).fill("ultramarine")
    expect(page.locator("#widget-history")).to_be_hidden()
    page.evaluate("location.hash = '#widget-history'")
    expect(page.locator("#widget-history")).to_be_in_viewport()
    expect(page.locator(".faq-count")).to_have_text("3 of 3")


@pytest.mark.parametrize("name", THEMES)
def test_glossary_filter_hides_entries_and_empty_letters(sites, page, name):
    page.goto(sites[name].url("glossary/"))
    box, count = _filter(page, "Filter terms"), page.locator(".faq-count")
    expect(count).to_have_text("5 of 5")
    expect(page.get_by_role("navigation", name="Letters")).to_be_visible()

    box.fill("fm")  # an alias
    expect(count).to_have_text("1 of 5")
    expect(page.locator("#foundation-model")).to_be_visible()
    expect(page.locator("#sprocket")).to_be_hidden()
    expect(page.locator("#faq-letter-s")).to_be_hidden()
    expect(page.locator(".faq-letters a", has_text="S")).to_have_attribute("aria-disabled", "true")

    box.fill("toothed wheel")  # words of a definition
    expect(count).to_have_text("1 of 5")
    expect(page.locator("#sprocket")).to_be_visible()
    expect(page.locator("#faq-letter-f")).to_be_hidden()

    box.fill("qqq")
    expect(count).to_have_text("0 of 5")
    expect(page.locator(".faq-empty")).to_be_visible()

    box.fill("")
    expect(count).to_have_text("5 of 5")
    page.locator(".faq-letters a", has_text="S").click()
    expect(page).to_have_url(re.compile("#faq-letter-s$"))
    expect(page.locator("#faq-letter-s")).to_be_in_viewport()


GERMAN = {
    "filter_label": "Fragen filtern",
    "filter_placeholder": "Zum Filtern tippen…",
    "filter_count": "{shown} von {total}",
    "no_results": "Keine Frage passt zum Filter.",
    "expand_all": "Alle aufklappen",
    "collapse_all": "Alle zuklappen",
}


def test_labels_and_toolbar_place_come_from_the_page(sites, page):
    """The templates' hook `<div class="faq-tools" data-faq-labels="{json}"></div>` marks where
    the toolbar goes and carries the words (labels.py keys); swapping its JSON for German
    words must give a German toolbar in the same place."""
    site = sites["mkdocs"]
    slot = f'<div class="faq-tools" data-faq-labels="{html.escape(json.dumps(GERMAN))}"></div>'

    def add_slot(route):
        response = route.fetch()
        body, swapped = re.subn(
            r'<div class="faq-tools" data-faq-labels="[^"]*"( data-faq-collapse="[^"]*")?></div>', lambda _: slot, response.text()
        )
        assert swapped == 1, "the category template must emit exactly one toolbar slot"
        route.fulfill(response=response, body=body)

    page.route(re.compile(r"/faq/basics/$"), add_slot)
    page.goto(site.url("faq/basics/"))
    tools = page.locator(".faq-tools")
    expect(tools).to_have_count(1)
    expect(page.get_by_role("searchbox", name="Fragen filtern")).to_have_attribute("placeholder", "Zum Filtern tippen…")
    expect(page.locator(".faq-count")).to_have_text("3 von 3")
    expect(page.get_by_role("button", name="Alle zuklappen")).to_be_visible()
    # The toolbar took the placeholder's place, right before the first question.
    assert tools.evaluate("t => t.nextElementSibling.dataset.faqQuestion") == "what-is-a-widget"
    page.get_by_role("searchbox", name="Fragen filtern").fill("nichts")
    expect(page.locator(".faq-empty")).to_contain_text("Keine Frage passt zum Filter.")


def test_without_javascript_pages_stay_plain_and_complete(sites, browser, watch):
    context = open_context(browser, watch, java_script_enabled=False)
    page = context.new_page()
    page.goto(sites["material"].url("faq/basics/"))
    expect(page.locator(".faq-tools")).to_have_count(1)
    expect(page.locator(".faq-tools")).to_be_hidden()  # the empty slot takes no space
    expect(page.locator(".faq-filter")).to_have_count(0)
    expect(page.get_by_text("rare ultramarine")).to_be_visible()
    page.locator(".faq-meta-tags a", has_text="intro").first.click()
    expect(page).to_have_url(re.compile(r"/faq/#faq-tag-intro$"))
    expect(page.locator("#faq-tag-intro")).to_be_in_viewport()
    context.close()
    watch.check()
