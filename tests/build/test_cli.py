"""The `mkdocs-faq` command, run through the installed console script as users run it."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import time
from importlib import metadata
from pathlib import Path

import pytest
import yaml

from conftest import MINIMAL_FAQ, ROOT, mkdocs_faq_executable
from mkdocs_faq_plugin.pages.export import export_data
from mkdocs_faq_plugin.kb.loading import load

CORPUS = Path(__file__).resolve().parent.parent / "bad_faq"


_executable = mkdocs_faq_executable


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [_executable(), *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
        env=env, timeout=120,
    )


def no_traceback(process: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in process.stderr + process.stdout


WARNING_FAQ = """\
questions:
  - id: a
    question: One?
    answer: See [b](faq:nowhere).
"""


# -------------------------------------------------------------------------------- check

def test_check_valid_file(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
    process = run("check", cwd=tmp_path)
    assert process.returncode == 0, process.stdout + process.stderr
    assert process.stdout == "faq.yml: OK (2 questions, 2 categories, 3 glossary terms)\n"


def test_check_reports_every_error_located(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text(
        "questions:\n"
        "  - id: a\n    question: One?\n"
        "  - id: B\n    question: Two?\n    answer: x\n"
        "glossary:\n  - term: t\n", encoding="utf-8",
    )
    process = run("check", "faq.yml", cwd=tmp_path)
    assert process.returncode == 1
    assert process.stdout.splitlines() == [
        "faq.yml:2:5: error: questions[0]: missing required key 'answer'",
        "faq.yml:4:9: error: questions[1].id 'B' is not a slug (lowercase letters, digits and "
        "single hyphens), e.g. 'b'",
        "faq.yml:8:5: error: glossary[0]: missing required key 'definition'",
        "faq.yml: failed, 3 errors",
    ]
    no_traceback(process)


def test_check_warnings_pass_unless_strict(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text(WARNING_FAQ, encoding="utf-8")
    warning = "faq.yml:4:13: warning: questions[0].answer: link target 'faq:nowhere' does not exist"
    relaxed = run("check", cwd=tmp_path)
    assert relaxed.returncode == 0
    assert relaxed.stdout.splitlines() == [
        warning, "faq.yml: OK (1 question, 0 categories, 0 glossary terms); 1 warning",
    ]
    strict = run("check", "--strict", cwd=tmp_path)
    assert strict.returncode == 1
    assert strict.stdout.splitlines() == [
        warning, "faq.yml: failed, 1 warning (--strict: warnings fail too)",
    ]


def test_check_missing_file(tmp_path: Path) -> None:
    process = run("check", "nowhere.yml", cwd=tmp_path)
    assert process.returncode == 1
    assert process.stdout.splitlines() == [
        f"error: nowhere.yml: file not found ({Path(os.path.realpath(tmp_path)) / 'nowhere.yml'})",
        "nowhere.yml: failed, 1 error",
    ]
    no_traceback(process)


def test_check_default_file_missing(tmp_path: Path) -> None:
    process = run("check", cwd=tmp_path)
    assert process.returncode == 1
    assert process.stdout.startswith("error: faq.yml: file not found")


def test_check_merges_files_and_globs(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text(
        "title: Split FAQ\nquestions:\n  - id: a\n    question: A?\n    answer: x\n"
        "    related: [c]\n", encoding="utf-8",
    )
    (tmp_path / "faq.d").mkdir()
    (tmp_path / "faq.d" / "one.yml").write_text(
        "questions:\n  - id: b\n    question: B?\n    answer: '[a](faq:a)'\n", encoding="utf-8"
    )
    (tmp_path / "faq.d" / "two.yaml").write_text(
        "questions:\n  - id: c\n    question: C?\n    answer: z\n", encoding="utf-8"
    )
    process = run("check", "faq.yml", "faq.d/*.y*ml", cwd=tmp_path)
    assert process.returncode == 0, process.stdout
    assert process.stdout == (
        "faq.yml, faq.d/one.yml, faq.d/two.yaml: OK (3 questions, 0 categories, 0 glossary terms)\n"
    )
    alone = run("check", "faq.yml", cwd=tmp_path)  # 'c' lives in another file
    assert alone.returncode == 1
    assert "faq.yml:6:15: error: questions[0].related[0] 'c' is not a question id" in alone.stdout
    (tmp_path / "faq.d" / "two.yaml").write_text(
        "\nquestions:\n  - id: a\n    question: Again?\n    answer: z\n", encoding="utf-8"
    )
    duplicate = run("check", "faq.yml", "faq.d/*.yaml", cwd=tmp_path)
    assert duplicate.returncode == 1
    assert (
        "faq.d/two.yaml:3:9: error: questions[0].id 'a' is used twice (first at faq.yml:3:9)"
        in duplicate.stdout.splitlines()
    )
    nothing = run("check", "faq.yml", "more/*.yml", cwd=tmp_path)
    assert nothing.returncode == 1
    assert "error: more/*.yml: no file matches this pattern" in nothing.stdout.splitlines()


def test_check_survives_every_bad_file_at_once(tmp_path: Path) -> None:
    for case in CORPUS.glob("*.yml"):
        shutil.copy(case, tmp_path / case.name)
    process = run("check", "*.yml", cwd=tmp_path)
    assert process.returncode == 1
    no_traceback(process)
    assert "alias-bomb.yml:1:1: error: YAML expands to more than" in process.stdout
    summary = process.stdout.splitlines()[-1]
    assert re.match(r"^\S+\.yml, \S+\.yml, \S+\.yml and \d+ more: failed, \d+ errors", summary)


@pytest.mark.parametrize("case", sorted(p.stem for p in CORPUS.glob("*.yml")))
def test_check_prints_the_golden_messages(case: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Same command in-process (fast) for each corpus file: the .expected lines, reformatted."""
    from mkdocs_faq_plugin.cli import main

    cwd = os.getcwd()
    os.chdir(CORPUS)
    try:
        code = main(["check", f"{case}.yml"])
    finally:
        os.chdir(cwd)
    lines = capsys.readouterr().out.splitlines()
    expected = []
    for line in (CORPUS / f"{case}.expected").read_text(encoding="utf-8").splitlines():
        severity, _, rest = line.partition(": ")
        located = re.match(r"^(\S+:\d+:\d+): (.*)$", rest)
        expected.append(
            f"{located.group(1)}: {severity}: {located.group(2)}"
            if located else f"{severity}: {rest}"
        )
    assert code == 1
    assert lines[:-1] == expected
    assert lines[-1].startswith(f"{case}.yml: failed, ")


