"""Find glossary terms in prose: one index for all terms, built once per build.

The text is tokenised once into words with a single compiled regex; each word is looked up
in a dict keyed by the casefolded first word of every surface form. Only on a hit are the
following words compared, so the cost is linear in the text and flat in the number of
terms (no giant `a|b|c` alternation tried at every position).

Pure: no MkDocs or Markdown import. The only concession to Python-Markdown is that
`\\x02…\\x03` spans (its placeholders for stashed HTML and escaped characters) are treated
as opaque: a match never contains, starts or ends inside one.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Term

__all__ = ["Match", "TermMatcher", "surface_forms", "plural_forms"]


def _mark_ranges() -> str:
    """A regex class body of every combining mark (category M*) in planes 0, 1 and 14.

    `\\w` does not cover combining marks, so without them "nai\\u0308ve" or Devanagari words
    would be split into several "words" and terms would match inside them.
    """
    points = [c for c in range(0x20000) if unicodedata.category(chr(c))[0] == "M"]
    points += [c for c in range(0xE0100, 0xE01F0) if unicodedata.category(chr(c))[0] == "M"]
    ranges: list[str] = []
    start = prev = points[0]
    for point in [*points[1:], -1]:
        if point == prev + 1:
            prev = point
            continue
        ranges.append(re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else ""))
        start = prev = point
    return "".join(ranges)


# Scripts written without spaces between words: every character is its own token, so a
# term written in them matches at any character boundary (Han, kana, iteration marks).
_CJK = (
    "\u3005-\u3007\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uff66-\uff9f" + ("\U00020000-\U0003134f" if sys.maxunicode > 0xFFFF else "")
)
_MARKS = _mark_ranges()
_TOKEN = re.compile(
    "\x02[^\x02\x03]*\x03"  # a Python-Markdown placeholder: one opaque token
    f"|[{_CJK}]"  # one ideograph / kana
    f"|(?:[^\\W{_CJK}]|[{_MARKS}])+"  # a word: letters, digits, underscore, marks
)
_WORD_CHAR = re.compile(f"(?:[^\\W{_CJK}]|[{_MARKS}])")
_CJK_CHAR = re.compile(f"[{_CJK}]")
_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")


@dataclass(frozen=True, slots=True)
class Match:
    """One occurrence of a term: `text[start:end]` is the original wording."""

    start: int
    end: int
    term_id: str


@dataclass(frozen=True, slots=True)
class _Form:
    """One surface form, split the way the text is split so the two compare token by token."""

    term_id: str
    words: tuple[str, ...]  # casefolded, or exact (NFC) when case_sensitive
    seps: tuple[str, ...]  # normalised text between consecutive words
    prefix: str  # non-word characters before the first word (".NET")
    suffix: str  # non-word characters after the last word ("C++", "models'")
    case_sensitive: bool
    size: tuple[int, int]  # for "longest first": number of words, then characters
    check_left: bool  # False when it starts with an ideograph: those need no word boundary
    check_right: bool


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
    key = _exact if case_sensitive else _fold
    words = tuple(key(m.group()) for m in tokens)
    seps = tuple(_norm_sep(text[a.end() : b.start()]) for a, b in zip(tokens, tokens[1:]))
    return _Form(
        term_id=term_id,
        words=words,
        seps=seps,
        prefix=text[: tokens[0].start()].translate(_APOSTROPHES),
        suffix=text[tokens[-1].end() :].translate(_APOSTROPHES),
        case_sensitive=case_sensitive,
        size=(len(words), len(text)),
        check_left=bool(text[: tokens[0].start()]) or not _CJK_CHAR.match(tokens[0].group()),
        check_right=bool(text[tokens[-1].end() :]) or not _CJK_CHAR.match(tokens[-1].group()),
    )


def _opaque_char(text: str, open_at: int, close_at: int) -> str:
    """The character a placeholder stands for, if it is an escaped one (`\\x0242\\x03`)."""
    inner = text[open_at + 1 : close_at]
    return chr(int(inner)) if inner.isdigit() and int(inner) <= sys.maxunicode else ""


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
    """Every surface form of every term, indexed by its first word; build once, use per page."""

    def __init__(self, forms: Iterable[_Form] = ()):
        index: dict[str, list[_Form]] = {}
        seen: set[tuple[object, ...]] = set()
        for form in forms:
            identity = (form.words, form.seps, form.prefix, form.suffix, form.case_sensitive)
            if identity in seen:
                continue  # the first term that claims a form keeps it
            seen.add(identity)
            first = form.words[0] if not form.case_sensitive else _fold(form.words[0])
            index.setdefault(first, []).append(form)
        for candidates in index.values():
            # Longest first; at equal length an exact-case form beats a caseless one.
            candidates.sort(key=lambda f: (f.size, f.case_sensitive), reverse=True)
        self._index = index

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
        return bool(self._index)

    def find(self, text: str) -> list[Match]:
        """Non-overlapping, whole-word matches, left to right, longest at each position."""
        index = self._index
        if not index or not text:
            return []
        ascii_text = text.isascii()
        # For ASCII, lower() keeps offsets, so one call folds every word at once.
        scan = text.lower() if ascii_text else text
        found: list[Match] = []
        resume = 0
        for token in _TOKEN.finditer(scan):
            start = token.start()
            if start < resume:
                continue
            word = token.group()
            candidates = index.get(word if ascii_text else _fold(word))
            if candidates is None:
                continue
            for form in candidates:
                end = self._match_form(form, text, scan, ascii_text, token)
                if end < 0:
                    continue
                begin = start - len(form.prefix)
                if begin < resume:
                    continue
                found.append(Match(begin, end, form.term_id))
                resume = end
                break
        return found

    @staticmethod
    def _match_form(form: _Form, text: str, scan: str, ascii_text: bool, first: re.Match[str]) -> int:
        """End offset of `form` matched at token `first`, or -1."""
        if form.case_sensitive and _exact(text[first.start() : first.end()]) != form.words[0]:
            return -1
        end = first.end()
        for word, sep in zip(form.words[1:], form.seps):
            token = _TOKEN.search(scan, end)
            if token is None:
                return -1
            if _norm_sep(text[end : token.start()]) != sep:
                return -1
            raw = text[token.start() : token.end()]
            if form.case_sensitive:
                if _exact(raw) != word:
                    return -1
            elif (token.group() if ascii_text else _fold(raw)) != word:
                return -1
            end = token.end()
        begin = first.start()
        if form.prefix:
            begin -= len(form.prefix)
            if begin < 0 or text[begin : first.start()].translate(_APOSTROPHES) != form.prefix:
                return -1
        if form.suffix:
            if text[end : end + len(form.suffix)].translate(_APOSTROPHES) != form.suffix:
                return -1
            end += len(form.suffix)
        if form.check_left and _word_before(text, begin):
            return -1
        if form.check_right and _word_after(text, end):
            return -1
        return end
