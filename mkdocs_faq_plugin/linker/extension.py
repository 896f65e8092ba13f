"""`FaqExtension`: the Python-Markdown extension that links a page to the knowledge base.

A plain Python-Markdown extension, so it runs under MkDocs, ProperDocs, Zensical and a bare
`markdown.markdown(...)` alike; it must never import MkDocs. The MkDocs plugin passes a
shared `LinkerContext` (one matcher for the whole build, per-page state, usage record);
used on its own the extension loads faq.yml itself from its config options (see `host`).

Its treeprocessor runs at priority 4: after `toc` (5) has given headings their ids, before
MkDocs' relative-path processor (0) turns our `.md` links into URLs and validates them. With
a context whose host gives each page the glossary's URL (`LinkerContext.term_urls`, the MkDocs
plugin), terms are annotated by a second treeprocessor after that processor (priority -1),
with those URLs: the host has thousands of term links it need not resolve and check. A third
(`language`, priority 7) gives an untranslated entry's blocks the language of its heading.

With a host, links are always written as relative `.md` paths, which the host turns into URLs
and validates. Without one there is nobody to do that, so the `link_format` option picks the
form: `md` (the default), `html` (`glossary.html#term`) or `directory` (`glossary/#term`).
"""

from __future__ import annotations

import os
import time
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .annotate import PageAnnotator
from .context import ANNOTATE_MODES, LINK_FORMATS, LinkerContext, page_subjects
from .host import HostPage, detect_host, load_site
from .language import PRIORITY as LANGUAGE_PRIORITY
from .language import LanguageOfParts
from .links import resolve_links

__all__ = ["PRIORITY", "TERMS_PRIORITY", "FaqExtension", "FaqTreeprocessor", "makeExtension"]

PRIORITY = 4
TERMS_PRIORITY = -1
"""Annotation after the host's links (MkDocs' `relpath` runs at 0), with `term_urls`."""


class FaqExtension(Extension):
    """`markdown_extensions: [mkdocs_faq_plugin.markdown]` or `FaqExtension(context=...)`."""

    def __init__(self, context: LinkerContext | None = None, **kwargs: Any) -> None:
        self.config = {
            "faq_file": ["faq.yml", "faq.yml path(s) or globs, relative to the working directory"],
            "annotate": ["first", "Which occurrences to annotate: first, section or all"],
            "link": [True, "Make annotated terms links to their glossary entry"],
            "tooltips": [True, "Add the definition as a title (tooltip)"],
            "self_links": [
                False,
                (
                    "Also annotate a term on the page about it (front matter glossary_term) "
                    "and in its own glossary entry"
                ),
            ],
            "faq_dir": ["faq", "Folder of the generated FAQ pages, relative to docs_dir"],
            "glossary_page": ["glossary.md", "Source path of the glossary page"],
            "current_page": ["index.md", "Source path of the page being converted"],
            "language": [
                "",
                (
                    "Language of the pages (uk, de, ...): the word forms of faq.yml's terms "
                    "when faq.yml names no language of its own, and the everyday words marked "
                    "only where they mean the term (annotate: auto); empty: English"
                ),
            ],
            "link_format": [
                "md",
                (
                    "Without a host (MkDocs, Zensical): write links as md (glossary.md#term), "
                    "html (glossary.html#term) or directory (glossary/#term)"
                ),
            ],
        }  # fmt: skip
        super().__init__(**kwargs)
        self.context = context
        self.standalone = context is None

    def extendMarkdown(self, md: Markdown) -> None:
        if self.standalone:
            self._check_options()
        if self.context is not None and self.context.term_urls:
            md.treeprocessors.register(FaqTreeprocessor(md, self, terms=False), "faq", PRIORITY)
            md.treeprocessors.register(
                FaqTreeprocessor(md, self, links=False), "faq_terms", TERMS_PRIORITY
            )
        else:
            md.treeprocessors.register(FaqTreeprocessor(md, self), "faq", PRIORITY)
        md.treeprocessors.register(LanguageOfParts(md), "faq_language", LANGUAGE_PRIORITY)
        md.registerExtension(self)

    def _check_options(self) -> None:
        """Refuse bad option values when the extension is set up, before any page."""
        annotate = self.getConfig("annotate")
        if annotate not in ANNOTATE_MODES:
            raise ValueError(
                f"faq: annotate must be one of {', '.join(ANNOTATE_MODES)}, not {annotate!r}"
            )
        link_format = self.getConfig("link_format")
        if link_format not in LINK_FORMATS:
            raise ValueError(
                f"faq: link_format must be one of {', '.join(LINK_FORMATS)}, "
                f"not {link_format!r}"
            )

    def standalone_context(self, md: Markdown) -> LinkerContext:
        """A fresh context for the page `md` is converting, begun on that page.

        faq.yml is read again only when one of its files changed (see `host.load_site`), so
        a host building one extension per page, or a long-lived `Markdown` instance, costs
        one load. A new context per conversion keeps pages apart even if a host converts
        several at once.
        """
        host = self.host_page(md)
        files = self.getConfig("faq_file")
        paths = (files,) if isinstance(files, str) else tuple(str(f) for f in files)
        site = load_site(
            paths,
            host.root or os.getcwd(),
            str(self.getConfig("faq_dir")),
            str(self.getConfig("glossary_page")),
            str(self.getConfig("language")) or None,
        )
        context = LinkerContext(
            site.layout,
            site.matcher,
            annotate=self.getConfig("annotate"),
            link=bool(self.getConfig("link")),
            tooltips=bool(self.getConfig("tooltips")),
            self_links=bool(self.getConfig("self_links")),
            # A host turns `.md` links into its own URLs (and checks them); ours would not be.
            link_format="md" if host.host != "none" else self.getConfig("link_format"),
            language=str(self.getConfig("language") or "en"),
        )
        context._titles = site.titles
        context.begin_page(host.path, host.enabled, about=page_subjects(host.meta))
        self.context = context
        return context

    def host_page(self, md: Markdown) -> HostPage:
        """Standalone only: who is converting which page (see `host`)."""
        return detect_host(md, str(self.getConfig("current_page")))


class FaqTreeprocessor(Treeprocessor):
    """Rewrites knowledge links, then annotates terms on the current page (either, or both)."""

    def __init__(
        self, md: Markdown, extension: FaqExtension, *, links: bool = True, terms: bool = True
    ) -> None:
        super().__init__(md)
        self.extension = extension
        self.links = links
        self.terms = terms

    def run(self, root: etree.Element) -> None:
        started = time.perf_counter()
        context: LinkerContext | None
        if self.extension.standalone:
            context = self.extension.standalone_context(self.md)
        else:
            context = self.extension.context
        if context is None:
            return
        if self.links:
            resolve_links(root, context)
        if self.terms and context.matcher:  # pages not annotated still count their mentions
            PageAnnotator(context, self._stash()).run(root)
        context.elapsed += time.perf_counter() - started

    def _stash(self) -> list[Any]:
        return getattr(getattr(self.md, "htmlStash", None), "rawHtmlBlocks", None) or []


def makeExtension(**kwargs: Any) -> FaqExtension:
    """What `markdown_extensions: [mkdocs_faq_plugin.markdown]` calls."""
    return FaqExtension(**kwargs)
