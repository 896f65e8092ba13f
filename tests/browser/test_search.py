"""The theme's own site search finds a single question and lands on its heading."""

from __future__ import annotations

import re

import pytest

from .conftest import skip_without_browser

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

QUESTION = "Which colours do widgets come in?"


@pytest.mark.parametrize("name", ["material", "material-instant"])
def test_material_search_finds_a_question(sites, page, name):
    page.goto(sites[name].url())
    page.keyboard.press("/")
    search = page.locator(".md-search__input")
    expect(search).to_be_focused()
    search.press_sequentially("ultramarine colours", delay=20)
    result = page.locator(".md-search-result__link", has_text=QUESTION).first
    expect(result).to_be_visible(timeout=10_000)
    result.click()
    expect(page).to_have_url(re.compile(r"/faq/basics/(\?[^#]*)?#widget-colours$"))
    expect(page.locator("#widget-colours")).to_be_in_viewport()


def test_mkdocs_theme_search_finds_a_question(sites, page):
    page.goto(sites["mkdocs"].url())
    page.get_by_role("link", name="Search").click()
    search = page.locator("#mkdocs-search-query")
    expect(search).to_be_visible()
    search.press_sequentially("ultramarine", delay=20)
    result = page.locator("#mkdocs-search-results a", has_text=QUESTION).first
    expect(result).to_be_visible(timeout=10_000)
    result.click()
    expect(page).to_have_url(re.compile(r"/faq/basics/#widget-colours$"))
    expect(page.locator("#widget-colours")).to_be_in_viewport()


def test_readthedocs_search_page_finds_a_question(sites, page):
    page.goto(sites["readthedocs"].url())
    search = page.locator("input[name=q]").first
    search.fill("ultramarine")
    search.press("Enter")
    result = page.locator("#mkdocs-search-results a", has_text=QUESTION).first
    expect(result).to_be_visible(timeout=10_000)
    result.click()
    expect(page).to_have_url(re.compile(r"/faq/basics/#widget-colours$"))
    expect(page.locator("#widget-colours")).to_be_in_viewport()
