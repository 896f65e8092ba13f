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

FAQ_SCHEME = "faq:"
"""`[text](faq:ID)`: a link to a question or category (`faq:` alone: the FAQ index)."""

GLOSSARY_SCHEME = "glossary:"
"""`[text](glossary:ID)`: a link to a term (`glossary:` alone: the glossary)."""

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


def is_knowledge_link(href: str) -> bool:
    """Does `href` point into the knowledge base (`faq:…` or `glossary:…`)? URL schemes are
    case-insensitive, so `FAQ:…` too."""
    head = href[: len(GLOSSARY_SCHEME)].lower()
    return head.startswith(FAQ_SCHEME) or head.startswith(GLOSSARY_SCHEME)


def knowledge_link(href: str) -> str:
    """A knowledge link with its scheme in lower case (`FAQ:id` → `faq:id`)."""
    scheme, colon, rest = href.partition(":")
    return f"{scheme.lower()}{colon}{rest}"
