"""Hostile or careless input in real builds: long names, odd URLs, control characters,
markup, notes that cannot be read. The build and the command report it and go on."""

from __future__ import annotations

import importlib.util
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import SITES, copy_site, mkdocs_build, weeknotes
from tests.htmlcheck import parse

LONG_ID = "r" * 300
LONG_THEME = "日" * 86  # 258 bytes in UTF-8
LONG_NAME = "Robertina " * 30


def test_long_ids_themes_and_names_build(tmp_path: Path, theme: str) -> None:
    site = copy_site("clean", tmp_path)
    notes = site / "docs" / "weeknotes"
    with (notes / ".authors.yml").open("a", encoding="utf-8") as authors:
        authors.write(f"  {LONG_ID}:\n    name: {LONG_NAME}\n")
    (notes / "2019" / "2019-07-19-long.md").write_text(
        f"---\ndate: 2019-07-19\nauthors: [{LONG_ID}]\nthemes: [{LONG_THEME}]\n---\n\nLong.\n",
        encoding="utf-8",
    )
    build = mkdocs_build(site, tmp_path / "ids", "--strict", theme=theme)
    assert build.exit_code == 0, build.output
    people = [p.name for p in (build.site_dir / "weeknotes" / "people").iterdir()]
    assert max(len(name.encode("utf-8")) for name in people) <= 80
    themes = [p.name for p in (build.site_dir / "weeknotes" / "themes").iterdir()]
    assert max(len(name.encode("utf-8")) for name in themes) <= 80

    # Free-text names: no authors file, a long name as the author.
    (notes / ".authors.yml").unlink()
    (notes / "2019" / "2019-07-19-long.md").write_text(
        f"---\ndate: 2019-07-19\nauthors: [{LONG_NAME}]\nthemes: [{LONG_THEME}]\n---\n\nLong.\n",
        encoding="utf-8",
    )
    build = mkdocs_build(site, tmp_path / "names", "--strict", theme=theme)
    assert build.exit_code == 0, build.output
    people = [p.name for p in (build.site_dir / "weeknotes" / "people").iterdir()]
    assert any(name.startswith("robertina-robertina") for name in people)
    assert max(len(name.encode("utf-8")) for name in people) <= 80


def test_a_script_avatar_is_a_problem_and_never_reaches_the_page(tmp_path: Path) -> None:
    site = copy_site("clean", tmp_path)
    authors = site / "docs" / "weeknotes" / ".authors.yml"
    authors.write_text(
        authors.read_text().replace("https://example.org/rob.png", '" JaVa\\tScRiPt:alert(1)"')
    )
    build = mkdocs_build(site, tmp_path)
    assert build.exit_code == 0, build.output
    assert build.problem_lines() == [
        "docs/weeknotes/.authors.yml:5: WN305 author 'rob': avatar ' JaVa\\tScRiPt:alert(1)'"
        " is not an http(s) or relative URL (link an image with https://, or give its path"
        " in the docs folder; initials are shown instead)"
    ]
    for page in ("weeknotes/people/index.html", "weeknotes/people/rob/index.html"):
        html = build.page(page).lower()
        assert "script:alert" not in html
        assert "rob miller" in html


