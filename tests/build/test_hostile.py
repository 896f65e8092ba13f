"""Hostile faq.yml content and configuration, in real builds; YAML resource limits; scale.

Each hostile case is also listed in docs/reference/security.md with what happens to it.

* Text fields (questions, titles, tags, aliases, definitions, owners, source titles) carrying
  markup, quotes, `&` and `javascript:` are escaped: the built pages hold no element, event
  handler, script or link that the text did not come from the site itself.
* `</script>` and friends in answers cannot end or confuse the JSON-LD script.
* `javascript:`/`data:` source URLs are refused with a located error; the same in Markdown
  fields (answers, descriptions, details), like event handlers and `<script>`, warns (and so
  fails `--strict`).
* Ids and output paths cannot leave the output folder: unsafe `faq_dir`/`glossary_page` stop
  the build with a configuration error, unsafe ids with located errors, and the file tree
  outside `site/` is compared before and after.
* YAML bombs, a 100 MB file, dense files and 10,000-level nesting are refused with a clear
  message, within a generous memory bound measured in a fresh subprocess (its peak RSS).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import _hypothesis_profile  # noqa: F401 - registers and loads the "ci" profile
import pytest
import scale_faq
import yaml
from conftest import MINIMAL_FAQ, ROOT, build_cli, write_project
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_faq_plugin.kb.loading import load
from mkdocs_faq_plugin.kb.model import Question
from mkdocs_faq_plugin.pages.jsonld import answer_sections, faq_page_jsonld, page_answers

PAYLOAD = (
    "\"'><script>alert('pwned')</script><img src=x onerror=alert('pwned')> & &amp; &lt; "
    "{{ pwned }} {# c #} `code` *em* [l](javascript:alert('pwned')) | ~ ^ $ = \u202e"
)
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


def _yaml(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)  # JSON is YAML: exact strings, no guessing


class Scan(HTMLParser):
    """Everything in a page that could run code, and the scripts' text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.handlers: list[str] = []
        self.script_links: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.injected: list[str] = []
        self._script: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction") and value:
                cleaned = re.sub(r"[\x00-\x20]", "", value).lower()
                if cleaned.startswith(SCRIPT_SCHEMES):
                    self.script_links.append(f"<{tag} {name}={value!r}>")
        if tag in ("img", "iframe", "object", "embed") and any("pwned" in (v or "") or v == "x" for _, v in attrs):
            self.injected.append(f"<{tag} {attrs}>")
        if tag == "script":
            self._script, self._text = dict(attrs), []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._text)))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._text.append(data)


def scan_site(site_dir: Path) -> dict[str, Scan]:
    scans = {}
    for page in sorted(site_dir.rglob("*.html")):
        scan = Scan()
        scan.feed(page.read_text(encoding="utf-8"))
        scan.close()
        scans[str(page.relative_to(site_dir))] = scan
    return scans


def assert_inert(site_dir: Path) -> None:
    """No handler, script link, injected element or script carrying the payload anywhere."""
    for page, scan in scan_site(site_dir).items():
        assert scan.handlers == [], page
        assert scan.script_links == [], page
        assert scan.injected == [], page
        for attrs, text in scan.scripts:
            if "pwned" not in text:
                continue
            assert attrs.get("type") == "application/ld+json", f"{page}: payload in a script"
            assert "<" not in text and ">" not in text, f"{page}: JSON-LD not escaped"
            json.loads(text)


# ----------------------------------------------------------------------------- text fields


