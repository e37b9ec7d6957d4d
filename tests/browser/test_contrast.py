"""Bylines, dates, theme tags and the other secondary text reach WCAG AA contrast
(4.5:1) in a real browser: Material's default palette, its teal, its dark `slate`
scheme, and MkDocs' own theme in light and dark.

The contrast is worked out in Chromium from each element's computed colour, with
the opacity of it and its ancestors, against the first opaque background behind
it. Needs Playwright and Debian's `chromium`; skipped without.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.site import PAGES, build, chromium, served

CHROMIUM = chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium to drive: pip install playwright and apt-get install chromium",
)

AA = 4.5

# Each look: the theme, Material's palette ("" for the site's own: teal, light and
# dark by the reader's setting), and the reader's colour scheme.
LOOKS = {
    "material-default": ("material", "default indigo", "light"),
    "material-default-slate": ("material", "slate indigo", "dark"),
    "material-teal": ("material", "", "light"),
    "material-teal-slate": ("material", "", "dark"),
    "mkdocs-light": ("mkdocs", "", "light"),
    "mkdocs-dark": ("mkdocs", "", "dark"),
}

# The secondary text of our pages, and the text in it.
SECONDARY = ", ".join(
    f"{part}, {part} *"
    for part in (
        ".wn-byline",
        ".wn-note-meta",
        ".wn-entry-header",
        ".wn-week-range",
        ".wn-count",
        ".wn-theme-tag",
        ".wn-key",
        "figure.wn-picture figcaption",
    )
)

# What must be there to check on each page: a note's, a week's, and two listings.
EXPECTED = {
    "note": [".wn-note-meta time", ".wn-note-meta a", ".wn-note-meta .wn-theme-tag"],
    "week": [".wn-byline time", ".wn-byline a", ".wn-theme-tag", ".wn-week-range"],
    "latest": [".wn-byline time", ".wn-byline a", ".wn-byline .wn-theme-tag"],
    "person": [".wn-byline time", ".wn-entry-header time", ".wn-count"],
    "learning-log": [".wn-entry-header time", ".wn-entry-header a"],
}

# In the page: each element of `selector` with text of its own, its contrast.
CONTRASTS = """
(selector) => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  // Any CSS colour (rgb(), color(srgb ...), color-mix() as computed) as 0-255 RGB
  // and alpha, by painting it: the browser parses what it wrote itself.
  const parse = (css) => {
    context.fillStyle = "rgb(1, 2, 3)";
    context.fillStyle = css;
    if (context.fillStyle === "#010203" && !/^rgb\\(1, 2, 3\\)$/.test(css)) {
      throw new Error("unreadable colour " + css);
    }
    context.clearRect(0, 0, 1, 1);
    context.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = (top, below) => {
    const a = top[3] + below[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    const mix = (i) => (top[i] * top[3] + below[i] * below[3] * (1 - top[3])) / a;
    return [mix(0), mix(1), mix(2), a];
  };
  const background = (element) => {
    const layers = [];
    for (let at = element; at; at = at.parentElement) {
      const colour = parse(getComputedStyle(at).backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] >= 1) break;
    }
    let behind = [255, 255, 255, 1];  // the canvas, when nothing is opaque
    for (const layer of layers.reverse()) behind = over(layer, behind);
    return behind;
  };
  const luminance = ([r, g, b]) => {
    const linear = (c) => {
      c /= 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const found = [];
  for (const element of document.querySelectorAll(selector)) {
    const own = [...element.childNodes].some(
      (node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim()
    );
    const style = getComputedStyle(element);
    if (!own || !element.getClientRects().length || style.visibility !== "visible") continue;
    let opacity = 1;
    for (let at = element; at; at = at.parentElement) {
      opacity *= parseFloat(getComputedStyle(at).opacity);
    }
    const colour = parse(style.color);
    colour[3] *= opacity;
    const behind = background(element);
    const text = over(colour, behind);
    const [light, dark] = [luminance(text), luminance(behind)].sort((x, y) => y - x);
    found.push({
      element: element.tagName.toLowerCase() + "." + [...element.classList].join("."),
      parent: element.parentElement.className,
      text: element.textContent.trim().slice(0, 40),
      colour: style.color,
      ratio: (light + 0.05) / (dark + 0.05),
    });
  }
  return found;
}
"""


@pytest.fixture(scope="module", params=list(LOOKS))
def look(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    theme, palette, scheme = LOOKS[request.param]
    if theme == "material":
        pytest.importorskip("material")
    folder = build(tmp_path_factory.mktemp("contrast") / "site", theme, palette)
    with served(folder) as base:
        yield base, scheme


@pytest.mark.parametrize("kind", list(EXPECTED))
def test_secondary_text_reaches_aa_contrast(look: tuple[str, str], browser: Any, kind: str) -> None:
    base, scheme = look
    page = browser.new_page(color_scheme=scheme)
    # Only the site's own files: the themes' fonts from elsewhere change no colour.
    page.route(lambda url: not url.startswith(base), lambda route: route.abort())
    try:
        page.goto(base + PAGES[kind], wait_until="load")
        for selector in EXPECTED[kind]:
            assert page.locator(selector).count(), f"{kind}: nothing matches {selector}"
        found = page.evaluate(CONTRASTS, SECONDARY)
        assert len(found) >= len(EXPECTED[kind]), found
        low = [item for item in found if item["ratio"] < AA]
        assert low == [], "\n".join(
            f"{item['ratio']:.2f}:1 {item['element']} in .{item['parent']}"
            f" {item['text']!r} ({item['colour']})"
            for item in low
        )
    finally:
        page.close()
