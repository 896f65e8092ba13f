"""How text in each script divides into words, and where a word may end: the tokenizer
the term index (`matcher`) compares forms and texts with.

Words are what a reader would call one: runs of letters, digits and combining marks. Three
kinds of script are split finer, one token per character or cluster:

* Chinese and Japanese (Han, kana) have no spaces: a term matches anywhere in running text.
* Thai, Lao, Khmer and Burmese have no spaces either, and are treated alike, one token per
  cluster (a letter with its vowel and tone marks, or Khmer and Burmese stacked consonants),
  so a match never splits what is drawn as one; it neither starts after a Thai or Lao vowel
  written before its consonant nor ends before a vowel written after it.
* Korean writes particles and endings onto nouns (클러스터는, 서비스를): a term starting with
  a Hangul syllable must start a word, and may end inside one, unless a suffix that makes
  another noun follows (컨테이너화 is containerization).

Separators between words compare modulo whitespace runs, typographic apostrophes, and hyphen
against space ("front-matter" is "front matter").

The patterns for text beyond ASCII hold every combining mark of Unicode, which takes Python a
while to list and compile, so they are built the first time a term or a page needs them; a
site written in ASCII never does.

Pure: no MkDocs or Markdown import. `\\x02…\\x03` spans (Python-Markdown's placeholders for
stashed HTML and escaped characters) are opaque: one only glues to a word if it stands for a
word character.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from collections.abc import Iterable

__all__ = [
    "APOSTROPHES",
    "FREE",
    "HANGUL_END",
    "HANGUL_START",
    "SEA_EDGE",
    "WORD_EDGE",
    "blocked_left",
    "blocked_right",
    "edge_of",
    "exact_word",
    "fold_word",
    "norm_sep",
    "plain_sep",
    "split_words",
    "word_tokens",
]

@functools.cache
def _mark_class(low: int, high: int) -> str:
    """A regex class body of every combining mark (category M*) in `low..high`.

    `\\w` does not cover combining marks, so without them "nai\\u0308ve" or Devanagari
    words would be split into several "words" and terms would match inside them. Only
    characters that are neither word characters nor spaces can be marks: one C-level regex
    scan leaves a fraction of the range to ask `unicodedata` about.
    """
    chars = "".join(map(chr, range(low, high)))
    candidates = (ord(m.group()) for m in _NOT_WORD.finditer(chars))
    return _class_of(c for c in candidates if unicodedata.category(chr(c))[0] == "M")


_NOT_WORD = re.compile(r"[^\w\s\ud800-\uf8ff]")  # nor surrogates or private use: never marks


def _class_of(points: Iterable[int]) -> str:
    ranges: list[list[int]] = []
    for point in points:
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return "".join(
        re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges
    )


# Han, kana and iteration marks: every character is its own token, no boundaries needed.
_CJK = (
    "\u3005-\u3007\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uff66-\uff9f\U00020000-\U0003134f"
)
# Hangul syllables and jamo: one token per character; a match starts a word, ends anywhere.
_HANGUL = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff\uffa0-\uffdc"
# Thai, Lao, Burmese (and its extensions), Khmer (and its symbols): one token per cluster.
_SEA_BLOCKS = ((0x0E00, 0x0F00), (0x1000, 0x10A0), (0x1780, 0x1800), (0x19E0, 0x1A00),
               (0xA9E0, 0xAA00), (0xAA60, 0xAA80))  # fmt: skip
_SEA = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b - 1))}" for a, b in _SEA_BLOCKS)
_SEA_LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44\u0ec0\u0ec1\u0ec2\u0ec3\u0ec4")
_SEA_FOLLOWING_VOWELS = frozenset("\u0e30\u0e32\u0e33\u0e45\u0eb0\u0eb2\u0eb3")

_LETTER = f"[^\\W{_CJK}{_HANGUL}{_SEA}]"  # \w without the scripts split finer
_PLACEHOLDER = "\x02[^\x02\x03]*\x03"  # Python-Markdown's stash/escape placeholders
_ONE_CHAR = f"[{_CJK}{_HANGUL}]"
# ASCII needs none of the Unicode classes: a word is [A-Za-z0-9_]+ there.
_TOKEN_ASCII = re.compile(f"[A-Za-z0-9_]+|{_PLACEHOLDER}")
_SPLIT_ASCII = re.compile(f"([a-z0-9_]+|{_PLACEHOLDER})")


class _Scripts:
    """Which characters belong to the scripts split finer (`_scripts()`, on first use)."""

    def __init__(self) -> None:
        self.split_finer = re.compile(f"[{_CJK}{_HANGUL}{_SEA}\U00010000-\U0010ffff]")
        self.cjk = re.compile(f"[{_CJK}]")
        self.hangul = re.compile(f"[{_HANGUL}]")
        self.sea = re.compile(f"[{_SEA}]")


@functools.cache
def _scripts() -> _Scripts:
    return _Scripts()


def _needs_full_split(text: str) -> bool:
    """Does `text` hold an ideograph, Hangul, a Southeast Asian script or anything beyond
    the BMP? (ASCII never does.)"""
    return not text.isascii() and _scripts().split_finer.search(text) is not None


class _Unicode:
    """The patterns for text beyond ASCII, compiled once on first use (`_unicode()`)."""

    def __init__(self) -> None:
        sea_marks = "".join(_mark_class(a, b) for a, b in _SEA_BLOCKS)
        sea_cluster = f"[{_SEA}](?:[\u17d2\u1039][{_SEA}]|[{sea_marks}])*"
        # Marks outside the BMP make sre fall back to a slow range list, so they are only
        # tried behind a cheap one-range lookahead; BMP marks compile to a fast bitmap.
        mark = (
            f"(?:[{_mark_class(0, 0x10000)}]"
            f"|(?=[\U00010000-\U0010ffff])[{_mark_class(0x10000, 0x20000)}{_mark_class(0xE0100, 0xE01F0)}])"
        )
        word = f"{_LETTER}+(?:{mark}+{_LETTER}*)*"
        self.token = re.compile(f"{word}|{_ONE_CHAR}|{sea_cluster}|{_PLACEHOLDER}")
        self.split = re.compile(f"({word}|{_ONE_CHAR}|{sea_cluster}|{_PLACEHOLDER})")
        self.word_char = re.compile(f"{_LETTER}|{mark}")


@functools.cache
def _unicode() -> _Unicode:
    return _Unicode()


class _Bmp:
    """Text in the BMP without the scripts split finer (see `_needs_full_split`):
    a word is \\w then \\w or marks, and only the BMP's marks are needed (`_bmp()`)."""

    def __init__(self) -> None:
        marks = _mark_class(0, 0x10000)
        self.split = re.compile(f"(\\w[\\w{marks}]*|{_PLACEHOLDER})")
        self.word_char = re.compile(f"[\\w{marks}]")


