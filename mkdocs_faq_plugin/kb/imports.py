"""Other sites' knowledge bases (`import:`): fetched, size- and time-limited, cached per source.

A source is an http(s) URL of a published `faq/faq.json`, or a path to one relative to the
site's folder. Each good copy is kept in the cache folder; when a source cannot be reached
(network down, server error, file not built yet) the cached copy is used and the reason is
a note, so a `--strict` build passes. A source that answers with something unusable (not
JSON, wrong version, too large, redirected to another scheme) is broken: a warning when a
cached copy stands in, else an error. Pure of MkDocs: the plugin and `mkdocs-faq check` log
what `Outcome` holds.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from .. import __version__
from .exported import ExportError, SiteExport, read_export

DEFAULT_CACHE_DIR = ".cache/mkdocs-faq"
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_MB = 20.0
REFETCH_AFTER = 300.0
"""Seconds during which `mkdocs serve` reuses what it fetched instead of asking again."""
_CHUNK = 65536
_SCHEMES = ("http", "https")


class Unreachable(Exception):
    """The source did not answer (or its file is missing): a cached copy may stand in."""


class Refused(Exception):
    """The source answered with something this plugin will not use."""


@dataclass
class Outcome:
    """The sites read, and what to tell the user: notes (INFO), warnings, errors."""

    exports: list[SiteExport] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def is_url(source: str) -> bool:
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]+:", source))


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only: never to `file:`, `ftp:` or anything else."""

    max_redirections = 5

    def http_error_302(self, req: Any, fp: Any, code: int, msg: str, headers: Any) -> Any:
        target = headers.get("Location") or headers.get("URI") or ""
        newurl = urljoin(req.full_url, target)
        if urlsplit(newurl).scheme.lower() not in _SCHEMES:
            raise Refused(f"redirected to {newurl!r}; only http and https redirects are followed")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


