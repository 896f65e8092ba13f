"""Material for MkDocs: tooltips, search, tags, per-question feedback, languages — real builds."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from conftest import build_in_process

MATERIAL: dict[str, Any] = {"name": "material", "font": False}

FEEDBACK = {
    "title": "Was this page helpful?",
    "ratings": [
        {"icon": "material/emoticon-happy-outline", "name": "Helpful", "data": 1, "note": "Thanks!"},
        {"icon": "material/emoticon-sad-outline", "name": "Could be better", "data": 0, "note": "Sorry."},
    ],
}


def _material(**features: Any) -> dict[str, Any]:
    return {"theme": {**MATERIAL, **features}}


def _jsonld_answers(html: str) -> list[str]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [e["acceptedAnswer"]["text"] for b in blocks for e in json.loads(b)["mainEntity"]]


# ------------------------------------------------------------------ tooltips


@pytest.mark.parametrize("features", [["content.tooltips"], []], ids=["material-tooltips", "ours"])
def test_term_markup_keeps_its_title_for_either_tooltip(project, features: list[str]) -> None:
    """Material's `content.tooltips` renders the `title`; without it our script uses it."""
    site = build_in_process(project(config=_material(features=features)), strict=True)
    home = site.html("index.html")
    assert re.search(
        r'<a class="faq-term" data-faq-term="foundation-model" href="glossary/#foundation-model" '
        r'title="A large model trained on broad data.">foundation model</a>',
        home,
    )
    assert 'src="assets/faq/faq-tooltips.js"' in home


# ------------------------------------------------------------------ search


def test_search_boosts_questions_and_indexes_each_term(project) -> None:
    site = build_in_process(project(config=_material()), strict=True)
    docs = {doc["location"]: doc for doc in site.search_index()["docs"]}
    for location in ("faq/", "faq/basics/#what-is-a-widget", "faq/usage/#tuning-widgets"):
        assert docs[location].get("boost") == 2, location
    assert "boost" not in docs[""]  # ordinary pages keep the default weight
    assert "boost" not in docs["glossary/"]
    for term in ("foundation-model", "parameter", "fine-tuning"):
        entry = docs[f"glossary/#{term}"]
        assert entry["title"] in {"foundation model", "parameter", "fine-tuning"}
    assert "A large model trained on broad data." in docs["glossary/#foundation-model"]["text"]
    assert "A number the model learns." not in docs["glossary/#foundation-model"]["text"]


# ------------------------------------------------------------------ tags


def test_question_tags_reach_materials_tags_plugin(project) -> None:
    docs = {"index.md": "# Home\n\nA foundation model.\n", "tags.md": "# Tags\n\n<!-- material/tags -->\n"}
    config = {**_material(), "plugins": ["search", "tags", "faq"]}
    site = build_in_process(project(docs=docs, config=config), strict=True)
    listing = site.html("tags/index.html")
    intro = listing.split('id="tag:intro"', 1)[1].split("<h2", 1)[0]
    assert 'href="../faq/basics/"' in intro and 'href="../faq/usage/"' in intro
    advanced = listing.split('id="tag:advanced"', 1)[1].split("<h2", 1)[0]
    assert 'href="../faq/usage/"' in advanced and "basics" not in advanced
    # Each category page shows the tags of its questions, linking to the listing.
    assert 'href="../../tags/#tag:intro"' in site.html("faq/basics/index.html")
    mappings = json.loads(site.html("tags.json"))["mappings"]
    assert {m["item"]["url"]: sorted(m["tags"]) for m in mappings} == {
        "faq/basics/": ["intro"],
        "faq/usage/": ["advanced", "intro"],
    }


# ------------------------------------------------------------------ feedback


def _feedback_spans(html: str) -> list[str]:
    return re.findall(r'<span class="faq-feedback"[^>]*></span>', html)


