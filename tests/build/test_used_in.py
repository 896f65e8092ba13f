"""The glossary's "Used in" lists: where they go in the rendered glossary, what they list."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import build_in_process

from mkdocs_faq_plugin.layout import SiteLayout
from mkdocs_faq_plugin.kb.model import Category, KnowledgeBase, Question, Term
from mkdocs_faq_plugin.pages.render import used_in_placeholder
from mkdocs_faq_plugin.pages.used_in import UsedIn, fill

GLOSSARY = (
    '<h1 id="glossary">Glossary</h1>\n'
    '<h2 class="faq-letter" id="faq-letter-a">A</h2>\n'
    '<h3 class="faq-term-entry" id="api">API<a class="headerlink" href="#api">¶</a></h3>\n'
    '<p class="faq-term-definition">An interface.</p>\n'
    '<h4 id="more">More</h4>\n<p>Details of api.</p>\n'
    '<h3 id="apple" class="x faq-term-entry">Apple</h3>\n'
    '<p class="faq-term-definition">A fruit.</p>\n\n'
    '<h2 class="faq-letter" id="faq-letter-b">B</h2>\n'
    '<h3 class="faq-term-entry" id="banana">Banana</h3>\n'
    '<p class="faq-term-definition">Yellow.</p>\n'
)


def block(term_id: str) -> str:
    return f'<div class="faq-used-in">{term_id}</div>' if term_id != "apple" else ""


def test_lists_go_at_the_end_of_each_entry() -> None:
    filled = fill(GLOSSARY, block)
    assert filled == GLOSSARY.replace(
        "<p>Details of api.</p>\n", '<p>Details of api.</p>\n<div class="faq-used-in">api</div>\n'
    ).replace(
        "<p class=\"faq-term-definition\">Yellow.</p>\n",
        '<p class="faq-term-definition">Yellow.</p>\n<div class="faq-used-in">banana</div>\n',
    )
    assert fill(GLOSSARY, lambda _: "") == GLOSSARY


def test_placeholders_of_a_theme_template_take_the_lists() -> None:
    page = GLOSSARY.replace("<p>Details of api.</p>", f"{used_in_placeholder('api')}<p>Details</p>")
    filled = fill(page, block)
    assert '<div class="faq-used-in">api</div><p>Details</p>' in filled
    assert "banana</div>" not in filled  # placeholders decide: none for banana


def test_entries_list_pages_once_and_questions_each() -> None:
    kb = KnowledgeBase(
        categories=(Category("c", "Cat"),),
        questions=(Question("q1", "First?", "a", category="c"), Question("q2", "Second?", "b", category="c")),
        glossary=(Term("api", "API", "An interface."),),
    )
    layout = SiteLayout(kb)
    asked: list[str] = []

    def link(src: str) -> tuple[str, str] | None:
        asked.append(src)
        return None if src == "gone.md" else (f"Title of {src}", f"../{src[:-3]}/")

    lists = UsedIn(kb, layout, link)
    usage = {"b.md": {"", "intro"}, "faq/c.md": {"q2", "q1", "unknown"}, "glossary.md": {"api"},
             "gone.md": {""}, "a.md": {""}}
    assert lists.entries(usage) == [
        ("Title of a.md", "../a/"), ("Title of b.md", "../b/"),
        ("First?", "../faq/c/#q1"), ("Second?", "../faq/c/#q2"),
    ]
    lists.entries(usage)
    assert sorted(asked) == ["a.md", "b.md", "faq/c.md", "gone.md"]  # once per page, ever


def test_theme_template_with_a_placeholder_gets_its_list_there(project, tmp_path: Path) -> None:
    overrides = tmp_path / "overrides" / "faq"
    overrides.mkdir(parents=True)
    (overrides / "_term.md.j2").write_text(
        "### {{ term.term | md_text }} {{ attrs(term.id, 'faq-term-entry') }}\n\n"
        "{{ used_in_placeholder(term.id) }}\n\n"
        "{{ term.definition | md_text }}\n{{ attrs(None, 'faq-term-definition') }}\n",
        encoding="utf-8",
    )
    config = {"theme": {"name": "mkdocs", "custom_dir": "overrides"}}
    site = build_in_process(project(config=config), strict=True)
    entry = site.html("glossary/index.html").split('id="foundation-model"', 1)[1].split("<h3", 1)[0]
    used_in, definition = entry.index('class="faq-used-in'), entry.index("A large model")
    assert used_in < definition
    assert re.search(r'<a href="\.\./?">Home</a>', entry)


def test_default_lists_follow_each_entry_on_a_built_site(project) -> None:
    site = build_in_process(project(), strict=True)
    glossary = site.html("glossary/index.html")
    entry = glossary.split('id="foundation-model"', 1)[1].split("<h3", 1)[0]
    assert entry.index("A large model") < entry.index('class="faq-used-in')
    assert re.search(r'<a href="\.\./?">Home</a>', entry) and "How do I tune a widget?" in entry
    assert glossary.count('<div class="faq-used-in ') == 3  # each term is used somewhere
