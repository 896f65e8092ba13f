"""Finnish, where it comes cheap: the commonest case endings of a name's last word.

Endings follow vowel harmony (-ssa after a, o, u; -ssä otherwise); a loanword ending in a
consonant takes -i first ("klusteri"), and kk/pp/tt weaken before the endings that close
the syllable ("pankki" → "pankin"). Other consonant gradation and the plural cases' stem
changes are not guessed: add such forms as `aliases`.
"""

from __future__ import annotations

import re

from . import MIN_STEM

__all__ = ["forms"]

_WORD = re.compile(r"[^\W\d_]+")
_STRONG = ("n", "ssa", "sta", "lla", "lta", "lle", "ksi", "t")  # weak grade before these
_OTHER = ("a", "na")


def forms(name: str) -> list[str]:
    words = list(_WORD.finditer(name))
    if not words:
        return []
    match = words[-1]
    word = match.group()
    lower = word.lower()
    if len(lower) < MIN_STEM + 1 or word.isupper():
        return []
    stem = word if lower[-1] in "aeiouyäö" else word + "i"
    back = any(c in "aou" for c in lower)
    weak = stem
    for double in ("kk", "pp", "tt"):
        if stem[-3:-1].lower() == double:
            weak = stem[:-3] + stem[-2:]
    endings = [weak + e for e in _STRONG] + [stem + e for e in _OTHER]
    endings.append(stem + stem[-1] + "n")  # illative: malli → malliin
    if not back:
        endings = [e[: len(weak)] + e[len(weak) :].replace("a", "ä") for e in endings]
    if stem != word:
        endings.append(stem)
    return [name[: match.start()] + e + name[match.end() :] for e in endings]
