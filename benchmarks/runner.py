"""Whole-process timing of `mkdocs build` for every configuration, alternating runs.

Each build is a fresh `python -m mkdocs build -q -f mkdocs.CONFIG.yml` child process. Wall
time is measured around it; user+sys CPU time and peak RSS come from `os.wait4`. After one
uncounted warm-up round, every counted round builds each configuration once (the order
rotates between rounds), so a configuration's ratio to plain is taken from builds that ran
next to each other.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import sitegen, verify
from .configs import (
    PLUGIN_DIST,
    PLUGIN_ENTRY_POINT,
    REPO_ROOT,
    missing_requirement,
    plugin_installed,
)

PROFILE_ENV = "MKDOCS_FAQ_PROFILE"
_PROFILE_LINE = re.compile(
    r"mkdocs_faq_plugin: profile((?:\s+[A-Za-z_][\w.-]*=[-+0-9.eE]+)+)")
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
TAIL_LINES = 25

Log = Callable[[str], None]


# ----------------------------------------------------------------------------- samples
@dataclass(frozen=True)
class Sample:
    """One child process: wall and CPU seconds, peak RSS in MiB, exit code."""

    wall: float
    cpu: float
    peak_mib: float
    exit_code: int
    timed_out: bool = False
    round: int = -1
    """Counted round (0-based); -1 for a warm-up or an extra run."""

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and not self.timed_out


def run_child(cmd: Sequence[str], *, cwd: Path, env: Mapping[str, str], timeout: float,
              stderr_path: Path, round_index: int = -1) -> Sample:
    """Run `cmd` to completion (or kill it after `timeout` seconds) and measure it."""
    stderr_path.parent.mkdir(parents=True, exist_ok=True)
    with open(stderr_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), cwd=cwd, env=dict(env), stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=err)
        lock = threading.Lock()
        state = {"reaped": False, "killed": False}

        def kill() -> None:
            with lock:
                if not state["reaped"]:
                    state["killed"] = True
                    os.kill(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.daemon = True
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            with lock:
                state["reaped"] = True
            timer.cancel()
        wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code  # already reaped by wait4: keep Popen from waiting again
    return Sample(wall=wall, cpu=usage.ru_utime + usage.ru_stime,
                  peak_mib=usage.ru_maxrss / 1024.0, exit_code=code,
                  timed_out=state["killed"], round=round_index)


def tail(path: Path, lines: int = TAIL_LINES) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    text = _ANSI.sub("", text)
    return "\n".join(text.rstrip().splitlines()[-lines:])


def _median(xs: Sequence[float]) -> float | None:
    return statistics.median(xs) if xs else None


def _paired(samples: Sequence[Sample], baseline: Sequence[Sample],
            key: str) -> tuple[list[float], list[float]]:
    """Per-round ratios and differences of `key` against the baseline's build of that round."""
    by_round = {s.round: float(getattr(s, key)) for s in baseline}
    ratios: list[float] = []
    differences: list[float] = []
    for sample in samples:
        base = by_round.get(sample.round)
        if base is None:
            continue
        value = float(getattr(sample, key))
        differences.append(value - base)
        if base > 0:
            ratios.append(value / base)
    return ratios, differences


