"""The example site in a real browser: no failed request, no console error, and a
table of contents on every generated page.

Needs Playwright and Debian's `chromium` (`.ci/run` installs both); skipped without.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.site import GENERATED, PAGES, chromium

CHROMIUM = chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium to drive: pip install playwright and apt-get install chromium",
)


def _elsewhere(route: Any) -> None:
    """A request off the site is refused; MkDocs' theme calls highlight.js from a
    CDN in an inline script, so it gets a stand-in rather than an error of its own."""
    if route.request.url.endswith("/highlight.min.js"):
        route.fulfill(
            status=200,
            content_type="text/javascript",
            body="window.hljs = {highlightAll: function () {}};",
        )
    else:
        route.abort()


@pytest.mark.parametrize("kind", list(PAGES))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_page_loads_cleanly_with_a_table_of_contents(
    site: str, browser: Any, kind: str, scheme: str
) -> None:
    page = browser.new_page(color_scheme=scheme)
    # The themes' own fonts and scripts from elsewhere are not the site's to serve,
    # and a test machine may have no network: only the site's requests count.
    page.route(lambda url: not url.startswith(site), _elsewhere)
    failed: list[str] = []
    errors: list[str] = []

    def ours(url: str) -> bool:
        return url.startswith(site)

    page.on(
        "requestfailed",
        lambda request: failed.append(f"{request.url}: failed") if ours(request.url) else None,
    )
    page.on(
        "response",
        lambda response: (
            failed.append(f"{response.url}: {response.status}") if response.status >= 400 else None
        ),
    )
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error" and ours(message.location.get("url", site))
            else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(site + PAGES[kind], wait_until="networkidle")
        # Material fetches the search index and sitemap after load.
        page.wait_for_timeout(300)
        assert failed == [], failed
        assert errors == [], errors
        if kind in GENERATED:
            # Material's sidebar, or the built-in theme's contents box.
            entries = page.locator(
                "nav.md-nav--secondary a.md-nav__link, #toc-collapse a.nav-link"
            ).all_inner_texts()
            assert [entry for entry in entries if entry.strip()], f"{kind}: no table of contents"
    finally:
        page.close()


def test_the_sites_are_built_from_the_repository() -> None:
    # The browser test reads the example site itself, not a copy that could drift.
    assert (Path(__file__).resolve().parents[2] / "mkdocs.yml").is_file()
