"""Material's search lands on the answer: typed into the search box, read from the results.

For every question, its own words (the question without punctuation, which Material would
read as query syntax) must put the question among the first three visible result links for at
least 90 % of questions; for every glossary term, its name must do the same for its entry.
"Visible result links" are what a reader sees in order: each page's heading link, then the
sections Material shows under it, never the ones folded away under "more on this page". Checked
on this repository's own site (English and French in one index) and on a generated site with
300 questions (benchmarks/sitegen.py). The hit rates are recorded as test properties.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from .conftest import ROOT, Served, _bind, _serve, _start_build, skip_without_browser

skip_without_browser()

from benchmarks.sitegen import SiteSpec, generate  # noqa: E402
from mkdocs_faq_plugin.text import slug  # noqa: E402

TARGET = 0.9
GENERATED = SiteSpec(pages=12, terms=60, questions=300)

_RESULTS = ".md-search-result__list"
_TOP_THREE = """() => [...document.querySelectorAll('.md-search-result__list a.md-search-result__link')]
    .filter(link => link.offsetParent !== null).slice(0, 3)
    .map(link => link.getAttribute('href'))"""


def question_words(text: str) -> str:
    """The words of a question, as a reader would type them: no quotes, commas or question
    marks (Material reads quotes as 'all of these words')."""
    return " ".join(re.findall(r"\w[\w.'’-]*\w|\w", text))


def _location(href: str, base: str) -> str:
    parts = urlsplit(href)
    path = parts.path[len(urlsplit(base).path) :] if parts.path.startswith(urlsplit(base).path) else parts.path
    return path + ("#" + parts.fragment if parts.fragment else "")


def top_three(page: Any, base: str, query: str) -> list[str]:
    """Type `query` into Material's search; the locations of the first three result links."""
    search = page.locator(".md-search__input")
    search.fill("")
    search.press("End")  # Material searches on keyup
    page.wait_for_function(f"!document.querySelector('{_RESULTS}').children.length")
    search.fill(query)
    search.press("End")
    page.wait_for_function(
        f"document.querySelector('{_RESULTS}').children.length"
        " || document.querySelector('.md-search-result__meta').textContent.includes('No matching')"
    )
    return [_location(href, base) for href in page.evaluate(_TOP_THREE)]


def hit_rate(page: Any, site: Served, wanted: list[tuple[str, str]]) -> tuple[float, list[str]]:
    """The share of (query, location) pairs whose location is in the query's top three."""
    page.goto(site.url())
    page.keyboard.press("/")
    misses = []
    for query, location in wanted:
        found = top_three(page, site.url(), query)
        if location not in found:
            misses.append(f"{query!r} -> {location} not in {found}")
    return 1 - len(misses) / len(wanted), misses


def _questions(faq: dict[str, Any]) -> list[tuple[str, str]]:
    """(a question's words, its location), each category on its own page."""
    return [(question_words(q["question"]), f"faq/{q['category']}/#{q['id']}") for q in faq["questions"]]


def _terms(faq: dict[str, Any]) -> list[tuple[str, str]]:
    """(a term's name, its glossary entry)."""
    return [(t["term"], f"glossary/#{t.get('id') or slug(t['term'])}") for t in faq["glossary"]]


def _repo_faq() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "faq.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Served, dict[str, Any]]]:
    """The synthetic site with 300 questions, on Material with its search and tags plugins."""
    root = tmp_path_factory.mktemp("ranking-site")
    generate(GENERATED, root)
    site = Served("generated", root / "site")
    _bind(site)
    config = root / "mkdocs.ranking.yml"
    config.write_text(
        yaml.safe_dump(
            {
                "site_name": "Ranking",
                "site_url": site.base_url,
                "docs_dir": "docs_ours",
                "theme": {"name": "material", "font": False},
                "plugins": ["search", "tags", {"faq": {"file": "faq.yml"}}],
                "markdown_extensions": ["toc", "attr_list"],
            }
        ),
        encoding="utf-8",
    )
    process = _start_build(config, site.site_dir)
    output, _ = process.communicate(timeout=600)
    assert process.returncode == 0, output[-3000:]
    _serve(site)
    faq = yaml.safe_load((root / "faq.yml").read_text(encoding="utf-8"))
    try:
        yield site, faq
    finally:
        assert site.server is not None
        site.server.shutdown()
        site.server.server_close()


def _check(rate: float, misses: list[str], what: str) -> None:
    assert rate >= TARGET, f"{what}: {rate:.0%} in the top three, below {TARGET:.0%}:\n" + "\n".join(misses)


def test_a_questions_words_find_it_on_our_site(sites, page, record_property) -> None:
    questions = _questions(_repo_faq())
    rate, misses = hit_rate(page, sites["repo"], questions)
    record_property("question_hit_rate", f"{rate:.3f} of {len(questions)}")
    _check(rate, misses, "questions")


def test_a_terms_name_finds_its_entry_on_our_site(sites, page, record_property) -> None:
    terms = _terms(_repo_faq())
    rate, misses = hit_rate(page, sites["repo"], terms)
    record_property("term_hit_rate", f"{rate:.3f} of {len(terms)}")
    _check(rate, misses, "terms")


def test_a_questions_words_find_it_among_300(generated, page, record_property) -> None:
    site, faq = generated
    questions = _questions(faq)
    assert len(questions) == 300
    rate, misses = hit_rate(page, site, questions)
    record_property("question_hit_rate", f"{rate:.3f} of {len(questions)}")
    _check(rate, misses, "questions")


def test_a_terms_name_finds_its_entry_among_300_questions(generated, page, record_property) -> None:
    site, faq = generated
    terms = _terms(faq)
    rate, misses = hit_rate(page, site, terms)
    record_property("term_hit_rate", f"{rate:.3f} of {len(terms)}")
    _check(rate, misses, "terms")


def test_the_measure_can_fail(sites, page) -> None:
    """A query for words on no page finds nothing: a miss, not a vacuous pass."""
    rate, misses = hit_rate(page, sites["repo"], [("zyxwvut qwertyuiop", "glossary/#token")])
    assert rate == 0 and misses