# C0 controls other than tab, newline and CR, as YAML's escapes write them.
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def test_control_characters_from_front_matter_reach_no_page_or_feed(tmp_path: Path) -> None:
    site = copy_site("clean", tmp_path)
    notes = site / "docs" / "weeknotes"
    (notes / "2019" / "2019-07-19-rob.md").write_text(
        "---\n"
        'title: "Nul\\0 and\\x01 bell\\a"\n'
        "date: 2019-07-19\n"
        "authors: [rob]\n"
        'themes: ["Zero\\0day"]\n'
        'summary: "Sum\\x1bmary\\ud800"\n'
        "---\n\nBody.\n",
        encoding="utf-8",
    )
    (notes / "2019" / "2019-07-26-rob.md").write_text(
        "---\ndate: 2019-07-26\nauthors: [rob]\n---\n\nFirst\x02 paragraph\x00.\n",
        encoding="utf-8",
    )
    authors = notes / ".authors.yml"
    authors.write_text(
        authors.read_text().replace("Head of digital", '"Head\\0 of\\x07 digital"'),
    )
    build = mkdocs_build(site, tmp_path)
    assert build.exit_code == 0, build.output
    written = [
        path
        for path in build.site_dir.rglob("*")
        if path.suffix in (".html", ".xml") and "search" not in path.parts
    ]
    assert len(written) > 10
    for path in written:
        if path.parent.name == "2019-07-26-rob":
            continue  # the body as Markdown renders it is MkDocs' own; its summary is ours
        text = path.read_text(encoding="utf-8")
        assert not CONTROLS.search(text), path
    note = build.page("weeknotes/2019/2019-07-19-rob/index.html")
    assert "Nul and bell" in note and "Zeroday" in note
    latest = build.page("weeknotes/index.html")
    assert "Summary" in latest and "First paragraph." in latest
    assert "Head of digital" in build.page("weeknotes/people/rob/index.html")


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.update(name for name, _ in attrs)


