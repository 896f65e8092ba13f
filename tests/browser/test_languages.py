"""Switching language on a FAQ page of our own site (built with mkdocs-static-i18n)."""

from __future__ import annotations

import re

from .conftest import skip_without_browser

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402


def _switch(page, language: str) -> None:
    """Open Material's language selector and follow the link of `language`."""
    selector = page.locator(".md-header__option .md-select").filter(has=page.locator("a[hreflang]"))
    selector.hover()
    link = selector.locator(f'a.md-select__link[hreflang="{language}"]')
    expect(link).to_be_visible()
    link.click()


def test_language_switcher_keeps_the_reader_on_the_same_faq_page(sites, page):
    site = sites["repo"]
    page.goto(site.url("faq/basics/#what-is-a-foundation-model"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#what-is-a-foundation-model")).to_contain_text("What is a foundation model?")

    _switch(page, "fr")
    expect(page).to_have_url(site.url("fr/faq/basics/"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("h1")).to_contain_text("Notions de base et vocabulaire")
    expect(page.locator("#what-is-a-foundation-model")).to_contain_text("Qu'est-ce qu'un modèle de fondation ?")
    # The plugin's own widgets speak French too, and a French term shows its French definition.
    expect(page.get_by_role("searchbox", name="Filtrer les questions")).to_be_visible()
    term = page.locator('a.faq-term[data-faq-term="fine-tuning"]').first
    expect(term).to_have_text("affinage")
    expect(term).to_have_attribute("href", "../../glossary/#fine-tuning")

    _switch(page, "en")
    expect(page).to_have_url(site.url("faq/basics/"))
    expect(page.locator("h1")).to_contain_text("Basics and terminology")


def test_language_switcher_on_the_glossary(sites, page):
    site = sites["repo"]
    page.goto(site.url("fr/glossary/"))
    expect(page.locator("h1")).to_contain_text("Glossaire")
    expect(page.locator("#parameter")).to_contain_text("paramètre")
    _switch(page, "en")
    expect(page).to_have_url(site.url("glossary/"))
    expect(page.locator("#parameter")).to_contain_text("parameter")


def test_an_untranslated_definition_is_announced_in_its_language(sites, page):
    """WCAG 3.1.2: on a French page, the popup of a term nobody translated is English; a
    translated term's popup keeps the page's French."""
    page.goto(sites["repo"].url("fr/"))
    english = page.locator('a.faq-term[data-faq-lang="en"]').first
    french = page.locator('a.faq-term[data-faq-term="fine-tuning"]').first
    expect(french).not_to_have_attribute("data-faq-lang", re.compile(".*"))
    for term, lang in ((english, "en"), (french, None)):
        definition = term.get_attribute("title")  # parked while the popup is up
        assert definition
        term.hover()
        popup = page.locator("#faq--tooltip").filter(has_text=definition)
        expect(popup).to_be_visible()
        if lang:
            expect(popup).to_have_attribute("lang", lang)
        else:
            expect(popup).not_to_have_attribute("lang", re.compile(".*"))
        page.mouse.move(5, 790)
        expect(popup).to_be_hidden()
