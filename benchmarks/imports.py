"""How long importing the plugin takes, on top of what every MkDocs build imports anyway.

`python -X importtime` reports each module's own and cumulative import time. MkDocs, Jinja2,
Markdown and PyYAML are imported first (every build loads them before any plugin), so what
is left is the plugin's own share: its modules and whatever only it imports.

    python -m benchmarks.imports          (median of 7 fresh interpreters)
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
from collections.abc import Mapping
from typing import Any

PLUGIN_MODULE = "mkdocs_faq_plugin.plugin"
HOST_MODULES = (
    "mkdocs.commands.build", "mkdocs.config.defaults", "mkdocs.plugins", "mkdocs.structure.files",
    "mkdocs.structure.nav", "mkdocs.structure.pages", "mkdocs.utils", "jinja2", "markdown",
    "markupsafe", "yaml",
)
_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")
_MARK = "-- plugin --"


def once(env: Mapping[str, str] | None = None) -> dict[str, Any]:
    """One fresh interpreter: milliseconds for the plugin, and its slowest modules."""
    code = (f"import {', '.join(HOST_MODULES)}; import sys; sys.stderr.write({_MARK!r} + '\\n');"
            f" import {PLUGIN_MODULE}")
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", code], env=dict(env or os.environ),
                          capture_output=True, text=True, check=False, timeout=120)
    if proc.returncode != 0 or _MARK not in proc.stderr:
        raise RuntimeError(f"importing {PLUGIN_MODULE} failed:\n{proc.stderr[-2000:]}")
    total = 0
    modules: dict[str, float] = {}
    for line in proc.stderr.split(_MARK, 1)[1].splitlines():
        found = _LINE.match(line)
        if not found:
            continue
        own, cumulative, indent, name = int(found[1]), int(found[2]), len(found[3]), found[4]
        if name.startswith("__editable__"):
            # setuptools' finder of an editable install (`pip install -e`), not the plugin
            total -= cumulative
            continue
        modules[name] = own / 1000
        if indent == 1:  # imported by the statement itself, not by another module
            total += cumulative
    return {"ms": total / 1000, "modules": modules}


def measure(env: Mapping[str, str] | None = None, runs: int = 7) -> dict[str, Any]:
    """The median over `runs` interpreters (after one that may write bytecode caches)."""
    try:
        once(env)
        samples = [once(env) for _ in range(runs)]
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        return {"status": "failed", "note": str(exc)}
    names = {name for sample in samples for name in sample["modules"]}
    modules = {
        name: statistics.median(sample["modules"].get(name, 0.0) for sample in samples)
        for name in names
    }
    slowest = dict(sorted(modules.items(), key=lambda item: -item[1])[:8])
    return {"status": "ok", "median_ms": statistics.median(s["ms"] for s in samples),
            "min_ms": min(s["ms"] for s in samples), "runs": runs, "slowest": slowest}


def describe(result: Mapping[str, Any]) -> str:
    if result.get("status") != "ok":
        return f"not measured ({result.get('note')})"
    slowest = ", ".join(f"{name} {ms:.1f} ms" for name, ms in list(result["slowest"].items())[:4])
    return (f"median {result['median_ms']:.1f} ms (min {result['min_ms']:.1f} ms) over "
            f"{result['runs']} interpreters; slowest modules: {slowest}")


if __name__ == "__main__":
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    result = measure(env)
    print(describe(result))
    print(json.dumps(result, indent=1))
