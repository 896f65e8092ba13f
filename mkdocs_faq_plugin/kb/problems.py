"""Located problems: what the loader, the validator and the linker report to authors."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from .model import Location

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
