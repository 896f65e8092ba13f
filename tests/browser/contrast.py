"""WCAG 2 contrast ratios computed from the colours a page renders (getComputedStyle).

Colours with alpha are composited over what is behind them: an element's background is its
own background colour laid over those of its ancestors (white under all of them), and a text
or border colour is laid over that. axe-core skips what it cannot decide (and states such as
hover); these helpers let a test compute the ratio itself.
"""

from __future__ import annotations

import re
from typing import Any

Color = tuple[float, float, float, float]

_NUMBER = re.compile(r"[-+]?\d*\.?\d+(?:e[-+]?\d+)?%?")


def parse(css: str) -> Color:
    """`rgb(…)`/`rgba(…)` as Chromium's getComputedStyle writes them."""
    if not css.startswith("rgb"):
        raise ValueError(f"not an rgb() colour: {css!r}")
    parts = [float(p.rstrip("%")) / (100 if p.endswith("%") else 1) for p in _NUMBER.findall(css)]
    r, g, b = parts[:3]
    return (r, g, b, parts[3] if len(parts) > 3 else 1.0)


def over(top: Color, bottom: Color) -> Color:
    """`top` painted over the opaque `bottom`."""
    a = top[3]
    return (top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1.0)


def _luminance(color: Color) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in color[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str | Color, background: str | Color) -> float:
    """The WCAG contrast ratio of `foreground` laid over the (opaque) `background`."""
    back = parse(background) if isinstance(background, str) else background
    back = over(back, (255, 255, 255, 1.0))
    fore = over(parse(foreground) if isinstance(foreground, str) else foreground, back)
    lighter, darker = sorted((_luminance(fore), _luminance(back)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


_LAYERS = """node => {
  const layers = [];
  for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
    const colour = getComputedStyle(n).backgroundColor;
    if (colour && !/^rgba\\(0, 0, 0, 0\\)$/.test(colour) && colour !== 'transparent') {
      layers.push(colour);
      if (!colour.startsWith('rgba')) break;
    }
  }
  return layers;
}"""


def background_of(locator: Any) -> Color:
    """The opaque colour behind the element's content: its background and its ancestors'."""
    color: Color = (255, 255, 255, 1.0)
    for layer in reversed(locator.evaluate(_LAYERS)):
        color = over(parse(layer), color)
    return color


def page_background(page: Any, locator: Any) -> Color:
    """The colour behind the element: its parent's background."""
    return background_of(locator.locator("xpath=.."))
