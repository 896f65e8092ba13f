"""The last look at a generated page's rendered HTML, before anyone else reads it.

Two things are checked on the HTML the host actually rendered (with the site's own Markdown
extensions, which `kb.validation`'s per-field judgement cannot know):

* no question (or term) heading is swallowed: HTML an author left open (an unclosed `<div>`,
  `<pre>`, `<details>`) holds the Markdown after it unrendered, headings included, and that
  is an error naming the entry before the first one lost;
* with `active_html: strip`, script in author HTML is removed (`active_html.strip`); the
  plugin's own markup on the page holds none.

Pure: the plugin passes the page's HTML and gets it back with the problems found.
"""

from __future__ import annotations

import re

from ..kb import active_html
from ..kb.problems import Problem
from ..layout import SiteLayout
from ..text import fold

_HEADING_ID = re.compile(r"<h[1-6]\b[^>]*?\sid=\"([^\"]+)\"")


def _swallowed(html: str, entry_id: str) -> bool:
    """The entry's heading is in the page as unrendered Markdown (`{#id .faq-question}`)."""
    return re.search(rf"\{{:?\s*#{re.escape(entry_id)}[\s}}]", html) is not None


def checked(html: str, src: str, layout: SiteLayout, *, strip: bool) -> tuple[str, list[Problem]]:
    """(the page's HTML, stripped when asked; an error per entry missing from it)."""
    if strip:
        html = active_html.strip(html)
    kb = layout.kb
    if src == layout.glossary_page:
        terms = sorted(kb.glossary, key=lambda t: fold(t.term))  # the glossary's order
        entries = [("term", t.id, t.location) for t in terms]
        order = [t.id for t in terms]
    else:
        order = list(layout.questions_on(src))
        entries = [("question", qid, kb.questions_by_id[qid].location) for qid in order]
    present = set(_HEADING_ID.findall(html))
    problems: list[Problem] = []
    for kind, entry_id, location in entries:
        if entry_id in present or not _swallowed(html, entry_id):
            continue  # shown, or left out by a template override
        index = order.index(entry_id)
        before = next((order[i] for i in range(index - 1, -1, -1) if order[i] in present), None)
        culprit = f"the {kind} '{before}' above it" if before else "the page's description"
        problems.append(Problem(
            f"{kind} '{entry_id}' is lost from {src}: HTML left open in {culprit} swallows it; "
            "close every <div>, <pre> and <details> you open",
            location,
        ))
    return html, problems