@functools.cache
def _bmp() -> _Bmp:
    return _Bmp()


def word_tokens(text: str) -> list[re.Match[str]]:
    """The words (and placeholders) of `text`, by the cheapest pattern that finds them all."""
    if text.isascii():
        pattern = _TOKEN_ASCII
    elif _needs_full_split(text):
        pattern = _unicode().token
    else:
        pattern = _bmp().split
    return list(pattern.finditer(text))


def _is_word_char(char: str) -> bool:
    """A letter, digit or mark (not an ideograph): what a whole-word match may not touch."""
    if char.isascii():
        return char.isalnum() or char == "_"
    if _needs_full_split(char):
        return _unicode().word_char.match(char) is not None
    return _bmp().word_char.match(char) is not None


_SPACES = re.compile(r"\s+")
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})

# What an edge of a form asks of the text beside it.
FREE = 0  # nothing: an ideograph
WORD_EDGE = 1  # no word character (a letter, digit or mark) right beside it
HANGUL_START = 2  # as WORD_EDGE, and no Hangul before it either (a Korean word starts)
SEA_EDGE = 3  # no Thai/Lao vowel that belongs to the syllable on the other side
HANGUL_END = 4  # particles and endings may follow, but not a suffix making another noun
# -화 (-ization), -성 (-ity), -적 (-ic): "컨테이너화" is containerization, not a container.
_HANGUL_SUFFIXES = frozenset("화성적")


