"""Material for MkDocs at the version FAQ_HOST_VERSION names (scripts/host-check: 9.7.7, the
one techdocs-core pins, and 9.8, the last line, which needs Python 3.11), from the wheel."""

from __future__ import annotations

import os
import re
from pathlib import Path

from hostsite import assert_faq_site, assert_installed_from_wheel, build, version, write_site

WANTED = os.environ.get("FAQ_HOST_VERSION", "")


def test_versions() -> None:
    assert_installed_from_wheel()
    assert WANTED, "scripts/host-check sets FAQ_HOST_VERSION"
    assert version("mkdocs-material") == WANTED or version("mkdocs-material").startswith(WANTED + ".")


def test_strict_build_with_material_search(tmp_path: Path) -> None:
    config = write_site(tmp_path, {
        "theme": {"name": "material", "features": ["navigation.instant"]},
        "markdown_extensions": ["attr_list"],
        "plugins": ["search", "faq"],
    })  # fmt: skip
    site = build(config)
    assert_faq_site(site)
    index = site.html("index.html")
    assert 'data-faq-term="fine-tuning"' in index  # the mark in the excluded paragraph stays
    docs = site.json("search/search_index.json")["docs"]
    assert any(doc["location"] == "faq/basics/#what-is-a-widget" for doc in docs)
    home = " ".join(doc["text"] for doc in docs if doc["location"] == "" or doc["location"].startswith("#"))
    assert "foundation model" in home and "left out of the search index" not in home
    assert not re.search(r"<a[^>]*faq-term", home)  # the index holds words, not our links
