"""`import:`: another site's published faq.json, marked on this site's pages and linked to the
owner; fetched from a local HTTP server or a file, cached, and refused when unusable."""

from __future__ import annotations

import http.server
import json
import logging
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import build_cli, build_in_process, write_project
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import Abort

from mkdocs_faq_plugin.kb.exported import ExportError, SiteExport, check_export, read_export
from mkdocs_faq_plugin.kb.imports import Importer, describe_age
from mkdocs_faq_plugin.kb.model import KnowledgeBase, Term
from mkdocs_faq_plugin.kb.shared import combine

OWNER_URL = "https://glossary.example.com/"

OWNER_FAQ = """\
title: Company glossary
questions:
  - id: how-do-i-page-on-call
    question: How do I page the on-call engineer?
    answer: Use the pager.
glossary:
  - term: service mesh
    aliases: [mesh network]
    definition: A layer that routes **traffic** between services.
  - term: SLO
    definition: Service level objective.
  - term: widget
    definition: The company's widget.
"""

TEAM_FAQ = """\
questions:
  - id: local-question
    question: A local question?
    answer: Yes.
glossary:
  - term: widget
    definition: Our own widget.
"""

TEAM_PAGE = """\
# Team

A service mesh routes calls; the service mesh again. Every widget matters.

We track each SLO, but not `SLO` in code.

See [the SLO entry](glossary:slo) and [paging](faq:how-do-i-page-on-call).
"""


