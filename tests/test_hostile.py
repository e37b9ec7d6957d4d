"""Hostile input in real builds: long names, odd URLs, control characters, markup."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import copy_site, mkdocs_build

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
