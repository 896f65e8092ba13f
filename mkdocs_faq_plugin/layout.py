"""Where each generated page lives, and how `faq:`/`glossary:` links resolve to it.

Paths here are *source* paths (`faq/basics.md`), relative to `docs_dir` and always with
forward slashes. Links are written as relative `.md` paths so that the host (MkDocs,
ProperDocs, Zensical) turns them into URLs with its own rules and validates them.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cached_property, lru_cache
from urllib.parse import quote

from .kb.ids import FAQ_SCHEME, GLOSSARY_SCHEME
from .kb.model import KnowledgeBase


@dataclass(frozen=True)
class SiteLayout:
    """The source paths of the generated pages for one knowledge base.

    Refuses (`ValueError`) a `faq_dir` or `glossary_page` that could point outside
    `docs_dir`, or two generated pages sharing one path: every file the plugin writes
    (pages, `faq.json`) is derived from these paths.
    """

    kb: KnowledgeBase
    faq_dir: str = "faq"
    glossary_page: str = "glossary.md"

    def __post_init__(self) -> None:
        problem = unsafe_path(self.faq_dir, folder=True)
        if problem:
            raise ValueError(f"faq_dir {self.faq_dir!r} {problem}")
        problem = unsafe_path(self.glossary_page, folder=False)
        if problem:
            raise ValueError(f"glossary_page {self.glossary_page!r} {problem}")
        if self.glossary_page in self.faq_pages:
            raise ValueError(
                f"glossary_page {self.glossary_page!r} is also the path of a generated FAQ page; "
                "choose another glossary_page or faq_dir"
            )

    @property
    def index_page(self) -> str:
        return posixpath.join(self.faq_dir, "index.md") if self.faq_dir else "index.md"

    def category_page(self, category_id: str) -> str:
        return posixpath.join(self.faq_dir, f"{category_id}.md")

    def question_page(self, question_id: str) -> str | None:
        """The page whose heading carries the question, or None for an unknown id."""
        return self._question_pages.get(question_id)

    @cached_property
    def _question_pages(self) -> dict[str, str]:
        """Computed once: page generation, linking and JSON-LD ask for every question."""
        by_category = bool(self.kb.categories)
        return {
            q.id: self.category_page(q.category) if by_category and q.category else self.index_page
            for q in self.kb.questions
        }

    @cached_property
    def faq_pages(self) -> tuple[str, ...]:
        """The FAQ pages in navigation order: the index, then one per category."""
        return (self.index_page, *(self.category_page(c.id) for c in self.kb.categories))

    @cached_property
    def all_pages(self) -> tuple[str, ...]:
        return (*self.faq_pages, self.glossary_page)

    def questions_on(self, page: str) -> tuple[str, ...]:
        """Ids of the questions whose headings are on `page`, in file order."""
        return self._questions_by_page.get(page, ())

    @cached_property
    def _questions_by_page(self) -> dict[str, tuple[str, ...]]:
        pages: dict[str, list[str]] = {}
        for qid, page in self._question_pages.items():
            pages.setdefault(page, []).append(qid)
        return {page: tuple(ids) for page, ids in pages.items()}

    def resolve(self, href: str, from_page: str) -> str | None:
        """Turn `faq:ID` / `glossary:ID` (optionally `faq:` alone) into a relative `.md` link.

        Returns None when the target does not exist; other hrefs are returned unchanged.
        """
        if href.startswith(FAQ_SCHEME):
            target_id = href[len(FAQ_SCHEME):]
            if not target_id:
                return relative_link(self.index_page, from_page)
            if target_id in self.kb.categories_by_id:
                return relative_link(self.category_page(target_id), from_page)
            page = self.question_page(target_id)
            return None if page is None else relative_link(page, from_page, target_id)
        if href.startswith(GLOSSARY_SCHEME):
            target_id = href[len(GLOSSARY_SCHEME):]
            if not target_id:
                return relative_link(self.glossary_page, from_page)
            term = self.kb.find_term(target_id)
            return None if term is None else relative_link(self.glossary_page, from_page, term.id)
        return href


def relative_link(target_page: str, from_page: str, anchor: str = "") -> str:
    """A link from one source page to another (and an anchor in it), relative to the source."""
    path = _relative_path(target_page, from_page)
    return f"{path}#{anchor}" if anchor else (path or "#")


@lru_cache(maxsize=4096)
def _relative_path(target_page: str, from_page: str) -> str:
    """`posixpath.relpath` is slow, and generated pages link the same few pages thousands of
    times (every tag, related question and "see also" of every entry)."""
    if target_page == from_page:
        return ""
    return posixpath.relpath(target_page, posixpath.dirname(from_page) or ".")


def page_url(source_path: str, *, directory_urls: bool = True) -> str:
    """The URL of a generated page relative to the site root, as MkDocs serves it.

    `faq/basics.md` → `faq/basics/`, `faq/index.md` → `faq/`, `index.md` → `` (the root);
    with `directory_urls=False`: `faq/basics.html`, `faq/index.html`.
    """
    stem, _ = posixpath.splitext(source_path.replace("\\", "/").lstrip("/"))
    if directory_urls:
        if posixpath.basename(stem) == "index":
            path = posixpath.dirname(stem)
        else:
            path = stem
        path = f"{path}/" if path else ""
    else:
        path = f"{stem}.html"
    return quote(path, safe="/")


def page_href(target_page: str, from_page: str, anchor: str = "", *, directory_urls: bool = True) -> str:
    """The URL of one generated page (and an anchor in it) relative to another's URL.

    For links the pages write as HTML, which no host rewrites: `faq/basics.md` to
    `faq/index.md#x` is `../#x` with directory URLs, `index.html#x` without.
    """
    path = "" if target_page == from_page and anchor else relative_url(
        target_page, from_page, directory_urls=directory_urls
    )
    return f"{path}#{anchor}" if anchor else path


@lru_cache(maxsize=4096)
def relative_url(target_page: str, from_page: str, *, directory_urls: bool = True) -> str:
    """The URL of page `target_page` relative to the URL of page `from_page` (source paths):
    `./` for the page itself with directory URLs."""
    url = page_url(target_page, directory_urls=directory_urls)
    base = page_url(from_page, directory_urls=directory_urls).rpartition("/")[0]
    relative = posixpath.relpath(url.rstrip("/") or ".", base or ".")
    if url.endswith("/") or not url:
        relative = "./" if relative == "." else relative + "/"
    return relative


def unsafe_path(path: str, *, folder: bool) -> str | None:
    """Why `path` cannot be a generated page (or, with `folder`, their folder), or None.

    A path must stay inside `docs_dir` (and so inside `site_dir`) on every system: relative,
    forward slashes only, no `.`/`..`/empty parts, no drive letters or control characters.
    `faq_dir` may be empty (the pages then live at the top of `docs_dir`).
    """
    if not isinstance(path, str):
        return "must be text"
    if folder and path == "":
        return None
    if any(ord(char) < 32 or ord(char) == 127 for char in path):
        return "contains control characters"
    if "\\" in path or ":" in path:
        return "must use forward slashes and no drive letter or ':' (a path inside docs_dir)"
    if path.startswith(("/", "~")):
        return "must be relative to docs_dir, not an absolute path"
    parts = path.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return "must stay inside docs_dir: no '..', '.' or empty parts"
    if not folder and (not path.endswith(".md") or parts[-1] == ".md"):
        return "must be a Markdown page ending in .md, e.g. glossary.md"
    return None

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
    target = posixpath.normpath(posixpath.join(posixpath.dirname(from_page), path))
    relative = relative_url(target, from_page, directory_urls=link_format == "directory")
    return f"{relative}{hash_mark}{anchor}"
