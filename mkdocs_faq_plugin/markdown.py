"""The Python-Markdown extension's import path: `markdown_extensions: [mkdocs_faq_plugin.markdown]`.

Python-Markdown loads an extension by module name and calls its `makeExtension`; Zensical
and plain Python-Markdown sites name this module. The code lives in `mkdocs_faq_plugin.linker`,
whose public names this module re-exports.
"""

from __future__ import annotations

from .linker import *  # noqa: F403 - the extension's public names, under this path too
from .linker import __all__ as __all__
