"""The term matcher: surface forms, case rules, longest match, Unicode word boundaries."""

from __future__ import annotations

import re
from itertools import accumulate
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_faq_plugin.terms import writing as scripts_module
from mkdocs_faq_plugin.terms.forms import is_acronym, split_title, surface_forms
from mkdocs_faq_plugin.terms.inflection import _SINGULARS as _IRREGULAR_SINGULARS
from mkdocs_faq_plugin.terms.inflection import plural_forms, singular_forms
from mkdocs_faq_plugin.terms.matcher import Match, TermMatcher
from mkdocs_faq_plugin.kb.model import Term


def term(
    term_id: str, name: str, *aliases: str, case_sensitive: bool | None = None, **settings: Any
) -> Term:
    return Term(
        term_id, name, f"definition of {name}", aliases=aliases, case_sensitive=case_sensitive,
        **settings,
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
        # hyphen and space are interchangeable (a joined form needs an alias)
        ("fine tuning", [("fine tuning", "ft")]),
        ("language-model", [("language-model", "lm")]),
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
    assert [text for text, _kind in surface_forms("foundation  model")] == [
        "foundation model",
        "foundation models",
        "foundation model's",
        "foundation models'",
    ]
    assert surface_forms("C++") == [("C++", "name")]
    assert surface_forms("语言模型") == [("语言模型", "name")]
    assert surface_forms("   ") == []


# -- the fast tokenisers agree with the general one ----------------------------------------

PIECES = [
    "model", "Model's", "language", "LLM", "C++", ".NET", "café", "naïve", "nai\u0308ve",
    "Straße", "语言模型", "型", "\U00020000", "\U0001d165", "\u0301", "_", "-", " ", "\n",
    ",", "’", "\x02wzxhzdk:1\x03", "\x0295\x03", "parameter", "queries", "2", "\u00a0",
]  # fmt: skip
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=20).map("".join)


