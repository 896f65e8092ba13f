"""Everyday-word terms on real built sites: marked where the text uses them as the term
(`annotate: auto`, the default), everywhere with `annotate: true` (issue 28)."""

from __future__ import annotations

import re

import pytest
from conftest import build_in_process

FAQ = """\
questions:
  - id: q
    question: Why?
    answer: Because.
glossary:
  - term: Main
    definition: The repository's default branch, where the integration happens.{main}
  - term: Review
    definition: Comments on a pull request before it is merged.
"""

DOCS = {
    "index.md": """\
        # Home

        The main idea of this guide is simple. Ask a friend to review your draft.

        Merge your work into main when the repository tests pass.
        """,
    "linked.md": """\
        # Linked

        The main idea stays.

        Releases come from [the main branch](glossary:main).
        """,
    "quoted.md": """\
        # Quoted

        When the pull request is done, mark it "Ready for Review" and wait.
        """,
}


def marks(html: str) -> list[tuple[str, str]]:
    """(term id, text) of each term mark in a built page's content."""
    return re.findall(r'<a class="faq-term" data-faq-term="([^"]+)"[^>]*>([^<]+)</a>', html)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, list[tuple[str, str]]]]:
    """Page → marks, for a site with the default settings and one with `annotate: true`."""
    from conftest import write_project

    found = {}
    for name, main in (("auto", ""), ("true", "\n    annotate: true")):
        root = tmp_path_factory.mktemp(name)
        config = write_project(root, faq=FAQ.format(main=main), docs=DOCS,
                               config={"plugins": [{"faq": {"glossary": {"annotate": "all"}}}]})
        site = build_in_process(config, strict=True)
        found[name] = {page: marks(site.html(path)) for page, path in
                       (("index", "index.html"), ("linked", "linked/index.html"),
                        ("quoted", "quoted/index.html"))}
    return found


def test_an_everyday_term_is_marked_only_where_the_text_uses_it_as_the_term(sites) -> None:
    index = sites["auto"]["index"]
    # "The main idea" and "review your draft" are everyday words; "into main" shares its
    # sentence with "repository", a word of Main's definition.
    assert index == [("main", "main")]


def test_a_page_that_links_the_term_by_hand_has_it_marked_everywhere(sites) -> None:
    assert sites["auto"]["linked"] == [("main", "main")]  # "The main idea", after the link


def test_capitalised_mid_sentence_the_word_is_a_name(sites) -> None:
    assert sites["auto"]["quoted"] == [("review", "Review")]


def test_annotate_true_marks_every_mention_again(sites) -> None:
    assert sites["true"]["index"] == [("main", "main"), ("main", "main")]
    assert sites["true"]["linked"] == [("main", "main")]
    assert ("review", "review") not in sites["true"]["index"]  # Review is still `auto`


def test_the_standalone_extension_takes_the_language_of_its_pages(tmp_path) -> None:
    import markdown

    from mkdocs_faq_plugin.markdown import FaqExtension

    (tmp_path / "faq.yml").write_text(
        "glossary:\n  - term: Haus\n    definition: Ein Gebäude mit Dach.\n", encoding="utf-8"
    )
    text = "Das Haus ist alt."

    def convert(language: str) -> str:
        extension = FaqExtension(faq_file=str(tmp_path / "faq.yml"), language=language)
        return markdown.markdown(text, extensions=[extension])

    assert 'data-faq-term="haus"' in convert("en")  # not an everyday word of English
    assert 'data-faq-term="haus"' not in convert("de")  # German's: no word of its definition


def test_on_the_page_about_a_longer_term_its_words_are_not_everyday_mentions(tmp_path) -> None:
    from conftest import write_project

    faq = """\
glossary:
  - term: Service
    definition: In IT, service has multiple meanings.
  - term: Platform as a Service
    id: paas
    definition: A cloud offering of a managed runtime behind one interface.
"""
    docs = {
        "paas.md": "---\nglossary_term: paas\n---\n\n# PaaS\n\nPlatform as a Service is popular."
                   " Each service sits behind its own interface.\n",
        "other.md": "# Other\n\nA Platform as a Service hosts one service.\n",
    }
    config = write_project(tmp_path, faq=faq, docs=docs,
                           config={"plugins": [{"faq": {"glossary": {"annotate": "all"}}}]})
    site = build_in_process(config, strict=True)
    # "Service" inside the page's own term is part of its name; the next sentence holds
    # "interface", a word of the glossary's subject (Service's own definition has none).
    assert marks(site.html("paas/index.html")) == [("service", "service")]
    assert marks(site.html("other/index.html")) == [("paas", "Platform as a Service")]


def test_a_polish_form_of_an_everyday_word_is_marked_and_the_preposition_is_not(tmp_path) -> None:
    from conftest import write_project

    faq = """\
glossary:
  - term: pod
    definition: Najmniejsza jednostka wdrożenia w Kubernetesie, grupa kontenerów.
"""
    docs = {"index.md": "# Start\n\nKot śpi pod stołem. Klaster uruchamia trzy pody.\n"}
    config = write_project(tmp_path, faq=faq, docs=docs, config={
        "theme": {"name": "mkdocs", "locale": "pl"},
        "plugins": [{"faq": {"glossary": {"annotate": "all"}}}]})
    site = build_in_process(config, strict=True)
    assert marks(site.html("index.html")) == [("pod", "pody")]
