"""A corpus as a real MkDocs site with the plugin, built; and the same pages as hand-linked.

The site's theme renders only `page.content`, so each built file is the page's HTML body and
nothing else: what the linker produced, compared with the plain render of the hand-linked
original (`plain_render`) made by the same Markdown extensions.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import markdown
import yaml

from .corpus import Corpus

__all__ = ["EXTENSIONS", "build", "plain_render"]

EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "admonition", "footnotes", "def_list"]


def faq_yml(corpus: Corpus, settings: dict[str, dict[str, Any]]) -> str:
    """The knowledge base: the corpus's entries, or its default language's when it has one."""
    glossary = []
    for entry in corpus.base or corpus.entries:
        item: dict[str, Any] = {"term": entry.title, "id": entry.id,
                                "definition": entry.definition or entry.title}
        if entry.aliases:
            item["aliases"] = list(entry.aliases)
        item.update(settings.get(entry.id, {}))
        glossary.append(item)
    head = {"language": corpus.base_language} if corpus.base else {}
    return yaml.safe_dump({**head, "glossary": glossary}, allow_unicode=True, sort_keys=False)


def translation_yml(corpus: Corpus) -> str:
    """The entries of the corpus's own language that differ from the default language's."""
    base = {entry.id: entry for entry in corpus.base}
    glossary = [
        {"id": entry.id, "term": entry.title, "definition": entry.definition or entry.title,
         "aliases": list(entry.aliases)}
        for entry in corpus.entries if base.get(entry.id) != entry
    ]  # fmt: skip
    return yaml.safe_dump({"glossary": glossary}, allow_unicode=True, sort_keys=False)


def build(corpus: Corpus, folder: Path, settings: dict[str, dict[str, Any]] | None = None) -> dict[str, str]:
    """Build the stripped pages with the plugin (annotate: all); page path → content HTML."""
    if folder.exists():
        shutil.rmtree(folder)
    docs = folder / "docs"
    for page in corpus.pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        head = f"---\nglossary_term: {page.about}\n---\n\n" if page.about else ""
        target.write_text(head + page.stripped, encoding="utf-8")
    (folder / "overrides").mkdir(parents=True)
    (folder / "overrides" / "main.html").write_text("{{ page.content }}", encoding="utf-8")
    (folder / "faq.yml").write_text(faq_yml(corpus, settings or {}), encoding="utf-8")
    faq_options: dict[str, Any] = {"nav": False, "json_ld": False, "tooltips": False,
                                   "glossary": {"annotate": "all", "used_in_limit": 0}}
    if corpus.base:
        translation = folder / f"faq.{corpus.language}.yml"
        translation.write_text(translation_yml(corpus), encoding="utf-8")
        faq_options["language"] = corpus.language
    config = {
        "site_name": f"{corpus.name} {corpus.language}",
        "use_directory_urls": False,
        "theme": {"name": "mkdocs", "custom_dir": "overrides", "locale": corpus.language.split("-")[0]},
        "markdown_extensions": EXTENSIONS,
        "plugins": [{"faq": faq_options}],
        "validation": {"nav": {"omitted_files": "ignore", "not_found": "ignore"},
                       "links": {"not_found": "ignore", "absolute_links": "ignore",
                                 "unrecognized_links": "ignore", "anchors": "ignore"}},
    }
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    process = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(folder / "mkdocs.yml")],
        capture_output=True, text=True, env=env, check=False, timeout=1200,
    )
    if process.returncode != 0:
        raise RuntimeError(f"build of {folder} failed:\n{process.stderr[-3000:]}")
    site = folder / "site"
    return {
        page.path: (site / page.path.replace(".md", ".html")).read_text(encoding="utf-8")
        for page in corpus.pages
    }


def plain_render(text: str) -> str:
    """The hand-linked original as HTML, by the site's extensions and nothing of ours."""
    return markdown.markdown(text, extensions=EXTENSIONS)
