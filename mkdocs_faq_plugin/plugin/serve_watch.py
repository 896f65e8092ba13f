"""`mkdocs serve`: rebuild when a knowledge-base file changes, and for nothing else.

The watcher drops a watched file that is deleted, so an editor that saves by replacing the
file would stop rebuilds; we watch the folder holding each file (a glob's folder tree)
instead. MkDocs' own `server.watch(folder)` rebuilds on ANY change in it, and a build that
writes into that folder (`mkdocs serve > serve.log`, `nohup.out`) then rebuilds forever.
So our handler looks at each event's paths and wakes the server only for files the
`file:` patterns name or match (and their translations). Only `plugin` imports this.
"""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Callable, Iterable
from typing import Any

from ..kb.loading import YAML_SUFFIXES
from . import site


def knowledge_file_filter(patterns: Iterable[str], base_dir: str) -> Callable[[str], bool]:
    """Whether a path is one of the knowledge-base files (or a translation beside one)."""
    plain: set[str] = set()
    globs: list[str] = []
    for pattern in patterns:
        absolute = os.path.normpath(os.path.join(base_dir, pattern))
        if glob.has_magic(pattern):
            globs.append(absolute)
        else:
            plain.add(absolute)
    stems = {os.path.splitext(path)[0] + "." for path in plain}

    def wanted(path: str) -> bool:
        path = os.path.normpath(os.path.abspath(path))
        if path in plain:
            return True
        stem, extension = os.path.splitext(path)
        if extension.lower() not in YAML_SUFFIXES:
            return False
        if any(stem.startswith(prefix) and "." not in stem[len(prefix):] for prefix in stems):
            return True  # faq.fr.yml beside faq.yml
        return any(fnmatch.fnmatch(path, pattern) for pattern in globs)

    return wanted


def watch(server: Any, patterns: list[str], base_dir: str) -> None:
    """Rebuild on changes to the knowledge-base files only, watching `site.watched_folders`.

    Waking the server uses `LiveReloadServer`'s rebuild condition, as its own `watch` does;
    a server without it (another MkDocs) falls back to watching whole folders.
    """
    wanted = knowledge_file_filter(patterns, base_dir)
    folders = site.watched_folders(patterns, base_dir)
    condition = getattr(server, "_rebuild_cond", None)
    observer = getattr(server, "observer", None)
    if condition is None or observer is None or not hasattr(server, "_want_rebuild"):
        for folder, recursive in folders:
            server.watch(folder, recursive=recursive)
        return
    import watchdog.events  # MkDocs' dependency, only needed while serving

    def on_any_event(event: Any) -> None:
        if event.is_directory:
            return
        paths = (event.src_path, getattr(event, "dest_path", "") or "")
        if any(path and wanted(os.fsdecode(path)) for path in paths):
            with condition:
                server._want_rebuild = True
                condition.notify_all()

    for folder, recursive in folders:
        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = on_any_event  # type: ignore[method-assign]
        observer.schedule(handler, folder, recursive=recursive)
