"""Fuzzing `loader.load`: whatever the bytes of faq.yml, the answer is a knowledge base or
located problems, never an exception.

Inputs come from four sources: YAML text from a small grammar (anchors, aliases, merge keys,
tags, block scalars, flow collections, directives...), random Python values dumped with
`yaml.safe_dump` (free-form and shaped like faq.yml), structural mutations of valid files
(tests/conftest.py's MINIMAL_FAQ and the repository's own faq.yml), and byte-level mutations
(flips, insertions, truncation, shuffled lines). Every example checks the same contract:

* `load` returns a `LoadResult`; `kb` is a `KnowledgeBase` exactly when no error was found;
* a failed load names at least one error;
* every problem has a location in that file, `1 <= line <= lines + 1`, `column >= 1`;
* every message is one line (the `file:line:col: path message` form stays parseable).

Examples are derandomized (tests/_hypothesis_profile.py), so CI runs the same ones each time.
"""

from __future__ import annotations

import copy
import datetime
import re
import string
from pathlib import Path
from typing import Any

import _hypothesis_profile  # noqa: F401 - registers and loads the "ci" profile
import pytest
import yaml
from conftest import MINIMAL_FAQ, ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_faq_plugin.kb import reading as yaml_reader
from mkdocs_faq_plugin.kb.loading import LoadResult, load
from mkdocs_faq_plugin.kb.model import KnowledgeBase
from mkdocs_faq_plugin.kb.problems import errors
from mkdocs_faq_plugin.kb.validation import CATEGORY_KEYS, QUESTION_KEYS, SOURCE_KEYS, TERM_KEYS, TOP_KEYS

NAME = "faq.yml"
REPO_FAQ = (ROOT / "faq.yml").read_text(encoding="utf-8")
LINE_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")

# Examples per test; the total stays above 5,000 (see test_example_budget).
EXAMPLES = {
    "grammar": 1400,
    "values": 700,
    "shaped": 900,
    "minimal_mutations": 900,
    "repo_mutations": 120,
    "bytes": 1000,
    "pure_python": 250,
}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-loader")


def check(workdir: Path, content: str | bytes) -> LoadResult:
    """Load `content` as faq.yml and assert the loader's contract."""
    raw = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    (workdir / NAME).write_bytes(raw)
    result = load(NAME, str(workdir))
    assert isinstance(result, LoadResult)
    found_errors = errors(result.problems)
    if result.kb is None:
        assert found_errors, "a failed load must say why"
    else:
        assert isinstance(result.kb, KnowledgeBase)
        assert not found_errors
    text = raw.decode("utf-8", "replace")
    lines = LINE_BREAKS.split(text)
    for problem in result.problems:
        assert problem.location is not None, f"unlocated problem: {problem}"
        location = problem.location
        assert location.file == NAME
        assert 1 <= location.line <= len(lines) + 1, f"{problem} (file has {len(lines)} lines)"
        # Columns count characters (editors' columns), at most one past the line's end.
        line = lines[location.line - 1] if location.line <= len(lines) else ""
        assert 1 <= location.column <= len(line) + 1, f"{problem} (line {location.line}: {line!r})"
        assert "\n" not in problem.message and "\r" not in problem.message, repr(problem.message)
        assert re.match(rf"^{re.escape(NAME)}:\d+:\d+: \S", str(problem)), str(problem)
    return result


# ----------------------------------------------------------------------------- grammar

KEYS = [*TOP_KEYS, *QUESTION_KEYS, *TERM_KEYS, *CATEGORY_KEYS, *SOURCE_KEYS, "<<", "? x", "x y", "id"]
PLAIN = [
    "basics", "what-is-x", "Hello world", "yes", "no", "on", "off", "null", "~", "true", "1", "-1",
    "0x1F", "0o17", "1_000", "1.5", ".inf", "-.inf", ".nan", "1e3", "2026-01-31", "2001-13-45",
    "2001-12-14t21:59:43.10-05:00", "faq:basics", "glossary:", "[link](faq:x)", "<script>", "é",
    "\u202eevil", "zero\u200bwidth", "🙂", "a: b", "# not a comment", "x #comment", "*", "&", "!",
    "%", "@", "`", "|", ">", "'", '"', "{", "}", "[", "]", ",", "- ", "---", "...", "\t", "\\",
]  # fmt: skip
TAGS = [
    "", "", "", "!!str ", "!!int ", "!!float ", "!!bool ", "!!null ", "!!timestamp ", "!!binary ",
    "!!set ", "!!omap ", "!!pairs ", "!!map ", "!!seq ", "!!python/object:os.system ", "!custom ",
    "!<tag:example.com,2000:x> ", "!!merge ", "!!value ",
]  # fmt: skip