SOURCE_URL = "https://example.org/?q=\"><script>alert('pwned')</script>&x='1'"
HOSTILE_FAQ = f"""\
title: {_yaml("KB " + PAYLOAD)}
categories:
  - id: evil
    title: {_yaml("Category " + PAYLOAD)}
questions:
  - id: evil-question
    question: {_yaml("Question " + PAYLOAD)}
    answer: The hostile term is explained here.
    category: evil
    tags: [{_yaml("tag " + PAYLOAD)}, plain]
    owner: {_yaml("Owner " + PAYLOAD)}
    sources:
      - title: {_yaml("Source " + PAYLOAD)}
        url: {_yaml(SOURCE_URL)}
glossary:
  - term: hostile term
    aliases: [{_yaml("alias " + PAYLOAD)}]
    definition: {_yaml("Definition " + PAYLOAD)}
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("hostile")
    config = write_project(
        root,
        faq=HOSTILE_FAQ,
        docs={"index.md": "# Home\n\nThe hostile term, in prose.\n"},
        config={"theme": {"name": "material", "font": False}},
    )
    return build_cli(config, strict=True)


def test_text_fields_build_strictly_and_are_inert(hostile_site) -> None:
    assert hostile_site.returncode == 0, hostile_site.output
    assert_inert(hostile_site.site_dir)


@pytest.mark.parametrize(
    ("page", "prefix"),
    [
        ("faq/index.html", "KB "),
        ("faq/index.html", "Category "),
        ("faq/evil/index.html", "Question "),
        ("faq/evil/index.html", "tag "),
        ("faq/evil/index.html", "Owner "),
        ("faq/evil/index.html", "Source "),
        ("glossary/index.html", "alias "),
        ("glossary/index.html", "Definition "),
    ],
)
def test_text_fields_display_exactly_as_written(hostile_site, page: str, prefix: str) -> None:
    """Escaped, not dropped: the page's text shows the payload character for character
    (Markdown syntax in it stays literal too)."""
    html = hostile_site.html(page)
    text = re.sub(r"<[^>]+>", "", html)
    text = re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))), text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&#x27;", "'").replace("&amp;", "&")
    assert prefix + PAYLOAD in text


def test_tooltip_and_source_attributes_are_quoted(hostile_site) -> None:
    index = hostile_site.html("index.html")
    term = re.search(r'<a class="faq-term" data-faq-term="hostile-term" href="[^"]*" title="([^"]*)">', index)
    assert term, "the term is annotated"
    assert "<" not in term.group(1) and '"' not in term.group(1)
    evil = hostile_site.html("faq/evil/index.html")
    # The whole URL, percent-encoded: a quoted run at its end used to become a link title.
    assert 'href="https://example.org/?q=%22%3E%3Cscript%3Ealert%28%27pwned%27%29%3C/script%3E&amp;x=%271%27"' in evil


# ----------------------------------------------------------------------------- JSON-LD

JSONLD_ANSWERS = [
    "Ends </script><script>alert('pwned')</script> here.",
    "Upper </SCRIPT >alert('pwned') and <!-- comment --> and <![CDATA[ x ]]>",
    "`</script>` in code, then \u2028 and \u2029 separators and </script",
]


def test_an_unclosed_script_is_refused(tmp_path: Path) -> None:
    """It would make every question after it script text (issue 29)."""
    faq = "questions:\n  - id: q\n    question: Q?\n    answer: An unclosed <script src=//example.org/x.js> tag\n"
    site = build_cli(write_project(tmp_path, faq=faq, docs={"index.md": "# Home\n"}))
    assert site.returncode == 1
    assert (
        "faq.yml:4:13: questions[0].answer: <script> is opened and never closed, so it would "
        "swallow everything after it on the page; close it with </script>"
    ) in site.output


def test_jsonld_cannot_be_ended_or_confused(tmp_path: Path) -> None:
    questions = "".join(
        "  - id: q{}\n    question: {}\n    answer: {}\n".format(i, _yaml(f"Name </script><!-- {i}"), _yaml(answer))
        for i, answer in enumerate(JSONLD_ANSWERS)
    )
    config = write_project(
        tmp_path,
        faq=f"questions:\n{questions}",
        docs={"index.md": "# Home\n"},
        config={"plugins": ["search", {"faq": {"glossary": {"enabled": False}}}]},
    )
    site = build_cli(config)
    assert site.returncode == 0, site.output
    assert "questions[0].answer: contains a <script> tag" in site.output
    html = site.html("faq/index.html")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert len(blocks) == 1, "exactly one JSON-LD script, ended by us"
    payload = blocks[0]
    assert not set(payload) & {"<", ">", "\u2028", "\u2029"}
    data = json.loads(payload)
    names = [entity["name"] for entity in data["mainEntity"]]
    assert names == [f"Name </script><!-- {i}" for i in range(len(JSONLD_ANSWERS))]
    assert "alert('pwned')" in data["mainEntity"][0]["acceptedAnswer"]["text"]


@settings(max_examples=300)
@given(name=st.text(), answer=st.text())
def test_jsonld_round_trips_any_text_without_markup_characters(name: str, answer: str) -> None:
    script = faq_page_jsonld([(Question("q", name, "A."), answer)])
    assert script.startswith('<script type="application/ld+json">') and script.endswith("</script>")
    payload = script[len('<script type="application/ld+json">') : -len("</script>")]
    assert not set(payload) & {"<", ">", "&", "\u2028", "\u2029"}
    entity = json.loads(payload)["mainEntity"][0]
    assert (entity["name"], entity["acceptedAnswer"]["text"]) == (name, answer)


html_soup = st.lists(
    st.one_of(
        st.sampled_from([
            '<h2 id="q" class="faq-question">', "</h2>", '<h2 id="r">', "<h1>", "</h1>", "<div>",
            "</div>", '<p class="faq-meta">', "</p>", "<p>", '<a class="headerlink" href="#q">',
            "</a>", "<br>", "<!-- x -->", "<![CDATA[", "]]>", "<", ">", "&amp;", "&#", "<script>",
            "</script>", '<h3 id="q">', "<img src=x>", "</span>", "<span class='faq-meta'>",
        ]),
        st.text(max_size=5),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=500)
@given(page=html_soup, ids=st.lists(st.sampled_from(["q", "r", "x"]), max_size=3))
def test_answer_sections_accept_any_html(page: str, ids: list[str]) -> None:
    """The JSON-LD answers are cut from rendered pages, which themes and authors shape."""
    sections = answer_sections(page, ids)
    assert set(sections) <= set(ids)
    assert all(isinstance(text, str) for text in sections.values())
    for answer in ("plain", "<b>raw</b>"):
        marked = page_answers(page, [Question(i, i, answer) for i in ids])
        assert set(marked) <= set(ids)
        assert all(isinstance(text, str) for text in marked.values())


# ----------------------------------------------------------------------------- URLs


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", " JAVASCRIPT:alert(1)", "java\tscript:alert(1)", "\x01javascript:x", "vbscript:x", "data:text/html,<script>x</script>"],
)
def test_script_urls_in_sources_are_refused_where_written(tmp_path: Path, url: str) -> None:
    (tmp_path / "faq.yml").write_text(
        "questions:\n  - id: q\n    question: Q?\n    answer: A.\n"
        f"    sources:\n      - title: Click\n        url: {_yaml(url)}\n      - {_yaml(url)}\n",
        encoding="utf-8",
    )
    result = load("faq.yml", str(tmp_path))
    assert result.kb is None
    messages = [str(p) for p in result.problems]
    assert messages[0].startswith("faq.yml:7:14: questions[0].sources[0].url '")
    assert messages[0].endswith("is refused: only http(s), mailto and relative links")
    assert messages[1].startswith("faq.yml:8:9: questions[0].sources[1].url '")


@pytest.mark.parametrize(
    ("markdown", "warning"),
    [
        ("[click](javascript:alert(1))", "contains a javascript: link"),
        ("[click](<java\tscript:alert(1)>)", "contains a javascript: link"),
        ('<a href="jav&#x09;ascript:alert(1)">x</a>', "contains a javascript: link"),
        ("[x][r]\n\n[r]: vbscript:msgbox", "contains a vbscript: link"),
        ("<img src=x onerror=alert(1)>", "contains an event handler attribute (onerror=)"),
        ('<div onmouseover="alert(1)">x</div>', "contains an event handler attribute (onmouseover=)"),
        ("<iframe src=https://example.org></iframe>", "contains a <iframe> tag"),
    ],
)
@pytest.mark.parametrize("field", ["answer", "category description", "details", "top description"])
def test_active_markdown_warns_where_written(tmp_path: Path, markdown: str, warning: str, field: str) -> None:
    value = _yaml(markdown)
    faq = {
        "answer": f"questions:\n  - id: q\n    question: Q?\n    answer: {value}\n",
        "category description": f"categories:\n  - id: c\n    title: C\n    description: {value}\nquestions:\n  - {{id: q, question: Q?, answer: A., category: c}}\n",
        "details": f"glossary:\n  - term: t\n    definition: D.\n    details: {value}\n",
        "top description": f"description: {value}\nquestions:\n  - {{id: q, question: Q?, answer: A.}}\n",
    }[field]
    (tmp_path / "faq.yml").write_text(faq, encoding="utf-8")
    result = load("faq.yml", str(tmp_path))
    assert result.kb is not None, "a warning, not an error: Markdown fields may hold HTML"
    found = [str(p) for p in result.problems if warning in p.message]
    assert len(found) == 1, [str(p) for p in result.problems]
    path = {
        "answer": "questions[0].answer", "category description": "categories[0].description",
        "details": "glossary[0].details", "top description": "description",
    }[field]  # fmt: skip
    assert re.match(rf"faq\.yml:\d+:\d+: {re.escape(path)}: {re.escape(warning)}", found[0]), found[0]


def test_code_showing_active_markup_does_not_warn(tmp_path: Path) -> None:
    answer = "Write `<img onerror=x>` or\n\n```html\n<a href=\"javascript:x\">x</a>\n<script>x</script>\n```\n"
    (tmp_path / "faq.yml").write_text(f"questions:\n  - id: q\n    question: Q?\n    answer: {_yaml(answer)}\n")
    assert load("faq.yml", str(tmp_path)).problems == ()


def test_script_link_in_answer_fails_strict_build(project) -> None:
    faq = "questions:\n  - id: q\n    question: Q?\n    answer: '[click](javascript:alert(1))'\n"
    site = build_cli(project(faq=faq, docs={"index.md": "# Home\n"}), strict=True)
    assert site.returncode == 1
    assert "faq.yml:4:13: questions[0].answer: contains a javascript: link" in site.output
    assert "Traceback" not in site.output


# ----------------------------------------------------------------------------- paths


def _tree(root: Path) -> dict[str, tuple[int, int] | None]:
    """Files with size and mtime, folders by name (a new site/ changes its parent's mtime)."""
    return {
        str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns) if p.is_file() else None
        for p in root.rglob("*")
    }


