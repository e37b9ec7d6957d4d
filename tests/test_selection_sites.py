"""Which files are notes, on real builds: a posts folder that mixes weeknotes with
other posts, a folder per week, and a notes folder with no notes in it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from mkdocs_weeknotes.reading.site_notes import collect_site
from tests.conftest import ROOT, SITES, Build, mkdocs_build, weeknotes
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
    # filled, and are no notes ('*/*/index.md' would select the theme's, but
    # `exclude` leaves it out; without it, it is WN012).
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
            " 3 named index.md, _index.md or README.md, 2 where generated pages go"
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


# A folder named by digits that are no year, Hugo's page of a section, and files
# the globs select where generated pages go, one of them no note by its own word.
ODD_PLACES = {
    "docs/index.md": "# Home\n",
    "docs/weeknotes/_index.md": "---\ntitle: All our weeknotes\n---\n",
    "docs/weeknotes/7/index.md": "---\ntitle: Week seven\ndate: 2024-03-08\n---\nSeven.\n",
    "docs/weeknotes/2024-03-15-sam.md": "---\ntitle: Fifteenth\n---\nFifteen.\n",
    "docs/weeknotes/2024/index.md": "# Our year\n\nThe year's own words.\n",
    "docs/weeknotes/themes/planning.md": "# How we plan\n",
    "docs/weeknotes/people/about.md": "---\nweeknote: false\n---\n# About us\n",
}
ODD_CONFIG = """\
site_name: Odd places
plugins:
  - weeknotes:
      include: ["*.md", "*/index.md"]
      required: [date]
"""


def test_every_file_the_globs_select_is_a_note_or_reported(tmp_path: Path) -> None:
    site = tmp_path / "odd"
    for name, text in ODD_PLACES.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    (site / "mkdocs.yml").write_text(ODD_CONFIG, encoding="utf-8")
    build = mkdocs_build(site, tmp_path)
    assert build.exit_code == 0, build.output
    # 7/ is no year's folder: its index.md is a note. _index.md is the folder's page.
    assert listing(build, "weeknotes/index.html") == ["2024-03-15-sam", "7"]
    lines = [
        "docs/weeknotes/2024/index.md:1: WN012 not read as a note, though include selects it:"
        " the archive of 2024 goes here (if it is a note, move it elsewhere; if not,"
        " add '/2024/index.md' to exclude)",
        "docs/weeknotes/themes/planning.md:1: WN012 not read as a note, though include"
        " selects it: 'themes/' is a folder of generated pages (if it is a note, move it"
        " elsewhere; if not, add '/themes' to exclude)",
    ]
    assert build.problem_lines() == lines
    # The year's own page is kept and filled, as always.
    assert "The year's own words." in build.page("weeknotes/2024/index.html")
    checked = weeknotes_check(site, "mkdocs.yml")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert checked.stdout.splitlines() == lines
    # The globs the hints give leave the pages out, and a strict build passes.
    config = site / "mkdocs.yml"
    config.write_text(
        ODD_CONFIG + '      exclude: ["/2024/index.md", "/themes"]\n', encoding="utf-8"
    )
    strict = mkdocs_build(site, tmp_path, "--strict")
    assert strict.exit_code == 0, strict.output
    assert strict.problem_lines() == []
    assert listing(strict, "weeknotes/index.html") == ["2024-03-15-sam", "7"]


# A real Hugo site's notes, read in place: content/weeknote/ with its _index.md.
DIGITAL_LAND = ROOT.parent / "shared" / "corpus" / "digitalland" / "source" / "content"


def test_hugos_index_page_is_no_note_in_a_real_archive(tmp_path: Path) -> None:
    folder = DIGITAL_LAND / "weeknote"
    if not (folder / "_index.md").is_file():
        pytest.skip(f"the digitalland archive is not at {DIGITAL_LAND}")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Digital Land\ndocs_dir: {str(DIGITAL_LAND)!r}\n"
        "plugins:\n  - weeknotes:\n      notes_dir: weeknote\n      required: [date]\n",
        encoding="utf-8",
    )
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    plugin = config.plugins["weeknotes"]
    weeknotes = collect_site(get_files(config), config, plugin.config)
    every = sorted(f"weeknote/{path.name}" for path in folder.glob("*.md"))
    assert "weeknote/_index.md" in every
    assert sorted(n.src_uri for n in weeknotes.notes) == [
        uri for uri in every if uri != "weeknote/_index.md"
    ]
    assert not [p for p in weeknotes.problems if "_index.md" in p.path]
