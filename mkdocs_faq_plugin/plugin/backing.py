"""Generated pages backed by real files, so every plugin can read them.

Plugins such as mkdocs-rss-plugin, mkdocs-static-i18n and git-revision-date-localized read
`file.abs_src_path` of every page (to open it, look up its git history, or locate images next
to it); an in-memory `File.generated(content=...)` leaves it `None` and breaks them. So, like
mkdocs-gen-files, each page is written to a temporary directory that belongs to one plugin
instance, and MkDocs reads it from there. The directory lives as long as the instance (across
`mkdocs serve` rebuilds), is emptied at the start of each build, and is removed on shutdown —
or by the interpreter if a build never shuts down cleanly. `docs_dir` is never written.
"""

from __future__ import annotations

import os
import posixpath
import shutil
import tempfile

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

PREFIX = "mkdocs_faq_"


class BackingDirectory:
    """The temporary directory holding one plugin instance's generated pages."""

    def __init__(self) -> None:
        self._directory: tempfile.TemporaryDirectory[str] | None = None

    @property
    def path(self) -> str:
        if self._directory is None:
            self._directory = tempfile.TemporaryDirectory(prefix=PREFIX)
        return self._directory.name

    def clear(self) -> None:
        """Forget the previous build's pages (a deleted category's page must not linger)."""
        if self._directory is not None:
            for name in os.listdir(self._directory.name):
                target = os.path.join(self._directory.name, name)
                if os.path.isdir(target) and not os.path.islink(target):
                    shutil.rmtree(target, ignore_errors=True)
                else:
                    os.unlink(target)

    def cleanup(self) -> None:
        if self._directory is not None:
            self._directory.cleanup()
            self._directory = None

    def page(
        self, config: MkDocsConfig, src_path: str, markdown: str, *, folder: str = ""
    ) -> File:
        """A generated page at `src_path` whose source is a real file holding `markdown`.

        `folder` keeps builds of one site apart (one per language with mkdocs-static-i18n).
        """
        parts = [p for p in posixpath.join(folder, src_path).split("/") if p]
        target = os.path.join(self.path, *parts)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="") as stream:
            stream.write(markdown)
        return File.generated(config, src_path, abs_src_path=target)
