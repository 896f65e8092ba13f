"""mkdocs-faq-plugin: one faq.yml becomes FAQ pages, a glossary and glossary tooltips.

The MkDocs plugin is `mkdocs_faq_plugin.plugin:FaqPlugin` (entry point `faq`); the
Python-Markdown extension that works on any host is `mkdocs_faq_plugin.markdown`.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
