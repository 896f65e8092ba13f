"""faq.yml schema version 1: plain YAML values → model objects, with every problem located.

Two passes. `build_part` checks one file's structure (types, required and unknown keys,
slugs) and builds its records. `check_merged` runs once all files are read: ids used twice
anywhere, and references (`category`, `related`, `see`, `faq:`/`glossary:` links) that
point nowhere. All problems are collected; nothing stops at the first.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .active_html import judge_markdown
from .ids import is_reserved, is_theme_id
from .model import ENTRY_SECTIONS, Category, KnowledgeBase, Location, Question, Source, Term
from .problems import ACTIVE_HTML, Problem
from .reading import Path, YamlDocument, dotted_path, shown
from .written import WrittenNumber

SCHEMA_VERSION = 1

# `\Z`, not `$`: `$` also matches before a final newline, and `id: "basics\n"` must not
# become a file name or an HTML id.
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
LINK_RE = re.compile(r"\]\(\s*<?((?:faq|glossary):[^)\s>]*)", re.IGNORECASE)
SAFE_URL_SCHEMES = ("http", "https", "mailto")

TOP_KEYS = ("version", "title", "description", "categories", "questions", "glossary")
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



def close_matches(word: str, candidates: Iterable[str]) -> list[str]:
    """The closest candidate to a misspelt `word`, for "did you mean" hints (or none)."""
    import difflib  # only a file with mistakes needs it

    return difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)

def slugify(text: str) -> str:
    """The default id of a term: accents folded, lowercase, runs of other characters → `-`."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


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
                hint = close_matches(key, allowed)
                suggestion = f"; did you mean '{hint[0]}'?" if hint else (
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
                f"e.g. '{slugify(text)[:80].strip('-') or 'my-id'}'",
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
    categories = tuple(_records(doc, top, "categories", problems, _category))
    questions = tuple(_records(doc, top, "questions", problems, _question))
    glossary = tuple(_records(doc, top, "glossary", problems, _term))
    kb = KnowledgeBase(title, description, categories, questions, glossary, (doc.file,))
    return kb, problems


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
    default_id = slugify(term) if term else None
    if term and not default_id and "id" not in r.data:
        r.error(r.path, f": term {shown(term)} has no letters or digits for an id; add 'id:'")
    tid = r.slug("id", default=default_id or None)
    definition = r.text("definition", required=True)
    aliases = r.texts("aliases")
    details = r.text("details") or ""
    see = r.texts("see", check=r.slug_item)
    case_sensitive = r.optional_flag("case_sensitive")
    audience = r.texts("audience")
    annotate = r.data.get("annotate", True)
    if not (isinstance(annotate, bool) or annotate == "aliases"):
        r.error((*r.path, "annotate"), f": expected true, false or 'aliases', got {shown(annotate)}")
        annotate = True
    variants = r.flag("variants", default=True)
    if term is None or tid is None or definition is None:
        return None
    return Term(
        tid, term.strip(), " ".join(definition.split()), tuple(a.strip() for a in aliases),
        details, see, case_sensitive, audience, r.doc.location(r.path), annotate, variants,
    )


def check_merged(docs: list[YamlDocument], kb: KnowledgeBase) -> list[Problem]:
    """Problems only visible once every file is read: duplicates and dangling references."""
    problems: list[Problem] = []
    first_seen: dict[tuple[str, str], Location] = {}
    names_seen: dict[str, tuple[str, Location]] = {}
    known = _raw_ids(docs)
    for doc in docs:
        data = doc.data if isinstance(doc.data, dict) else {}
        for section, kind in ENTRY_SECTIONS:
            items = data.get(section)
            if not isinstance(items, list):
                continue
            for index, item in enumerate(items):
                if not isinstance(item, dict):
                    continue
                path: Path = (section, index)
                raw_id = item.get("id")
                if raw_id is None and section == "glossary" and isinstance(item.get("term"), str):
                    raw_id = slugify(item["term"])
                    id_path: Path = (*path, "term")
                else:
                    id_path = (*path, "id")
                if isinstance(raw_id, str) and raw_id:
                    key = (kind, raw_id)
                    here = doc.location(id_path)
                    if key in first_seen:
                        problems.append(Problem(
                            f"{dotted_path((*path, 'id'))} {shown(raw_id)} is used twice "
                            f"(first at {first_seen[key]})", here,
                        ))
                    else:
                        first_seen[key] = here
                if section == "glossary":
                    problems += _check_term_names(doc, path, item, names_seen)
                problems += _check_refs(doc, path, item, kb, known)
        problems += _check_markdown(doc, ("description",), data.get("description"), kb, known)
    entries = sum(
        len(doc.data.get(section) or ()) if isinstance(doc.data.get(section), list) else 1
        for doc in docs if isinstance(doc.data, dict) for section in ("questions", "glossary")
        if section in doc.data
    )
    if not entries and any(isinstance(doc.data, dict) for doc in docs):
        problems.append(Problem(
            "defines no questions and no glossary terms: nothing to publish",
            Location(kb.files[0], 1, 1) if kb.files else None,
        ))
    return problems


def _check_term_names(
    doc: YamlDocument, path: Path, item: dict[str, Any], seen: dict[str, tuple[str, Location]]
) -> list[Problem]:
    """A surface form must name one term only, or the linker could not choose."""
    problems = []
    names: list[tuple[Path, Any]] = [((*path, "term"), item.get("term"))]
    aliases = item.get("aliases")
    if isinstance(aliases, list):
        names += [((*path, "aliases", i), a) for i, a in enumerate(aliases)]
    elif isinstance(aliases, str):
        names.append(((*path, "aliases"), aliases))
    owner = str(item.get("id") or slugify(str(item.get("term") or "")))
    for name_path, name in names:
        if not isinstance(name, str) or not name.strip():
            continue
        # NFC: "café" typed as one character or as e + U+0301 is the same name to a reader.
        key = unicodedata.normalize("NFC", " ".join(name.split())).casefold()
        here = doc.location(name_path)
        if key in seen and seen[key][0] != owner:
            problems.append(Problem(
                f"{dotted_path(name_path)} {shown(name)} already names term {shown(seen[key][0])} "
                f"(at {seen[key][1]})", here,
            ))
        else:
            seen.setdefault(key, (owner, here))
    return problems


def _check_refs(
    doc: YamlDocument,
    path: Path,
    item: dict[str, Any],
    kb: KnowledgeBase,
    known: dict[str, set[str]],
) -> list[Problem]:
    """References are checked against every id written, valid record or not, so one broken
    entry does not cascade into errors at each place that mentions it."""
    problems: list[Problem] = []
    category_ids, question_ids, term_ids = known["categories"], known["questions"], known["glossary"]

    def missing(ref_path: Path, ref: str, what: str, known: set[str]) -> None:
        hint = close_matches(ref, sorted(known))
        suffix = f"; did you mean '{hint[0]}'?" if hint else ""
        problems.append(Problem(
            f"{dotted_path(ref_path)} {shown(ref)} is not {what}{suffix}", doc.location(ref_path)
        ))

    def each(key: str) -> Iterator[tuple[Path, str]]:
        value = item.get(key)
        if isinstance(value, str) and not isinstance(value, WrittenNumber):
            yield (*path, key), value
        elif isinstance(value, list):
            for i, ref in enumerate(value):
                if isinstance(ref, str):
                    yield (*path, key, i), ref

    section = path[0]
    if section == "questions":
        category = item.get("category")
        if isinstance(category, str) and SLUG_RE.match(category):
            if category not in category_ids:
                if category_ids:
                    missing((*path, "category"), category, "a category id", category_ids)
                else:
                    problems.append(Problem(
                        f"{dotted_path((*path, 'category'))} {shown(category)} is set but no "
                        "categories are defined", doc.location((*path, "category")),
                    ))
        elif category is None and category_ids and isinstance(item.get("id"), str):
            problems.append(Problem(
                f"{dotted_path(path)}: missing required key 'category' (categories are defined)",
                doc.location(path),
            ))
        for ref_path, ref in each("related"):
            if SLUG_RE.match(ref) and ref not in question_ids:
                missing(ref_path, ref, "a question id", question_ids)
    if section == "glossary":
        for ref_path, ref in each("see"):
            if SLUG_RE.match(ref) and ref not in term_ids:
                missing(ref_path, ref, "a term id", term_ids)
    for key in ("answer", "description", "details"):
        problems += _check_markdown(doc, (*path, key), item.get(key), kb, known)
    return problems


def _check_markdown(
    doc: YamlDocument, path: Path, text: Any, kb: KnowledgeBase, known: dict[str, set[str]]
) -> list[Problem]:
    """Warnings about one Markdown field: content that would run scripts, dead links."""
    if not isinstance(text, str):
        return []
    problems: list[Problem] = []
    if "<" not in text and "](" not in text and "]:" not in text and "=" not in text:
        return problems  # no tag, link or attribute: nothing below can match
    where = doc.location(path)
    active, left_open = judge_markdown(text)
    for what in active:
        problems.append(Problem(
            f"{dotted_path(path)}: contains {what}, which would run in every reader's browser; "
            "write it inside `code` to show it",
            where, "warning", kind=ACTIVE_HTML,
        ))
    if left_open and path[0] in ("questions", "glossary"):
        problems.append(Problem(
            f"{dotted_path(path)}: <{left_open}> is opened and never closed, so it would swallow "
            f"everything after it on the page; close it with </{left_open}>",
            where,
        ))
    for match in LINK_RE.finditer(text):
        target = match.group(1)
        if not _link_target_exists(target, kb, known):
            problems.append(Problem(
                f"{dotted_path(path)}: link target {shown(target)} does not exist",
                where, "warning",
            ))
    return problems


def _link_target_exists(href: str, kb: KnowledgeBase, known: dict[str, set[str]]) -> bool:
    # `faq:id#part` is no target: pages resolve the whole text after `faq:` as one id.
    scheme, _, target = href.partition(":")
    scheme = scheme.lower()
    if not target:
        return True
    if scheme == "faq":
        return target in known["questions"] or target in known["categories"]
    return target in known["glossary"] or kb.find_term(target) is not None


def _raw_ids(docs: list[YamlDocument]) -> dict[str, set[str]]:
    """Every id written in any file, per section (terms without `id` count by their slug)."""
    known: dict[str, set[str]] = {"categories": set(), "questions": set(), "glossary": set()}
    for doc in docs:
        data = doc.data if isinstance(doc.data, dict) else {}
        for section, ids in known.items():
            items = data.get(section)
            for item in items if isinstance(items, list) else ():
                if not isinstance(item, dict):
                    continue
                raw = item.get("id")
                if raw is None and section == "glossary" and isinstance(item.get("term"), str):
                    raw = slugify(item["term"])
                if isinstance(raw, str) and raw:
                    ids.add(raw)
    return known