def _outside_site(root: Path) -> dict[str, tuple[int, int] | None]:
    return {k: v for k, v in _tree(root).items() if not (k == "proj/site" or k.startswith("proj/site/"))}


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ({"faq_dir": "../x"}, "faq: faq_dir '../x' must stay inside docs_dir"),
        ({"faq_dir": "a/../../.."}, "faq: faq_dir 'a/../../..' must stay inside docs_dir"),
        ({"faq_dir": "~/faq"}, "faq: faq_dir '~/faq' must be relative to docs_dir"),
        ({"faq_dir": "c:/faq"}, "faq: faq_dir 'c:/faq' must use forward slashes and no drive letter"),
        ({"faq_dir": "a\\..\\..\\b"}, "must use forward slashes and no drive letter"),
        ({"glossary_page": "../../etc/passwd.md"}, "faq: glossary_page '../../etc/passwd.md' must stay inside docs_dir"),
        ({"glossary_page": "/tmp/glossary.md"}, "faq: glossary_page '/tmp/glossary.md' must be relative to docs_dir"),
        ({"glossary_page": "glossary.txt"}, "faq: glossary_page 'glossary.txt' must be a Markdown page ending in .md"),
        ({"glossary_page": "faq/basics.md"}, "faq: glossary_page 'faq/basics.md' is also the path of a generated FAQ page"),
    ],
)
def test_unsafe_output_paths_stop_the_build(tmp_path: Path, option: dict[str, str], message: str) -> None:
    root = tmp_path / "a" / "b" / "proj"
    root.mkdir(parents=True)
    config = write_project(root, config={"plugins": ["search", {"faq": option}]})
    before = _outside_site(tmp_path)
    site = build_cli(config)
    assert site.returncode == 1
    assert message in site.output
    assert "Traceback" not in site.output
    assert _outside_site(tmp_path) == before, "a file was written outside site/"
    assert not (root / "site").exists()


