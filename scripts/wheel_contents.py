"""Compare a built wheel (and sdist) with the source tree of the package.

Every file under mkdocs_faq_plugin/ must be in the wheel's RECORD and in the sdist, except
the two kinds listed in IGNORED (byte code the interpreter writes). The wheel may hold nothing
else than the package and its .dist-info, and its metadata must declare the entry points and
the MkDocs range users rely on.

Usage: python scripts/wheel_contents.py WHEEL [SDIST]; exit 1 listing every difference.
"""

from __future__ import annotations

import csv
import io
import sys
import tarfile
import zipfile
from pathlib import Path

PACKAGE = "mkdocs_faq_plugin"
ROOT = Path(__file__).resolve().parent.parent
# Written by Python when the checkout runs; never part of a release.
IGNORED = ("__pycache__", ".pyc")
ENTRY_POINTS = (
    ("console_scripts", "mkdocs-faq = mkdocs_faq_plugin.cli:main"),
    ("mkdocs.plugins", "faq = mkdocs_faq_plugin.plugin:FaqPlugin"),
    ("properdocs.plugins", "faq = mkdocs_faq_plugin.plugin:FaqPlugin"),
)
REQUIREMENT = "Requires-Dist: mkdocs<2,>=1.6"


def source_files(root: Path = ROOT) -> set[str]:
    """Every file of the package in the source tree, as a path relative to `root`."""
    files = set()
    for path in (root / PACKAGE).rglob("*"):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and not any(part in relative for part in IGNORED):
            files.add(relative)
    return files


def wheel_problems(wheel: Path, expected: set[str]) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = next(n.split("/")[0] for n in names if n.endswith(".dist-info/RECORD"))
        record = {row[0] for row in csv.reader(io.StringIO(archive.read(f"{info}/RECORD").decode()))}
        entry_points = archive.read(f"{info}/entry_points.txt").decode()
        metadata = archive.read(f"{info}/METADATA").decode()
    problems = [f"wheel: {name} is missing" for name in sorted(expected - record)]
    problems += [f"wheel: RECORD lists {name}, the archive lacks it" for name in sorted(record - names)]
    problems += [
        f"wheel: {name} is not part of the package"
        for name in sorted(record)
        if not name.startswith((f"{PACKAGE}/", f"{info}/"))
    ]
    problems += [f"wheel: {name} is not in the source tree" for name in sorted(
        n for n in record if n.startswith(f"{PACKAGE}/") and n not in expected
    )]
    sections = _sections(entry_points)
    problems += [
        f"wheel: entry point [{group}] {line} is missing"
        for group, line in ENTRY_POINTS
        if line not in sections.get(group, ())
    ]
    if REQUIREMENT not in metadata.splitlines():
        problems.append(f"wheel: METADATA lacks '{REQUIREMENT}'")
    return problems


def sdist_problems(sdist: Path, expected: set[str]) -> list[str]:
    with tarfile.open(sdist) as archive:
        names = {"/".join(n.split("/")[1:]) for n in archive.getnames()}
    return [f"sdist: {name} is missing" for name in sorted(expected - names)]


def _sections(text: str) -> dict[str, set[str]]:
    sections: dict[str, set[str]] = {}
    current = ""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            current = line.strip("[]")
        elif line:
            sections.setdefault(current, set()).add(" = ".join(p.strip() for p in line.split("=", 1)))
    return sections


def main(argv: list[str]) -> int:
    expected = source_files()
    problems = wheel_problems(Path(argv[0]), expected)
    if len(argv) > 1:
        problems += sdist_problems(Path(argv[1]), expected)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"{len(expected)} files of {PACKAGE}/ in the wheel" + (" and the sdist" if len(argv) > 1 else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
