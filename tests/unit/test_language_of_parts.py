"""The language of an untranslated entry reaches every block its author wrote (WCAG 3.1.2),
and nothing else: `linker.language` on Markdown as our templates write it."""

from __future__ import annotations

import re
import textwrap

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.extensions import Extension

from mkdocs_faq_plugin.text import attrs, language_tag
from mkdocs_faq_plugin.linker.language import PRIORITY, LanguageOfParts


class _LanguageOnly(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(LanguageOfParts(md), "faq_language", PRIORITY)


def render(text: str, *, language: bool = True) -> str:
    extensions: list[object] = ["attr_list", "fenced_code"]
    if language:
        extensions.append(_LanguageOnly())
    return markdown.markdown(textwrap.dedent(text), extensions=extensions)


PAGE = f"""\
## What is a widget? {attrs("what", "faq-question", lang="en")}

A widget is a small tool.

- it is small
- it is a tool

### In detail

```
code stays code
```

<div class="author">raw HTML from the answer</div>

Ein Satz auf Deutsch.
{{: lang="de" }}

Tags: intro
{attrs(None, "faq-meta", "no-glossary")}

## Was ist ein Gadget? {attrs("gadget", "faq-question")}

Ein Gadget ist ein Werkzeug.
"""


def test_the_blocks_of_an_untranslated_entry_take_its_language() -> None:
    html = render(PAGE)
    assert '<h2 class="faq-question" id="what" lang="en">' in html
    assert '<p lang="en">A widget is a small tool.</p>' in html
    assert '<ul lang="en">' in html
    assert '<h3 lang="en">In detail</h3>' in html  # the author's own heading inside the answer
    # Fenced code is stashed as raw HTML, like raw HTML blocks: written as it was (code has no
    # spoken language to declare).
    assert "<pre><code>code stays code" in html
    assert '<p lang="de">Ein Satz auf Deutsch.</p>' in html  # an author's own lang is kept


def test_our_blocks_and_the_next_entry_keep_the_page_language() -> None:
    html = render(PAGE)
    assert '<p class="faq-meta no-glossary">Tags: intro</p>' in html
    assert '<h2 class="faq-question" id="gadget">' in html
    assert "<p>Ein Gadget ist ein Werkzeug.</p>" in html


def test_raw_html_blocks_are_left_as_python_markdown_writes_them() -> None:
    html = render(PAGE)
    assert '\n<div class="author">raw HTML from the answer</div>\n' in html
    assert "<p lang" not in html.split('<div class="author">')[0].rsplit("\n", 1)[-1]


def test_only_our_headings_start_an_entry() -> None:
    text = '## An author heading {: lang="en" }\n\nText under it.\n'
    assert "<p>Text under it.</p>" in render(text)


def test_a_heading_of_the_entry_level_ends_it() -> None:
    text = f"""\
    # Using widgets {attrs(None, "faq-category-title", lang="en")}

    The description.

    # Another page part

    Not the category's.
    """
    html = render(text)
    assert '<p lang="en">The description.</p>' in html
    assert "<p>Not the category&rsquo;s.</p>" in html or "<p>Not the category's.</p>" in html


_BLOCKS = st.sampled_from(
    [
        "A paragraph.",
        "- a\n- list",
        "## A heading",
        "### A sub-heading {: lang=\"en\" }",
        "```\ncode\n```",
        "<div>raw</div>",
        "> a quote",
        "Text\n{: .faq-meta }",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_BLOCKS, max_size=8))
def test_a_page_without_an_untranslated_entry_is_unchanged(blocks: list[str]) -> None:
    text = "\n\n".join(blocks) + "\n"
    assert render(text) == render(text, language=False)


def test_language_tags_are_checked_and_written_in_bcp_47_form() -> None:
    assert language_tag("pt_BR") == "pt-BR"
    assert attrs("x", "faq-question", lang="zh-Hant") == '{#x .faq-question lang="zh-Hant"}'
    for bad in ('en" onmouseover="x', "", "en us"):
        try:
            language_tag(bad)
        except ValueError:
            continue
        raise AssertionError(f"{bad!r} accepted")
    assert re.fullmatch(r"\{#x\}", attrs("x"))
