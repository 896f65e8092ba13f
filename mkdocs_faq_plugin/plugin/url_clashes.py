"""Generated pages and user files that would land on the same URL or output file.

The plugin refuses a docs file at a generated page's *source* path (`faq/index.md`), but
MkDocs maps several sources to one output: `glossary.md` and `glossary/index.md` both become
`glossary/index.html` under directory URLs, and `glossary_page: faq.md` becomes the FAQ
index's `faq/index.html`. The last one written silently wins. `faq.json`, written after the
build, would overwrite a user's `docs/faq/faq.json` and crash on a page written *into* a
folder `faq/faq.json/`. Each such case is one error line.

`docs_clashes` runs before MkDocs empties `site_dir` (from the docs folder's names, MkDocs'
rules for output paths), so a refused build leaves the published site as it was; `clashes`
runs once every file is known (files other plugins generate too). Both are pure; the two
`refuse_*` functions at the end hand them MkDocs' config and files.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files

EXPORT_NAME = "faq.json"
"""Written beside the FAQ pages at every build (`export.export_data`)."""

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
"""What MkDocs renders as a page."""


def clashes(
    ours: Iterable[tuple[str, str]], others: Iterable[tuple[str, str]], export_uri: str
) -> list[str]:
    """Messages for every clash. `ours`: (source, output path) of each generated page;
    `others`: the same for every other file of the site; `export_uri`: where faq.json goes."""
    messages: list[str] = []
    written: dict[str, str] = {}
    for source, dest in ours:
        if dest in written:
            messages.append(
                f"faq: the generated pages {written[dest]} and {source} would both be written to "
                f"{dest}; set the plugin's faq_dir / glossary_page option so they differ"
            )
        written.setdefault(dest, source)
    if export_uri in written or any(d.startswith(f"{export_uri}/") for d in written):
        source = written.get(export_uri) or next(s for d, s in written.items() if d.startswith(f"{export_uri}/"))
        messages.append(
            f"faq: the generated page {source} would be written where the plugin writes "
            f"{export_uri}; choose another glossary_page"
        )
    for source, dest in others:
        if dest in written:
            messages.append(
                f"faq: {source} and the generated page {written[dest]} would both be written to "
                f"{dest}; move {source} or set the plugin's faq_dir / glossary_page option"
            )
        elif dest == export_uri:
            messages.append(
                f"faq: {source} would be overwritten by {export_uri}, which the plugin writes at "
                "every build; move it or set the plugin's faq_dir option"
            )
        elif dest.startswith(f"{export_uri}/"):
            what = "is a folder" if source == dest else f"would be written into a folder {export_uri}/"
            messages.append(
                f"faq: {source} {what}, where the plugin writes the file {export_uri}; rename it"
            )
    return messages


def output_path(source: str, directory_urls: bool) -> str:
    """Where MkDocs writes a page: `a/b.md` → `a/b/index.html` (or `a/b.html`); `index.md`
    and `README.md` → `index.html` of their folder."""
    stem, _ = posixpath.splitext(source)
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        return posixpath.join(folder, "index.html")
    return f"{stem}/index.html" if directory_urls else f"{stem}.html"


def sources_for(dest: str) -> list[str]:
    """Every docs file name MkDocs would write to `dest`: pages, and a static file of that name."""
    found = [dest]
    folder, name = posixpath.split(dest)
    if name == "index.html":
        for stem in (posixpath.join(folder, "index"), posixpath.join(folder, "README"), folder):
            if stem:
                found += [stem + suffix for suffix in MARKDOWN_SUFFIXES]
    else:
        found += [dest[: -len(".html")] + suffix for suffix in MARKDOWN_SUFFIXES]
    return found


def docs_clashes(
    pages: Iterable[str], directory_urls: bool, exists: Callable[[str], bool], export_uri: str
) -> list[str]:
    """`clashes` for the generated `pages` against the files in the docs folder (`exists`
    tells whether `docs_dir/<name>` is a file, or for a name ending in `/` a folder), before
    any file list exists: only the names that could share an output are looked for."""
    pages = list(pages)
    ours = [(page, output_path(page, directory_urls)) for page in pages]
    candidates = [name for _, dest in ours for name in sources_for(dest)] + [export_uri, *(
        f"{export_uri}{stem}{suffix}" for stem in ("", "/index", "/README") for suffix in MARKDOWN_SUFFIXES
    )]
    others = [
        (name, output_path(name, directory_urls) if name.endswith(MARKDOWN_SUFFIXES) else name)
        for name in dict.fromkeys(candidates)
        if name not in pages and exists(name)
    ]
    if exists(f"{export_uri}/"):
        others.append((f"{export_uri}/", f"{export_uri}/"))  # whatever it holds is written inside
    return clashes(ours, others, export_uri)


def export_uri(faq_dir: str, prefix: str = "") -> str:
    """Where faq.json is written in `site_dir` (`prefix`: a static-i18n language's folder)."""
    return "/".join([*filter(None, prefix.split("/")), *filter(None, faq_dir.split("/")), EXPORT_NAME])


def refuse_before_build(pages: list[str], config: MkDocsConfig, faq_dir: str) -> None:
    """`docs_clashes` for the generated pages' source paths, as one `PluginError`."""

    def exists(name: str) -> bool:
        path = os.path.join(config.docs_dir, *name.split("/"))
        return os.path.isdir(path) if name.endswith("/") else os.path.isfile(path)

    messages = docs_clashes(pages, config.use_directory_urls, exists, export_uri(faq_dir))
    if messages:
        raise PluginError("\n".join(messages))


def refuse_in_files(files: Files, generated: list[File], faq_dir: str, prefix: str) -> None:
    """`clashes` once the site's files are known, as one `PluginError`."""
    ours = {id(file) for file in generated}
    messages = clashes(
        [(file.src_uri, file.dest_uri) for file in generated],
        [(file.src_uri, file.dest_uri) for file in files if id(file) not in ours],
        export_uri(faq_dir, prefix),
    )
    if messages:
        raise PluginError("\n".join(messages))
