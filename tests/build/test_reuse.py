"""Reusing one knowledge base across handbooks: several files, audiences, review dates, faq.json."""

from __future__ import annotations

import datetime
import json
import re
import textwrap
from pathlib import Path

import pytest
from conftest import MINIMAL_FAQ, build_cli, build_in_process

from mkdocs_faq_plugin.kb.audience import Dropped, is_published, links_to_dropped, select
from mkdocs_faq_plugin.pages.export import export_data
from mkdocs_faq_plugin.layout import SiteLayout
from mkdocs_faq_plugin.kb.loading import load, load_knowledge_base
from mkdocs_faq_plugin.kb.model import KnowledgeBase, Location, Question
from mkdocs_faq_plugin.kb.review import MaxAge, parse_max_age, stale_questions


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


# ------------------------------------------------------------------ several files

PART_A = """\
title: Handbook
categories:
  - id: basics
    title: Basics
questions:
  - id: one
    question: Question one?
    answer: See [two](faq:two) and the [widget](glossary:widget).
    category: basics
glossary:
  - term: widget
    definition: A small tool.
"""

PART_B = """\
categories:
  - id: advanced
    title: Advanced
questions:
  - id: two
    question: Question two?
    answer: A widget answer.
    category: advanced
"""


def test_globbed_files_merge_into_one_site(project, tmp_path: Path) -> None:
    _write(tmp_path, {"faq.d/a.yml": PART_A, "faq.d/b.yml": PART_B})
    config = project(faq=None, config={"plugins": ["search", {"faq": {"file": "faq.d/*.yml"}}]})
    site = build_in_process(config, strict=True)
    assert 'href="../advanced/#two"' in site.html("faq/basics/index.html")
    assert 'id="two"' in site.html("faq/advanced/index.html")
    assert 'id="widget"' in site.html("glossary/index.html")


def test_duplicates_across_files_name_both_files_and_lines(project, tmp_path: Path) -> None:
    duplicate = PART_B + "  - id: one\n    question: Again?\n    answer: Twice.\n    category: advanced\n"
    duplicate += "glossary:\n  - term: Widget\n    id: widget-again\n    definition: Again.\n"
    _write(tmp_path, {"faq.d/a.yml": PART_A, "faq.d/b.yml": duplicate})
    result = load("faq.d/*.yml", str(tmp_path))
    assert result.kb is None
    messages = [str(p) for p in result.problems]
    assert "faq.d/b.yml:9:9: questions[1].id 'one' is used twice (first at faq.d/a.yml:6:9)" in messages
    assert "faq.d/b.yml:14:11: glossary[0].term 'Widget' already names term 'widget' (at faq.d/a.yml:11:11)" in messages
    config = project(faq=None, config={"plugins": ["search", {"faq": {"file": ["faq.d/a.yml", "faq.d/b.yml"]}}]})
    site = build_cli(config)
    assert site.returncode == 1
    assert "faq.d/b.yml:9:9: questions[1].id 'one' is used twice (first at faq.d/a.yml:6:9)" in site.output
    assert "Traceback" not in site.output


def test_a_glob_matching_nothing_is_reported(project) -> None:
    site = build_cli(project(faq=None, config={"plugins": ["search", {"faq": {"file": "faq.d/*.yml"}}]}))
    assert site.returncode == 1
    assert "faq.d/*.yml: no file matches this pattern" in site.output


# ------------------------------------------------------------------ audiences: the pure selection

AUDIENCE_FAQ = """\
title: Handbook
description: Start with [the public question](faq:public-q) or [the secret](faq:secret-q).
categories:
  - id: general
    title: General
  - id: ops
    title: Operations
    audience: [internal]
  - id: mixed
    title: Mixed
questions:
  - id: public-q
    question: What is public?
    answer: Everyone reads this. The [secret](faq:secret-q), [ops](faq:ops) and [SLA](glossary:SLA).
    category: general
    tags: [shared]
    related: [secret-q, partner-q]
  - id: secret-q
    question: What is internal?
    answer: Only staff read this about the service level agreement.
    category: general
    audience: [internal]
    tags: [staff]
  - id: partner-q
    question: What do partners see?
    answer: Partners and staff.
    category: general
    audience: [partner, internal]
  - id: ops-q
    question: How do we deploy?
    answer: Public audience but an internal category.
    category: ops
  - id: mixed-q
    question: Only internal in a public category?
    answer: Yes.
    category: mixed
    audience: [internal]
glossary:
  - term: widget
    definition: A small tool.
    see: [service-level-agreement]
  - term: service level agreement
    id: service-level-agreement
    aliases: [SLA]
    definition: What we promise to customers.
    audience: [internal]
    details: Compare with the [widget](glossary:widget).
"""


