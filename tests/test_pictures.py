"""The pictures on built pages: the right cells filled, words for screen readers,
hostile names escaped, settings that switch them off, the same bytes every build."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import Build, copy_site, mkdocs_build


class Cells(HTMLParser):
    """The cells of a page's pictures, and the text of their tables' row headers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[tuple[str, list[dict[str, str]]]] = []
        self.strip: list[dict[str, str]] = []
        self.charts: list[dict[str, str]] = []
        self._where: list[str] = []
        self._in_th = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        classes = values.get("class", "").split()
        if tag == "tr":
            self.rows.append(("", []))
        elif tag == "th" and values.get("scope") == "row":
            self._in_th = True
        elif tag == "ol" and "wn-strip" in classes:
            self._where.append("strip")
        elif tag == "svg" and "wn-chart" in classes:
            self.charts.append(values)
        elif tag == "p" and "wn-key" in classes:
            self._where.append("key")
        if "wn-cell" in classes and "key" not in self._where:
            cell = {**values, "tag": tag}
            if "strip" in self._where:
                self.strip.append(cell)
            elif self.rows:
                self.rows[-1][1].append(cell)

    def handle_endtag(self, tag: str) -> None:
        if tag == "th":
            self._in_th = False
        elif tag in ("ol", "p") and self._where:
            self._where.pop()

    def handle_data(self, data: str) -> None:
        if self._in_th and self.rows:
            name, cells = self.rows[-1]
            self.rows[-1] = (name + data, cells)


def cells_of(html: str) -> Cells:
    parsed = Cells()
    parsed.feed(html)
    parsed.rows = [(name, cells) for name, cells in parsed.rows if cells]
    return parsed


def shown(cells: list[dict[str, str]]) -> list[tuple[str, str]]:
    """Each cell as (state, link)."""
    return [(c["class"].split()[1].removeprefix("wn-"), c.get("href", "")) for c in cells]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    tmp = tmp_path_factory.mktemp("pictures")
    build = mkdocs_build(copy_site("indexes", tmp), tmp, "--strict")
    assert build.exit_code == 0, build.output
    return build


# The indexes site's notes, newest week first: 15 July 2019 (Liz alone, Rob alone),
# 8 July (Liz's draft: not built), 1 July (Rob with Liz), 24 June (each alone);
# Liz's note of December 2018 is 31 weeks back. Amir has written nothing.
LIZ = [
    ("wrote", "2019/2019-07-19-liz/"),
    ("none", ""),
    ("co-wrote", "2019/2019-07-05-rob/"),
    ("wrote", "2019/2019-06-28-liz/"),
] + [("none", "")] * 8
ROB = [
    ("wrote", "2019/2019-07-19-rob/"),
    ("none", ""),
    ("co-wrote", "2019/2019-07-05-rob/"),
    ("wrote", "2019/2019-06-28-rob/"),
] + [("none", "")] * 8


def test_the_rhythm_fills_the_right_cells_with_links_to_the_notes(built: Build) -> None:
    grid = cells_of(built.page("weeknotes/index.html"))
    assert [name for name, _ in grid.rows] == ["Liz Okafor", "Rob Miller"]
    assert shown(grid.rows[0][1]) == LIZ
    assert shown(grid.rows[1][1]) == ROB
    # The people page has the same picture, its links made from its own folder.
    people = cells_of(built.page("weeknotes/people/index.html"))
    assert shown(people.rows[0][1]) == [(s, f"../{url}" if url else "") for s, url in LIZ]
    latest = built.page("weeknotes/index.html")
    weeks = re.findall(r'<th scope="col"><time datetime="([^"]+)"', latest)
    assert weeks[:3] == ["2019-07-15", "2019-07-08", "2019-07-01"] and len(weeks) == 12


