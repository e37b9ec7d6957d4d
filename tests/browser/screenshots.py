"""Screenshots of every page kind, in both themes, light and dark, wide and narrow.

    .venv/bin/python -m tests.browser.screenshots [--out screenshots]

Builds the example site with Material and with MkDocs' own theme, serves each on
127.0.0.1 and photographs each page of `PAGES` with headless Chromium at 1280
and 390 pixels wide, in the light and the dark colour scheme. Look at them
after changing a template or the stylesheet.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from tests.browser.site import PAGES, build, chromium, served

THEMES = ("material", "mkdocs")
SCHEMES = ("light", "dark")
WIDTHS = {1280: 900, 390: 844}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--full-page", action="store_true", help="the whole page, not the window")
    options = parser.parse_args()
    executable = chromium()
    if executable is None:
        print("no Chromium: apt-get install chromium, and pip install playwright", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    options.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=executable)
        for theme in THEMES:
            site = build(Path(tmp) / theme / "site", theme)
            with served(site) as base:
                for scheme in SCHEMES:
                    for width, height in WIDTHS.items():
                        page = browser.new_page(
                            viewport={"width": width, "height": height}, color_scheme=scheme
                        )
                        for kind, path in PAGES.items():
                            page.goto(base + path, wait_until="networkidle")
                            name = options.out / f"{theme}-{scheme}-{width}-{kind}.png"
                            page.screenshot(path=str(name), full_page=options.full_page)
                            print(name)
                        page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
