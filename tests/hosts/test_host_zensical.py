"""Zensical at the version scripts/host-check installs (0.0.73, the newest this index can
install), from the wheel. The builds themselves are tests/build/test_zensical.py and
tests/build/test_zensical_macros.py, which host-check runs in the same venv."""

from __future__ import annotations

from hostsite import assert_installed_from_wheel, version


def test_versions() -> None:
    assert_installed_from_wheel()
    assert version("zensical") == "0.0.73"
