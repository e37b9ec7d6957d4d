"""The browser tests' shared fixtures: one Chromium for the whole run, and the
example site built once per theme and served while the tests look at it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.site import build, chromium, served


@pytest.fixture(scope="session", params=["material", "mkdocs"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if request.param == "material":
        pytest.importorskip("material")
    folder = build(tmp_path_factory.mktemp("browser") / "site", request.param)
    with served(folder) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=chromium())
        yield launched
        launched.close()
