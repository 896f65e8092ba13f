"""Screenshots of this repository's own site, taken on every run so they stay current.

They go to a temporary folder; with FAQ_UPDATE_SCREENSHOTS=1 they replace the ones in
docs/assets/screenshots/ instead.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

from .conftest import ROOT, skip_without_browser

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

WIDTHS = {1280: 860, 375: 812}  # width -> viewport height


@pytest.fixture(scope="module")
def shots_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if os.environ.get("FAQ_UPDATE_SCREENSHOTS") == "1":
        folder = ROOT / "docs" / "assets" / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("screenshots")


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


@pytest.mark.parametrize("width", sorted(WIDTHS, reverse=True))
def test_screenshots_of_our_own_site(sites, page, shots_dir, width):
    site = sites["repo"]
    page.set_viewport_size({"width": width, "height": WIDTHS[width]})
    taken = []

    def shoot(name: str) -> None:
        path = shots_dir / f"{name}-{width}.png"
        page.screenshot(path=str(path), animations="disabled", caret="hide")
        taken.append(path)

    page.goto(site.url("faq/"))
    expect(page.locator(".faq-tools")).to_be_visible()
    shoot("faq-index")

    page.goto(site.url("faq/basics/"))
    expect(page.locator(".faq-item").first).to_be_visible()
    shoot("faq-category")

    page.goto(site.url("glossary/"))
    expect(page.locator(".faq-tools")).to_be_visible()
    shoot("glossary")

    # The repository's site enables Material's content.tooltips, so Material draws this one.
    page.goto(site.url())
    term = page.locator(".md-content .faq-term").first
    term.evaluate("el => el.scrollIntoView({block: 'center'})")
    term.hover()
    expect(page.locator(".md-tooltip2, #faq--tooltip").first).to_be_visible()
    page.wait_for_timeout(300)  # let the fade-in finish
    shoot("tooltip")

    for path in taken:
        assert _png_size(path)[0] == width, path
