"""What Material's search indexes of our pages, next to what its tags plugin lists.

A generated page's front matter carries its questions' tags, for the tags plugin. Material's
search would copy them onto every section of the page at a weight of 1e6, ranking the whole
page above the exact answer (issue 26), so they stay out of the index; the tags plugin still
lists the pages under each tag. The FAQ index's lists of links repeat every question's title
and stay out of the index too. Ranking itself is measured in a browser:
tests/browser/test_search_ranking.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL_FAQ, build_cli, write_project

TAGS_PAGE = "# Tags\n\n<!-- material/tags -->\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("search-index")
    config = write_project(
        root,
        faq=MINIMAL_FAQ,
        docs={"index.md": "---\ntags: [home]\n---\n# Home\n\nA foundation model has parameters.\n", "tags.md": TAGS_PAGE},
        config={
            "theme": {"name": "material", "font": False},
            "plugins": ["search", "tags", "faq"],
            "markdown_extensions": ["attr_list", "toc"],
        },
    )
    built = build_cli(config, strict=True)
    assert built.returncode == 0, built.output
    return built


def _docs(site) -> dict[str, dict]:
    return {doc["location"]: doc for doc in site.search_index()["docs"]}


def test_generated_pages_are_indexed_without_their_tags(site) -> None:
    docs = _docs(site)
    ours = [doc for location, doc in docs.items() if location.startswith(("faq/", "glossary/"))]
    assert "faq/usage/#tuning-widgets" in docs and ours
    assert [doc["location"] for doc in ours if "tags" in doc] == []
    # An author's own page keeps its tags in the index.
    assert docs[""]["tags"] == ["home"]


def test_the_tags_plugin_still_lists_our_pages_and_questions_tags(site) -> None:
    listing = site.html("tags/index.html")
    for tag in ("intro", "advanced"):
        assert f'id="tag:{tag}"' in listing
    intro = listing.split('id="tag:intro"', 1)[1].split('id="tag:', 1)[0]
    assert "../faq/basics/" in intro and "../faq/usage/" in intro
    advanced = listing.split('id="tag:advanced"', 1)[1].split('id="tag:', 1)[0]
    assert "../faq/usage/" in advanced and "../faq/basics/" not in advanced
    # The page shows its tags, as with any tagged page.
    assert 'class="md-tag' in site.html("faq/usage/index.html")


def test_the_faq_index_lists_are_left_to_the_questions_own_pages(site) -> None:
    docs = _docs(site)
    assert "faq/#faq-all-tags" not in docs
    basics = docs["faq/#basics"]
    assert basics["title"] == "The basics"
    assert "What is a widget?" not in basics["text"]
    assert docs["faq/basics/#what-is-a-widget"]["title"] == "What is a widget?"
    # Material takes the marker out of the pages it indexed.
    assert "data-search-exclude" not in site.html("faq/index.html")


def test_glossary_entries_rank_above_the_faq_pages(site) -> None:
    docs = _docs(site)
    assert docs["glossary/#parameter"]["boost"] > docs["faq/basics/#what-is-a-widget"]["boost"]


def test_mkdocs_search_keeps_its_index_with_the_markers_in_the_page(tmp_path: Path) -> None:
    """MkDocs' own search knows no `data-search-exclude`: the index lists, as before, and the
    marker is a harmless attribute."""
    config = write_project(tmp_path, config={"theme": {"name": "mkdocs", "highlightjs": False}})
    built = build_cli(config, strict=True)
    assert built.returncode == 0, built.output
    locations = {doc["location"] for doc in built.search_index()["docs"]}
    assert "faq/basics/#what-is-a-widget" in locations
    assert '<ul data-search-exclude="true">' in built.html("faq/index.html")
