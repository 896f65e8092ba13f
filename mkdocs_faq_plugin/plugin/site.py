"""What the plugin reads from, and adds to, an MkDocs site's configuration and files.

Small policies the event handlers share: where the site's files live, which Markdown
extension and asset entries must be present once, Material's feedback settings, which
generated page would collide with a page the site already has, and the folders `mkdocs serve`
watches for faq.yml edits.
"""

from __future__ import annotations

import glob
import os
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..pages.render import Feedback, GeneratedPage
from .i18n import StaticI18n


def base_dir(config: MkDocsConfig) -> str:
    """The folder holding mkdocs.yml, which faq.yml paths are relative to."""
    return os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))


def append_once(items: list[Any], item: Any) -> None:
    """static-i18n reuses one config object for every language: never add an entry twice."""
    if item not in items:
        items.append(item)


def ensure_extension(config: MkDocsConfig, name: str) -> None:
    """Generated pages set heading ids with attr_list syntax; add it when the site lacks it."""
    names = {getattr(e, "__module__", e) if not isinstance(e, str) else e for e in config.markdown_extensions}
    if name not in names and f"markdown.extensions.{name}" not in names:
        config.markdown_extensions.append(name)


def feedback_settings(config: MkDocsConfig, option: bool | None) -> Feedback | None:
    """Per-question feedback settings: `option` if given, else on when Material's page
    feedback (`extra.analytics.feedback`) is configured; its first two ratings' `data` are
    the values our "yes" and "no" buttons send."""
    analytics = config.extra.get("analytics") if config.extra else None
    material = analytics.get("feedback") if isinstance(analytics, dict) else None
    if option is False or (option is None and not material):
        return None
    ratings = material.get("ratings") if isinstance(material, dict) else None
    values = [
        str(r["data"]) for r in ratings or () if isinstance(r, dict) and r.get("data") is not None
    ]
    if len(values) >= 2:
        return Feedback(yes=values[0], no=values[1])
    return Feedback()


def template_error(exc: jinja2.TemplateError) -> PluginError:
    """A one-line error naming the template (a theme's override or ours) and its line."""
    where = getattr(exc, "filename", None) or getattr(exc, "name", None) or "a faq template"
    line = getattr(exc, "lineno", None)
    return PluginError(f"faq: {where}{f':{line}' if line else ''}: {exc.message or exc}")


def refuse_conflicts(pages: list[GeneratedPage], config: MkDocsConfig, i18n: StaticI18n | None) -> None:
    """Refuse, before anything is written, a generated page that `exclude_docs` would drop or
    that a page in `docs_dir` (in any language) already is."""
    excluded = config.exclude_docs
    for page in pages:
        if excluded is not None and excluded.match_file(page.src_path):
            raise PluginError(
                f"faq: exclude_docs leaves out {page.src_path}, which the faq plugin generates "
                "and links to; set the plugin's faq_dir / glossary_page option instead"
            )
        sources = [page.src_path, *(i18n.localized_sources(page.src_path) if i18n else ())]
        for source in sources:
            if os.path.isfile(os.path.join(config.docs_dir, *source.split("/"))):
                what = "that page" if source == page.src_path else f"{page.src_path} in every language"
                raise PluginError(
                    f"faq: {config.docs_dir}/{source} exists, but the faq plugin generates "
                    f"{what}; rename it or set the plugin's faq_dir / glossary_page option"
                )


def page_link(files: Files, src: str, glossary: Page) -> tuple[str, str] | None:
    """A built page's plain-text title and URL relative to the glossary, for "Used in"."""
    file = files.get_file_from_path(src)
    if file is None or file.page is None:
        return None
    url = get_relative_url(file.page.url or ".", glossary.url or ".")
    # MkDocs titles may hold markup (`Q &amp; A`); the template escapes plain text.
    return Markup(file.page.title or src).striptags(), url


def built_pages(files: Files, src_paths: tuple[str, ...]) -> list[Page]:
    """The pages of `src_paths` that this build has (exclude_docs may have dropped some)."""
    pages = []
    for src in src_paths:
        file = files.get_file_from_path(src)
        if file is not None and file.page is not None:
            pages.append(file.page)
    return pages


def watched_folders(patterns: list[str], base: str) -> list[tuple[str, bool]]:
    """(folder, recursive) for each faq.yml path or glob: a watched file that disappears is
    dropped by the watcher for good, so the folder holding it is watched, and a glob's tree."""
    folders: list[tuple[str, bool]] = []
    for pattern in patterns:
        absolute = os.path.join(base, pattern)
        if glob.has_magic(pattern):
            root = absolute.split("*", 1)[0].split("?", 1)[0].split("[", 1)[0]
            folder = os.path.dirname(root) or base
            if os.path.isdir(folder):
                folders.append((folder, True))
        elif os.path.isdir(os.path.dirname(absolute)):
            folders.append((os.path.dirname(absolute), False))
    return folders


def imports_only(file_option: object, base: str) -> bool:
    """A site that imports glossaries and has no faq.yml of its own: the `file` option left at
    its default and no such file. Any file the site names itself must exist."""
    return file_option == "faq.yml" and not os.path.exists(os.path.join(base, "faq.yml"))
