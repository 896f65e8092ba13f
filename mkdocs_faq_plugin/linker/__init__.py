"""The term linker: a Python-Markdown extension, in one module per concept.

| module | holds |
|---|---|
| `context` | `LinkerContext`: one build's layout, matcher, options and usage record |
| `host` | who converts the page when the extension runs on its own; loading faq.yml then |
| `links` | `faq:`/`glossary:` link resolution and link formats |
| `annotate` | finding terms in a page's prose and wrapping them |
| `language` | the language of an untranslated entry's blocks (WCAG 3.1.2) |
| `extension` | `FaqExtension` and its treeprocessor, tying the above together |

`mkdocs_faq_plugin.markdown` re-exports the public names, and stays the import path of the
extension for Zensical and Python-Markdown users.
"""

from __future__ import annotations

from ..layout import format_link
from .context import (
    ANNOTATE_MODES,
    LINK_FORMATS,
    AnnotateMode,
    LinkerContext,
    LinkFormat,
    page_subjects,
    plain_text,
)
from .extension import PRIORITY, FaqExtension, FaqTreeprocessor, makeExtension
from .host import HostPage
from .links import resolve_links

__all__ = [
    "ANNOTATE_MODES",
    "LINK_FORMATS",
    "PRIORITY",
    "AnnotateMode",
    "FaqExtension",
    "FaqTreeprocessor",
    "HostPage",
    "LinkFormat",
    "LinkerContext",
    "format_link",
    "makeExtension",
    "page_subjects",
    "plain_text",
    "resolve_links",
]