def word_spans(text: str) -> list[tuple[int, int]]:
    parts, _ = scripts_module.split_words(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    return [(offsets[i], offsets[i + 1]) for i in range(1, len(parts), 2)]


@settings(max_examples=200, deadline=None)
@given(text=texts)
def test_every_tokeniser_finds_the_same_words(text: str) -> None:
    general = [(m.start(), m.end()) for m in scripts_module._unicode().token.finditer(text)]
    assert word_spans(text) == general
    # Terms are split by the cheapest pattern that can (ASCII, BMP, everything): the same.
    assert [(m.start(), m.end()) for m in scripts_module.word_tokens(text)] == general
    for char in set(text):
        assert scripts_module._is_word_char(char) == bool(
            scripts_module._unicode().word_char.match(char)), char


@settings(max_examples=200, deadline=None)
@given(text=texts, tail=st.sampled_from(["", " é", " 语", " \U0001d165", " ß"]))
def test_matches_do_not_depend_on_the_rest_of_the_text(text: str, tail: str) -> None:
    """Appending unrelated text switches tokenisers (ASCII, BMP, general) but not results."""
    alone = MATCHER.find(text)
    extended = [m for m in MATCHER.find(text + "\x00" + tail) if m.end <= len(text)]
    assert extended == alone


# -- the rules that find what authors mean (issue 16) ------------------------------------

RULE_TERMS = (
    term("api", "Application Programming Interface (API)"),
    term("cd", "Continuous Delivery (CD)"),
    term("iac", "Infrastructure as Code (IaC)"),
    term("k8s", "Kubernetes (K8s)"),
    term("mtls", "Mutual TLS（mTLS）"),
    term("gratis", "Open Access publishing (gratis)"),
    term("containers", "Containers"),
    term("microservices", "Microservices"),
    term("apps", "Cloud Native Apps"),
    term("policies", "Policies"),
    term("kubernetes", "Kubernetes Operator"),
    term("status", "Status"),
    term("analysis", "Analysis"),
    term("klass", "class"),
    term("news", "News"),
    term("rest", "REST"),
    term("front-matter", "front matter"),
    term("bgd", "Blue Green Deployment"),
    term("ko-container", "컨테이너 (Containers)"),
    term("ko-mesh", "서비스 메시"),
    term("ko-cluster", "클러스터 (Cluster)"),
    term("ko-service", "서비스"),
    term("ja-ci", "継続的インテグレーション(CI)"),
    term("zh-cd", "持续部署 （CDP）"),
    term("th-db", "ฐานข้อมูล"),
    term("th-code", "โค้ด"),
    term("km-cloud", "ពពក"),
    term("my-cluster", "ကလပ်စတာ"),
    term("lo-server", "ເຊີບເວີ"),
)
RULES = TermMatcher.from_terms(RULE_TERMS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Name (ABBR)": the name and the abbreviation on their own, and the whole title
        ("an API", [("API", "api")]),
        ("two APIs", [("APIs", "api")]),
        ("the API's limits", [("API's", "api")]),
        ("an application programming interface", [("application programming interface", "api")]),
        ("Application Programming Interfaces", [("Application Programming Interfaces", "api")]),
        (
            "Application Programming Interface (API) first",
            [("Application Programming Interface (API)", "api")],
        ),
        ("continuous delivery and CD", [("continuous delivery", "cd"), ("CD", "cd")]),
        ("IaC tools", [("IaC", "iac")]),
        ("K8s and Kubernetes", [("K8s", "k8s"), ("Kubernetes", "k8s")]),
        # full-width brackets, no space before them
        ("mTLS everywhere", [("mTLS", "mtls")]),
        # the abbreviation is case-sensitive, like any acronym
        ("an api call", []),
        ("iac, Iac, IAC", []),
        ("k8s", []),
        ("cd ..", []),
        ("mtls", []),
        # an acronym never matches inside a word
        ("an apiary", []),
        ("RESTful", []),
        # a parenthesis that is not an abbreviation stays part of the name
        ("open access publishing", []),
        ("Open Access publishing (gratis)", [("Open Access publishing (gratis)", "gratis")]),
    ],
)
def test_name_and_abbreviation_titles(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, RULES) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural title matches its singular
        ("a container", [("container", "containers")]),
        ("the Container's image", [("Container's", "containers")]),
        ("containers' limits", [("containers'", "containers")]),
        ("one microservice", [("microservice", "microservices")]),
        ("a cloud native app", [("cloud native app", "apps")]),
        ("this policy", [("policy", "policies")]),
        # singular titles keep their plural
        ("statuses", [("statuses", "status")]),
        ("two analyses", [("analyses", "analysis")]),
        ("classes", [("classes", "klass")]),
        ("the news", [("news", "news")]),
        # ... and nothing is mangled
        ("kubernetes operator", [("kubernetes operator", "kubernetes")]),
        ("a kubernete operator", []),
        ("statu", []),
        ("analysi", []),
        ("clas", []),
        ("new", []),
        ("containerd and containerize", []),
    ],
)
def test_plural_titles(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, RULES) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("front-matter", [("front-matter", "front-matter")]),
        ("Front‑Matter", [("Front‑Matter", "front-matter")]),  # non-breaking hyphen
        ("front\nmatter", [("front\nmatter", "front-matter")]),
        ("blue-green deployment", [("blue-green deployment", "bgd")]),
        ("blue green-deployments", [("blue green-deployments", "bgd")]),
        # the joined form is not guessed, and other separators are not a hyphen
        ("frontmatter", []),
        ("front – matter", []),
        ("front_matter", []),
        ("front/matter", []),
        # never inside a longer word
        ("confront-matter", []),
        ("front-matters-ish", [("front-matters", "front-matter")]),
        ("front-mattering", []),
    ],
)
def test_hyphen_and_space_variants(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, RULES) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Korean term starts a word; particles and endings may follow it
        ("컨테이너는 프로세스이다", [("컨테이너", "ko-container")]),
        ("컨테이너를 실행", [("컨테이너", "ko-container")]),
        ("(컨테이너의)", [("컨테이너", "ko-container")]),
        ("서비스를 호출", [("서비스", "ko-service")]),
        # the longest form first, with or without the space
        ("서비스 메시는", [("서비스 메시", "ko-mesh")]),
        ("서비스메시를", [("서비스메시", "ko-mesh")]),
        # the English name of a Korean title, and English words before particles
        ("Cluster는", [("Cluster", "ko-cluster")]),
        ("clusters를", [("clusters", "ko-cluster")]),
        ("API를 호출", [("API", "api")]),
        # not in the middle or at the end of another word
        ("웹서비스", []),
        ("마이크로서비스를", []),
        ("A서비스", []),
        # ... nor before a suffix that makes another noun of it
        ("컨테이너화는", []),
        ("서비스성", []),
        ("컨테이너와", [("컨테이너", "ko-container")]),
    ],
)
def test_korean(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, RULES) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Japanese and Chinese: anywhere in running text, abbreviations split off too
        ("継続的インテグレーションとは", [("継続的インテグレーション", "ja-ci")]),
        ("CIを使う", [("CI", "ja-ci")]),
        ("使用持续部署", [("持续部署", "zh-cd")]),
        ("CDP的", [("CDP", "zh-cd")]),
        # Thai, Khmer, Burmese, Lao: like Chinese, in running text
        ("ระบบฐานข้อมูลกลาง", [("ฐานข้อมูล", "th-db")]),
        ("ในពពកនេះ", [("ពពក", "km-cloud")]),
        ("ကလပ်စတာတွင်", [("ကလပ်စတာ", "my-cluster")]),
        ("ເຊີບເວີນີ້", [("ເຊີບເວີ", "lo-server")]),
        # ... but a match never splits a cluster or a Thai/Lao syllable
        ("ฐานข้อมูลิ", []),  # ล with ◌ิ is one cluster, not ล
        ("โค้ดดี", [("โค้ด", "th-code")]),
        ("รหัสโค้ด", [("โค้ด", "th-code")]),
        ("โค้ดา", []),  # a vowel written after the consonant belongs to it
        ("เฐานข้อมูล", []),  # a vowel written before the consonant belongs to it
        ("ពពក្ក", []),  # a stacked consonant belongs to the cluster
        ("ကလပ်စတာ့", []),  # so does a tone mark
    ],
)
def test_scripts_without_spaces(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, RULES) == expected