def test_check_ten_thousand_questions(tmp_path: Path) -> None:
    """The size the loader is built for; time it by hand with `time mkdocs-faq check`."""
    lines = ["title: Generated", "categories:"]
    lines += [f"  - id: cat-{c}\n    title: Category {c}" for c in range(10)]
    lines.append("questions:")
    for i in range(10_000):
        lines.append(
            f"  - id: q-{i}\n    question: How does feature {i} work?\n"
            f"    answer: Feature {i} works as the [manual](glossary:manual) says.\n"
            f"    category: cat-{i % 10}\n    tags: [tag-{i % 20}]"
        )
    lines.append("glossary:\n  - term: manual\n    definition: The book.")
    (tmp_path / "faq.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    process = run("check", cwd=tmp_path)
    elapsed = time.perf_counter() - started
    assert process.returncode == 0, process.stdout[-2000:]
    assert process.stdout == "faq.yml: OK (10000 questions, 10 categories, 1 glossary term)\n"
    print(f"mkdocs-faq check, 10,000 questions: {elapsed:.2f} s")


# ------------------------------------------------------------------------------- schema

def test_schema_prints_the_package_file(tmp_path: Path) -> None:
    package_file = ROOT / "mkdocs_faq_plugin" / "faq.schema.json"
    process = run("schema", cwd=tmp_path)
    assert process.returncode == 0
    assert process.stdout == package_file.read_text(encoding="utf-8")
    schema = json.loads(process.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["properties"]) == {
        "version", "language", "title", "description", "categories", "questions", "glossary",
    }
    written = run("schema", "--out", "faq.schema.json", cwd=tmp_path)
    assert written.returncode == 0 and written.stdout == ""
    assert (tmp_path / "faq.schema.json").read_text(encoding="utf-8") == process.stdout


# ------------------------------------------------------------------------------- export

def test_export_json_round_trip(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
    process = run("export", cwd=tmp_path)
    assert process.returncode == 0, process.stderr
    data = json.loads(process.stdout)
    expected = export_data(load("faq.yml", str(tmp_path)).kb)
    assert data == expected
    assert [q["id"] for q in data["questions"]] == ["what-is-a-widget", "tuning-widgets"]
    assert data["questions"][0]["url"] == "faq/basics/#what-is-a-widget"
    absolute = run(
        "export", "--base-url", "https://example.org/docs/", "--out", "faq.json", cwd=tmp_path
    )
    assert absolute.returncode == 0 and absolute.stdout == ""
    written = json.loads((tmp_path / "faq.json").read_text(encoding="utf-8"))
    assert written["glossary"][1]["url"] == "https://example.org/docs/glossary/#parameter"


def test_export_layout_options(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
    process = run(
        "export", "--faq-dir", "help", "--glossary-page", "terms.md", "--no-directory-urls",
        cwd=tmp_path,
    )
    data = json.loads(process.stdout)
    assert data["questions"][1]["url"] == "help/usage.html#tuning-widgets"
    assert data["glossary"][0]["url"] == "terms.html#foundation-model"


def test_export_csv_round_trip(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
    process = run("export", "--format", "csv", "--out", "faq.csv", cwd=tmp_path)
    assert process.returncode == 0, process.stderr
    with open(tmp_path / "faq.csv", encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    kb = load("faq.yml", str(tmp_path)).kb
    assert [r["id"] for r in rows] == [q.id for q in kb.questions]
    assert [r["question"] for r in rows] == [q.question for q in kb.questions]
    assert [r["answer_markdown"] for r in rows] == [q.answer for q in kb.questions]
    assert [r["tags"].split("\n") for r in rows] == [list(q.tags) for q in kb.questions]
    assert rows[1]["sources"] == "Widget manual <https://example.org/manual>"
    assert rows[0]["url"] == "faq/basics/#what-is-a-widget"
    stdout = run("export", "--format", "csv", cwd=tmp_path).stdout
    assert list(csv.DictReader(io.StringIO(stdout, newline=""))) == rows


def test_export_refuses_files_with_errors(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text(
        "questions:\n  - id: a\n    question: One?\n", encoding="utf-8"
    )
    process = run("export", "--out", "faq.json", cwd=tmp_path)
    assert process.returncode == 1
    assert "faq.yml:2:5: error: questions[0]: missing required key 'answer'" in process.stderr
    assert not (tmp_path / "faq.json").exists()
    assert process.stdout == ""


def test_export_check_detects_stale_output(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
    assert run("export", "--out", "faq.json", "--check", cwd=tmp_path).returncode == 1  # missing
    assert run("export", "--out", "faq.json", cwd=tmp_path).returncode == 0
    assert run("export", "--out", "faq.json", "--check", cwd=tmp_path).returncode == 0
    changed = MINIMAL_FAQ.replace("Widget FAQ", "Gadget FAQ")
    (tmp_path / "faq.yml").write_text(changed, encoding="utf-8")
    stale = run("export", "--out", "faq.json", "--check", cwd=tmp_path)
    assert stale.returncode == 1 and "out of date" in stale.stderr
    assert run("export", "--check", cwd=tmp_path).returncode == 2  # --check needs --out


def test_export_bad_base_url_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
    process = run("export", "--base-url", "example.org", cwd=tmp_path)
    assert process.returncode == 2
    assert "--base-url must be an absolute http(s) URL" in process.stderr


# ---------------------------------------------------------------------------------- new

def test_new_writes_a_starter_that_passes_check(tmp_path: Path) -> None:
    process = run("new", cwd=tmp_path)
    assert process.returncode == 0, process.stderr
    text = (tmp_path / "faq.yml").read_text(encoding="utf-8")
    assert text.startswith("#")
    data = yaml.safe_load(text)
    for key in ("version", "title", "description", "categories", "questions", "glossary"):
        assert key in data
    used = {key for record in data["questions"] + data["glossary"] for key in record}
    assert used >= {"tags", "related", "sources", "audience", "owner", "reviewed", "aliases",
                    "details", "see", "case_sensitive", "id"}
    check = run("check", "--strict", cwd=tmp_path)
    assert check.returncode == 0, check.stdout
    assert check.stdout.startswith("faq.yml: OK (")


def test_new_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text("mine\n", encoding="utf-8")
    refused = run("new", cwd=tmp_path)
    assert refused.returncode == 1
    assert "already exists" in refused.stderr
    assert (tmp_path / "faq.yml").read_text(encoding="utf-8") == "mine\n"
    forced = run("new", "--force", "faq.yml", cwd=tmp_path)
    assert forced.returncode == 0
    assert (tmp_path / "faq.yml").read_text(encoding="utf-8") != "mine\n"


def test_new_into_a_folder_and_to_a_path(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    assert run("new", "docs", cwd=tmp_path).returncode == 0
    assert (tmp_path / "docs" / "faq.yml").is_file()
    assert run("new", "help.yaml", cwd=tmp_path).returncode == 0
    assert run("check", "help.yaml", cwd=tmp_path).returncode == 0
    missing_folder = run("new", "no/such/dir/faq.yml", cwd=tmp_path)
    assert missing_folder.returncode == 1
    assert "cannot write" in missing_folder.stderr
    no_traceback(missing_folder)


# ---------------------------------------------------------------------- usage and help

@pytest.mark.parametrize("command", ["check", "schema", "export", "new"])
def test_help_of_each_command(command: str, tmp_path: Path) -> None:
    process = run(command, "--help", cwd=tmp_path)
    assert process.returncode == 0
    assert process.stdout.startswith(f"usage: mkdocs-faq {command}")
    assert "exit codes:" in process.stdout and "examples:" in process.stdout


def test_main_help_lists_the_commands(tmp_path: Path) -> None:
    process = run("--help", cwd=tmp_path)
    assert process.returncode == 0
    for command in ("check", "schema", "export", "new"):
        assert re.search(rf"^\s+{command}\s", process.stdout, re.M)


def test_version(tmp_path: Path) -> None:
    process = run("--version", cwd=tmp_path)
    assert process.returncode == 0
    assert process.stdout.strip() == f"mkdocs-faq {metadata.version('mkdocs-faq-plugin')}"


@pytest.mark.parametrize(
    "args",
    [("frobnicate",), (), ("check", "--no-such-option"), ("export", "--format", "xml")],
)
def test_usage_errors_exit_2(args: tuple[str, ...], tmp_path: Path) -> None:
    process = run(*args, cwd=tmp_path)
    assert process.returncode == 2
    assert "usage: mkdocs-faq" in process.stderr
    no_traceback(process)


def test_closed_output_pipe_is_not_a_traceback(tmp_path: Path) -> None:
    with subprocess.Popen(
        [_executable(), "schema"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(1)
        process.stdout.close()
        stderr = process.stderr.read().decode()
        process.wait(timeout=60)
    assert "Traceback" not in stderr


# ------------------------------------------------------------------------- pre-commit

def test_pre_commit_hook() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "mkdocs-faq-check"]
    assert hook["entry"] == "mkdocs-faq check"
    assert hook["pass_filenames"] is True
    assert hook["language"] == "python"
    assert hook["require_serial"] is True  # one run sees all files: cross-file checks work
    files = re.compile(hook["files"])
    matching = ["faq.yml", "faq.yaml", "docs/faq.yml", "faq.d/a.yml", "site/faq.d/x/b.yaml"]
    other = ["myfaq.yml", "faq.yml.bak", "faq.json", "mkdocs.yml", "faq.d.yml", "faqs.yml"]
    assert [bool(files.search(p)) for p in matching] == [True] * len(matching)
    assert [bool(files.search(p)) for p in other] == [False] * len(other)
    scripts = {e.name for e in metadata.entry_points(group="console_scripts")}
    assert hook["entry"].split()[0] in scripts


def test_export_refuses_a_faq_dir_outside_the_docs(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
    process = run("export", "--faq-dir", "../x", cwd=tmp_path)
    assert process.returncode == 2
    assert "Traceback" not in process.stderr
    assert "../x" in process.stderr


def test_check_review_after_warns_about_stale_answers(tmp_path: Path) -> None:
    faq = MINIMAL_FAQ.replace(
        "    category: usage\n",
        "    category: usage\n    owner: Docs team\n    reviewed: 2020-01-31\n", 1,
    )
    (tmp_path / "faq.yml").write_text(faq, encoding="utf-8")
    assert run("check", "--strict", cwd=tmp_path).returncode == 0
    process = run("check", "--strict", "--review-after", "180d", cwd=tmp_path)
    assert process.returncode == 1
    assert "last reviewed 2020-01-31" in process.stdout and "Docs team" in process.stdout
    assert run("check", "--review-after", "soon", cwd=tmp_path).returncode == 2


def test_export_audience_leaves_out_other_audiences(tmp_path: Path) -> None:
    faq = MINIMAL_FAQ.replace("    category: usage\n", "    category: usage\n    audience: [internal]\n", 1)
    (tmp_path / "faq.yml").write_text(faq, encoding="utf-8")
    everything = json.loads(run("export", cwd=tmp_path).stdout)
    public = json.loads(run("export", "--audience", "public", cwd=tmp_path).stdout)
    internal = json.loads(run("export", "--audience", "internal", cwd=tmp_path).stdout)
    ids = lambda data: [q["id"] for q in data["questions"]]  # noqa: E731
    assert ids(everything) == ids(internal) == ["what-is-a-widget", "tuning-widgets"]
    assert ids(public) == ["what-is-a-widget"]
