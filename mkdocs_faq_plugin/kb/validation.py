"""faq.yml schema version 1: plain YAML values → model objects, with every problem located.

Two passes. `build_part` checks one file's structure (types, required and unknown keys,
slugs) and builds its records. `check_merged` runs once all files are read: ids used twice
anywhere, and references (`category`, `related`, `see`, `faq:`/`glossary:` links) that
point nowhere. All problems are collected; nothing stops at the first.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from typing import Any

from ..text import close_match, language_tag, slug
from .ids import is_reserved, is_theme_id
from .model import Category, KnowledgeBase, Question, Source, Term
from .problems import Path, Problem, dotted_path, shown
from .reading import YamlDocument
from .written import WrittenNumber

SCHEMA_VERSION = 1

# `\Z`, not `$`: `$` also matches before a final newline, and `id: "basics\n"` must not
# become a file name or an HTML id.
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
LINK_RE = re.compile(r"\]\(\s*<?((?:faq|glossary):[^)\s>]*)", re.IGNORECASE)
SAFE_URL_SCHEMES = ("http", "https", "mailto")

TOP_KEYS = ("version", "language", "title", "description", "categories", "questions", "glossary")
CATEGORY_KEYS = ("id", "title", "description", "audience")
RESERVED_IDS = "faq-letter-…, faq-tag-…, faq-all-tags"  # see anchors.py
RESERVED_CATEGORY_IDS = frozenset({"index"})  # a category page is <faq_dir>/<id>.md
QUESTION_KEYS = (
    "id", "question", "answer", "category", "tags", "related", "sources", "audience", "owner",
    "reviewed",
)
SOURCE_KEYS = ("title", "url")
TERM_KEYS = (
    "term", "id", "aliases", "definition", "details", "see", "case_sensitive", "audience",
    "annotate", "variants",
)



def is_supported_version(value: Any) -> bool:
    """`version: 1` (read as written, `WrittenNumber`); never `true`, which Python counts as
    1, nor the quoted text "1". Callers pass `SCHEMA_VERSION` for a version left out."""
    if isinstance(value, WrittenNumber):
        return value in ("1", "+1")  # YAML 1.1 also reads `0b1`, `0o1`... as 1: refused
    return type(value) is int and value == SCHEMA_VERSION


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float, WrittenNumber)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "a date"
    return type(value).__name__


class _Record:
    """Reads one mapping of the document, turning every deviation into a problem."""

    def __init__(self, doc: YamlDocument, path: Path, problems: list[Problem]):
        self.doc = doc
        self.path = path
        self.problems = problems
        self.ok = True
        self.data: dict[str, Any] = {}

    def error(self, path: Path, message: str, *, key: bool = False) -> None:
        location = self.doc.key_location(path) if key else self.doc.location(path)
        self.problems.append(Problem(f"{dotted_path(path)}{message}", location))
        self.ok = False

    def open(self, value: Any, allowed: tuple[str, ...], what: str) -> bool:
        if not isinstance(value, dict):
            self.error(self.path, f": expected {what} (a mapping of keys), got {_type_name(value)}")
            return False
        self.data = value
        for key in value:
            if key not in allowed:
                hint = close_match(key, allowed)
                suggestion = f"; did you mean '{hint}'?" if hint else (
                    f" (allowed: {', '.join(allowed)})"
                )
                self.error((*self.path, key), f": unknown key{suggestion}", key=True)
        return True

    def text(self, key: str, *, required: bool = False) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.error(self.path, f": missing required key '{key}'")
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.error((*self.path, key), f": expected text, got {_type_name(value)}")
            return None
        text = str(value)
        if required and not text.strip():
            self.error((*self.path, key), " is empty")
            return None
        return text

    def slug(self, key: str, *, required: bool = False, default: str | None = None) -> str | None:
        value = self.data.get(key)
        if value is None and default is not None:
            if key == "id" and is_reserved(default):
                self.error(
                    (*self.path, "term"),
                    f": the id {shown(default)} made from this term is reserved for the "
                    f"plugin's own anchors ({RESERVED_IDS}); add an 'id:'",
                )
                return None
            return default
        text = self.text(key, required=required)
        if text is None:
            return None
        if not SLUG_RE.match(text):
            self.error(
                (*self.path, key),
                f" {shown(text)} is not a slug (lowercase letters, digits and single hyphens), "
                f"e.g. '{slug(text)[:80].strip('-') or 'my-id'}'",
            )
            return None
        if key == "id" and is_reserved(text):
            owner = "the mkdocs theme's own elements" if is_theme_id(text) else (
                f"the plugin's own anchors ({RESERVED_IDS})"
            )
            self.error((*self.path, key), f" {shown(text)} is reserved for {owner}; choose another id")
            return None
        return text

    def texts(self, key: str, *, check: Callable[[Path, str], bool] | None = None) -> tuple[str, ...]:
        """A list of strings; a single string is accepted as a list of one."""
        value = self.data.get(key)
        if value is None:
            return ()
        single = isinstance(value, str) and not isinstance(value, WrittenNumber)
        items = [value] if single else value
        if not isinstance(items, list):
            self.error((*self.path, key), f": expected a list, got {_type_name(value)}")
            return ()
        result: list[str] = []
        for index, item in enumerate(items):
            item_path: Path = (*self.path, key) if single else (*self.path, key, index)
            if isinstance(item, bool) or not isinstance(item, (str, int, float)) or not str(item).strip():
                self.error(item_path, f": expected text, got {_type_name(item) if item != '' else 'nothing'}")
                continue
            if check is None or check(item_path, str(item)):
                result.append(str(item))
        return tuple(result)

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            self.error((*self.path, key), f": expected true or false, got {_type_name(value)}")
            return default
        return value

    def optional_flag(self, key: str) -> bool | None:
        """true, false, or None when the key is absent (the default is decided elsewhere)."""
        return self.flag(key) if key in self.data else None

    def date(self, key: str) -> datetime.date | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str) and not isinstance(value, WrittenNumber):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        self.error((*self.path, key), f": expected a date like 2026-01-31, got {shown(value)}")
        return None

    def slug_item(self, item_path: Path, text: str) -> bool:
        if SLUG_RE.match(text):
            return True
        self.error(item_path, f" {shown(text)} is not a slug (lowercase letters, digits and hyphens)")
        return False


def build_part(doc: YamlDocument) -> tuple[KnowledgeBase, list[Problem]]:
    """Check one file's structure and build its records (references are checked later)."""
    problems: list[Problem] = []
    top = _Record(doc, (), problems)
    if not top.open(doc.data, TOP_KEYS, "the faq.yml keys title, categories, questions, glossary"):
        return KnowledgeBase(files=(doc.file,)), problems
    version = top.data.get("version", SCHEMA_VERSION)
    if not is_supported_version(version):
        top.error(("version",), f": schema version {shown(version)} is not supported (use {SCHEMA_VERSION})")
    title = top.text("title") or ""
    description = top.text("description") or ""
    language = _language(top)
    categories = tuple(_records(doc, top, "categories", problems, _category))
    questions = tuple(_records(doc, top, "questions", problems, _question))
    glossary = tuple(_records(doc, top, "glossary", problems, _term))
    kb = KnowledgeBase(title, description, categories, questions, glossary, (doc.file,),
                       language=language)
    return kb, problems


