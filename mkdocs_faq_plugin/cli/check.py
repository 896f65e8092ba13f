"""`mkdocs-faq check`: every problem of a knowledge base, its translations and its terms, then a summary."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from ..kb.problems import errors, notes, warnings
from .common import (
    DEFAULT_FILE,
    EXIT_OK,
    EXIT_PROBLEMS,
    format_problem,
    join_names,
    plural,
    site_config,
    usage_error,
    warn_about_site,
)

if TYPE_CHECKING:
    from ..kb.loading import LanguagesResult
    from ..kb.model import KnowledgeBase


def run_check(args: argparse.Namespace) -> int:
    from ..kb.loading import display_name, load, load_languages
    from ..layout import unsafe_path

    for option, value, folder in (
        ("--faq-dir", args.faq_dir.strip("/"), True), ("--glossary-page", args.glossary_page, False)
    ):
        unsafe = unsafe_path(value, folder=folder)
        if unsafe:  # refused whether or not --unused reads it: a typo must not pass quietly
            return usage_error("check", f"{option} {value!r} {unsafe}")
    base_dir = os.getcwd()
    site = site_config(args, [*args.files[:1]])
    warn_about_site(site)
    patterns = args.files or [DEFAULT_FILE]
    result = load(patterns, base_dir=base_dir)
    problems = list(result.problems)
    wanted = [code.strip() for code in (args.languages or "").split(",") if code.strip()]
    languages = None
    listing = None
    if result.kb is not None:
        from ..terms import everyday
        from ..terms import report as forms_report

        languages = load_languages(patterns, base_dir, result, wanted or None)
        problems += languages.problems
        linked = result.kb
        language = args.site_language or (site.language if site else None) or "en"
        if args.forms is not None:
            chosen = list(linked.glossary)
            if args.forms:
                chosen = forms_report.terms_named(linked, args.forms, language)
                if not chosen:
                    return usage_error("check", f"--forms: no glossary term '{args.forms}'")
            listing = forms_report.forms_listing(linked, chosen, language)
        problems += forms_report.shared_form_notes(linked, language)
        problems += everyday.notes(linked, language)
    if args.review_after and result.kb is not None:
        import datetime

        from ..kb.review import parse_max_age, stale_questions

        try:
            max_age = parse_max_age(args.review_after)
        except ValueError as exc:
            return usage_error("check", f"--review-after: {exc}")
        problems += stale_questions(result.kb, max_age, datetime.date.today())
    if args.unused and result.kb is not None:
        from ..terms.unused import unused_problems, unused_terms
        from .scan import mentioned_in_docs

        if not os.path.isdir(args.unused):
            return usage_error("check", f"--unused: {args.unused} is not a folder")
        try:
            mentioned = mentioned_in_docs(
                result.kb, args.unused,
                faq_dir=args.faq_dir.strip("/"), glossary_page=args.glossary_page,
                language=args.site_language or (site.language if site else None),
            )
        except ValueError as exc:  # a --faq-dir / --glossary-page outside the docs folder
            return usage_error("check", str(exc))
        problems += unused_problems(unused_terms(result.kb, mentioned))
    if args.aliases and result.kb is not None:
        from .hand_links import alias_notes

        if not os.path.isdir(args.aliases):
            return usage_error("check", f"--aliases: {args.aliases} is not a folder")
        problems += alias_notes(result.kb, args.aliases,
                                args.site_language or (site.language if site else None))
    imports_failed = False
    import_lines: list[str] = []
    if args.imports or args.import_sources:
        from ..kb.shared import without_imported_links
        from .imports import check_imports, import_sources

        sources, sources_dir, limits, missing = import_sources(args, site.path if site else None)
        if missing:
            return usage_error("check", missing[0])
        import_lines, exports, imports_failed = check_imports(sources, sources_dir, limits)
        problems = without_imported_links(problems, exports)
    for problem in problems:
        print(format_problem(problem))
    if import_lines:
        print("\n".join(import_lines))
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
    where = join_names(names) or "no file"
    failed = bool(found_errors) or result.kb is None or (args.strict and bool(found_warnings)) or imports_failed
    counts = ", ".join(
        plural(len(found), kind)
        for found, kind in ((found_errors, "error"), (found_warnings, "warning"), (found_notes, "note"))
        if found
    )
    if failed:
        strict = " (--strict: warnings fail too)" if args.strict and found_warnings else ""
        reason = counts or ("an import is unusable" if imports_failed else "no knowledge base read")
        print(f"{where}: failed, {reason}{strict}")
    else:
        kb = result.kb
        assert kb is not None  # `failed` covers a missing knowledge base
        contents = ", ".join([
            plural(len(kb.questions), "question"),
            plural(len(kb.categories), "category", "categories"),
            plural(len(kb.glossary), "glossary term"),
        ])
        print(f"{where}: OK ({contents}){'; ' + counts if counts else ''}")
    return EXIT_PROBLEMS if failed else EXIT_OK


def _print_coverage(default: KnowledgeBase, languages: LanguagesResult, base_dir: str) -> None:
    """Per language: each entry that falls back to the default language, then a summary."""
    from ..kb.loading import display_name

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
            f"{code} ({shown_files}): {total - len(missing)} of {plural(total, 'entry', 'entries')} "
            f"translated, {len(missing)} fall back to the default language"
        )

