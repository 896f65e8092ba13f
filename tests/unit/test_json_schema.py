"""The JSON Schema shipped for editors agrees with the validator (`schema.py`), both ways.

The JSON Schema sees one file's values, as an editor does; the validator also sees the whole
merged knowledge base. What only the validator can check is listed in `VALIDATOR_ONLY`:
  * rules across records or files: ids used twice, references to missing ids (`category`,
    `related`, `see`, `faq:`/`glossary:` links), one name for two terms, `category` required
    once categories exist, at least one question or term in the whole knowledge base;
  * the YAML text itself: invalid YAML, several documents, duplicate keys, encoding, size,
    alias bombs (the schema only ever sees parsed values);
  * a term without `id` whose name has no letter or digit to make one from.
The validator reads unquoted numbers as the text written (`WrittenNumber`), editors as
numbers; `to_json_values` gives the schema the number. Known, deliberately unmodelled
leniencies of the validator (absurd input, left out of the
generated documents): dates spelled other than YYYY-MM-DD in
quoted strings (`"20260131"`), and unquoted YAML dates where text is expected (PyYAML reads
YAML 1.1 dates; editors read YAML 1.2 strings).
"""

from __future__ import annotations

import copy
import datetime
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

jsonschema = pytest.importorskip("jsonschema")  # in the `test` extra

from mkdocs_faq_plugin.kb import validation as validator  # noqa: E402
from mkdocs_faq_plugin.kb.loading import load  # noqa: E402
from mkdocs_faq_plugin.kb.references import check_merged  # noqa: E402
from mkdocs_faq_plugin.kb.validation import build_part  # noqa: E402
from mkdocs_faq_plugin.kb.reading import parse_yaml  # noqa: E402
from mkdocs_faq_plugin.text import slug  # noqa: E402
from mkdocs_faq_plugin.kb.written import WrittenNumber  # noqa: E402

from conftest import MINIMAL_FAQ, ROOT  # noqa: E402

SCHEMA_FILE = ROOT / "mkdocs_faq_plugin" / "faq.schema.json"
STARTER_FILE = ROOT / "mkdocs_faq_plugin" / "templates" / "starter-faq.yml"
CORPUS = Path(__file__).resolve().parent.parent / "bad_faq"
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
Validator = jsonschema.Draft202012Validator
CHECKER = Validator(SCHEMA, format_checker=Validator.FORMAT_CHECKER)


