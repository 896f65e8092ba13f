"""Every page's HTML ids are unique, however faq.yml names its entries (issue: duplicate ids).

The plugin's own anchors (letter navigation, tag index) live in a namespace that faq.yml ids
cannot take (`anchors.py`); ids that merely look like them are fine, and ids in the namespace
are refused with a located error.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import build_cli, build_in_process

from mkdocs_faq_plugin.kb.ids import is_reserved, letter_anchor
from mkdocs_faq_plugin.pages.render import glossary_letters, tag_anchors

# Ids that the plugin's anchors used to have, or that equal a page title's slug.
LOOKALIKE_TERMS = """\
glossary:
  - term: Letter A
    definition: The first letter.
  - term: Letter other
    definition: Any other letter.
  - term: tag cli
    definition: A tag.
  - term: all tags
    definition: Every tag.
  - term: Glossary
    definition: This page.
  - term: cli
    id: faq-letter
    definition: Not reserved (no trailing part).
"""

WITH_CATEGORIES = """\
title: Lookalike FAQ
categories:
  - id: all-tags
    title: All tags
  - id: tag-cli
    title: Tag cli
questions:
  - id: letter-a
    question: Letter A?
    category: all-tags
    tags: [cli, all tags]
    answer: Letter A and tag cli, see all tags.
  - id: lookalike-faq
    question: Lookalike FAQ?
    category: tag-cli
    tags: [cli]
    answer: The Glossary.
""" + LOOKALIKE_TERMS

WITHOUT_CATEGORIES = """\
title: Lookalike FAQ
questions:
  - id: tag-cli
    question: Tag cli?
    tags: [cli]
    answer: Letter A.
  - id: all-tags
    question: All tags?
    tags: [cli, letter a]
    answer: Letter other.
  - id: letter-a
    question: Letter A?
    answer: All tags.
  - id: lookalike-faq
    question: The title's own slug?
    answer: cli
""" + LOOKALIKE_TERMS


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value for name, value in attrs if name == "id" and value is not None]


def duplicate_ids(site_dir: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for page in sorted(site_dir.rglob("*.html")):
        parser = _Ids()
        parser.feed(page.read_text(encoding="utf-8"))
        twice = [i for i, n in Counter(parser.ids).items() if n > 1]
        if twice:
            found[page.relative_to(site_dir).as_posix()] = twice
    return found


@pytest.mark.parametrize("theme", ["material", "mkdocs", "readthedocs"])
@pytest.mark.parametrize("faq", [WITH_CATEGORIES, WITHOUT_CATEGORIES], ids=["categories", "flat"])
def test_every_page_has_unique_ids(project, faq: str, theme: str) -> None:
    docs = {"index.md": "# Home\n\nLetter A, tag cli, all tags, cli and the Glossary.\n"}
    config = {"theme": {"name": theme}, "markdown_extensions": [{"toc": {"permalink": True}}]}
    site = build_in_process(project(faq=faq, docs=docs, config=config), strict=True)
    assert duplicate_ids(site.site_dir) == {}
    glossary = site.html("glossary/index.html")
    anchors = ("letter-a", "letter-other", "tag-cli", "all-tags", "faq-letter-a", "faq-letter-l")
    for anchor in anchors:
        assert f'id="{anchor}"' in glossary


def test_plugin_anchors_are_in_the_reserved_namespace() -> None:
    """Without the prefix, term "Letter A" (id letter-a) would meet the letter heading A."""
    from mkdocs_faq_plugin.kb.model import KnowledgeBase, Question, Term

    kb = KnowledgeBase(
        questions=(Question("tag-cli", "Q?", "A.", tags=("cli",)),),
        glossary=(Term("letter-a", "Letter A", "x"),),
    )
    letter = glossary_letters(kb.glossary)[0].anchor
    tag = tag_anchors(kb)["cli"]
    assert (letter, tag) == (letter_anchor("l"), "faq-tag-cli")
    assert letter.removeprefix("faq-") == "letter-l" and tag.removeprefix("faq-") == "tag-cli"
    assert is_reserved(letter) and is_reserved(tag) and is_reserved("faq-all-tags")
    assert not any(is_reserved(i) for i in ("letter-a", "tag-cli", "all-tags", "faq-letter", "faq"))


def test_reserved_ids_fail_the_build_with_located_errors(project) -> None:
    faq = (
        "questions:\n"
        "  - id: faq-tag-cli\n    question: Q?\n    answer: A.\n"
        "glossary:\n"
        "  - term: FAQ letter A\n    definition: x\n"
    )
    site = build_cli(project(faq=faq))
    assert site.returncode == 1
    assert (
        "faq.yml:2:9: questions[0].id 'faq-tag-cli' is reserved for the plugin's own anchors "
        "(faq-letter-…, faq-tag-…, faq-all-tags); choose another id"
    ) in site.output
    derived = "faq.yml:6:11: glossary[0].term: the id 'faq-letter-a' made from this term"
    assert derived in site.output
    assert "Traceback" not in site.output
