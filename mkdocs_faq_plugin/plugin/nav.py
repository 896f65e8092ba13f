"""Where the generated pages go in the site navigation.

An explicit `nav` (or one built by mkdocs-literate-nav) that mentions any generated page is
the author's decision and is kept. Otherwise the FAQ pages become one section and the
glossary a page, both at the end — also for an implicit nav, where MkDocs would have
sorted them alphabetically among the author's pages.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def extend_config_nav(nav_config: list[Any], *, faq_pages: list[str], glossary_page: str, faq_title: str) -> None:
    """Append our pages to an explicit `nav` that does not mention any of them.

    Done on the configuration (before MkDocs builds the navigation) so that MkDocs does not
    report the generated pages as left out of the nav.
    """
    if _mentions(nav_config, {*faq_pages, glossary_page}):
        return
    if len(faq_pages) == 1:
        nav_config.append(faq_pages[0])
    elif faq_pages:
        nav_config.append({faq_title: list(faq_pages)})
    nav_config.append(glossary_page)


def _mentions(entry: Any, paths: set[str]) -> bool:
    if isinstance(entry, str):
        return entry.lstrip("/") in paths
    if isinstance(entry, dict):
        return any(_mentions(value, paths) for value in entry.values())
    if isinstance(entry, list):
        return any(_mentions(item, paths) for item in entry)
    return False


def place(
    nav: Navigation,
    *,
    faq_pages: list[Page],
    glossary_page: Page | None,
    faq_title: str,
    implicit: bool,
) -> Navigation:
    ours = [*faq_pages, *([glossary_page] if glossary_page else [])]
    if not ours:
        return nav
    mentioned = any(page in nav.pages for page in ours)
    if mentioned and not implicit:
        return nav
    if implicit:
        nav.items = _without(nav.items, ours)
        nav.pages = [page for page in nav.pages if page not in ours]
    added: list[Section | Page] = []
    if faq_pages:
        if len(faq_pages) == 1:
            faq_pages[0].parent = None
            added.append(faq_pages[0])
        else:
            section = Section(faq_title, list(faq_pages))
            for page in faq_pages:
                page.parent = section
            added.append(section)
    if glossary_page is not None:
        glossary_page.parent = None
        added.append(glossary_page)
    nav.items = [*nav.items, *added]
    nav.pages = [*nav.pages, *ours]
    _link_neighbours(nav.pages)
    return nav


def _without(items: list, remove: list[Page]) -> list:
    """The nav tree without the given pages, dropping sections left empty."""
    kept = []
    for item in items:
        if isinstance(item, Section):
            item.children = _without(item.children, remove)
            if item.children:
                kept.append(item)
        elif not any(item is page for page in remove):
            kept.append(item)
    return kept


def _link_neighbours(pages: list[Page]) -> None:
    """Previous/next links follow the final page order."""
    for index, page in enumerate(pages):
        page.previous_page = pages[index - 1] if index > 0 else None
        page.next_page = pages[index + 1] if index + 1 < len(pages) else None


def retitle(nav: Navigation, faq_pages: list[Page], old_title: str, new_title: str) -> None:
    """Rename the FAQ section `extend_config_nav` added in another language's build.

    mkdocs-static-i18n builds every language from one config object, whose `nav` keeps the
    section title of the first language built.
    """
    for item in _sections(nav.items):
        if item.title == old_title and item.children and all(c in faq_pages for c in item.children):
            item.title = new_title


def _sections(items: list) -> list[Section]:
    found = []
    for item in items:
        if isinstance(item, Section):
            found.append(item)
            found += _sections(item.children)
    return found
