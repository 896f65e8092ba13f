"""The build-time targets we hold ourselves to, and whether a run met them.

Each target is a site size with bounds on the default configuration (`ours`): its build time
over the plain build, optionally over the `prebuilt` build (the plugin's own share: the same
generated pages built without the plugin), and optionally its extra peak memory over plain.
`python -m benchmarks run` (no arguments) measures exactly these sizes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import sitegen


@dataclass(frozen=True)
class Target:
    name: str
    spec: sitegen.SiteSpec
    max_ratio: float
    """ours ÷ plain (median of per-round wall-time ratios)."""
    max_own: float | None = None
    """ours ÷ prebuilt: what the plugin adds over its pages written into docs/."""
    max_added_mib: float | None = None
    """Peak RSS of ours minus plain, MiB."""
    why: str = ""


TARGETS: tuple[Target, ...] = (
    Target("100x50x100", sitegen.SiteSpec(100, 50, 100), 1.20,
           why="a small site: fixed costs (imports, templates, matcher) show"),
    Target("300x300x300", sitegen.SiteSpec(300, 300, 300), 1.10, max_own=1.05,
           why="a mid-sized site"),
    Target("1000x1000x1000", sitegen.SiteSpec(1000, 1000, 1000), 1.05,
           why="a large site"),
    Target("200x2000x200", sitegen.SiteSpec(200, 2000, 200), 1.25,
           why="many terms"),
    Target("200x200x5000", sitegen.SiteSpec(200, 200, 5000), 1.40, max_added_mib=40.0,
           why="many questions"),
)
TARGET_SIZES = ",".join(t.name for t in TARGETS)


def target_for(spec: sitegen.SiteSpec) -> Target | None:
    for target in TARGETS:
        t = target.spec
        if (t.pages, t.terms, t.questions) == (spec.pages, spec.terms, spec.questions):
            return target
    return None


def verdict(target: Target, summary: dict[str, Any]) -> dict[str, bool | None]:
    """Each bound of `target` → met (True), missed (False) or not measured (None)."""

    def check(value: Any, bound: float | None) -> bool | None:
        if bound is None:
            return None
        if not isinstance(value, (int, float)):
            return False
        return value <= bound

    return {
        "ratio": check(summary.get("ratio"), target.max_ratio),
        "own": check(summary.get("prebuilt_ratio"), target.max_own),
        "memory": check(summary.get("added_mib"), target.max_added_mib),
    }
