"""Links the linker writes or rewrites: `faq:`/`glossary:` targets and the form of a URL.

`resolve_links` turns `faq:ID` / `glossary:ID` hrefs into relative `.md` links, which a host
(MkDocs, Zensical) then turns into its own URLs and validates. `format_link` writes such a
link as a URL for use without a host.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING
from urllib.parse import unquote

from ..layout import FAQ_SCHEME, GLOSSARY_SCHEME, is_knowledge_link, knowledge_link, relative_url

if TYPE_CHECKING:
    from .context import LinkerContext

__all__ = ["format_link", "resolve_links"]


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


def resolve_links(root: etree.Element, context: LinkerContext) -> None:
    """`faq:ID` / `glossary:ID` hrefs → relative `.md` links; unknown targets become plain text.

    Bad links inside faq.yml were reported by the loader already, so generated pages do
    not warn a second time.
    """
    for anchor in root.iter("a"):
        href = anchor.get("href")
        if not href or not is_knowledge_link(href):
            continue
        href = knowledge_link(href)
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
