"""The MkDocs (and ProperDocs) adapter: the only package that imports MkDocs.

`mkdocs_faq_plugin.plugin:FaqPlugin` is the entry point both hosts load."""

from __future__ import annotations

from .events import FaqPlugin

__all__ = ["FaqPlugin"]
