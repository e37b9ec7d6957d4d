"""What a reader meets on the generated pages: tables of contents, feed links, words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import SITES, Build, mkdocs_build
from tests.htmlcheck import parse

# One page of every kind the learning site generates.
PAGES = {
    "latest": "weeknotes/index.html",
    "year": "weeknotes/2019/index.html",
    "themes": "weeknotes/themes/index.html",
    "theme": "weeknotes/themes/research/index.html",
    "people": "weeknotes/people/index.html",
    "person": "weeknotes/people/rob/index.html",
    "learning log": "weeknotes/learning/index.html",
    "rollup": "weeknotes/reading/index.html",
}


@pytest.fixture(scope="module", params=["mkdocs", "material"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    if request.param == "material":
        pytest.importorskip("material")
    build = mkdocs_build(
        SITES / "learning", tmp_path_factory.mktemp("reading"), "--strict", theme=request.param
    )
    assert build.exit_code == 0, build.output
    build.theme = request.param  # type: ignore[attr-defined]
    return build


def toc_links(build: Build, html: str) -> list[tuple[str, str]]:
    """The (href, text) of each entry of the page's table of contents, as the theme shows it."""
    if build.theme == "material":  # type: ignore[attr-defined]
        match = re.search(r'<nav class="md-nav md-nav--secondary".*?</nav>\s*</div>', html, re.S)
    else:
        match = re.search(r'<div id="toc-collapse".*?</div>', html, re.S)
    assert match is not None
    found = re.findall(r'<a href="(#[^"]*)"[^>]*>(.*?)</a>', match.group(), re.S)
    return [(href, re.sub(r"<[^>]+>|\s+", " ", text).strip()) for href, text in found]


@pytest.mark.parametrize("kind", PAGES)
def test_every_generated_page_has_a_table_of_contents(built: Build, kind: str) -> None:
    html = built.page(PAGES[kind])
    links = toc_links(built, html)
    assert links, f"the {kind} page has an empty table of contents"
    ids = parse(html).ids
    for href, text in links:
        assert text, href
        assert href[1:] in ids, f"{href} is in the table of contents but not on the page"


def test_week_headings_are_in_the_table_of_contents(built: Build) -> None:
    links = toc_links(built, built.page(PAGES["year"]))
    assert ("#week-2019-07-08", "Week commencing July 8, 2019") in links
    links = toc_links(built, built.page(PAGES["person"]))
    assert ("#year-2019", "2019") in links
