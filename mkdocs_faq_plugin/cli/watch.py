"""`mkdocs-faq generate --watch`: write the pages again whenever faq.yml changes.

For `zensical serve` (or any server that rebuilds when docs/ changes): Zensical does not run
our code, so nothing else would notice an edit to faq.yml. Polling with `os.stat`, standard
library only: every `interval` seconds it looks at a small, fixed set of files (the input
files, the YAML files beside them, which covers translations and faq.d/, the template
folders and the site configuration) and regenerates when any of them changed, appeared or
disappeared. Errors in faq.yml are printed and the watch goes on; Ctrl-C stops it.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable

from .common import EXIT_OK, PROG

Stamps = dict[str, tuple[int, int]]
YAML_SUFFIXES = (".yml", ".yaml")
MIN_INTERVAL = 0.2


def stamps(paths: Iterable[str], folders: Iterable[str], trees: Iterable[str]) -> Stamps:
    """Modification time and size of `paths`, of the YAML files directly in `folders` and of
    every file under `trees`; a missing path is simply absent."""
    found: set[str] = {os.path.abspath(p) for p in paths}
    for folder in folders:
        try:
            with os.scandir(folder) as entries:
                found.update(e.path for e in entries if e.name.endswith(YAML_SUFFIXES) and e.is_file())
        except OSError:
            continue
    for tree in trees:
        for root, _, names in os.walk(tree):
            found.update(os.path.join(root, name) for name in names)
    result: Stamps = {}
    for path in found:
        try:
            stat = os.stat(path)
        except OSError:
            continue
        result[os.path.abspath(path)] = (stat.st_mtime_ns, stat.st_size)
    return result


def watch(
    generate: Callable[[], int],
    inputs: Callable[[], Stamps],
    *,
    interval: float = 1.0,
    rounds: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Run `generate` now and after every change of `inputs()`, until Ctrl-C (or, for tests,
    `rounds` polls). Returns the exit status: 0, since a watch ends only when asked to."""
    interval = max(interval, MIN_INTERVAL)
    try:
        seen = inputs()
        generate()
        print(f"{PROG} generate: watching {len(seen)} files; Ctrl-C stops", file=sys.stderr)
        done = 0
        while rounds is None or done < rounds:
            sleep(interval)
            done += 1
            now = inputs()
            if now != seen:
                seen = now
                generate()
    except KeyboardInterrupt:
        print(f"{PROG} generate: stopped watching", file=sys.stderr)
    return EXIT_OK
