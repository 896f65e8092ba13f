"""Glossary terms that are everyday words, and what to do about them (`mkdocs-faq check`).

A handbook's glossary often defines ordinary words in one narrow sense ("Add", "Build",
"Main", "Issues" in their git sense). In a language we ship a list of everyday words for
(see `senses`), such a term is marked by default (`annotate: auto`) only where its sentence
shows the sense; `check` says so, names the words of its definition that show it, and
advises a setting only when there are none:

* `annotate: aliases` when the term has aliases of several words, which carry the sense
  ("main branch", "GitHub issue");
* otherwise `annotate: false` (linked only by hand), or aliases to add first.

In other languages nothing is gated, and word frequencies come from the `wordfreq` package
(an optional extra: `pip install mkdocs-faq-plugin[wordfreq]`): a word whose Zipf frequency
is at least `EVERYDAY_ZIPF` (4.5: about 30 times per million words) counts as everyday, and
every such term gets the advice above.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..kb.model import KnowledgeBase, Term
from ..kb.problems import Problem
from .forms import term_forms
from .senses import EVERYDAY_LANGUAGES, THIN_DEFINITION, everyday_term, everyday_words, sense_words

__all__ = [
    "EVERYDAY_ZIPF", "Advice", "advice_for", "frequencies", "frequency_advice", "language_name",
    "notes",
]

EVERYDAY_ZIPF = 4.5
_WORDS = re.compile(r"\w+")
_CHECKED_KINDS = frozenset({"name", "alias", "title part", "singular", "plural"})

Frequencies = Callable[[str], float]
"""A word (casefolded) → its Zipf frequency (log10 of occurrences per billion words)."""


@dataclass(frozen=True)
class Advice:
    """One everyday-word term and the setting that would keep its tooltip to its sense."""

    term: Term
    word: str
    zipf: float
    setting: dict[str, object]
    """What to write under the term in faq.yml, e.g. {"annotate": "aliases"}; empty when
    the default already keeps its marks to its sense."""
    senses: tuple[str, ...] | None = None
    """With `annotate: auto` in a language with a list: the words that show its sense."""

    def message(self, language: str) -> str:
        if self.senses and len(self.senses) >= THIN_DEFINITION:
            shown = ", ".join(f"'{word}'" for word in self.senses[:6])
            more = ", ..." if len(self.senses) > 6 else ""
            return (
                f"glossary term '{self.term.term}': '{self.word}' is an everyday word in "
                f"{language_name(language)}, so it is marked only where its sentence shows the "
                f"sense meant (a word of its definition that is not an everyday word: {shown}"
                f"{more}), beside another term, capitalised mid-sentence, or on a page that links "
                f"it by hand; 'annotate: true' marks every '{self.word}'"
            )
        if self.setting.get("annotate") == "aliases":
            context = ", ".join(f"'{alias}'" for alias in _context_aliases(self.term))
            fix = (
                f"set 'annotate: aliases' to mark it only where its aliases ({context}) "
                "carry the sense"
            )
        else:
            fix = (
                "add aliases of two or more words that carry the sense meant and set "
                "'annotate: aliases', or set 'annotate: false' and link it by hand: "
                f"[{self.word}](glossary:{self.term.id})"
            )
        if self.senses is not None:
            given = f"only '{self.senses[0]}'" if self.senses else "no word"
            return (
                f"glossary term '{self.term.term}': '{self.word}' is an everyday word in "
                f"{language_name(language)} and {given} of its definition shows its sense, so "
                f"it is marked only where its sentence holds a word of the glossary's other "
                f"definitions, beside another term, capitalised mid-sentence, or on a page that "
                f"links it by hand; add words that name what it is about to its definition, or "
                f"{fix}"
            )
        return (
            f"glossary term '{self.term.term}': '{self.word}' is an everyday word in "
            f"{language_name(language)} (Zipf {self.zipf:.1f}, about "
            f"{_per_million(self.zipf)} times per million words), so every '{self.word}' on your "
            f"pages gets this term's tooltip; if the glossary means one sense of it, {fix}"
        )


def frequencies(language: str) -> Frequencies | None:
    """Zipf frequencies of `language` ("en", "pt-BR", ...), or None without `wordfreq` or a list."""
    return _load(language.replace("_", "-").split("-", 1)[0].lower() or "en")


@lru_cache(maxsize=4)
def _load(language: str) -> Frequencies | None:
    try:
        from wordfreq import get_frequency_dict
    except ImportError:
        return None
    try:
        table = get_frequency_dict(language, wordlist="best")
    except LookupError:
        return None

    def zipf(word: str) -> float:
        frequency = table.get(word, 0.0)
        return math.log10(frequency * 1e9) if frequency > 0 else 0.0

    return zipf


def advice_for(kb: KnowledgeBase, language: str) -> list[Advice]:
    """The everyday-word terms of `kb` for pages in `language`, each with its setting.

    With our list for the language: the `annotate: auto` terms the build gates, with their
    sense words. Otherwise, by wordfreq's frequencies (none without it): every term that is
    marked in prose, since nothing gates it.
    """
    words = everyday_words(language)
    if words is None:
        zipf = frequencies(language)
        return [] if zipf is None else frequency_advice(kb, zipf)
    found = []
    for term in kb.glossary:
        word = everyday_term(term, words) if term.annotate == "auto" else None
        if word is None:
            continue
        senses = tuple(sorted(sense_words(term, words)))
        setting: dict[str, object] = {} if senses else _setting(term)
        found.append(Advice(term, word, 0.0, setting, senses))
    return found


def frequency_advice(kb: KnowledgeBase, zipf: Frequencies) -> list[Advice]:
    """The terms whose annotated one-word, any-case forms include an everyday word."""
    found = []
    for term in kb.glossary:
        if term.annotate is False:
            continue
        candidates = [
            form for form in term_forms(term)
            if form.annotated and not form.case_sensitive and form.kind in _CHECKED_KINDS
            and len(form.text.split()) == 1 and "-" not in form.text
        ]  # fmt: skip
        scored = [(zipf(form.text.casefold()), form.text.casefold()) for form in candidates]
        if not scored:
            continue
        score, word = max(scored)
        if score < EVERYDAY_ZIPF:
            continue
        found.append(Advice(term, word, score, _setting(term)))
    return found


def _setting(term: Term) -> dict[str, object]:
    if _context_aliases(term) and term.annotate in (True, "auto"):
        return {"annotate": "aliases"}
    return {"annotate": False}


def notes(kb: KnowledgeBase, language: str) -> list[Problem]:
    """`check`'s notes: one per everyday-word term, or one saying why there are none."""
    if everyday_words(language) is None and frequencies(language) is None:
        listed = ", ".join(EVERYDAY_LANGUAGES)
        try:
            import wordfreq  # noqa: F401
        except ImportError:
            return [Problem(
                f"no list of everyday words for language '{language}' (there are lists for "
                f"{listed}); install mkdocs-faq-plugin[wordfreq] to find glossary terms that "
                "are everyday words (they get tooltips in the wrong places)", None, "note",
            )]
        return [Problem(f"no word frequencies for language '{language}'; everyday words "
                        "are not checked", None, "note")]
    return [Problem(a.message(language), a.term.location, "note")
            for a in advice_for(kb, language)]


def _context_aliases(term: Term) -> list[str]:
    """Aliases of two or more words ("main branch", "self-attention"): they carry a sense."""
    return [alias for alias in term.aliases if len(_WORDS.findall(alias)) > 1]


def _per_million(zipf: float) -> str:
    value = 10 ** (zipf - 3)
    return f"{value:,.0f}" if value >= 10 else f"{value:.1f}"


def language_name(code: str) -> str:
    """The English name of a language code ("de" → "German"), else the code quoted."""
    names = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
             "pt": "Portuguese", "nl": "Dutch", "ja": "Japanese", "ko": "Korean",
             "zh": "Chinese", "ru": "Russian", "pl": "Polish", "uk": "Ukrainian"}  # fmt: skip
    return names.get(code.split("-", 1)[0].lower(), f"'{code}'")