@pytest.fixture
def audience_kb(tmp_path: Path) -> KnowledgeBase:
    (tmp_path / "faq.yml").write_text(AUDIENCE_FAQ, encoding="utf-8")
    return load_knowledge_base("faq.yml", str(tmp_path))


@pytest.mark.parametrize(("entry", "selected", "published"), [
    ((), (), True),
    (("internal",), (), True),
    ((), ("public",), True),
    (("internal",), ("public",), False),
    (("partner", "internal"), ("internal",), True),
    (("partner",), ("public", "partner"), True),
])
def test_is_published(entry: tuple, selected: tuple, published: bool) -> None:
    assert is_published(entry, selected) is published


def test_no_audiences_selects_everything(audience_kb: KnowledgeBase) -> None:
    kb, dropped = select(audience_kb, [])
    assert kb is audience_kb
    assert not dropped and dropped == Dropped()


def test_select_public(audience_kb: KnowledgeBase) -> None:
    kb, dropped = select(audience_kb, ["public"])
    assert [q.id for q in kb.questions] == ["public-q"]
    assert [c.id for c in kb.categories] == ["general"]  # ops: internal; mixed: emptied
    assert [t.id for t in kb.glossary] == ["widget"]
    assert dropped == Dropped(
        categories=("ops", "mixed"),
        questions=("secret-q", "partner-q", "ops-q", "mixed-q"),
        terms=("service-level-agreement",),
    )
    assert dropped.count == 7
    public = kb.questions_by_id["public-q"]
    assert public.related == ()
    # Links to left-out entries keep their text only: no id of theirs is published.
    assert public.answer == "Everyone reads this. The secret, ops and SLA."
    assert kb.description == "Start with [the public question](faq:public-q) or the secret."
    assert kb.terms_by_id["widget"].see == ()
    assert kb.tags == ("shared",)
    assert kb.questions_by_id["public-q"].location is not None


def test_select_internal_and_partner(audience_kb: KnowledgeBase) -> None:
    internal, dropped = select(audience_kb, ["internal"])
    assert len(internal.questions) == 5 and not dropped
    partner, dropped = select(audience_kb, ["partner"])
    assert [q.id for q in partner.questions] == ["public-q", "partner-q"]
    assert partner.questions_by_id["public-q"].related == ("partner-q",)


def test_links_to_dropped_entries_are_located_warnings(audience_kb: KnowledgeBase) -> None:
    kb, _ = select(audience_kb, ["public"])
    problems = links_to_dropped(audience_kb, kb, ["public"])
    assert all(p.severity == "warning" for p in problems)
    messages = [str(p) for p in problems]
    assert messages == [
        "faq.yml:1:1: the description links to question 'secret-q' ('faq:secret-q'), which is "
        "not published for audiences public (it is written for internal); the link becomes plain text",
        "faq.yml:12:5: question 'public-q' links to question 'secret-q' ('faq:secret-q'), which "
        "is not published for audiences public (it is written for internal); the link becomes plain text",
        "faq.yml:12:5: question 'public-q' links to category 'ops' ('faq:ops'), which is not "
        "published for audiences public (it is written for internal); the link becomes plain text",
        "faq.yml:12:5: question 'public-q' links to term 'service-level-agreement' ('glossary:SLA'), "
        "which is not published for audiences public (it is written for internal); the link becomes "
        "plain text",
    ]
    assert links_to_dropped(audience_kb, audience_kb) == []


def test_a_warning_says_which_audience_leaves_the_target_out(tmp_path: Path) -> None:
    """Not every target names an audience itself: its category may, or its questions."""
    text = AUDIENCE_FAQ.replace(
        "answer: Everyone reads this.", "answer: See [deploying](faq:ops-q) and [mixed](faq:mixed). Everyone reads this."
    )
    (tmp_path / "faq.yml").write_text(text, encoding="utf-8")
    original = load_knowledge_base("faq.yml", str(tmp_path))
    kb, _ = select(original, ["public"])
    reasons = [str(p).split("public (", 1)[1].split(")", 1)[0] for p in links_to_dropped(original, kb, ["public"])]
    assert reasons[1:3] == ["its category 'ops' is written for internal", "none of its questions is"]


def test_export_of_a_selection_has_no_dropped_entries(audience_kb: KnowledgeBase) -> None:
    kb, _ = select(audience_kb, ["public"])
    text = json.dumps(export_data(kb, SiteLayout(kb)))
    for hidden in ("secret-q", "partner-q", "ops-q", "service-level-agreement", "Operations"):
        assert hidden not in text


# ------------------------------------------------------------------ audiences: builds