anchor_name = st.sampled_from(["a", "b", "c", "x"])
quoted = st.text(max_size=12).map(
    lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
)
single = st.text(max_size=12).map(lambda s: "'" + s.replace("'", "''").replace("\n", " ") + "'")
escapes = st.sampled_from(['"\\0"', '"\\x07"', '"\\ud800"', '"\\U0001F600"', '"\\N"', '"\\e"', '"\\u202e"', '"a\\nb"'])
scalar = st.one_of(
    st.sampled_from(PLAIN), quoted, single, escapes,
    st.text(alphabet=string.ascii_letters + string.digits + " -_:#&*!|>'\"%@`", max_size=10),
)  # fmt: skip
decoration = st.tuples(st.sampled_from(TAGS), st.one_of(st.just(""), anchor_name.map(lambda a: f"&{a} ")))


def _flow(depth: int) -> st.SearchStrategy[str]:
    if depth <= 0:
        return scalar
    inner = st.one_of(scalar, anchor_name.map(lambda a: f"*{a}"), _flow(depth - 1))
    return st.one_of(
        st.lists(inner, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
        st.lists(st.tuples(st.sampled_from(KEYS), inner), max_size=4).map(
            lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"
        ),
    )


@st.composite
def block_node(draw: st.DrawFn, indent: int, depth: int) -> list[str]:
    """Lines of one block node at `indent` (the caller writes the key or dash before it)."""
    kind = draw(st.sampled_from(["scalar", "flow", "alias", "literal", "map", "seq"] if depth else ["scalar", "flow", "alias"]))
    tag, anchor = draw(decoration)
    pad = " " * indent
    if kind == "scalar":
        return [f" {tag}{anchor}{draw(scalar)}"]
    if kind == "flow":
        return [f" {tag}{anchor}{draw(_flow(2))}"]
    if kind == "alias":
        return [f" *{draw(anchor_name)}"]
    if kind == "literal":
        style = draw(st.sampled_from(["|", ">", "|-", ">+", "|2", "|-9"]))
        body = draw(st.lists(st.text(alphabet=string.printable, max_size=15), min_size=0, max_size=3))
        return [f" {tag}{anchor}{style}", *(pad + "  " + b.replace("\n", " ").replace("\r", " ") for b in body)]
    lines = [f" {tag}{anchor}".rstrip()]
    children = draw(st.integers(0, 4))
    for _ in range(children):
        shift = draw(st.sampled_from([2, 2, 2, 1, 3, 0, 4]))
        child_pad = " " * (indent + shift)
        child = draw(block_node(indent + shift, depth - 1))
        if kind == "map":
            key = draw(st.one_of(st.sampled_from(KEYS), scalar))
            lines.append(f"{child_pad}{key}:{child[0]}")
        else:
            lines.append(f"{child_pad}-{child[0]}")
        lines += child[1:]
    return lines


@st.composite
def yaml_documents(draw: st.DrawFn) -> str:
    lines: list[str] = []
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["%YAML 1.1", "%YAML 1.2", "%YAML 2.0", "%TAG ! tag:x,2000:", "---", "--- !!map", "# comment", "\ufeff"])))
    for _ in range(draw(st.integers(1, 5))):
        key = draw(st.sampled_from(KEYS))
        node = draw(block_node(2, 3))
        lines.append(f"{key}:{node[0]}")
        lines += node[1:]
    if draw(st.integers(0, 9)) == 0:
        lines.append(draw(st.sampled_from(["---", "...", "--- x", "---\nquestions: []"])))
    separator = draw(st.sampled_from(["\n", "\n", "\n", "\r\n", "\r", "\u2028"]))
    return separator.join(lines) + draw(st.sampled_from(["\n", "", "\n\n"]))