@pytest.mark.parametrize(
    ("terms", "text", "expected"),
    [
        # a name in capitals matches only so, unless the term says otherwise
        ([term("rest", "REST")], "rest and REST", [("REST", "rest")]),
        ([term("rest", "REST", case_sensitive=False)], "rest", [("rest", "rest")]),
        ([term("api", "API")], "API apiary api", [("API", "api")]),
        ([term("c", "container")], "containerd, container", [("container", "c")]),
        # mixed-case names stay caseless unless they are the abbreviation of a title
        ([term("grpc", "gRPC")], "GRPC", [("GRPC", "grpc")]),
        # variants: false: only the names as written (in any case)
        ([term("fm", "front matter", variants=False)], "front-matter fronts front matters", []),
        ([term("fm", "front matter", variants=False)], "Front matter", [("Front matter", "fm")]),
        ([term("api", "Application Programming Interface (API)", variants=False)], "API", []),
        ([term("c", "Containers", variants=False)], "container", []),
        # annotate: false keeps a term out; annotate: aliases keeps its aliases only
        ([term("main", "Main", annotate=False)], "main", []),
        (
            [term("main", "Main", "main branch", annotate="aliases")],
            "main, the main branch",
            [("main branch", "main")],
        ),
        # a form written by one term wins over a form generated for another
        (
            [term("containers", "Containers"), term("container", "container")],
            "container",
            [("container", "container")],
        ),
        (
            [term("cd", "Continuous Delivery (CD)"), term("cdp", "CD")],
            "CD",
            [("CD", "cdp")],
        ),
    ],
)
def test_per_term_settings(terms: list[Term], text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, TermMatcher.from_terms(terms)) == expected


@pytest.mark.parametrize(
    ("word", "singulars"),
    [
        ("Containers", ["Container"]),
        ("microservices", ["microservice"]),
        ("policies", ["policy"]),
        ("processes", ["process"]),
        ("boxes", ["box"]),
        ("branches", ["branch"]),
        ("keys", ["key"]),
        ("repos", ["repo"]),
        ("caches", ["cache"]),
        ("leaves", ["leaf"]),
        ("cookies", ["cookie"]),
        ("statuses", ["status"]),
        ("analyses", ["analysis"]),
        ("APIs", ["API"]),
        ("VMs", ["VM"]),
        ("Issues", ["Issue"]),
        # not plurals, or not safely: left alone
        ("Kubernetes", []),
        ("Status", []),
        ("Analysis", []),
        ("class", []),
        ("news", []),
        ("series", []),
        ("Physics", []),
        ("Analytics", []),
        ("DevOps", []),
        ("macOS", []),
        ("AWS", []),
        ("gas", []),
        ("ties", []),
        ("citys", []),
        ("boxs", []),
        ("GPT-4s", []),
        ("s", []),
    ],
)
def test_singular_forms(word: str, singulars: list[str]) -> None:
    assert singular_forms(word) == singulars


