"""The Jinja2 environment our page templates render in; a theme's folders come first."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterable
from pathlib import Path

import jinja2

from ..text import attrs, fold, html_text, md_attr, md_block, md_text, safe_url
from .labels import Labels

TEMPLATES_DIR = Path(__file__).parent.parent / "templates"


def template_environment(extra_dirs: Iterable[str] = ()) -> jinja2.Environment:
    """The Jinja2 environment for our templates; `extra_dirs` (theme dirs) are searched first.

    A theme's `custom_dir/faq/category.md.j2` therefore replaces ours. Autoescaping is on only
    for `.html.j2` templates: the `.md.j2` ones emit Markdown and escape with `md_text`.
    Compiling the templates is most of the cost of a small site's pages, so `mkdocs serve`
    rebuilds reuse the environment until a template in one of the folders changes.
    """
    dirs = tuple(str(d) for d in extra_dirs)
    return _environment(dirs, _template_stamp((*dirs, str(TEMPLATES_DIR))))


def _template_stamp(dirs: tuple[str, ...]) -> tuple[tuple[str, int, int], ...]:
    """Name, modification time and size of every template a theme folder could supply."""
    stamp: list[tuple[str, int, int]] = []
    for folder in dirs:
        try:
            entries = list(os.scandir(os.path.join(folder, "faq")))
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith(".j2"):
                try:
                    info = entry.stat()
                except OSError:
                    continue
                stamp.append((entry.path, info.st_mtime_ns, info.st_size))
    return tuple(sorted(stamp))


@functools.lru_cache(maxsize=8)
def _environment(dirs: tuple[str, ...], stamp: tuple[tuple[str, int, int], ...]) -> jinja2.Environment:
    del stamp  # part of the cache key only
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(d) for d in dirs]
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATES_DIR)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "htm", "xml", "html.j2"),
            disabled_extensions=("md.j2",),
            default_for_string=False,
            default=False,
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(
        md_text=md_text, md_attr=md_attr, md_block=md_block, fold=fold, html_text=html_text
    )
    env.globals.update(attrs=attrs, safe_url=safe_url, toolbar=toolbar)
    return env


def toolbar(labels: Labels, collapse: str = "") -> str:
    """The empty element the widget script (`widgets.js`) turns into the filter toolbar, carrying the page's words.

    A raw HTML block (the template surrounds it with blank lines); hidden while empty, so
    readers without JavaScript see nothing. `collapse` (FAQ pages) says when answers start
    collapsed (the `collapse_answers` option).
    """
    # ASCII (`\u2026` for "…"): one character outside Latin-1 would make Python store the
    # whole page, and its HTML, at two or four bytes a character.
    words = json.dumps(labels.as_dict(), ensure_ascii=True, sort_keys=True)
    mode = f' data-faq-collapse="{md_attr(collapse)}"' if collapse else ""
    return f'<div class="faq-tools" data-faq-labels="{md_attr(words)}"{mode}></div>'
