"""The recall section of `docs/benchmarks.md`, between two markers that the speed report
(`benchmarks/report.py`) keeps when it rewrites the page."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

__all__ = ["END", "START", "keep_section", "render", "write_section"]

START = "<!-- recall-benchmark:start -->"
END = "<!-- recall-benchmark:end -->"
_SECTION = re.compile(re.escape(START) + r".*?" + re.escape(END), re.S)
_NAMES = {"cncf": "CNCF Cloud Native Glossary", "turing-way": "The Turing Way",
          "kubernetes": "Kubernetes documentation"}


def _percent(hits: int, total: int) -> str:
    return f"{100 * hits / total:.1f} % ({hits}/{total})" if total else "–"


def _precision(figures: dict[str, Any]) -> str:
    p = figures["precision"]
    if not p["judged"]:
        return "not judged"
    low, high = p["interval"]
    return f"{_percent(p['correct'], p['judged'])}, 95 % interval {100 * low:.0f}–{100 * high:.0f} %"


def render(results: list[dict[str, Any]]) -> str:
    lines = [
        START,
        (
            "| glossary | language | terms | pages | setting | name links recalled | all hand "
            "links recalled | marks | marks judged correct | marks in code, links, headings |"
        ),
        "|---|---|--:|--:|---|--:|--:|--:|--:|--:|",
    ]
    for figures in results:
        for config, label in (("default", "default"), ("advice", "with `check`'s advice")):
            f = figures[config]
            lines.append(
                f"| {_NAMES.get(figures['corpus'], figures['corpus'])} | {figures['language']} "
                f"| {figures['terms']} | {figures['pages']} | {label} "
                f"| {_percent(f['name_recalled'], f['name_links'])} "
                f"| {_percent(f['recalled'], f['hand_links'])} | {f['marks']:,} "
                f"| {_precision(f)} | {f['misplaced']} |"
            )
    lines += ["", "Advice applied (`mkdocs-faq check`'s settings, per term):", ""]
    for figures in results:
        settings = figures.get("settings") or {}
        shown = ", ".join(
            f"`{term}`: `annotate: {str(value['annotate']).lower()}`"
            for term, value in sorted(settings.items())
        )
        commit = f" at `{figures['commit'][:12]}`" if figures.get("commit") else ""
        lines.append(f"- {_NAMES.get(figures['corpus'], figures['corpus'])} "
                     f"{figures['language']}{commit}: {shown or 'none'}")
    lines.append(END)
    return "\n".join(lines)


def write_section(results: list[dict[str, Any]], page: Path) -> None:
    """Replace the section in `page` (or append it, under its own heading)."""
    text = page.read_text(encoding="utf-8") if page.exists() else ""
    section = render(results)
    if _SECTION.search(text):
        text = _SECTION.sub(lambda _m: section, text)
    else:
        text = text.rstrip("\n") + "\n\n## Recall and precision on real glossaries\n\n" + section
    page.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def keep_section(old: str, new: str) -> str:
    """`new` (a freshly rendered speed report) with `old`'s recall part carried over."""
    found = re.search(r"\n## Recall and precision on real glossaries\n.*?" + re.escape(END), old, re.S)
    if found is None or START in new:
        return new
    return new.rstrip("\n") + "\n" + found.group(0) + "\n"
