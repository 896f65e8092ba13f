"""Find glossary terms in prose: one index for all terms, built once per build.

Every surface form (see `forms`) goes into a trie of casefolded words. A text is split into
words once, by one compiled regex (see `scripts` for what a word is in each script); sets of
first words and of first-word pairs pick, in C, the few positions where a form can start, and
only there is the trie walked (longest form first). The cost is linear in the text and flat in
the number of terms: no `a|b|c` alternation is tried at every position.

A term with `variants: false` wants its separators as written; otherwise they compare as
`scripts.norm_sep` says (hyphen = space). A match never contains one of Python-Markdown's
`\\x02…\\x03` placeholders.

Pure: no MkDocs or Markdown import.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from itertools import accumulate, compress, islice, pairwise
from typing import Any, NamedTuple

from ..kb.model import Term
from .forms import SurfaceForm, page_forms
from .writing import (
    APOSTROPHES,
    blocked_left,
    blocked_right,
    edge_of,
    exact_word,
    fold_word,
    norm_sep,
    plain_sep,
    split_words,
    word_tokens,
)

__all__ = ["CompiledForm", "Match", "TermMatcher", "compile_term", "form_identity"]


class Match(NamedTuple):
    """One occurrence of a term: `text[start:end]` is the original wording."""

    start: int
    end: int
    term_id: str


class _Form(NamedTuple):
    """One surface form, split the way the text is split so the two compare token by token.

    A named tuple: an imported glossary's tens of thousands are read back from the cache
    (`form_cache`) about twice as fast as frozen dataclasses would be."""

    term_id: str
    keys: tuple[str, ...]  # casefolded words: the path in the index
    seps: tuple[str, ...]  # normalised text between consecutive words (hyphen = space)
    exact: tuple[str, ...] | None  # the words as written, for case-sensitive forms only
    exact_seps: tuple[str, ...] | None  # separators as written, for `variants: false`
    prefix: str  # non-word characters before the first word (".NET")
    suffix: str  # non-word characters after the last word ("C++", "models'")
    left: int  # scripts.FREE, WORD_EDGE, HANGUL_START or SEA_EDGE
    right: int  # scripts.FREE, WORD_EDGE, SEA_EDGE or HANGUL_END

    @property
    def priority(self) -> tuple[int, bool]:
        """Among forms ending at the same word: the longest first, exact case before caseless."""
        return len(self.prefix) + len(self.suffix), self.exact is not None


class _Node:
    """A word in the index; children continue a phrase by (separator, next word)."""

    __slots__ = ("children", "forms")

    def __init__(self) -> None:
        self.children: dict[tuple[str, str], _Node] = {}
        self.forms: list[_Form] = []


def _compile_form(form: SurfaceForm) -> _Form | None:
    text = unicodedata.normalize("NFC", form.text.strip())
    tokens = [m for m in word_tokens(text) if not m.group().startswith("\x02")]
    if not tokens:
        return None  # nothing word-like to anchor a whole-word match on
    head, tail = text[: tokens[0].start()], text[tokens[-1].end() :]
    written = [text[a.end() : b.start()] for a, b in pairwise(tokens)]
    return _Form(
        term_id=form.term_id,
        keys=tuple(fold_word(m.group()) for m in tokens),
        seps=tuple(map(norm_sep, written)),
        exact=tuple(m.group() for m in tokens) if form.case_sensitive else None,
        exact_seps=None if form.flexible else tuple(map(plain_sep, written)),
        prefix=head.translate(APOSTROPHES),
        suffix=tail.translate(APOSTROPHES),
        left=edge_of(tokens[0].group(), head, right=False),
        right=edge_of(tokens[-1].group(), tail, right=True),
    )


def form_identity(surface: SurfaceForm) -> tuple[object, ...] | None:
    """What the index tells forms apart by: two forms with one identity are one entry, and
    the first (by rank, then order) keeps it. None for a form with no word to match."""
    form = _compile_form(surface)
    return None if form is None else _identity(form)


CompiledForm = tuple[int, tuple[Any, ...]]
"""A surface form's rank and its compiled form as plain data (marshal, JSON)."""


