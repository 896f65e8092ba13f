"""`FaqExtension`: resolve `faq:`/`glossary:` links and annotate glossary terms in prose.

A plain Python-Markdown extension, so it runs under MkDocs, ProperDocs, Zensical and a bare
`markdown.markdown(...)` alike; it must never import MkDocs. The MkDocs plugin passes a
shared `LinkerContext` (one matcher for the whole build, per-page state, usage record);
used on its own the extension loads faq.yml itself from its config options.

Its treeprocessor runs at priority 4: after `toc` (5) has given headings their ids, before
MkDocs' relative-path processor (0) turns our `.md` links into URLs and validates them.

On its own (no `context`), the extension finds out where it runs when it converts a page:

* Zensical registers a `rendering_context` preprocessor whose `.page.path` is the page's
  source path and whose `.config["root_dir"]` is the project folder;
* MkDocs and ProperDocs register their `relpath` treeprocessor, whose `.file.src_uri` is the
  page's source path and whose `.config.config_file_path` locates the project;
* anywhere else (a bare `markdown.markdown(...)`) the `current_page` option names the page and
  `faq_file` is relative to the working directory.

With a host, links are always written as relative `.md` paths, which the host turns into URLs
and validates. Without one there is nobody to do that, so the `link_format` option picks the
form: `md` (the default), `html` (`glossary.html#term`) or `directory` (`glossary/#term`).
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
import time
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal
from urllib.parse import unquote

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

from .layout import FAQ_SCHEME, GLOSSARY_SCHEME, SiteLayout, is_knowledge_link, relative_link
from .matcher import Match, TermMatcher
from .model import KnowledgeBase

__all__ = [
    "AnnotateMode",
    "FaqExtension",
    "FaqTreeprocessor",
    "HostPage",
    "LinkFormat",
    "LinkerContext",
    "format_link",
    "makeExtension",
]

AnnotateMode = Literal["first", "section", "all"]
ANNOTATE_MODES: tuple[str, ...] = ("first", "section", "all")
LinkFormat = Literal["md", "html", "directory"]
LINK_FORMATS: tuple[str, ...] = ("md", "html", "directory")
PRIORITY = 4

log = logging.getLogger("mkdocs_faq_plugin.markdown")

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Text inside these is code, a link already, a title, or not prose at all.
SKIP_TAGS = frozenset(
    {
        *HEADINGS,
        "code", "pre", "kbd", "samp", "var", "a", "abbr", "dfn", "script", "style", "svg",
        "math", "summary", "label", "button", "textarea", "select", "option", "template",
        "noscript", "iframe", "object", "title", "autoref",  # mkdocs-autorefs: a link, later
    }
)  # fmt: skip
# faq-broken-link: the text of a link whose target is unknown stays as the author wrote it.
SKIP_CLASSES = frozenset({"no-glossary", "faq-term", "faq-broken-link", "arithmatex"})
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip
_RAW_TAG = re.compile(r"<\s*(/)?\s*([A-Za-z][\w:-]*)([^>]*?)(/)?\s*>\s*\Z", re.DOTALL)
_RAW_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_MD_LINK = re.compile(r"!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_MD_CODE = re.compile(r"`+([^`]*)`+")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<!\w)([*_])(?=\S)(.+?)(?<=\S)\1(?!\w)")


def plain_text(markdown_text: str) -> str:
    """A definition as tooltip text: Markdown link/code/emphasis syntax dropped, one line.

    HTML in a definition is kept as literal text; attribute serialisation escapes it.
    """
    text = _MD_LINK.sub(r"\1", markdown_text)
    text = _MD_CODE.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return " ".join(text.split())


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
        warn: Callable[[str], None] | None = None,
        link_format: LinkFormat | str = "md",
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
        self.layout = layout
        self.matcher = matcher
        self.annotate: str = annotate
        self.link = link
        self.tooltips = tooltips
        self.warn: Callable[[str], None] = warn or log.warning
        self.page = "index.md"
        self.enabled = True
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

    def begin_page(self, src_path: str, enabled: bool = True) -> None:
        """Switch to another page; forget its previous usage so rebuilds do not accumulate."""
        self.page = src_path
        self.enabled = enabled
        self._glossary_path = None
        for term_id in self._terms_on_page.pop(src_path, ()):
            pages = self.usage.get(term_id)
            if pages is not None:
                pages.pop(src_path, None)
                if not pages:
                    del self.usage[term_id]

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
        if self.enabled:
            self.usage.setdefault(term_id, {}).setdefault(self.page, set()).add(section)
            self._terms_on_page.setdefault(self.page, set()).add(term_id)
        if self.page != self.layout.glossary_page:
            self.mentioned.add(term_id)

    def title(self, term_id: str) -> str:
        if self._titles is None:
            self._titles = {t.id: plain_text(t.definition) for t in self.layout.kb.glossary}
        return self._titles.get(term_id, "")

    def term_href(self, term_id: str) -> str:
        """The relative `.md` link from the current page to the term's glossary entry."""
        if self._glossary_path is None:
            # Once per page: relpath is slow and a page may hold hundreds of terms. On the
            # glossary page itself the link is the bare anchor.
            path = relative_link(self.layout.glossary_page, self.page)
            self._glossary_path = "" if path == "#" else self.format_link(path)
        return f"{self._glossary_path}#{term_id}"

    def format_link(self, link: str) -> str:
        """A relative `.md` link from the current page, in this context's `link_format`."""
        return format_link(link, self.page, self.link_format)

    @property
    def on_generated_page(self) -> bool:
        return self.page in self.layout.all_pages


