"""ProperDocs 1.6 (the continuation of MkDocs 1.x), from the wheel: with its own
properdocs.yml and with an mkdocs.yml, which it still reads; `properdocs build --strict`."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostsite import assert_faq_site, assert_installed_from_wheel, build, version, write_site


def test_versions() -> None:
    assert_installed_from_wheel()
    assert version("properdocs").startswith("1.6.")


@pytest.mark.parametrize("name", ["properdocs.yml", "mkdocs.yml"])
def test_strict_build(tmp_path: Path, name: str) -> None:
    config = write_site(tmp_path, {"plugins": ["search", "faq"]}, name=name)
    site = build(config, tool="properdocs")
    assert_faq_site(site)
    assert "Documentation built" in site.output
