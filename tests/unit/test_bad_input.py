"""Golden corpus: each bad faq.yml gives exactly the located messages in its .expected file."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_faq_plugin.kb.loading import load

CORPUS = Path(__file__).resolve().parent.parent / "bad_faq"
CASES = sorted(p.stem for p in CORPUS.glob("*.yml"))


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES)
def test_bad_file_reports_exact_located_problems(case: str) -> None:
    result = load(f"{case}.yml", str(CORPUS))
    assert result.kb is None, "a bad file must not produce a knowledge base"
    got = [f"{p.severity}: {p}" for p in result.problems]
    expected = (CORPUS / f"{case}.expected").read_text(encoding="utf-8").splitlines()
    assert got == expected
    for problem in result.problems:
        if problem.location is not None:
            assert problem.location.file == f"{case}.yml"
            assert problem.location.line >= 1 and problem.location.column >= 1


def test_missing_file_is_reported_with_its_path(tmp_path: Path) -> None:
    result = load("nowhere.yml", str(tmp_path))
    assert result.kb is None
    assert [str(p) for p in result.problems] == [
        f"nowhere.yml: file not found ({tmp_path / 'nowhere.yml'})"
    ]


def test_glob_without_match_is_reported(tmp_path: Path) -> None:
    result = load(["faq.d/*.yml"], str(tmp_path))
    assert result.kb is None
    assert [str(p) for p in result.problems] == ["faq.d/*.yml: no file matches this pattern"]


def test_all_problems_are_reported_together(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text(
        "questions:\n"
        "  - id: a\n    question: One?\n"
        "  - id: B\n    question: Two?\n    answer: x\n"
        "glossary:\n  - term: t\n", encoding="utf-8",
    )
    messages = [str(p) for p in load("faq.yml", str(tmp_path)).problems]
    assert messages == [
        "faq.yml:2:5: questions[0]: missing required key 'answer'",
        "faq.yml:4:9: questions[1].id 'B' is not a slug (lowercase letters, digits and single hyphens), e.g. 'b'",
        "faq.yml:8:5: glossary[0]: missing required key 'definition'",
    ]


def test_duplicates_across_files_name_both_files(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text("questions:\n  - id: x\n    question: One?\n    answer: y\n")
    (tmp_path / "b.yml").write_text("\nquestions:\n  - id: x\n    question: Two?\n    answer: z\n")
    messages = [str(p) for p in load(["a.yml", "b.yml"], str(tmp_path)).problems]
    assert messages == ["b.yml:3:9: questions[0].id 'x' is used twice (first at a.yml:2:9)"]


def test_deep_nesting_is_refused_quickly(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text("questions: " + "[" * 10000 + "]" * 10000)
    problems = load("faq.yml", str(tmp_path)).problems
    assert len(problems) == 1 and "nesting depth" in problems[0].message


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "faq.yml"
    with big.open("w") as stream:
        stream.write("questions:\n")
        line = "  - {id: q, question: x, answer: " + "y" * 1000 + "}\n"
        for _ in range(40_000):
            stream.write(line)
    problems = load("faq.yml", str(tmp_path)).problems
    assert [p.message for p in problems] == [
        "file is 39 MiB; the limit is 32 MiB (split it into several files)"
    ]