class FaqExtension(Extension):
    """`markdown_extensions: [mkdocs_faq_plugin.markdown]` or `FaqExtension(context=...)`."""

    def __init__(self, context: LinkerContext | None = None, **kwargs: Any) -> None:
        self.config = {
            "faq_file": ["faq.yml", "faq.yml path(s) or globs, relative to the working directory"],
            "annotate": ["first", "Which occurrences to annotate: first, section or all"],
            "link": [True, "Make annotated terms links to their glossary entry"],
            "tooltips": [True, "Add the definition as a title (tooltip)"],
            "faq_dir": ["faq", "Folder of the generated FAQ pages, relative to docs_dir"],
            "glossary_page": ["glossary.md", "Source path of the glossary page"],
            "current_page": ["index.md", "Source path of the page being converted"],
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
        md.treeprocessors.register(FaqTreeprocessor(md, self), "faq", PRIORITY)
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

        faq.yml is read again only when one of its files changed (see `_load_site`), so a
        host building one extension per page, or a long-lived `Markdown` instance, costs one
        load. A new context per conversion keeps pages apart even if a host converts several
        at once.
        """
        host = self.host_page(md)
        files = self.getConfig("faq_file")
        paths = (files,) if isinstance(files, str) else tuple(str(f) for f in files)
        site = _load_site(
            paths,
            host.root or os.getcwd(),
            str(self.getConfig("faq_dir")),
            str(self.getConfig("glossary_page")),
        )
        context = LinkerContext(
            site.layout,
            site.matcher,
            annotate=self.getConfig("annotate"),
            link=bool(self.getConfig("link")),
            tooltips=bool(self.getConfig("tooltips")),
            # A host turns `.md` links into its own URLs (and checks them); ours would not be.
            link_format="md" if host.host != "none" else self.getConfig("link_format"),
        )
        context._titles = site.titles
        context.begin_page(host.path, host.enabled)
        self.context = context
        return context

    def host_page(self, md: Markdown) -> HostPage:
        """Standalone only: who is converting which page (see the module docstring)."""
        page_path = str(self.getConfig("current_page"))
        if "rendering_context" in md.preprocessors:  # Zensical
            rendering = md.preprocessors["rendering_context"]
            page = getattr(rendering, "page", None)
            config = getattr(rendering, "config", None)
            root = config.get("root_dir") if isinstance(config, dict) else None
            return HostPage(
                "zensical",
                _source_path(getattr(page, "path", None)) or page_path,
                getattr(page, "meta", None),
                str(root) if root else None,
            )
        if "relpath" in md.treeprocessors:  # MkDocs, ProperDocs
            relpath = md.treeprocessors["relpath"]
            file = getattr(relpath, "file", None)
            config = getattr(relpath, "config", None)
            config_file = getattr(config, "config_file_path", None) if config else None
            page = getattr(file, "page", None)
            return HostPage(
                "mkdocs",
                _source_path(getattr(file, "src_uri", None)) or page_path,
                getattr(page, "meta", None),
                os.path.dirname(os.path.abspath(config_file)) if config_file else None,
            )
        return HostPage("none", page_path, None, None)

    def current_page(self, md: Markdown) -> tuple[str, bool]:
        """Standalone only: the page being converted, and whether its front matter allows terms."""
        host = self.host_page(md)
        return host.path, host.enabled


@dataclass(frozen=True)
class HostPage:
    """The page a standalone extension converts, as its host (if any) describes it."""

    host: Literal["zensical", "mkdocs", "none"]
    path: str
    """Source path relative to the docs folder, forward slashes."""
    meta: Any = None
    """The page's front matter, when the host shares it."""
    root: str | None = None
    """The project folder (holding the site's config file); `faq_file` is relative to it."""

    @property
    def enabled(self) -> bool:
        """False when the page's front matter says `glossary: false`."""
        return not (isinstance(self.meta, dict) and self.meta.get("glossary", True) is False)


def _source_path(path: object) -> str:
    return str(path).replace(os.sep, "/").lstrip("/") if path else ""


@dataclass(frozen=True)
class _Site:
    """What every page of one standalone site shares: computed once per version of faq.yml."""

    layout: SiteLayout
    matcher: TermMatcher
    titles: dict[str, str]


@lru_cache(maxsize=8)
def _load_site_cached(
    paths: tuple[str, ...],
    base_dir: str,
    stamps: tuple[tuple[str, int, int], ...],
    faq_dir: str,
    glossary_page: str,
) -> _Site:
    from .loader import load_knowledge_base  # only standalone use needs YAML loading

    kb = load_knowledge_base(list(paths), base_dir)
    return _Site(
        SiteLayout(kb, faq_dir.strip("/"), glossary_page),
        TermMatcher.from_terms(kb.glossary),
        {t.id: plain_text(t.definition) for t in kb.glossary},
    )


def _load_site(paths: tuple[str, ...], base_dir: str, faq_dir: str, glossary_page: str) -> _Site:
    """Load once per version of the files (hosts may build a new extension for every page).

    A version is the files a pattern matches now, each with its modification time and size,
    so an edit, a new file matching a glob, or a deleted file all cause a reload.
    """
    from .loader import expand_paths

    files, _ = expand_paths(list(paths), base_dir)
    stamps = []
    for path in files:
        try:
            stat = os.stat(path)
            stamps.append((path, stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append((path, -1, -1))  # missing: the loader reports it
    return _load_site_cached(paths, base_dir, tuple(stamps), faq_dir, glossary_page)


def format_link(link: str, from_page: str, link_format: str) -> str:
    """A relative `.md` link from source page `from_page`, as `link_format` wants it.

    `md` leaves it alone (hosts rewrite such links). `html` and `directory` give the URL the
    page would have on a site built with `use_directory_urls: false` / `true`, relative to
    the URL of `from_page`: from `guide/a.md`, `../glossary.md#x` becomes `../glossary.html#x`
    or `../../glossary/#x`. Bare anchors and links to anything but a `.md` page are kept.
    """
    if link_format == "md" or link.startswith("#"):
        return link
    path, hash_mark, anchor = link.partition("#")
    if not path.endswith(".md") or path.startswith("/") or ":" in path:
        return link
    from .export import page_url

    directory = link_format == "directory"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(from_page), path))
    url = page_url(target, directory_urls=directory)
    base = page_url(from_page, directory_urls=directory).rpartition("/")[0]
    relative = posixpath.relpath(url.rstrip("/") or ".", base or ".")
    if url.endswith("/") or not url:
        relative = "./" if relative == "." else relative + "/"
    return f"{relative}{hash_mark}{anchor}"


class FaqTreeprocessor(Treeprocessor):
    """Rewrites knowledge links, then annotates terms on the current page."""

    def __init__(self, md: Markdown, extension: FaqExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        started = time.perf_counter()
        context: LinkerContext | None
        if self.extension.standalone:
            context = self.extension.standalone_context(self.md)
        else:
            context = self.extension.context
        if context is None:
            return
        resolve_links(root, context)
        if context.matcher:  # pages that are not annotated still count their mentions
            _PageAnnotator(context, self._stash()).run(root)
        context.elapsed += time.perf_counter() - started

    def _stash(self) -> list[Any]:
        return getattr(getattr(self.md, "htmlStash", None), "rawHtmlBlocks", None) or []


def resolve_links(root: etree.Element, context: LinkerContext) -> None:
    """`faq:ID` / `glossary:ID` hrefs → relative `.md` links; unknown targets become plain text.

    Bad links inside faq.yml were reported by the loader already, so generated pages do
    not warn a second time.
    """
    for anchor in root.iter("a"):
        href = anchor.get("href")
        if not href or not is_knowledge_link(href):
            continue
        scheme = FAQ_SCHEME if href.startswith(FAQ_SCHEME) else GLOSSARY_SCHEME
        target = unquote(href[len(scheme) :]).strip()
        resolved = context.layout.resolve(scheme + target, context.page)
        if resolved is not None:
            anchor.set("href", context.format_link(resolved))
            continue
        # A span keeps the text and links nowhere; hosts such as MkDocs expect every <a> to
        # carry an href.
        anchor.tag = "span"
        del anchor.attrib["href"]
        anchor.set("class", " ".join([*(anchor.get("class") or "").split(), "faq-broken-link"]))
        if not context.on_generated_page:
            context.warn(f"{context.page}: unknown {scheme} link target '{target}'")


def _classes(element: etree.Element) -> set[str]:
    value = element.get("class")
    return set(value.split()) if value else set()


def _is_skipped(element: etree.Element) -> bool:
    tag = element.tag
    if not isinstance(tag, str):
        return True  # comments, processing instructions
    if tag in SKIP_TAGS:
        return True
    classes = _classes(element)
    if not classes:
        return False
    return not classes.isdisjoint(SKIP_CLASSES) or (tag == "p" and "admonition-title" in classes)


@dataclass(slots=True)
class _Slot:
    """One run of prose: `parent.text` (child None) or `child.tail`, with blocked ranges."""

    parent: etree.Element
    child: etree.Element | None
    text: str
    blocked: list[tuple[int, int]]
    following: etree.Element | None  # the inline element right after the text, if any
    matches: list[Match] = field(default_factory=list)


# Joins the prose of a page for one matcher call. Not a word character, never inside a
# term, so no match spans two text nodes and each node edge counts as a word boundary.
_JOIN = "\x00"


class _PageAnnotator:
    """One page: collect its prose in document order, match it all at once, then annotate.

    Matching the whole page in one call instead of once per text node avoids a fixed cost
    per node (a page has hundreds, most of them tiny).
    """

    def __init__(self, context: LinkerContext, stash: list[Any]) -> None:
        self.context = context
        self.stash = stash
        self.section = ""
        self.seen_on_page: set[str] = set()
        self.seen_in_section: set[str] = set()
        self.on_glossary = context.page == context.layout.glossary_page
        # In document order: ("heading", id), ("seen", term id) or ("prose", _Slot).
        self.events: list[tuple[str, Any]] = []

    def run(self, root: etree.Element) -> None:
        self._collect(root, [])
        slots = [slot for kind, slot in self.events if kind == "prose"]
        if not slots:
            return
        matches = self.context.matcher.find(_JOIN.join(slot.text for slot in slots))
        position, offset = 0, 0
        for slot in slots:
            end = offset + len(slot.text)
            while position < len(matches) and matches[position].start < end:
                match = matches[position]
                slot.matches.append(Match(match.start - offset, match.end - offset, match.term_id))
                position += 1
            offset = end + len(_JOIN)
        changes: dict[etree.Element, dict[etree.Element | None, list[etree.Element]]] = {}
        for kind, value in self.events:
            if kind == "heading":
                self.section = value
                self.seen_in_section = set()
            elif kind == "seen":
                self._count(value)
            elif value.matches:
                added = self._annotate(value)
                if added:
                    changes.setdefault(value.parent, {})[value.child] = added
        for parent, inserts in changes.items():
            rebuilt = list(inserts.get(None, ()))
            for child in parent:
                rebuilt.append(child)
                rebuilt.extend(inserts.get(child, ()))
            parent[:] = rebuilt

    # -- pass 1: structure -------------------------------------------------------------

    def _collect(self, element: etree.Element, raw_open: list[tuple[str, bool]]) -> None:
        """Record `element`'s own text and its children (their tails belong to it).

        `raw_open` lists inline raw-HTML tags opened so far in this block (name, skips?),
        since `a <code>term</code>` reaches us as placeholders around plain text.
        """
        if self._skip_subtree(element):
            return
        state = list(raw_open)
        children = list(element)
        self._prose(element, None, element.text, state, children[0] if children else None)
        for index, child in enumerate(children, start=1):
            self._collect(child, state)
            following = children[index] if index < len(children) else None
            self._prose(element, child, child.tail, state, following)

    def _prose(
        self,
        parent: etree.Element,
        child: etree.Element | None,
        text: str | None,
        raw_open: list[tuple[str, bool]],
        following: etree.Element | None,
    ) -> None:
        if not text or isinstance(text, AtomicString) or text.isspace():
            return
        blocked = self._raw_html_blocked(text, raw_open) if raw_open or "\x02" in text else []
        if blocked is not None:  # None: all of it is inside raw <code>, <a>, ...
            self.events.append(("prose", _Slot(parent, child, text, blocked, following)))

    def _skip_subtree(self, element: etree.Element) -> bool:
        """Skipped elements still move the section and count existing annotations."""
        if element.tag in HEADINGS:
            self.events.append(("heading", element.get("id") or ""))
            return True
        if not _is_skipped(element):
            return False
        for inner in element.iter():
            if inner.tag in HEADINGS:
                self.events.append(("heading", inner.get("id") or ""))
            elif inner.get("data-faq-term") and "faq-term" in _classes(inner):
                # Already annotated (output fed back in): counts as seen, so running again
                # changes nothing.
                self.events.append(("seen", inner.get("data-faq-term")))
        return True

    # -- pass 2: decisions -------------------------------------------------------------

    def _count(self, term_id: str) -> None:
        self.context.record(term_id, self.section)
        self.seen_on_page.add(term_id)
        self.seen_in_section.add(term_id)

    def _annotate(self, slot: _Slot) -> list[etree.Element]:
        """Wrap the chosen matches of `slot`; the text between them moves to tails."""
        mode = self.context.annotate
        text = slot.text
        added: list[etree.Element] = []
        cursor = 0
        for match in slot.matches:
            if slot.blocked and any(a <= match.start < b for a, b in slot.blocked):
                continue
            if _glued(slot, match):
                continue
            term_id = match.term_id
            if self.on_glossary and term_id == self.section:
                continue  # a glossary entry does not link to itself
            if mode == "first":
                wanted = term_id not in self.seen_on_page
            elif mode == "section":
                wanted = term_id not in self.seen_in_section
            else:
                wanted = True
            self._count(term_id)
            if not wanted or not self.context.enabled:
                continue
            if added:
                added[-1].tail = text[cursor : match.start]
            elif slot.child is None:
                slot.parent.text = text[: match.start]
            else:
                slot.child.tail = text[: match.start]
            added.append(self._element(term_id, text[match.start : match.end]))
            cursor = match.end
        if added:
            added[-1].tail = text[cursor:]
        return added

    def _element(self, term_id: str, original: str) -> etree.Element:
        """The markup contract of ARCHITECTURE.md, attribute order included."""
        context = self.context
        if context.link:
            element = etree.Element("a")
            element.set("class", "faq-term")
            element.set("data-faq-term", term_id)
            element.set("href", context.term_href(term_id))
        else:
            element = etree.Element("span")
            element.set("class", "faq-term")
            element.set("data-faq-term", term_id)
            element.set("tabindex", "0")
        if context.tooltips:
            title = context.title(term_id)
            if title:
                element.set("title", title)
        element.text = original
        return element

    def _raw_html_blocked(
        self, text: str, raw_open: list[tuple[str, bool]]
    ) -> list[tuple[int, int]] | None:
        """Ranges of `text` inside skipping raw inline HTML; None if all of it is.

        Updates `raw_open` in place with the tags this text opens and closes.
        """
        blocked: list[tuple[int, int]] = []
        since = 0 if any(skips for _, skips in raw_open) else -1
        for placeholder in _placeholders(text):
            raw = self._stashed(placeholder.group(1))
            tag = _RAW_TAG.match(raw) if raw is not None else None
            if tag is None:
                continue
            closing, name, attributes, self_closing = tag.groups()
            name = name.lower()
            if closing:
                for index in range(len(raw_open) - 1, -1, -1):
                    if raw_open[index][0] == name:
                        del raw_open[index:]
                        break
            elif not self_closing and name not in _VOID_TAGS:
                raw_open.append((name, name in SKIP_TAGS or _raw_skip_class(attributes)))
            skipping = any(skips for _, skips in raw_open)
            if skipping and since < 0:
                since = placeholder.start()
            elif not skipping and since >= 0:
                blocked.append((since, placeholder.end()))
                since = -1
        if since >= 0:
            if since == 0 and not blocked:
                return None
            blocked.append((since, len(text)))
        return blocked

    def _stashed(self, index: str) -> str | None:
        position = int(index)
        if 0 <= position < len(self.stash):
            raw = self.stash[position]
            if isinstance(raw, str):
                return raw
        return None


_HTML_PLACEHOLDER: re.Pattern[str] = HTML_PLACEHOLDER_RE


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _glued(slot: _Slot, match: Match) -> bool:
    """Does a match that starts or ends with punctuation (".NET", "C++") touch a word in an
    adjacent inline element ("foo<em>.NET</em>", "C++<a>x</a>")?

    Inside one text node the matcher rejects that itself; across nodes it cannot see it.
    Checking here also keeps a second run over our own output from annotating more.
    """
    text = slot.text
    if match.start == 0 and slot.child is not None and not _is_word_char(text[0]):
        before = "".join(slot.child.itertext())
        if before and _is_word_char(before[-1]):
            return True
    if match.end == len(text) and slot.following is not None and not _is_word_char(text[-1]):
        after = next((piece for piece in slot.following.itertext() if piece), "")
        if after and _is_word_char(after[0]):
            return True
    return False


def _placeholders(text: str) -> Iterator[re.Match[str]]:
    return _HTML_PLACEHOLDER.finditer(text)


def _raw_skip_class(attributes: str) -> bool:
    found = _RAW_CLASS.search(attributes)
    if not found:
        return False
    classes = set(next(group for group in found.groups() if group is not None).split())
    return not classes.isdisjoint(SKIP_CLASSES)


def makeExtension(**kwargs: Any) -> FaqExtension:
    """What `markdown_extensions: [mkdocs_faq_plugin.markdown]` calls."""
    return FaqExtension(**kwargs)
