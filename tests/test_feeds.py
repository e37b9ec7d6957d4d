"""Atom feeds: parsed with an XML parser, checked entry by entry."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import SITES, Build, copy_site, mkdocs_build

A = "{http://www.w3.org/2005/Atom}"
BASE = "https://example.org/team/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = mkdocs_build(
        SITES / "indexes", tmp_path_factory.mktemp("feeds"), "--strict", config="mkdocs-feeds.yml"
    )
    assert build.exit_code == 0, build.output
    return build


def entries(build: Build, path: str) -> list[ET.Element]:
    root = ET.parse(build.site_dir / path).getroot()
    assert root.tag == f"{A}feed"
    return root.findall(f"{A}entry")


def ids(build: Build, path: str) -> list[str]:
    return [e.findtext(f"{A}id", "") for e in entries(build, path)]


def note_url(stem: str) -> str:
    return f"{BASE}weeknotes/{stem[:4]}/{stem}/"


def test_the_team_feed_is_newest_first_and_limited(built: Build) -> None:
    # Notes of one day in title order: "<script>…" sorts before "Research…".
    assert ids(built, "weeknotes/feed.xml") == [
        note_url("2019-07-19-rob"),
        note_url("2019-07-19-liz"),
        note_url("2019-07-05-rob"),
        note_url("2019-06-28-liz"),
    ]  # feeds.length: 4; the draft of 12 July is in no feed
    root = ET.parse(built.site_dir / "weeknotes/feed.xml").getroot()
    assert root.findtext(f"{A}updated") == "2019-07-19T00:00:00Z"
    self_link = root.find(f"{A}link[@rel='self']")
    assert self_link is not None and self_link.get("href") == f"{BASE}weeknotes/feed.xml"


def test_person_and_theme_feeds_hold_only_their_notes(built: Build) -> None:
    assert ids(built, "weeknotes/people/rob/feed.xml") == [
        note_url("2019-07-19-rob"),
        note_url("2019-07-05-rob"),
        note_url("2019-06-28-rob"),
    ]
    assert ids(built, "weeknotes/people/amir/feed.xml") == []
    assert ids(built, "weeknotes/themes/research/feed.xml") == [
        note_url("2019-07-19-liz"),
        note_url("2019-06-28-liz"),
        note_url("2018-12-14-liz"),
    ]
    for entry in entries(built, "weeknotes/people/liz/feed.xml"):
        names = [a.findtext(f"{A}name") for a in entry.findall(f"{A}author")]
        assert "Liz Okafor" in names


def test_entries_have_dates_authors_categories_and_absolute_links(built: Build) -> None:
    joint = next(
        e
        for e in entries(built, "weeknotes/feed.xml")
        if e.findtext(f"{A}id") == note_url("2019-07-05-rob")
    )
    assert joint.findtext(f"{A}published") == "2019-07-05T00:00:00Z"
    assert joint.findtext(f"{A}updated") == "2019-07-05T00:00:00Z"
    assert [a.findtext(f"{A}uri") for a in joint.findall(f"{A}author")] == [
        f"{BASE}weeknotes/people/rob/",
        f"{BASE}weeknotes/people/liz/",
    ]
    assert [(c.get("term"), c.get("label")) for c in joint.findall(f"{A}category")] == [
        ("data-science", "Data Science")
    ]
    link = joint.find(f"{A}link")
    assert link is not None and link.get("href") == note_url("2019-07-05-rob")
    content = joint.findtext(f"{A}content") or ""
    assert "Written together." in content  # feeds.content: full


def test_markup_in_titles_stays_text(built: Build) -> None:
    entry = entries(built, "weeknotes/people/rob/feed.xml")[0]
    assert entry.findtext(f"{A}title") == "<script>alert(1)</script>"
    assert entry.findtext(f"{A}summary") == "Fish & chips <b>bold</b>"


def test_pages_advertise_their_feeds(built: Build) -> None:
    page = (built.site_dir / "weeknotes/themes/skills/index.html").read_text("utf-8")
    assert (
        '<link rel="alternate feed" type="application/atom+xml" title="Index pages: skills"'
        ' href="feed.xml">' in page
    )
    # Material's JavaScript takes every link whose rel is exactly "alternate" for a
    # language version of the site, and fetches a sitemap.xml beside it: a 404.
    assert '<link rel="alternate"' not in page
    assert 'title="Index pages: weeknotes" href="../../feed.xml"' in page
    assert 'class="wn-feed" href="feed.xml"' in page


def test_awkward_text_still_gives_well_formed_xml(tmp_path: Path) -> None:
    site = copy_site("indexes", tmp_path)
    (site / "docs/weeknotes/2019/2019-08-02-liz.md").write_text(
        '---\ntitle: "Fish & chips <script>x</script> 🎉 \\x07bell"\ndate: 2019-08-02\n'
        'authors: [liz]\nthemes: ["R&D <lab>"]\nsummary: "Tab\\tand \\x0b vertical"\n---\n\n'
        "Body with & and < and 🎉.\n",
        encoding="utf-8",
    )
    build = mkdocs_build(site, tmp_path, "--strict", config="mkdocs-feeds.yml")
    assert build.exit_code == 0, build.output
    for feed in build.site_dir.rglob("feed.xml"):
        ET.parse(feed)  # every feed parses
    first = entries(build, "weeknotes/feed.xml")[0]
    assert first.findtext(f"{A}title") == "Fish & chips <script>x</script> 🎉 bell"


def test_rollup_feeds_hold_sections_linking_to_their_place(tmp_path: Path) -> None:
    build = mkdocs_build(SITES / "learning", tmp_path, "--strict", config="mkdocs-feeds.yml")
    assert build.exit_code == 0, build.output
    found = entries(build, "weeknotes/learning/feed.xml")
    urls = [e.findtext(f"{A}id") for e in found]
    assert urls[:2] == [
        "https://example.org/log/weeknotes/2019/2019-07-12-rob/#something-im-learning",
        "https://example.org/log/weeknotes/2019/2019-07-12-rob/#something-im-learning_1",
    ]
    assert len(found) == 5
    content = found[-1].findtext(f"{A}content") or ""
    assert (
        "LEARN-A" in content
        and 'src="https://example.org/log/weeknotes/images/chart.svg"' in content
    )


def test_feeds_on_without_site_url_is_a_problem(tmp_path: Path) -> None:
    site = copy_site("indexes", tmp_path)
    config = (site / "mkdocs.yml").read_text()
    (site / "mkdocs.yml").write_text(
        config.replace(
            "      locale: en_GB\n", "      locale: en_GB\n      feeds:\n        enabled: true\n"
        )
    )
    build = mkdocs_build(site, tmp_path)
    assert build.problem_lines() == [
        "mkdocs.yml:1: WN601 feeds are switched on but the site has no site_url"
        " (set site_url in mkdocs.yml: feeds need absolute links)"
    ]
    assert not list(build.site_dir.rglob("feed.xml"))


def test_no_feeds_without_site_url_by_default(tmp_path: Path) -> None:
    build = mkdocs_build(SITES / "indexes", tmp_path, "--strict")
    assert build.exit_code == 0
    assert not list(build.site_dir.rglob("feed.xml"))