def to_json_values(value: Any) -> Any:
    """What an editor validates: YAML dates are text (YAML 1.2 has no date type)."""
    if isinstance(value, dict):
        return {str(k): to_json_values(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json_values(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, WrittenNumber):  # the validator reads it as written; editors, a number
        return str(value) if ":" in value else yaml.safe_load(value)  # YAML 1.2 has no 1:30
    return value


def schema_errors(data: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in CHECKER.iter_errors(to_json_values(data))
    ]


# ------------------------------------------------------------------- the schema itself

def test_schema_is_valid_draft_2020_12() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Validator.check_schema(SCHEMA)


def _object_schemas(node: Any, path: str = "#") -> list[tuple[str, dict[str, Any]]]:
    found = []
    if isinstance(node, dict):
        if "properties" in node:
            found.append((path, node))
        for key, child in node.items():
            found += _object_schemas(child, f"{path}/{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += _object_schemas(child, f"{path}/{index}")
    return found


def test_every_property_has_a_description() -> None:
    objects = _object_schemas(SCHEMA)
    assert len(objects) == 5  # top level, category, question, source, term
    missing = [
        f"{path}/properties/{name}"
        for path, node in objects
        for name, prop in node["properties"].items()
        if not str(prop.get("description", "")).strip()
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("pointer", "keys", "required"),
    [
        ("#", validator.TOP_KEYS, set()),
        ("#/$defs/category", validator.CATEGORY_KEYS, {"id", "title"}),
        ("#/$defs/question", validator.QUESTION_KEYS, {"id", "question", "answer"}),
        ("#/$defs/source/anyOf/1", validator.SOURCE_KEYS, {"title", "url"}),
        ("#/$defs/term", validator.TERM_KEYS, {"term", "definition"}),
    ],
)
def test_allowed_and_required_keys_match_the_validator(
    pointer: str, keys: tuple[str, ...], required: set[str]
) -> None:
    node: Any = SCHEMA
    for part in pointer.split("/")[1:]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    assert set(node["properties"]) == set(keys)
    assert node["additionalProperties"] is False
    assert set(node.get("required", ())) == required


SLUG_PATTERNS = [
    SCHEMA["$defs"][name]["pattern"] for name in ("slug", "optionalSlug", "slugList")
]


@given(
    st.text("ab09-\nA _", max_size=8)
    | st.sampled_from(["basics", "basics\n", "a-b", "a--b", "-a", "a-", "", "\n", "é"])
)
def test_slug_pattern_accepts_exactly_the_validators_slugs(text: str) -> None:
    # Python's `$` also matches before a final newline, ECMA-262's does not: the pattern
    # must mean the same in both (editors run JavaScript, this test and CI run Python).
    for pattern in SLUG_PATTERNS:
        assert bool(re.search(pattern, text)) == bool(validator.SLUG_RE.match(text)), repr(text)


def test_version_is_the_validators() -> None:
    assert SCHEMA["properties"]["version"]["const"] == validator.SCHEMA_VERSION


UNSAFE_URL = re.compile(SCHEMA["$defs"]["url"]["not"]["pattern"])
URL_CHARS = st.sampled_from(list("hHtTpPsSmMaAiIlLoOjJvVdD:/ .+-\t\n\x00\x1fK\u0130x1#"))


@given(st.text(URL_CHARS, max_size=14) | st.text(max_size=10))
@settings(max_examples=800)
def test_url_pattern_refuses_exactly_what_the_validator_refuses(url: str) -> None:
    assert (UNSAFE_URL.search(url) is None) == validator._safe_url(url), repr(url)


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org", True), ("HTTP://x", True), ("mailto:a@b.c", True),
        ("../page.md#x", True), ("#anchor", True), ("/abs/path", True), ("a/b:c", True),
        ("javascript:alert(1)", False), (" jav\tascript :x", False), ("data:text/html,x", False),
        ("vbscript:x", False), ("httpx:x", False), ("\u212aava:x", False),
    ],
)
def test_url_examples(url: str, safe: bool) -> None:
    assert validator._safe_url(url) is safe
    assert (UNSAFE_URL.search(url) is None) is safe


# ------------------------------------------------------------- (a) valid files validate

def _assert_valid_everywhere(text: str, name: str, tmp_path: Path) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = load(name, str(tmp_path))
    assert [str(p) for p in result.problems] == []
    assert result.kb is not None
    assert schema_errors(yaml.safe_load(text)) == []


def test_minimal_fixture_is_valid(tmp_path: Path) -> None:
    _assert_valid_everywhere(MINIMAL_FAQ, "faq.yml", tmp_path)


def test_starter_file_is_valid(tmp_path: Path) -> None:
    _assert_valid_everywhere(STARTER_FILE.read_text(encoding="utf-8"), "faq.yml", tmp_path)


def test_repository_faq_is_valid(tmp_path: Path) -> None:
    repo_faq = ROOT / "faq.yml"
    if not repo_faq.exists():
        pytest.skip("this checkout has no faq.yml")
    _assert_valid_everywhere(repo_faq.read_text(encoding="utf-8"), "faq.yml", tmp_path)


# ------------------------------------------------- (b) structural mistakes are refused

# Every case of the golden corpus is classified: refused by the schema too, or why not.
SCHEMA_REFUSES = {
    "bad-date": "reviewed is not a date",
    "bad-version": "version const 1",
    "case-sensitive-not-bool": "boolean",
    "category-path-escape": "slug pattern",
    "empty-answer": "required text must not be blank",
    "id-not-slug": "slug pattern",
    "javascript-url": "refused URL scheme",
    "missing-answer": "required key",
    "question-is-number": "text, not a list",
    "version-true": "version const 1 (true is no number)",
    "reserved-id": "ids in the plugin's own anchor namespace",
    "source-missing-url": "required key",
    "tags-wrong-type": "list or text, not a mapping",
    "unknown-key-suggestion": "unknown key (and a missing required one)",
    "unknown-top-key": "unknown top-level key",
    "wrong-type-top": "the top level is a mapping",
}
VALIDATOR_ONLY = {
    "alias-bomb": "YAML text: expands without bound",
    "alias-collision": "across records: one name for two terms",
    "category-missing": "across records: category required once categories exist",
    "category-nowhere": "reference to a missing category",
    "duplicate-key": "YAML text: parsed values cannot show a key given twice",
    "duplicate-question-id": "across records: id used twice",
    "duplicate-term-id": "across records: id used twice",
    "numeric-ids": "across records: numeric ids used twice, a related id missing",
    "empty-file": "YAML text: nothing to validate",
    "invalid-yaml": "YAML text",
    "not-utf8": "YAML text: encoding",
    "nothing-to-publish": "across files: a file of only categories is fine in a faq.d/ set",
    "related-nowhere": "reference to a missing question",
    "see-nowhere": "reference to a missing term",
    "reserved-term-id": "the default id made from the term is reserved",
    "several-documents": "YAML text",
    "term-without-letters": "the default id is computed from the term",
}
CORPUS_CASES = sorted(p.stem for p in CORPUS.glob("*.yml"))


def test_every_corpus_case_is_classified() -> None:
    assert not set(SCHEMA_REFUSES) & set(VALIDATOR_ONLY)
    assert sorted({*SCHEMA_REFUSES, *VALIDATOR_ONLY}) == CORPUS_CASES, (
        "classify new tests/bad_faq cases in SCHEMA_REFUSES or VALIDATOR_ONLY"
    )


@pytest.mark.parametrize("case", sorted(SCHEMA_REFUSES))
def test_schema_refuses_structural_mistakes(case: str) -> None:
    data = yaml.safe_load((CORPUS / f"{case}.yml").read_text(encoding="utf-8"))
    assert load(f"{case}.yml", str(CORPUS)).kb is None
    assert schema_errors(data), f"the schema accepts {case}.yml ({SCHEMA_REFUSES[case]})"


def _parsed(case: str) -> Any:
    doc, _ = parse_yaml((CORPUS / f"{case}.yml").read_bytes(), f"{case}.yml")
    return doc


@pytest.mark.parametrize(
    "case", [c for c in sorted(VALIDATOR_ONLY) if _parsed(c) is not None]
)
def test_validator_only_cases_pass_the_schema(case: str) -> None:
    """Documents the limit: these files look fine to an editor; `mkdocs-faq check` finds them."""
    assert schema_errors(_parsed(case).data) == []
    assert load(f"{case}.yml", str(CORPUS)).kb is None


# --------------------------------------------------- (c) generated documents, both ways

_WORD = st.text("abcdefghijklmnopqrstuvwxyzé", min_size=1, max_size=8)
_SLUG = st.lists(st.text("abz019", min_size=1, max_size=4), min_size=1, max_size=3).map("-".join)
_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="[]()"),
    min_size=1, max_size=30,
).filter(str.strip)
_NUMBER = st.integers(0, 10**6) | st.sampled_from([1.5, -2.25, 0.1])
_SAFE_URL = st.sampled_from([
    "https://example.org/a", "HTTP://EXAMPLE.ORG", "mailto:team@example.org", "/docs/page/",
    "../guide.md#part", "#top", "page.html",
])
_DATE = st.dates(datetime.date(1990, 1, 1), datetime.date(2100, 12, 31))