def compile_term(term: Term, language: str | None = None, page: str | None = None) -> list[CompiledForm]:
    """The compiled forms `TermMatcher.from_terms` would index for `term` in `language` on
    pages in `page`'s (`forms.page_forms`; the same language when None), as plain data."""
    compiled: list[CompiledForm] = []
    for surface in page_forms(term, language, page if page is not None else language):
        if surface.annotated:
            form = _compile_form(surface)
            if form is not None:
                compiled.append((surface.rank, tuple(form)))
    return compiled


def _rank(entry: tuple[int, object]) -> int:
    return entry[0]


def _identity(form: _Form) -> tuple[object, ...]:
    return form.keys, form.seps, form.exact, form.exact_seps, form.prefix, form.suffix


class TermMatcher:
    """Every surface form of every term in a word trie; build once per site, use per page."""

    def __init__(self, forms: Iterable[SurfaceForm] = (), compiled: Iterable[CompiledForm] = ()):
        """`compiled`: forms compiled earlier (`compile_term`, e.g. an imported glossary's,
        kept between builds); they come after `forms` among forms of one rank."""
        roots: dict[str, _Node] = {}
        seen: set[tuple[object, ...]] = set()
        entries = [(surface.rank, _compile_form(surface)) for surface in forms]
        entries += [(rank, _Form._make(row)) for rank, row in compiled]
        # A form two terms produce goes to the one that wrote it (rank), then the first.
        entries.sort(key=_rank)
        for _, form in entries:
            if form is None:
                continue
            identity = _identity(form)
            if identity in seen:
                continue
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
    def from_terms(
        cls,
        terms: Iterable[Term],
        language: str | None = None,
        term_languages: Mapping[str, str] | None = None,
        compiled: Iterable[CompiledForm] = (),
    ) -> TermMatcher:
        """The matcher of every form the terms' settings let annotate (see `forms`), each
        term inflected in its own language (`term_languages[id]`, else `language`) and, as a
        loanword, in the pages' `language` (`page_forms`), and of the `compiled` forms of
        other terms (`compile_term`)."""
        languages = term_languages or {}
        return cls(
            (
                form
                for term in terms
                for form in page_forms(term, languages.get(term.id, language), language)
                if form.annotated
            ),
            compiled,
        )

    def __bool__(self) -> bool:
        return bool(self._roots)

    def find(self, text: str, exclude: frozenset[str] = frozenset()) -> list[Match]:
        """Non-overlapping, whole-word matches, left to right, longest at each position.

        Terms in `exclude` are matched as if they did not exist, so that on the page about
        "API gateway" the "API" in "an API gateway" is found.
        """
        roots = self._roots
        if not roots or not text:
            return []
        parts, words = split_words(text)
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
                child = node.children.get((sep if sep == " " else norm_sep(sep), words[j]))
                if child is None:
                    break
                path.append(child)
                node = child
                j += 1
            match = _longest(path, text, parts, offsets, k, resume, exclude)
            if match is not None:
                found.append(match)
                resume = match.end
        return found


def _longest(
    path: list[_Node],
    text: str,
    parts: list[str],
    offsets: list[int],
    k: int,
    resume: int,
    exclude: frozenset[str],
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
            if exclude and form.term_id in exclude:
                continue
            if form.exact is not None and any(
                exact_word(text[offsets[2 * i + 1] : offsets[2 * i + 2]]) != word
                for i, word in enumerate(form.exact, start=k)
            ):
                continue
            if form.exact_seps is not None and any(
                plain_sep(parts[2 * i + 2]) != sep for i, sep in enumerate(form.exact_seps, start=k)
            ):
                continue
            begin, stop = start, end
            if form.prefix:
                begin -= len(form.prefix)
                if begin < 0 or text[begin:start].translate(APOSTROPHES) != form.prefix:
                    continue
            if form.suffix:
                stop += len(form.suffix)
                if text[end:stop].translate(APOSTROPHES) != form.suffix:
                    continue
            if begin < resume:
                continue
            if form.left and (form.prefix or touches_left) and blocked_left(form.left, text, begin):
                continue
            if form.right and (form.suffix or touches_right) and blocked_right(form.right, text, stop):
                continue
            return Match(begin, stop, form.term_id)
    return None


def _sort_forms(node: _Node) -> None:
    node.forms.sort(key=lambda f: f.priority, reverse=True)
    for child in node.children.values():
        _sort_forms(child)
