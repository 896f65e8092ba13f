"""The Python-Markdown extension's import path: `markdown_extensions: [mkdocs_faq_plugin.markdown]`.

Python-Markdown loads an extension by module name and calls its `makeExtension`; Zensical
and plain Python-Markdown sites name this module. The code lives in `mkdocs_faq_plugin.linker`.
"""

from __future__ import annotations

from .linker import (
    ANNOTATE_MODES,
    LINK_FORMATS,
    PRIORITY,
    AnnotateMode,
    FaqExtension,
    FaqTreeprocessor,
    HostPage,
    LinkerContext,
    LinkFormat,
    format_link,
    makeExtension,
    page_subjects,
    plain_text,
    resolve_links,
)

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
