"""Writing files the way the command line needs: whole or not at all."""

from __future__ import annotations

import errno
import os
import stat
import tempfile


def write_text_atomically(path: str, text: str) -> None:
    """Write through a temporary file in the same folder, so an interrupted run never leaves
    half a file; an existing file keeps its permissions, a new one gets the umask's.

    A symlink is written through (the link stays, its target gets the text), and a device or
    FIFO (`/dev/stdout`) is written to in place: replacing either would be a surprise, and a
    temporary file beside `/dev/stdout` cannot be made by a normal user."""
    try:
        mode = os.stat(path).st_mode  # through symlinks; /dev/stdout's leads to a pipe or tty
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", path)
    if mode is not None and not stat.S_ISREG(mode):
        with open(path, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        return
    path = os.path.realpath(path)
    folder = os.path.dirname(path)
    fd, temporary = tempfile.mkstemp(prefix=".mkdocs-faq-", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        if os.path.exists(path):
            os.chmod(temporary, os.stat(path).st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
