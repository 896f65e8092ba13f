"""Swahili: the noun-class prefix of a name's first word changes with number.

The head noun comes first ("modeli ya lugha") and its prefix marks singular or plural:
kitabu/vitabu (classes 7/8), mtoto/watoto (1/2), mfano/mifano (3/4), jina/majina (5/6).
Both numbers are generated from either, and the locative -ni ("kitabuni", "in the book").
A prefix is only swapped when a stem of `MIN_STEM` letters stays; loanwords in classes 9/10
("modeli", "kompyuta") keep their form and get the locative only.
"""

from __future__ import annotations

import re

from . import MIN_STEM

__all__ = ["forms"]

_WORD = re.compile(r"[^\W\d_]+")
# prefix → the prefixes of the other number (and of the same noun's other class guesses)
_SWAPS = (
    ("wa", ("m", "mw")), ("mi", ("m", "mw")), ("mw", ("wa", "mi")), ("m", ("wa", "mi")),
    ("vi", ("ki",)), ("vy", ("ch",)), ("ki", ("vi",)), ("ch", ("vy",)), ("ma", ("ji", "")),
    ("ji", ("ma",)),
)  # fmt: skip


def forms(name: str) -> list[str]:
    match = _WORD.search(name)
    if match is None:
        return []
    word = match.group()
    lower = word.lower()
    if len(lower) < MIN_STEM + 1 or not lower.isascii():
        return []
    words = {word}
    for prefix, others in _SWAPS:
        stem = lower[len(prefix) :]
        if lower.startswith(prefix) and len(stem) >= MIN_STEM:
            if prefix == "m" and stem[0] in "aeiou":
                continue  # "mw" + vowel is its own prefix
            words.update(_like(word, other + stem) for other in others)
            break
    words.update(w + "ni" for w in list(words) if w[-1:].lower() in "aeiou")
    head, tail = name[: match.start()], name[match.end() :]
    return [head + w + tail for w in words]


def _like(original: str, lower: str) -> str:
    return lower[:1].upper() + lower[1:] if original[:1].isupper() else lower
