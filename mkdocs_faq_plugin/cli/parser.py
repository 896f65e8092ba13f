"""The `mkdocs-faq` argument parser: every command, option and help text in one place."""

from __future__ import annotations

import argparse
import os

from .check import run_check
from .common import DEFAULT_FILE, EXIT_CODES_HELP, PROG, version
from .files import run_export, run_new, run_schema
from .generate import run_generate


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Check, export and start the faq.yml of the mkdocs-faq-plugin, "
        "without building the site.",
        epilog=EXIT_CODES_HELP + "\nRun 'mkdocs-faq COMMAND --help' for the options of a command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {version()}")
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
        "  mkdocs-faq check --languages fr,de\n\n" + EXIT_CODES_HELP,
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
    check.add_argument(
        "--aliases", metavar="DOCS_DIR",
        help="note each word the pages in DOCS_DIR link to a term by hand "
        "([text](glossary:id)) that none of its forms matches: an alias to add",
    )
    _add_layout_arguments(check)
    check.add_argument(
        "--forms", nargs="?", const="", metavar="TERM",
        help="list the surface forms the linker looks for, of every term or of TERM (an id "
        "or a name), and the rule that made each",
    )
    check.add_argument(
        "--site-language", metavar="LANG",
        help="language of the site's pages, for the notes on everyday words and the word forms "
        "of --forms (default: the site's theme.language or theme.locale, else en)",
    )
    check.add_argument(
        "--imports", action="store_true",
        help="also fetch and validate every faq.json the site's mkdocs.yml imports (the faq "
        "plugin's 'import' option), as a build would, but without its cache",
    )
    check.add_argument(
        "--import", dest="import_sources", action="append", metavar="SOURCE",
        help="also fetch and validate the faq.json at SOURCE (an http(s) URL or a path); repeatable",
    )
    _add_host_argument(check)
    check.set_defaults(run=run_check)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of faq.yml (for editors)",
        description="Print the JSON Schema (draft 2020-12) of faq.yml version 1. Editors that "
        "use yaml-language-server (VS Code's YAML extension, and others) then complete keys, "
        "show descriptions and flag mistakes while you type.",
        epilog="examples:\n"
        "  mkdocs-faq schema > faq.schema.json\n"
        "  mkdocs-faq schema --out .vscode/faq.schema.json\n\n"
        "  mkdocs-faq schema --translation > faq.translation.schema.json\n\n"
        "then start faq.yml with the line:\n"
        "  # yaml-language-server: $schema=faq.schema.json\n"
        "and each translation (faq.fr.yml, ...) with:\n"
        "  # yaml-language-server: $schema=faq.translation.schema.json\n\n" + EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    schema.add_argument(
        "--out", "-o", metavar="FILE", help="write to FILE instead of standard output"
    )
    schema.add_argument(
        "--translation",
        action="store_true",
        help="the schema of a translation file (faq.fr.yml): only ids are required",
    )
    schema.add_argument(
        "--export",
        action="store_true",
        help="the schema of faq.json, the knowledge base a build publishes and other sites "
        "import (mkdocs_faq_plugin/faq-export.schema.json)",
    )
    schema.set_defaults(run=run_schema)

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
        "  mkdocs-faq export --out docs/faq.json --check\n\n" + EXIT_CODES_HELP,
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
    export.set_defaults(run=run_export)

    new = commands.add_parser(
        "new",
        help="write a commented starter faq.yml",
        description="Write a starter faq.yml that shows every feature with comments and "
        "passes 'mkdocs-faq check'. An existing file is kept unless --force is given.",
        epilog="examples:\n"
        "  mkdocs-faq new\n"
        "  mkdocs-faq new docs/faq.yml\n"
        "  mkdocs-faq new --force\n\n" + EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    new.add_argument(
        "path", nargs="?", default=DEFAULT_FILE, metavar="PATH",
        help=f"where to write it; a folder gets a {DEFAULT_FILE} inside (default: {DEFAULT_FILE})",
    )
    new.add_argument("--force", action="store_true", help="overwrite an existing file")
    new.set_defaults(run=run_new)

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
        "  mkdocs-faq generate --watch        # beside `zensical serve`\n"
        "  mkdocs-faq generate --check        # in CI: fail when the pages are stale\n\n"
        + EXIT_CODES_HELP,
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
        help="language of the site, e.g. de: the words we write, and the word forms of the terms "
        "marked in JSON-LD answers (default: the extension's language option, else the site's "
        "theme.language or theme.locale, else en)",
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
    generate.add_argument(
        "--watch", action="store_true",
        help="keep running and write the pages again whenever faq.yml (or a translation, a "
        "template, the site config) changes; for `zensical serve`. Ctrl-C stops it",
    )
    generate.add_argument(
        "--interval", type=float, default=1.0, metavar="SECONDS",
        help="with --watch: how often to look for changes (default: 1, at least 0.2)",
    )
    _add_host_argument(generate)
    generate.set_defaults(run=run_generate)
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


def _add_layout_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--faq-dir", default="faq", metavar="DIR",
        help="the plugin's faq_dir option, if you changed it (default: faq)",
    )
    command.add_argument(
        "--glossary-page", default="glossary.md", metavar="PATH",
        help="the plugin's glossary_page option, if you changed it (default: glossary.md)",
    )

