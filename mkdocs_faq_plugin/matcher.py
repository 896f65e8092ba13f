"""Find glossary terms in prose: one index for all terms, built once per build.

Every surface form (term, aliases, plurals, possessives) goes into a trie of casefolded
words. A text is split into words once, by one compiled regex; sets of first words and of
first-word pairs pick, in C, the few positions where a form can start, and only there is
the trie walked (longest form first). The cost is linear in the text and flat in the number
of terms: no `a|b|c` alternation is tried at every position.

Pure: no MkDocs or Markdown import. The only concession to Python-Markdown is that
`\\x02…\\x03` spans (its placeholders for stashed HTML and escaped characters) are opaque:
a match never contains one, and one only glues to a word if it stands for a word character.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate, compress, islice, pairwise
from typing import NamedTuple

from .model import Term

__all__ = ["Match", "TermMatcher", "plural_forms", "surface_forms"]


def _mark_class(low: int, high: int) -> str:
    """A regex class body of every combining mark (category M*) in `low..high`.

    `\\w` does not cover combining marks, so without them "nai\\u0308ve" or Devanagari
    words would be split into several "words" and terms would match inside them.
    """
    points = [c for c in range(low, high) if unicodedata.category(chr(c))[0] == "M"]
    ranges: list[list[int]] = []
    for point in points:
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return "".join(
        re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges
    )


# Scripts written without spaces between words: every character is its own token, so a
# term written in them matches at any character boundary (Han, kana, iteration marks).
_CJK = (
    "\u3005-\u3007\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uff66-\uff9f\U00020000-\U0003134f"
)
_LETTER = f"[^\\W{_CJK}]"  # \w without ideographs
# Marks outside the BMP make sre fall back to a slow range list, so they are only tried
# behind a cheap one-range lookahead; BMP marks compile to a fast bitmap.
_MARK = (
    f"(?:[{_mark_class(0, 0x10000)}]"
    f"|(?=[\U00010000-\U0010ffff])[{_mark_class(0x10000, 0x20000)}{_mark_class(0xE0100, 0xE01F0)}])"
)
_WORD = f"{_LETTER}+(?:{_MARK}+{_LETTER}*)*"
_PLACEHOLDER = "\x02[^\x02\x03]*\x03"  # Python-Markdown's stash/escape placeholders
_TOKEN = re.compile(f"{_WORD}|[{_CJK}]|{_PLACEHOLDER}")
_SPLIT = re.compile(f"({_WORD}|[{_CJK}]|{_PLACEHOLDER})")
# The same tokenisation, faster, for text known to need less: lowercased ASCII, or text
# without ideographs and outside the BMP (then a word is simply \w followed by \w or marks).
_SPLIT_ASCII = re.compile(f"([a-z0-9_]+|{_PLACEHOLDER})")
_SPLIT_BMP = re.compile(f"(\\w[\\w{_mark_class(0, 0x10000)}]*|{_PLACEHOLDER})")
_NEEDS_FULL_SPLIT = re.compile(f"[{_CJK}\U00010000-\U0010ffff]")
_WORD_CHAR = re.compile(f"{_LETTER}|{_MARK}")
_CJK_CHAR = re.compile(f"[{_CJK}]")
_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")


class Match(NamedTuple):
    """One occurrence of a term: `text[start:end]` is the original wording."""

    start: int
    end: int
    term_id: str


@dataclass(frozen=True, slots=True)
class _Form:
    """One surface form, split the way the text is split so the two compare token by token."""

    term_id: str
    keys: tuple[str, ...]  # casefolded words: the path in the index
    seps: tuple[str, ...]  # normalised text between consecutive words
    exact: tuple[str, ...] | None  # the words as written, for case-sensitive terms only
    prefix: str  # non-word characters before the first word (".NET")
    suffix: str  # non-word characters after the last word ("C++", "models'")
    check_left: bool  # False when it starts with an ideograph: those need no word boundary
    check_right: bool

    @property
    def rank(self) -> tuple[int, bool]:
        """Among forms ending at the same word: the longest first, exact case before caseless."""
        return len(self.prefix) + len(self.suffix), self.exact is not None


class _Node:
    """A word in the index; children continue a phrase by (separator, next word)."""

    __slots__ = ("children", "forms")

    def __init__(self) -> None:
        self.children: dict[tuple[str, str], _Node] = {}
        self.forms: list[_Form] = []


def _fold(word: str) -> str:
    """Caseless, canonically normalised key of one word (ASCII takes the cheap path)."""
    if word.isascii():
        return word.lower()
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", word).casefold())


def _exact(word: str) -> str:
    return word if word.isascii() else unicodedata.normalize("NFC", word)


def _norm_sep(sep: str) -> str:
    """Separators compare modulo whitespace runs and typographic apostrophes.

    A line break inside a paragraph must not hide "large\\nlanguage model", and authors
    type "model's" in faq.yml while SmartyPants-like tools emit "model’s".
    """
    if sep == " " or not sep:
        return sep
    return _SPACES.sub(" ", sep).translate(_APOSTROPHES)


def plural_forms(word: str) -> list[str]:
    """English plurals of one word by the regular rules; no irregular nouns are guessed.

    Acronyms ("LLM", "API") take a lowercase "s" as authors write them ("LLMs").
    """
    if not word or not word[-1].isalnum():
        return []
    lower = word.lower()
    if len(word) > 1 and word.isupper():
        forms = [word + "s"]
        if lower.endswith(_SIBILANT_ENDINGS):
            forms.append(word + "es")
        return forms
    if lower.endswith(_SIBILANT_ENDINGS):
        return [word + "es"]
    if len(lower) > 1 and lower[-1] == "y" and lower[-2] not in "aeiou" and lower[-2].isalpha():
        return [word[:-1] + "ies"]
    return [word + "s"]


def surface_forms(name: str) -> list[str]:
    """A name, its plural (of the last word) and the possessives of both.

    "foundation model" → foundation model, foundation models, foundation model's,
    foundation models'. Typographic apostrophes are matched by normalisation, so only
    the ASCII one is generated. No hyphen/space variants are invented.
    """
    name = " ".join(name.split())
    if not name:
        return []
    forms = [name]
    tokens = list(_TOKEN.finditer(name))
    if not tokens or tokens[-1].end() != len(name) or _CJK_CHAR.fullmatch(tokens[-1].group()):
        return forms  # ends in punctuation ("C++") or an ideograph: no English inflection
    head, last = name[: tokens[-1].start()], tokens[-1].group()
    plurals = [head + p for p in plural_forms(last)]
    forms += plurals
    forms.append(name + "'s")
    if last.lower().endswith("s"):
        forms.append(name + "'")
    forms += [p + "'" for p in plurals if p.lower().endswith("s")]
    return list(dict.fromkeys(forms))


def _compile_form(text: str, term_id: str, case_sensitive: bool) -> _Form | None:
    text = unicodedata.normalize("NFC", text.strip())
    tokens = [m for m in _TOKEN.finditer(text) if not m.group().startswith("\x02")]
    if not tokens:
        return None  # nothing word-like to anchor a whole-word match on
    head, tail = text[: tokens[0].start()], text[tokens[-1].end() :]
    return _Form(
        term_id=term_id,
        keys=tuple(_fold(m.group()) for m in tokens),
        seps=tuple(_norm_sep(text[a.end() : b.start()]) for a, b in pairwise(tokens)),
        exact=tuple(m.group() for m in tokens) if case_sensitive else None,
        prefix=head.translate(_APOSTROPHES),
        suffix=tail.translate(_APOSTROPHES),
        check_left=bool(head) or not _CJK_CHAR.match(tokens[0].group()),
        check_right=bool(tail) or not _CJK_CHAR.match(tokens[-1].group()),
    )


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
    return bool(char) and _WORD_CHAR.match(char) is not None


def _word_after(text: str, pos: int) -> bool:
    if pos >= len(text):
        return False
    char = text[pos]
    if char == "\x02":
        closed = text.find("\x03", pos + 1)
        char = _opaque_char(text, pos, closed) if closed >= 0 else ""
    return bool(char) and _WORD_CHAR.match(char) is not None


class TermMatcher:
    """Every surface form of every term in a word trie; build once per site, use per page."""

    def __init__(self, forms: Iterable[_Form] = ()):
        roots: dict[str, _Node] = {}
        seen: set[tuple[object, ...]] = set()
        for form in forms:
            identity = (form.keys, form.seps, form.exact, form.prefix, form.suffix)
            if identity in seen:
                continue  # the first term that claims a form keeps it
            seen.add(identity)
            node = roots.get(form.keys[0]) or roots.setdefault(form.keys[0], _Node())
            for sep, key in zip(form.seps, form.keys[1:]):
                node = node.children.get((sep, key)) or node.children.setdefault(
                    (sep, key), _Node()
                )
            node.forms.append(form)
        for root in roots.values():
            _sort_forms(root)
        self._roots = roots
        # Pre-filters run in C over all words: a word starts a candidate only if it is a
        # whole form by itself, or it and the next word begin a longer form. Checking the
        # pair keeps common first words ("the", "data") from costing a trie walk each.
        self._singles = frozenset(key for key, root in roots.items() if root.forms)
        self._pairs = frozenset(
            (key, second) for key, root in roots.items() for _sep, second in root.children
        )

    @classmethod
    def from_terms(cls, terms: Iterable[Term]) -> TermMatcher:
        forms: list[_Form] = []
        for term in terms:
            for name in term.names:
                for text in surface_forms(name):
                    form = _compile_form(text, term.id, term.case_sensitive)
                    if form is not None:
                        forms.append(form)
        return cls(forms)

    def __bool__(self) -> bool:
        return bool(self._roots)

    def find(self, text: str) -> list[Match]:
        """Non-overlapping, whole-word matches, left to right, longest at each position."""
        roots = self._roots
        if not roots or not text:
            return []
        parts, words = _split(text)
        count = len(words)
        starts = set(compress(range(count), map(self._singles.__contains__, words)))
        if self._pairs:
            pairs = zip(words, islice(words, 1, None))
            starts.update(compress(range(count), map(self._pairs.__contains__, pairs)))
        if not starts:
            return []  # the common case for a text node, decided in C
        # parts alternate separator, word, separator, ..., separator: word k is parts[2k+1]
        # and spans offsets[2k+1]..offsets[2k+2].
        offsets = list(accumulate(map(len, parts), initial=0))
        found: list[Match] = []
        resume = 0
        for k in sorted(starts):
            if offsets[2 * k + 1] < resume:
                continue
            node = roots[words[k]]
            path = [node]
            j = k + 1
            while node.children and j < count:
                sep = parts[2 * j]
                child = node.children.get((sep if sep == " " else _norm_sep(sep), words[j]))
                if child is None:
                    break
                path.append(child)
                node = child
                j += 1
            match = _longest(path, text, parts, offsets, k, resume)
            if match is not None:
                found.append(match)
                resume = match.end
        return found


def _longest(
    path: list[_Node], text: str, parts: list[str], offsets: list[int], k: int, resume: int
) -> Match | None:
    """The longest form along `path` (word k onwards) that really fits the text."""
    start = offsets[2 * k + 1]
    # Words are maximal runs, so a boundary needs checking only where a neighbour touches
    # (an ideograph or a placeholder right before/after) or around a prefix/suffix.
    touches_left = k > 0 and not parts[2 * k]
    for depth in range(len(path) - 1, -1, -1):
        end = offsets[2 * (k + depth) + 2]
        touches_right = not parts[2 * (k + depth) + 2] and 2 * (k + depth) + 3 < len(parts)
        for form in path[depth].forms:
            if form.exact is not None and any(
                _exact(text[offsets[2 * i + 1] : offsets[2 * i + 2]]) != word
                for i, word in enumerate(form.exact, start=k)
            ):
                continue
            begin, stop = start, end
            if form.prefix:
                begin -= len(form.prefix)
                if begin < 0 or text[begin:start].translate(_APOSTROPHES) != form.prefix:
                    continue
            if form.suffix:
                stop += len(form.suffix)
                if text[end:stop].translate(_APOSTROPHES) != form.suffix:
                    continue
            if begin < resume:
                continue
            if form.check_left and (form.prefix or touches_left) and _word_before(text, begin):
                continue
            if form.check_right and (form.suffix or touches_right) and _word_after(text, stop):
                continue
            return Match(begin, stop, form.term_id)
    return None


def _sort_forms(node: _Node) -> None:
    node.forms.sort(key=lambda f: f.rank, reverse=True)
    for child in node.children.values():
        _sort_forms(child)


def _split(text: str) -> tuple[list[str], list[str]]:
    """Separators and words of `text` (alternating, offsets preserved) plus the folded words.

    Folding the whole text in one call is much cheaper than per word; it is used whenever
    it provably keeps every offset (same length, already NFC), which is nearly always.
    """
    if text.isascii():
        parts = _SPLIT_ASCII.split(text.lower())
        return parts, parts[1::2]
    splitter = _SPLIT if _NEEDS_FULL_SPLIT.search(text) else _SPLIT_BMP
    folded = text.casefold()
    if len(folded) == len(text) and unicodedata.is_normalized("NFC", folded):
        parts = splitter.split(folded)
        return parts, parts[1::2]
    parts = splitter.split(text)
    return parts, [_fold(word) for word in parts[1::2]]
