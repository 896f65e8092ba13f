"""`mkdocs-faq`: check, export, start and generate pages from a faq.yml without building the site.

Exit codes: 0 success, 1 problems found (or output out of date, or a file could not be
written), 2 wrong usage. Bad input never ends in a traceback: every problem with a faq.yml
is reported as `file:line:column: severity: message`.

This module does not import MkDocs, so the commands stay fast and work where only the
knowledge base matters (pre-commit hooks, CI jobs, editors).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from .common import EXIT_PROBLEMS, EXIT_USAGE, format_problem, tolerant_streams
from .files import schema_text, starter_text
from .parser import build_parser

__all__ = ["build_parser", "format_problem", "main", "schema_text", "starter_text"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    tolerant_streams()
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