def test_leading_slash_in_faq_dir_stays_inside_the_site(tmp_path: Path) -> None:
    """`faq_dir: /help` is read as `help` (inside docs_dir), never as a folder of the disk."""
    root = tmp_path / "proj"
    root.mkdir()
    config = write_project(root, config={"plugins": ["search", {"faq": {"faq_dir": "/help/faq/"}}]})
    before = _outside_site(tmp_path)
    site = build_cli(config)
    assert site.returncode == 0, site.output
    assert (root / "site" / "help" / "faq" / "basics" / "index.html").exists()
    assert (root / "site" / "help" / "faq" / "faq.json").exists()
    assert _outside_site(tmp_path) == before


def test_unsafe_ids_are_located_errors(tmp_path: Path) -> None:
    faq = textwrap.dedent(
        """\
        categories:
          - id: ../../etc
            title: Escape
          - id: index
            title: Start page
          - id: "ok\\n"
            title: Newline
        questions:
          - id: ../q
            question: Q?
            answer: A.
        glossary:
          - term: t
            id: /etc/passwd
            definition: D.
        """
    )
    root = tmp_path / "proj"
    root.mkdir()
    config = write_project(root, faq=faq, docs={"index.md": "# Home\n"})
    before = _outside_site(tmp_path)
    site = build_cli(config)
    assert site.returncode == 1
    for expected in [
        "faq.yml:2:9: categories[0].id '../../etc' is not a slug",
        "faq.yml:4:9: categories[1].id 'index' is reserved",
        "faq.yml:6:9: categories[2].id 'ok\\n' is not a slug",
        "faq.yml:9:9: questions[0].id '../q' is not a slug",
        "faq.yml:14:9: glossary[0].id '/etc/passwd' is not a slug",
    ]:
        assert expected in site.output
    assert _outside_site(tmp_path) == before


