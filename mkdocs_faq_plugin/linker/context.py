"""`LinkerContext`: what the term linker knows across the pages of one build.

The host (the MkDocs plugin, or the extension on its own) makes one context per build: the
site's layout, one matcher for every term, the annotation options. It tells the context
which page it converts (`begin_page`), and the context records where each term occurs, for
the glossary's "Used in" lists and the unused-term warnings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal

from ..kb.model import KnowledgeBase
from ..kb.shared import SharedEntries
from ..layout import SiteLayout, format_link, relative_link
from ..terms.matcher import TermMatcher
from ..terms.senses import Senses
from ..text import plain_text

__all__ = [
    "ANNOTATE_MODES",
    "LINK_FORMATS",
    "AnnotateMode",
    "LinkFormat",
    "LinkerContext",
    "page_subjects",
    "plain_text",
]

AnnotateMode = Literal["first", "section", "all"]
ANNOTATE_MODES: tuple[str, ...] = ("first", "section", "all")
LinkFormat = Literal["md", "html", "directory"]
LINK_FORMATS: tuple[str, ...] = ("md", "html", "directory")

log = logging.getLogger("mkdocs_faq_plugin.markdown")



def page_subjects(meta: Any) -> tuple[str, ...]:
    """The terms a page is about, from its front matter: `glossary_term: id` or a list."""
    if not isinstance(meta, dict):
        return ()
    value = meta.get("glossary_term")
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return (str(value),)
    if isinstance(value, list):
        return tuple(str(item) for item in value if isinstance(item, (str, int, float)))
    return ()


class LinkerContext:
    """What the linker needs across pages: built once per build, told about each page.

    The host calls `begin_page` before converting each page; `usage` then maps
    term id → page src path → ids of the sections (nearest preceding heading, "" before
    any) where the term occurs in prose, annotated or not. A page begun with
    `enabled=False` (excluded, or `glossary: false`) is not annotated and stays out of
    `usage`, but its mentions still count in `mentioned`: the terms found in the prose of
    any page other than the glossary, for the report of unused terms.
    """

    def __init__(
        self,
        layout: SiteLayout,
        matcher: TermMatcher,
        *,
        annotate: AnnotateMode | str = "first",
        link: bool = True,
        tooltips: bool = True,
        self_links: bool = False,
        warn: Callable[[str], None] | None = None,
        link_format: LinkFormat | str = "md",
        term_urls: bool = False,
        withheld: Callable[[str], bool] | None = None,
        term_languages: Mapping[str, str] | None = None,
        language: str | None = None,
        shared: SharedEntries | None = None,
    ) -> None:
        if annotate not in ANNOTATE_MODES:
            raise ValueError(
                f"annotate must be one of {', '.join(ANNOTATE_MODES)}, not {annotate!r}"
            )
        if link_format not in LINK_FORMATS:
            raise ValueError(
                f"link_format must be one of {', '.join(LINK_FORMATS)}, not {link_format!r}"
            )
        self.link_format: str = link_format
        """`md` for hosts that turn `.md` links into URLs; `html`/`directory` writes URLs."""
        self.term_urls = term_urls
        """The host tells each page the URL of the glossary (`begin_page(glossary_url=...)`):
        terms are then annotated after the host has turned the page's links into URLs, with
        links it need not check (see `extension`)."""
        self._glossary_url: str | None = None
        self.layout = layout
        self.matcher = matcher
        self.annotate: str = annotate
        self.link = link
        self.tooltips = tooltips
        self.self_links = self_links
        """Annotate a term on a page about it, and in its own glossary entry, too."""
        self.warn: Callable[[str], None] = warn or log.warning
        self.term_languages: Mapping[str, str] = term_languages or {}
        """Term id → the language of its definition, for terms a translated site shows
        untranslated: the tooltip says so (`data-faq-lang`, WCAG 3.1.2)."""
        self.shared = shared or SharedEntries()
        """Other sites' entries (`import:`): marked like ours, linked to the owner's URLs."""
        self.withheld: Callable[[str], bool] = withheld or (lambda name: False)
        """Is this term name or id in faq.yml but not published here (`audiences`)? A page
        about such a term is fine in a handbook that leaves the term out."""
        self.language = language
        """The language of the pages: which words are everyday words (`senses`)."""
        self._senses: Senses | None = None
        self.linked: set[str] = set()
        """Ids of the terms the current page links by hand (`[x](glossary:id)`)."""
        self.page = "index.md"
        self.enabled = True
        self.page_terms: frozenset[str] = frozenset()
        """Ids of the terms the current page is about (front matter `glossary_term`)."""
        self.usage: dict[str, dict[str, set[str]]] = {}
        self.mentioned: set[str] = set()
        self.elapsed = 0.0
        """Seconds spent in this extension, for the plugin's opt-in profile."""
        self._terms_on_page: dict[str, set[str]] = {}
        self._titles: dict[str, str] | None = None
        self._glossary_path: str | None = None

    @classmethod
    def for_knowledge_base(
        cls,
        kb: KnowledgeBase,
        *,
        faq_dir: str = "faq",
        glossary_page: str = "glossary.md",
        **options: Any,
    ) -> LinkerContext:
        """A context with its own layout and matcher, e.g. for standalone use and tests."""
        layout = SiteLayout(kb, faq_dir.strip("/"), glossary_page)
        return cls(layout, TermMatcher.from_terms(kb.glossary), **options)

    def begin_page(
        self,
        src_path: str,
        enabled: bool = True,
        about: Iterable[str] = (),
        glossary_url: str | None = None,
    ) -> None:
        """Switch to another page; forget its previous usage so rebuilds do not accumulate.

        `about` names the terms the page is about (ids or names, from `page_subjects`); an
        unknown one is reported, since the author meant a term that does not exist.
        `glossary_url` is the glossary's URL relative to this page's ("" on the glossary
        itself), for a context with `term_urls`.
        """
        self.page = src_path
        self.linked = set()
        self._glossary_url = glossary_url
        self.enabled = enabled
        subjects: set[str] = set()
        for name in about:
            term = self.layout.kb.find_term(name)
            if term is None:
                imported = self.shared.find_term(name)
                if imported is not None:
                    subjects.add(imported)
                elif not self.withheld(name):
                    self.warn(f"{src_path}: glossary_term '{name}' is not a term of the glossary")
            else:
                subjects.add(term.id)
        self.page_terms = frozenset(subjects)
        self._glossary_path = None
        for term_id in self._terms_on_page.pop(src_path, ()):
            pages = self.usage.get(term_id)
            if pages is not None:
                pages.pop(src_path, None)
                if not pages:
                    del self.usage[term_id]
        for term_id in sorted(subjects):
            self.record(term_id, "")  # the page about a term uses it, though it never links it

    def release(self) -> None:
        """Drop the usage record and the matcher once every page is converted.

        They hold tens of thousands of small objects on a large site; the host's template
        rendering that follows allocates heavily, and the garbage collector would walk them
        again and again for nothing.
        """
        self.usage = {}
        self.mentioned = set()
        self._terms_on_page = {}
        self.matcher = TermMatcher.from_terms(())

    def record(self, term_id: str, section: str) -> None:
        self.record_page({term_id: {section}})

    def record_page(self, found: dict[str, set[str]]) -> None:
        """The terms found on the current page, each with the sections it occurs in."""
        if not found:
            return
        if self.enabled:
            page = self.page
            for term_id, sections in found.items():
                pages = self.usage.setdefault(term_id, {})
                if page in pages:
                    pages[page] |= sections
                else:
                    pages[page] = set(sections)
            self._terms_on_page.setdefault(page, set()).update(found)
        if self.page != self.layout.glossary_page:
            self.mentioned.update(found)

    @property
    def senses(self) -> Senses:
        """The everyday-word terms, imported ones too, in this context's language, made on
        first use."""
        if self._senses is None:
            self._senses = Senses.of((*self.layout.kb.glossary, *self.shared.terms), self.language)
        return self._senses

    def title(self, term_id: str) -> str:
        if self._titles is None:
            self._titles = {
                t.id: plain_text(t.definition) for t in (*self.shared.terms, *self.layout.kb.glossary)
            }
        return self._titles.get(term_id, "")

    def term_href(self, term_id: str) -> str:
        """The link from the current page to the term's glossary entry: a relative `.md` link,
        or with `term_urls` the URL the host gave (`begin_page`); an imported term's is the
        owner's absolute URL."""
        if self.shared and term_id not in self.layout.kb.terms_by_id:
            url = self.shared.term_urls.get(term_id)
            if url is not None:
                return url
        if self._glossary_path is None and self.term_urls and self._glossary_url is not None:
            self._glossary_path = self._glossary_url
        if self._glossary_path is None:
            # Once per page: relpath is slow and a page may hold hundreds of terms. On the
            # glossary page itself the link is the bare anchor.
            path = relative_link(self.layout.glossary_page, self.page)
            link_format = self.link_format
            if self.term_urls and link_format == "md":  # no URL given: as MkDocs would make it
                link_format = "directory"
            self._glossary_path = "" if path == "#" else format_link(path, self.page, link_format)
        return f"{self._glossary_path}#{term_id}"

    def format_link(self, link: str) -> str:
        """A relative `.md` link from the current page, in this context's `link_format`."""
        return format_link(link, self.page, self.link_format)

    @property
    def on_generated_page(self) -> bool:
        return self.page in self.layout.all_pages
