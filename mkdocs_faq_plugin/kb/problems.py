"""Located problems: what the loader, the validator and the linker report to authors."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from .model import Location
from .written import WrittenNumber

Path = tuple[str | int, ...]
"""Where a value sits in a YAML document: `('questions', 3, 'id')`."""

Severity = Literal["error", "warning", "note"]
"""A note is advice: it never fails a build or `check --strict`."""

ACTIVE_HTML = "active-html"
"""`Problem.kind` of a warning about script in author HTML (`active_html: strip` removes it)."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, and where.

    Rendered as `faq.yml:12:5: questions[3].id 'x' is used twice`, the form compilers use,
    so editors and CI logs make it clickable.
    """

    message: str
    location: Location | None = None
    severity: Severity = "error"
    kind: str = field(default="", compare=False)
    """What a caller may treat specially (`ACTIVE_HTML`); empty for most problems."""

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class FaqError(Exception):
    """The knowledge base cannot be built; carries every error found, not only the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(problems)
        count = len(self.problems)
        files = list(dict.fromkeys(p.location.file for p in self.problems if p.location))
        # Named after the files the problems are in: errors all in faq.fr.yml are not faq.yml's.
        name = files[0] if len(files) == 1 else "faq.yml" if not files else "the knowledge base"
        header = f"{name} has {count} problem{'s' if count != 1 else ''}:"
        super().__init__("\n".join([header, *(f"  {p}" for p in self.problems)]))


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "warning"]


def notes(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "note"]


# How author text and places appear in one-line messages.

def dotted_path(path: Path) -> str:
    """`('questions', 3, 'id')` → `questions[3].id`, the form every message uses."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            name = visible(part, 40) if _SIMPLE_KEY.match(part) else shown(part, 40)
            text += f".{name}" if text else name
    return text or "(top level)"


_SIMPLE_KEY = re.compile(r"[\w<>-]+\Z")  # anything else is quoted: `questions[0].'a b'`
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def visible(text: str, limit: int = 80) -> str:
    """Author text as it may appear in a one-line message: control, format (zero-width,
    bidi) and line-separator characters escaped, and cut after `limit` characters."""
    cut = len(text) > limit
    text = text[:limit]
    if not text.isprintable() or not text.isascii():
        text = "".join(
            char.encode("unicode_escape").decode("ascii")
            if unicodedata.category(char) in _INVISIBLE
            else char
            for char in text
        )
    return text + "…" if cut else text


def shown(value: object, limit: int = 80) -> str:
    """A value quoted for a message: `'text'` for strings, the one-line repr otherwise (an
    unquoted number as written: `123`)."""
    if isinstance(value, WrittenNumber):
        return visible(str(value), limit)
    if isinstance(value, str):
        return f"'{visible(value, limit)}'"
    return visible(" ".join(repr(value).split()), limit)
