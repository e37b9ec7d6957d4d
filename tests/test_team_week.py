"""The team's week: a page per week, the digest, and who has written."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import SITES, copy_site, mkdocs_build, weeknotes

SITE = SITES / "team-week"


def week_path(label: str) -> str:
    return f"weeknotes/weeks/{label}/index.html"


@pytest.mark.parametrize("directory_urls", [True, False])
def test_a_week_page_lists_the_week(tmp_path: Path, theme: str, directory_urls: bool) -> None:
    config = "mkdocs.yml" if directory_urls else "mkdocs-files.yml"
    build = mkdocs_build(SITE, tmp_path, theme=theme, config=config)
    assert build.exit_code == 0, build.output
    assert build.problem_lines() == []
    page = build.page(week_path("2026-W47"))
    assert "Week 2026-W47" in page
    # Both notes, with people, summaries (escaped) and themes.
    assert "Tea &amp; &lt;biscuits&gt;" in page
    assert "Rob&#39;s &lt;summary&gt; &amp; more." in page
    assert "Amir &lt;Hussain&gt;" in page
    assert 'class="wn-theme-tag"' in page
    # The learning entry, its link still working from the week page.
    assert "Listening takes" in page
    # Liz wrote nothing; Kit has left and is not named.
    assert "No note this week from:" in page and "Liz Okafor" in page
    assert "Kit Jones" not in page
    if directory_urls:
        assert 'href="../../2026/2026-11-20-rob/"' in page
        assert 'href="../../2026/2026-11-13-rob/"' in page  # the entry's own link
        assert 'rel="prev" href="../2026-W46/"' in page
        assert 'class="wn-year-ago" href="../2025-W47/"' in page
    else:
        assert 'href="../../2026/2026-11-20-rob.html"' in page
        assert 'href="../../2026/2026-11-13-rob.html"' in page
        assert 'rel="prev" href="../2026-W46/index.html"' in page
        assert 'class="wn-year-ago" href="../2025-W47/index.html"' in page
    assert 'rel="next"' not in page
    assert "November 16, 2026 to November 22, 2026" in page


def test_year_ago_links_only_where_that_week_has_notes(tmp_path: Path) -> None:
    build = mkdocs_build(SITE, tmp_path)
    week46 = build.page(week_path("2026-W46"))
    assert "wn-year-ago" not in week46
    assert 'rel="prev" href="../2026-W45/"' in week46
    assert 'rel="next" href="../2026-W47/"' in week46
    # Away people are named as away, not as writing nothing.
    assert "Away:" in week46
    missing = week46.split("No note this week from:")[1].split("</p>")[0]
    assert "Amir" in missing and "Liz" not in missing
    last_year = build.page(week_path("2025-W47"))
    assert "Kit Jones" in last_year  # still on the team then
    assert "wn-year-ago" not in last_year


def test_latest_and_year_pages_link_each_week_to_its_page(tmp_path: Path) -> None:
    build = mkdocs_build(SITE, tmp_path)
    latest = build.page("weeknotes/index.html")
    assert '<h2><a href="weeks/2026-W47/">' in latest
    year = build.page("weeknotes/2026/index.html")
    assert '<h2><a href="../weeks/2026-W45/">' in year
