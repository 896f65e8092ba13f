"""`python -m benchmarks import-cost`: what importing a large company glossary adds to a build.

One synthetic site (`sitegen`, default 200 pages, 200 terms, 200 questions) is built with the
plugin as it is (`ours`) and with the same plugin importing another site's faq.json of
5,000 terms from a file (`ours-import`). Every page also mentions three imported terms, so
the import is marked, linked and given tooltips, not only loaded. After one warm-up round,
each counted round builds both (order alternating); the report is the median of the
per-round ratios and differences, wall and CPU. Target: at most 0.5 s added. On a machine shared
with other work wall time measures the neighbours as much as the build, so the verdict is given
for both.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
from pathlib import Path
from typing import Any

from . import runner, sitegen

TARGET_SECONDS = 0.5
OWNER_URL = "https://glossary.example.com/"
IMPORT_NAME = "ours-import"


def write_owner(root: Path, count: int, seed: int) -> list[sitegen.Term]:
    """A company glossary of `count` terms as the owner's build publishes it (format version 1)."""
    terms = sitegen.make_terms(random.Random(seed + 1), count)
    data = {
        "version": 1,
        "title": "Company glossary",
        "categories": [],
        "questions": [],
        "glossary": [
            {"id": f"co-{t.id}", "term": t.term, "aliases": list(t.aliases),
             "definition": t.definition, "details_markdown": "", "see": [],
             "url": f"{OWNER_URL}glossary/#co-{t.id}", "case_sensitive": None,
             "annotate": True, "variants": True}
            for t in terms
        ],
    }
    (root / "company").mkdir(exist_ok=True)
    text = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    (root / "company" / "faq.json").write_text(text, encoding="utf-8")
    return terms


def prepare(root: Path, spec: sitegen.SiteSpec, imported: int) -> None:
    sitegen.generate(spec, root)
    owner = write_owner(root, imported, spec.seed)
    rng = random.Random(spec.seed + 2)
    for i in range(spec.pages):  # both configurations build these pages
        page = root / "docs_ours" / sitegen.page_path(i)
        named = ", ".join(t.term for t in rng.sample(owner, 3))
        with open(page, "a", encoding="utf-8") as stream:
            stream.write(f"\nShared terms: {named}.\n")
    ours = sitegen.mkdocs_configs()["ours"].replace("site_dir: site_ours", f"site_dir: site_{IMPORT_NAME}")
    ours = ours.replace("      file: faq.yml\n", "      file: faq.yml\n      import:\n        - company/faq.json\n")
    (root / f"mkdocs.{IMPORT_NAME}.yml").write_text(ours, encoding="utf-8")


def measure(root: Path, out: Path, runs: int, timeout: float, log: Any) -> dict[str, Any]:
    environment = runner.prepare_environment(out, want_plugin=True)
    configs = ("ours", IMPORT_NAME)
    samples: dict[str, list[runner.Sample]] = {name: [] for name in configs}
    for round_index in range(-1, runs):
        order = configs if round_index % 2 else configs[::-1]
        for name in order:
            sample = runner.run_child(
                runner.build_cmd(name), cwd=root, env=environment.env, timeout=timeout,
                stderr_path=out / "logs" / f"{name}.{round_index}.stderr", round_index=round_index,
            )
            if not sample.ok:
                raise SystemExit(f"{name} failed:\n{runner.tail(out / 'logs' / f'{name}.{round_index}.stderr')}")
            log(f"round {round_index}: {name} {sample.wall:.2f} s wall, {sample.cpu:.2f} s CPU")
            if round_index >= 0:
                samples[name].append(sample)
    marked = (root / f"site_{IMPORT_NAME}").rglob("*.html")
    linked = sum(f.read_text(encoding="utf-8").count(f'href="{OWNER_URL}glossary/#co-') for f in marked)
    base, imported = samples["ours"], samples[IMPORT_NAME]
    return {
        "runs": runs,
        "ours_wall": statistics.median(s.wall for s in base),
        "import_wall": statistics.median(s.wall for s in imported),
        "ratio": statistics.median(i.wall / b.wall for b, i in zip(base, imported)),
        "added_seconds": statistics.median(i.wall - b.wall for b, i in zip(base, imported)),
        "cpu_ratio": statistics.median(i.cpu / b.cpu for b, i in zip(base, imported)),
        "added_cpu_seconds": statistics.median(i.cpu - b.cpu for b, i in zip(base, imported)),
        "imported_marks": linked,
        "notes": environment.notes,
    }


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "import-cost", help="time a build importing a 5,000-term faq.json against one without",
    )
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--terms", type=int, default=200, help="the site's own terms")
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--imported", type=int, default=5000, help="terms of the imported glossary")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--seed", type=int, default=sitegen.DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out" / "import-cost")


def main(args: argparse.Namespace, log: Any) -> int:
    spec = sitegen.SiteSpec(args.pages, args.terms, args.questions, args.seed)
    root = args.out / "site"
    root.mkdir(parents=True, exist_ok=True)
    prepare(root, spec, args.imported)
    result = measure(root, args.out, args.runs, args.timeout, log)
    result.update(spec=spec.slug, imported_terms=args.imported)
    (args.out / "results.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    wall_met = result["added_seconds"] <= TARGET_SECONDS
    cpu_met = result["added_cpu_seconds"] <= TARGET_SECONDS
    log(
        f"{spec.slug} importing {args.imported} terms: x{result['ratio']:.3f} wall "
        f"(+{result['added_seconds']:.2f} s; CPU x{result['cpu_ratio']:.3f}, "
        f"+{result['added_cpu_seconds']:.2f} s), {result['imported_marks']} imported terms marked; "
        f"target <= {TARGET_SECONDS} s: CPU {'met' if cpu_met else 'NOT met'}, "
        f"wall {'met' if wall_met else 'NOT met'}"
    )
    return 0 if cpu_met or wall_met else 1
