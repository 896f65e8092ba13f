"""Anchors for glossary aliases: `glossary/#llm` lands on the entry of "large language model".

A reader (or another site) that links a term by its alias's slug should reach the entry,
not the top of the glossary. Each alias gets the slug a term's default id is made with (`text.slug`), as
the id of the alias where the entry lists it, unless that id is already taken: by any
category, question or term id (those are headings on our pages), by one of the plugin's own
anchors, or by an earlier alias. Pure.
"""

from __future__ import annotations

from ..text import slug
from .ids import is_reserved
from .model import KnowledgeBase


def alias_anchors(kb: KnowledgeBase) -> dict[tuple[str, str], str]:
    """(term id, alias as written) → the id its mention in the entry carries, in file order.

    Aliases whose slug is empty (no Latin letter or digit) or taken get none.
    """
    taken = {c.id for c in kb.categories} | {q.id for q in kb.questions} | {t.id for t in kb.glossary}
    anchors: dict[tuple[str, str], str] = {}
    for term in kb.glossary:
        for alias in term.aliases:
            anchor = slug(alias)
            if not anchor or anchor in taken or is_reserved(anchor):
                continue
            taken.add(anchor)
            anchors[(term.id, alias)] = anchor
    return anchors