def _one_or_list(item: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A list of items, or one text alone (a single number is not read as a list)."""
    return _TEXT | st.lists(item, max_size=3) | st.none()


@st.composite
def valid_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A well-formed faq.yml whose references all resolve: loads with no problem at all."""
    category_ids = draw(st.lists(_SLUG, max_size=3, unique=True))
    question_ids = draw(st.lists(_SLUG, min_size=1, max_size=4, unique=True))
    term_count = draw(st.integers(0, 3))
    term_ids: list[str] = []
    terms: list[dict[str, Any]] = []
    for i in range(term_count):
        term: dict[str, Any] = {"term": f"{draw(_WORD)} t{i}"}
        if draw(st.booleans()):
            term["id"] = f"term-{i}"
        term_ids.append(term.get("id") or slug(term["term"]))
        term["definition"] = draw(_TEXT | _NUMBER)
        terms.append(term)
    for i, term in enumerate(terms):
        optional = {
            "aliases": draw(
                st.sampled_from([None, f"{draw(_WORD)} a{i}", [f"x a{i}0", f"y a{i}1"]])
            ),
            "details": draw(st.none() | _TEXT),
            "see": draw(st.none() | st.lists(st.sampled_from(term_ids), max_size=2)),
            "case_sensitive": draw(st.booleans()),
            "annotate": draw(st.sampled_from([True, False, "aliases"])),
            "variants": draw(st.booleans()),
            "audience": draw(_one_or_list(_TEXT)),
        }
        term.update({k: v for k, v in optional.items() if draw(st.booleans())})
    questions = []
    for qid in question_ids:
        question: dict[str, Any] = {"id": qid, "question": draw(_TEXT | _NUMBER)}
        links = [f"[q](faq:{draw(st.sampled_from(question_ids))})"]
        if term_ids:
            links.append(f"[t](glossary:{draw(st.sampled_from(term_ids))})")
        question["answer"] = draw(_TEXT) + " " + " ".join(links)
        if category_ids:
            question["category"] = draw(st.sampled_from(category_ids))
        optional = {
            "tags": draw(_one_or_list(_TEXT | _NUMBER)),
            "related": draw(
                st.sampled_from(question_ids) | st.lists(st.sampled_from(question_ids))
            ),
            "sources": draw(st.lists(
                _SAFE_URL | st.fixed_dictionaries({"title": _TEXT, "url": _SAFE_URL}), max_size=2
            )),
            "audience": draw(_one_or_list(_TEXT)),
            "owner": draw(_TEXT),
            "reviewed": draw(_DATE | _DATE.map(datetime.date.isoformat)),
        }
        question.update({k: v for k, v in optional.items() if draw(st.booleans())})
        questions.append(question)
    document: dict[str, Any] = {}
    if draw(st.booleans()):
        document["version"] = 1
    if draw(st.booleans()):
        document["title"] = draw(_TEXT)
    if category_ids:
        document["categories"] = [
            {
                "id": cid, "title": draw(_TEXT),
                **({"description": draw(_TEXT)} if draw(st.booleans()) else {}),
            }
            for cid in category_ids
        ]
    document["questions"] = questions
    if terms:
        document["glossary"] = terms
    return document


_ANY = st.recursive(
    st.none() | st.booleans() | _NUMBER | st.integers(-5, -1) | st.text(max_size=6) | _SLUG
    | _SAFE_URL | st.sampled_from(["  ", "javascript:x", "Not A Slug", "2026-01-31", "2026-02-30"]),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["id", "title", "url", "term", "zzz"]), inner, max_size=3),
    max_leaves=6,
)


