"""`form_cache`: imported terms' compiled forms kept between builds match exactly as if compiled
afresh, and a stale or damaged file is only a slower build."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_faq_plugin.kb.model import Term
from mkdocs_faq_plugin.terms import form_cache
from mkdocs_faq_plugin.terms.form_cache import FormCache
from mkdocs_faq_plugin.terms.matcher import TermMatcher

LOCAL = (Term("api", "API", "Local."), Term("widget", "widget", "Local widget.", aliases=("gadget",)))
IMPORTED = (
    Term("api-gateway", "API gateway", "Imported."),
    Term("service-mesh", "service mesh", "Imported.", aliases=("mesh network",)),
    Term("co-widget", "widgets", "Imported plural, written."),
    Term("kpi", "KPI", "Imported.", case_sensitive=True, variants=False),
)
TEXT = "An API gateway and the API; two service meshes, a mesh network, widgets, KPI and kpi."


def test_cached_forms_match_like_fresh_ones(tmp_path: Path) -> None:
    fresh = TermMatcher.from_terms((*LOCAL, *IMPORTED)).find(TEXT)
    first = TermMatcher.from_terms(LOCAL, compiled=FormCache(str(tmp_path)).forms(IMPORTED)).find(TEXT)
    second = TermMatcher.from_terms(LOCAL, compiled=FormCache(str(tmp_path)).forms(IMPORTED)).find(TEXT)
    assert first == fresh and second == fresh
    assert {m.term_id for m in fresh} >= {"api-gateway", "api", "service-mesh", "co-widget", "kpi"}


def test_a_second_build_reads_the_file_instead_of_compiling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    FormCache(str(tmp_path)).forms(IMPORTED)
    assert (tmp_path / form_cache.FILE_NAME).is_file()

    def refuse(term: Term, language: str | None = None, page: str | None = None) -> None:
        raise AssertionError(f"compiled {term.id} again")

    monkeypatch.setattr(form_cache, "compile_term", refuse)
    assert FormCache(str(tmp_path)).forms(IMPORTED)


@pytest.mark.parametrize("content", [b"", b"\x00garbage", b"\xe3" * 10])
def test_a_damaged_file_counts_as_empty(tmp_path: Path, content: bytes) -> None:
    (tmp_path / form_cache.FILE_NAME).write_bytes(content)
    matcher = TermMatcher.from_terms(LOCAL, compiled=FormCache(str(tmp_path)).forms(IMPORTED))
    assert matcher.find(TEXT) == TermMatcher.from_terms((*LOCAL, *IMPORTED)).find(TEXT)


UKRAINIAN = (Term("model", "модель", "Мережа."), Term("prompt", "промпт", "Запит."))
UKRAINIAN_TEXT = "Керуйте моделлю промптами."


def test_each_term_gets_the_forms_of_its_language_and_the_key_holds_it(tmp_path: Path) -> None:
    cache = FormCache(str(tmp_path))
    fresh = TermMatcher.from_terms(UKRAINIAN, "uk").find(UKRAINIAN_TEXT)
    assert [m.term_id for m in fresh] == ["model", "prompt"]
    assert TermMatcher.from_terms((), compiled=cache.forms(UKRAINIAN, language="uk")).find(UKRAINIAN_TEXT) == fresh
    # The same terms in English (asked later by another edition): English forms, not the
    # Ukrainian ones kept for the same term.
    assert TermMatcher.from_terms((), compiled=cache.forms(UKRAINIAN)).find(UKRAINIAN_TEXT) == []
    # A term's own language (`languages`) beats the pages'.
    mixed = cache.forms(UKRAINIAN, {"prompt": "uk-UA"}, "en")
    assert [m.term_id for m in TermMatcher.from_terms((), compiled=mixed).find(UKRAINIAN_TEXT)] == ["prompt"]
    # Languages without rules of their own share the English entry.
    assert form_cache.term_key(UKRAINIAN[0], "fr") == form_cache.term_key(UKRAINIAN[0], None)
    assert form_cache.term_key(UKRAINIAN[0], "uk") == form_cache.term_key(UKRAINIAN[0], "uk-UA")


def test_the_file_keeps_every_language_of_the_current_terms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Editions of a translated site ask in turn: neither language's forms push out the other's."""
    cache = FormCache(str(tmp_path))
    cache.forms(UKRAINIAN, language="uk")
    cache.forms(UKRAINIAN, language="en")
    cache.forms((*UKRAINIAN[:1], Term("prompt", "промпт", "Змінено.", aliases=("запит",))), language="uk")

    def refuse(term: Term, language: str | None = None, page: str | None = None) -> None:
        raise AssertionError(f"compiled {term.id} in {language} again")

    monkeypatch.setattr(form_cache, "compile_term", refuse)
    reread = FormCache(str(tmp_path))
    assert reread.forms(UKRAINIAN[:1], language="uk") and reread.forms(UKRAINIAN[:1], language="en")
    with pytest.raises(AssertionError, match="compiled prompt in uk again"):
        reread.forms(UKRAINIAN, language="uk")  # the old "prompt" gave way to the new one