@settings(max_examples=300, deadline=None)
@given(
    word=st.builds(
        lambda stem, ending: stem + ending,
        st.text(alphabet="abcehiklmnoprstuvxyz", min_size=1, max_size=6),
        st.sampled_from(["s", "es", "ies", "ses", "xes", "ches", "ys", "os", "us", "is"]),
    )
)
def test_a_guessed_singular_has_the_word_as_its_plural(word: str) -> None:
    """The rules only undo the regular plural: a guess whose plural is not the word would be
    a different word. (Irregular plurals come from a table and are left out here.)"""
    if word in _IRREGULAR_SINGULARS:
        return
    for singular in singular_forms(word):
        assert word in plural_forms(singular)
    for capitalised in singular_forms(word.capitalize()):
        assert capitalised[0].isupper() and capitalised.lower() in singular_forms(word)


@pytest.mark.parametrize(
    ("name", "acronym"),
    [("API", True), ("REST", True), ("CI/CD", True), ("GPT-4", True), ("LLMs", True),
     ("C++", True), ("Api", False), ("IaC", False), ("gRPC", False), ("AI model", False),
     ("42", False), ("", False)],
)  # fmt: skip
def test_is_acronym(name: str, acronym: bool) -> None:
    assert is_acronym(name) is acronym


@pytest.mark.parametrize(
    ("title", "parts"),
    [
        ("Application Programming Interface (API)",
         (("Application Programming Interface", "title part"), ("API", "abbreviation"))),
        ("API (Application Programming Interface)",
         (("API", "abbreviation"), ("Application Programming Interface", "title part"))),
        ("Kubernetes (K8s)", (("Kubernetes", "title part"), ("K8s", "abbreviation"))),
        ("継続的デリバリー(CD)", (("継続的デリバリー", "title part"), ("CD", "abbreviation"))),
        ("持续交付（CD）", (("持续交付", "title part"), ("CD", "abbreviation"))),
        ("컨테이너 (Containers)", (("컨테이너", "title part"), ("Containers", "title part"))),
        ("Open Access publishing (gratis)", ()),
        ("Image (Docker)", ()),
        ("API", ()),
        ("(API)", ()),
    ],
)  # fmt: skip
def test_split_title(title: str, parts: tuple[tuple[str, str], ...]) -> None:
    assert split_title(title) == parts


# -- properties of the new rules ------------------------------------------------------------

RULE_PIECES = [
    "container", "Containers", "front", "matter", "front-matter", "API", "api", "apiary",
    "REST", "rest", "Kubernetes", "kubernetes operator", "news", "status", "blue", "green",
    "deployment", "컨테이너", "서비스", "메시", "는", "를", "웹", "ฐานข้อมูล", "า", "เ",
    "-", " ", "  ", "\n", ",", "(", ")", "'s", "x", "d", "ing", "s", "_", "é", "\u0301",
]  # fmt: skip
rule_texts = st.lists(st.sampled_from(RULE_PIECES), max_size=16).map("".join)


LETTER = re.compile(scripts_module._LETTER)
HANGUL = scripts_module._scripts().hangul


@settings(max_examples=300, deadline=None)
@given(text=rule_texts)
def test_a_match_never_cuts_a_word(text: str) -> None:
    """Whatever the rules generate, a match starts and ends at word edges: a Latin edge
    touches no letter, digit or mark; a Korean start touches no Hangul before it."""
    for match in RULES.find(text):
        first, last = text[match.start], text[match.end - 1]
        before = text[match.start - 1] if match.start else ""
        after = text[match.end] if match.end < len(text) else ""
        if first.isascii() and first.isalnum():  # (a mark before it belongs to nothing;
            assert not LETTER.fullmatch(before), (text, match)  # Hangul is another word)
        if scripts_module._scripts().hangul.match(first):
            assert not LETTER.fullmatch(before) and not HANGUL.fullmatch(before), (text, match)
        if last.isascii() and last.isalnum():  # a mark after it would change its last letter
            assert not (after and scripts_module._unicode().word_char.match(after)), (text, match)


@settings(max_examples=300, deadline=None)
@given(text=rule_texts)
def test_hyphen_and_space_are_interchangeable(text: str) -> None:
    """Writing a hyphen where a space was (or the reverse) finds the same terms in the same
    places: the variants are one rule of the index, not a list of guesses."""
    swapped = text.translate(str.maketrans({"-": " ", " ": "-"}))
    assert RULES.find(swapped) == RULES.find(text)


def test_excluded_terms_are_matched_as_if_they_did_not_exist() -> None:
    matcher = TermMatcher.from_terms([term("api", "API"), term("gw", "API gateway")])
    assert found("an API gateway", matcher) == [("API gateway", "gw")]
    matches = matcher.find("an API gateway", frozenset({"gw"}))
    assert [(m.start, m.end, m.term_id) for m in matches] == [(3, 6, "api")]