@settings(max_examples=EXAMPLES["grammar"])
@given(text=yaml_documents())
def test_grammar_generated_yaml(workdir: Path, text: str) -> None:
    check(workdir, text)


# ----------------------------------------------------------------------------- values

leaf = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
    st.dates(), st.datetimes(timezones=st.none() | st.timezones()), st.binary(max_size=10),
)  # fmt: skip
values = st.recursive(
    leaf,
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=10)), children, max_size=5),
    max_leaves=30,
)
dump_options = st.fixed_dictionaries(
    {
        "default_flow_style": st.sampled_from([False, True, None]),
        "allow_unicode": st.booleans(),
        "sort_keys": st.booleans(),
        "width": st.sampled_from([20, 80, 10_000]),
        "indent": st.sampled_from([2, 4, 9]),
        "explicit_start": st.booleans(),
    }
)


DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump(value: Any, options: dict[str, Any]) -> str:
    try:
        return yaml.dump(value, Dumper=DUMPER, **options)
    except yaml.representer.RepresenterError:
        return yaml.dump(repr(value), Dumper=DUMPER, **options)


@settings(max_examples=EXAMPLES["values"])
@given(value=values, options=dump_options)
def test_random_python_values(workdir: Path, value: Any, options: dict[str, Any]) -> None:
    check(workdir, dump(value, options))


def _maybe(value: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(value, value, value, leaf, st.lists(leaf, max_size=3))


slug = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,5}){0,2}", fullmatch=True)
ids = st.one_of(st.sampled_from(["basics", "usage", "q1", "q2", "term", "index", "x"]), slug)
prose = st.one_of(
    st.text(max_size=40),
    st.sampled_from([
        "See [x](faq:q1) and [y](glossary:term).", "<script>alert(1)</script>", "`<script>`",
        "```\ncode\n```", "[bad](faq:missing)", "[g](glossary:)", "x" * 300, "\u202e\u200b🙂",
    ]),
)  # fmt: skip


def _record(fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional={k: _maybe(v) for k, v in fields.items()})


category = _record({"id": ids, "title": prose, "description": prose, "audience": st.lists(st.text(max_size=5))})
source = st.one_of(
    st.text(max_size=20),
    _record({"title": prose, "url": st.sampled_from(["https://x.org", "javascript:alert(1)", "java\tscript:x", "/rel", "data:x", "mailto:a@b"])}),
)
question = _record({
    "id": ids, "question": prose, "answer": prose, "category": ids, "tags": st.lists(st.text(max_size=8), max_size=3),
    "related": st.lists(ids, max_size=3), "sources": st.lists(source, max_size=2), "audience": st.lists(st.text(max_size=5)),
    "owner": prose, "reviewed": st.one_of(st.dates(), st.text(max_size=12)),
})  # fmt: skip
term = _record({
    "term": prose, "id": ids, "aliases": st.lists(prose, max_size=3), "definition": prose, "details": prose,
    "see": st.lists(ids, max_size=2), "case_sensitive": st.booleans(), "audience": st.lists(st.text(max_size=5)),
})  # fmt: skip
shaped = _record({
    "version": st.sampled_from([1, 1, 2, "1"]), "title": prose, "description": prose,
    "categories": st.lists(category, max_size=3), "questions": st.lists(question, max_size=4),
    "glossary": st.lists(term, max_size=4),
})  # fmt: skip


@settings(max_examples=EXAMPLES["shaped"])
@given(value=shaped, options=dump_options, extra=st.dictionaries(st.text(max_size=8), leaf, max_size=2))
def test_values_shaped_like_faq_yml(workdir: Path, value: dict[str, Any], options: dict[str, Any], extra: dict[str, Any]) -> None:
    check(workdir, dump({**value, **extra}, options))


# ----------------------------------------------------------------------------- mutations

