"""Terms that are everyday words: marked only where the text uses them as the term.

A glossary that defines "Main", "Review" or "Build" in one narrow sense would otherwise mark
"the main idea" and "review your draft". A term with `annotate: auto` (the default) whose
name is one everyday word of the page's language (`everyday_term`) is therefore marked only
where one of these says the sentence means it (`Senses.select`):

* the sentence holds one of its **sense words**: a word of its definition or aliases that
  is not itself an everyday word, or that word with another ending of up to three letters
  ("merged the branch into main": "merge" is in the definition of Main; "the main idea"
  has none);
* it stands **next to another term** that is not an everyday word ("GitHub issues",
  "container image");
* it is **capitalised in mid-sentence**, after a lowercase word, as a name is ("mark your
  pull request 'Ready for Review'");
* the page **links it by hand** (`[main](glossary:main)`): the author has said which sense
  the page means.

Where a definition is too short to give two sense words ("Service: in IT, service has
multiple meanings"), the sense words of the whole glossary count for it: its subject is
then the sign. In a language with word-form rules (`morphology`), a form that is not itself
an everyday word ("podów", "pody" of the Polish "pod", also a preposition) cannot be the
everyday word and is marked like any term's. A mention inside the name of the term the page
is about ("Service" in "Platform as a Service" on its own page) is part of that name, not a
mention.

Its aliases of several words ("main branch") are matched everywhere, like any term's.

Everyday words are the words of Zipf frequency 4.5 or more (about 30 per million words) in
the lists shipped in `wordlists/`, derived from wordfreq's data (CC BY-SA 4.0, see
NOTICE); a language without a list has no everyday terms. Pure: no MkDocs or Markdown import.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from os.path import commonprefix

from ..kb.model import Term
from .forms import term_forms
from .matcher import Match
from .morphology import LANGUAGES as INFLECTED_LANGUAGES
from .morphology import base_language

__all__ = [
    "EVERYDAY_LANGUAGES", "THIN_DEFINITION", "Senses", "everyday_term", "everyday_words",
    "related", "sense_words",
]

THIN_DEFINITION = 2
"""Sense words a definition must give to be its own sign; fewer borrow the glossary's."""
EVERYDAY_LANGUAGES = ("de", "en", "es", "fr", "it", "nl", "pl", "pt", "ru", "uk")
_CHECKED_KINDS = frozenset({"name", "alias", "title part", "singular", "plural"})
_LETTERS = re.compile(r"[^\W\d_]+")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
# A sentence ends at . ! ? (and their CJK forms), closing quotes or brackets, then a space.
_SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’»)\]]*(?:\s|\x00|$)")


def language_code(language: str | None) -> str:
    """The language part of a tag, English by default: "pt-BR" → "pt", None → "en"."""
    return (language or "en").replace("_", "-").split("-", 1)[0].lower() or "en"


def everyday_words(language: str | None) -> frozenset[str] | None:
    """The everyday words of `language` (casefolded), or None when we ship no list for it."""
    code = language_code(language)
    return _load(code) if code in EVERYDAY_LANGUAGES else None