# ----------------------------------------------------------------------------- results
@dataclass
class ConfigResult:
    config: str
    status: str = "pending"
    """ok | skipped | failed | timeout"""
    reason: str = ""
    samples: list[Sample] = field(default_factory=list)
    warmup: list[Sample] = field(default_factory=list)
    stderr_tail: str = ""
    verification: dict[str, Any] | None = None

    def walls(self) -> list[float]:
        return [s.wall for s in self.samples]

    def summary(self, plain: ConfigResult | None,
                prebuilt: ConfigResult | None = None) -> dict[str, float | None]:
        """Medians, and ratios to `plain` (and to `prebuilt`) from builds of the same round."""
        walls = self.walls()
        out: dict[str, float | None] = {
            "median_wall": _median(walls),
            "min_wall": min(walls) if walls else None,
            "max_wall": max(walls) if walls else None,
            "median_cpu": _median([s.cpu for s in self.samples]),
            "median_peak_mib": _median([s.peak_mib for s in self.samples]),
            "max_peak_mib": max((s.peak_mib for s in self.samples), default=None),
            "ratio": None, "min_ratio": None, "max_ratio": None, "added_seconds": None,
            "cpu_ratio": None, "added_mib": None, "prebuilt_ratio": None,
            "prebuilt_cpu_ratio": None,
        }
        if plain is not None and plain.samples:
            ratios, added = _paired(self.samples, plain.samples, "wall")
            if ratios:
                out["ratio"] = statistics.median(ratios)
                out["min_ratio"] = min(ratios)
                out["max_ratio"] = max(ratios)
                out["added_seconds"] = statistics.median(added)
            out["cpu_ratio"] = _median(_paired(self.samples, plain.samples, "cpu")[0])
            mib = _paired(self.samples, plain.samples, "peak_mib")[1]
            out["added_mib"] = _median(mib)
        if prebuilt is not None and prebuilt.samples and prebuilt is not self:
            out["prebuilt_ratio"] = _median(_paired(self.samples, prebuilt.samples, "wall")[0])
            out["prebuilt_cpu_ratio"] = _median(
                _paired(self.samples, prebuilt.samples, "cpu")[0])
        return out

    def to_json(self, plain: ConfigResult | None,
                prebuilt: ConfigResult | None = None) -> dict[str, object]:
        return {
            "config": self.config, "status": self.status, "reason": self.reason,
            "samples": [vars(s) for s in self.samples],
            "warmup": [vars(s) for s in self.warmup],
            "stderr_tail": self.stderr_tail, "verification": self.verification,
            "summary": self.summary(plain, prebuilt),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ConfigResult:
        return cls(str(data["config"]), str(data["status"]), str(data.get("reason", "")),
                   [Sample(**s) for s in data.get("samples", [])],
                   [Sample(**s) for s in data.get("warmup", [])],
                   str(data.get("stderr_tail", "")), data.get("verification"))


@dataclass
class CaseResult:
    """One site size: every configuration, the plugin's phase profile, the CLI check."""

    name: str
    spec: sitegen.SiteSpec
    site_dir: str
    configs: dict[str, ConfigResult] = field(default_factory=dict)
    generate_seconds: float = 0.0
    expected_mentions: int = 0
    profile: dict[str, Any] | None = None
    check: dict[str, Any] | None = None
    phases: dict[str, Any] = field(default_factory=dict)
    """Configuration → one instrumented build's phases (`benchmarks.phases`)."""
    prepare: dict[str, Any] = field(default_factory=dict)
    """Configuration → how its docs folder was prepared (`prebuilt`: `mkdocs-faq generate`)."""

    @property
    def plain(self) -> ConfigResult | None:
        plain = self.configs.get("plain")
        return plain if plain is not None and plain.samples else None

    @property
    def prebuilt(self) -> ConfigResult | None:
        prebuilt = self.configs.get("prebuilt")
        return prebuilt if prebuilt is not None and prebuilt.samples else None

    def summary(self, config: str) -> dict[str, float | None]:
        return self.configs[config].summary(self.plain, self.prebuilt)

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "spec": {"pages": self.spec.pages, "terms": self.spec.terms,
                     "questions": self.spec.questions, "seed": self.spec.seed},
            "site_dir": self.site_dir, "generate_seconds": self.generate_seconds,
            "expected_mentions": self.expected_mentions,
            "configs": {k: v.to_json(self.plain, self.prebuilt) for k, v in self.configs.items()},
            "profile": self.profile, "check": self.check, "phases": self.phases,
            "prepare": self.prepare,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CaseResult:
        spec = data["spec"]
        return cls(
            name=str(data["name"]),
            spec=sitegen.SiteSpec(int(spec["pages"]), int(spec["terms"]),
                                  int(spec["questions"]), int(spec["seed"])),
            site_dir=str(data["site_dir"]),
            configs={k: ConfigResult.from_json(v) for k, v in data["configs"].items()},
            generate_seconds=float(data.get("generate_seconds", 0.0)),
            expected_mentions=int(data.get("expected_mentions", 0)),
            profile=data.get("profile"),
            check=data.get("check"),
            phases=dict(data.get("phases") or {}),
            prepare=dict(data.get("prepare") or {}),
        )


# ----------------------------------------------------------------------------- environment
@dataclass
class Environment:
    """How child processes are started: interpreter, environment variables, notes."""

    env: dict[str, str]
    notes: list[str]
    cli_cmd: list[str] | None
    """How to run `mkdocs-faq` (check, generate), or None when it cannot run."""
    cli_note: str

    @property
    def check_cmd(self) -> list[str] | None:
        return [*self.cli_cmd, "check"] if self.cli_cmd else None

    @property
    def check_note(self) -> str:
        return self.cli_note


def _plugin_shim(out_dir: Path) -> Path:
    """A `.dist-info` folder registering the `faq` entry point for an uninstalled checkout.

    With it and the repository root on PYTHONPATH, child processes load the plugin straight
    from the source tree (`importlib.metadata` finds distributions on `sys.path`).
    """
    shim = out_dir / "_plugin_shim"
    info = shim / "mkdocs_faq_plugin-0.0.0+source.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {PLUGIN_DIST}\nVersion: 0.0.0+source\n", encoding="utf-8")
    name, target = PLUGIN_ENTRY_POINT
    (info / "entry_points.txt").write_text(
        f"[mkdocs.plugins]\n{name} = {target}\n\n[console_scripts]\n"
        "mkdocs-faq = mkdocs_faq_plugin.cli:main\n", encoding="utf-8")
    return shim