def _audience_site(project, audiences: list[str] | None, **extra):
    docs = {
        "index.md": "# Home\n\nA widget and a service level agreement. [SLA](glossary:SLA), [secret](faq:secret-q).\n",
    }
    options = {"audiences": audiences} if audiences is not None else {}
    options.update(extra)
    config = {"theme": {"name": "material", "font": False}, "plugins": ["search", {"faq": options}]}
    return project(faq=AUDIENCE_FAQ, docs=docs, config=config)


def test_dropped_entries_vanish_from_every_output(project) -> None:
    site = build_in_process(_audience_site(project, ["public"]))
    out = site.site_dir
    assert not (out / "faq/ops").exists() and not (out / "faq/mixed").exists()
    general = site.html("faq/general/index.html")
    assert 'id="public-q"' in general
    for hidden in ("secret-q", "What is internal?", "partner-q", "Operations"):
        assert hidden not in general, hidden
    assert "What is internal?" not in site.html("faq/index.html")
    glossary = site.html("glossary/index.html")
    assert 'id="widget"' in glossary and "service-level-agreement" not in glossary
    # No tooltip for a dropped term, and the link to it is plain text with a warning.
    home = site.html("index.html")
    assert 'data-faq-term="service-level-agreement"' not in home
    assert 'data-faq-term="widget"' in home
    assert "index.md: unknown glossary: link target 'SLA'" in "\n".join(site.warnings)
    assert "index.md: unknown faq: link target 'secret-q'" in "\n".join(site.warnings)
    # Answers on generated pages that link to dropped entries warn with their location.
    assert any(
        "faq.yml:12:5: question 'public-q' links to question 'secret-q'" in w
        for w in site.warnings
    ), site.warnings
    search = json.dumps(site.search_index())
    assert "secret-q" not in search and "What is internal?" not in search
    assert "What is public?" in search
    jsonld = re.findall(r'<script type="application/ld\+json">(.*?)</script>', general, re.S)
    assert [e["name"] for b in jsonld for e in json.loads(b)["mainEntity"]] == ["What is public?"]
    data = json.loads(site.html("faq/faq.json"))
    assert [q["id"] for q in data["questions"]] == ["public-q"]
    assert [c["id"] for c in data["categories"]] == ["general"]
    assert [t["id"] for t in data["glossary"]] == ["widget"]


def test_internal_handbook_publishes_everything_for_internal(project) -> None:
    site = build_in_process(_audience_site(project, ["internal"]))
    assert 'id="secret-q"' in site.html("faq/general/index.html")
    assert 'id="ops-q"' in site.html("faq/ops/index.html")
    assert not any("links to" in w for w in site.warnings)


def test_without_audiences_everything_is_published(project) -> None:
    site = build_in_process(_audience_site(project, None))
    data = json.loads(site.html("faq/faq.json"))
    assert len(data["questions"]) == 5 and len(data["glossary"]) == 2


def test_public_handbook_fails_strict_on_links_to_dropped_entries(project) -> None:
    site = build_cli(_audience_site(project, ["public"]), strict=True)
    assert site.returncode == 1
    assert "faq.yml:12:5: question 'public-q' links to category 'ops'" in site.output


def test_macros_explain_ids_left_out_by_audiences(project) -> None:
    docs = {"index.md": "# Home\n\nA widget. {{ faq_link('secret-q') }}\n"}
    config = {"plugins": ["search", "macros", {"faq": {"audiences": ["public"]}}]}
    site = build_cli(project(faq=AUDIENCE_FAQ, docs=docs, config=config))
    assert site.returncode == 1
    assert (
        "docs/index.md: faq_link: unknown question id 'secret-q' "
        "(it is not published for audiences public)"
    ) in site.output


# ------------------------------------------------------------------ review dates


@pytest.mark.parametrize(("text", "expected"), [
    ("180d", MaxAge(180, "d")),
    ("26w", MaxAge(26, "w")),
    ("6m", MaxAge(6, "m")),
    ("1Y", MaxAge(1, "y")),
    (" 30 d ", MaxAge(30, "d")),
    (90, MaxAge(90, "d")),
])
def test_parse_max_age(text, expected: MaxAge) -> None:
    assert parse_max_age(text) == expected


@pytest.mark.parametrize("text", ["", "6", "six months", "0d", "-3d", "6h", True, "1.5m"])
def test_parse_max_age_refuses(text) -> None:
    with pytest.raises(ValueError, match="180d"if text not in ("0d",) else "more than zero"):
        parse_max_age(text)


@pytest.mark.parametrize(("age", "today", "cutoff"), [
    ("10d", datetime.date(2026, 3, 5), datetime.date(2026, 2, 23)),
    ("2w", datetime.date(2026, 3, 5), datetime.date(2026, 2, 19)),
    ("6m", datetime.date(2026, 8, 31), datetime.date(2026, 2, 28)),
    ("1m", datetime.date(2024, 3, 31), datetime.date(2024, 2, 29)),
    ("14m", datetime.date(2026, 1, 15), datetime.date(2024, 11, 15)),
    ("1y", datetime.date(2024, 2, 29), datetime.date(2023, 2, 28)),
])
def test_cutoff_counts_calendar_months(age: str, today: datetime.date, cutoff: datetime.date) -> None:
    assert parse_max_age(age).cutoff(today) == cutoff