MINIMAL_DATA = yaml.load(MINIMAL_FAQ, Loader=yaml_reader._Loader)
REPO_DATA = yaml.load(REPO_FAQ, Loader=yaml_reader._Loader)
WEIRD = [
    "\u202e", "\u200b", "\u200d", "\ufeff", "🙂", "👩‍👩‍👧", "e\u0301", "\u0645\u0631\u062d\u0628\u0627", "\x85",
    "\u2028", "\x00", "\x7f", "\t", "'", '"', "&", "<", ">", "</script>", "{{ x }}", "{#", "\\", "\n", "`", "|",
]  # fmt: skip


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*path, index))
    return found


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        value = value[part]
    return value


@st.composite
def mutated(draw: st.DrawFn, original: Any, rounds: int = 3) -> Any:
    """`original` (a deep copy) with a few structural mutations applied."""
    data = copy.deepcopy(original)
    for _ in range(draw(st.integers(1, rounds))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths))
        op = draw(st.sampled_from([
            "delete", "retype", "duplicate", "unicode", "huge", "deep", "rename", "copy-id", "empty",
        ]))  # fmt: skip
        if not path:
            if op in ("retype", "deep"):
                data = draw(leaf) if op == "retype" else [[[data]]]
            continue
        parent, key = _get(data, path[:-1]), path[-1]
        target = parent[key]
        if op == "delete":
            del parent[key]
        elif op == "retype":
            parent[key] = draw(st.one_of(leaf, st.lists(leaf, max_size=2), st.dictionaries(st.text(max_size=4), leaf, max_size=2)))
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(key, copy.deepcopy(target))
        elif op == "unicode" and isinstance(target, str):
            at = draw(st.integers(0, len(target)))
            parent[key] = target[:at] + draw(st.sampled_from(WEIRD)) * draw(st.integers(1, 3)) + target[at:]
        elif op == "huge":
            parent[key] = draw(st.sampled_from(["x", "é ", "🙂", "a-"])) * draw(st.sampled_from([10_000, 200_000]))
        elif op == "deep":
            for _ in range(draw(st.sampled_from([5, 99, 101, 150]))):
                target = draw(st.sampled_from([[target], {"x": target}]))
            parent[key] = target
        elif op == "rename" and isinstance(parent, dict):
            new_key = draw(st.sampled_from(["anser", "ID", "term ", "questions", "id", "", "<<", str(key) * 2]))
            parent[new_key] = parent.pop(key)
        elif op == "copy-id" and isinstance(target, dict) and isinstance(parent, list):
            other = parent[draw(st.integers(0, len(parent) - 1))]
            if isinstance(other, dict) and "id" in other:
                target["id"] = other["id"]  # a duplicate id (or, for the same entry, no change)
        elif op == "empty":
            parent[key] = draw(st.sampled_from(["", " ", None, [], {}]))
    return data


@settings(max_examples=EXAMPLES["minimal_mutations"])
@given(data=mutated(MINIMAL_DATA), options=dump_options)
def test_mutations_of_the_minimal_faq(workdir: Path, data: Any, options: dict[str, Any]) -> None:
    check(workdir, dump(data, options))


@settings(max_examples=EXAMPLES["repo_mutations"])
@given(data=mutated(REPO_DATA, rounds=4))
def test_mutations_of_the_repository_faq(workdir: Path, data: Any) -> None:
    check(workdir, dump(data, {"allow_unicode": True, "sort_keys": False}))