def prepare_environment(out_dir: Path, want_plugin: bool) -> Environment:
    env = dict(os.environ)
    env.pop(PROFILE_ENV, None)
    env["NO_MKDOCS_2_WARNING"] = "1"  # Material's banner on every build
    env["PYTHONHASHSEED"] = "0"
    notes: list[str] = []
    if env.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
        # An installed package comes with its bytecode (pip compiles it); without a cache our
        # modules alone would be compiled again on every build.
        notes.append("PYTHONDONTWRITEBYTECODE was set; the builds ran without it, so Python "
                     "caches bytecode as it does for an installed package.")
    from_source = False
    if want_plugin and not plugin_installed():
        shim = _plugin_shim(out_dir)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(REPO_ROOT), str(shim), env.get("PYTHONPATH", "")) if p)
        from_source = True
        notes.append(f"{PLUGIN_DIST} is not installed in this interpreter; `ours` loaded it "
                     f"from the source tree ({REPO_ROOT}) through an entry-point shim.")

    cli_cmd: list[str] | None = None
    cli_note = ""
    script = Path(sys.executable).parent / "mkdocs-faq"
    found = str(script) if script.exists() else shutil.which("mkdocs-faq")
    if found and not from_source:
        cli_cmd = [found]
    elif from_source and (REPO_ROOT / "mkdocs_faq_plugin" / "cli.py").exists():
        cli_cmd = [sys.executable, "-c",
                   "import sys; from mkdocs_faq_plugin.cli import main; sys.exit(main())"]
        cli_note = "run as `python -c 'from mkdocs_faq_plugin.cli import main; …'` " \
                   "from the source tree"
    else:
        cli_note = "the `mkdocs-faq` command does not exist yet; not timed"
    return Environment(env, notes, cli_cmd, cli_note)


# ----------------------------------------------------------------------------- one case
@dataclass
class RunOptions:
    configs: Sequence[str]
    runs: int
    timeout: float
    out_dir: Path
    environment: Environment
    log: Log
    phases: bool = True
    """Also build plain, prebuilt and ours once under `benchmarks.phases`."""


def build_cmd(config: str, quiet: bool = True) -> list[str]:
    cmd = [sys.executable, "-m", "mkdocs", "build"]
    if quiet:
        cmd.append("-q")
    return [*cmd, "-f", f"mkdocs.{config}.yml"]


def _fmt(sample: Sample) -> str:
    if sample.timed_out:
        return "timed out"
    if sample.exit_code != 0:
        return f"FAILED (exit {sample.exit_code})"
    return f"{sample.wall:7.2f} s  cpu {sample.cpu:7.2f} s  {sample.peak_mib:6.0f} MiB"


