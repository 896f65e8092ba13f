"""A published `faq.json` read back: its format versions, its checks, its entries as owner URLs.

Another site's export (see `export`) is the contract a site imports by (`import:`), so it is
checked here as strictly as faq.yml is: every problem names the source and the place in the
document (`glossary[3].url`). `faq-export.schema.json` describes the same rules for other
tools; tests keep the two in step. Pure: no MkDocs, no network (see `imports` for fetching).

Versions: a document without `version` is version 1. A version changes only when a key is
removed or renamed; added keys (`site_root`, each term's `case_sensitive`, `annotate` and
`variants`) keep it, and a file without them reads with their defaults. A reader accepts every
version up to `LATEST_VERSION` and refuses newer ones, whose meaning it cannot know.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from .model import Term

LATEST_VERSION = 1
DEFAULT_SITE_ROOT = "../"
"""Where a file without `site_root` is assumed to sit: `<site>/faq/faq.json`, one folder below
the site root (the default `faq_dir`)."""

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_SITE_ROOT = re.compile(r"^(?:\.\./)*\Z")


class ExportError(Exception):
    """A document that cannot be imported; the message names the source."""


@dataclass(frozen=True)
class SiteExport:
    """What one imported faq.json offers: terms for the matcher, and where each entry lives."""

    source: str
    version: int
    title: str = ""
    language: str | None = None
    terms: tuple[Term, ...] = ()
    term_urls: dict[str, str] = field(default_factory=dict)
    question_urls: dict[str, str] = field(default_factory=dict)
    category_urls: dict[str, str] = field(default_factory=dict)


def read_export(raw: bytes, source: str, *, location: str | None = None) -> SiteExport:
    """The entries of one faq.json, every URL made absolute.

    `location` is the http(s) URL the file was fetched from, against which relative URLs
    (an owner site without `site_url`) resolve; a file read from disk has none, and then
    relative URLs are refused: the importing site could not link to them.
    """
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExportError(f"{source}: not valid JSON ({exc})") from None
    problems = check_export(data)
    if problems:
        shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        raise ExportError(f"{source}: not a faq.json the faq plugin can import: {shown}")
    version = data.get("version", 1)
    root = data.get("site_root", DEFAULT_SITE_ROOT)
    resolve = _resolver(source, location, root)
    language = data.get("language")
    return SiteExport(
        source=source,
        version=version,
        title=data.get("title", ""),
        language=language if isinstance(language, str) and language else None,
        terms=tuple(_term(entry) for entry in data["glossary"]),
        term_urls={entry["id"]: resolve(entry["url"]) for entry in data["glossary"]},
        question_urls={entry["id"]: resolve(entry["url"]) for entry in data["questions"]},
        category_urls={entry["id"]: resolve(entry["url"]) for entry in data.get("categories", ())},
    )


def _term(entry: dict[str, Any]) -> Term:
    annotate = entry.get("annotate", "auto")
    return Term(
        id=entry["id"],
        term=entry["term"],
        definition=entry["definition"],
        aliases=tuple(entry.get("aliases", ())),
        case_sensitive=entry.get("case_sensitive"),
        annotate=annotate,
        variants=entry.get("variants", True),
    )


def _resolver(source: str, location: str | None, root: str | None) -> Any:
    """URL as written → absolute http(s) URL, or `ExportError` naming the source."""

    def resolve(url: str) -> str:
        scheme = urlsplit(url).scheme.lower()
        if scheme in ("http", "https"):
            return url
        if scheme:
            raise ExportError(f"{source}: URL {url!r} is not http or https")
        if location is None or root is None:
            raise ExportError(
                f"{source}: its URLs are relative ({url!r}): the owner site sets no site_url. "
                "Import it by its published http(s) URL, or set site_url on the owner site"
            )
        return urljoin(location, root + url)

    return resolve


# ----------------------------------------------------------------------------- checks

def check_export(data: Any) -> list[str]:
    """Every reason `data` is not an importable faq.json (empty: it is one)."""
    if not isinstance(data, dict):
        return [f"the document must be an object, not {_kind(data)}"]
    problems: list[str] = []
    version = data.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        return [f"version must be a whole number from 1, not {json.dumps(version)}"]
    if version > LATEST_VERSION:
        return [
            f"version {version} is newer than this plugin reads (up to {LATEST_VERSION}); "
            + "upgrade mkdocs-faq-plugin"
        ]
    _text(data, "title", problems, "", required=False)
    _text(data, "language", problems, "", required=False)
    if "site_root" in data:
        root = data["site_root"]
        if not isinstance(root, str) or not _SITE_ROOT.match(root):
            problems.append(f"site_root must be '' or '../' repeated, not {json.dumps(root)}")
    for section, required in (("categories", False), ("questions", True), ("glossary", True)):
        entries = data.get(section)
        if entries is None and not required:
            continue
        if not isinstance(entries, list):
            problems.append(f"{section} must be a list, not {_kind(entries)}")
            continue
        seen: set[str] = set()
        for index, entry in enumerate(entries):
            where = f"{section}[{index}]"
            if not isinstance(entry, dict):
                problems.append(f"{where} must be an object, not {_kind(entry)}")
                continue
            entry_id = entry.get("id")
            if not isinstance(entry_id, str) or not _ID.match(entry_id):
                problems.append(f"{where}.id must be a lowercase slug, not {json.dumps(entry_id)}")
            elif entry_id in seen:
                problems.append(f"{where}.id '{entry_id}' is used twice")
            else:
                seen.add(entry_id)
            _text(entry, "url", problems, where)
            if section == "glossary":
                _glossary_entry(entry, where, problems)
            elif section == "questions":
                _text(entry, "question", problems, where)
    return problems


def _glossary_entry(entry: dict[str, Any], where: str, problems: list[str]) -> None:
    _text(entry, "term", problems, where)
    _text(entry, "definition", problems, where)
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        problems.append(f"{where}.aliases must be a list of names")
    if entry.get("case_sensitive") not in (None, True, False):
        problems.append(f"{where}.case_sensitive must be true, false or null")
    if entry.get("annotate", "auto") not in ("auto", True, False, "aliases"):
        problems.append(f"{where}.annotate must be \"auto\", true, false or \"aliases\"")
    if entry.get("variants", True) not in (True, False):
        problems.append(f"{where}.variants must be true or false")


def _text(entry: dict[str, Any], key: str, problems: list[str], where: str, *, required: bool = True) -> None:
    value = entry.get(key)
    name = f"{where}.{key}" if where else key
    if value is None:
        if required:
            problems.append(f"{name} is missing")
    elif not isinstance(value, str) or (required and not value.strip()):
        problems.append(f"{name} must be {'non-empty ' if required else ''}text, not {_kind(value)}")


def _kind(value: Any) -> str:
    if isinstance(value, str):
        return "empty text" if not value.strip() else "text"
    return {dict: "an object", list: "a list", bool: "true/false", type(None): "null"}.get(
        type(value), json.dumps(value) if isinstance(value, (int, float)) else type(value).__name__
    )
