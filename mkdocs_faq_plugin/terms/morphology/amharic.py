"""Amharic in Ge'ez script: plural, article and prepositions fused into the word.

Each fidel character is a consonant with a vowel (its *order*): ል is l with no vowel (6th
order), ሎ is lo (7th). The plural suffix -occ fuses into the last syllable: ሞዴል (model) →
ሞዴሎች (l + o, then ች); after a vowel it is -wocc: ቋንቋ → ቋንቋዎች. The definite article -u
(ሞዴሉ, ሞዴሎቹ), the object marker -n (ሞዴሉን) and the prepositions written onto the first
word (የ of, በ in/by, ለ for, ከ from) combine with both numbers. Unicode lays each consonant
out as a row of eight orders, so a syllable is decomposed by arithmetic, without a table.
"""

from __future__ import annotations

import re

__all__ = ["forms"]

_WORD = re.compile(r"[\u1200-\u137f]+")
_BASE, _ROW = 0x1200, 8
_U, _SIXTH, _O = 1, 5, 6  # the orders used: -u, no vowel, -o
_CC, _CCU, _N, _W, _WO = "ች", "ቹ", "ን", "ው", "ዎ"
_PREFIXES = ("የ", "በ", "ለ", "ከ")
_LABIALISED = (0x1248, 0x1258, 0x1288, 0x12B0, 0x12C0, 0x1310)
_MIN_SYLLABLES = 2


def _order(char: str) -> tuple[int, int] | None:
    """(row, order) of a syllable; order -1 for a labialised one (ቋ), which ends in a vowel."""
    point = ord(char) - _BASE
    if not 0 <= point < 0x160:
        return None
    if any(start <= ord(char) < start + _ROW for start in _LABIALISED):
        return point // _ROW, -1  # these rows lay their orders out differently
    return point // _ROW, point % _ROW


def _syllable(row: int, order: int) -> str:
    return chr(_BASE + row * _ROW + order)


def word_forms(word: str) -> list[str]:
    """ሞዴል → ሞዴሉ, ሞዴልን, ሞዴሉን, ሞዴሎች, ሞዴሎቹ, ሞዴሎችን, ሞዴሎቹን."""
    if len(word) < _MIN_SYLLABLES:
        return []
    last = _order(word[-1])
    if last is None:
        return []
    row, order = last
    if order == _SIXTH:  # ends in a consonant: the suffixes fuse into it
        stem = word[:-1]
        plural = stem + _syllable(row, _O)
        singular = [stem + _syllable(row, _U), word + _N, stem + _syllable(row, _U) + _N]
    else:  # ends in a vowel: -w(o) carries them
        plural = word + _WO
        singular = [word + _W, word + _N, word + _W + _N]
    plurals = [plural + _CC, plural + _CCU, plural + _CC + _N, plural + _CCU + _N]
    return singular + plurals


def forms(name: str) -> list[str]:
    words = list(_WORD.finditer(name))
    if not words:
        return []
    last = words[-1]
    endings = [last.group(), *word_forms(last.group())]
    if len(endings) == 1:
        return []
    named = [name[: last.start()] + ending + name[last.end() :] for ending in endings]
    first = words[0].start()
    return named + [text[:first] + prefix + text[first:] for text in named for prefix in _PREFIXES]