def _dominates(a: sitegen.SiteSpec, b: sitegen.SiteSpec) -> bool:
    return a.pages >= b.pages and a.terms >= b.terms and a.questions >= b.questions


def parse_profile(text: str) -> dict[str, float] | None:
    """The plugin's `mkdocs_faq_plugin: profile key=seconds …` log line, if any."""
    found: dict[str, float] | None = None
    for m in _PROFILE_LINE.finditer(_ANSI.sub("", text)):
        found = {}
        for item in m.group(1).split():
            key, _, value = item.partition("=")
            try:
                found[key] = float(value)
            except ValueError:
                continue
    return found


def run_case(name: str, spec: sitegen.SiteSpec, opts: RunOptions,
             too_slow: dict[str, sitegen.SiteSpec]) -> CaseResult:
    """Generate the site for `spec`, then time, profile and verify every configuration.

    `too_slow` maps a configuration to the smallest site it timed out on; it is skipped on
    sites at least as large in every dimension, and updated here.
    """
    log = opts.log
    root = opts.out_dir / "sites" / spec.slug
    logs = opts.out_dir / "logs" / spec.slug
    t0 = time.perf_counter()
    manifest = sitegen.generate(spec, root)
    case = CaseResult(name, spec, str(root), generate_seconds=time.perf_counter() - t0,
                      expected_mentions=manifest.expected_mentions)
    log(f"[{name}] site {spec.pages} pages, {spec.terms} terms, {spec.questions} questions "
        f"-> {root} ({case.generate_seconds:.1f} s)")

    active: list[str] = []
    for config in opts.configs:
        result = ConfigResult(config)
        case.configs[config] = result
        reason = missing_requirement(config)
        slow = too_slow.get(config)
        if reason is None and slow is not None and _dominates(spec, slow):
            reason = (f"timed out (> {opts.timeout:.0f} s) on a smaller site "
                      f"({slow.pages} pages, {slow.terms} terms, {slow.questions} questions)")
        if reason is None and config == "prebuilt":
            case.prepare[config] = _generate_prebuilt(root, logs, opts)
            if case.prepare[config]["status"] != "ok":
                result.status, result.reason = "failed", case.prepare[config]["note"]
                result.stderr_tail = case.prepare[config].get("stderr_tail", "")
                log(f"[{name}] {config}: {result.reason}")
                continue
        if reason is not None:
            result.status, result.reason = "skipped", reason
            log(f"[{name}] skipping {config}: {reason}")
        else:
            result.status = "ok"
            active.append(config)

    def one(config: str, round_index: int) -> Sample | None:
        result = case.configs[config]
        sample = run_child(build_cmd(config), cwd=root, env=opts.environment.env,
                           timeout=opts.timeout, stderr_path=logs / f"{config}.stderr",
                           round_index=round_index)
        label = "warm-up" if round_index < 0 else f"run {round_index + 1}/{opts.runs}"
        log(f"[{name}] {label:<9} {config:<12} {_fmt(sample)}")
        (result.warmup if round_index < 0 else result.samples).append(sample)
        if sample.ok:
            return sample
        active.remove(config)
        if sample.timed_out:
            result.status = "timeout"
            result.reason = f"build did not finish within {opts.timeout:.0f} s"
            too_slow[config] = spec
        else:
            result.status = "failed"
            result.reason = f"`mkdocs build` exited with code {sample.exit_code}"
            result.stderr_tail = tail(logs / f"{config}.stderr")
        return None

    for config in list(active):
        one(config, -1)
    for r in range(opts.runs):
        if not active:
            break
        shift = r % len(active)
        for config in active[shift:] + active[:shift]:
            if config in active:
                one(config, r)

    for config, result in case.configs.items():
        site = root / f"site_{config}"
        if result.status == "ok" and site.is_dir():
            result.verification = verify.verify_site(site, config, manifest).to_json()
            problems = result.verification.get("problems") or []
            log(f"[{name}] verify {config:<12} marks={result.verification['marks']} "
                f"problems={problems or 'none'}")

    for config in PHASE_CONFIGS:
        result = case.configs.get(config)
        if result is None or result.status != "ok" or not opts.phases:
            continue
        phases = _phases(config, root, logs, opts)
        case.phases[config] = phases
        if phases.get("status") != "ok":
            log(f"[{name}] phases {config}: {phases.get('note')}")
            continue
        log(f"[{name}] phases {config:<9} cpu {phases['total']:.2f} s, peak "
            f"{phases['peak_mib']:.0f} MiB during {phases['peak_phase']}")
        if config == "ours":
            case.profile = {"phases": phases.get("faq") or None, "exit_code": 0,
                            "note": "" if phases.get("faq") else "no profile line"}
    if "ours" in opts.configs and opts.phases:
        case.check = _time_check(root, logs, opts)
        check = case.check
        log(f"[{name}] mkdocs-faq check: " + (
            f"median {check['median_wall']:.3f} s" if check.get("status") == "ok"
            else f"{check.get('status')} {check.get('note') or ''}".rstrip()))
    return case


