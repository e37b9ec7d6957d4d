"""On a phone (390 pixels wide), a person's weeks stay marks that can be told
apart: rows of cells of a readable size, inside the screen, none on another.

Needs Playwright and Debian's `chromium`; skipped without.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from tests.browser.site import PAGES, chromium

CHROMIUM = chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium to drive: pip install playwright and apt-get install chromium",
)

PHONE = {"width": 390, "height": 844}
# A mark this small or smaller is a dot: a square, a half and a dash look alike.
SMALLEST = 12


def test_a_persons_weeks_are_legible_on_a_phone(site: str, browser: Any) -> None:
    page = browser.new_page(viewport=PHONE)
    page.route(lambda url: not url.startswith(site), lambda route: route.abort())
    try:
        page.goto(site + PAGES["person"], wait_until="load")
        boxes = page.eval_on_selector_all(
            ".wn-strip .wn-cell",
            "cells => cells.map(cell => { const r = cell.getBoundingClientRect();"
            " return [r.left, r.top, r.right, r.bottom]; })",
        )
        assert len(boxes) == 52
        for left, top, right, bottom in boxes:
            assert right - left >= SMALLEST and bottom - top >= SMALLEST, boxes
            assert left >= 0 and right <= PHONE["width"], boxes
        rows = sorted({round(top) for _, top, _, _ in boxes})
        assert len(rows) > 1  # wrapped, not squeezed into one row
        # No two marks touch: each row's cells are apart, and the rows too.
        for row in rows:
            lefts = sorted((left, right) for left, top, right, _ in boxes if round(top) == row)
            assert all(a[1] < b[0] for a, b in itertools.pairwise(lefts)), lefts
        heights = {round(bottom - top) for _, top, _, bottom in boxes}
        assert all(b - a > max(heights) for a, b in itertools.pairwise(rows)), rows
    finally:
        page.close()
