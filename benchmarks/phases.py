"""Where one `mkdocs build` spends its time, phase by phase, and when its memory peaks.

    python -m benchmarks.phases mkdocs.CONFIG.yml [--json OUT]

Runs the build in this process with CPU-time timers around MkDocs' own steps: every plugin event
(per plugin), Markdown conversion of each page, rendering each page's theme template, writing
the output, and the imports before the build starts. After each phase the process's peak RSS
is read, so the report says which phase set the peak. A build of mkdocs-faq-plugin also logs
its own split of the work (`MKDOCS_FAQ_PROFILE=1`: load, pages, linking, jsonld, used_in), which
is added under `faq.*`; linking happens inside Markdown conversion.

The timers cost a few microseconds per call, far below the phases they measure; the wall-clock
benchmark (`runner.py`) never uses this module, so its numbers carry no such overhead.
"""

from __future__ import annotations

import os
import sys

if __name__ == "__main__" and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
    del sys.path[0]  # run as a script: the benchmark's own modules must not shadow any others

import argparse
import json
import logging
import resource
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

_clock = time.process_time
"""CPU seconds of this process: on a machine shared with other work, wall time measures
the neighbours as much as the build."""
_STARTED = 0.0  # CPU time counts from the start of the process, interpreter start-up included
_WALL_STARTED = time.perf_counter()
PROFILE_ENV = "MKDOCS_FAQ_PROFILE"


class Phases:
    """Seconds per phase, with the peak RSS (MiB) seen when each phase last ended."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self.peak_after: dict[str, float] = {}
        self._peak = 0.0
        self.peak_phase = ""

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] += seconds
        self.calls[name] += 1
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
        if peak > self._peak:
            self._peak = peak
            self.peak_phase = name
        self.peak_after[name] = peak

    def timed(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = _clock()
            try:
                return function(*args, **kwargs)
            finally:
                self.add(name, _clock() - started)

        return wrapper


class _ProfileLine(logging.Handler):
    """Catches mkdocs-faq-plugin's `profile key=seconds …` line."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.values: dict[str, float] = {}

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        _, found, rest = message.partition("profile ")
        if found:
            for item in rest.split():
                key, _, value = item.partition("=")
                try:
                    self.values[key] = float(value)
                except ValueError:
                    pass


def _instrument(phases: Phases) -> None:
    from mkdocs import plugins
    from mkdocs.commands import build
    from mkdocs.structure.pages import Page

    def run_event(self: Any, name: str, item: Any = None, **kwargs: Any) -> Any:
        pass_item = item is not None
        for method in self.events[name]:
            origin = self._event_origins.get(method, "<unknown>")
            self._current_plugin = origin
            started = _clock()
            result = method(item, **kwargs) if pass_item else method(**kwargs)
            phases.add(f"{origin}.on_{name}", _clock() - started)
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    plugins.PluginCollection.run_event = run_event  # type: ignore[method-assign]
    Page.render = phases.timed("mkdocs.markdown", Page.render)  # type: ignore[method-assign]
    build.get_files = phases.timed("mkdocs.files", build.get_files)
    build.get_navigation = phases.timed("mkdocs.nav", build.get_navigation)
    original_build_page = build._build_page

    def build_page(page: Any, config: Any, *args: Any, **kwargs: Any) -> Any:
        template_render = _wrap_template_render(phases)
        write_file = build.utils.write_file
        build.utils.write_file = phases.timed("mkdocs.write", write_file)
        try:
            return original_build_page(page, config, *args, **kwargs)
        finally:
            build.utils.write_file = write_file
            template_render()

    build._build_page = build_page
    original_static = build.Files.copy_static_files
    build.Files.copy_static_files = phases.timed(  # type: ignore[method-assign]
        "mkdocs.static_files", original_static
    )


def _wrap_template_render(phases: Phases) -> Callable[[], None]:
    """Time `Template.render` for the page being built; returns the undo."""
    import jinja2

    original = jinja2.Template.render
    jinja2.Template.render = phases.timed("theme.template", original)  # type: ignore[method-assign]

    def undo() -> None:
        jinja2.Template.render = original  # type: ignore[method-assign]

    return undo


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.phases")
    parser.add_argument("config_file")
    parser.add_argument("--json", help="write the phases here (default: stdout)")
    args = parser.parse_args(argv)
    os.environ.setdefault(PROFILE_ENV, "1")
    import mkdocs.commands.build  # noqa: F401 - what `mkdocs build` imports before building
    from mkdocs import config as mkdocs_config

    phases = Phases()
    phases.add("startup.imports", _clock() - _STARTED)
    catcher = _ProfileLine()
    logging.getLogger("mkdocs.plugins.mkdocs_faq_plugin").addHandler(catcher)
    logging.getLogger("mkdocs.plugins").setLevel(logging.INFO)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    logging.getLogger("mkdocs").propagate = False
    _instrument(phases)
    started = _clock()
    cfg = mkdocs_config.load_config(config_file=args.config_file)
    phases.add("mkdocs.load_config", _clock() - started)
    started = _clock()
    mkdocs.commands.build.build(cfg)
    build_seconds = _clock() - started
    cfg.plugins.on_shutdown()
    total = _clock() - _STARTED
    measured = sum(v for k, v in phases.seconds.items())
    # Template rendering nests inside `_build_page`, around nothing else we time.
    result = {
        "total": total,
        "wall": time.perf_counter() - _WALL_STARTED,
        "build": build_seconds,
        "phases": dict(phases.seconds),
        "calls": dict(phases.calls),
        "other": total - measured,
        "faq": catcher.values,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
        "peak_phase": phases.peak_phase,
        "peak_after": phases.peak_after,
    }
    text = json.dumps(result, indent=1, sort_keys=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as stream:
            stream.write(text + "\n")
    else:
        sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
