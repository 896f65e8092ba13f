"""Render the raw results (the JSON the runner writes) as a Markdown page and SVG charts."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import targets as target_list
from .configs import CONFIGS, OURS
from .imports import describe as describe_import
from .runner import CaseResult, ConfigResult

CHART_DIR = Path("assets") / "benchmarks"
COLORS = {"plain": "#7f7f7f", "prebuilt": "#8c564b", "ours": "#1f77b4", "ours-all": "#17becf",
          "abbr": "#ff7f0e", "abbr-spaced": "#bcbd22", "ezglossary": "#2ca02c",
          "macros": "#9467bd"}
SWEEP_AXES = {"terms": "terms", "questions": "questions", "pages": "pages"}


@dataclass
class Results:
    """Everything one `python -m benchmarks run` measured."""

    meta: dict[str, Any]
    cases: list[CaseResult] = field(default_factory=list)
    sweeps: dict[str, list[CaseResult]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"meta": self.meta, "cases": [c.to_json() for c in self.cases],
                "sweeps": {k: [c.to_json() for c in v] for k, v in self.sweeps.items()}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Results:
        return cls(meta=dict(data.get("meta") or {}),
                   cases=[CaseResult.from_json(c) for c in data.get("cases") or []],
                   sweeps={k: [CaseResult.from_json(c) for c in v]
                           for k, v in (data.get("sweeps") or {}).items()})

    def all_configs(self) -> list[str]:
        seen: dict[str, None] = {}
        for case in [*self.cases, *(c for v in self.sweeps.values() for c in v)]:
            for name in case.configs:
                seen.setdefault(name, None)
        return list(seen)


# ----------------------------------------------------------------------------- formatting
def _s(x: float | None) -> str:
    if x is None:
        return "–"
    return f"{x:.0f} s" if x >= 100 else f"{x:.2f} s"


def _num(x: float | None, digits: int = 2) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def _ratio(x: float | None) -> str:
    if x is None:
        return "–"
    return f"{x:.0f}×" if x >= 100 else f"{x:.2f}×"


def _signed(x: float | None) -> str:
    return "–" if x is None else f"{x:+.2f} s"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _table(header: Sequence[str], align: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    sep = ["---:" if a == "r" else "---" for a in align]
    return [_row(header), "| " + " | ".join(sep) + " |", *(_row(r) for r in rows)]


def _spec_text(case: CaseResult) -> str:
    s = case.spec
    return f"{s.pages:,} pages, {s.terms:,} terms, {s.questions:,} questions"


def _timeout(results: Results) -> float:
    value = results.meta.get("timeout", 0)
    return float(value) if isinstance(value, (int, float)) else 0.0


def _status_text(result: ConfigResult) -> str:
    if result.status == "ok":
        problems = (result.verification or {}).get("problems") or []
        return "ok" if not problems else "ok; verification: " + "; ".join(map(str, problems))
    return f"{result.status}: {result.reason}"


def _tooltips(result: ConfigResult) -> str:
    if not result.verification:
        return "–"
    return f"{int(result.verification.get('marks', 0)):,}"


# ----------------------------------------------------------------------------- sections
def _load(value: object) -> str:
    return " / ".join(map(str, value)) if isinstance(value, list) else "–"


def _machine(meta: Mapping[str, Any]) -> list[str]:
    machine = meta.get("machine")
    if not isinstance(machine, dict):
        return ["Machine description not recorded.", ""]
    versions = machine.get("versions") or {}
    assert isinstance(versions, dict)
    sw = ", ".join(f"{k} {v}" for k, v in versions.items() if v) or "–"
    missing = ", ".join(k for k, v in versions.items() if not v)
    lines = [
        f"- **CPU:** {machine.get('cpu')} — {machine.get('cores_logical')} logical cores "
        f"({machine.get('cores_usable')} usable by the benchmark)",
        f"- **RAM:** {machine.get('ram_gib')} GiB",
        f"- **OS:** {machine.get('os')}",
        f"- **Python:** {machine.get('python')}",
        f"- **Packages:** {sw}",
    ]
    if missing:
        lines.append(f"- **Not installed:** {missing}")
    start, end = machine.get("load_average_start"), machine.get("load_average_end")
    if start or end:
        lines.append(f"- **Load average (1/5/15 min):** {_load(start)} at the start, {_load(end)} "
                     "at the end (other work on the machine makes numbers noisier)")
    if machine.get("git_revision"):
        lines.append(f"- **Repository revision:** `{machine.get('git_revision')}`")
    return [*lines, ""]


def _case_table(case: CaseResult, timeout: float) -> list[str]:
    plain = case.plain
    plain_median = plain.summary(None)["median_wall"] if plain else None
    rows: list[list[object]] = []
    for name, result in case.configs.items():
        summary = case.summary(name)
        if result.status == "timeout":
            bound = f"> {timeout:.0f} s"
            ratio = f"> {timeout / plain_median:.0f}×" if plain_median else "–"
            rows.append([name, bound, "–", "–", "–", "–", ratio, "–", "–", "–", "–",
                         _status_text(result)])
            continue
        if not result.samples:
            rows.append([name, *["–"] * 10, _status_text(result)])
            continue
        own = _ratio(summary["prebuilt_ratio"]) if name in OURS else "–"
        rows.append([
            name, _s(summary["median_wall"]),
            f"{_num(summary['min_wall'])}–{_num(summary['max_wall'])} s",
            _s(summary["median_cpu"]), _num(summary["max_peak_mib"], 0),
            _mib(summary["added_mib"]) if name != "plain" else "–",
            _ratio(summary["ratio"]), own, _signed(summary["added_seconds"]),
            _ratio(summary["cpu_ratio"]), _tooltips(result), _status_text(result),
        ])
    return _table(["config", "median wall", "min–max", "CPU (user+sys)", "peak MiB",
                   "peak over plain", "× plain", "× prebuilt", "added", "CPU × plain",
                   "tooltips", "status"],
                  ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r", "l"], rows)


def _mib(x: float | None) -> str:
    return "–" if x is None else f"{x:+.0f} MiB"


# Phases of `benchmarks.phases`, in build order, with what they are.
PHASE_LABELS: dict[str, str] = {
    "startup.imports": "Python start-up and MkDocs' imports",
    "mkdocs.load_config": "read mkdocs.yml, import and set up plugins",
    "faq.on_config": "faq: read faq.yml, render the generated pages",
    "mkdocs.files": "collect the docs files",
    "mkdocs.nav": "build the navigation",
    "mkdocs.markdown": "Markdown → HTML, every page",
    "faq.linking": "… of which the faq term linker",
    "faq.on_page_markdown": "faq: per-page set-up",
    "faq.on_page_content": "faq: JSON-LD answers",
    "faq.on_env": "faq: \"Used in\" lists, unused terms",
    "theme.template": "theme templates (navigation, page)",
    "material/search.on_page_context": "search plugin: index every page",
    "search.on_page_context": "search plugin: index every page",
    "faq.on_post_page": "faq: JSON-LD into <head>",
    "mkdocs.write": "write the HTML files",
    "mkdocs.static_files": "copy static files",
    "material/search.on_post_build": "search plugin: write the index",
    "search.on_post_build": "search plugin: write the index",
    "faq.on_post_build": "faq: write faq.json",
}


def _phase_table(case: CaseResult) -> list[str]:
    runs = {name: data for name, data in case.phases.items() if data.get("status") == "ok"}
    if not runs:
        return []
    names = list(runs)
    values: dict[str, dict[str, float]] = {}
    for name, data in runs.items():
        row = dict(data.get("phases") or {})
        for key, seconds in (data.get("faq") or {}).items():
            if key == "linking":
                row["faq.linking"] = float(seconds)
        row["other"] = float(data.get("other") or 0.0)
        values[name] = row
    keys = [k for k in PHASE_LABELS if any(k in v for v in values.values())]
    keys += sorted({k for v in values.values() for k in v} - set(keys) - {"other"})
    keys.append("other")
    rows: list[list[object]] = []
    for key in keys:
        cells = [values[name].get(key, 0.0) for name in names]
        if max(cells) < 0.005:
            continue
        label = PHASE_LABELS.get(key, "everything else" if key == "other" else key)
        row: list[object] = [label, *(f"{c:.2f}" for c in cells)]
        if "ours" in values and "prebuilt" in values:
            row.append(f"{values['ours'].get(key, 0.0) - values['prebuilt'].get(key, 0.0):+.2f}")
        rows.append(row)
    totals: list[object] = ["**total CPU seconds**", *(f"**{runs[n]['total']:.2f}**" for n in names)]
    if "ours" in runs and "prebuilt" in runs:
        totals.append(f"**{runs['ours']['total'] - runs['prebuilt']['total']:+.2f}**")
    rows.append(totals)
    rows.append(["peak RSS, MiB (phase that set it)",
                 *(f"{runs[n]['peak_mib']:.0f} ({runs[n].get('peak_phase', '?')})" for n in names),
                 *([""] if "ours" in runs and "prebuilt" in runs else [])])
    header = ["phase", *(f"{n} s" for n in names)]
    if "ours" in runs and "prebuilt" in runs:
        header.append("ours − prebuilt")
    return ["Where the CPU time goes: one more build of each with `benchmarks/phases.py` "
            "(timers around every MkDocs step and plugin event; CPU seconds, not wall).", "",
            *_table(header, ["l", *["r"] * (len(header) - 1)], rows), ""]


def _profile_lines(case: CaseResult) -> list[str]:
    profile = case.profile
    if not profile:
        return []
    phases = profile.get("phases")
    if isinstance(phases, dict) and phases:
        total = sum(float(v) for v in phases.values())
        cells = ", ".join(f"{k} {float(v):.3f} s" for k, v in phases.items())
        return [f"Plugin phases (one extra build with `MKDOCS_FAQ_PROFILE=1`): {cells} "
                f"(sum {total:.3f} s).", ""]
    lines = [f"Plugin phases: not available — {profile.get('note') or 'no profile line'}.", ""]
    if profile.get("stderr_tail"):
        lines += ["<details><summary>ours with <code>MKDOCS_FAQ_PROFILE=1</code>: last lines of "
                  "its stderr</summary>", "", "```text", str(profile["stderr_tail"]), "```", "",
                  "</details>", ""]
    return lines


def _check_lines(case: CaseResult) -> list[str]:
    check = case.check
    if not check:
        return []
    status = check.get("status")
    note = f" ({check['note']})" if check.get("note") and status != "skipped" else ""
    if status == "ok":
        wall = check.get("median_wall")
        return [f"`mkdocs-faq check faq.yml`: median {_s(wall if isinstance(wall, float) else None)}"
                f"{note}.", ""]
    if status == "failed":
        return [f"`mkdocs-faq check faq.yml` failed (exit {check.get('exit_code')}){note}:", "",
                "```text", str(check.get("stderr_tail", "")), "```", ""]
    return [f"`mkdocs-faq check faq.yml`: skipped — {check.get('note')}.", ""]


def _failures(case: CaseResult) -> list[str]:
    lines: list[str] = []
    for name, result in case.configs.items():
        if result.status == "failed":
            lines += [f"<details><summary>{name}: {result.reason} — last lines of its "
                      "stderr</summary>", "", "```text", result.stderr_tail or "(empty)", "```",
                      "", "</details>", ""]
    return lines


def _verification_table(results: Results) -> list[str]:
    rows: list[list[object]] = []
    for case in results.cases:
        for name, result in case.configs.items():
            v = result.verification
            if not v:
                continue
            rows.append([
                case.name, name, f"{v['marks']:,}", f"{v['marks_with_title']:,}",
                f"{v['expected_mentions']:,}" if name not in ("plain", "prebuilt") else "–",
                v["marks_in_headings"], v["marks_in_links"], v["marks_in_code"],
                f"{v['code_blocks'] - v['code_altered']}/{v['code_blocks']}",
                f"{v['inline_code'] - v['inline_altered']}/{v['inline_code']}",
                f"{v['faq_entries']}/{v['expected_faq_entries']}",
                v["json_ld_pages"],
                "✓" if v.get("code_untouched") and not v.get("problems") else
                "✗ " + "; ".join(map(str, v.get("problems") or ["code touched"])),
            ])
    if not rows:
        return ["No build was verified.", ""]
    return [*_table(
        ["size", "config", "marks", "with title", "prose mentions", "in headings",
         "in link text", "in code", "code blocks intact", "inline code intact", "FAQ entries",
         "JSON-LD pages", "verdict"],
        ["l", "l", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r", "l"], rows), ""]


def _sweep_table(axis: str, cases: Sequence[CaseResult], configs: Sequence[str],
                 timeout: float) -> list[str]:
    rows: list[list[object]] = []
    for case in cases:
        row: list[object] = [f"{getattr(case.spec, axis):,}"]
        for name in configs:
            result = case.configs.get(name)
            if result is None:
                row.append("–")
            elif result.status == "timeout":
                row.append(f"> {timeout:.0f} s")
            elif result.status == "skipped":
                row.append("skipped")
            elif result.status == "failed" or not result.samples:
                row.append("failed")
            else:
                summary = case.summary(name)
                wall = _s(summary["median_wall"])
                if name == "plain" or summary["ratio"] is None:
                    row.append(wall)
                elif name in OURS and summary["prebuilt_ratio"] is not None:
                    row.append(f"{wall} ({_ratio(summary['ratio'])}; "
                               f"{_ratio(summary['prebuilt_ratio'])} prebuilt)")
                else:
                    row.append(f"{wall} ({_ratio(summary['ratio'])})")
        rows.append(row)
    return _table([axis, *configs], ["r"] * (1 + len(configs)), rows)


def _targets_section(results: Results) -> list[str]:
    """One line per target size measured: ours against each bound, met or not."""
    rows: list[list[object]] = []
    for case in results.cases:
        target = target_list.target_for(case.spec)
        result = case.configs.get("ours")
        if target is None or result is None:
            continue
        if result.status != "ok" or not result.samples:
            rows.append([_spec_short(case), f"≤ {target.max_ratio:.2f}×", "–", "–", "–", "–",
                         "–", "–", f"✗ {result.status}"])
            continue
        summary = case.summary("ours")
        met = target_list.verdict(target, summary)

        def mark(ok: bool | None) -> str:
            return "" if ok is None else (" ✓" if ok else " ✗")

        plain = case.plain.summary(None)["median_wall"] if case.plain else None
        rows.append([
            _spec_short(case), _s(plain), _s(summary["median_wall"]),
            f"{_ratio(summary['ratio'])}{mark(met['ratio'])}", f"≤ {target.max_ratio:.2f}×",
            f"{_ratio(summary['prebuilt_ratio'])}{mark(met['own'])}",
            f"≤ {target.max_own:.2f}×" if target.max_own else "–",
            f"{_mib(summary['added_mib'])}{mark(met['memory'])}",
            f"≤ +{target.max_added_mib:.0f} MiB" if target.max_added_mib else "–",
        ])
    if not rows:
        return []
    return ["## Targets", "",
            "The default configuration (`ours`) against the targets of issue 18, measured in "
            "this run: *× plain* and *× prebuilt* are medians of per-round wall-time ratios; "
            "*peak over plain* is the median per-round difference of peak RSS. ✓ met, ✗ not "
            "met ([why](performance.md)).", "",
            *_table(["site (pages × terms × questions)", "plain", "ours", "ours × plain",
                     "target", "ours × prebuilt", "target", "peak over plain", "target"],
                    ["l", "r", "r", "r", "r", "r", "r", "r", "r"], rows), ""]


def _spec_short(case: CaseResult) -> str:
    s = case.spec
    return f"{s.pages:,} × {s.terms:,} × {s.questions:,}"


def _import_lines(meta: Mapping[str, Any]) -> list[str]:
    result = meta.get("import")
    if not isinstance(result, dict):
        return []
    return ["## Import time", "",
            "`import mkdocs_faq_plugin.plugin` in a fresh interpreter after the modules every "
            "MkDocs build imports anyway (MkDocs, Jinja2, Markdown, PyYAML), from "
            f"`python -X importtime`: {describe_import(result)}.", ""]


# ----------------------------------------------------------------------------- charts
def _line_points(cases: Sequence[CaseResult], axis: str, config: str,
                 key: str) -> tuple[list[float], list[float]]:
    xs: list[float] = []
    ys: list[float] = []
    for case in cases:
        result = case.configs.get(config)
        if result is None or result.status != "ok" or not result.samples:
            continue
        value = case.summary(config)[key]
        if value is not None:
            xs.append(float(getattr(case.spec, axis)))
            ys.append(float(value))
    return xs, ys


def write_charts(results: Results, chart_dir: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """Write SVG charts; returns ([(file name, caption)], notes)."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter
    except ImportError:
        return [], ["matplotlib is not installed, so no charts were drawn "
                    "(pip install -e '.[benchmarks]')."]
    plt.rcParams["svg.hashsalt"] = "mkdocs-faq-plugin-benchmarks"
    plt.rcParams["svg.fonttype"] = "none"
    chart_dir.mkdir(parents=True, exist_ok=True)
    charts: list[tuple[str, str]] = []
    notes: list[str] = []
    configs = results.all_configs()

    def log_axis(axis: Any, unit: str) -> None:
        axis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
        axis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}{unit}"))
        axis.set_minor_formatter(NullFormatter())

    def save(fig: Any, name: str, caption: str) -> None:
        fig.savefig(chart_dir / name, format="svg", metadata={"Date": None})
        plt.close(fig)
        charts.append((name, caption))

    sized = [c for c in results.cases if c.plain is not None]
    compared = [n for n in configs if n != "plain" and any(
        n in c.configs and c.configs[n].status == "ok" and c.configs[n].samples for c in sized)]
    if compared:
        fig, ax = plt.subplots(figsize=(7, 4))
        labels = [f"{c.name}\n{c.spec.pages}p/{c.spec.terms}t/{c.spec.questions}q" for c in sized]
        top = 1.0
        for name in compared:
            xs: list[float] = []
            ys: list[float] = []
            for i, case in enumerate(sized):
                result = case.configs.get(name)
                if result and result.status == "ok" and result.samples:
                    ratio = case.summary(name)["ratio"]
                    if ratio is not None:
                        xs.append(i)
                        ys.append(ratio)
            if xs:
                ax.plot(xs, ys, marker="o", label=name, color=COLORS.get(name))
                top = max(top, *ys)
        ax.axhline(1.0, color="grey", linewidth=0.8, linestyle="--")
        ax.set_xticks(range(len(sized)), labels)
        if top > 5:
            ax.set_yscale("log")
            log_axis(ax.yaxis, "×")
        ax.set_ylabel("build time ÷ plain build time")
        ax.set_title("Build time relative to a plain Material site")
        ax.legend()
        fig.tight_layout()
        save(fig, "ratio-vs-size.svg", "Build time relative to plain, by site size")
    elif results.cases:
        notes.append("`ratio-vs-size.svg` needs plain and at least one other configuration "
                     "that built successfully; not drawn in this run.")
    for axis, cases in results.sweeps.items():
        lines = [(name, *_line_points(cases, axis, name, "median_wall")) for name in configs]
        lines = [line for line in lines if line[1]]
        if not lines:
            notes.append(f"`time-vs-{axis}.svg`: no successful builds to draw.")
            continue
        fig, ax = plt.subplots(figsize=(7, 4))
        for name, xs, ys in lines:
            ax.plot(xs, ys, marker="o", label=name, color=COLORS.get(name))
        fixed = ", ".join(f"{k} = {getattr(cases[0].spec, k):,}"
                          for k in ("pages", "terms", "questions") if k != axis)
        ax.set_xscale("log")
        ax.set_yscale("log")
        log_axis(ax.xaxis, "")
        log_axis(ax.yaxis, " s")
        ax.set_xlabel(axis)
        ax.set_ylabel("median wall seconds of mkdocs build")
        ax.set_title(f"Build time vs {axis} ({fixed})")
        ax.legend()
        fig.tight_layout()
        save(fig, f"time-vs-{axis}.svg", f"Build time by number of {axis} ({fixed})")
    if "terms" not in results.sweeps:
        notes.append("`time-vs-terms.svg` needs `--sweep terms`; not drawn in this run.")
    return charts, notes


