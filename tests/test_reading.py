"""What a reader meets on the generated pages: tables of contents, feed links, words."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mkdocs_weeknotes.model import Note
from tests.conftest import SITES, Build, check, copy_site, mkdocs_build, weeknotes
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
        SITES / "learning",
        tmp_path_factory.mktemp("reading"),
        "--strict",
        theme=request.param,
        config="mkdocs-feeds.yml",
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


def wn_links(html: str) -> list[str]:
    return re.findall(r'<p class="wn-links">(.*?)</p>', html, re.S)


def test_the_latest_page_links_the_learning_log_and_every_rollup(built: Build) -> None:
    (links,) = wn_links(built.page(PAGES["latest"]))
    for href in ('href="themes/"', 'href="people/"', 'href="learning/"', 'href="reading/"'):
        assert href in links
    assert "Learning log" in links and "feed.xml" in links


def test_a_rollup_has_its_years_and_its_feed_on_one_line(built: Build) -> None:
    (links,) = wn_links(built.page(PAGES["learning log"]))
    assert "<strong>Latest</strong>" in links and 'class="wn-feed"' in links


def test_the_note_footer_names_the_person_with_a_link(built: Build) -> None:
    # Rob's newest note: an older one and no newer one.
    html = built.page("weeknotes/2019/2019-07-12-rob/index.html")
    footer = html[html.index('<nav class="wn-neighbours"') :]
    assert re.search(r'<a class="wn-neighbours-person" href="[^"]*people/rob/">Rob', footer)


def test_the_learning_feed_keeps_no_trailing_colon_of_a_heading(built: Build) -> None:
    feed = ET.parse(built.site_dir / "weeknotes/learning/feed.xml")
    titles = [t.text or "" for t in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert "Liz's week: something i'm learning" in titles
    assert not [title for title in titles if title.rstrip().endswith(":")]


def test_a_fallback_title_shows_the_week_as_pages_show_dates() -> None:
    text = "---\ndate: 2019-06-28\nauthors: [rob]\n---\nBody\n"
    note = check(text, locale="en_GB").note
    assert isinstance(note, Note)
    assert note.title == "Weeknote: Rob Miller, w/c 24 June 2019"
    # A title_format may still format the date itself.
    custom = check(text, title_format="{people} {week:%Y/%m/%d}, {date}").note
    assert custom is not None and custom.title == "Rob Miller 2019/06/24, June 28, 2019"


def test_export_writes_dates_in_the_sites_locale(tmp_path: Path) -> None:
    site = copy_site("indexes", tmp_path)  # locale: en_GB
    done = weeknotes("export", "--out", str(tmp_path / "out"), cwd=site)
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "out/weeknotes/2019/index.md").read_text(encoding="utf-8")
    assert "## Week commencing 15 July 2019" in page
    assert "2019-07-15" not in page


def test_the_packaged_note_list_shows_each_notes_themes(built: Build) -> None:
    html = built.page(PAGES["theme"])
    items = re.findall(r'<li class="wn-note">.*?</li>', html, re.S)
    assert items
    for item in items:
        assert re.search(r'<a class="wn-theme-tag" href="\./">research</a></span>', item)


def test_people_without_an_avatar_show_their_initials(tmp_path: Path) -> None:
    site = copy_site("indexes", tmp_path)
    build = mkdocs_build(site, tmp_path, "--strict")
    assert build.exit_code == 0, build.output
    people = build.page("weeknotes/people/index.html")
    # Rob has an avatar; Amir has none.
    assert '<img class="wn-avatar" src="../avatars/rob.svg"' in people
    assert '<span class="wn-avatar wn-initials" aria-hidden="true">AH</span>' in people
