"""End-to-end builds of real sites: generated pages, nav, search, JSON-LD, links, logs."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import MINIMAL_FAQ, build_cli, build_in_process

THEMES = ["mkdocs", "readthedocs", "material"]


def _jsonld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            element_id = dict(attrs).get("id")
            if element_id:
                self.ids[element_id] = tag


def _heading_ids(html: str) -> dict[str, str]:
    parser = _Headings()
    parser.feed(html)
    return parser.ids


@pytest.mark.parametrize("theme", THEMES)
def test_zero_configuration_site_gets_faq_and_glossary(project, theme: str) -> None:
    site = build_in_process(project(config={"theme": {"name": theme}}), strict=True)
    basics = site.html("faq/basics/index.html")
    assert _heading_ids(basics).get("what-is-a-widget") == "h2"
    index = site.html("faq/index.html")
    assert 'href="basics/#what-is-a-widget"' in index
    assert 'href="usage/#tuning-widgets"' in index
    glossary = site.html("glossary/index.html")
    ids = _heading_ids(glossary)
    assert {"foundation-model", "parameter", "fine-tuning"} <= set(ids)
    assert site.warnings == []


@pytest.mark.parametrize("theme", THEMES)
def test_each_question_is_its_own_search_result(project, theme: str) -> None:
    site = build_in_process(project(config={"theme": {"name": theme}}))
    locations = {doc["location"] for doc in site.search_index()["docs"]}
    assert "faq/basics/#what-is-a-widget" in locations
    assert "faq/usage/#tuning-widgets" in locations
    assert "glossary/#fine-tuning" in locations


def test_question_links_resolve_relative_to_each_page(project) -> None:
    docs = {
        "index.md": "# Home\n\nSee [widgets](faq:what-is-a-widget) and [FM](glossary:FM).\n",
        "deep/nested/page.md": "# Deep\n\n[tune](faq:tuning-widgets), [all](faq:), [cat](faq:usage)\n",
    }
    site = build_in_process(project(docs=docs), strict=True)
    home = site.html("index.html")
    assert 'href="faq/basics/#what-is-a-widget"' in home
    assert 'href="glossary/#foundation-model"' in home
    deep = site.html("deep/nested/page/index.html")
    assert 'href="../../../faq/usage/#tuning-widgets"' in deep
    assert 'href="../../../faq/"' in deep
    assert 'href="../../../faq/usage/"' in deep


def test_links_work_without_directory_urls(project) -> None:
    site = build_in_process(project(config={"use_directory_urls": False}), strict=True)
    index = site.html("faq/index.html")
    assert 'href="basics.html#what-is-a-widget"' in index
    answer = site.html("faq/basics.html")
    assert 'href="usage.html#tuning-widgets"' in answer
    assert 'href="../glossary.html#parameter"' in answer


def test_unknown_link_target_on_a_page_warns_and_fails_strict(project) -> None:
    config = project(docs={"index.md": "# Home\n\nA [broken](faq:no-such-question) link.\n"})
    site = build_cli(config, strict=True)
    assert site.returncode == 1
    assert "index.md: unknown faq: link target 'no-such-question'" in site.output
    assert "Traceback" not in site.output


def test_related_questions_show_both_ways_with_tags_and_sources(project) -> None:
    site = build_in_process(project())
    usage = site.html("faq/usage/index.html")
    # tuning-widgets does not list a related question; the backlink comes from what-is-a-widget.
    assert 'href="../basics/#what-is-a-widget"' in usage
    assert 'href="https://example.org/manual"' in usage
    assert "advanced" in usage


def test_faq_pages_embed_faqpage_jsonld(project) -> None:
    site = build_in_process(project())
    data = _jsonld(site.html("faq/basics/index.html"))
    assert len(data) == 1
    assert data[0]["@type"] == "FAQPage"
    entity = data[0]["mainEntity"][0]
    assert entity["name"] == "What is a widget?"
    assert "small tool" in entity["acceptedAnswer"]["text"]
    assert _jsonld(site.html("index.html")) == []


def test_jsonld_can_be_switched_off(project) -> None:
    site = build_in_process(project(config={"plugins": ["search", {"faq": {"json_ld": False}}]}))
    assert _jsonld(site.html("faq/basics/index.html")) == []


def test_no_categories_puts_every_question_on_the_index(project) -> None:
    faq = (
        "questions:\n"
        "  - id: one\n    question: First?\n    answer: The first answer.\n"
        "  - id: two\n    question: Second?\n    answer: The second answer.\n"
    )
    site = build_in_process(project(faq=faq))
    ids = _heading_ids(site.html("faq/index.html"))
    assert ids.get("one") == "h2" and ids.get("two") == "h2"


def test_hostile_text_is_escaped(project) -> None:
    faq = (
        "questions:\n"
        "  - id: evil\n"
        "    question: 'Is <script>alert(1)</script> \"quoted\" & safe?'\n"
        "    answer: \"Mentions the evil term. `<script>` in code is shown.\"\n"
        "    sources: [{title: '<img src=x onerror=alert(3)>', url: 'https://example.org/?a=1&b=\"2\"'}]\n"
        "glossary:\n"
        "  - term: evil term\n"
        "    definition: '\"><script>alert(4)</script>'\n"
    )
    docs = {"index.md": "# Home\n\nThe evil term is here.\n"}
    site = build_in_process(project(faq=faq, docs=docs), strict=True)
    for path in ("faq/index.html", "glossary/index.html", "index.html"):
        html = site.html(path)
        assert "<script>alert" not in html, path
        assert "<img src=x" not in html, path
    assert "&lt;script&gt;" in site.html("faq/index.html")
    data = _jsonld(site.html("faq/index.html"))
    assert data[0]["mainEntity"][0]["name"] == 'Is <script>alert(1)</script> "quoted" & safe?'


def test_script_in_an_answer_warns_and_cannot_end_the_jsonld(project) -> None:
    faq = (
        "questions:\n"
        "  - id: evil\n"
        "    question: Evil?\n"
        "    answer: \"Ends </script><script>alert(2)</script>\"\n"
    )
    config = project(faq=faq, docs={"index.md": "# Home\n"}, config={"plugins": [
        "search", {"faq": {"glossary": {"enabled": False}}}]})
    site = build_cli(config)
    assert "faq.yml:4:13: questions[0].answer: contains a <script> tag" in site.output
    assert build_cli(config, strict=True).returncode == 1
    raw = site.html("faq/index.html")
    script = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "</script" not in script and "<script" not in script
    assert "alert(2)" in _jsonld(raw)[0]["mainEntity"][0]["acceptedAnswer"]["text"]


@pytest.mark.parametrize("explicit", [False, True])
def test_nav_gets_faq_section_and_glossary_at_the_end(project, explicit: bool) -> None:
    config: dict = {"theme": {"name": "mkdocs"}}
    docs = {"index.md": "# Home\n", "zzz.md": "# Last page\n"}
    if explicit:
        config["nav"] = [{"Home": "index.md"}, {"Last": "zzz.md"}]
    site = build_in_process(project(config=config, docs=docs))
    html = site.html("index.html")
    nav_text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert nav_text.index("Last") < nav_text.index("FAQ") < nav_text.index("The basics")
    assert nav_text.index("Using widgets") < nav_text.index("Glossary")


def test_explicit_nav_placement_is_respected(project) -> None:
    config = {
        "theme": {"name": "mkdocs"},
        "nav": [{"Terms": "glossary.md"}, {"Home": "index.md"}, {"Questions": "faq/index.md"}],
    }
    site = build_in_process(project(config=config))
    html = site.html("index.html")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert text.index("Terms") < text.index("Home") < text.index("Questions")


def test_nav_option_false_leaves_navigation_alone(project) -> None:
    config = {
        "theme": {"name": "mkdocs"},
        "nav": [{"Home": "index.md"}],
        "plugins": ["search", {"faq": {"nav": False}}],
    }
    site = build_in_process(project(config=config))
    assert "Glossary" not in site.html("index.html").split("<body", 1)[1].split("</nav>", 1)[0]
    assert (site.site_dir / "glossary" / "index.html").exists()


def test_literate_nav_sees_generated_pages(project) -> None:
    docs = {
        "index.md": "# Home\n",
        "SUMMARY.md": "* [Home](index.md)\n* [Questions](faq/index.md)\n    * [Basics](faq/basics.md)\n* [Glossary](glossary.md)\n",
    }
    config = {"theme": {"name": "mkdocs"}, "plugins": ["search", "faq", "literate-nav"]}
    site = build_in_process(project(docs=docs, config=config), strict=True)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", site.html("index.html")))
    assert text.index("Home") < text.index("Questions") < text.index("Basics") < text.index("Glossary")


def test_properdocs_builds_the_same_site(project) -> None:
    config = project(config={"theme": {"name": "material", "font": False}})
    site = build_cli(config, tool="properdocs", strict=True)
    assert site.returncode == 0, site.output
    assert 'id="what-is-a-widget"' in site.html("faq/basics/index.html")
    assert 'data-faq-term="foundation-model"' in site.html("index.html")


def test_edit_link_points_at_faq_yml(project) -> None:
    config = {"repo_url": "https://example.org/repo", "edit_uri": "edit/main/docs/", "theme": {"name": "mkdocs"}}
    site = build_in_process(project(config=config))
    assert 'href="https://example.org/repo/edit/main/faq.yml"' in site.html("faq/basics/index.html")


def test_generated_page_clash_is_a_clear_error(project) -> None:
    config = project(docs={"index.md": "# Home\n", "glossary.md": "# My own glossary\n"})
    site = build_cli(config)
    assert site.returncode == 1
    assert "glossary.md exists, but the faq plugin generates that page" in site.output
    assert "Traceback" not in site.output


def test_invalid_faq_stops_before_the_site_is_touched(project, tmp_path: Path) -> None:
    config = project()
    first = build_cli(config)
    assert first.returncode == 0
    marker = first.site_dir / "index.html"
    before = marker.read_text()
    (tmp_path / "faq.yml").write_text(MINIMAL_FAQ.replace("id: tuning-widgets", "id: what-is-a-widget"))
    second = build_cli(config)
    assert second.returncode == 1
    assert "faq.yml:16:9: questions[1].id 'what-is-a-widget' is used twice (first at faq.yml:8:9)" in second.output
    assert "Traceback" not in second.output
    assert marker.read_text() == before




def test_glossary_lists_where_each_term_is_used(project) -> None:
    docs = {"index.md": "# Home\n\nA foundation model.\n", "other.md": "# Other page\n\nFine-tuning helps.\n"}
    site = build_in_process(project(docs=docs))
    glossary = site.html("glossary/index.html")
    fine = glossary.split('id="fine-tuning"', 1)[1].split("<h3", 1)[0]
    assert 'href="../other/"' in fine
    assert 'href="../faq/usage/#tuning-widgets"' in fine


def test_template_override_from_theme_custom_dir(project, tmp_path: Path) -> None:
    overrides = tmp_path / "overrides" / "faq"
    overrides.mkdir(parents=True)
    (overrides / "glossary.md.j2").write_text("---\ntitle: Custom\n---\n# Our own glossary page\n")
    config = {"theme": {"name": "mkdocs", "custom_dir": "overrides"}}
    site = build_in_process(project(config=config))
    assert "Our own glossary page" in site.html("glossary/index.html")


def test_labels_follow_theme_language(project) -> None:
    config = {"theme": {"name": "mkdocs", "locale": "de"}}
    site = build_in_process(project(config=config))
    assert "Glossar" in site.html("glossary/index.html")


def test_used_in_lists_show_the_limit_and_disclose_the_rest(project) -> None:
    docs = {f"page-{n}.md": f"# Page {n}\n\nA foundation model.\n" for n in range(5)}
    config = {"plugins": ["search", {"faq": {"glossary": {"used_in_limit": 2}}}]}
    site = build_in_process(project(docs=docs, config=config))
    entry = site.html("glossary/index.html").split('id="foundation-model"', 1)[1].split("<h3", 1)[0]
    used_in = entry.split('class="faq-used-in', 1)[1].split("</div>", 1)[0]
    shown, rest = used_in.split('<details class="faq-used-in-more">', 1)
    assert shown.count("<a href=") == 2
    # five pages and the question, two shown: the other four behind "and 4 more"
    assert rest.startswith("<summary>and 4 more</summary>")
    assert rest.count("<a href=") == 4 and rest.endswith("</details>")


def test_used_in_limit_zero_leaves_the_lists_out(project) -> None:
    config = {"plugins": ["search", {"faq": {"glossary": {"used_in_limit": 0}}}]}
    site = build_in_process(project(config=config), strict=True)
    assert "faq-used-in" not in site.html("glossary/index.html")
