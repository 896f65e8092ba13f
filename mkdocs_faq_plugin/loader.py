"""File paths and globs → one merged, validated `KnowledgeBase`."""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass

from .model import KnowledgeBase
from .problems import FaqError, Problem, errors
from .schema import build_part, check_merged
from .yaml_reader import YamlDocument, read_yaml_file


@dataclass(frozen=True)
class LoadResult:
    """The knowledge base (None when any error was found), every problem, and the files read."""

    kb: KnowledgeBase | None
    problems: tuple[Problem, ...]
    files: tuple[str, ...]


def expand_paths(patterns: str | list[str], base_dir: str) -> tuple[list[str], list[Problem]]:
    """Absolute file paths in the given order; globs expand sorted, duplicates are dropped."""
    if isinstance(patterns, str):
        patterns = [patterns]
    found: list[str] = []
    problems: list[Problem] = []
    for pattern in patterns:
        absolute = os.path.normpath(os.path.join(base_dir, pattern))
        if glob.has_magic(pattern):
            matches = sorted(p for p in glob.glob(absolute, recursive=True) if os.path.isfile(p))
            if not matches:
                problems.append(Problem(f"{pattern}: no file matches this pattern"))
            found += [m for m in matches if m not in found]
        elif absolute not in found:
            found.append(absolute)
    return found, problems


def display_name(path: str, base_dir: str) -> str:
    """How messages name a file: relative to the project when inside it."""
    relative = os.path.relpath(path, base_dir)
    return path if relative.startswith("..") else relative.replace(os.sep, "/")


def load(patterns: str | list[str], base_dir: str) -> LoadResult:
    """Read, validate and merge every file; all problems are reported together."""
    paths, problems = expand_paths(patterns, base_dir)
    docs: list[YamlDocument] = []
    parts: list[KnowledgeBase] = []
    for path in paths:
        doc, read_problems = read_yaml_file(path, display_name(path, base_dir))
        problems += read_problems
        if doc is None:
            continue
        part, part_problems = build_part(doc)
        problems += part_problems
        docs.append(doc)
        parts.append(part)
    kb = merge(parts)
    if docs:
        problems += check_merged(docs, kb)
    failed = bool(errors(problems)) or not docs
    order = {doc.file: index for index, doc in enumerate(docs)}
    problems.sort(key=lambda p: (
        (order.get(p.location.file, -1), p.location.line, p.location.column) if p.location else (-1, 0, 0)
    ))
    return LoadResult(None if failed else kb, tuple(problems), tuple(paths))


def merge(parts: list[KnowledgeBase]) -> KnowledgeBase:
    """Concatenate files in order; the first title and description found win."""
    return KnowledgeBase(
        title=next((p.title for p in parts if p.title), ""),
        description=next((p.description for p in parts if p.description), ""),
        categories=tuple(c for p in parts for c in p.categories),
        questions=tuple(q for p in parts for q in p.questions),
        glossary=tuple(t for p in parts for t in p.glossary),
        files=tuple(f for p in parts for f in p.files),
    )


def load_knowledge_base(patterns: str | list[str], base_dir: str) -> KnowledgeBase:
    """The knowledge base, or `FaqError` listing every error (warnings are not raised)."""
    result = load(patterns, base_dir)
    if result.kb is None:
        raise FaqError(errors(result.problems) or [Problem("no knowledge base file was read")])
    return result.kb
