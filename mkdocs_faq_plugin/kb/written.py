"""Scalars as the author wrote them: unquoted YAML numbers kept as their text.

YAML 1.1 (PyYAML, with or without libyaml) reads `010` as 8, `0x1f` as 31, `1:30` as 90 and
`1.10` as 1.1, so an id, a question or a term written that way would change silently, and an
id read as a number skipped every id check. `reading` gives such a scalar as a
`WrittenNumber`: text for every field that takes text (and so for every id check), and still
recognisable where a number is meant (only `version`).
"""

from __future__ import annotations

NUMBER_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})
"""The tags PyYAML resolves unquoted numbers (and explicit `!!int` / `!!float`) to."""


class WrittenNumber(str):
    """An unquoted YAML number, as the characters written (`010`, `1:30`, `.inf`)."""
