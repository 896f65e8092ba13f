"""The commands that write one file: `schema`, `new` and `export`."""

from __future__ import annotations

import argparse
import copy
import json
import os
import sys
from typing import Any
from urllib.parse import urlparse

from .common import (
    DEFAULT_FILE,
    EXIT_OK,
    EXIT_PROBLEMS,
    PACKAGE_DIR,
    PROG,
    emit,
    format_problem,
    quote_arg,
    usage_error,
    write_file,
)

SCHEMA_FILE = PACKAGE_DIR / "faq.schema.json"
EXPORT_SCHEMA_FILE = PACKAGE_DIR / "faq-export.schema.json"
STARTER_FILE = PACKAGE_DIR / "templates" / "starter-faq.yml"


def schema_text() -> str:
    """The JSON Schema shipped in the package (`mkdocs_faq_plugin/faq.schema.json`)."""
    return SCHEMA_FILE.read_text(encoding="utf-8")


def translation_schema(base: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of a translation file (`faq.fr.yml`), from faq.yml's.

    A translation holds the same keys with the same values, but only those it translates: an
    entry needs nothing but the id of the entry it translates (a term may instead be named by
    its translated `term`, whose slug is then its id); every other key is inherited. It may
    also name tags in its language (`tags:`).
    """
    schema = copy.deepcopy(base)
    schema["title"] = "faq.<locale>.yml, a translation of faq.yml (mkdocs-faq-plugin), version 1"
    schema["description"] = (
        "One language's translations of faq.yml's entries, matched by id; keys left out are "
        "taken from faq.yml. Whether each id exists in faq.yml, and that a question keeps its "
        "category, is checked by `mkdocs-faq check`, not by this schema."
    )
    defs = schema["$defs"]
    defs["category"]["required"] = ["id"]
    defs["question"]["required"] = ["id"]
    del defs["term"]["required"]
    defs["term"]["anyOf"] = [{"required": ["id"]}, {"required": ["term"]}]
    schema["properties"]["tags"] = {
        "description": (
            "Names of tags in this language: each key a tag as faq.yml's questions write it, "
            "each value its name here. The tag keeps its anchor; only its name changes."
        ),
        "type": "object",
        "additionalProperties": {"type": "string", "minLength": 1, "pattern": "\\S"},
    }
    return schema


def run_schema(args: argparse.Namespace) -> int:
    if args.export:
        if args.translation:
            return usage_error("schema", "--export and --translation are two different schemas")
        return emit(EXPORT_SCHEMA_FILE.read_text(encoding="utf-8"), args.out)
    if args.translation:
        text = json.dumps(translation_schema(json.loads(schema_text())), indent=2, ensure_ascii=False)
        return emit(text + "\n", args.out)
    return emit(schema_text(), args.out)


def run_export(args: argparse.Namespace) -> int:
    if args.check and not args.out:
        return usage_error("export", "--check needs --out FILE (the file to compare with)")
    if args.base_url is not None:
        parsed = urlparse(args.base_url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            return usage_error(
                "export", f"--base-url must be an absolute http(s) URL, not {args.base_url!r}"
            )
    from ..kb.loading import load
    from ..layout import SiteLayout
    from ..pages.export import export_data, to_csv, to_json

    result = load(args.files or [DEFAULT_FILE], base_dir=os.getcwd())
    for problem in result.problems:
        print(format_problem(problem), file=sys.stderr)
    if result.kb is None:
        print(f"{PROG} export: nothing written, fix the errors above first", file=sys.stderr)
        return EXIT_PROBLEMS
    kb = result.kb
    if args.audience:
        from ..kb.audience import select

        kb, _ = select(kb, args.audience)
    try:
        layout = SiteLayout(kb, faq_dir=args.faq_dir.strip("/"), glossary_page=args.glossary_page)
    except ValueError as exc:  # a --faq-dir / --glossary-page outside the docs folder
        return usage_error("export", str(exc))
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
    return emit(text, args.out)


def starter_text() -> str:
    """The commented starter faq.yml that `mkdocs-faq new` writes."""
    return STARTER_FILE.read_text(encoding="utf-8")


def run_new(args: argparse.Namespace) -> int:
    path = args.path
    if os.path.isdir(path):
        path = os.path.join(path, DEFAULT_FILE)
    if os.path.exists(path) and not args.force:
        print(f"error: {path} already exists; use --force to overwrite it", file=sys.stderr)
        return EXIT_PROBLEMS
    status = write_file(path, starter_text())
    if status == EXIT_OK:
        print(f"wrote {path}; edit it, then run: {PROG} check {quote_arg(path)}")
    return status