@st.composite
def byte_mutations(draw: st.DrawFn) -> bytes:
    """MINIMAL_FAQ (or a slice of the repository's faq.yml) with byte-level damage."""
    source = draw(st.sampled_from(["minimal", "minimal", "minimal", "repo"]))
    if source == "repo":
        lines = REPO_FAQ.splitlines(keepends=True)
        start = draw(st.integers(0, len(lines) - 1))
        text = "".join(lines[start : start + draw(st.integers(1, 80))])
    else:
        text = MINIMAL_FAQ
    raw = bytearray(text.encode("utf-8"))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "line-swap", "line-dup", "indent", "bom"]))
        at = draw(st.integers(0, max(0, len(raw) - 1)))
        if op == "flip" and raw:
            raw[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "insert":
            raw[at:at] = draw(st.one_of(
                st.binary(min_size=1, max_size=4),
                st.sampled_from([b"\x00", b"\xff", b"\xc3", b"\xe2\x80\xae", b"\t", b"\r", b"&a ", b"*a", b"<<: ", b"!!", b"{", b"[", b"'", b'"', b"|", b"\n  - ", b":"]),
            ))  # fmt: skip
        elif op == "delete" and raw:
            del raw[at : at + draw(st.integers(1, 20))]
        elif op == "truncate":
            del raw[at:]
        elif op in ("line-swap", "line-dup", "indent"):
            lines_ = bytes(raw).split(b"\n")
            i = draw(st.integers(0, len(lines_) - 1))
            j = draw(st.integers(0, len(lines_) - 1))
            if op == "line-swap":
                lines_[i], lines_[j] = lines_[j], lines_[i]
            elif op == "line-dup":
                lines_.insert(j, lines_[i])
            else:
                lines_[i] = b" " * draw(st.integers(0, 5)) + lines_[i].lstrip(b" ")
            raw = bytearray(b"\n".join(lines_))
        elif op == "bom":
            raw[0:0] = b"\xef\xbb\xbf"
    return bytes(raw)


@settings(max_examples=EXAMPLES["bytes"])
@given(raw=byte_mutations())
def test_byte_level_mutations(workdir: Path, raw: bytes) -> None:
    check(workdir, raw)


@settings(max_examples=EXAMPLES["pure_python"])
@given(text=st.one_of(yaml_documents(), byte_mutations().map(lambda b: b.decode("utf-8", "replace"))))
def test_pure_python_parser_keeps_the_contract(workdir: Path, text: str) -> None:
    """Without libyaml (some platforms), PyYAML's own parser is used: same contract."""
    previous = yaml_reader._Loader
    yaml_reader._Loader = yaml.SafeLoader
    try:
        check(workdir, text)
    finally:
        yaml_reader._Loader = previous


def test_example_budget() -> None:
    assert sum(EXAMPLES.values()) >= 5000


# ----------------------------------------------------------------------------- regressions
# Inputs the fuzzers found (or that fuzzing strategies above only reach by luck).

REGRESSIONS = {
    # PyYAML's constructors raise KeyError / AttributeError for these explicit tags.
    "bool-tag": ("title: !!bool maybe\n", "faq.yml:1:8: invalid value: 'maybe' is not a valid bool"),
    "timestamp-tag": ("title: !!timestamp soon\n", "faq.yml:1:8: invalid value: 'soon' is not a valid timestamp"),
    # A mapping merging itself made `_merged_pairs` recurse until RecursionError.
    "self-merge": ("x: &a {<<: *a, k: 1}\n", "faq.yml:1:4: merge key (<<) includes the mapping it belongs to"),
    "merge-scalar": ("x: {<<: 3}\n", "faq.yml:1:9: a merge key (<<) takes a mapping or a list of mappings"),
    "alias-loop": ("x: &a [1, *a]\n", "faq.yml:1:4: an alias (*name) refers to a collection that contains it, an endless loop"),
    # Control characters: located at the character, one-line message; libyaml reports a byte
    # offset, which used to put this one on line 2.
    "nul": ("title: ok\nquestions: [\x00]\n", "faq.yml:2:13: invalid YAML: character U+0000 is not allowed (control characters are not allowed)"),
    "nul-after-accents": ("ééééé: \x00\n", "faq.yml:1:8: invalid YAML: character U+0000 is not allowed (control characters are not allowed)"),
    # The UTF-8 error offset is counted after the BOM; the byte named is the bad one.
    "latin-1-after-bom": (b"\xef\xbb\xbftitle: caf\xe9\n", "faq.yml:1:11: file is not UTF-8 (byte 0xe9); save it as UTF-8"),
    # `$` in the slug pattern accepted a trailing newline: `id: "basics\n"` became a page name.
    "slug-newline": (
        'questions:\n  - id: "q1\\n"\n    question: Q?\n    answer: A.\n',
        "faq.yml:2:9: questions[0].id 'q1\\n' is not a slug (lowercase letters, digits and single hyphens), e.g. 'q1'",
    ),
    # A category called `index` silently replaced the FAQ start page.
    "category-index": (
        "categories:\n  - {id: index, title: I}\nquestions:\n  - {id: q, question: Q?, answer: A., category: index}\n",
        "faq.yml:2:10: categories[0].id 'index' is reserved: <faq_dir>/index.md is the FAQ start page",
    ),
    # Invisible characters in keys are shown escaped, not printed raw into the terminal.
    "bidi-key": ("titl\u202ee: x\nquestions: []\n", "faq.yml:1:1: 'titl\\u202ee': unknown key; did you mean 'title'?"),
}


@pytest.mark.parametrize("case", sorted(REGRESSIONS))
def test_regressions(workdir: Path, case: str) -> None:
    text, expected = REGRESSIONS[case]
    result = check(workdir, text)
    assert expected in [str(p) for p in result.problems], [str(p) for p in result.problems]


def test_merge_chains_stay_linear(workdir: Path) -> None:
    """Each level merging the previous one twice took 2^n steps (30 levels: hours)."""
    lines = ["a0: &a0 {k0: 1}"] + [
        f"a{i}: &a{i} {{<<: [*a{i - 1}, *a{i - 1}], k{i}: 1}}" for i in range(1, 40)
    ]
    result = check(workdir, "\n".join(lines) + "\n")
    assert "unknown key" in str(result.problems[0])  # reached the schema: the YAML was read


def test_merge_bomb_with_complex_keys_is_refused(workdir: Path) -> None:
    lines = ["a0: &a0 {? [x] : 1}"] + [f"a{i}: &a{i} {{<<: [*a{i - 1}, *a{i - 1}]}}" for i in range(1, 30)]
    messages = [p.message for p in check(workdir, "\n".join(lines) + "\n").problems]
    assert any("expands to more than" in m for m in messages), messages


def test_keys_are_names_with_either_parser(workdir: Path) -> None:
    """Keys are read as written; the pure-Python parser used to construct them (`2001-13-45:`
    raised ValueError, `yes:` became 'True')."""
    text = "title: x\nquestions:\n  - id: q\n    question: Q?\n    answer: A.\n    2001-13-45: x\n    yes: 1\n"
    expected = [
        "faq.yml:6:5: questions[0].2001-13-45: unknown key (allowed: id, question, answer, category, tags, related, sources, audience, owner, reviewed)",
        "faq.yml:7:5: questions[0].yes: unknown key (allowed: id, question, answer, category, tags, related, sources, audience, owner, reviewed)",
    ]
    previous = yaml_reader._Loader
    try:
        for loader in (previous, yaml.SafeLoader):
            yaml_reader._Loader = loader
            assert [str(p) for p in check(workdir, text).problems] == expected
    finally:
        yaml_reader._Loader = previous


def test_constructor_keeps_nothing_between_files(workdir: Path) -> None:
    """The shared SafeConstructor cached every node it built, so each load leaked its file."""
    for _ in range(3):
        check(workdir, MINIMAL_FAQ.replace("title: Widget FAQ", "title: Widget FAQ\nversion: !!int 1"))
    assert not hasattr(yaml_reader, "_constructor") or not yaml_reader._constructor.constructed_objects


def test_valid_inputs_still_load(workdir: Path) -> None:
    assert check(workdir, MINIMAL_FAQ).kb is not None
    assert check(workdir, REPO_FAQ).kb is not None
    merged = MINIMAL_FAQ.replace(
        "glossary:\n", "glossary:\n  - &base {term: base, definition: Shared.}\n  - {<<: *base, term: derived}\n"
    )
    result = check(workdir, merged)
    assert result.kb is not None and result.kb.find_term("derived").definition == "Shared."
    assert datetime.date(2026, 1, 31) == check(
        workdir, MINIMAL_FAQ.replace("    category: usage\n", "    category: usage\n    reviewed: 2026-01-31\n")
    ).kb.questions_by_id["tuning-widgets"].reviewed
