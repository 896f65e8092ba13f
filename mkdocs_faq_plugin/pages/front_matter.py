"""The YAML front matter of a generated page: title, description and our keys, written so
that no author text can end it early or reach a theme unescaped."""

from __future__ import annotations

import html
import re
from typing import Any

import yaml

from ..text import markdown_to_text, one_line

_FRONT_MATTER_END = re.compile(r"^(?:-{3}|\.{3})[ \t]*$", re.MULTILINE)


def _yaml_block(data: dict[str, Any]) -> str:
    # Strings reaching here are single-line (see `one_line`) and the width is unbounded, so
    # every scalar stays on its line and no line can read `---`/`...`, which MkDocs would
    # take for the end of the front matter.
    dumped = yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1_000_000
    )
    if _FRONT_MATTER_END.search(dumped):  # pragma: no cover - defended by one_line
        raise ValueError("front matter would end early")
    return f"---\n{dumped}---\n\n"


DESCRIPTION_LIMIT = 300


def description(markdown: str, *fallback: str) -> str:
    """The page's `description` front matter: the author's description as plain text, else
    the names of what the page holds. Themes put it in `<meta name="description">`, feeds
    (mkdocs-rss-plugin) in their items, instead of a cut through our Markdown. Escaped
    like titles: themes and feeds treat it as HTML."""
    text = one_line(markdown_to_text(markdown)) or one_line(" · ".join(f for f in fallback if f))
    if len(text) > DESCRIPTION_LIMIT:
        text = text[: DESCRIPTION_LIMIT - 1].rsplit(" ", 1)[0] + "…"
    # Themes write it into an attribute without escaping (`content="{{ ... }}"`), as HTML.
    return html.escape(text, quote=True)


def _without_empty_description(front: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in front.items() if k != "description" or v}


def page_text(front: dict[str, Any], body: str) -> str:
    """A generated page: its front matter (an empty `description` left out), then `body`."""
    return _yaml_block(_without_empty_description(front)) + body.strip("\n") + "\n"


def title_html(title: str) -> str:
    # MkDocs and themes treat page titles as HTML (titles taken from headings are HTML), so
    # a title like "Q&A <beta>" must be escaped to display as written.
    return html.escape(one_line(title), quote=False)
