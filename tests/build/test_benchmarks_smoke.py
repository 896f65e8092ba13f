"""The benchmark harness runs end to end on a tiny site (no timing assertions)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
CONFIGS = ("plain", "prebuilt", "ours")


def test_smoke_run_reports_every_config(tmp_path: Path) -> None:
    pytest.importorskip("material", reason="the benchmark sites use the Material theme")
    report = tmp_path / "report.md"
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "run", "--sizes", "smoke",
         "--configs", ",".join(CONFIGS), "--runs", "1",
         "--out", str(tmp_path), "--report", str(report)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )
    assert proc.returncode == 0, (
        f"harness exited {proc.returncode}\n--- stdout ---\n{proc.stdout[-4000:]}"
        f"\n--- stderr ---\n{proc.stderr[-4000:]}")
    text = report.read_text(encoding="utf-8")
    for config in CONFIGS:
        assert re.search(rf"^\| {re.escape(config)} \| [^|]*\d", text, re.M), (
            f"no result row for {config} in the report:\n{text}")
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    case = results["cases"][0]
    assert case["spec"] == {"pages": 10, "terms": 5, "questions": 10, "seed": 20240601}
    for config in CONFIGS:
        assert case["configs"][config]["status"] == "ok"
        assert case["configs"][config]["verification"]["code_untouched"] is True
        assert case["phases"][config]["status"] == "ok"
        assert case["phases"][config]["total"] > 0
    # prebuilt holds our generated pages (no plugin, so no tooltips); ours is measured over it
    assert case["configs"]["prebuilt"]["verification"]["faq_entries"] == 10
    assert case["configs"]["prebuilt"]["verification"]["marks"] == 0
    assert case["configs"]["ours"]["summary"]["prebuilt_ratio"] > 0
    assert case["phases"]["ours"]["faq"]["linking"] >= 0
    assert "faq.on_config" in case["phases"]["ours"]["phases"]
    assert results["meta"]["import"]["status"] == "ok"
    assert "| Markdown → HTML, every page |" in text and "ours − prebuilt" in text


# ----------------------------------------------------------------------------- harness parts
# Fast checks of the pieces the smoke run relies on; they build nothing.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def test_profile_line_is_parsed_from_a_build_log() -> None:
    from benchmarks.runner import parse_profile

    log = ("INFO    -  Cleaning site directory\n"
           "\x1b[36mINFO\x1b[0m    -  mkdocs_faq_plugin: profile load=0.0123 pages=0.0456 "
           "linking=1.2345 jsonld=0.0100 used_in=0.0010\n"
           "INFO    -  Documentation built in 1.52 seconds\n")
    assert parse_profile(log) == {"load": 0.0123, "pages": 0.0456, "linking": 1.2345,
                                  "jsonld": 0.01, "used_in": 0.001}
    assert parse_profile("INFO    -  Documentation built in 1.52 seconds\n") is None


def test_target_sizes_are_one_name_and_verdicts_follow_the_bounds() -> None:
    from benchmarks import cli, sitegen, targets

    sizes = cli.parse_sizes("targets", 7)
    assert [name for name, _ in sizes] == [t.name for t in targets.TARGETS]
    assert all(spec.seed == 7 for _, spec in sizes)
    target = targets.target_for(sitegen.SiteSpec(200, 200, 5000))
    assert target is not None and target.max_added_mib == 40
    assert targets.verdict(target, {"ratio": 1.39, "added_mib": 41.0}) == {
        "ratio": True, "own": None, "memory": False}
    assert targets.verdict(target, {"ratio": None, "added_mib": 1.0})["ratio"] is False
    assert targets.target_for(sitegen.SiteSpec(10, 5, 10)) is None


def test_marks_are_counted_by_context(tmp_path: Path) -> None:
    from benchmarks import sitegen, verify

    spec = sitegen.SiteSpec(pages=2, terms=1, questions=0)
    manifest = sitegen.Manifest(spec, [sitegen.PageRecord(
        "section-01/page-0001.md", ["x = 1"], ["a --b"], 1, 1)])
    page = tmp_path / "section-01" / "page-0001" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<html><head><script type="application/ld+json">{"@type": "FAQPage"}</script></head>'
        '<article class="md-content__inner md-typeset">'
        '<h1>Page <a class="faq-term" data-faq-term="t" title="d">t</a></h1>'
        '<p>A <a class="faq-term" data-faq-term="t" href="#" title="d">t</a> and '
        '<span class="faq-term" data-faq-term="t" tabindex="0">t</span><br>'
        '<a href="x">see <abbr title="d">t</abbr></a> <code>a --b</code></p>'
        '<pre><code>x = <span>1</span></code></pre></article></html>', encoding="utf-8")
    result = verify.verify_site(tmp_path, "ours", manifest)
    assert (result.marks, result.marks_with_title, result.marks_in_headings) == (3, 2, 1)
    assert result.marks_by_kind == {"ours": 3, "abbr": 1, "ezglossary": 0}
    assert result.json_ld_pages == 1
    assert result.code_untouched and result.pages_missing == 0
    assert "1 marks inside headings" in result.problems
    assert verify.verify_site(tmp_path, "abbr", manifest).marks_in_links == 1


def test_generator_is_deterministic_and_writes_our_schema(tmp_path: Path) -> None:
    yaml = pytest.importorskip("yaml")
    from benchmarks import sitegen

    spec = sitegen.SiteSpec(pages=3, terms=40, questions=5)

    def snapshot(root: Path) -> dict[str, bytes]:
        sitegen.generate(spec, root)
        return {p.relative_to(root).as_posix(): p.read_bytes()
                for p in sorted(root.rglob("*")) if p.is_file()}

    first, second = snapshot(tmp_path / "a"), snapshot(tmp_path / "b")
    assert first == second
    assert "docs_ours/faq.md" not in first and "docs_ours/glossary.md" not in first
    assert "docs/faq.md" in first and "mkdocs.ours.yml" in first
    assert "docs_prebuilt/faq.md" not in first and "docs_prebuilt/index.md" in first
    assert "faq:" in first["mkdocs.ours.yml"].decode() and "annotate" not in first[
        "mkdocs.ours.yml"].decode(), "ours builds with every default"
    assert "annotate: all" in first["mkdocs.ours-all.yml"].decode()
    kb = yaml.safe_load(first["faq.yml"])
    assert set(kb) == {"title", "categories", "questions", "glossary"}
    names = [n.casefold() for t in kb["glossary"] for n in (t["term"], *t["aliases"])]
    assert len(names) == len(set(names)), "terms and aliases must be unique"
    category_ids = {c["id"] for c in kb["categories"]}
    question_ids = {q["id"] for q in kb["questions"]}
    for q in kb["questions"]:
        assert set(q) == {"id", "question", "answer", "category", "tags", "related"}
        assert q["category"] in category_ids and set(q["related"]) <= question_ids
        assert q["answer"].endswith("\n") and "`" in q["answer"]


def test_import_cost_runs_end_to_end(tmp_path: Path) -> None:
    """`import-cost` builds with and without a faq.json import; the import really marks terms."""
    pytest.importorskip("material", reason="the benchmark sites use the Material theme")
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "import-cost", "--pages", "10", "--terms", "5",
         "--questions", "10", "--imported", "50", "--runs", "1", "--out", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert results["imported_terms"] == 50 and results["runs"] == 1, proc.stderr[-2000:]
    assert results["imported_marks"] > 0
    assert results["added_cpu_seconds"] is not None and results["ratio"] > 0
