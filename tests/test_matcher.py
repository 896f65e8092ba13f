"""The term matcher: surface forms, case rules, longest match, Unicode word boundaries."""

from __future__ import annotations

from itertools import accumulate

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_faq_plugin import matcher as matcher_module
from mkdocs_faq_plugin.matcher import Match, TermMatcher, plural_forms, surface_forms
from mkdocs_faq_plugin.model import Term


def term(term_id: str, name: str, *aliases: str, case_sensitive: bool = False) -> Term:
    return Term(
        term_id, name, f"definition of {name}", aliases=aliases, case_sensitive=case_sensitive
    )


TERMS = (
    term("param", "parameter"),
    term("llm", "LLM", case_sensitive=True),
    term("lm", "language model"),
    term("large-lm", "large language model"),
    term("fm", "foundation model"),
    term("ft", "fine-tuning", "finetuning"),
    term("box", "box"),
    term("branch", "branch"),
    term("query", "query"),
    term("key", "key"),
    term("rest-api", "REST", case_sensitive=True),
    term("rest", "rest"),
    term("cafe", "café"),
    term("naive", "naïve"),
    term("zh-lm", "语言模型"),
    term("dotnet", ".NET"),
    term("cpp", "C++"),
    term("c", "C", case_sensitive=True),
    term("strasse", "Straße"),
    term("hindi", "हिन्दी"),
)
MATCHER = TermMatcher.from_terms(TERMS)


