"""Word forms in inflected languages (`terms.morphology`): the rules per language, that each
term gets only its own language's forms, and that `variants: false` turns them off."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from mkdocs_faq_plugin.kb.model import Term
from mkdocs_faq_plugin.terms.forms import term_forms
from mkdocs_faq_plugin.terms.matcher import TermMatcher
from mkdocs_faq_plugin.terms.morphology import LANGUAGES, name_forms


@pytest.mark.parametrize(
    ("name", "language", "expected"),
    [
        ("модель", "uk", {"моделі", "моделлю", "моделей", "моделями"}),
        ("датасет", "uk", {"датасетів", "датасети", "датасету"}),
        ("промпт", "uk", {"промптами", "промптів"}),
        ("вузол", "uk", {"вузла", "вузлі", "вузли"}),
        ("функція", "uk", {"функції", "функцію", "функцій"}),
        ("віртуальна машина", "uk", {"віртуальної машини", "віртуальними машинами"}),
        ("площина управління", "uk", {"площини управління", "площиною управління"}),
        ("Pod", "uk", {"Podʼів", "Pod'ів"}),
        ("модель", "ru", {"модели", "моделью", "моделей"}),
        ("контейнер", "ru", {"контейнера", "контейнеров", "контейнерами"}),
        ("машинное обучение", "ru", {"машинного обучения", "машинным обучением"}),
        ("kontener", "pl", {"kontenera", "kontenerze", "kontenerów"}),
        ("maszyna wirtualna", "pl", {"maszyny wirtualnej", "maszynę wirtualną"}),
        ("sieć", "pl", {"sieci", "siecią"}),
        ("węzeł", "pl", {"węzła", "węzły", "węzłów", "węzłami"}),
        ("dodatek", "pl", {"dodatku", "dodatków", "dodatki"}),
        ("klaster", "pl", {"klastra", "klastrze", "klastrów"}),
        ("узел", "ru", {"узла", "узлы", "узлов"}),
        ("Modell", "de", {"Modells", "Modelle", "Modellen"}),
        ("Modell-Training", "de", {"Modell-Trainings"}),
        ("verteiltes System", "de", {"verteilte Systeme", "verteilten Systemen"}),
        ("kitabu", "sw", {"vitabu", "kitabuni"}),
        ("mfano", "sw", {"mifano"}),
        ("ሞዴል", "am", {"ሞዴሎች", "ሞዴሉ", "የሞዴሎች"}),
        ("ቤት", "am", {"ቤቶች"}),
        ("ቋንቋ", "am", {"ቋንቋዎች"}),
        ("malli", "fi", {"mallin", "mallissa", "malliin"}),
        ("pankki", "fi", {"pankin"}),
    ],
)
def test_forms_per_language(name: str, language: str, expected: set[str]) -> None:
    forms = set(name_forms(name, language) or ())
    assert expected <= forms, expected - forms


def test_genitive_after_the_head_never_changes() -> None:
    forms = name_forms("площина управління", "uk") or []
    assert all(form.endswith(" управління") for form in forms)
    assert "площиною управлінням" not in forms


def test_adjective_agrees_slot_by_slot() -> None:
    assert "віртуальної машиною" not in (name_forms("віртуальна машина", "uk") or [])


@pytest.mark.parametrize(
    ("name", "language"),
    [("Go", "de"), ("API", "de"), ("ab", "uk"), ("ім", "ru"), ("pod", "sw"),
     ("model", "en"), ("модель", "fr"), ("ሞ", "am")],
)
def test_no_forms_without_a_safe_rule(name: str, language: str) -> None:
    """Another script, an acronym, a short stem or a language without rules: no forms."""
    assert name_forms(name, language) is None


def test_terms_get_only_their_own_languages_forms() -> None:
    term = Term("model", "модель", "Модель.")
    texts = {form.text for form in term_forms(term, "uk")}
    assert "моделлю" in texts and "моделью" not in texts  # Russian's instrumental
    assert not {form.text for form in term_forms(term)} & {"моделлю", "моделью"}
    english = Term("container", "Container", "A box.")
    assert {f.text for f in term_forms(english, "de")} >= {"Containers", "Containern"}
    assert {f.text for f in term_forms(english)} == {f.text for f in term_forms(english, "en")}


def test_variants_false_turns_the_forms_off() -> None:
    term = Term("model", "модель", "Модель.", variants=False)
    assert [form.text for form in term_forms(term, "uk")] == ["модель"]


def test_matcher_finds_inflected_mentions_in_the_terms_language() -> None:
    terms = [Term("model", "модель", "Модель."), Term("dataset", "датасет", "Набір.")]
    text = "Навчання моделі на датасетів і керування моделлю."
    found = [text[m.start:m.end] for m in TermMatcher.from_terms(terms, "uk").find(text)]
    assert found == ["моделі", "датасетів", "моделлю"]
    assert TermMatcher.from_terms(terms, "en").find(text) == []
    # Per term: a term in another language keeps its own forms, and on a page in a language
    # that declines nouns its name takes that language's endings too, as a loanword.
    pod = Term("pod", "Pod", "A group of containers.")
    text = "Dwa pody i trzy Podów; two Pods."
    found = TermMatcher.from_terms([pod], "pl", {"pod": "en"}).find(text)
    assert [text[m.start:m.end] for m in found] == ["pody", "Podów", "Pods"]
    german = Term("sprachmodell", "Sprachmodell", "Ein Modell.")
    text = "With Sprachmodellen."
    found = TermMatcher.from_terms([german], "en", {"sprachmodell": "de"}).find(text)
    assert [text[m.start:m.end] for m in found] == ["Sprachmodellen"]
    assert TermMatcher.from_terms([german], "en").find(text) == []  # English rules only


_CYRILLIC = st.text(alphabet="абвгдеєжзиіїйклмнопрстуфхцчшщьюя", min_size=1, max_size=12)


@given(_CYRILLIC, st.sampled_from(LANGUAGES))
def test_forms_keep_the_name_and_are_words(word: str, language: str) -> None:
    """Every form is new, non-empty, and changes only the words of the name."""
    for form in name_forms(word, language) or ():
        assert form and form != word and not re.search(r"\s", form)


_POLISH = st.text(alphabet="aąbcćdeęfghijklłmnńoóprsśtuwyzźż", min_size=1, max_size=12)


@given(st.one_of(_POLISH.map(lambda w: (w, "pl")),
                 st.tuples(_CYRILLIC, st.sampled_from(("uk", "ru")))))
@example(("klaster", "pl"))
@example(("вузол", "uk"))
def test_no_rule_marker_is_left_in_a_form(case: tuple[str, str]) -> None:
    """The tables' markers ("~" softens, "=" doubles, "*" for the genitive) never reach a form."""
    word, language = case
    for form in name_forms(word, language) or ():
        assert all(char.isalpha() or char in "'ʼ-" for char in form), form
