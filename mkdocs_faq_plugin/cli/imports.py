"""`mkdocs-faq check --imports` / `--import SOURCE`: is each imported faq.json usable now?

Each source is fetched as the plugin would (same limits, no cache: a check wants the live
file) and read with the same rules; one line per source, `import SOURCE: OK (…)` or why not.
"""

from __future__ import annotations

import argparse
import os

from ..kb.exported import ExportError, SiteExport
from ..kb.imports import DEFAULT_MAX_MB, DEFAULT_TIMEOUT, Importer, Refused, Unreachable
from .common import plural


def import_sources(
    args: argparse.Namespace, site_path: str | None
) -> tuple[list[str], str, dict[str, float], list[str]]:
    """The sources to check, the folder paths are relative to, the site's limits
    (`import_timeout`, `import_max_mb`) and problems finding them."""
    sources = list(args.import_sources or [])
    base_dir = os.getcwd()
    limits: dict[str, float] = {}
    problems: list[str] = []
    if args.imports:
        if site_path is None or not site_path.endswith((".yml", ".yaml")):
            problems.append("--imports: no mkdocs.yml here lists the faq plugin's 'import' option")
        else:
            from .site_config import _options_of, _read_yaml

            data = _read_yaml(site_path) or {}
            options = _options_of(data.get("plugins"), "faq") or {}
            listed = options.get("import") or []
            if not isinstance(listed, list) or not all(isinstance(s, str) for s in listed):
                problems.append(f"{os.path.basename(site_path)}: the faq plugin's 'import' must be a list of text")
            else:
                base_dir = os.path.dirname(os.path.abspath(site_path))
                sources = [*listed, *sources]
                for option, key in (("import_timeout", "timeout"), ("import_max_mb", "max_mb")):
                    value = options.get(option)
                    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
                        limits[key] = float(value)
    return sources, base_dir, limits, problems


def check_imports(
    sources: list[str], base_dir: str, limits: dict[str, float]
) -> tuple[list[str], list[SiteExport], bool]:
    """One line per source, the sources read, and whether any failed."""
    importer = Importer(
        base_dir, timeout=limits.get("timeout", DEFAULT_TIMEOUT), max_mb=limits.get("max_mb", DEFAULT_MAX_MB)
    )
    lines: list[str] = []
    exports: list[SiteExport] = []
    failed = False
    for source in sources:
        try:
            export, _ = importer.read(source)
        except (Unreachable, Refused) as exc:
            lines.append(f"import {source}: {exc}")
            failed = True
            continue
        except ExportError as exc:  # its message names the source
            lines.append(f"import {exc}")
            failed = True
            continue
        exports.append(export)
        contents = ", ".join([
            plural(len(export.question_urls), "question"),
            plural(len(export.category_urls), "category", "categories"),
            plural(len(export.terms), "glossary term"),
        ])
        lines.append(f"import {source}: OK ({contents}, format version {export.version})")
    return lines, exports, failed