@pytest.fixture(scope="module")
def owner_json(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The faq.json a real owner site publishes (built with site_url)."""
    root = tmp_path_factory.mktemp("owner")
    config = write_project(root, faq=OWNER_FAQ, config={"site_url": OWNER_URL})
    build_in_process(config)
    return (root / "site" / "faq" / "faq.json").read_bytes()


class Server:
    """A local HTTP server in a thread; `routes` maps a path to a handler of the request."""

    def __init__(self) -> None:
        self.routes: dict[str, Callable[[http.server.BaseHTTPRequestHandler], None]] = {}
        self.requests: list[str] = []
        self.release = threading.Event()
        routes, requests = self.routes, self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                requests.append(self.path)
                route = routes.get(self.path)
                if route is None:
                    self.send_error(404)
                else:
                    route(self)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def serve(self, path: str, body: bytes, status: int = 200, length: bool = True) -> None:
        def handle(request: http.server.BaseHTTPRequestHandler) -> None:
            request.send_response(status)
            request.send_header("Content-Type", "application/json")
            if length:
                request.send_header("Content-Length", str(len(body)))
            request.end_headers()
            request.wfile.write(body)

        self.routes[path] = handle

    def redirect(self, path: str, target: str) -> None:
        def handle(request: http.server.BaseHTTPRequestHandler) -> None:
            request.send_response(302)
            request.send_header("Location", target)
            request.send_header("Content-Length", "0")
            request.end_headers()

        self.routes[path] = handle

    def stall(self, path: str) -> None:
        """Answers nothing until the test ends (at most 10 s)."""
        self.routes[path] = lambda request: self.release.wait(10)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    running = Server()
    running.thread.start()
    yield running
    running.release.set()
    running.httpd.shutdown()
    running.httpd.server_close()
    running.thread.join(5)


def _team(root: Path, imports: list[str], **options: Any) -> Path:
    faq_options = {"import": imports, **options}
    return write_project(
        root, faq=TEAM_FAQ, docs={"index.md": TEAM_PAGE},
        config={"plugins": ["search", {"faq": faq_options}]},
    )


def _build_error(config: Path, caplog: pytest.LogCaptureFixture) -> str:
    """The errors of a build that must fail."""
    with pytest.raises(Abort):
        build_in_process(config)
    return "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)


def _marks(html: str) -> list[str]:
    return re.findall(r'<a class="faq-term"[^>]*>[^<]*</a>', html)


# ---------------------------------------------------------------------- marking and links

def test_imported_terms_are_marked_and_linked_to_the_owner(
    tmp_path: Path, server: Server, owner_json: bytes
) -> None:
    server.serve("/faq/faq.json", owner_json)
    site = build_in_process(_team(tmp_path, [server.url("/faq/faq.json")]), strict=True)
    html = site.html("index.html")
    marks = _marks(html)
    assert (
        '<a class="faq-term" data-faq-term="service-mesh" '
        'href="https://glossary.example.com/glossary/#service-mesh" '
        'title="A layer that routes traffic between services.">service mesh</a>'
    ) in marks
    assert sum('data-faq-term="service-mesh"' in m for m in marks) == 1  # first use only
    assert '<code>SLO</code>' in html  # code is never marked
    # Local entries win: "widget" links to this site's own glossary entry.
    assert any('data-faq-term="widget" href="glossary/#widget"' in m for m in marks)
    assert 'href="https://glossary.example.com/glossary/#slo">the SLO entry</a>' in html
    assert 'href="https://glossary.example.com/faq/#how-do-i-page-on-call">paging</a>' in html
    assert not site.warnings
    assert any("term 'widget' gave way to this site's own entries" in line for line in site.logs)
    cached = list((tmp_path / ".cache" / "mkdocs-faq").glob("*.json"))
    assert len(cached) == 1 and cached[0].read_bytes() == owner_json


def test_unknown_imported_target_is_reported_like_a_local_one(
    tmp_path: Path, server: Server, owner_json: bytes
) -> None:
    server.serve("/faq/faq.json", owner_json)
    config = _team(tmp_path, [server.url("/faq/faq.json")])
    (tmp_path / "docs" / "other.md").write_text("[x](glossary:no-such-term)\n", encoding="utf-8")
    site = build_in_process(config)
    assert any("unknown glossary: link target 'no-such-term'" in line for line in site.warnings)


def test_a_file_path_imports_too_and_opt_outs_hold(tmp_path: Path, owner_json: bytes) -> None:
    (tmp_path / "company").mkdir()
    (tmp_path / "company" / "faq.json").write_bytes(owner_json)
    team = tmp_path / "team"
    config = write_project(
        team, faq=TEAM_FAQ,
        docs={
            "index.md": TEAM_PAGE,
            "skip.md": "---\nglossary: false\n---\n# Skip\n\nA service mesh here.\n",
        },
        config={"plugins": ["search", {"faq": {"import": ["../company/faq.json"]}}]},
    )
    site = build_in_process(config, strict=True)
    assert 'data-faq-term="service-mesh"' in site.html("index.html")
    assert 'data-faq-term' not in site.html("skip/index.html")


def test_relative_urls_resolve_against_the_address_fetched(
    tmp_path: Path, server: Server
) -> None:
    """An owner without site_url: its URLs lead from the URL the file was fetched from."""
    owner = tmp_path / "owner"
    build_in_process(write_project(owner, faq=OWNER_FAQ, config={"plugins": [{"faq": {"faq_dir": "help/faq"}}]}))
    data = json.loads((owner / "site" / "help" / "faq" / "faq.json").read_bytes())
    assert data["version"] == 1 and data["site_root"] == "../../"
    server.serve("/docs/help/faq/faq.json", json.dumps(data).encode())
    site = build_in_process(_team(tmp_path / "team", [server.url("/docs/help/faq/faq.json")]))
    assert f'href="{server.url("/docs/glossary/#service-mesh")}"' in site.html("index.html")


def test_a_file_of_the_previous_release_still_imports(tmp_path: Path, server: Server) -> None:
    old = {
        "title": "Old",
        "categories": [],
        "questions": [{"id": "how-do-i-page-on-call", "question": "Q?", "url": "faq/#q"}],
        "glossary": [{"id": "slo", "term": "SLO", "aliases": [], "definition": "Objective.",
                      "url": "glossary/#slo"}],
    }
    server.serve("/faq/faq.json", json.dumps(old).encode())
    site = build_in_process(_team(tmp_path, [server.url("/faq/faq.json")]), strict=True)
    assert f'href="{server.url("/glossary/#slo")}" title="Objective.">SLO</a>' in site.html("index.html")


# ------------------------------------------------------------------------- failures

def test_unreachable_source_uses_the_cache_and_strict_passes(
    tmp_path: Path, server: Server, owner_json: bytes
) -> None:
    server.serve("/faq/faq.json", owner_json)
    config = _team(tmp_path, [server.url("/faq/faq.json")])
    build_in_process(config)
    server.serve("/faq/faq.json", b"down", status=503)
    site = build_in_process(config, strict=True)
    notes = [line for line in site.logs if "cached copy" in line]
    assert len(notes) == 1 and notes[0].startswith("INFO")
    assert "503" in notes[0] and "less than a minute ago" in notes[0]
    assert 'data-faq-term="service-mesh"' in site.html("index.html")


def test_no_cache_and_no_answer_is_one_clear_error(tmp_path: Path) -> None:
    source = "http://127.0.0.1:9/faq/faq.json"  # the discard port: nothing listens
    site = build_cli(_team(tmp_path, [source]))
    assert site.returncode != 0
    assert "Traceback" not in site.output
    errors = [line for line in site.logs if source in line]
    assert len(errors) == 1 and "no cached copy in .cache/mkdocs-faq" in errors[0]


@pytest.mark.parametrize(
    ("prepare", "options", "message"),
    [
        (lambda s: s.redirect("/faq/faq.json", "file:///etc/passwd"), {},
         "redirected to 'file:///etc/passwd'; only http and https redirects are followed"),
        (lambda s: s.serve("/faq/faq.json", b" " * 300_000, length=False), {"import_max_mb": 0.1},
         "larger than the limit of 0.1 MB"),
        (lambda s: s.serve("/faq/faq.json", b" " * 300_000), {"import_max_mb": 0.1},
         "larger than the limit of 0.1 MB"),
        (lambda s: s.stall("/faq/faq.json"), {"import_timeout": 0.2}, "cannot be reached"),
        (lambda s: s.serve("/faq/faq.json", b"{not json"), {}, "not valid JSON"),
        (lambda s: s.serve("/faq/faq.json", b'{"version": 99, "questions": [], "glossary": []}'), {},
         "version 99 is newer than this plugin reads (up to 1)"),
        (lambda s: s.serve("/faq/faq.json", b'{"version": 1, "questions": [], "glossary": [{}]}'), {},
         "glossary[0].id must be a lowercase slug"),
    ],
    ids=["redirect-to-file", "oversize-streamed", "oversize-declared", "timeout", "invalid-json",
         "wrong-version", "wrong-schema"],
)
def test_unusable_sources_fail_naming_the_source(
    tmp_path: Path, server: Server, prepare: Callable[[Server], None], options: dict[str, Any],
    message: str, caplog: pytest.LogCaptureFixture,
) -> None:
    prepare(server)
    source = server.url("/faq/faq.json")
    error = _build_error(_team(tmp_path, [source], **options), caplog)
    assert error.startswith(f"faq: import {source}") and message in error


def test_a_broken_answer_with_a_cache_is_a_warning(
    tmp_path: Path, server: Server, owner_json: bytes
) -> None:
    server.serve("/faq/faq.json", owner_json)
    config = _team(tmp_path, [server.url("/faq/faq.json")])
    build_in_process(config)
    server.serve("/faq/faq.json", b"<html>oops</html>")
    site = build_in_process(config)
    assert len(site.warnings) == 1 and "not valid JSON" in site.warnings[0]
    assert "using the cached copy" in site.warnings[0]
    assert 'data-faq-term="service-mesh"' in site.html("index.html")


@pytest.mark.parametrize("source", ["ftp://example.org/faq.json", "file:///tmp/faq.json"])
def test_only_http_https_and_paths(tmp_path: Path, source: str, caplog: pytest.LogCaptureFixture) -> None:
    error = _build_error(_team(tmp_path, [source]), caplog)
    assert f"{source}: only http, https and file paths can be imported" in error


def test_a_file_with_relative_urls_cannot_be_linked(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    owner = tmp_path / "owner"
    build_in_process(write_project(owner, faq=OWNER_FAQ))
    error = _build_error(_team(tmp_path / "team", ["../owner/site/faq/faq.json"]), caplog)
    assert "../owner/site/faq/faq.json: its URLs are relative" in error


# --------------------------------------------------------------------- the importer

def test_serve_refetches_at_most_every_few_minutes(tmp_path: Path, server: Server, owner_json: bytes) -> None:
    server.serve("/faq/faq.json", owner_json)
    now = [1000.0]
    importer = Importer(str(tmp_path), refetch_after=300, clock=lambda: now[0])
    source = server.url("/faq/faq.json")
    for when in (1000.0, 1100.0, 1299.0, 1301.0):
        now[0] = when
        outcome = importer.load([source])
        assert not outcome.errors and outcome.exports[0].term_urls
    assert len(server.requests) == 2


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(5, "less than a minute ago"), (60, "1 minute ago"), (7300, "2 hours ago"), (90000, "1 day ago")],
)
def test_describe_age(seconds: float, text: str) -> None:
    assert describe_age(seconds) == text


# -------------------------------------------------------------------------- the schema

SCHEMA = json.loads(
    (Path(__file__).resolve().parent.parent.parent / "mkdocs_faq_plugin" / "faq-export.schema.json").read_text()
)

BROKEN = [
    [],
    {"questions": []},
    {"version": 2, "questions": [], "glossary": []},
    {"version": "2", "questions": [], "glossary": []},
    {"questions": [], "glossary": [{"id": "Bad Id", "term": "t", "definition": "d", "url": "u"}]},
    {"questions": [], "glossary": [{"id": "t", "term": " ", "definition": "d", "url": "u"}]},
    {"questions": [], "glossary": [{"id": "t", "term": "t", "definition": "d"}]},
    {"questions": [{"id": "q", "url": "u"}], "glossary": []},
    {"version": 1, "site_root": "/", "questions": [], "glossary": []},
    {"version": 1, "questions": [], "glossary": [
        {"id": "t", "term": "t", "definition": "d", "url": "u", "annotate": "sometimes"}]},
]


def test_the_shipped_schema_and_the_reader_agree(owner_json: bytes) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(SCHEMA)
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    good = json.loads(owner_json)
    assert not list(validator.iter_errors(good)) and not check_export(good)
    for document in BROKEN:
        assert list(validator.iter_errors(document)), document
        assert check_export(document), document


def test_duplicate_ids_are_refused() -> None:
    document = {"questions": [], "glossary": [
        {"id": "t", "term": "a", "definition": "d", "url": "https://e.org/#t"},
        {"id": "t", "term": "b", "definition": "d", "url": "https://e.org/#t"},
    ]}
    with pytest.raises(ExportError, match=r"glossary\[1\]\.id 't' is used twice"):
        read_export(json.dumps(document).encode(), "x.json")


# ---------------------------------------------------------------------- mkdocs-faq check

def test_check_validates_the_site_imports(tmp_path: Path, owner_json: bytes) -> None:
    import subprocess
    import sys

    (tmp_path / "good.json").write_bytes(owner_json)
    (tmp_path / "bad.json").write_text('{"version": 7}', encoding="utf-8")
    config = _team(tmp_path, ["good.json"])
    command = [sys.executable, "-m", "mkdocs_faq_plugin.cli", "check", "--imports"]
    ok = subprocess.run(command, check=False, cwd=tmp_path, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "import good.json: OK (1 question, 0 categories, 3 glossary terms, format version 1)" in ok.stdout
    settings = yaml.safe_load(config.read_text())
    settings["plugins"][1]["faq"]["import"].append("bad.json")
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    bad = subprocess.run(command, check=False, cwd=tmp_path, capture_output=True, text=True)
    assert bad.returncode == 1
    assert "bad.json: not a faq.json the faq plugin can import: version 7 is newer" in bad.stdout
    assert "Traceback" not in bad.stdout + bad.stderr
    explicit = subprocess.run([*command[:-1], "--import", "bad.json"], check=False, cwd=tmp_path, capture_output=True, text=True)
    assert explicit.returncode == 1 and "version 7" in explicit.stdout


def test_faq_yml_may_link_to_imported_entries(tmp_path: Path, server: Server, owner_json: bytes) -> None:
    server.serve("/faq/faq.json", owner_json)
    faq = TEAM_FAQ.replace("answer: Yes.", "answer: See [the SLO](glossary:slo) and [paging](faq:how-do-i-page-on-call).")
    config = write_project(
        tmp_path, faq=faq, docs={"index.md": "# Home\n"},
        config={"plugins": ["search", {"faq": {"import": [server.url("/faq/faq.json")]}}]},
    )
    site = build_in_process(config, strict=True)
    page = site.html("faq/index.html")
    assert 'href="https://glossary.example.com/glossary/#slo">the SLO</a>' in page
    assert 'href="https://glossary.example.com/faq/#how-do-i-page-on-call">paging</a>' in page
    # Without the import the same links are dead, as the loader says.
    config.write_text(config.read_text().replace(server.url("/faq/faq.json"), "empty.json"))
    (tmp_path / "empty.json").write_text('{"version": 1, "questions": [], "glossary": []}')
    dead = build_in_process(config)
    assert any("link target 'glossary:slo' does not exist" in w for w in dead.warnings), dead.warnings


# ------------------------------------------------------------------- entries and languages

def _export(**entries: Any) -> bytes:
    return json.dumps({"questions": [], "glossary": [], **entries}).encode()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://e.org/g#t"])
def test_entry_urls_must_be_http(url: str) -> None:
    raw = _export(glossary=[{"id": "t", "term": "T", "definition": "d", "url": url}])
    with pytest.raises(ExportError, match="is not http or https"):
        read_export(raw, "x.json", location="https://e.org/faq/faq.json")


def test_a_tooltip_in_another_language_says_so(tmp_path: Path, server: Server) -> None:
    raw = _export(language="en", glossary=[
        {"id": "slo", "term": "SLO", "definition": "Objective.", "url": "https://e.org/glossary/#slo"},
    ])
    server.serve("/faq/faq.json", raw)
    config = write_project(
        tmp_path, faq=TEAM_FAQ, docs={"index.md": "# Start\n\nJedes SLO zählt.\n"},
        config={"theme": {"name": "material", "language": "de"},
                "plugins": ["search", {"faq": {"import": [server.url("/faq/faq.json")]}}]},
    )
    marks = _marks(build_in_process(config, strict=True).html("index.html"))
    assert len(marks) == 1 and 'data-faq-lang="en"' in marks[0] and 'title="Objective."' in marks[0]


@settings(max_examples=80, deadline=None)
@given(
    local=st.lists(st.sampled_from(["api", "sdk", "mesh", "slo"]), unique=True),
    first=st.lists(st.sampled_from(["api", "sdk", "mesh", "slo", "kpi"]), unique=True),
    second=st.lists(st.sampled_from(["api", "mesh", "kpi", "sre"]), unique=True),
)
def test_local_entries_always_win_and_the_first_import_next(
    local: list[str], first: list[str], second: list[str]
) -> None:
    def export(name: str, ids: list[str]) -> SiteExport:
        terms = tuple(Term(i, i.upper(), f"{name} {i}") for i in ids)
        return SiteExport(name, 1, terms=terms, term_urls={i: f"https://{name}/#{i}" for i in ids})

    kb = KnowledgeBase(glossary=tuple(Term(i, i.upper(), "ours") for i in local))
    shared, notes = combine(kb, [export("one", first), export("two", second)])
    assert not set(shared.term_urls) & set(local)
    for term_id, url in shared.term_urls.items():
        assert url.startswith("https://one/" if term_id in first else "https://two/")
    assert set(shared.term_urls) == (set(first) | set(second)) - set(local)
    assert bool(notes) == bool(set(local) & (set(first) | set(second)) or set(first) & set(second))


def test_schema_export_prints_the_shipped_schema() -> None:
    import subprocess
    import sys

    printed = subprocess.run(
        [sys.executable, "-m", "mkdocs_faq_plugin.cli", "schema", "--export"], check=False, capture_output=True, text=True
    )
    assert printed.returncode == 0 and json.loads(printed.stdout) == SCHEMA


def test_serve_reads_a_path_again_on_every_rebuild(tmp_path: Path, owner_json: bytes) -> None:
    (tmp_path / "g.json").write_bytes(owner_json)
    importer = Importer(str(tmp_path), refetch_after=300, clock=lambda: 1000.0)
    assert importer.load(["g.json"]).exports[0].term_urls
    (tmp_path / "g.json").write_text('{"questions": [], "glossary": []}', encoding="utf-8")
    assert not importer.load(["g.json"]).exports[0].term_urls


def test_a_site_that_only_imports_needs_no_faq_yml(tmp_path: Path, owner_json: bytes) -> None:
    """A team site with no faq.yml of its own: marks from the company glossary, strict build,
    and no empty FAQ or glossary pages, nav entries or faq.json of its own."""
    (tmp_path / "company").mkdir()
    (tmp_path / "company" / "faq.json").write_bytes(owner_json)
    team = tmp_path / "team"
    config = write_project(
        team, faq=None, docs={"index.md": TEAM_PAGE},
        config={
            "nav": ["index.md"],
            "plugins": ["search", {"faq": {"import": ["../company/faq.json"]}}],
        },
    )
    site = build_in_process(config, strict=True)
    html = site.html("index.html")
    assert (
        'data-faq-term="service-mesh" href="https://glossary.example.com/glossary/#service-mesh"'
    ) in html
    assert not (site.site_dir / "faq").exists()
    assert not (site.site_dir / "glossary").exists()
    assert "faq-tooltips.js" in html  # the tooltips still come with the marks
    assert any("no faq.yml here" in line for line in site.logs)


def test_a_named_file_that_is_missing_is_still_an_error(
    tmp_path: Path, owner_json: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "company").mkdir()
    (tmp_path / "company" / "faq.json").write_bytes(owner_json)
    config = write_project(
        tmp_path / "team", faq=None, docs={"index.md": TEAM_PAGE},
        config={"plugins": ["search", {"faq": {"import": ["../company/faq.json"], "file": "kb.yml"}}]},
    )
    assert "kb.yml: file not found" in _build_error(config, caplog)


def test_an_imported_everyday_word_is_marked_only_where_it_means_the_term(tmp_path: Path) -> None:
    owner = tmp_path / "owner"
    write_project(owner, faq="glossary:\n  - term: Build\n    definition: A compiled artefact "
                  "that the pipeline produces from a commit.\n", config={"site_url": OWNER_URL})
    build_in_process(owner / "mkdocs.yml", strict=True)
    team = tmp_path / "team"
    config = write_project(
        team, faq=None,
        docs={"index.md": "# Team\n\nWe build trust with clients. The pipeline stores each build.\n"},
        config={"plugins": ["search", {"faq": {"import": ["../owner/site/faq/faq.json"]}}]},
    )
    site = build_in_process(config, strict=True)
    marks = re.findall(r'data-faq-term="build"[^>]*>([^<]+)<', site.html("index.html"))
    assert marks == ["build"] and "We build trust" in site.html("index.html")
