"""`annotate: auto`: which terms are everyday words, and which of their mentions mean the term."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_faq_plugin.kb.model import Term
from mkdocs_faq_plugin.terms.matcher import Match, TermMatcher
from mkdocs_faq_plugin.terms.senses import (
    Senses,
    everyday_term,
    everyday_words,
    related,
    sense_words,
)

MAIN = Term("main", "Main", "The repository's default branch, where the integration happens.",
            aliases=("main branch",))
REVIEW = Term("review", "Review", "Comments on a pull request before it is merged.")
GITHUB = Term("github", "GitHub", "A code hosting service.")
TERMS = (MAIN, REVIEW, GITHUB)


def marked(text: str, terms: tuple[Term, ...] = TERMS, linked: tuple[str, ...] = (),
           blocks: list[tuple[int, int]] | None = None) -> list[str]:
    """The mentions `Senses.select` keeps in `text`, as written."""
    matches = TermMatcher.from_terms(terms).find(text)
    kept = Senses.of(terms, "en").select(text, matches, blocks or [(0, len(text))], linked)
    return [text[m.start:m.end] for m in kept]


def test_word_lists_ship_for_the_languages_named_and_no_other() -> None:
    english = everyday_words("en")
    assert english is not None and {"main", "review", "build", "issues"} <= english
    assert "kubernetes" not in english and "repository" not in english
    assert everyday_words("pt-BR") == everyday_words("pt")
    assert everyday_words("en_GB") is english and everyday_words(None) is english
    german = everyday_words("de")
    assert german is not None and "haus" in german
    assert everyday_words("ja") is None and everyday_words("xx") is None


def test_which_terms_are_everyday_words() -> None:
    words = everyday_words("en")
    assert words is not None
    assert everyday_term(MAIN, words) == "main"
    assert everyday_term(Term("authors", "Authors", "x"), words) == "author"  # its singular
    assert everyday_term(GITHUB, words) is None
    assert everyday_term(Term("fair", "FAIR", "x"), words) is None  # capitals: as written
    assert everyday_term(Term("pr", "pull request", "x"), words) is None  # two words


def test_sense_words_leave_out_everyday_words_and_the_terms_own_forms() -> None:
    words = everyday_words("en")
    assert words is not None
    assert sense_words(MAIN, words) == {"repository", "default", "integration"}
    push = Term("push", "Push", "Changes pushed to a [remote](https://example.org/remote) repo.")
    assert sense_words(push, words) == {"remote", "repo"}  # not "pushed", nor the URL


def test_related_words_differ_only_in_a_short_ending() -> None:
    assert related("container", "containers")
    assert related("repositories", "repository")
    assert related("merged", "merge")
    assert not related("integrity", "integration")
    assert not related("cat", "cats")  # too short to tell


def test_a_sense_word_in_the_sentence_marks_it() -> None:
    assert marked("Merge your work into main when the repository tests pass.") == ["main"]
    assert marked("Integrations run on main.") == ["main"]  # another ending of "integration"
    assert marked("The main idea is simple. It lives in a repository.") == []
    assert marked("That was the main idea") == []


def test_a_sentence_ends_at_its_punctuation_and_at_the_end_of_a_block() -> None:
    text = "Keep main working\x00The repository is public."
    assert marked(text, blocks=[(0, 17), (18, len(text))]) == []
    assert marked(text, blocks=[(0, len(text))]) == ["main"]  # one block, no full stop


def test_beside_another_term_marks_it() -> None:
    assert marked("Open a GitHub review today.") == ["GitHub", "review"]
    assert marked("A main review.") == []  # two everyday words do not vouch for each other


def test_capitalised_after_a_lowercase_word_marks_it() -> None:
    assert marked('Mark it "Ready for Review" when done.') == ["Review"]
    assert marked("Review your draft twice.") == []  # a sentence's first word
    assert marked("The Annual Review of Things.") == []  # inside a capitalised name


def test_a_link_by_hand_on_the_page_marks_every_mention() -> None:
    assert marked("Review your draft twice.", linked=("review",)) == ["Review"]


def test_aliases_of_several_words_and_explicit_settings_are_not_gated() -> None:
    assert marked("Push to the main branch.") == ["main branch"]
    everywhere = (Term("main", "Main", "The default branch.", annotate=True),)
    assert marked("That was the main idea", everywhere) == ["main"]
    assert Senses.of(TERMS, "ja").words == {}  # no list: nothing is gated
    assert set(Senses.of(TERMS, "en").words) == {"main", "review"}


@pytest.mark.parametrize("text", ["main", "Main", "the main idea", "", "main\x00main"])
def test_select_keeps_matches_in_order(text: str) -> None:
    matches = TermMatcher.from_terms(TERMS).find(text)
    kept = Senses.of(TERMS, "en").select(text, matches, [(0, len(text))])
    assert kept == [m for m in matches if m in kept]


_WORDS = st.sampled_from(["main", "Main", "review", "GitHub", "repository", "the", "idea",
                          "branch", ".", ",", "\x00", "main branch"])


@given(st.lists(_WORDS, max_size=30))
def test_only_one_word_mentions_of_everyday_terms_are_ever_dropped(words: list[str]) -> None:
    text = " ".join(words)
    matches = TermMatcher.from_terms(TERMS).find(text)
    blocks = [(m.start(), m.end()) for m in re.finditer(r"[^\x00]+", text)] or [(0, 0)]
    kept = Senses.of(TERMS, "en").select(text, matches, blocks)
    assert kept == [m for m in matches if m in kept]  # a subsequence, in order
    for match in set(matches) - set(kept):
        assert match.term_id in {"main", "review"}
        assert " " not in text[match.start:match.end]
    assert all(isinstance(m, Match) for m in kept)


SERVICE = Term("service", "Service", "In IT, service has multiple meanings.")
MICROSERVICE = Term("microservice", "Microservice", "A small program that talks to others "
                    "over a network through an interface.")


def test_a_definition_too_thin_to_show_a_sense_borrows_the_glossarys_subject() -> None:
    terms = (SERVICE, MICROSERVICE)
    assert sense_words(SERVICE, everyday_words("en") or ()) == {"meanings"}
    # "interface" comes from another entry's definition
    assert marked("Split it into smaller services behind one interface.", terms) == ["services"]
    assert marked("The customer service was slow today.", terms) == []
    # a definition with two sense words keeps to its own
    assert Senses.of(TERMS + terms, "en").words["main"] == sense_words(MAIN, everyday_words("en") or ())


POD = Term("pod", "pod", "Najmniejsza jednostka wdrożenia w Kubernetesie, grupa kontenerów.")


def polish(text: str) -> list[str]:
    matches = TermMatcher.from_terms((POD,), "pl").find(text)
    kept = Senses.of((POD,), "pl").select(text, matches, [(0, len(text))])
    return [text[m.start:m.end] for m in kept]


def test_in_an_inflected_language_a_form_that_is_no_everyday_word_needs_no_sign() -> None:
    assert "pod" in (everyday_words("pl") or ())  # also the preposition "under"
    assert polish("Klaster uruchamia trzy pody i wiele podów.") == ["pody", "podów"]
    assert polish("Kot leży pod stołem.") == []
    # English has no form rules: "mains" is not vouched for by being rare
    english = (Term("main", "Main", "The default branch."),)
    assert marked("Check the mains supply.", english) == []


def test_a_mention_inside_the_name_of_the_pages_own_term_is_part_of_that_name() -> None:
    paas = Term("paas", "Platform as a Service", "A cloud offering of a managed platform.")
    terms = (SERVICE, MICROSERVICE, paas)
    text = "Platform as a Service offers one interface to the tools."
    matches = TermMatcher.from_terms(terms).find(text, frozenset({"paas"}))
    names = [m for m in TermMatcher.from_terms(terms).find(text) if m.term_id == "paas"]
    senses = Senses.of(terms, "en")
    assert [text[m.start:m.end] for m in senses.select(text, matches, [(0, len(text))])] == ["Service"]
    assert senses.select(text, matches, [(0, len(text))], names=names) == []
