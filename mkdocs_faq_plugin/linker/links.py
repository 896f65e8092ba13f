"""The `faq:`/`glossary:` links of a page: `resolve_links` turns `faq:ID` / `glossary:ID` hrefs
into relative `.md` links, which a host (MkDocs, Zensical) then turns into its own URLs and
validates; without a host, `layout.format_link` writes them as URLs.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING
from urllib.parse import unquote

from ..kb.ids import FAQ_SCHEME, GLOSSARY_SCHEME, is_knowledge_link, knowledge_link

if TYPE_CHECKING:
    from .context import LinkerContext

__all__ = ["resolve_links"]


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
            term = context.layout.kb.find_term(target) if scheme == GLOSSARY_SCHEME else None
            if term is not None:
                context.linked.add(term.id)  # its everyday-word mentions here mean it
            continue
        imported = _imported(context, scheme, target)
        if imported is not None:  # another site's entry (`import:`): the owner's absolute URL
            anchor.set("href", imported)
            continue
        # A span keeps the text and links nowhere; hosts such as MkDocs expect every <a> to
        # carry an href.
        anchor.tag = "span"
        del anchor.attrib["href"]
        anchor.set("class", " ".join([*(anchor.get("class") or "").split(), "faq-broken-link"]))
        if not context.on_generated_page:
            context.warn(f"{context.page}: unknown {scheme} link target '{target}'")


def _imported(context: LinkerContext, scheme: str, target: str) -> str | None:
    if not target or not context.shared:
        return None
    if scheme == FAQ_SCHEME:
        return context.shared.faq_url(target)
    return context.shared.term_url(target)
