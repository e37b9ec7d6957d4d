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


class _Digest(HTMLParser):
    """Every tag of an HTML digest, with its attributes, and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_html_digest_has_inline_styles_absolute_links_and_escaping(tmp_path: Path) -> None:
    done = weeknotes("digest", "--week", "2026-W47", "--format", "html", cwd=SITE)
    assert done.returncode == 0, done.stderr
    parsed = _Digest()
    parsed.feed(done.stdout)
    names = {tag for tag, _ in parsed.tags}
    assert not names & {"style", "script", "link"}
    assert all("class" not in attrs for _, attrs in parsed.tags)
    assert all(attrs.get("style") for tag, attrs in parsed.tags if tag in ("div", "h1", "a"))
    links = [attrs["href"] for tag, attrs in parsed.tags if tag == "a"]
    assert links == [
        "https://example.org/team/weeknotes/2026/2026-11-20-amir/",
        "https://example.org/team/weeknotes/2026/2026-11-20-rob/",
        "https://example.org/team/weeknotes/weeks/2026-W47/",
    ]
    text = "".join(parsed.text)
    assert "Tea & <biscuits>" in text and "Rob's <summary> & more." in text
    assert "<biscuits>" not in done.stdout
    assert "site_url" not in done.stderr


def test_the_markdown_and_text_digests(tmp_path: Path) -> None:
    # The default week is the last complete one.
    markdown = weeknotes("digest", "--today", "2026-11-24", cwd=SITE)
    assert markdown.returncode == 0, markdown.stderr
    assert markdown.stdout.startswith("# Team week site: the week 2026\\-W47\n")
    assert (
        "[Shipping](<https://example.org/team/weeknotes/2026/2026-11-20-amir/>)" in markdown.stdout
    )
    assert "Tea &amp; &lt;biscuits&gt;" in markdown.stdout
    text = weeknotes("digest", "--week", "2026-11-18", "--format", "text", cwd=SITE)
    assert "* Tea & <biscuits> (by Rob Miller)" in text.stdout
    assert "  https://example.org/team/weeknotes/2026/2026-11-20-rob/" in text.stdout
    out = tmp_path / "digest.html"
    written = weeknotes(
        "digest", "--week", "2026-W47", "--format", "html", "-o", str(out), cwd=SITE
    )
    assert written.returncode == 0 and written.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("<div style=")


def test_without_site_url_the_digest_says_its_links_are_from_the_root(tmp_path: Path) -> None:
    site = copy_site("team-week", tmp_path)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_url: https://example.org/team/\n", ""))
    done = weeknotes("digest", "--week", "2026-W47", "--format", "text", cwd=site)
    assert done.returncode == 0
    assert "site_url" in done.stderr
    assert "  weeknotes/2026/2026-11-20-rob/" in done.stdout


def test_a_feed_of_weekly_digests(tmp_path: Path) -> None:
    build = mkdocs_build(SITE, tmp_path)
    feed = build.page("weeknotes/weeks/feed.xml")
    assert "<title>Team week site: weekly digests</title>" in feed
    assert feed.count("<entry>") == 4
    assert "<id>https://example.org/team/weeknotes/weeks/2026-W47/</id>" in feed


def test_status_exit_codes_and_json(tmp_path: Path) -> None:
    missing = weeknotes("status", "--week", "2026-W47", "--format", "json", cwd=SITE)
    assert missing.returncode == 1, missing.stderr
    data = json.loads(missing.stdout)
    assert data["week"] == "2026-W47"
    assert data["start"] == "2026-11-16" and data["end"] == "2026-11-22"
    assert [p["id"] for p in data["written"]] == ["amir", "rob"]
    assert data["written"][1]["notes"] == ["docs/weeknotes/2026/2026-11-20-rob.md"]
    assert data["missing"] == [{"id": "liz", "name": "Liz Okafor"}]
    assert data["away"] == []
    away = weeknotes("status", "--week", "2026-11-12", "--format", "json", cwd=SITE)
    assert json.loads(away.stdout)["away"] == [{"id": "liz", "name": "Liz Okafor"}]
    github = weeknotes("status", "--week", "2026-W47", "--format", "github", cwd=SITE)
    assert github.stdout.startswith("::warning title=Weeknotes 2026-W47::No weeknote yet from: Liz")
    for wrong in (["--week", "2026-W60"], ["--format", "yaml"], ["-f", "nowhere.yml"]):
        done = weeknotes("status", *wrong, cwd=SITE)
        assert done.returncode == 2, (wrong, done.stdout)
        assert "Traceback" not in done.stderr


def test_status_is_0_when_everyone_has_written(tmp_path: Path) -> None:
    site = copy_site("team-week", tmp_path)
    (site / "docs/weeknotes/2026/2026-11-19-liz.md").write_text(
        "---\ndate: 2026-11-19\nauthors: [liz]\n---\nDone.\n"
    )
    done = weeknotes("status", "--today", "2026-11-20", cwd=site)
    assert done.returncode == 0, done.stdout
    assert "Not yet: -" in done.stdout
    github = weeknotes("status", "--today", "2026-11-20", "--format", "github", cwd=site)
    assert github.returncode == 0 and github.stdout.startswith("::notice")
