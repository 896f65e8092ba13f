"""The edit link of a generated page: the URL of faq.yml (or its translation) in the repository.

MkDocs builds a page's edit link from `edit_uri` (or `edit_uri_template`) and the page's
`File.edit_uri`, a path relative to the docs folder. For our pages that path leaves the docs
folder (`../faq.yml`), and two things then go wrong on real sites:

* mkdocs-monorepo-plugin, which Backstage's techdocs-core installs on every build, copies the
  docs into a temporary folder and points `docs_dir` there whenever `nav` is set. A path
  relative to that folder is `../../tmp/xyz/../faq.yml`, a file no repository has. The folder
  the edit URLs are written for is the one it copied from (`originalDocsDir`).
* With an absolute `edit_uri` and no `repo_url`, MkDocs joins the two without resolving `..`,
  so the link reads `…/edit/main/docs/../faq.yml`. Browsers resolve it when followed, but
  readers see it and hosts that rewrite links may not. `without_dot_segments` resolves it.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlsplit, urlunsplit

MONOREPO = "monorepo"


def source_docs_dir(docs_dir: str, plugins: Any) -> str:
    """The docs folder of the repository: `docs_dir`, unless mkdocs-monorepo-plugin moved it."""
    monorepo = plugins.get(MONOREPO) if hasattr(plugins, "get") else None
    original = getattr(monorepo, "originalDocsDir", None)
    return original if isinstance(original, str) and original else docs_dir


def edit_path(file: str, docs_dir: str) -> str:
    """`file` relative to `docs_dir`, with forward slashes, as `File.edit_uri` wants it."""
    return os.path.relpath(file, docs_dir).replace(os.sep, "/")


def without_dot_segments(url: str) -> str:
    """`url` with `.` and `..` path segments resolved (RFC 3986, 5.2.4); query and fragment
    are kept as they are. A relative URL keeps the `..` that have nothing left to climb."""
    parts = urlsplit(url)
    segments = parts.path.split("/")
    if "." not in segments and ".." not in segments:
        return url
    absolute = parts.path.startswith("/")
    if absolute:
        segments = segments[1:]
    kept: list[str] = []
    for index, segment in enumerate(segments):
        if segment in (".", ".."):
            if segment == ".." and kept and kept[-1] != "..":
                kept.pop()
            elif segment == ".." and not absolute:
                kept.append("..")
            if index == len(segments) - 1:
                kept.append("")  # "a/b/.." is the folder "a/"
        else:
            kept.append(segment)
    path = ("/" if absolute else "") + "/".join(kept)
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, parts.fragment))