_TEXT_KEYS = (
    "title", "description", "question", "answer", "owner", "term", "definition", "details",
)
_NEAR_MISSES: dict[str, list[Any]] = {
    **{key: ["", "  ", "\t\n", None, True, 3, 2.5, [], ["x"], {}] for key in _TEXT_KEYS},
    **{key: ["", "Not A Slug", "a--b", "-a", "a-", "é", "c\n", -1, 7, 1.5, None, True, ["a"]]
       for key in ("id", "category")},
    **{key: ["", "  ", "x", 3, True, [""], ["  "], [3], [None], [False], [[]], [{}], {}, None]
       for key in ("tags", "aliases", "audience")},
    **{key: ["A", "a", "", "a\n", 3, ["A"], ["a", -1], ["a\n"], [7], [1.5], [""], [None], None, {}]
       for key in ("related", "see")},
    "sources": [
        None, "https://x.org", [], ["  "], ["javascript:x"], [" Data:x"], ["https://x.org"],
        [{"title": "t"}], [{"url": "u"}], [{"title": "  ", "url": "u"}],
        [{"title": None, "url": "u"}],
        [{"title": "t", "url": "data:x"}], [{"title": "t", "url": 5}], [{"title": 5, "url": "u"}],
        [3], [None], [[]], [{"title": "t", "url": "u", "x": 1}],
    ],
    "url": ["", "  ", "u", 5, None, True, "javascript:x", "mailto:x", "JaVaScRiPt:x", "ftp://x"],
    "reviewed": [
        "2026-01-31", "2026-02-30", "31.01.2026", "", 20260131, True, None, ["2026-01-31"],
    ],
    "case_sensitive": [None, "yes", "true", 1, 0, True, False, []],
    "annotate": [None, "aliases", "Aliases", "alias", "yes", 1, 0, 1.0, True, False, [], ["aliases"]],
    "variants": [None, "yes", "false", 1, 0, True, False, []],
    "version": [1, 2, 0, "1", None, 1.5, [1]],
    "language": ["en", "pt-BR", "pt_BR", "zh-Hant", "", "en us", "english!", "-en", 3, True,
                 None, ["en"]],
    **{key: [None, "x", 3, {}, [], [None], ["x"], [{}], [[]]]
       for key in ("categories", "questions", "glossary")},
}
_UNKNOWN_KEYS = ["extra", "answr", "Title", "alias", "questions ", "url", "tags"]


