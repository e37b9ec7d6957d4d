"""People from real author strings, built: joint notes, spellings, `weeknotes people`.

The fixture `team-authors` is a small team that signs notes together in one line
(`Nia, Tomos and Simon R Jones`, `Sophie & Shaun`, Welsh `Tomos a Nia`), spells
people several ways (`Simon R Jones` and `Simon Jones`, `Soph` and `Sophie`) and
once mistypes a name (`Shuan`). `mkdocs.yml` has no authors file; with
`mkdocs-authors.yml` an authors file gives each person's other spellings.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mkdocs_weeknotes.reading.authors import parse_authors
from tests.conftest import SITES, Build, copy_site, mkdocs_build, weeknotes
from tests.htmlcheck import broken_links, listed_notes

SITE = SITES / "team-authors"

NIA = [
    "2021-04-16-weeknotes-16-april",
    "2021-03-26-weeknotes-26-march",
    "2021-03-12-weeknotes-12-march",
    "2021-03-05-weeknotes-5-march",
]
TOMOS = [
    "2021-04-30-weeknotes-30-april",
    "2021-03-26-weeknotes-26-march",
    "2021-03-12-weeknotes-12-march",
]
PRIYA = ["2021-04-09-weeknotes-9-april", "2021-04-02-weeknotes-2-april"]
ALEXANDRA = ["2021-04-30-weeknotes-30-april", "2021-04-23-weeknotes-23-april"]
SIMON_R_JONES = [
    "2021-05-07-weeknotes-7-may",
    "2021-04-16-weeknotes-16-april",
    "2021-03-12-weeknotes-12-march",
    "2021-03-05-simon",
]

# Without an authors file: each string split into people, each spelling a person.
FREE_TEXT = {
    "nia": NIA,
    "tomos": TOMOS,
    "priya": PRIYA,
    "alexandra-sanderson": ALEXANDRA,
    "simon-r-jones": SIMON_R_JONES,
    "simon-jones": ["2021-04-02-weeknotes-2-april"],
    "soph": ["2021-05-14-weeknotes-14-may", "2021-03-05-weeknotes-5-march"],
    "sophie": ["2021-03-19-weeknotes-19-march"],
    "shaun": ["2021-04-30-weeknotes-30-april", "2021-03-19-weeknotes-19-march"],
    "shuan": ["2021-04-09-weeknotes-9-april"],
}
# With the authors file: every spelling is its person.
WITH_FILE = {
    "nia": NIA,
    "tomos": TOMOS,
    "priya": PRIYA,
    "alexandra": ALEXANDRA,
    "simon": [*SIMON_R_JONES[:2], "2021-04-02-weeknotes-2-april", *SIMON_R_JONES[2:]],
    "soph": [
        "2021-05-14-weeknotes-14-may",
        "2021-03-19-weeknotes-19-march",
        "2021-03-05-weeknotes-5-march",
    ],
    "shaun": [
        "2021-04-30-weeknotes-30-april",
        "2021-04-09-weeknotes-9-april",
        "2021-03-19-weeknotes-19-march",
    ],
}


def build_site(tmp_path: Path, config: str, theme: str, directory_urls: bool) -> Build:
    site = copy_site("team-authors", tmp_path)
    if not directory_urls:
        with (site / config).open("a", encoding="utf-8") as handle:
            handle.write("use_directory_urls: false\n")
    build = mkdocs_build(site, tmp_path, "--strict", theme=theme, config=config)
    assert build.exit_code == 0, build.output
    return build


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "flat-urls"])
@pytest.mark.parametrize(
    ("config", "expected"),
    [("mkdocs.yml", FREE_TEXT), ("mkdocs-authors.yml", WITH_FILE)],
    ids=["free-text", "authors-file"],
)
def test_every_person_of_a_joint_note_lists_it(
    tmp_path: Path, theme: str, config: str, expected: dict[str, list[str]], directory_urls: bool
) -> None:
    build = build_site(tmp_path, config, theme, directory_urls)
    people = build.site_dir / "weeknotes" / "people"
    assert sorted(p.name for p in people.iterdir() if p.is_dir()) == sorted(expected)
    for ident, stems in expected.items():
        # Generated pages are index pages, so both URL styles write them to index.html.
        assert listed_notes(build.site_dir, people / ident / "index.html") == stems, ident
    index = (people / "index.html").read_text(encoding="utf-8")
    for stems in expected.values():
        assert f"{len(stems)} note" in index
    assert "Nia and Soph" not in index and "Simon R Jones and" not in index
    note = "weeknotes/2021/2021-03-12-weeknotes-12-march"
    page = build.site_dir / (f"{note}/index.html" if directory_urls else f"{note}.html")
    assert broken_links(build.site_dir, page) == []


PROPOSED = """\
# A proposed authors file, from the names in 12 notes.
# Check it before use: move a spelling into another person's 'aliases' to
# join two people, and give a person of their own to one wrongly joined.
authors:
  alexandra-sanderson:  # 2 notes
    name: Alexandra Sanderson
  nia:  # 4 notes
    name: Nia
  priya:  # 2 notes
    name: Priya
  shaun:  # 3 notes: Shaun 2, Shuan 1
    name: Shaun
    aliases: [Shuan]
  simon-r-jones:  # 5 notes: Simon R Jones 4, Simon Jones 1
    name: Simon R Jones
    aliases: [Simon Jones]
  soph:  # 3 notes: Soph 2, Sophie 1
    name: Soph
    aliases: [Sophie]
  tomos:  # 3 notes
    name: Tomos