def _language(top: _Record) -> str:
    """The `language` key as a `lang` tag (`pt_BR` → `pt-BR`), "" when absent or wrong."""
    text = top.text("language")
    if text is None:
        return ""
    try:
        return language_tag(text)
    except ValueError:
        top.error(("language",), f" {shown(text)} is not a language tag such as 'en' or 'pt-BR'")
        return ""


def _records(
    doc: YamlDocument,
    top: _Record,
    key: str,
    problems: list[Problem],
    build: Callable[[_Record, Any], Any],
) -> Iterator[Any]:
    value = top.data.get(key)
    if value is None:
        return
    if not isinstance(value, list):
        top.error((key,), f": expected a list, got {_type_name(value)}")
        return
    for index, item in enumerate(value):
        record = _Record(doc, (key, index), problems)
        built = build(record, item)
        if built is not None and record.ok:
            yield built


def _category(r: _Record, value: Any) -> Category | None:
    if not r.open(value, CATEGORY_KEYS, "a category"):
        return None
    cid = r.slug("id", required=True)
    if cid in RESERVED_CATEGORY_IDS:
        r.error((*r.path, "id"), f" '{cid}' is reserved: <faq_dir>/{cid}.md is the FAQ start page")
        cid = None
    title = r.text("title", required=True)
    description = r.text("description") or ""
    audience = r.texts("audience")
    if cid is None or title is None:
        return None
    return Category(cid, title, description, audience, r.doc.location(r.path))