def test_every_cell_says_what_it_shows_in_words(built: Build) -> None:
    grid = cells_of(built.page("weeknotes/index.html"))
    liz = grid.rows[0][1]
    assert liz[0]["aria-label"] == "Liz Okafor wrote a note in the week of 15 July 2019"
    assert liz[1]["aria-label"] == "Liz Okafor wrote no note in the week of 8 July 2019"
    assert liz[1]["role"] == "img" and liz[1]["tag"] == "span"
    assert liz[2]["aria-label"] == "Liz Okafor co-wrote a note in the week of 1 July 2019"
    assert all(cell["title"] == cell["aria-label"] for _, row in grid.rows for cell in row)
    latest = built.page("weeknotes/index.html")
    assert "Who wrote which week, newest week first</figcaption>" in latest
    assert '<p class="wn-key" aria-hidden="true">' in latest


def test_a_persons_page_has_their_year_of_weeks(built: Build) -> None:
    page = built.page("weeknotes/people/liz/index.html")
    strip = cells_of(page).strip
    assert len(strip) == 52
    filled = [(n, c["class"], c["href"]) for n, c in enumerate(strip) if c["tag"] == "a"]
    assert filled == [
        (0, "wn-cell wn-wrote", "../../2019/2019-07-19-liz/"),
        (2, "wn-cell wn-co-wrote", "../../2019/2019-07-05-rob/"),
        (3, "wn-cell wn-wrote", "../../2019/2019-06-28-liz/"),
        (31, "wn-cell wn-wrote", "../../2018/2018-12-14-liz/"),
    ]
    caption = "Weeks with a note: 4 of 52, up to the week of 15 July 2019"
    assert f'<ol class="wn-strip" aria-label="{caption}">' in page
    assert f"<figcaption>{caption}</figcaption>" in page
    # Amir has written nothing: no strip of empty weeks on his page.
    assert "wn-strip" not in built.page("weeknotes/people/amir/index.html")
    # A long listing's later pages leave the picture to the first.
    assert "wn-strip" not in built.page("weeknotes/people/liz/page/2/index.html")


def test_a_themes_timeline_counts_its_notes_per_month(built: Build) -> None:
    page = built.page("weeknotes/themes/research/index.html")
    (chart,) = cells_of(page).charts
    summary = (
        "Notes per month, August 2018 to July 2019:"
        " December 2018: 1 note; June 2019: 1 note; July 2019: 1 note"
    )
    assert chart["aria-label"] == summary and chart["role"] == "img"
    assert f"<title>{summary}</title>" in page
    heights = re.findall(r'<rect x="\d+" y="\d+" width="6" height="(\d+)"/>', page)
    assert heights == ["1", "1", "1", "1", "24", "1", "1", "1", "1", "1", "24", "24"]
    assert "<g><title>December 2018: 1 note</title>" in page
    # Each theme on the themes page has a small one.
    themes = built.page("weeknotes/themes/index.html")
    sparks = cells_of(themes).charts
    assert len(sparks) == len(re.findall('class="wn-count"', themes)) == 4
    assert all("wn-sparkline" in chart["class"] for chart in sparks)


def test_hostile_names_are_escaped_in_every_picture(tmp_path: Path) -> None:
    site = copy_site("indexes", tmp_path)
    authors = site / "docs" / "weeknotes" / ".authors.yml"
    hostile = '<script>alert(1)</script> "Liz" O\'Okafor & co'
    authors.write_text(
        authors.read_text().replace(
            "name: Liz Okafor", f"name: '{hostile.replace(chr(39), chr(39) * 2)}'"
        )
    )
    build = mkdocs_build(site, tmp_path, "--strict")
    assert build.exit_code == 0, build.output
    for path in (
        "weeknotes/index.html",
        "weeknotes/people/index.html",
        "weeknotes/people/liz/index.html",
    ):
        html = build.page(path)
        assert "<script>alert(1)" not in html, path
        parsed = cells_of(html)
        cells = parsed.strip or next(row for name, row in parsed.rows if "alert" in name)
        # Parsed back, the label holds the name as written: escaped once, not broken.
        assert cells[0]["aria-label"] == f"{hostile} wrote a note in the week of 15 July 2019"
    grid = cells_of(build.page("weeknotes/index.html"))
    assert grid.rows[0][0] == hostile


