"""Who converts the page: the extension on its own finds out from its host.

Used without the MkDocs plugin (no `LinkerContext` handed in), the extension looks at the
`Markdown` instance converting a page:

* Zensical registers a `rendering_context` preprocessor whose `.page.path` is the page's
  source path and whose `.config["root_dir"]` is the project folder;
* MkDocs and ProperDocs register their `relpath` treeprocessor, whose `.file.src_uri` is the
  page's source path and whose `.config.config_file_path` locates the project;
* anywhere else (a bare `markdown.markdown(...)`) the `current_page` option names the page and
  `faq_file` is relative to the working directory.

It then loads faq.yml itself, once per version of the files (`load_site`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from markdown import Markdown

from ..layout import SiteLayout
from ..terms.matcher import TermMatcher
from ..text import plain_text

__all__ = ["HostPage", "StandaloneSite", "detect_host", "load_site"]


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


def detect_host(md: Markdown, default_page: str) -> HostPage:
    """Who is converting which page (see the module docstring)."""
    if "rendering_context" in md.preprocessors:  # Zensical
        rendering = md.preprocessors["rendering_context"]
        page = getattr(rendering, "page", None)
        config = getattr(rendering, "config", None)
        root = config.get("root_dir") if isinstance(config, dict) else None
        return HostPage(
            "zensical",
            _source_path(getattr(page, "path", None)) or default_page,
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
            _source_path(getattr(file, "src_uri", None)) or default_page,
            getattr(page, "meta", None),
            os.path.dirname(os.path.abspath(config_file)) if config_file else None,
        )
    return HostPage("none", default_page, None, None)


def _source_path(path: object) -> str:
    return str(path).replace(os.sep, "/").lstrip("/") if path else ""


@dataclass(frozen=True)
class StandaloneSite:
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
    language: str | None,
) -> StandaloneSite:
    from ..kb.loading import load_knowledge_base  # only standalone use needs YAML loading

    kb = load_knowledge_base(list(paths), base_dir)
    return StandaloneSite(
        SiteLayout(kb, faq_dir.strip("/"), glossary_page),
        TermMatcher.from_terms(kb.glossary, kb.language or language),  # its own, if it says
        {t.id: plain_text(t.definition) for t in kb.glossary},
    )


def load_site(
    paths: tuple[str, ...],
    base_dir: str,
    faq_dir: str,
    glossary_page: str,
    language: str | None = None,
) -> StandaloneSite:
    """Load once per version of the files (hosts may build a new extension for every page).

    A version is the files a pattern matches now, each with its modification time and size,
    so an edit, a new file matching a glob, or a deleted file all cause a reload.
    """
    from ..kb.loading import expand_paths

    files, _ = expand_paths(list(paths), base_dir)
    stamps = []
    for path in files:
        try:
            stat = os.stat(path)
            stamps.append((path, stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append((path, -1, -1))  # missing: the loader reports it
    return _load_site_cached(paths, base_dir, tuple(stamps), faq_dir, glossary_page, language)
