"""MkDocs 1.6, from the wheel: its two built-in themes, --strict."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostsite import assert_faq_site, assert_installed_from_wheel, build, version, write_site


def test_versions() -> None:
    assert_installed_from_wheel()
    assert version("mkdocs").startswith("1.6.")


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs"])
def test_strict_build(tmp_path: Path, theme: str) -> None:
    config = write_site(tmp_path, {"theme": {"name": theme}, "plugins": ["search", "faq"]})
    site = build(config)
    assert_faq_site(site)
    locations = {doc["location"] for doc in site.json("search/search_index.json")["docs"]}
    assert "faq/basics/#what-is-a-widget" in locations