class Importer:
    """Reads the `import:` sources of one site; kept across `mkdocs serve` rebuilds.

    `refetch_after` (seconds) lets a long-lived importer reuse an URL's last copy instead of
    asking again on every rebuild; None always asks (`mkdocs build`). Paths are always read
    again: that is cheap, and a glossary built next door shows at once.
    """

    def __init__(
        self,
        base_dir: str,
        *,
        cache_dir: str = DEFAULT_CACHE_DIR,
        timeout: float = DEFAULT_TIMEOUT,
        max_mb: float = DEFAULT_MAX_MB,
        refetch_after: float | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = (base_dir, cache_dir, timeout, max_mb, refetch_after)
        """What this importer was made with: a site whose options change needs another."""
        self.base_dir = base_dir
        self.cache_dir = os.path.join(base_dir, os.path.expanduser(cache_dir))
        self.timeout = timeout
        self.max_mb = max_mb
        self.max_bytes = int(max_mb * 1024 * 1024)
        self.refetch_after = refetch_after
        self.clock = clock
        self._recent: dict[str, tuple[float, SiteExport]] = {}
        self._opener = urllib.request.build_opener(_HttpOnlyRedirects)

    def load(self, sources: list[str]) -> Outcome:
        outcome = Outcome()
        for source in sources:
            recent = self._recent.get(source) if is_url(source) else None
            if recent and self.refetch_after is not None and self.clock() - recent[0] < self.refetch_after:
                outcome.exports.append(recent[1])
                continue
            export = self._load_one(source, outcome)
            if export is not None:
                self._recent[source] = (self.clock(), export)
                outcome.exports.append(export)
        return outcome

    def read(self, source: str) -> tuple[SiteExport, bytes]:
        """One source as it is now, without the cache: `Unreachable`, `Refused` or
        `ExportError` say why not (`mkdocs-faq check --imports`)."""
        raw = self._fetch(source)
        return read_export(raw, source, location=source if is_url(source) else None), raw

    def _load_one(self, source: str, outcome: Outcome) -> SiteExport | None:
        location = source if is_url(source) else None
        try:
            export, raw = self.read(source)
        except Unreachable as exc:
            cached = self._cached(source, location)
            if cached is None:
                outcome.errors.append(
                    f"import {source}: {exc}, and there is no cached copy in {self._shown_cache()}"
                )
                return None
            outcome.notes.append(f"import {source}: {exc}; using the cached copy from {self._age(source)}")
            return cached
        except (Refused, ExportError) as exc:
            message = str(exc) if isinstance(exc, ExportError) else f"{source}: {exc}"
            cached = self._cached(source, location)
            if cached is None:
                outcome.errors.append(f"import {message}")
                return None
            outcome.warnings.append(f"import {message}; using the cached copy from {self._age(source)}")
            return cached
        note = self._store(source, raw)
        if note:
            outcome.notes.append(note)
        return export

    # -- reading -------------------------------------------------------------------------

    def _fetch(self, source: str) -> bytes:
        if not is_url(source):
            return self._read_file(source)
        scheme = urlsplit(source).scheme.lower()
        if scheme not in _SCHEMES:
            raise Refused(f"only http, https and file paths can be imported, not {scheme}: URLs")
        request = urllib.request.Request(
            source, headers={"Accept": "application/json", "User-Agent": f"mkdocs-faq-plugin/{__version__}"}
        )
        deadline = time.monotonic() + self.timeout
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                length = response.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > self.max_bytes:
                    raise Refused(self._too_large())
                return self._read_limited(response, deadline)
        except urllib.error.HTTPError as exc:
            raise Unreachable(f"the server answered {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            raise Unreachable(f"cannot be reached ({_reason(exc.reason)})") from None
        except (TimeoutError, OSError) as exc:
            raise Unreachable(f"cannot be reached ({_reason(exc)})") from None

    def _read_limited(self, stream: Any, deadline: float) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while True:
            if time.monotonic() > deadline:
                raise Unreachable(f"cannot be reached (no complete answer within {self.timeout:g} s)")
            chunk = stream.read(_CHUNK)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > self.max_bytes:
                raise Refused(self._too_large())
            chunks.append(chunk)

    def _read_file(self, source: str) -> bytes:
        path = os.path.join(self.base_dir, os.path.expanduser(source))
        try:
            with open(path, "rb") as stream:
                return self._read_limited(stream, time.monotonic() + self.timeout)
        except FileNotFoundError:
            raise Unreachable(f"no file {path}") from None
        except IsADirectoryError:
            raise Refused(f"{path} is a folder, not a faq.json") from None
        except OSError as exc:
            raise Unreachable(f"cannot be read ({_reason(exc)})") from None

    def _too_large(self) -> str:
        return f"larger than the limit of {self.max_mb:g} MB (import_max_mb)"

    # -- the cache -----------------------------------------------------------------------

    def cache_path(self, source: str) -> str:
        """One file per source: a readable stem, and a hash that tells sources apart."""
        digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:12]
        stem = re.sub(r"[^A-Za-z0-9.-]+", "-", re.sub(r"^[a-z]+://", "", source)).strip("-.")[:60]
        return os.path.join(self.cache_dir, f"{stem or 'faq'}-{digest}.json")

    def _cached(self, source: str, location: str | None) -> SiteExport | None:
        try:
            with open(self.cache_path(source), "rb") as stream:
                raw = stream.read(self.max_bytes + 1)
        except OSError:
            return None
        try:
            return read_export(raw, source, location=location)
        except ExportError:
            return None  # written by another version, or damaged: as good as none

    def _store(self, source: str, raw: bytes) -> str | None:
        path = self.cache_path(source)
        temporary = f"{path}.{os.getpid()}.tmp"
        try:
            os.makedirs(self.cache_dir, exist_ok=True)
            with open(temporary, "wb") as stream:
                stream.write(raw)
            os.replace(temporary, path)
        except OSError as exc:
            return f"import {source}: not cached ({_reason(exc)})"
        return None

    def _age(self, source: str) -> str:
        try:
            seconds = max(0.0, self.clock() - os.path.getmtime(self.cache_path(source)))
        except OSError:
            return "an unknown time ago"
        return describe_age(seconds)

    def _shown_cache(self) -> str:
        relative = os.path.relpath(self.cache_dir, self.base_dir)
        return relative if not relative.startswith("..") else self.cache_dir


def describe_age(seconds: float) -> str:
    """`3 minutes ago`, `5 hours ago`, `2 days ago`: how old a cached copy is."""
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            count = int(seconds // size)
            return f"{count} {unit}{'s' if count != 1 else ''} ago"
    return "less than a minute ago"


def _reason(error: object) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__
