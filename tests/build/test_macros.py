"""mkdocs-macros integration: our macros in real builds, in either plugin order, both render modes.

The macros write `faq:`/`glossary:` Markdown links that the plugin's extension resolves for
the page being converted, so every expected href below is relative to that page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import MINIMAL_FAQ, build_cli, build_in_process

from mkdocs_faq_plugin.layout import SiteLayout
from mkdocs_faq_plugin.kb.loading import load_knowledge_base
from mkdocs_faq_plugin.macros import MACRO_NAMES, FaqMacros

ORDERS = {
    "macros-first": ["search", "macros", "faq"],
    "faq-first": ["search", "faq", "macros"],
}

USING_MACROS = """\
# Home

{{ faq_entry("what-is-a-widget") }}

Read {{ faq_link("tuning-widgets") }}, the {{ faq_link("usage") }} page and
{{ glossary_link("FM") }} ({{ glossary_link("fine-tuning", "tuning words") }}).

FM means: {{ glossary_term("FM") }}

{{ faq_list(tag="advanced") }}

Questions in total: {{ faq.questions | length }}.
"""

NESTED = "# Nested\n\n{{ faq_link('what-is-a-widget', 'the widget question') }}\n"


def _plugins(order: str, render_by_default: bool) -> list:
    plugins: list = list(ORDERS[order])
    if not render_by_default:
        plugins[plugins.index("macros")] = {"macros": {"render_by_default": False}}
    return plugins


def _opt_in(markdown: str, render_by_default: bool) -> str:
    return markdown if render_by_default else "---\nrender_macros: true\n---\n" + markdown


def _kb_file(tmp_path: Path, text: str = MINIMAL_FAQ):
    (tmp_path / "faq.yml").write_text(text, encoding="utf-8")
    return load_knowledge_base("faq.yml", str(tmp_path))


@pytest.mark.parametrize("render_by_default", [True, False], ids=["render-all", "opt-in"])
@pytest.mark.parametrize("order", list(ORDERS))
def test_macros_render_relative_links_in_either_order(
    project, order: str, render_by_default: bool
) -> None:
    docs = {
        "index.md": _opt_in(USING_MACROS, render_by_default),
        "deep/nested/page.md": _opt_in(NESTED, render_by_default),
    }
    config = {"plugins": _plugins(order, render_by_default)}
    site = build_in_process(project(docs=docs, config=config), strict=True)
    assert site.warnings == []
    home = site.html("index.html")
    # faq_entry: the question links to its permalink, the answer is converted in place
    # (its own faq:/glossary: links resolved from this page).
    assert re.search(
        r'<p class="faq-entry-question"><strong><a href="faq/basics/#what-is-a-widget">'
        r"What is a widget\?</a></strong></p>",
        home,
    )
    assert "A widget is a small tool." in home
    assert '<a href="faq/usage/#tuning-widgets">tuning</a>' in home
    assert '<a href="faq/usage/#tuning-widgets">How do I tune a widget?</a>' in home
    assert '<a href="faq/usage/">Using widgets</a>' in home
    assert '<a href="glossary/#foundation-model">FM</a>' in home
    assert '<a href="glossary/#fine-tuning">tuning words</a>' in home
    assert "FM</a> means: A large model trained on broad data." in home
    assert re.search(r'<ul>\s*<li><a href="faq/usage/#tuning-widgets">How do I tune a widget\?</a></li>\s*</ul>', home)
    assert "Questions in total: 2." in home
    assert "{{" not in home
    nested = site.html("deep/nested/page/index.html")
    assert '<a href="../../../faq/basics/#what-is-a-widget">the widget question</a>' in nested


@pytest.mark.parametrize("render_by_default", [True, False], ids=["render-all", "opt-in"])
@pytest.mark.parametrize("order", list(ORDERS))
def test_jinja_syntax_in_answers_is_shown_literally(project, order: str, render_by_default: bool) -> None:
    faq = (
        "questions:\n"
        "  - id: templating\n"
        "    question: How do I write {{ name }}?\n"
        "    answer: |\n"
        "      Write `{{ name }}` or {{ name }} in a page; use {% raw %} to escape {% endraw %}.\n"
        "      Comments look like {# this #} in templates.\n"
        "glossary:\n"
        "  - term: placeholder\n"
        "    definition: A {{ slot }} to fill in.\n"
    )
    docs = {
        "index.md": _opt_in(
            "# Home\n\nA placeholder.\n\n{{ faq_entry('templating') }}\n\n{{ glossary_term('placeholder') }}\n",
            render_by_default,
        )
    }
    config = {"plugins": _plugins(order, render_by_default)}
    site = build_in_process(project(faq=faq, docs=docs, config=config), strict=True)
    for path in ("faq/index.html", "index.html"):
        page = site.html(path)
        assert "<code>{{ name }}</code> or {{ name }} in a page; use {% raw %} to escape {% endraw %}." in page, path
        assert "Comments look like {# this #} in templates." in page, path
        assert "How do I write {{ name }}?" in page, path
    assert "A {{ slot }} to fill in." in site.html("glossary/index.html")
    assert "A {{ slot }} to fill in." in site.html("index.html")
    assert not any("macros" in w.lower() for w in site.warnings), site.warnings


@pytest.mark.filterwarnings("ignore:GitWildMatchPattern:DeprecationWarning")  # inside mkdocs-macros
def test_generated_pages_opt_out_of_macros(project) -> None:
    """Generated pages say `render_macros: false`, which wins even over forced rendering."""
    config = {"plugins": ["search", {"macros": {"force_render_paths": "faq/\nglossary.md"}}, "faq"]}
    faq = MINIMAL_FAQ.replace("A widget is a small tool.", "A widget is a {{ size }} tool.")
    site = build_in_process(project(faq=faq, config=config), strict=True)
    assert "A widget is a {{ size }} tool." in site.html("faq/basics/index.html")


def test_alternating_orders_in_one_process(project, tmp_path: Path) -> None:
    """mkdocs-macros keeps early registrations in class-wide dictionaries; ours never go there,
    so building with either order, again and again, in one process keeps working."""
    docs = {"index.md": "# Home\n\n{{ faq_link('tuning-widgets') }} and a foundation model\n"}
    for order in ("faq-first", "macros-first", "faq-first", "macros-first"):
        site = build_in_process(project(docs=docs, config={"plugins": ORDERS[order]}), strict=True)
        assert 'href="faq/usage/#tuning-widgets"' in site.html("index.html"), order
        assert site.warnings == [], order


@pytest.mark.parametrize("order", list(ORDERS))
def test_unknown_ids_stop_the_build_naming_page_and_id(project, order: str) -> None:
    docs = {
        "index.md": "# Home\n\nA foundation model.\n",
        "x.md": "# X\n\n{{ faq_link('nope') }}\n\n{{ glossary_term('zeppelin') }}\n",
        "sub/y.md": "# Y\n\n{{ faq_list(category='basic') }}\n{{ faq_entry('what-is-a-widgte') }}\n",
    }
    site = build_cli(project(docs=docs, config={"plugins": ORDERS[order]}))
    assert site.returncode == 1
    assert "docs/x.md: faq_link: unknown question id 'nope'" in site.output
    assert "docs/x.md: glossary_term: unknown glossary term 'zeppelin'" in site.output
    assert "docs/sub/y.md: faq_list: unknown category id 'basic'; did you mean 'basics'?" in site.output
    assert (
        "docs/sub/y.md: faq_entry: unknown question id 'what-is-a-widgte'; "
        "did you mean 'what-is-a-widget'?"
    ) in site.output
    assert "Traceback" not in site.output


def test_unknown_tag_is_an_error(project) -> None:
    docs = {"index.md": "# Home\n\nA foundation model. {{ faq_list(tag='beginner') }}\n"}
    site = build_cli(project(docs=docs, config={"plugins": ORDERS["faq-first"]}))
    assert site.returncode == 1
    assert "docs/index.md: faq_list: unknown tag 'beginner'" in site.output


def test_names_the_site_already_defines_are_kept_and_reported(project, tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text(
        "def define_env(env):\n"
        "    @env.macro\n"
        "    def faq_link(x):\n"
        "        return 'own ' + x\n",
        encoding="utf-8",
    )
    docs = {"index.md": "# Home\n\n{{ faq_link('x') }} {{ faq_list(tag='intro') }} foundation model\n"}
    config = {"plugins": ORDERS["faq-first"], "extra": {"faq": "site variable"}}
    site = build_in_process(project(docs=docs, config=config))
    assert any("already defines a macro 'faq_link'" in w for w in site.warnings), site.warnings
    assert any("already defines a variable 'faq'" in w for w in site.warnings), site.warnings
    home = site.html("index.html")
    assert "own x" in home
    assert 'href="faq/basics/#what-is-a-widget"' in home  # the other macros still work


def test_sites_without_macros_are_untouched(project) -> None:
    docs = {"index.md": "# Home\n\nA foundation model, {{ faq_link('x') }}.\n"}
    site = build_in_process(project(docs=docs), strict=True)
    assert "{{ faq_link('x') }}" in site.html("index.html")


# ------------------------------------------------------------------ the macros without a build


def test_macro_markdown(tmp_path: Path) -> None:
    kb = _kb_file(tmp_path)
    macros = FaqMacros(kb, current_page=lambda: "docs/page.md")
    assert set(macros.macros()) == set(MACRO_NAMES)
    assert macros.variables() == {"faq": kb}
    assert macros.faq_link("what-is-a-widget") == "[What is a widget?](faq:what-is-a-widget)"
    assert macros.faq_link("basics", "Basics") == "[Basics](faq:basics)"
    assert macros.faq_link("") == "[FAQ](faq:)"
    assert macros.glossary_link("FM") == "[FM](glossary:foundation-model)"
    assert macros.glossary_link("foundation-model") == "[foundation model](glossary:foundation-model)"
    assert macros.glossary_term("parameter") == r"A number the model learns\."  # Markdown-escaped
    assert macros.faq_list(category="basics") == "- [What is a widget?](faq:what-is-a-widget)\n"
    assert macros.faq_list(category="basics", tag="advanced") == ""
    entry = macros.faq_entry("tuning-widgets")
    assert entry.startswith("**[How do I tune a widget?](faq:tuning-widgets)**\n{: .faq-entry-question }\n\n")
    assert entry.endswith("Use fine-tuning on a foundation model.\n")
    assert macros.errors == []


def test_macro_text_is_escaped_for_markdown(tmp_path: Path) -> None:
    faq = (
        "questions:\n"
        "  - id: stars\n"
        "    question: 'Is *this* [a link](x) <b>?'\n"
        "    answer: Yes.\n"
    )
    macros = FaqMacros(_kb_file(tmp_path, faq))
    assert macros.faq_link("stars") == r"[Is \*this\* \[a link\]\(x\) &lt;b&gt;?](faq:stars)"


def test_unknown_ids_are_collected_with_the_page(tmp_path: Path) -> None:
    page = {"src": "docs/a.md"}
    macros = FaqMacros(_kb_file(tmp_path), current_page=lambda: page["src"])
    assert macros.faq_link("nope") == ""
    page["src"] = None
    assert macros.glossary_link("nope", "text") == "text"
    assert macros.errors == [
        "docs/a.md: faq_link: unknown question id 'nope'",
        "glossary_link: unknown glossary term 'nope'",
    ]


def test_layout_resolves_what_the_macros_write(tmp_path: Path) -> None:
    kb = _kb_file(tmp_path)
    layout = SiteLayout(kb)
    macros = FaqMacros(kb)
    for written in (macros.faq_link("tuning-widgets"), macros.glossary_link("FM"), macros.faq_link("usage")):
        href = written.rsplit("(", 1)[1].rstrip(")")
        assert layout.resolve(href, "guide/page.md") is not None, href
