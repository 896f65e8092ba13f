"""`mkdocs-faq`: check, export and start a faq.yml without building the site.

Exit codes: 0 success, 1 problems found (or output out of date, or a file could not be
written), 2 wrong usage. Bad input never ends in a traceback: every problem with a faq.yml
is reported as `file:line:column: severity: message`.

This module does not import MkDocs, so the commands stay fast and work where only the
knowledge base matters (pre-commit hooks, CI jobs, editors).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from urllib.parse import urlparse

from .problems import Problem, errors, warnings

PROG = "mkdocs-faq"
DEFAULT_FILE = "faq.yml"
PACKAGE_DIR = Path(__file__).resolve().parent
SCHEMA_FILE = PACKAGE_DIR / "faq.schema.json"
STARTER_FILE = PACKAGE_DIR / "templates" / "starter-faq.yml"

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

_EXIT_CODES = """\
exit codes:
  0  success
  1  problems found, output out of date, or a file could not be written
  2  wrong usage (unknown command or option)
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    _tolerant_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`mkdocs-faq schema | head`): stop quietly, and keep Python
        # from complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PROBLEMS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Check, export and start the faq.yml of the mkdocs-faq-plugin, "
        "without building the site.",
        epilog=_EXIT_CODES + "\nRun 'mkdocs-faq COMMAND --help' for the options of a command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {_version()}")
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="validate faq.yml files and report every problem",
        description="Validate one knowledge base (all FILES are merged, as the plugin does) "
        "and print each problem as 'file:line:column: error|warning: message', then a summary.",
        epilog="examples:\n"
        "  mkdocs-faq check\n"
        "  mkdocs-faq check faq.yml 'faq.d/*.yml'\n"
        "  mkdocs-faq check --strict docs/faq.yml\n\n" + _EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument(
        "files", nargs="*", metavar="FILES",
        help=f"files or glob patterns, relative to the current folder (default: {DEFAULT_FILE})",
    )
    check.add_argument(
        "--strict", action="store_true", help="fail (exit 1) on warnings too, not only on errors"
    )
    check.set_defaults(run=_check)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of faq.yml (for editors)",
        description="Print the JSON Schema (draft 2020-12) of faq.yml version 1. Editors that "
        "use yaml-language-server (VS Code's YAML extension, and others) then complete keys, "
        "show descriptions and flag mistakes while you type.",
        epilog="examples:\n"
        "  mkdocs-faq schema > faq.schema.json\n"
        "  mkdocs-faq schema --out .vscode/faq.schema.json\n\n"
        "then start faq.yml with the line:\n"
        "  # yaml-language-server: $schema=faq.schema.json\n\n" + _EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    schema.add_argument(
        "--out", "-o", metavar="FILE", help="write to FILE instead of standard output"
    )
    schema.set_defaults(run=_schema)

    export = commands.add_parser(
        "export",
        help="write the questions and glossary as JSON or CSV",
        description="Write the knowledge base as JSON (questions, categories, glossary, each "
        "with its URL on the site) or as CSV (one row per question), without building. "
        "Nothing is written when the files have errors.",
        epilog="examples:\n"
        "  mkdocs-faq export > faq.json\n"
        "  mkdocs-faq export --format csv --out faq.csv\n"
        "  mkdocs-faq export --base-url https://example.org/docs/ faq.yml 'faq.d/*.yml'\n"
        "  mkdocs-faq export --out docs/faq.json --check\n\n" + _EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument(
        "files", nargs="*", metavar="FILES",
        help=f"files or glob patterns, relative to the current folder (default: {DEFAULT_FILE})",
    )
    export.add_argument("--format", choices=("json", "csv"), default="json", help="default: json")
    export.add_argument(
        "--out", "-o", metavar="FILE", help="write to FILE instead of standard output"
    )
    export.add_argument(
        "--base-url", metavar="URL",
        help="make URLs absolute, e.g. your site_url (default: relative to the site root)",
    )
    export.add_argument(
        "--faq-dir", default="faq", metavar="DIR",
        help="the plugin's faq_dir option, if you changed it (default: faq)",
    )
    export.add_argument(
        "--glossary-page", default="glossary.md", metavar="PATH",
        help="the plugin's glossary_page option, if you changed it (default: glossary.md)",
    )
    export.add_argument(
        "--no-directory-urls", dest="directory_urls", action="store_false",
        help="URLs like faq/basics.html, for sites with use_directory_urls: false",
    )
    export.add_argument(
        "--check", action="store_true",
        help="write nothing; exit 1 when the --out file is missing or differs (for CI)",
    )
    export.set_defaults(run=_export)

    new = commands.add_parser(
        "new",
        help="write a commented starter faq.yml",
        description="Write a starter faq.yml that shows every feature with comments and "
        "passes 'mkdocs-faq check'. An existing file is kept unless --force is given.",
        epilog="examples:\n"
        "  mkdocs-faq new\n"
        "  mkdocs-faq new docs/faq.yml\n"
        "  mkdocs-faq new --force\n\n" + _EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    new.add_argument(
        "path", nargs="?", default=DEFAULT_FILE, metavar="PATH",
        help=f"where to write it; a folder gets a {DEFAULT_FILE} inside (default: {DEFAULT_FILE})",
    )
    new.add_argument("--force", action="store_true", help="overwrite an existing file")
    new.set_defaults(run=_new)
    return parser


# -------------------------------------------------------------------------------- check

def _check(args: argparse.Namespace) -> int:
    from .loader import display_name, load

    base_dir = os.getcwd()
    result = load(args.files or [DEFAULT_FILE], base_dir=base_dir)
    for problem in result.problems:
        print(format_problem(problem))
    found_errors = errors(result.problems)
    found_warnings = warnings(result.problems)
    names = [display_name(path, base_dir) for path in result.files]
    where = _join_names(names) or "no file"
    failed = bool(found_errors) or result.kb is None or (args.strict and bool(found_warnings))
    counts = ", ".join(
        _plural(len(found), kind)
        for found, kind in ((found_errors, "error"), (found_warnings, "warning"))
        if found
    )
    if failed:
        strict = " (--strict: warnings fail too)" if args.strict and found_warnings else ""
        print(f"{where}: failed, {counts or 'no knowledge base read'}{strict}")
    else:
        kb = result.kb
        contents = ", ".join([
            _plural(len(kb.questions), "question"),
            _plural(len(kb.categories), "category", "categories"),
            _plural(len(kb.glossary), "glossary term"),
        ])
        print(f"{where}: OK ({contents}){'; ' + counts if counts else ''}")
    return EXIT_PROBLEMS if failed else EXIT_OK


def format_problem(problem: Problem) -> str:
    """`faq.yml:12:5: error: message`, or `error: message` when no place is known."""
    if problem.location is not None:
        return f"{problem.location}: {problem.severity}: {problem.message}"
    return f"{problem.severity}: {problem.message}"


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def _join_names(names: list[str], limit: int = 3) -> str:
    if len(names) <= limit:
        return ", ".join(names)
    return f"{', '.join(names[:limit])} and {len(names) - limit} more"


# ------------------------------------------------------------------------------- schema

def schema_text() -> str:
    """The JSON Schema shipped in the package (`mkdocs_faq_plugin/faq.schema.json`)."""
    return SCHEMA_FILE.read_text(encoding="utf-8")


def _schema(args: argparse.Namespace) -> int:
    return _emit(schema_text(), args.out)


# ------------------------------------------------------------------------------- export

def _export(args: argparse.Namespace) -> int:
    if args.check and not args.out:
        return _usage_error("export", "--check needs --out FILE (the file to compare with)")
    if args.base_url is not None:
        parsed = urlparse(args.base_url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            return _usage_error(
                "export", f"--base-url must be an absolute http(s) URL, not {args.base_url!r}"
            )
    from .export import export_data, to_csv, to_json
    from .layout import SiteLayout
    from .loader import load

    result = load(args.files or [DEFAULT_FILE], base_dir=os.getcwd())
    for problem in result.problems:
        print(format_problem(problem), file=sys.stderr)
    if result.kb is None:
        print(f"{PROG} export: nothing written, fix the errors above first", file=sys.stderr)
        return EXIT_PROBLEMS
    layout = SiteLayout(
        result.kb, faq_dir=args.faq_dir.strip("/"), glossary_page=args.glossary_page
    )
    options = {"base_url": args.base_url, "directory_urls": args.directory_urls}
    if args.format == "csv":
        text = to_csv(result.kb, layout, **options)
    else:
        text = to_json(export_data(result.kb, layout, **options))
    if args.check:
        try:
            with open(args.out, encoding="utf-8", newline="") as stream:
                current = stream.read()
        except OSError:
            current = None
        if current != text:
            state = "is missing" if current is None else "is out of date"
            print(f"{args.out} {state}; run the same command without --check", file=sys.stderr)
            return EXIT_PROBLEMS
        print(f"{args.out} is up to date", file=sys.stderr)
        return EXIT_OK
    return _emit(text, args.out)


# ---------------------------------------------------------------------------------- new

def starter_text() -> str:
    """The commented starter faq.yml that `mkdocs-faq new` writes."""
    return STARTER_FILE.read_text(encoding="utf-8")


def _new(args: argparse.Namespace) -> int:
    path = args.path
    if os.path.isdir(path):
        path = os.path.join(path, DEFAULT_FILE)
    if os.path.exists(path) and not args.force:
        print(f"error: {path} already exists; use --force to overwrite it", file=sys.stderr)
        return EXIT_PROBLEMS
    status = _write_file(path, starter_text())
    if status == EXIT_OK:
        print(f"wrote {path}; edit it, then run: {PROG} check {_quote_arg(path)}")
    return status


# ------------------------------------------------------------------------------ helpers

def _emit(text: str, out: str | None) -> int:
    """Write `text` to the file `out`, or to standard output as UTF-8."""
    if out:
        return _write_file(out, text)
    stream = getattr(sys.stdout, "buffer", None)
    if stream is not None:
        sys.stdout.flush()
        stream.write(text.encode("utf-8"))
        stream.flush()
    else:  # replaced by a text-only stream (tests, IDE consoles)
        sys.stdout.write(text)
    return EXIT_OK


def _write_file(path: str, text: str) -> int:
    """Write through a temporary file, so an interrupted run never leaves half a file."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, temporary = tempfile.mkstemp(prefix=".mkdocs-faq-", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
            if os.path.exists(path):
                os.chmod(temporary, os.stat(path).st_mode & 0o7777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(temporary, 0o666 & ~umask)
            os.replace(temporary, path)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
    except OSError as exc:
        print(f"error: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _usage_error(command: str, message: str) -> int:
    print(f"usage: {PROG} {command} ...\n{PROG} {command}: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _quote_arg(path: str) -> str:
    return path if all(c.isalnum() or c in "./_-" for c in path) else f"'{path}'"


def _version() -> str:
    try:
        return metadata.version("mkdocs-faq-plugin")
    except metadata.PackageNotFoundError:
        return "unknown"


def _tolerant_streams() -> None:
    """Messages quote the user's text; never crash on a console that cannot show it."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
