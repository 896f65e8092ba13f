"""`mkdocs-faq`: check, export, start and generate pages from a faq.yml without building the site.

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
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from .problems import Problem, errors, notes, warnings

if TYPE_CHECKING:
    from .generate import SiteConfig
    from .loader import LanguagesResult
    from .model import KnowledgeBase

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
        "  mkdocs-faq check --strict docs/faq.yml\n"
        "  mkdocs-faq check --languages          # translations: what is missing\n"
        "  mkdocs-faq check --languages fr,de\n\n" + _EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument(
        "files", nargs="*", metavar="FILES",
        help=f"files or glob patterns, relative to the current folder (default: {DEFAULT_FILE})",
    )
    check.add_argument(
        "--strict", action="store_true", help="fail (exit 1) on warnings too, not only on errors"
    )
    check.add_argument(
        "--languages", nargs="?", const="", default=None, metavar="LANGS",
        help="also list, per language, the entries without a translation (falling back to the "
        "default language): every language with a faq.<locale>.yml beside FILES, or the "
        "comma-separated LANGS (fr,de). Translations are always checked for errors",
    )
    check.add_argument(
        "--review-after", metavar="AGE",
        help="warn about answers last reviewed longer ago than AGE (180d, 26w, 6m, 1y), as the "
        "plugin's review_after option does",
    )
    check.add_argument(
        "--unused", metavar="DOCS_DIR",
        help="warn about glossary terms that no page in DOCS_DIR (nor any FAQ answer) "
        "mentions; with --strict they fail, for CI",
    )
    _add_layout_arguments(check)
    check.add_argument(
        "--forms", nargs="?", const="", metavar="TERM",
        help="list the surface forms the linker looks for, of every term or of TERM (an id "
        "or a name), and the rule that made each",
    )
    check.add_argument(
        "--site-language", metavar="LANG",
        help="language of the site's pages, for the notes on everyday words (default: the "
        "site's theme.language, else en)",
    )
    _add_host_argument(check)
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
        "--audience", action="append", default=[], metavar="NAME",
        help="export only what the plugin's `audiences: [NAME, ...]` would publish (repeatable)",
    )
    export.add_argument(
        "--out", "-o", metavar="FILE", help="write to FILE instead of standard output"
    )
    export.add_argument(
        "--base-url", metavar="URL",
        help="make URLs absolute, e.g. your site_url (default: relative to the site root)",
    )
    _add_layout_arguments(export)
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

    generate = commands.add_parser(
        "generate",
        help="write the FAQ and glossary pages into docs/ (Zensical, plain Python-Markdown)",
        description="Write the pages the faq plugin adds at build time as Markdown files: "
        "FAQ_DIR/index.md, FAQ_DIR/<category>.md and the glossary page, plus "
        "assets/faq/faq.css and faq.js, for hosts that cannot run MkDocs plugins (Zensical). "
        "The site then renders them with the mkdocs_faq_plugin.markdown extension. Only files "
        "that changed are written; a file without our header comment is never overwritten "
        "(unless --force) and never removed. Defaults come from the site's zensical.toml or "
        "mkdocs.yml in the current folder when found (docs_dir, theme.language, "
        "use_directory_urls, and the extension's faq_file / faq_dir / glossary_page).",
        epilog="examples:\n"
        "  mkdocs-faq generate\n"
        "  mkdocs-faq generate --out docs faq.yml 'faq.d/*.yml'\n"
        "  mkdocs-faq generate --json-ld\n"
        "  mkdocs-faq generate --check        # in CI: fail when the pages are stale\n\n"
        + _EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    generate.add_argument(
        "files", nargs="*", metavar="FILES",
        help="files or glob patterns, relative to the current folder (default: the "
        f"extension's faq_file in the site config, else {DEFAULT_FILE})",
    )
    generate.add_argument(
        "--out", "-o", metavar="DIR",
        help="the docs folder to write into (default: the site's docs_dir, else docs)",
    )
    generate.add_argument(
        "--check", action="store_true",
        help="write nothing; exit 1 listing the files that are missing or out of date (for CI)",
    )
    generate.add_argument(
        "--force", action="store_true",
        help="also overwrite files at our paths that mkdocs-faq generate did not write",
    )
    generate.add_argument(
        "--json-ld", action="store_true",
        help="append schema.org FAQPage JSON-LD to each FAQ page (the plugin puts it in <head>)",
    )
    generate.add_argument(
        "--faq-dir", metavar="DIR", help="folder of the FAQ pages inside the docs folder (default: faq)"
    )
    generate.add_argument(
        "--glossary-page", metavar="PATH", help="path of the glossary page (default: glossary.md)"
    )
    generate.add_argument(
        "--language", metavar="LANG",
        help="language of the words we write, e.g. de (default: the site's theme.language, else en)",
    )
    generate.add_argument(
        "--no-directory-urls", dest="directory_urls", action="store_false", default=None,
        help="links in JSON-LD answers like faq/basics.html (default: the site's "
        "use_directory_urls)",
    )
    generate.add_argument(
        "--templates", metavar="DIR", action="append", default=[],
        help="a folder with faq/*.md.j2 templates that replace ours (like a theme's custom_dir)",
    )
    generate.add_argument(
        "--no-assets", dest="assets", action="store_false",
        help="do not write assets/faq/faq.css and faq.js",
    )
    _add_host_argument(generate)
    generate.set_defaults(run=_generate)
    return parser


def _add_host_argument(command: argparse.ArgumentParser) -> None:
    from_env = os.environ.get("MKDOCS_FAQ_HOST", "").strip().lower()
    command.add_argument(
        "--host", choices=("auto", "mkdocs", "zensical"),
        default=from_env if from_env in ("mkdocs", "zensical") else "auto",
        help="who builds the site: auto (the default, or $MKDOCS_FAQ_HOST) takes zensical.toml "
        "for Zensical and mkdocs.yml for MkDocs; say zensical when Zensical builds from "
        "mkdocs.yml. Used to warn about a faq plugin Zensical would ignore",
    )


# -------------------------------------------------------------------------------- check

def _add_layout_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--faq-dir", default="faq", metavar="DIR",
        help="the plugin's faq_dir option, if you changed it (default: faq)",
    )
    command.add_argument(
        "--glossary-page", default="glossary.md", metavar="PATH",
        help="the plugin's glossary_page option, if you changed it (default: glossary.md)",
    )


def _check(args: argparse.Namespace) -> int:
    from .loader import display_name, load, load_languages

    base_dir = os.getcwd()
    site = _site_config(args, [*args.files[:1]])
    _warn_about_site(site)
    patterns = args.files or [DEFAULT_FILE]
    result = load(patterns, base_dir=base_dir)
    problems = list(result.problems)
    wanted = [code.strip() for code in (args.languages or "").split(",") if code.strip()]
    languages = None
    listing = None
    if result.kb is not None:
        from . import everyday, forms_report

        languages = load_languages(patterns, base_dir, result, wanted or None)
        problems += languages.problems
        linked = result.kb
        if args.forms is not None:
            chosen = list(linked.glossary)
            if args.forms:
                chosen = forms_report.terms_named(linked, args.forms)
                if not chosen:
                    return _usage_error("check", f"--forms: no glossary term '{args.forms}'")
            listing = forms_report.forms_listing(linked, chosen)
        language = args.site_language or (site.language if site else None) or "en"
        problems += forms_report.shared_form_notes(linked) + everyday.notes(linked, language)
    if args.review_after and result.kb is not None:
        import datetime

        from .review import parse_max_age, stale_questions

        try:
            max_age = parse_max_age(args.review_after)
        except ValueError as exc:
            return _usage_error("check", f"--review-after: {exc}")
        problems += stale_questions(result.kb, max_age, datetime.date.today())
    if args.unused and result.kb is not None:
        from .unused import mentioned_in_docs, unused_problems, unused_terms

        if not os.path.isdir(args.unused):
            return _usage_error("check", f"--unused: {args.unused} is not a folder")
        try:
            mentioned = mentioned_in_docs(
                result.kb, args.unused,
                faq_dir=args.faq_dir.strip("/"), glossary_page=args.glossary_page,
            )
        except ValueError as exc:  # a --faq-dir / --glossary-page outside the docs folder
            return _usage_error("check", str(exc))
        problems += unused_problems(unused_terms(result.kb, mentioned))
    for problem in problems:
        print(format_problem(problem))
    if listing is not None:
        print(listing)
    found_errors = errors(problems)
    found_warnings = warnings(problems)
    found_notes = notes(problems)
    names = [display_name(path, base_dir) for path in result.files]
    if languages is not None:
        names += [display_name(p, base_dir) for paths in languages.files.values() for p in paths]
        if args.languages is not None and result.kb is not None:
            _print_coverage(result.kb, languages, base_dir)
    where = _join_names(names) or "no file"
    failed = bool(found_errors) or result.kb is None or (args.strict and bool(found_warnings))
    counts = ", ".join(
        _plural(len(found), kind)
        for found, kind in ((found_errors, "error"), (found_warnings, "warning"), (found_notes, "note"))
        if found
    )
    if failed:
        strict = " (--strict: warnings fail too)" if args.strict and found_warnings else ""
        print(f"{where}: failed, {counts or 'no knowledge base read'}{strict}")
    else:
        kb = result.kb
        assert kb is not None  # `failed` covers a missing knowledge base
        contents = ", ".join([
            _plural(len(kb.questions), "question"),
            _plural(len(kb.categories), "category", "categories"),
            _plural(len(kb.glossary), "glossary term"),
        ])
        print(f"{where}: OK ({contents}){'; ' + counts if counts else ''}")
    return EXIT_PROBLEMS if failed else EXIT_OK


def _print_coverage(default: KnowledgeBase, languages: LanguagesResult, base_dir: str) -> None:
    """Per language: each entry that falls back to the default language, then a summary."""
    from .loader import display_name

    total = len(default.categories) + len(default.questions) + len(default.glossary)
    for code, files in languages.files.items():
        view = languages.languages.get(code)
        if view is None:
            print(f"{code}: not checked for missing translations (fix the errors above)")
            continue
        missing = view.missing(default)
        for kind, entry_id, location in missing:
            where = f"{location}: " if location else ""
            print(f"{where}note: {kind} '{entry_id}' has no '{code}' translation")
        shown_files = ", ".join(display_name(p, base_dir) for p in files) or "no translation file"
        print(
            f"{code} ({shown_files}): {total - len(missing)} of {_plural(total, 'entry', 'entries')} "
            f"translated, {len(missing)} fall back to the default language"
        )


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
    kb = result.kb
    if args.audience:
        from .audience import select

        kb, _ = select(kb, args.audience)
    try:
        layout = SiteLayout(kb, faq_dir=args.faq_dir.strip("/"), glossary_page=args.glossary_page)
    except ValueError as exc:  # a --faq-dir / --glossary-page outside the docs folder
        return _usage_error("export", str(exc))
    options = {"base_url": args.base_url, "directory_urls": args.directory_urls}
    if args.format == "csv":
        text = to_csv(kb, layout, **options)
    else:
        text = to_json(export_data(kb, layout, **options))
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


# ----------------------------------------------------------------------------- generate

def _generate(args: argparse.Namespace) -> int:
    from . import generate as gen
    from .labels import labels_for
    from .loader import display_name, load
    from .template_env import template_environment

    base_dir = os.getcwd()
    site = _site_config(args, [os.path.join(args.out, os.pardir)] if args.out else [])
    options = dict(site.extension or {}) if site else {}
    faq_dir = args.faq_dir if args.faq_dir is not None else str(options.get("faq_dir", "faq"))
    glossary_page = args.glossary_page or str(options.get("glossary_page", "glossary.md"))
    _warn_about_site(site)
    if site is not None:
        _warn_about_generate(site, faq_dir, glossary_page)

    files = list(args.files)
    if not files and site is not None and options.get("faq_file"):
        configured = options["faq_file"]
        names = [str(f) for f in configured] if isinstance(configured, list) else [str(configured)]
        files = [os.path.relpath(os.path.join(site.folder, name), base_dir) for name in names]
    if args.out:
        out = args.out
    elif site is not None:
        out = os.path.relpath(os.path.join(site.folder, site.docs_dir), base_dir)
    else:
        out = "docs"

    result = load(files or [DEFAULT_FILE], base_dir=base_dir)
    for problem in result.problems:
        print(format_problem(problem), file=sys.stderr)
    if result.kb is None:
        print(f"{PROG} generate: nothing written, fix the errors above first", file=sys.stderr)
        return EXIT_PROBLEMS
    language = args.language or (site.language if site else None)
    directory_urls = args.directory_urls
    if directory_urls is None:
        directory_urls = site.use_directory_urls if site else True
    try:
        labels = labels_for(language)
        outputs = gen.generated_files(
            result.kb,
            sources=[display_name(path, base_dir) for path in result.files],
            faq_dir=faq_dir,
            glossary_page=glossary_page,
            labels=labels,
            env=template_environment(args.templates) if args.templates else None,
            json_ld=args.json_ld,
            directory_urls=directory_urls,
            assets=args.assets,
        )
    except ValueError as exc:  # unsafe --faq-dir / --glossary-page, bad label
        return _usage_error("generate", str(exc))

    plan = gen.plan(out, outputs, faq_dir=faq_dir)
    shown = out.rstrip("/\\") or "."

    def where(path: str) -> str:
        return f"{shown}/{path}"

    foreign = plan.paths("foreign")
    if args.check:
        for path, state in plan.states.items():
            if state == "up to date":
                continue
            message = {
                "missing": "is missing",
                "out of date": "is out of date",
                "stale": "was generated for an entry faq.yml no longer has (would be removed)",
                "foreign": "exists but was not written by mkdocs-faq generate",
            }[state]
            print(f"{where(path)} {message}", file=sys.stderr)
        if not plan.fresh:
            count = len(plan.states) - len(plan.paths("up to date"))
            print(
                f"{_plural(count, 'generated file')} need updating; run the same "
                f"command without --check",
                file=sys.stderr,
            )
            return EXIT_PROBLEMS
        print(f"{shown}: all {_plural(len(plan.states), 'generated file')} are up to date")
        return EXIT_OK
    if foreign and not args.force:
        for path in foreign:
            print(
                f"error: {where(path)} exists and was not written by {PROG} generate (it lacks "
                f"the '{gen.HEADER_MARK}' header comment); move it away, choose another "
                "--faq-dir / --glossary-page, or use --force to overwrite it",
                file=sys.stderr,
            )
        print(f"{PROG} generate: nothing written", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        done = gen.apply(plan, force=args.force)
    except OSError as exc:
        print(f"error: cannot write in {shown}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    for path, action in done:
        print(f"{action} {where(path)}")
    unchanged = len(plan.paths("up to date"))
    if not done:
        print(f"{shown}: all {_plural(unchanged, 'generated file')} are up to date")
    else:
        written = sum(1 for _, action in done if action == "wrote")
        removed = len(done) - written
        parts = [f"{written} written"]
        if removed:
            parts.append(f"{removed} removed")
        parts.append(f"{unchanged} up to date")
        print(f"{shown}: {', '.join(parts)}")
    return EXIT_OK


def _site_config(args: argparse.Namespace, extra_folders: list[str]) -> SiteConfig | None:
    """The site configuration in the current folder (or next to the given path), if any."""
    from .generate import find_site_config

    folders = [os.getcwd()]
    for path in extra_folders:
        if not any(char in path for char in "*?["):
            folders.append(os.path.dirname(os.path.abspath(path)) if os.path.isfile(path) else path)
    return find_site_config(folders, args.host)


def _warn_about_site(site: SiteConfig | None) -> None:
    if site is None:
        return
    for message in site.warnings():
        print(f"warning: {message}", file=sys.stderr)


def _warn_about_generate(site: SiteConfig, faq_dir: str, glossary_page: str) -> None:
    """Configurations in which the generated pages would not work as intended."""
    name = os.path.basename(site.path)
    if site.host == "mkdocs" and site.lists_faq_plugin:
        print(
            f"warning: {name}: the faq plugin is listed under plugins; it adds these pages "
            "itself and an MkDocs build stops on generated copies. Use either the plugin or "
            "`mkdocs-faq generate` with the `mkdocs_faq_plugin.markdown` extension (pass "
            "--host zensical when Zensical builds this site)",
            file=sys.stderr,
        )
    elif site.extension is None:
        print(
            f"warning: {name}: markdown_extensions does not list mkdocs_faq_plugin.markdown: "
            "faq:/glossary: links stay unresolved and no term is marked (see "
            "docs/guide/zensical.md)",
            file=sys.stderr,
        )
    else:
        for option, value in (("faq_dir", faq_dir), ("glossary_page", glossary_page)):
            configured = site.extension.get(option)
            if configured is not None and str(configured) != value:
                print(
                    f"warning: {name}: the extension's {option} is {configured!r} but the "
                    f"pages are generated for {value!r}; links would point to missing pages",
                    file=sys.stderr,
                )


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
    """Write the whole file or nothing; a failure is one line on stderr and exit code 1."""
    from .files import write_text_atomically

    try:
        write_text_atomically(path, text)
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