def found(text: str, matcher: TermMatcher = MATCHER) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.term_id) for m in matcher.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # plurals: +s, +es after s/x/z/ch/sh, consonant+y → ies, vowel+y → ys
        ("parameters", [("parameters", "param")]),
        ("two boxes", [("boxes", "box")]),
        ("branches", [("branches", "branch")]),
        ("queries", [("queries", "query")]),
        ("keys", [("keys", "key")]),
        ("querys", []),
        ("boxs", []),
        # plural of the last word of a multi-word term
        ("foundation models", [("foundation models", "fm")]),
        ("foundations model", []),
        # possessives, straight and typographic apostrophes
        ("the model's size", []),
        ("a foundation model's size", [("foundation model's", "fm")]),
        ("foundation models' sizes", [("foundation models'", "fm")]),
        ("a foundation model’s size", [("foundation model’s", "fm")]),
        ("the parameters’ values", [("parameters’", "param")]),
        # aliases
        ("finetuning and fine-tuning", [("finetuning", "ft"), ("fine-tuning", "ft")]),
    ],
)
def test_surface_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LLM", [("LLM", "llm")]),
        ("LLMs", [("LLMs", "llm")]),
        ("LLM's", [("LLM's", "llm")]),
        ("llm llms Llm LLMS", []),
        # caseless by default
        (
            "PARAMETER Parameter parameter",
            [("PARAMETER", "param"), ("Parameter", "param"), ("parameter", "param")],
        ),
        # a case-sensitive and a caseless term with the same letters coexist
        ("REST", [("REST", "rest-api")]),
        ("rest Rest", [("rest", "rest"), ("Rest", "rest")]),
        ("RESTs", [("RESTs", "rest-api")]),
        # casefold, not lower(): ß matches ss
        ("STRASSE and straße", [("STRASSE", "strasse"), ("straße", "strasse")]),
    ],
)
def test_case_rules(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a large language model", [("large language model", "large-lm")]),
        ("large language models", [("large language models", "large-lm")]),
        ("a large, language model", [("language model", "lm")]),
        ("language model", [("language model", "lm")]),
        # whitespace inside a paragraph (line breaks, double spaces) does not hide a term
        ("large\nlanguage  model", [("large\nlanguage  model", "large-lm")]),
        # no hyphen/space variants are guessed
        ("fine tuning", []),
        ("language-model", []),
        # non-overlapping, left to right
        ("language model language model", [("language model", "lm"), ("language model", "lm")]),
    ],
)
def test_longest_match(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("…, fine-tuning.", [("fine-tuning", "ft")]),
        ("superfine-tuning", []),
        ("fine-tuningly", []),
        ("parameter_count parameterize reparameter 2parameter", []),
        ("(parameter)", [("parameter", "param")]),
        # accented letters are word characters
        ("café", [("café", "cafe")]),
        ("cafés", [("cafés", "cafe")]),
        ("cafébar", []),
        ("the café model", [("café", "cafe")]),
        ("naïve", [("naïve", "naive")]),
        # a decomposed ï (i + combining diaeresis) is the same word
        ("nai\u0308ve", [("nai\u0308ve", "naive")]),
        ("nai\u0308vely", []),
        # a combining mark continues the word
        ("box\u0301", []),
        ("हिन्दी भाषा", [("हिन्दी", "hindi")]),
        # ideographs need no spaces around them
        ("大型语言模型是", [("语言模型", "zh-lm")]),
        ("LLM语言模型", [("LLM", "llm"), ("语言模型", "zh-lm")]),
        # non-word characters at the edges of a term
        ("the .NET runtime", [(".NET", "dotnet")]),
        ("ASP.NET", []),
        ("C++ and C", [("C++", "cpp"), ("C", "c")]),
        ("C#", [("C", "c")]),
    ],
)
def test_word_boundaries(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Python-Markdown placeholders are opaque and count as boundaries ...
        ("parameter\x02wzxhzdk:3\x03", [("parameter", "param")]),
        ("\x02wzxhzdk:3\x03parameter", [("parameter", "param")]),
        # ... unless they stand for an escaped word character (\_ is chr(95))
        ("parameter\x0295\x03x", []),
        ("parameter\x0242\x03", [("parameter", "param")]),
        # a phrase never spans a placeholder
        ("language\x02wzxhzdk:1\x03model", []),
        ("\x02wzxhzdk:1\x03", []),
    ],
)
def test_placeholders(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_offsets_point_into_the_original_text() -> None:
    text = "Ein STRASSE-Schild, eine Straße und ein parameter."
    matches = MATCHER.find(text)
    assert matches == [Match(4, 11, "strasse"), Match(25, 31, "strasse"), Match(40, 49, "param")]


def test_first_term_keeps_a_shared_form() -> None:
    matcher = TermMatcher.from_terms([term("a", "token"), term("b", "word", "token")])
    assert found("token", matcher) == [("token", "a")]


def test_empty_matcher_and_text() -> None:
    empty = TermMatcher.from_terms([])
    assert not empty
    assert empty.find("anything at all") == []
    assert MATCHER
    assert MATCHER.find("") == []


def test_terms_without_words_are_ignored() -> None:
    matcher = TermMatcher.from_terms([term("arrow", "->"), term("ok", "ok")])
    assert found("a -> b ok", matcher) == [("ok", "ok")]


@pytest.mark.parametrize(
    ("word", "plurals"),
    [
        ("model", ["models"]),
        ("class", ["classes"]),
        ("tax", ["taxes"]),
        ("quiz", ["quizes"]),
        ("batch", ["batches"]),
        ("hash", ["hashes"]),
        ("query", ["queries"]),
        ("day", ["days"]),
        ("LLM", ["LLMs"]),
        ("OS", ["OSs", "OSes"]),
        ("GPT-4", ["GPT-4s"]),
        ("C++", []),
    ],
)
def test_plural_forms(word: str, plurals: list[str]) -> None:
    assert plural_forms(word) == plurals


def test_surface_forms_of_a_phrase() -> None:
    assert surface_forms("foundation  model") == [
        "foundation model",
        "foundation models",
        "foundation model's",
        "foundation models'",
    ]
    assert surface_forms("C++") == ["C++"]
    assert surface_forms("语言模型") == ["语言模型"]
    assert surface_forms("   ") == []


# -- the fast tokenisers agree with the general one ----------------------------------------

PIECES = [
    "model", "Model's", "language", "LLM", "C++", ".NET", "café", "naïve", "nai\u0308ve",
    "Straße", "语言模型", "型", "\U00020000", "\U0001d165", "\u0301", "_", "-", " ", "\n",
    ",", "’", "\x02wzxhzdk:1\x03", "\x0295\x03", "parameter", "queries", "2", "\u00a0",
]  # fmt: skip
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=20).map("".join)


def word_spans(text: str) -> list[tuple[int, int]]:
    parts, _ = matcher_module._split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    return [(offsets[i], offsets[i + 1]) for i in range(1, len(parts), 2)]


@settings(max_examples=200, deadline=None)
@given(text=texts)
def test_every_tokeniser_finds_the_same_words(text: str) -> None:
    general = [(m.start(), m.end()) for m in matcher_module._TOKEN.finditer(text)]
    assert word_spans(text) == general


@settings(max_examples=200, deadline=None)
@given(text=texts, tail=st.sampled_from(["", " é", " 语", " \U0001d165", " ß"]))
def test_matches_do_not_depend_on_the_rest_of_the_text(text: str, tail: str) -> None:
    """Appending unrelated text switches tokenisers (ASCII, BMP, general) but not results."""
    alone = MATCHER.find(text)
    extended = [m for m in MATCHER.find(text + "\x00" + tail) if m.end <= len(text)]
    assert extended == alone