def _question(r: _Record, value: Any) -> Question | None:
    if not r.open(value, QUESTION_KEYS, "a question"):
        return None
    qid = r.slug("id", required=True)
    question = r.text("question", required=True)
    answer = r.text("answer", required=True)
    category = r.slug("category")
    tags = r.texts("tags")
    related = r.texts("related", check=r.slug_item)
    sources = tuple(_sources(r))
    audience = r.texts("audience")
    owner = r.text("owner")
    reviewed = r.date("reviewed")
    if qid is None or question is None or answer is None:
        return None
    return Question(
        qid, question.strip(), answer, category, tags, related, sources, audience, owner,
        reviewed, r.doc.location(r.path),
    )


def _sources(r: _Record) -> Iterator[Source]:
    value = r.data.get("sources")
    if value is None:
        return
    if not isinstance(value, list):
        r.error((*r.path, "sources"), f": expected a list, got {_type_name(value)}")
        return
    for index, item in enumerate(value):
        path: Path = (*r.path, "sources", index)
        if isinstance(item, str) and not isinstance(item, WrittenNumber):
            item = {"title": item, "url": item}
        sub = _Record(r.doc, path, r.problems)
        if not sub.open(item, SOURCE_KEYS, "a source {title, url}"):
            r.ok = False
            continue
        title = sub.text("title", required=True)
        url = sub.text("url", required=True)
        if url is not None and not _safe_url(url):
            sub.error((*path, "url"), f" {shown(url)} is refused: only http(s), mailto and relative links")
        if sub.ok and title is not None and url is not None:
            yield Source(title.strip(), url.strip())
        else:
            r.ok = False


def _safe_url(url: str) -> bool:
    """Refuse `javascript:`, `data:` and friends; browsers ignore control characters in schemes."""
    cleaned = re.sub(r"[\x00-\x20]", "", url).lower()
    match = re.match(r"^([a-z][a-z0-9+.-]*):", cleaned)
    return match is None or match.group(1) in SAFE_URL_SCHEMES


def _term(r: _Record, value: Any) -> Term | None:
    if not r.open(value, TERM_KEYS, "a glossary term"):
        return None
    term = r.text("term", required=True)
    default_id = slug(term) if term else None
    if term and not default_id and "id" not in r.data:
        r.error(r.path, f": term {shown(term)} has no letters or digits for an id; add 'id:'")
    tid = r.slug("id", default=default_id or None)
    definition = r.text("definition", required=True)
    aliases = r.texts("aliases")
    details = r.text("details") or ""
    see = r.texts("see", check=r.slug_item)
    case_sensitive = r.optional_flag("case_sensitive")
    audience = r.texts("audience")
    annotate = r.data.get("annotate", "auto")
    if not (isinstance(annotate, bool) or annotate in ("aliases", "auto")):
        r.error((*r.path, "annotate"),
                f": expected true, false, 'aliases' or 'auto', got {shown(annotate)}")
        annotate = "auto"
    variants = r.flag("variants", default=True)
    if term is None or tid is None or definition is None:
        return None
    return Term(
        tid, term.strip(), " ".join(definition.split()), tuple(a.strip() for a in aliases),
        details, see, case_sensitive, audience, r.doc.location(r.path), annotate, variants,
    )
