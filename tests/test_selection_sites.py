"""Which files are notes, on real builds: a posts folder that mixes weeknotes with
other posts, a folder per week, and a notes folder with no notes in it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SITES, Build, mkdocs_build, weeknotes
from tests.htmlcheck import listed_notes

MIXED = SITES / "mixed-posts"
WEEKS = SITES / "week-folders"
WEEKNOTES = ["2021-03-19-weeknotes-19-march", "2021-03-12-weeknotes-12-march"]
WEEKNOTES += ["2021-03-05-weeknotes-5-march"]


def urls(flat: bool) -> tuple[str, ...]:
    return ("--no-directory-urls",) if flat else ("--use-directory-urls",)


def weeknotes_check(site: Path, config: str) -> subprocess.CompletedProcess[str]:
    return weeknotes("check", "-f", str(site / config), cwd=site)


def listing(build: Build, path: str) -> list[str]:
    return listed_notes(build.site_dir, build.site_dir / path)


@pytest.mark.parametrize("flat", [False, True], ids=["directory-urls", "flat-urls"])
@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs-exclude.yml"])
def test_weeknotes_among_other_posts(theme: str, flat: bool, config: str, tmp_path: Path) -> None:
    build = mkdocs_build(MIXED, tmp_path, "--strict", *urls(flat), theme=theme, config=config)
    # No false WN201 from the project updates in the same weeks as the weeknotes.
    assert build.exit_code == 0, build.output
    assert build.problem_lines() == []
    assert listing(build, "_posts/index.html") == WEEKNOTES
    assert listing(build, "_posts/people/ffion-pryce/index.html") == WEEKNOTES
    # The other posts are the site's pages as before, listed nowhere.
    page = "2021-03-08-project-update-lantern-route"
    built = build.site_dir / "_posts" / (f"{page}.html" if flat else f"{page}/index.html")
    assert "the old mill" in built.read_text(encoding="utf-8")
    # Summaries: `summary`, then `description`, then the first paragraph, whose
    # character references are decoded once and escaped once.
    latest = build.page("_posts/index.html")
    assert "Volunteers signed up faster than we could count them." in latest
    assert "Lamp posts, permits and a very patient council officer." in latest
    assert "Willow &amp; tissue paper arrived on Tuesday" in latest
    assert "&amp;amp;" not in latest and "&amp;#39;" not in latest
    feed = build.page("_posts/feed.xml")
    assert "<summary>Willow &amp; tissue paper arrived on Tuesday, and the workshop" in feed
    assert "glue 'til Friday.</summary>" in feed
    assert "&amp;amp;" not in feed


def test_every_post_read_as_a_note_gives_false_duplicates(tmp_path: Path) -> None:
    # What the include glob avoids: the default selection reads every post.
    build = mkdocs_build(MIXED, tmp_path, config="mkdocs-all.yml")
    assert build.exit_code == 0, build.output
    assert sum(" WN201 " in line for line in build.problem_lines()) == 5


@pytest.mark.parametrize("flat", [False, True], ids=["directory-urls", "flat-urls"])
def test_a_folder_per_week(theme: str, flat: bool, tmp_path: Path) -> None:
    build = mkdocs_build(WEEKS, tmp_path, "--strict", *urls(flat), theme=theme)
    assert build.exit_code == 0, build.output
    assert build.problem_lines() == []
    assert listing(build, "weeknotes/index.html") == ["29", "28", "27"]
    # The site's own pages at a year page's and a theme page's places are kept and
    # filled, and are no notes, though '*/*/index.md' would select the theme's.
    year = build.page("weeknotes/2018/index.html")
    assert "The year we opened on Saturdays." in year
    assert listing(build, "weeknotes/2018/index.html") == ["29", "28", "27"]
    planning = build.page("weeknotes/themes/planning/index.html")
    assert "Everything about how we plan the repair sessions." in planning
    assert listing(build, "weeknotes/themes/planning/index.html") == ["29"]
    # Each note is dated the Monday of its folder's ISO week.
    week = build.page("weeknotes/2018/27/index.html")
    assert "2018-07-02" in week or "July 2, 2018" in week
    assert "Three fixes out of four &amp; one toaster that was beyond us." in build.page(
        "weeknotes/index.html"
    )


@pytest.mark.parametrize(
    ("site", "config", "line"),
    [
        (
            WEEKS,
            "mkdocs-default.yml",
            "docs/weeknotes:1: WN011 no notes among 5 Markdown files under it:"
            " 3 named index.md or README.md, 2 where generated pages go"
            " (a folder's index.md is a note only when an include glob ends in index.md,"
            " such as '*/*/index.md')",
        ),
        (
            MIXED,
            "mkdocs-typo.yml",
            "docs/_posts:1: WN011 no notes among 6 Markdown files under it:"
            " 6 not selected by include ['*weaknotes*'] (change 'include' to select the notes)",
        ),
        (
            MIXED,
            "mkdocs-missing.yml",
            "docs/posts:1: WN011 no notes: the notes folder does not exist"
            " (set notes_dir to the folder that holds the notes,"
            " such as '_posts' (6 Markdown files))",
        ),
    ],
    ids=["index-files", "include-typo", "missing-folder"],
)
def test_no_notes_is_a_warning_that_says_why(
    site: Path, config: str, line: str, tmp_path: Path
) -> None:
    build = mkdocs_build(site, tmp_path, config=config)
    assert build.exit_code == 0, build.output
    assert build.problem_lines() == [line]
    strict = mkdocs_build(site, tmp_path, "--strict", config=config)
    assert strict.exit_code == 1
    checked = weeknotes_check(site, config)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert checked.stdout.splitlines() == [line]
    assert "no problems" not in checked.stderr


def test_new_writes_no_note_that_the_globs_would_pass_over(tmp_path: Path) -> None:
    site = tmp_path / "week-folders"
    shutil.copytree(WEEKS, site)
    command = [sys.executable, "-m", "mkdocs_weeknotes", "new", "--author", "ffion"]
    done = subprocess.run(
        [*command, "--date", "2018-07-23"], cwd=site, capture_output=True, text=True, timeout=120
    )
    # The default new_note_path, 2018/2018-07-23-ffion.md, is no '*/*/index.md'.
    assert done.returncode == 2, done.stdout + done.stderr
    assert "include" in done.stderr and "new_note_path" in done.stderr
    assert not (site / "docs" / "weeknotes" / "2018" / "2018-07-23-ffion.md").exists()
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "      required: [date]\n",
            '      required: [date]\n      new_note_path: "{date:%G}/{date:%V}/index.md"\n',
        )
    )
    done = subprocess.run(
        [*command, "--date", "2018-07-23"], cwd=site, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert (site / "docs" / "weeknotes" / "2018" / "30" / "index.md").is_file()
