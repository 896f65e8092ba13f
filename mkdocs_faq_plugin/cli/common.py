"""What every `mkdocs-faq` command shares: exit codes, problem lines, writing files, the site config."""

from __future__ import annotations

import argparse
import os
import sys
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from ..kb.problems import Problem

if TYPE_CHECKING:
    from .site_config import SiteConfig

PROG = "mkdocs-faq"
DEFAULT_FILE = "faq.yml"
PACKAGE_DIR = Path(__file__).resolve().parent.parent

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

EXIT_CODES_HELP = """\
exit codes:
  0  success
  1  problems found, output out of date, or a file could not be written
  2  wrong usage (unknown command or option)
"""


def format_problem(problem: Problem) -> str:
    """`faq.yml:12:5: error: message`, or `error: message` when no place is known."""
    if problem.location is not None:
        return f"{problem.location}: {problem.severity}: {problem.message}"
    return f"{problem.severity}: {problem.message}"


def plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def join_names(names: list[str], limit: int = 3) -> str:
    if len(names) <= limit:
        return ", ".join(names)
    return f"{', '.join(names[:limit])} and {len(names) - limit} more"


def site_config(args: argparse.Namespace, extra_folders: list[str]) -> SiteConfig | None:
    """The site configuration in the current folder (or next to the given path), if any."""
    from .site_config import find_site_config

    folders = [os.getcwd()]
    for path in extra_folders:
        if not any(char in path for char in "*?["):
            folders.append(os.path.dirname(os.path.abspath(path)) if os.path.isfile(path) else path)
    return find_site_config(folders, args.host)


def warn_about_site(site: SiteConfig | None) -> None:
    if site is None:
        return
    for message in site.warnings():
        print(f"warning: {message}", file=sys.stderr)


def emit(text: str, out: str | None) -> int:
    """Write `text` to the file `out`, or to standard output as UTF-8."""
    if out:
        return write_file(out, text)
    stream = getattr(sys.stdout, "buffer", None)
    if stream is not None:
        sys.stdout.flush()
        stream.write(text.encode("utf-8"))
        stream.flush()
    else:  # replaced by a text-only stream (tests, IDE consoles)
        sys.stdout.write(text)
    return EXIT_OK


def write_file(path: str, text: str) -> int:
    """Write the whole file or nothing; a failure is one line on stderr and exit code 1."""
    from .atomic import write_text_atomically

    try:
        write_text_atomically(path, text)
    except OSError as exc:
        print(f"error: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def usage_error(command: str, message: str) -> int:
    print(f"usage: {PROG} {command} ...\n{PROG} {command}: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def quote_arg(path: str) -> str:
    return path if all(c.isalnum() or c in "./_-" for c in path) else f"'{path}'"


def version() -> str:
    try:
        return metadata.version("mkdocs-faq-plugin")
    except metadata.PackageNotFoundError:
        return "unknown"


def tolerant_streams() -> None:
    """Messages quote the user's text; never crash on a console that cannot show it."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass

