"""What the generated pages carry for reading them (issue 26, parts 4–5), in built sites:
the answers the index filter searches, alias anchors, the "Used in" disclosure, the
`collapse_answers` option and French spacing in every label."""

from __future__ import annotations

import html
import re

import pytest

from conftest import MINIMAL_FAQ, build_cli, build_in_process

ALIASES_FAQ = MINIMAL_FAQ.replace("aliases: [FM]", "aliases: [FM, Big Model, tuning-widgets, Fine tuning, 基础模型]").replace(
    "  - term: fine-tuning\n", "  - term: fine-tuning\n    aliases: [big model!]\n"
)


def test_the_index_carries_each_answer_as_plain_text(project) -> None:
    site = build_in_process(project(), strict=True)
    index = site.html("faq/index.html")
    texts = [html.unescape(t) for t in re.findall(r'<li data-faq-text="([^"]*)"><a href="basics/#what-is-a-widget"', index)]
    # Markdown gone (links become their text), one line, the words the filter looks for.
    assert texts == ["A widget is a small tool. It has many parameters; see tuning and the glossary entry."]
    assert 'data-faq-text="Use fine-tuning on a foundation model."' in index


def test_aliases_get_anchors_unless_taken(project) -> None:
    site = build_in_process(project(faq=ALIASES_FAQ), strict=True)
    glossary = site.html("glossary/index.html")
    entry = glossary.split('id="foundation-model"', 1)[1].split("<h3", 1)[0]
    assert '<span class="faq-alias" id="fm">FM</span>' in entry
    assert '<span class="faq-alias" id="big-model">Big Model</span>' in entry
    assert '<span class="faq-alias" id="fine-tuning-2">' not in glossary
    # A question's id is taken; so is a term's id; a slug without Latin letters makes none.
    assert re.search(r"(?<!>)tuning-widgets", entry) and 'id="tuning-widgets"' not in glossary
    assert "Fine tuning" in entry and 'id="fine-tuning">Fine tuning' not in entry
    assert "基础模型" in entry
    # The first alias to want an id has it: fine-tuning's "big model!" does not steal it.
    fine = glossary.split('id="fine-tuning"', 1)[1].split("<h3", 1)[0]
    assert "big model!" in fine and 'id="big-model"' not in fine
    assert glossary.count('id="big-model"') == 1


def test_answers_collapse_on_small_screens_unless_configured(project, tmp_path) -> None:
    site = build_in_process(project(), strict=True)
    assert 'data-faq-collapse="small-screens"' in site.html("faq/basics/index.html")
    site = build_in_process(project(config={"plugins": ["search", {"faq": {"collapse_answers": "never"}}]}), strict=True)
    assert 'data-faq-collapse="never"' in site.html("faq/basics/index.html")
    assert 'data-faq-collapse="never"' in site.html("faq/index.html")
    assert "data-faq-collapse" not in site.html("glossary/index.html")


def test_a_wrong_collapse_value_is_a_config_error(project) -> None:
    config_path = project(config={"plugins": ["search", {"faq": {"collapse_answers": "phones"}}]})
    site = build_cli(config_path)
    assert site.returncode != 0
    assert "option 'collapse_answers': Expected one of: ('small-screens', 'always', 'never')" in site.output


def test_french_labels_get_no_break_spaces(project) -> None:
    config = {"plugins": ["search", {"faq": {"language": "fr", "labels": {"fr": {"owner": "Qui ?"}}}}]}
    site = build_in_process(project(config=config), strict=True)
    page = site.html("faq/basics/index.html")
    assert "<strong>Étiquettes\u00a0:</strong>" in page
    assert "<strong>Questions liées\u00a0:</strong>" in page
    glossary = site.html("glossary/index.html")
    assert "<strong>Aussi appelé\u00a0:</strong>" in glossary
    assert "Utilisé dans\u00a0:" in glossary
    # The words handed to the scripts too, overrides included.
    labels = html.unescape(re.search(r'data-faq-labels="([^"]*)"', page).group(1))
    assert '"colon": "\\u00a0:"' in labels
    assert "aid\\u00e9\\u202f?" in labels


def test_english_labels_keep_their_punctuation(project) -> None:
    site = build_in_process(project(), strict=True)
    page = site.html("faq/basics/index.html")
    assert "<strong>Tags:</strong>" in page and "\u00a0:" not in page


FAQ_FR_TAGS = """\
tags:
  intro: Premiers pas
  advanced: Avancé
questions:
  - id: what-is-a-widget
    question: Qu'est-ce qu'un gadget ?
"""


def test_a_translation_names_tags_and_keeps_their_anchors(project, tmp_path) -> None:
    config = project(config={"plugins": ["search", {"faq": {"language": "fr"}}]})
    (tmp_path / "faq.fr.yml").write_text(FAQ_FR_TAGS, encoding="utf-8")
    site = build_in_process(config, strict=True)
    basics = site.html("faq/basics/index.html")
    assert '<a href="../#faq-tag-intro">Premiers pas</a>' in basics
    usage = site.html("faq/usage/index.html")
    assert '<a href="../#faq-tag-intro">Premiers pas</a>, <a href="../#faq-tag-advanced">Avancé</a>' in usage
    index = site.html("faq/index.html")
    assert '<li class="faq-tag-entry no-glossary" id="faq-tag-advanced"><strong>Avancé</strong>' in index
    assert '<li class="faq-tag-entry no-glossary" id="faq-tag-intro"><strong>Premiers pas</strong>' in index
    # The tag list is sorted by the names shown.
    assert index.index('id="faq-tag-advanced"') < index.index('id="faq-tag-intro"')


def test_a_tag_name_for_no_tag_is_a_located_error(project, tmp_path) -> None:
    config = project(config={"plugins": ["search", {"faq": {"language": "fr"}}]})
    (tmp_path / "faq.fr.yml").write_text("tags:\n  intra: Premiers pas\n  advanced: [3]\n", encoding="utf-8")
    site = build_cli(config)
    assert site.returncode != 0
    assert "faq.fr.yml:2:3: tags: 'intra' is not a tag of any question of the default language; did you mean 'intro'?" in site.output
    assert "faq.fr.yml:3:13: tags.advanced: expected the tag's name (text)" in site.output