# ----------------------------------------------------------------------------- resource limits

MEMORY_LIMIT_MB = 300
PROBE = """\
import json, resource, sys, time
import yaml
from mkdocs_faq_plugin.kb import reading as yaml_reader
from mkdocs_faq_plugin.kb.loading import load
if sys.argv[3] == "pure":
    yaml_reader._Loader = yaml.SafeLoader
def peak_mb():
    # VmHWM is this program's own peak; ru_maxrss also counts what the parent (pytest) had
    # when it forked, since Linux keeps it across exec.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
started = time.perf_counter()
result = load(sys.argv[1], sys.argv[2])
print(json.dumps({
    "messages": [str(p) for p in result.problems][:3],
    "kb": result.kb is not None,
    "seconds": round(time.perf_counter() - started, 2),
    "peak_mb": peak_mb(),
}))
"""


def _write_case(path: Path, case: str) -> None:
    with path.open("w", encoding="utf-8") as out:
        if case == "billion-laughs":
            out.write('a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n')
            for i in range(1, 10):
                out.write(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]\n")
        elif case == "merge-bomb":
            out.write("a0: &a0 {? [x] : 1}\n")
            for i in range(1, 40):
                out.write(f"a{i}: &a{i} {{<<: [*a{i - 1}, *a{i - 1}]}}\n")
        elif case == "100-mb":
            line = "  - {id: q, question: x, answer: " + "y" * 1000 + "}\n"
            out.write("questions:\n")
            for _ in range(100 * 1024 * 1024 // len(line) + 1):
                out.write(line)
        elif case == "dense-31-mb":
            out.write("questions: [")
            chunk = "a," * 1_000_000
            for _ in range(31 * 1024 * 1024 // len(chunk)):
                out.write(chunk)
            out.write("a]\n")
        elif case == "flow-sequences-10000":
            out.write("questions: " + "[" * 10_000 + "]" * 10_000 + "\n")
        elif case == "flow-mappings-10000":
            out.write("questions: " + "{a: " * 10_000 + "x" + "}" * 10_000 + "\n")
        elif case == "block-sequences-10000":
            out.write("questions:\n" + "- " * 10_000 + "x\n")
        elif case == "block-mappings-2000":
            out.write("".join(" " * i + f"k{i}:\n" for i in range(2_000)))
        elif case == "block-mappings-10000":
            out.write("".join(" " * i + f"k{i}:\n" for i in range(10_000)))
        else:  # pragma: no cover
            raise ValueError(case)


LIMIT_CASES = [
    ("billion-laughs", "libyaml", "faq.yml:1:1: YAML expands to more than 1,000,000 values"),
    ("merge-bomb", "libyaml", "faq.yml:1:1: YAML expands to more than 1,000,000 values"),
    ("100-mb", "libyaml", "faq.yml:1:1: file is 100 MiB; the limit is 32 MiB"),
    ("dense-31-mb", "libyaml", "file holds more than 500,000 YAML values"),
    ("flow-sequences-10000", "libyaml", "invalid YAML: exceeded maximum nesting depth"),
    ("flow-mappings-10000", "libyaml", "invalid YAML: exceeded maximum nesting depth"),
    ("block-sequences-10000", "libyaml", "invalid YAML: exceeded maximum nesting depth"),
    ("block-mappings-2000", "libyaml", "invalid YAML: exceeded maximum nesting depth"),
    ("block-mappings-10000", "libyaml", "faq.yml:1:1: file is 48 MiB; the limit is 32 MiB"),
    ("billion-laughs", "pure", "faq.yml:1:1: YAML expands to more than 1,000,000 values"),
    ("flow-sequences-10000", "pure", "faq.yml:1:1: YAML is nested too deeply"),
    ("block-sequences-10000", "pure", "faq.yml:1:1: YAML is nested too deeply"),
]


@pytest.fixture(scope="module")
def limit_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("limits")


@pytest.mark.parametrize(("case", "parser", "message"), LIMIT_CASES, ids=[f"{c}-{p}" for c, p, _ in LIMIT_CASES])
def test_resource_limits(limit_files: Path, case: str, parser: str, message: str) -> None:
    folder = limit_files / case
    if not folder.exists():
        folder.mkdir()
        _write_case(folder / "faq.yml", case)
    process = subprocess.run(
        [sys.executable, "-c", PROBE, "faq.yml", str(folder), parser],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert process.returncode == 0, process.stderr
    report = json.loads(process.stdout)
    print(f"{case} ({parser}): {report['seconds']} s, {report['peak_mb']} MB: {report['messages'][:1]}")
    assert not report["kb"]
    assert any(message in m for m in report["messages"]), report["messages"]
    assert all(re.match(r"faq\.yml:\d+:\d+: ", m) and "\n" not in m for m in report["messages"])
    assert report["peak_mb"] < MEMORY_LIMIT_MB


# ----------------------------------------------------------------------------- scale


def test_scale_ten_thousand_questions_five_thousand_terms(tmp_path: Path) -> None:
    """Not timed: the loader and `mkdocs-faq check` finish on a 10,000-question file.
    Seconds and peak memory are printed (`pytest -s`) for the record."""
    scale_faq.write(tmp_path / "faq.yml")
    size_mb = (tmp_path / "faq.yml").stat().st_size / 1e6
    process = subprocess.run(
        [sys.executable, "-c", PROBE, "faq.yml", str(tmp_path), "libyaml"],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert process.returncode == 0, process.stderr
    report = json.loads(process.stdout)
    assert report["kb"], report["messages"]
    assert report["messages"] == []
    check = subprocess.run(
        [sys.executable, "-c", "import sys; from mkdocs_faq_plugin.cli import main; sys.exit(main())", "check"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path, check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "faq.yml: OK (10000 questions, 50 categories, 5000 glossary terms)" in check.stdout
    print(f"scale: {size_mb:.1f} MB faq.yml, load {report['seconds']} s, peak {report['peak_mb']} MB")


def test_scale_generator_is_valid_at_any_size(tmp_path: Path) -> None:
    data = scale_faq.generate(300, 120, seed=7)
    (tmp_path / "faq.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = load("faq.yml", str(tmp_path))
    assert result.kb is not None, [str(p) for p in result.problems]
    assert (len(result.kb.questions), len(result.kb.glossary)) == (300, 120)


def test_repository_faq_is_inert_too() -> None:
    result = load("faq.yml", str(ROOT))
    assert result.kb is not None
    assert not [p for p in result.problems if "would run" in p.message]
    assert MINIMAL_FAQ  # the fixtures' faq is exercised by the builds above
