"""Which answers are due for review: questions whose `reviewed` date is too old.

`review_after: 180d` in the plugin options (or `mkdocs-faq check --review-after 180d`) warns
about every question last reviewed longer ago than that, naming its owner, so answers that
nobody looked at for a while are found before readers find them.

Pure functions, importable without MkDocs; `today` is always passed in, which keeps them
deterministic and testable.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from .model import KnowledgeBase, Question
from .problems import Problem

__all__ = ["MaxAge", "parse_max_age", "stale_questions"]

_UNITS = {"d": "day", "w": "week", "m": "month", "y": "year"}
_AGE_RE = re.compile(r"^\s*(\d{1,5})\s*([dwmy])\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class MaxAge:
    """How long an answer stays fresh: a number of days, weeks, months or years."""

    amount: int
    unit: str  # "d", "w", "m" or "y"

    def __str__(self) -> str:
        return f"{self.amount}{self.unit}"

    def cutoff(self, today: datetime.date) -> datetime.date:
        """The oldest `reviewed` date still fresh on `today`.

        Months and years count in calendar terms: 6 months before 2026-08-31 is 2026-02-28.
        """
        if self.unit == "d":
            return today - datetime.timedelta(days=self.amount)
        if self.unit == "w":
            return today - datetime.timedelta(weeks=self.amount)
        months = self.amount * (12 if self.unit == "y" else 1)
        index = today.year * 12 + (today.month - 1) - months
        year, month = divmod(index, 12)
        if year < datetime.MINYEAR:
            return datetime.date.min
        month += 1
        day = min(today.day, calendar.monthrange(year, month)[1])
        return datetime.date(year, month, day)


def parse_max_age(text: str | int | MaxAge) -> MaxAge:
    """`180d`, `26w`, `6m` or `1y` (a bare number means days) → `MaxAge`.

    Raises ValueError with a message fit for a configuration error.
    """
    if isinstance(text, MaxAge):
        return text
    if isinstance(text, bool):
        raise ValueError(f"expected an age like 180d, 26w, 6m or 1y, got {text!r}")
    if isinstance(text, int):
        text = f"{text}d"
    match = _AGE_RE.match(str(text))
    if match is None:
        raise ValueError(
            f"expected an age like 180d, 26w, 6m or 1y (days, weeks, months, years), got {text!r}"
        )
    amount = int(match.group(1))
    if amount <= 0:
        raise ValueError(f"the age must be more than zero, got {text!r}")
    return MaxAge(amount, match.group(2).lower())


def stale_questions(
    kb: KnowledgeBase,
    max_age: MaxAge | str | int,
    today: datetime.date,
    *,
    include_missing: bool = False,
) -> list[Problem]:
    """A warning for every question last reviewed before `today - max_age`, in faq.yml order.

    `faq.yml:40:5: question 'x' was last reviewed 2025-01-01 (300 days ago; owner: Docs team)`.
    Questions without a `reviewed` date are only reported with `include_missing=True`.
    """
    age = parse_max_age(max_age)
    cutoff = age.cutoff(today)
    problems: list[Problem] = []
    for question in kb.questions:
        if question.reviewed is None:
            if include_missing:
                problems.append(Problem(
                    f"question '{question.id}' has no 'reviewed' date ({_owner(question)})",
                    question.location,
                    "warning",
                ))
            continue
        if question.reviewed >= cutoff:
            continue
        days = (today - question.reviewed).days
        problems.append(Problem(
            f"question '{question.id}' was last reviewed {question.reviewed.isoformat()} "
            f"({days} day{'s' if days != 1 else ''} ago; {_owner(question)})",
            question.location,
            "warning",
        ))
    return problems


def _owner(question: Question) -> str:
    return f"owner: {question.owner}" if question.owner else "no owner"