def _records(document: dict[str, Any]) -> list[tuple[dict[str, Any], tuple[str, ...]]]:
    """Every mapping of a generated document with the keys the validator allows in it."""
    found: list[tuple[dict[str, Any], tuple[str, ...]]] = [(document, validator.TOP_KEYS)]
    sections = (
        ("categories", validator.CATEGORY_KEYS), ("questions", validator.QUESTION_KEYS),
        ("glossary", validator.TERM_KEYS),
    )
    for section, keys in sections:
        items = document.get(section)
        for item in items if isinstance(items, list) else ():
            if not isinstance(item, dict):
                continue
            found.append((item, keys))
            sources = item.get("sources") if section == "questions" else None
            for source in sources if isinstance(sources, list) else ():
                if isinstance(source, dict):
                    found.append((source, validator.SOURCE_KEYS))
    return found


def _near_miss(key: str, in_source: bool) -> st.SearchStrategy[Any]:
    near = _NEAR_MISSES["url" if in_source and key == "url" else key]
    return st.one_of(st.sampled_from(near), st.sampled_from(near), _ANY)


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    """A valid document with one or two changes near the edge of validity: any allowed key
    of any record set to a near miss (or to anything), a key removed or an unknown one added,
    a list item replaced; or, rarely, no mapping at all."""
    document = copy.deepcopy(draw(valid_documents()))
    if draw(st.integers(0, 30)) == 0:
        return draw(_ANY)
    for _ in range(draw(st.integers(1, 2))):
        records = _records(document)
        record, allowed = draw(st.sampled_from(records))
        action = draw(st.sampled_from(["set", "set", "set", "delete", "add", "item"]))
        if action == "delete" and record:
            del record[draw(st.sampled_from(sorted(record)))]
        elif action == "add":
            record[draw(st.sampled_from(_UNKNOWN_KEYS))] = draw(_ANY)
        elif action == "item":
            lists = [v for v in record.values() if isinstance(v, list) and v]
            if lists:
                target = draw(st.sampled_from(lists))
                target[draw(st.integers(0, len(target) - 1))] = draw(_ANY)
        else:
            key = draw(st.sampled_from(allowed))
            value = draw(_near_miss(key, allowed == validator.SOURCE_KEYS))
            if key == "reviewed" and draw(st.integers(0, 3)) == 0:
                value = draw(_DATE)
            record[key] = value
    return document