def test_a_file_of_other_form_rules_counts_as_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stamp holds a digest of the modules that make forms: an edited rule compiles again."""
    FormCache(str(tmp_path)).forms(UKRAINIAN, language="uk")
    stamp = form_cache.stamp()
    assert len(str(stamp[-1])) == 64  # a sha256 of the rule modules' code
    compiled: list[str] = []
    real = form_cache.compile_term

    def counting(term: Term, language: str | None = None, page: str | None = None) -> object:
        compiled.append(term.id)
        return real(term, language, page)

    monkeypatch.setattr(form_cache, "compile_term", counting)
    FormCache(str(tmp_path)).forms(UKRAINIAN, language="uk")
    assert compiled == []
    monkeypatch.setattr(form_cache, "stamp", lambda: (*stamp[:-1], "other rules"))
    FormCache(str(tmp_path)).forms(UKRAINIAN, language="uk")
    assert compiled == ["model", "prompt"]


WORDS = st.sampled_from(["data", "mesh", "api", "gate", "node", "flow", "KPI", "e-mail", "C++"])
NAMES = st.lists(WORDS, min_size=1, max_size=3).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(
    local=st.lists(NAMES, max_size=4, unique=True),
    imported=st.lists(NAMES, max_size=6, unique=True),
    text=st.lists(WORDS, max_size=30).map(" ".join),
)
def test_cached_and_fresh_matchers_agree(tmp_path_factory: pytest.TempPathFactory, local: list[str], imported: list[str], text: str) -> None:
    own = tuple(Term(f"l{i}", name, "d") for i, name in enumerate(local))
    other = tuple(Term(f"i{i}", name, "d") for i, name in enumerate(imported))
    cache = FormCache(str(tmp_path_factory.mktemp("forms")))
    assert TermMatcher.from_terms(own, compiled=cache.forms(other)).find(text) == TermMatcher.from_terms((*own, *other)).find(text)


def test_an_imported_name_in_another_language_is_declined_as_a_loanword(tmp_path: Path) -> None:
    pod = (Term("pod", "Pod", "A group of containers."),)
    text = "Dwa pody i trzy Pods."
    fresh = TermMatcher.from_terms(pod, "pl", {"pod": "en"}).find(text)
    cached = FormCache(str(tmp_path)).forms(pod, {"pod": "en"}, "pl")
    assert TermMatcher.from_terms((), compiled=cached).find(text) == fresh
    assert [text[m.start:m.end] for m in fresh] == ["pody", "Pods"]
    # on English pages the same English term has no Polish endings, and no entry is shared
    english = FormCache(str(tmp_path)).forms(pod, {"pod": "en"}, "en")
    assert [text[m.start:m.end] for m in TermMatcher.from_terms((), compiled=english).find(text)] == ["Pods"]
    assert form_cache.term_key(pod[0], "en", "pl") != form_cache.term_key(pod[0], "en", "en")