def _generate_prebuilt(root: Path, logs: Path, opts: RunOptions) -> dict[str, Any]:
    """Write `mkdocs-faq generate`'s pages into the prebuilt docs folder."""
    environment = opts.environment
    if environment.cli_cmd is None:
        return {"status": "failed", "note": f"`mkdocs-faq generate`: {environment.cli_note}"}
    cmd = [*environment.cli_cmd, "generate", "--out", sitegen.PREBUILT_DOCS, "faq.yml"]
    path = logs / "prebuilt.generate.stderr"
    sample = run_child(cmd, cwd=root, env=environment.env, timeout=opts.timeout,
                       stderr_path=path)
    if not sample.ok:
        return {"status": "failed", "note": f"`mkdocs-faq generate` exited {sample.exit_code}",
                "stderr_tail": tail(path)}
    return {"status": "ok", "note": "", "seconds": sample.wall}


PHASE_CONFIGS = ("plain", "prebuilt", "ours")
"""Configurations built once more under `benchmarks.phases` in every case."""
PHASES_SCRIPT = Path(__file__).resolve().parent / "phases.py"


def _phases(config: str, root: Path, logs: Path, opts: RunOptions) -> dict[str, Any]:
    """One instrumented build of `config`: CPU seconds per phase and the peak's phase."""
    out = logs / f"{config}.phases.json"
    path = logs / f"{config}.phases.stderr"
    out.unlink(missing_ok=True)
    cmd = [sys.executable, str(PHASES_SCRIPT), f"mkdocs.{config}.yml", "--json", str(out)]
    sample = run_child(cmd, cwd=root, env=opts.environment.env, timeout=opts.timeout,
                       stderr_path=path)
    if not sample.ok or not out.exists():
        return {"status": "failed", "note": (
            "the instrumented build did not finish in time" if sample.timed_out else
            f"the instrumented build failed (exit {sample.exit_code})"),
            "stderr_tail": tail(path)}
    data = json.loads(out.read_text(encoding="utf-8"))
    data["status"] = "ok"
    return data


def _time_check(root: Path, logs: Path, opts: RunOptions) -> dict[str, Any]:
    environment = opts.environment
    if environment.check_cmd is None:
        return {"status": "skipped", "note": environment.check_note}
    cmd = [*environment.check_cmd, "faq.yml"]
    path = logs / "check.stderr"
    samples: list[Sample] = []
    for i in range(1 + opts.runs):
        sample = run_child(cmd, cwd=root, env=environment.env, timeout=opts.timeout,
                           stderr_path=path, round_index=i - 1)
        if not sample.ok:
            return {"status": "failed", "note": environment.check_note,
                    "exit_code": sample.exit_code, "timed_out": sample.timed_out,
                    "stderr_tail": tail(path)}
        if i:
            samples.append(sample)
    walls = [s.wall for s in samples]
    return {"status": "ok", "note": environment.check_note,
            "median_wall": _median(walls), "min_wall": min(walls, default=None),
            "max_wall": max(walls, default=None),
            "median_peak_mib": _median([s.peak_mib for s in samples])}