@lru_cache(maxsize=4)
def _load(code: str) -> frozenset[str]:
    text = resources.files(__package__).joinpath("wordlists", f"{code}.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def everyday_term(term: Term, words: Collection[str]) -> str | None:
    """The everyday word among `term`'s one-word, any-case names (and their plural or
    singular), or None. Names in capitals ("FAIR") match as written and are never everyday."""
    for form in term_forms(term):
        text = form.text.casefold()
        if (form.annotated and not form.case_sensitive and form.kind in _CHECKED_KINDS
                and _LETTERS.fullmatch(text) and text in words):  # fmt: skip
            return text
    return None


def sense_words(term: Term, words: Collection[str]) -> frozenset[str]:
    """The words of `term`'s definition and aliases that are not everyday words, nor a form
    of its own name ("pushed" for Push): the words that show a sentence means the term."""
    own = {w.casefold() for form in term_forms(term) for w in _LETTERS.findall(form.text)}
    text = " ".join((_LINK_TARGET.sub("]", term.definition), *term.aliases))
    return frozenset(
        word for word in {w.casefold() for w in _LETTERS.findall(text)}
        if len(word) > 2 and word not in words and not any(related(word, o) for o in own)
    )  # fmt: skip


def related(word: str, sense: str) -> bool:
    """The same word, or one ending differs by up to three letters after a common start of
    five or more: "containers" and "container", "repositories" and "repository"."""
    if word == sense:
        return True
    common = len(commonprefix((word, sense)))
    return common >= 5 and common >= max(len(word), len(sense)) - 3


@dataclass(frozen=True)
class Senses:
    """The everyday-word terms of one glossary in one language, with their sense words."""

    words: dict[str, frozenset[str]]
    """Term id → its sense words, for each term marked only where a sentence means it."""
    everyday: frozenset[str] = frozenset()
    inflected: bool = False
    """Whether the language has word-form rules: then a form that is not itself an everyday
    word ("podów" of "pod") is unambiguous."""

    @classmethod
    def of(cls, terms: Iterable[Term], language: str | None) -> Senses:
        everyday = everyday_words(language)
        if everyday is None:
            return cls({})
        terms = list(terms)
        words = {
            term.id: sense_words(term, everyday) for term in terms
            if term.annotate == "auto" and everyday_term(term, everyday) is not None
        }  # fmt: skip
        if any(len(senses) < THIN_DEFINITION for senses in words.values()):
            subject = frozenset().union(*(sense_words(term, everyday) for term in terms))
            words = {term_id: senses if len(senses) >= THIN_DEFINITION else subject
                     for term_id, senses in words.items()}  # fmt: skip
        return cls(words, everyday, base_language(language) in INFLECTED_LANGUAGES)

    def __bool__(self) -> bool:
        return bool(self.words)

    def select(
        self,
        text: str,
        matches: list[Match],
        blocks: Sequence[tuple[int, int]],
        linked: Collection[str] = (),
        names: Sequence[Match] = (),
    ) -> list[Match]:
        """`matches` in `text` without the everyday-word mentions no sign calls the term.

        `blocks` are the (start, end) spans of `text`'s blocks (paragraphs, list items, table
        cells), in order: no sentence runs past one. `linked` holds the ids of the terms the
        page links by hand; `names`, the mentions of the terms the page is about, which the
        matcher left out of `matches`.
        """
        starts = [start for start, _ in blocks]
        kept = []
        for index, match in enumerate(matches):
            senses = self.words.get(match.term_id)
            if (senses is None or match.term_id in linked or not _one_word(text, match)
                    or self._unambiguous(text, match)):  # fmt: skip
                kept.append(match)
                continue
            if any(name.start <= match.start and match.end <= name.end for name in names):
                continue
            at = bisect.bisect_right(starts, match.start) - 1
            block = blocks[at] if at >= 0 else (0, len(text))
            start, end = _sentence(text, match, block)
            if (
                self._shows_sense(senses, text, start, end)
                or self._beside_term(text, matches, index)
                or _named(text, match, start)
            ):
                kept.append(match)
        return kept

    def _unambiguous(self, text: str, match: Match) -> bool:
        return self.inflected and text[match.start:match.end].casefold() not in self.everyday

    def _shows_sense(self, senses: frozenset[str], text: str, start: int, end: int) -> bool:
        words = {w.casefold() for w in _LETTERS.findall(text, start, end)}
        if not senses.isdisjoint(words):
            return True
        return any(
            related(word, sense) for word in words
            if len(word) >= 5 and word not in self.everyday
            for sense in senses if sense[:5] == word[:5]
        )  # fmt: skip

    def _beside_term(self, text: str, matches: list[Match], index: int) -> bool:
        """Is the match next to a mention of a term that is not an everyday word?"""
        match = matches[index]
        for other in (matches[index - 1] if index else None,
                      matches[index + 1] if index + 1 < len(matches) else None):
            if other is None or other.term_id == match.term_id or other.term_id in self.words:
                continue
            gap = text[other.end:match.start] if other.end <= match.start else text[match.end:other.start]
            if len(gap) <= 2 and not gap.strip(" -\u00a0"):
                return True
        return False


def _one_word(text: str, match: Match) -> bool:
    """A mention without a space or hyphen: not one of the term's aliases of several words."""
    return not any(char.isspace() or char in "-\u2010\u2011" for char in text[match.start:match.end])


def _sentence(text: str, match: Match, block: tuple[int, int]) -> tuple[int, int]:
    start, end = block
    for found in _SENTENCE_END.finditer(text, start, match.start):
        start = found.end()
    after = _SENTENCE_END.search(text, match.end, end)
    return start, after.start() + 1 if after else end


def _named(text: str, match: Match, sentence_start: int) -> bool:
    """Capitalised after a lowercase word of the same sentence: used as a name."""
    if not text[match.start].isupper():
        return False
    before = _LETTERS.findall(text, sentence_start, match.start)
    return bool(before) and before[-1][0].islower()