def test_feedback_follows_materials_analytics_feedback(project) -> None:
    config = {**_material(), "extra": {"analytics": {"provider": "google", "property": "G-TEST", "feedback": FEEDBACK}}}
    site = build_in_process(project(config=config), strict=True)
    basics = site.html("faq/basics/index.html")
    spans = _feedback_spans(basics)
    assert len(spans) == 1
    span = spans[0]
    assert 'data-faq-feedback="what-is-a-widget"' in span
    assert 'data-faq-feedback-yes-value="1"' in span and 'data-faq-feedback-no-value="0"' in span
    assert 'data-faq-feedback-title="Was this helpful?"' in span
    # Inside the metadata paragraph: collapsed with the answer, left out of JSON-LD.
    meta = basics.split('class="faq-meta', 1)[1].split("</p>", 1)[0]
    assert "faq-feedback" in meta
    assert all("faq-feedback" not in answer for answer in _jsonld_answers(basics))
    assert 'src="../../assets/faq/faq-feedback.js"' in basics
    assert (site.site_dir / "assets/faq/faq-feedback.js").is_file()
    assert _feedback_spans(site.html("index.html")) == []


def test_feedback_is_off_without_analytics(project) -> None:
    site = build_in_process(project(config=_material()), strict=True)
    basics = site.html("faq/basics/index.html")
    assert _feedback_spans(basics) == []
    assert "faq-feedback.js" not in basics
    assert not (site.site_dir / "assets/faq/faq-feedback.js").exists()


@pytest.mark.parametrize(("option", "analytics", "expected"), [
    (True, False, True),
    (False, True, False),
])
def test_feedback_option_overrides_the_default(project, option: bool, analytics: bool, expected: bool) -> None:
    config: dict[str, Any] = {**_material(), "plugins": ["search", {"faq": {"feedback": option}}]}
    if analytics:
        config["extra"] = {"analytics": {"provider": "google", "property": "G-TEST", "feedback": FEEDBACK}}
    site = build_in_process(project(config=config), strict=True)
    spans = _feedback_spans(site.html("faq/usage/index.html"))
    assert bool(spans) is expected
    if expected:  # no Material ratings: the conventional 1 / 0
        assert 'data-faq-feedback-yes-value="1"' in spans[0] and 'data-faq-feedback-no-value="0"' in spans[0]


def test_feedback_labels_follow_the_language(project) -> None:
    config = {"theme": {**MATERIAL, "language": "de"}, "plugins": ["search", {"faq": {"feedback": True}}]}
    span = _feedback_spans(build_in_process(project(config=config)).html("faq/basics/index.html"))[0]
    assert 'data-faq-feedback-title="War das hilfreich?"' in span
    assert 'data-faq-feedback-yes="Ja"' in span and 'data-faq-feedback-no="Nein"' in span


# ------------------------------------------------------------------ languages

WORDS = {
    "en": ("Glossary", "Related questions", "Also known as"),
    "de": ("Glossar", "Verwandte Fragen", "Auch bekannt als"),
    "fr": ("Glossaire", "Questions liées", "Aussi appelé"),
    "es": ("Glosario", "Preguntas relacionadas", "También conocido como"),
}


@pytest.mark.parametrize("language", list(WORDS))
@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_labels_follow_the_theme_language(project, theme: str, language: str) -> None:
    setting = {"language": language, "font": False} if theme == "material" else {"locale": language}
    site = build_in_process(project(config={"theme": {"name": theme, **setting}}), strict=True)
    glossary_word, related, aliases = WORDS[language]
    colon = "\u00a0:" if language == "fr" else ":"  # French typography (labels.punctuate)
    glossary = site.html("glossary/index.html")
    assert f">{glossary_word}</h1>" in glossary
    assert f"<strong>{aliases}{colon}</strong>" in glossary
    assert f"<strong>{related}{colon}</strong>" in site.html("faq/basics/index.html")


def test_generated_pages_keep_every_search_entry_and_their_table_of_contents(project) -> None:
    """Material's search sees our pages without their table of contents (its lookup is
    quadratic): every heading must still get its own entry linked by its id, as the table of
    contents would give, and the page must still show its table of contents."""
    site = build_in_process(project(config=_material()), strict=True)
    locations = [d["location"] for d in site.search_index()["docs"]]
    for page, url in (("glossary/index.html", "glossary/"), ("faq/basics/index.html", "faq/basics/"),
                      ("faq/index.html", "faq/")):
        html = site.html(page)
        article = html.split('<article', 1)[1].split("</article>", 1)[0]
        ids = re.findall(r'<h[2-6][^>]*\sid="([^"]+)"', article)
        assert ids, page
        for anchor in ids:
            assert locations.count(f"{url}#{anchor}") == 1, (page, anchor)
            assert f'href="#{anchor}"' in html.split('data-md-component="toc"', 1)[1], (page, anchor)
        assert locations.count(url) == 1