def _question(qid: str, reviewed: datetime.date | None, owner: str | None = None, line: int = 1) -> Question:
    return Question(qid, f"{qid}?", "answer", reviewed=reviewed, owner=owner, location=Location("faq.yml", line, 5))


def test_stale_questions() -> None:
    today = datetime.date(2026, 1, 1)
    kb = KnowledgeBase(questions=(
        _question("old", datetime.date(2025, 3, 7), "Docs team", 40),
        _question("fresh", datetime.date(2025, 12, 1), "Docs team", 50),
        _question("edge", datetime.date(2025, 7, 1), None, 60),
        _question("older", datetime.date(2025, 6, 30), None, 70),
        _question("never", None, "Support", 80),
    ))
    messages = [str(p) for p in stale_questions(kb, "6m", today)]
    assert messages == [
        "faq.yml:40:5: question 'old' was last reviewed 2025-03-07 (300 days ago; owner: Docs team)",
        "faq.yml:70:5: question 'older' was last reviewed 2025-06-30 (185 days ago; no owner)",
    ]
    with_missing = [str(p) for p in stale_questions(kb, MaxAge(6, "m"), today, include_missing=True)]
    assert with_missing[-1] == "faq.yml:80:5: question 'never' has no 'reviewed' date (owner: Support)"
    assert all(p.severity == "warning" for p in stale_questions(kb, "1d", today))
    assert stale_questions(kb, "5y", today) == []


def test_review_after_warns_at_build(project) -> None:
    old = (datetime.date.today() - datetime.timedelta(days=400)).isoformat()
    recent = (datetime.date.today() - datetime.timedelta(days=3)).isoformat()
    faq = MINIMAL_FAQ.replace(
        "    tags: [intro]\n",
        f"    tags: [intro]\n    reviewed: {old}\n    owner: Docs team\n",
    ).replace(
        "    tags: [intro, advanced]\n",
        f"    tags: [intro, advanced]\n    reviewed: {recent}\n",
    )
    config = project(faq=faq, config={"plugins": ["search", {"faq": {"review_after": "26w"}}]})
    site = build_in_process(config)
    stale = [w for w in site.warnings if "last reviewed" in w]
    assert len(stale) == 1
    assert stale[0].endswith(
        f"faq.yml:8:5: question 'what-is-a-widget' was last reviewed {old} "
        "(400 days ago; owner: Docs team)"
    )
    assert build_cli(config, strict=True).returncode == 1
    # Off by default.
    quiet = project(faq=faq)
    assert not any("last reviewed" in w for w in build_in_process(quiet).warnings)


def test_review_after_must_be_an_age(project) -> None:
    site = build_cli(project(config={"plugins": ["search", {"faq": {"review_after": "half a year"}}]}))
    assert site.returncode == 1
    assert "review_after" in site.output and "expected an age like 180d" in site.output
    assert "Traceback" not in site.output


# ------------------------------------------------------------------ faq.json


def test_every_build_writes_faq_json(project) -> None:
    site = build_in_process(project(), strict=True)
    data = json.loads(site.html("faq/faq.json"))
    assert data["version"] == 1 and data["title"] == "Widget FAQ" and data["site_root"] == "../"
    question = next(q for q in data["questions"] if q["id"] == "what-is-a-widget")
    assert question["url"] == "faq/basics/#what-is-a-widget"
    assert question["related"] == ["tuning-widgets"]
    assert question["answer_text"].startswith("A widget is a small tool.")
    assert {t["id"]: t["url"] for t in data["glossary"]}["parameter"] == "glossary/#parameter"
    assert [c["url"] for c in data["categories"]] == ["faq/basics/", "faq/usage/"]


def test_faq_json_follows_site_url_urls_and_faq_dir(project) -> None:
    config = {
        "site_url": "https://docs.example.org/handbook/",
        "use_directory_urls": False,
        "plugins": ["search", {"faq": {"faq_dir": "help", "glossary_page": "terms.md"}}],
    }
    site = build_in_process(project(config=config), strict=True)
    data = json.loads(site.html("help/faq.json"))
    urls = {q["id"]: q["url"] for q in data["questions"]}
    assert urls["tuning-widgets"] == "https://docs.example.org/handbook/help/usage.html#tuning-widgets"
    assert data["glossary"][0]["url"].startswith("https://docs.example.org/handbook/terms.html#")
    assert not (site.site_dir / "faq").exists()