def fold_word(word: str) -> str:
    """Caseless, canonically normalised key of one word (ASCII takes the cheap path)."""
    if word.isascii():
        return word.lower()
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", word).casefold())


def exact_word(word: str) -> str:
    return word if word.isascii() else unicodedata.normalize("NFC", word)


def plain_sep(sep: str) -> str:
    """Separators compare modulo whitespace runs and typographic apostrophes.

    A line break inside a paragraph must not hide "large\\nlanguage model", and authors
    type "model's" in faq.yml while SmartyPants-like tools emit "model’s".
    """
    if sep == " " or not sep:
        return sep
    return _SPACES.sub(" ", sep).translate(APOSTROPHES)


def norm_sep(sep: str) -> str:
    """The separator as the index compares it: `plain_sep`, and a hyphen is a space."""
    sep = plain_sep(sep)
    return " " if sep in _HYPHENS else sep


def edge_of(token: str, affix: str, right: bool) -> int:
    """What the edge of a form that ends (`right`) or starts with `token` asks of the text
    beside it; non-word characters written as part of the form (`affix`) need a word edge."""
    if affix:
        return WORD_EDGE
    if token.isascii():
        return WORD_EDGE
    scripts = _scripts()
    if scripts.cjk.match(token):
        return FREE
    if scripts.hangul.match(token):
        return HANGUL_END if right else HANGUL_START
    if scripts.sea.match(token):
        return SEA_EDGE
    return WORD_EDGE


def _opaque_char(text: str, open_at: int, close_at: int) -> str:
    """The character a placeholder stands for, if it is an escaped one (`\\x0242\\x03`)."""
    inner = text[open_at + 1 : close_at]
    if inner.isascii() and inner.isdigit() and int(inner) <= sys.maxunicode:
        return chr(int(inner))
    return ""


def _word_before(text: str, pos: int) -> bool:
    """Is `text[pos-1]` part of a (non-CJK) word, i.e. would a match at `pos` cut a word?"""
    if pos <= 0:
        return False
    char = text[pos - 1]
    if char == "\x03":
        opened = text.rfind("\x02", 0, pos - 1)
        char = _opaque_char(text, opened, pos - 1) if opened >= 0 else ""
    return bool(char) and _is_word_char(char)


def _word_after(text: str, pos: int) -> bool:
    if pos >= len(text):
        return False
    char = text[pos]
    if char == "\x02":
        closed = text.find("\x03", pos + 1)
        char = _opaque_char(text, pos, closed) if closed >= 0 else ""
    return bool(char) and _is_word_char(char)


def blocked_left(edge: int, text: str, pos: int) -> bool:
    if edge == WORD_EDGE:
        return _word_before(text, pos)
    if edge == HANGUL_START:
        return pos > 0 and (
            _scripts().hangul.match(text[pos - 1]) is not None or _word_before(text, pos)
        )
    return pos > 0 and text[pos - 1] in _SEA_LEADING_VOWELS  # SEA_EDGE


def blocked_right(edge: int, text: str, pos: int) -> bool:
    if edge == WORD_EDGE:
        return _word_after(text, pos)
    if edge == HANGUL_END:
        return pos < len(text) and text[pos] in _HANGUL_SUFFIXES
    return pos < len(text) and text[pos] in _SEA_FOLLOWING_VOWELS  # SEA_EDGE


def split_words(text: str) -> tuple[list[str], list[str]]:
    """Separators and words of `text` (alternating, offsets preserved) plus the folded words.

    Folding the whole text in one call is much cheaper than per word; it is used whenever
    it provably keeps every offset (same length, already NFC), which is nearly always.
    """
    if text.isascii():
        parts = _SPLIT_ASCII.split(text.lower())
        return parts, parts[1::2]
    splitter = _unicode().split if _needs_full_split(text) else _bmp().split
    folded = text.casefold()
    if len(folded) == len(text) and unicodedata.is_normalized("NFC", folded):
        parts = splitter.split(folded)
        return parts, parts[1::2]
    parts = splitter.split(text)
    return parts, [fold_word(word) for word in parts[1::2]]
