"""`python -m benchmarks`: run the comparison, re-render a report, or write one site.

    python -m benchmarks run                       (the targets table and both sweeps)
    python -m benchmarks run --sizes small,medium,large
    python -m benchmarks run --sizes smoke --configs plain,ours --runs 1
    python -m benchmarks run --sweep terms            (also: questions, pages)
    python -m benchmarks report --results benchmarks/out/results.json
    python -m benchmarks generate /tmp/site --pages 100 --terms 50 --questions 100
    python -m benchmarks recall --cncf DIR --turing-way DIR   (see benchmarks/recall/)
    python -m benchmarks import-cost               (a 5,000-term import against none)

Exit status of `run`: 0 when every build that ran succeeded, 1 when a build failed (its
stderr tail is printed and written to the report), 2 for bad arguments.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import re
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import import_cost, imports, machine, report, runner, sitegen
from .configs import CONFIGS, DEFAULT_CONFIGS, NEEDS_PLUGIN, REPO_ROOT
from .recall import command as recall_command
from .recall import diff as recall_diff
from .targets import TARGET_SIZES

SIZES: dict[str, sitegen.SiteSpec] = {
    "smoke": sitegen.SiteSpec(pages=10, terms=5, questions=10),
    "small": sitegen.SiteSpec(pages=100, terms=50, questions=100),
    "medium": sitegen.SiteSpec(pages=500, terms=200, questions=500),
    "large": sitegen.SiteSpec(pages=1000, terms=1000, questions=1000),
}
SWEEPS: dict[str, tuple[str, tuple[int, ...], dict[str, int]]] = {
    # axis: (dimension, values, fixed dimensions)
    "terms": ("terms", (10, 50, 100, 250, 500, 1000, 2000, 5000),
              {"pages": 200, "questions": 200}),
    "questions": ("questions", (100, 500, 1000, 2500, 5000, 10000),
                  {"pages": 200, "terms": 200}),
    "pages": ("pages", (100, 250, 500, 1000, 2000), {"terms": 200, "questions": 200}),
}
GROUPS: dict[str, str] = {"targets": TARGET_SIZES}
"""Names standing for several sizes: `targets` is every size of `targets.TARGETS`."""
DEFAULT_SWEEPS = ("terms", "questions")
SWEEP_CONFIGS = ("plain", "prebuilt", "ours")
_CUSTOM_SIZE = re.compile(r"^(\d+)x(\d+)x(\d+)$")
DEFAULT_OUT = REPO_ROOT / "benchmarks" / "out"
DEFAULT_REPORT = REPO_ROOT / "docs" / "benchmarks.md"


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def parse_sizes(value: str, seed: int) -> list[tuple[str, sitegen.SiteSpec]]:
    out: list[tuple[str, sitegen.SiteSpec]] = []
    names = [size for name in _csv(value) for size in _csv(GROUPS.get(name, name))]
    for name in names:
        if name in SIZES:
            preset = SIZES[name]
            out.append((name, sitegen.SiteSpec(preset.pages, preset.terms, preset.questions,
                                               seed)))
            continue
        m = _CUSTOM_SIZE.match(name)
        if not m:
            raise argparse.ArgumentTypeError(
                f"unknown size {name!r}: use {', '.join([*SIZES, *GROUPS])} or "
                "PAGESxTERMSxQUESTIONS")
        pages, terms, questions = (int(g) for g in m.groups())
        out.append((name, sitegen.SiteSpec(pages, terms, questions, seed)))
    return out


def sweep_points(axis: str, seed: int) -> list[tuple[str, sitegen.SiteSpec]]:
    dim, values, fixed = SWEEPS[axis]
    points: list[tuple[str, sitegen.SiteSpec]] = []
    for v in values:
        dims = dict(fixed, **{dim: v})
        points.append((f"{axis}={v}", sitegen.SiteSpec(dims["pages"], dims["terms"],
                                                       dims["questions"], seed)))
    return points


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=(
        "Build synthetic sites with and without mkdocs-faq-plugin and its peers, and "
        "report how much time each adds."))
    sub = ap.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="generate sites, time every configuration, write a report")
    run.add_argument("--sizes", help=f"comma-separated: {', '.join([*SIZES, *GROUPS])} or "
                     "PxTxQ (e.g. 200x100x50); `targets` is the five sizes of our targets. "
                     "Without --sizes and --sweep: targets and the terms and questions sweeps")
    run.add_argument("--sweep", action="append", default=[],
                     help=f"also sweep one dimension: {', '.join(SWEEPS)} (repeat or "
                     "comma-separate for several)")
    run.add_argument("--runs", type=int, default=3, help="counted builds per configuration "
                     "after one warm-up (default 3)")
    run.add_argument("--configs", default=",".join(DEFAULT_CONFIGS),
                     help=f"comma-separated, from {', '.join(CONFIGS)} "
                     f"(default {','.join(DEFAULT_CONFIGS)})")
    run.add_argument("--out", type=Path, default=DEFAULT_OUT,
                     help="folder for generated sites, logs and results.json "
                     "(default benchmarks/out)")
    run.add_argument("--report", type=Path, default=DEFAULT_REPORT,
                     help="Markdown report to write; charts go to assets/benchmarks/ next to "
                     "it (default docs/benchmarks.md)")
    run.add_argument("--timeout", type=float, default=150.0,
                     help="stop a build after this many seconds; that configuration is then "
                     "skipped on larger sites (default 150)")
    run.add_argument("--seed", type=int, default=sitegen.DEFAULT_SEED)

    rep = sub.add_parser("report", help="re-render the report from a results.json")
    rep.add_argument("--results", type=Path, default=DEFAULT_OUT / "results.json")
    rep.add_argument("--report", type=Path, default=DEFAULT_REPORT)

    recall_command.add_parser(sub)
    recall_diff.add_parser(sub)
    import_cost.add_parser(sub)

    gen = sub.add_parser("generate", help="write one synthetic site (all configurations)")
    gen.add_argument("root", type=Path)
    gen.add_argument("--pages", type=int, required=True)
    gen.add_argument("--terms", type=int, required=True)
    gen.add_argument("--questions", type=int, required=True)
    gen.add_argument("--seed", type=int, default=sitegen.DEFAULT_SEED)
    return ap


def _log(message: str) -> None:
    print(message, flush=True)


def cmd_run(args: argparse.Namespace, ap: argparse.ArgumentParser) -> int:
    configs = _csv(args.configs)
    unknown = [c for c in configs if c not in CONFIGS]
    if unknown or not configs:
        ap.error(f"unknown config(s) {', '.join(unknown)}; choose from {', '.join(CONFIGS)}")
    if len(set(configs)) != len(configs):
        ap.error("--configs lists a configuration twice")
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    sweeps = [s for value in args.sweep for s in _csv(value)]
    bad = [s for s in sweeps if s not in SWEEPS]
    if bad:
        ap.error(f"unknown sweep(s) {', '.join(bad)}; choose from {', '.join(SWEEPS)}")
    if args.sizes is None and not sweeps:
        sweeps = list(DEFAULT_SWEEPS)
    try:
        sizes = parse_sizes(args.sizes if args.sizes is not None
                            else ("" if args.sweep else "targets"), args.seed)
    except (argparse.ArgumentTypeError, ValueError) as exc:
        ap.error(str(exc))
    if not sizes and not sweeps:
        ap.error("nothing to run: give --sizes and/or --sweep")
    if "plain" not in configs:
        _log("note: without `plain` there is no baseline; ratios are left empty")

    out_dir: Path = args.out.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    report_path: Path = args.report.resolve()
    environment = runner.prepare_environment(out_dir, any(c in NEEDS_PLUGIN for c in configs))
    for note in environment.notes:
        _log(f"note: {note}")
    opts = runner.RunOptions(configs=configs, runs=args.runs, timeout=args.timeout,
                             out_dir=out_dir, environment=environment, log=_log)
    meta: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "command": "python -m benchmarks " + shlex.join(sys.argv[1:]),
        "runs": args.runs, "timeout": args.timeout, "seed": args.seed,
        "configs": configs, "machine": machine.describe(),
        "notes": list(environment.notes),
    }
    if "ours" in configs:
        meta["import"] = imports.measure(environment.env)
        _log(f"plugin import: {imports.describe(meta['import'])}")
    results = report.Results(meta=meta)
    too_slow: dict[str, sitegen.SiteSpec] = {}
    for name, spec in sizes:
        results.cases.append(runner.run_case(name, spec, opts, too_slow))
    # Sweeps show how our cost scales; the peers' scaling is in the size tables already,
    # and their slowest points would take hours.
    sweep_configs = [c for c in configs if c in SWEEP_CONFIGS] or configs
    sweep_opts = dataclasses.replace(opts, configs=sweep_configs, phases=False)
    if sweeps:
        meta["sweep_configs"] = sweep_configs
    for axis in sweeps:
        slow: dict[str, sitegen.SiteSpec] = {}
        results.sweeps[axis] = [runner.run_case(name, spec, sweep_opts, slow)
                                for name, spec in sweep_points(axis, args.seed)]

    machine_info = meta["machine"]
    if isinstance(machine_info, dict):
        machine_info["load_average_end"] = machine.load_average()
    if environment.cli_cmd is None and "ours" in configs:
        meta["notes"] = [*environment.notes, f"`mkdocs-faq check`: {environment.cli_note}."]
    results_path = out_dir / "results.json"
    results_path.write_text(json.dumps(results.to_json(), indent=1) + "\n", encoding="utf-8")
    written = report.write_report(results, report_path)
    _log(f"raw results: {results_path}")
    for path in written:
        _log(f"wrote {path}")
    return _exit_status(results)


def _exit_status(results: report.Results) -> int:
    failed = 0
    for case in [*results.cases, *(c for v in results.sweeps.values() for c in v)]:
        for name, result in case.configs.items():
            if result.status == "failed" or (name in NEEDS_PLUGIN and result.status == "timeout"):
                failed += 1
                print(f"\nFAILED [{case.name}] {name}: {result.reason}", file=sys.stderr)
                if result.stderr_tail:
                    print("---- last lines of its stderr ----", file=sys.stderr)
                    print(result.stderr_tail, file=sys.stderr)
                    print("----", file=sys.stderr)
        for config, phases in case.phases.items():
            if phases.get("status") != "ok":
                failed += 1
                print(f"\nFAILED [{case.name}] {config} under benchmarks.phases: "
                      f"{phases.get('note')}", file=sys.stderr)
                print("---- last lines of its stderr ----", file=sys.stderr)
                print(phases.get("stderr_tail", ""), file=sys.stderr)
                print("----", file=sys.stderr)
    return 1 if failed else 0


def cmd_report(args: argparse.Namespace) -> int:
    data = json.loads(args.results.read_text(encoding="utf-8"))
    results = report.Results.from_json(data)
    for path in report.write_report(results, args.report.resolve()):
        _log(f"wrote {path}")
    return 0


def cmd_generate(args: argparse.Namespace, ap: argparse.ArgumentParser) -> int:
    try:
        spec = sitegen.SiteSpec(args.pages, args.terms, args.questions, args.seed)
    except ValueError as exc:
        ap.error(str(exc))
    manifest = sitegen.generate(spec, args.root)
    _log(f"wrote {args.root}: {spec.pages} pages (~{manifest.prose_words // spec.pages} prose "
         f"words each), {spec.terms} terms, {spec.questions} questions, "
         f"{manifest.expected_mentions} term mentions")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = _parser()
    args = ap.parse_args(argv)
    if args.command == "run":
        return cmd_run(args, ap)
    if args.command == "report":
        return cmd_report(args)
    if args.command == "recall":
        return recall_command.main(args)
    if args.command == "recall-diff":
        return recall_diff.main(args)
    if args.command == "import-cost":
        return import_cost.main(args, _log)
    return cmd_generate(args, ap)
