"""`mkdocs-faq generate`: the plugin's pages as Markdown files, for hosts without MkDocs plugins."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from .common import (
    DEFAULT_FILE,
    EXIT_OK,
    EXIT_PROBLEMS,
    PROG,
    format_problem,
    plural,
    site_config,
    usage_error,
    warn_about_site,
)

if TYPE_CHECKING:
    from .site_config import SiteConfig


def run_generate(args: argparse.Namespace) -> int:
    if getattr(args, "watch", False):
        if args.check:
            return usage_error("generate", "--watch and --check cannot be combined")
        from .watch import watch

        once = argparse.Namespace(**{**vars(args), "watch": False})
        return watch(lambda: run_generate(once), lambda: _watched(once), interval=args.interval)
    from ..kb.loading import display_name, load
    from ..pages.environment import template_environment
    from ..pages.labels import labels_for
    from . import prebuilt as gen

    base_dir = os.getcwd()
    site = site_config(args, [os.path.join(args.out, os.pardir)] if args.out else [])
    options = dict(site.extension or {}) if site else {}
    faq_dir = args.faq_dir if args.faq_dir is not None else str(options.get("faq_dir", "faq"))
    glossary_page = args.glossary_page or str(options.get("glossary_page", "glossary.md"))
    warn_about_site(site)
    if site is not None:
        warn_about_generate(site, faq_dir, glossary_page)

    files = _input_patterns(args, site, base_dir)
    if args.out:
        out = args.out
    elif site is not None:
        out = os.path.relpath(os.path.join(site.folder, site.docs_dir), base_dir)
    else:
        out = "docs"

    result = load(files, base_dir=base_dir)
    for problem in result.problems:
        print(format_problem(problem), file=sys.stderr)
    if result.kb is None:
        print(f"{PROG} generate: nothing written, fix the errors above first", file=sys.stderr)
        return EXIT_PROBLEMS
    # The extension's own `language` (the language it marks terms in), else the theme's.
    language = args.language or str(options.get("language") or "") or (site.language if site else None)
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
            language=language,
        )
    except ValueError as exc:  # unsafe --faq-dir / --glossary-page, bad label
        return usage_error("generate", str(exc))

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
                f"{plural(count, 'generated file')} need updating; run the same "
                f"command without --check",
                file=sys.stderr,
            )
            return EXIT_PROBLEMS
        print(f"{shown}: all {plural(len(plan.states), 'generated file')} are up to date")
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
        print(f"{shown}: all {plural(unchanged, 'generated file')} are up to date")
    else:
        written = sum(1 for _, action in done if action == "wrote")
        removed = len(done) - written
        parts = [f"{written} written"]
        if removed:
            parts.append(f"{removed} removed")
        parts.append(f"{unchanged} up to date")
        print(f"{shown}: {', '.join(parts)}")
    return EXIT_OK


def _input_patterns(args: argparse.Namespace, site: SiteConfig | None, base_dir: str) -> list[str]:
    """The faq.yml files or globs to read: the arguments, else the site's faq_file."""
    files = list(args.files)
    options = dict(site.extension or {}) if site else {}
    if not files and site is not None and options.get("faq_file"):
        configured = options["faq_file"]
        names = [str(f) for f in configured] if isinstance(configured, list) else [str(configured)]
        files = [os.path.relpath(os.path.join(site.folder, name), base_dir) for name in names]
    return files or [DEFAULT_FILE]


def _watched(args: argparse.Namespace) -> dict[str, tuple[int, int]]:
    """What `--watch` looks at, found again on every poll (a glob may match a new file)."""
    from ..kb.loading import expand_paths
    from .watch import stamps

    base_dir = os.getcwd()
    site = site_config(args, [os.path.join(args.out, os.pardir)] if args.out else [])
    paths, _ = expand_paths(_input_patterns(args, site, base_dir), base_dir)
    if site is not None:
        paths.append(site.path)
    folders = {os.path.dirname(path) for path in paths}
    return stamps(paths, folders, args.templates)


def warn_about_generate(site: SiteConfig, faq_dir: str, glossary_page: str) -> None:
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

