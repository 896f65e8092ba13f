"""The plugin's own HTML ids on generated pages, kept apart from the ids faq.yml defines.

Question, category and term ids become heading ids on the same pages as the letter
navigation and the tag index, so the two must never meet: the plugin's anchors all start
with `faq-letter-`, `faq-tag-` or are `faq-all-tags`, and `schema.py` (with
`faq.schema.json`) refuses faq.yml ids of those forms with a located error.
"""

from __future__ import annotations

import re

LETTER_PREFIX = "faq-letter-"
"""Glossary letter headings: `faq-letter-a`, and `faq-letter-other` for digits and symbols."""

TAG_PREFIX = "faq-tag-"
"""Entries of the tag index on the FAQ start page: `faq-tag-<slug of the tag>`."""

ALL_TAGS = "faq-all-tags"
"""The heading of the tag index."""

THEME_IDS = (
    "hljs-dark", "hljs-light", "main-content", "mkdocs-search-query", "mkdocs-search-results",
    "navbar-collapse", "theme-menu", "toc-collapse",
)
"""Ids the `mkdocs` theme gives its own elements on every page (its search box, menus): a
heading with one of them breaks the theme's scripts on our pages."""

RESERVED_ID_RE = re.compile(rf"^faq-(?:letter|tag)-|^(?:faq-all-tags|{'|'.join(THEME_IDS)})\Z")
"""Ids faq.yml may not use; `faq.schema.json` states the same pattern."""


def is_reserved(identifier: str) -> bool:
    return RESERVED_ID_RE.match(identifier) is not None


def is_theme_id(identifier: str) -> bool:
    return identifier in THEME_IDS


def letter_anchor(key: str) -> str:
    """The anchor of a glossary letter group; `key` is its folded initial, "" for others."""
    return f"{LETTER_PREFIX}{key or 'other'}"
