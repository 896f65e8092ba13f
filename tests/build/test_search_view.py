"""Search plugins index our pages through a lighter view: the index must not change."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

import pytest
from conftest import build_in_process

from mkdocs_faq_plugin.plugin import search_view
from mkdocs_faq_plugin.plugin.search_view import View

DOCS = {
    "index.md": "# Home\n\nA foundation model has parameters. Fine-tuning a foundation model "
    "changes its parameters; FM for short.\n\n## More\n\nEvery parameter, and fine-tuning.\n",
    "guide.md": "# Guide\n\nParameters  and  fine-tuning  with two spaces; `parameter` in code.\n",
}


def _index(site: Any) -> list[tuple[str, str, str]]:
    # MkDocs' own search joins the pieces of text between tags with spaces: the annotated
    # page gives "parameters ." where the page as text gives "parameters.".
    return [
        (doc["location"], doc["title"], re.sub(r" (?=[.,;:])", "", " ".join(doc["text"].split())))
        for doc in site.search_index()["docs"]
    ]


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_the_index_is_what_the_pages_themselves_give(project, tmp_path, monkeypatch, theme) -> None:
    config = {"theme": {"name": theme}, "plugins": ["search", {"faq": {"glossary": {"annotate": "all"}}}]}
    seen = build_in_process(project(docs=DOCS, config=config), strict=True)
    shown = _index(seen)
    html = seen.html("index.html")
    assert html.count('class="faq-term"') >= 4  # the page itself keeps its annotations
    assert 'data-md-component="toc"' not in html or 'href="#more"' in html
    monkeypatch.setattr(View, "of", classmethod(lambda cls, plugins, ours: None))
    plain = _index(build_in_process(project(docs=DOCS, config=config), strict=True))
    assert shown == plain
    assert any(location.startswith("glossary/#") for location, _, _ in shown)


def test_pages_are_given_back_as_they_were() -> None:
    toc = [object()]
    page = SimpleNamespace(
        content='<p>A <a class="faq-term" data-faq-term="t" href="g/#t" title="T">term</a> '
        '<span class="faq-term" data-faq-term="u" tabindex="0">u</span>.</p>'
        '<div class="faq-used-in no-glossary" data-faq-used-in="t"><strong>Used in:</strong> '
        '<a href="../">Home</a></div><p data-search-exclude="x">hidden</p>',
        toc=toc,
    )
    original = page.content
    view = View(material=True)
    hidden = view.hide(page, generated=True)
    assert page.content == ('<p>A term u.</p><div class="faq-used-in no-glossary" '
                            'data-faq-used-in="t"><strong>Used in:</strong> Home</div>'
                            '<p data-search-exclude="x">hidden</p>')
    assert list(page.toc) == []
    page.content = re.sub(r"\s?data-search-\w+=\"[^\"]+\"", "", page.content)  # as Material does
    view.restore(page, hidden)
    assert page.toc is toc
    assert page.content == original.replace(' data-search-exclude="x"', "")
    # An ordinary page keeps its table of contents and its "Used in"-like markup.
    page = SimpleNamespace(content=original, toc=toc)
    hidden = View(material=True).hide(page, generated=False)
    assert page.toc is toc and "<a href=\"../\">Home</a>" in page.content
    View(material=True).restore(page, hidden)
    assert page.content == original


class _Plugin:
    def __init__(self) -> None:
        self.config = SimpleNamespace(enabled=True)

    def early(self) -> None: ...

    def hook(self) -> None: ...

    def late(self) -> None: ...


def test_only_the_search_plugin_may_run_in_between() -> None:
    ours, search, other = _Plugin(), _Plugin(), _Plugin()

    def plugins(*methods: Any, name: str = search_view.MATERIAL_SEARCH) -> Any:
        collection = type("Plugins", (dict,), {})({name: search})
        collection.events = {"page_context": list(methods)}
        return collection

    assert View.of(plugins(ours.early, search.hook, ours.late), ours) == View(material=True)
    assert View.of(plugins(ours.early, search.hook, ours.late, name="search"), ours) == View(False)
    assert View.of(plugins(ours.early, search.hook, other.hook, ours.late), ours) is None
    assert View.of(plugins(search.hook, ours.early, ours.late), ours) is None
    search.config.enabled = False
    assert View.of(plugins(ours.early, search.hook, ours.late), ours) is None