"""


def test_people_proposes_an_authors_file_and_writes_it_only_once(tmp_path: Path) -> None:
    site = copy_site("team-authors", tmp_path)
    done = weeknotes("people", cwd=site / "docs")
    assert done.returncode == 0, done.stderr
    assert done.stdout == PROPOSED
    target = site / "docs" / "weeknotes" / ".authors.yml"
    assert not target.exists()

    written = weeknotes("people", "--write", cwd=site)
    assert written.returncode == 0, written.stderr
    assert target.read_text(encoding="utf-8") == PROPOSED
    assert "docs/weeknotes/.authors.yml" in written.stderr
    assert parse_authors(target.read_bytes(), "a.yml").problems == ()
    assert yaml.safe_load(PROPOSED)["authors"]["soph"] == {"name": "Soph", "aliases": ["Sophie"]}

    # The file written is used: every spelling is its person, and nothing is wrong.
    checked = weeknotes("check", cwd=site)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    build = mkdocs_build(site, tmp_path, "--strict")
    assert build.exit_code == 0, build.output
    people = build.site_dir / "weeknotes" / "people"
    assert listed_notes(build.site_dir, people / "soph" / "index.html") == WITH_FILE["soph"]
    assert not (people / "sophie").exists()

    target.write_text("authors: {}\n", encoding="utf-8")
    again = weeknotes("people", "--write", cwd=site)
    assert again.returncode == 1
    assert "already exists" in again.stderr
    assert target.read_text(encoding="utf-8") == "authors: {}\n"


def test_people_writes_to_the_authors_file_the_settings_name(tmp_path: Path) -> None:
    site = copy_site("team-authors", tmp_path)
    (site / "docs" / "team.yml").unlink()
    done = weeknotes("people", "--write", "-f", str(site / "mkdocs-authors.yml"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (site / "docs" / "team.yml").read_text(encoding="utf-8") == PROPOSED


def test_people_writes_no_empty_file_for_a_team_voice(tmp_path: Path) -> None:
    """Notes written as the team name nobody: there is nobody to write."""
    notes = tmp_path / "docs" / "weeknotes"
    notes.mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - weeknotes:\n      required: [date]\n", encoding="utf-8"
    )
    for day in ("2019-07-05", "2019-07-12"):
        (notes / f"{day}.md").write_text("---\ntitle: This week\n---\nWe did.\n", "utf-8")
    assert weeknotes("people", cwd=tmp_path).returncode == 0
    done = weeknotes("people", "--write", cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "nobody to write" in done.stderr
    assert not (notes / ".authors.yml").exists()


def test_people_usage_errors_exit_2(tmp_path: Path) -> None:
    assert weeknotes("people", "--frobnicate", cwd=SITE).returncode == 2
    assert weeknotes("people", "-f", str(tmp_path / "none.yml"), cwd=tmp_path).returncode == 2
