"""German: case and plural endings of a name's last word, and of the adjectives before it.

German declines the last noun of a name ("das Modell", "des Modells", "die Modelle", "den
Modellen"); a hyphen-joined compound declines its last part ("Modell-Trainings"). Adjectives
before it take -e, -er, -es, -en, -em ("verteilte Systeme", "verteilten Systemen"). Vowel
changes (Baum → Bäume) are not guessed: those plurals go in `aliases`.
"""

from __future__ import annotations

import re
from itertools import product

from . import MIN_STEM

__all__ = ["forms"]

_WORD = re.compile(r"[^\W\d_]+")
_ADJECTIVE_ENDINGS = ("e", "er", "es", "en", "em")
_EN_ONLY = ("ung", "heit", "keit", "ion", "tät", "schaft", "ik", "enz", "anz", "ur", "ät")


def noun_endings(lower: str) -> tuple[str, ...]:
    """The endings a German noun written `lower` (nominative singular) may take."""
    if lower.endswith(_EN_ONLY):
        return ("en",)
    if lower.endswith("nis"):
        return ("se", "ses", "sen")
    if lower.endswith("e"):
        return ("n", "s", "ns")
    if lower.endswith(("el", "er", "en")):
        return ("n", "s")
    if lower[-1:] in "aiouy":
        return ("s",)
    if lower.endswith(("s", "x", "z", "ß")):
        return ("e", "es", "en")
    return ("s", "es", "e", "en")


def forms(name: str) -> list[str]:
    words = list(_WORD.finditer(name))
    if not words or not words[-1].group().isalpha():
        return []
    noun = words[-1].group()
    if len(noun) - 1 < MIN_STEM or noun.isupper() or not _LATIN(noun):
        return []
    nouns = [noun, *(noun + ending for ending in noun_endings(noun.lower()))]
    adjectives = []
    for match in words[:-1]:
        word = match.group()
        if word[:1].islower() and len(word) > MIN_STEM + 1:
            stem = _adjective_stem(word)
            adjectives.append([word, *(stem + e for e in _ADJECTIVE_ENDINGS if stem + e != word)])
        else:
            adjectives.append([word])
    found = []
    for combination in product(*adjectives, nouns):
        out, last = [], 0
        for match, text in zip(words, combination):
            out += [name[last : match.start()], text]
            last = match.end()
        found.append("".join(out) + name[last:])
    return found


def _adjective_stem(word: str) -> str:
    for ending in ("er", "es", "en", "em", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def _LATIN(word: str) -> bool:
    return all("a" <= c.lower() <= "z" or c in "äöüßÄÖÜéè" for c in word)