# Validator messages for rules the schema cannot express (see the module docstring).
VALIDATOR_ONLY_MESSAGES = ("has no letters or digits for an id",)


def _structural_problems(document: Any) -> list[str] | None:
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    doc, problems = parse_yaml(text, "faq.yml")
    if doc is None:
        return None
    _, part_problems = build_part(doc)
    return [
        str(p) for p in part_problems
        if not any(marker in p.message for marker in VALIDATOR_ONLY_MESSAGES)
    ]


@given(valid_documents())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_valid_documents_pass_both(document: dict[str, Any]) -> None:
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    doc, problems = parse_yaml(text, "faq.yml")
    assert doc is not None and problems == []
    kb, part_problems = build_part(doc)
    assert [str(p) for p in part_problems + check_merged([doc], kb)] == []
    assert schema_errors(doc.data) == []


@given(mutated_documents())
@settings(
    max_examples=600, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_schema_and_validator_agree_on_structure(document: Any) -> None:
    problems = _structural_problems(document)
    assume(problems is not None)
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    data = parse_yaml(text, "faq.yml")[0].data  # what both sides see
    refused_by_schema = schema_errors(data)
    event("refused" if problems else "accepted")
    assert bool(problems) == bool(refused_by_schema), (
        f"validator: {problems}\nschema: {refused_by_schema}\nfile:\n{text}"
    )


BASE_DOCUMENT: dict[str, Any] = {
    "version": 1,
    "language": "en",
    "title": "T",
    "description": "D",
    "categories": [{"id": "c", "title": "C", "description": "D", "audience": ["a"]}],
    "questions": [{
        "id": "q", "question": "Q?", "answer": "A", "category": "c", "tags": ["t"],
        "related": ["q"], "sources": [{"title": "S", "url": "https://example.org"}],
        "audience": ["a"], "owner": "o", "reviewed": "2026-01-31",
    }],
    "glossary": [{
        "term": "widget", "id": "widget", "aliases": ["gadget"], "definition": "D",
        "details": "X", "see": ["widget"], "case_sensitive": False, "audience": ["a"],
    }],
}
RECORD_PATHS = {
    "top level": ((), validator.TOP_KEYS),
    "category": (("categories", 0), validator.CATEGORY_KEYS),
    "question": (("questions", 0), validator.QUESTION_KEYS),
    "source": (("questions", 0, "sources", 0), validator.SOURCE_KEYS),
    "term": (("glossary", 0), validator.TERM_KEYS),
}


@pytest.mark.parametrize("record", sorted(RECORD_PATHS))
def test_every_key_and_near_miss_is_judged_alike(record: str) -> None:
    """Exhaustive companion of the random test: each allowed key of each record removed, and
    set to each near-miss value, one at a time, on an otherwise valid document."""
    assert _structural_problems(BASE_DOCUMENT) == [] and schema_errors(BASE_DOCUMENT) == []
    path, keys = RECORD_PATHS[record]
    disagreements = []
    for key in (*keys, *_UNKNOWN_KEYS):
        if key not in keys:
            near = ["x"]  # an unknown key: refused whatever its value
        else:
            near = _NEAR_MISSES["url" if record == "source" and key == "url" else key]
        for value in (_MISSING, *near):
            document = copy.deepcopy(BASE_DOCUMENT)
            target: Any = document
            for part in path:
                target = target[part]
            if value is _MISSING:
                target.pop(key, None)
            else:
                target[key] = value
            problems = _structural_problems(document)
            refused = schema_errors(parse_yaml(
                yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "faq.yml"
            )[0].data)
            if bool(problems) != bool(refused):
                label = "removed" if value is _MISSING else repr(value)
                disagreements.append(f"{key} = {label}: validator {problems}, schema {refused}")
    assert disagreements == []


_MISSING = object()