@pytest.mark.parametrize("theme_name", ["mkdocs", "readthedocs", "material"])
def test_titles_and_nav_title_handed_to_themes_are_inert(tmp_path: Path, theme_name: str) -> None:
    if theme_name == "material" and importlib.util.find_spec("material") is None:
        pytest.skip("Material for MkDocs is not installed")
    site = copy_site("clean", tmp_path)
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  - weeknotes\n",
            '  - weeknotes:\n      nav_title: "<script>alert(1)</script> \\" onclick=\'x"\n',
        )
    )
    (site / "docs" / "weeknotes" / "2019" / "2019-07-19-rob.md").write_text(
        "---\n"
        'title: \'Say "hi" onmouseover="alert(2)" <script>alert(3)</script>\'\n'
        "date: 2019-07-19\nauthors: [rob]\n"
        "themes: [\"x' onfocus='alert(4)\"]\n"
        "---\n\nBody.\n",
        encoding="utf-8",
    )
    # Material prints `author` and `description` into <meta> tags as they are.
    (site / "docs" / "weeknotes" / "2019" / "2019-07-26-rob.md").write_text(
        "---\n"
        "date: 2019-07-26\n"
        "author: ['rob', 'x\" onblur=\"alert(5)', '<script>alert(6)</script>']\n"
        'description: \'" onkeyup="alert(7)"><script>alert(8)</script>\'\n'
        'title: ["<script>alert(9)</script>"]\n'
        "---\n\n# A heading\n\nBody.\n",
        encoding="utf-8",
    )
    build = mkdocs_build(site, tmp_path, theme=theme_name)
    assert build.exit_code == 0, build.output
    pages = list(build.site_dir.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert "<script>alert" not in html, path
        parser = _Attributes()
        parser.feed(html)
        assert not parser.names & {"onclick", "onmouseover", "onfocus", "alert(4)"}, path
        assert not parser.names & {"onblur", "onkeyup"}, path
    note = build.page("weeknotes/2019/2019-07-19-rob/index.html")
    assert "Say" in note and "alert(3)" in note


def test_a_note_with_a_bad_week_is_listed_by_its_date(tmp_path: Path) -> None:
    site = copy_site("clean", tmp_path)
    (site / "docs" / "weeknotes" / "2019" / "2019-07-19-rob.md").write_text(
        "---\ntitle: Wrong week\ndate: 2019-07-19\nweek: 2019-07-17\nauthors: [rob]\n"
        "themes: [skills]\n---\n\nBody.\n",
        encoding="utf-8",
    )
    build = mkdocs_build(site, tmp_path)
    assert build.exit_code == 0, build.output
    assert [line.split(": ")[1][:5] for line in build.problem_lines()] == ["WN105"]
    for page in (
        "weeknotes/index.html",
        "weeknotes/2019/index.html",
        "weeknotes/people/rob/index.html",
        "weeknotes/themes/skills/index.html",
    ):
        links = parse(build.page(page)).note_links
        assert any("2019-07-19-rob" in link for link in links), page
    year = build.page("weeknotes/2019/index.html")
    assert 'id="week-2019-07-15"' in year  # where the note's header links to


def test_site_files_where_feeds_or_the_stylesheet_go_are_kept_and_reported(
    tmp_path: Path,
) -> None:
    site = copy_site("clean", tmp_path)
    docs = site / "docs"
    mine = {
        "weeknotes/feed.xml": "<mine/>",
        "weeknotes/people/rob/feed.xml": "<rob/>",
        "assets/weeknotes/weeknotes.css": "/* mine */",
    }
    for path, text in mine.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    build = mkdocs_build(site, tmp_path)
    assert build.exit_code == 0, build.output
    assert build.problem_lines() == [
        "docs/assets/weeknotes/weeknotes.css:1: WN402 this file is copied to"
        " assets/weeknotes/weeknotes.css, where the plugin's stylesheet would go"
        " (rename or move it, or set 'stylesheet: false'; this file is kept and the"
        " plugin's stylesheet is left out)",
        "docs/weeknotes/feed.xml:1: WN402 this file is copied to weeknotes/feed.xml,"
        " where the feed 'Clean team site: weeknotes' would be written"
        " (rename or move it, or set 'feeds: {enabled: false}'; this file is kept and"
        " the feed is left out)",
        "docs/weeknotes/people/rob/feed.xml:1: WN402 this file is copied to"
        " weeknotes/people/rob/feed.xml, where the feed 'Clean team site: Rob Miller'"
        " would be written (rename or move it, or set 'feeds: {enabled: false}';"
        " this file is kept and the feed is left out)",
    ]
    for path, text in mine.items():
        assert build.page(path) == text
    # The other feeds are written, and no page offers the site's file as a feed.
    assert "<feed" in build.page("weeknotes/people/liz/feed.xml")
    assert "application/atom+xml" not in build.page("weeknotes/people/rob/index.html")
    assert 'href="feed.xml"' in build.page("weeknotes/people/liz/index.html")


def test_check_reports_what_the_build_would_keep_or_cut(tmp_path: Path) -> None:
    site = copy_site("clean", tmp_path)
    (site / "docs" / "weeknotes" / "feed.xml").write_text("<mine/>", encoding="utf-8")
    (site / "docs" / "weeknotes" / "2019" / "2019-07-19-rob.md").write_text(
        f"---\ndate: 2019-07-19\nauthors: [rob]\nthemes: [{LONG_THEME}]\n---\n", encoding="utf-8"
    )
    done = weeknotes("check", cwd=site)
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.count("WN402") == 1
    assert "docs/weeknotes/feed.xml:1: WN402" in done.stdout


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    """A site with a note that is a broken link and one that is a link loop."""
    site = tmp_path / "site"
    shutil.copytree(SITES / "learning", site)
    notes = site / "docs/weeknotes/2019"
    (notes / "2019-07-29-gone.md").symlink_to(site / "nowhere.md")
    (notes / "2019-08-05-loop.md").symlink_to(notes / "2019-08-05-loop.md")
    return site


def test_a_note_that_cannot_be_read_is_a_problem_not_a_crash(
    linked: Path, tmp_path: Path, theme: str
) -> None:
    build = mkdocs_build(linked, tmp_path, theme=theme)
    assert build.exit_code == 0, build.output
    assert "Traceback" not in build.output
    assert sorted(build.problem_lines()) == [
        "docs/weeknotes/2019/2019-07-29-gone.md:1: WN010 the file cannot be read:"
        " No such file or directory (fix or remove the link)",
        "docs/weeknotes/2019/2019-08-05-loop.md:1: WN010 the file cannot be read:"
        " Too many levels of symbolic links (fix or remove the link)",
    ]
    assert (build.site_dir / "weeknotes/learning/index.html").is_file()
    assert not (build.site_dir / "weeknotes/2019/2019-07-29-gone").exists()
    strict = mkdocs_build(linked, tmp_path, "--strict", theme=theme)
    assert strict.exit_code == 1 and "Traceback" not in strict.output


def test_check_reports_a_note_that_cannot_be_read(linked: Path) -> None:
    done = weeknotes("check", cwd=linked)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.count(": WN010 the file cannot be read") == 2
