"""Ids the scripts create never meet an id of the page (issue: duplicate HTML ids).

Scripts name what they add with "--" (`faq--tooltip`, `faq--filter-1`, `faq--feedback-<id>`),
which neither a faq.yml id (single hyphens) nor a heading id made by `toc` (runs of hyphens
collapse) can hold. This site gives headings and questions exactly the names the scripts used
to take, opens every widget and a tooltip, and asks the browser for duplicate ids.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import build_in_process, write_project  # tests/conftest.py

from .conftest import skip_without_browser

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

FAQ = """\
questions:
  - id: a
    question: Is the widget ready?
    answer: A widget is ready.
  - id: faq-feedback-a
    question: Does the feedback title collide?
    answer: The widget says no.
  - id: faq-tooltip
    question: Does the tooltip collide?
    answer: No.
  - id: faq-filter-1
    question: Does the filter collide?
    answer: No.
  - id: faq-count-1
    question: Does the count collide?
    answer: No.
glossary:
  - term: widget
    definition: A small tool.
  - term: faq tooltip
    id: tooltip
    definition: The popup.
"""

DOCS = {
    "index.md": (
        "# Home\n\n## FAQ tooltip\n\nA widget.\n\n## FAQ filter 1\n\n## FAQ count 1\n\n"
        "## FAQ feedback style\n\n## FAQ feedback a\n"
    ),
}

DUPLICATES = """() => {
  const seen = {};
  for (const node of document.querySelectorAll("[id]")) seen[node.id] = (seen[node.id] || 0) + 1;
  return Object.keys(seen).filter(id => seen[id] > 1);
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("unique-ids")
    config = {
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"faq": {"feedback": True}}],
    }
    site = build_in_process(write_project(root, faq=FAQ, docs=DOCS, config=config), strict=True)
    handler = functools.partial(_Quiet, directory=str(site.site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_no_duplicate_ids_with_every_widget_and_a_tooltip_open(site_url: str, page: Any) -> None:
    page.goto(site_url)
    page.locator('.faq-term[data-faq-term="widget"]').first.hover()
    expect(page.locator("#faq--tooltip")).to_be_visible()
    assert page.evaluate(DUPLICATES) == []
    assert page.locator("#faq-tooltip").evaluate("node => node.tagName") == "H2"

    for path in ("faq/", "glossary/"):
        page.goto(site_url + path)
        expect(page.locator("[data-faq-ready]").first).to_be_attached()
        page.locator(".faq-filter__input").first.fill("widget")
        if path == "faq/":
            expect(page.locator(".faq-feedback__title").first).to_be_attached()
        assert page.evaluate(DUPLICATES) == [], path
    assert page.locator("#faq--filter-1").count() == 1