# ----------------------------------------------------------------------------- page
def render(results: Results, report_path: Path, charts: Sequence[tuple[str, str]],
           chart_notes: Sequence[str]) -> str:
    meta = results.meta
    timeout = _timeout(results)
    out: list[str] = [
        "# Benchmarks",
        "",
        "How much time does a glossary with tooltips and an FAQ add to an MkDocs build? This "
        "page is generated by `python -m benchmarks`; do not edit it by hand.",
        "",
        f"- **Measured:** {meta.get('date')}",
        f"- **Command:** `{meta.get('command')}`",
        f"- **Method:** {meta.get('runs')} counted build(s) per configuration after one "
        "uncounted warm-up; every counted round builds each configuration once, in rotating "
        "order, as a fresh `python -m mkdocs build -q` process. Wall time is measured around "
        "the process; CPU time (user+sys) and peak RSS come from `os.wait4`. *× plain* is the "
        "median of per-round ratios to the plain build of the same round; *added* is the "
        "median of per-round differences; *CPU × plain* is the same ratio for CPU time, which "
        "other work on the machine disturbs less than wall time. A build that takes longer than "
        f"{timeout:.0f} s is stopped and its configuration skipped on larger sites.",
        "- **Sites:** generated deterministically (seed "
        f"{meta.get('seed')}); every configuration builds the same ~600-word pages with the "
        "Material theme. *tooltips* counts the annotated terms in the output.",
        "",
        "## Machine",
        "",
        *_machine(meta),
    ]
    notes = meta.get("notes")
    if isinstance(notes, list) and notes:
        out += ["## Notes", "", *(f"- {n}" for n in notes), ""]

    out += _targets_section(results)
    out += _import_lines(meta)
    out += ["## Configurations", ""]
    out += _table(["config", "what it is"], ["l", "l"],
                  [[n, f"**{CONFIGS[n].title}** — {CONFIGS[n].description}"
                    if n in CONFIGS else n] for n in results.all_configs()])
    out.append("")

    if results.cases:
        out += ["## Results by site size", ""]
        for case in results.cases:
            out += [f"### {case.name}: {_spec_text(case)}", ""]
            out += _case_table(case, timeout)
            out.append("")
            out += _phase_table(case) or _profile_lines(case)
            out += _check_lines(case) + _failures(case)
        out += ["## Verification", "",
                "Term annotations found in the built pages (*marks*), where they landed, and "
                "whether every fenced code block and inline code span came out exactly as "
                "written. *Prose mentions* is how many mentions the generator wrote outside "
                "headings, link text and code (with `annotate: all`, ours should match it; "
                "the abbr recipe also marks headings, link text and glossary entries).", ""]
        out += _verification_table(results)

    if results.sweeps:
        out += ["## Sweeps", "",
                "Median wall time of `mkdocs build` (ratio to plain in brackets) while one "
                "dimension grows; ours also over prebuilt. Sweeps build only plain, prebuilt and ours: "
                "they show how the plugin scales, and the peers' slowest points would take hours.",
                ""]
        for axis, cases in results.sweeps.items():
            if not cases:
                continue
            fixed = ", ".join(f"{k} = {getattr(cases[0].spec, k):,}"
                              for k in ("pages", "terms", "questions") if k != axis)
            out += [f"### {axis} ({fixed})", ""]
            configs = [n for n in results.all_configs() if any(n in c.configs for c in cases)]
            out += _sweep_table(axis, cases, configs, timeout)
            out.append("")
            for case in cases:
                profile = _profile_lines(case)
                if profile and case.profile and case.profile.get("phases"):
                    out += [f"{axis} = {getattr(case.spec, axis):,}: " + profile[0], ""]
                out += _failures(case)

    if charts or chart_notes:
        out += ["## Charts", ""]
        rel = os.path.relpath(report_path.parent / CHART_DIR, report_path.parent)
        for name, caption in charts:
            out += [f"![{caption}]({Path(rel, name).as_posix()})", ""]
        out += [f"- {n}" for n in chart_notes]
        if chart_notes:
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def write_report(results: Results, report_path: Path) -> list[Path]:
    """Write the Markdown page and its charts; returns the files written."""
    report_path.parent.mkdir(parents=True, exist_ok=True)
    chart_dir = report_path.parent / CHART_DIR
    charts, chart_notes = write_charts(results, chart_dir)
    text = render(results, report_path, charts, chart_notes)
    if report_path.exists():  # the recall section is written by `python -m benchmarks recall`
        from .recall.report import keep_section

        text = keep_section(report_path.read_text(encoding="utf-8"), text)
    report_path.write_text(text, encoding="utf-8")
    return [report_path, *(chart_dir / name for name, _ in charts)]