def _with_pictures(tmp_path: Path, *settings: str) -> Path:
    """The indexes site with these `pictures` settings."""
    site = copy_site("indexes", tmp_path)
    config = site / "mkdocs.yml"
    lines = "".join(f"        {setting}\n" for setting in settings)
    config.write_text(config.read_text() + "      pictures:\n" + lines)
    return site


def _pictures_off(tmp_path: Path) -> Path:
    """The indexes site with every picture switched off."""
    return _with_pictures(tmp_path, "rhythm: false", "person_weeks: false", "theme_timeline: false")


def test_each_picture_is_switched_off_by_its_setting(tmp_path: Path) -> None:
    site = _pictures_off(tmp_path)
    build = mkdocs_build(site, tmp_path, "--strict")
    assert build.exit_code == 0, build.output
    for page in sorted((build.site_dir / "weeknotes").rglob("*.html")):
        html = page.read_text("utf-8")
        assert "wn-picture" not in html and "wn-chart" not in html, page


def test_the_number_of_weeks_and_months_is_a_setting(tmp_path: Path) -> None:
    site = _with_pictures(tmp_path, "rhythm_weeks: 3", "timeline_months: 24")
    config = site / "mkdocs.yml"
    build = mkdocs_build(site, tmp_path, "--strict")
    assert build.exit_code == 0, build.output
    grid = cells_of(build.page("weeknotes/index.html"))
    assert shown(grid.rows[0][1]) == LIZ[:3]
    page = build.page("weeknotes/themes/research/index.html")
    assert len(re.findall("<rect ", page)) == 24
    config.write_text(config.read_text().replace("rhythm_weeks: 3", "rhythm_weeks: 0"))
    refused = mkdocs_build(site, tmp_path)
    assert refused.exit_code != 0 and "Traceback" not in refused.output
    assert "'rhythm_weeks': must be 1 or more, not 0" in refused.output


def test_pictures_are_the_same_bytes_every_build(built: Build, tmp_path: Path) -> None:
    again = mkdocs_build(copy_site("indexes", tmp_path), tmp_path, "--strict")
    for path in (
        "weeknotes/index.html",
        "weeknotes/people/index.html",
        "weeknotes/people/liz/index.html",
        "weeknotes/themes/index.html",
        "weeknotes/themes/research/index.html",
    ):
        assert again.page(path) == built.page(path), path


def test_material_pages_carry_the_pictures(tmp_path: Path, theme: str) -> None:
    build = mkdocs_build(copy_site("indexes", tmp_path), tmp_path, "--strict", theme=theme)
    assert build.exit_code == 0, build.output
    assert shown(cells_of(build.page("weeknotes/index.html")).rows[0][1]) == LIZ
    assert len(cells_of(build.page("weeknotes/people/rob/index.html")).strip) == 52


def test_the_pictures_speak_the_sites_language(tmp_path: Path) -> None:
    site = copy_site("indexes", tmp_path)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("locale: en_GB", "locale: cy"))
    build = mkdocs_build(site, tmp_path, "--strict")
    assert build.exit_code == 0, build.output
    liz = cells_of(build.page("weeknotes/index.html")).rows[0][1]
    assert liz[0]["aria-label"] == (
        "Ysgrifennodd Liz Okafor nodyn yn yr wythnos yn dechrau 15 Gorffennaf 2019"
    )
    (chart,) = cells_of(build.page("weeknotes/themes/research/index.html")).charts
    assert chart["aria-label"].startswith("Nodiadau bob mis, Awst 2018 i Gorffennaf 2019: ")
    assert "Rhagfyr 2018: 1 nodyn" in chart["aria-label"]


def test_a_picture_switched_off_is_not_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No work for a picture nobody sees: the weeks and months are never counted."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from mkdocs_weeknotes.rendering import picture_views

    def never(*args: object) -> None:
        raise AssertionError("counted for a picture that is switched off")

    monkeypatch.setattr(picture_views, "person_weeks", never)
    monkeypatch.setattr(picture_views, "theme_months", never)
    site = _pictures_off(tmp_path)
    config = site / "mkdocs.yml"
    build(load_config(config_file=str(config), site_dir=str(tmp_path / "built")))
    assert (tmp_path / "built" / "weeknotes" / "index.html").is_file()
