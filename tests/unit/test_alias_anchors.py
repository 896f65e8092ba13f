"""Anchors of glossary aliases (`kb.alias_anchors`): unique, never an id the pages already use."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_faq_plugin.kb.alias_anchors import alias_anchors
from mkdocs_faq_plugin.kb.ids import is_reserved
from mkdocs_faq_plugin.kb.model import KnowledgeBase, Question, Term


def _kb_with_aliases(aliases: list[list[str]], ids: list[str]):
    terms = tuple(Term(f"term-{n}", f"Term {n}", "A definition.", tuple(a)) for n, a in enumerate(aliases))
    questions = tuple(Question(i, "Question?", "Answer.") for i in ids)
    return KnowledgeBase(questions=questions, glossary=terms)


@given(
    st.lists(st.lists(st.text(alphabet="abFM -_.!é1", min_size=1, max_size=6), max_size=4), max_size=5),
    st.lists(st.sampled_from(["fm", "term-1", "faq-all-tags", "a-b", "e1"]), unique=True),
)
def test_alias_anchors_are_unique_and_never_an_entry_id(aliases, ids) -> None:
    kb = _kb_with_aliases(aliases, ids)
    anchors = alias_anchors(kb)
    values = list(anchors.values())
    assert len(values) == len(set(values))
    taken = set(ids) | {t.id for t in kb.glossary}
    assert not any(v in taken or is_reserved(v) or not v for v in values)
    assert all(alias in kb.terms_by_id[term_id].aliases for term_id, alias in anchors)
