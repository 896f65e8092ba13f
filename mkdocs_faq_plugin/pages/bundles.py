"""The plugin's CSS and JavaScript bundles: what each is made of, and which page needs which.

The sources in `assets/` are small files, one concern each. Readers get bundles of them, so that
a page loads only what it uses and scripts never depend on the order in which a browser runs
them (Material's instant navigation inserts scripts without keeping their order):

* `faq-tooltips.css` / `faq-tooltips.js`: term marks and their tooltip, on every page — and
  only with the `tooltips` option on: `tooltips: false` leaves ordinary pages with no plugin
  file at all;
* `faq-pages.css` / `faq-pages.js`: filter, collapsing, tag chips and letter navigation, on
  the generated pages only (`page_assets` lists them, in the page's own content, where
  Material's instant navigation finds and runs them);
* `faq-feedback.js`: the "Was this helpful?" buttons, on the FAQ pages when `feedback` is on.

Hosts without the plugin (`mkdocs-faq generate` for Zensical) list one stylesheet and one
script for the whole site: `faq.css` / `faq.js` hold everything. Nothing here imports MkDocs.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SOURCE_DIR = Path(__file__).resolve().parent.parent / "assets"
URI_DIR = "assets/faq"
"""Where the bundles are served, relative to the site root (and written by `generate`)."""

BUNDLES: dict[str, tuple[str, ...]] = {
    "faq-tooltips.css": ("palette.css", "tooltips.css"),
    "faq-tooltips.js": ("tooltips.js",),
    "faq-pages.css": ("palette.css", "pages.css", "reading.css"),
    "faq-pages.js": ("widgets.js", "marks.js", "questions.js", "glossary.js"),
    "faq-feedback.js": ("feedback.js",),
    "faq.css": ("palette.css", "tooltips.css", "pages.css", "reading.css"),
    "faq.js": ("tooltips.js", "widgets.js", "marks.js", "questions.js", "glossary.js"),
}
"""Bundle name -> its source files in `assets/`, in the order they are joined."""

SITE_WIDE = ("faq.css", "faq.js")
"""The two bundles `mkdocs-faq generate` copies for a site's `extra_css` / `extra_javascript`."""


@dataclass(frozen=True)
class Asset:
    """One bundle: its URI under the site root (`assets/faq/faq-pages.js`) and its text."""

    uri: str
    text: str

    @property
    def is_script(self) -> bool:
        return self.uri.endswith(".js")


@cache
def bundle(name: str) -> str:
    """The text of one bundle: its sources joined, each starting on a new line."""
    parts = [(SOURCE_DIR / source).read_text(encoding="utf-8") for source in BUNDLES[name]]
    return "\n".join(part.rstrip("\n") + "\n" for part in parts)


def uri(name: str) -> str:
    return f"{URI_DIR}/{name}"


def site_assets(*, tooltips: bool) -> list[str]:
    """Bundle names for every page (the site's `extra_css` / `extra_javascript`)."""
    return ["faq-tooltips.css", "faq-tooltips.js"] if tooltips else []


def page_assets(kind: str | None, *, feedback: bool) -> list[str]:
    """Bundle names a generated page of `kind` (front matter `faq_generated`) needs besides
    the site-wide ones; none for any other page."""
    if kind not in ("index", "category", "glossary"):
        return []
    names = ["faq-pages.css", "faq-pages.js"]
    if feedback and kind != "glossary":
        names.append("faq-feedback.js")
    return names


def served(*, tooltips: bool, feedback: bool) -> list[Asset]:
    """Every bundle a build with these options serves."""
    names = site_assets(tooltips=tooltips) + page_assets("index", feedback=feedback)
    return [Asset(uri(name), bundle(name)) for name in names]


def tags(names: Sequence[str], page_url: str) -> str:
    """`<link>` and `<script>` elements for `names`, with URLs relative to the page at
    `page_url` (a site URL such as `faq/basics/` or `faq/basics.html`)."""
    base = posixpath.dirname(page_url) if not page_url.endswith("/") else page_url.rstrip("/")
    out = []
    for name in names:
        href = html.escape(posixpath.relpath(uri(name), base or "."), quote=True)
        if name.endswith(".css"):
            out.append(f'<link rel="stylesheet" href="{href}">')
        else:
            out.append(f'<script src="{href}"></script>')
    return "".join(out)


def with_page_assets(content: str, names: Sequence[str], page_url: str) -> str:
    """A generated page's HTML content with its own bundles: stylesheets before it, scripts
    after it. Inside the content, Material's instant navigation swaps them in and runs them."""
    styles = [name for name in names if name.endswith(".css")]
    scripts = [name for name in names if not name.endswith(".css")]
    return f"{tags(styles, page_url)}\n{content}\n{tags(scripts, page_url)}"
