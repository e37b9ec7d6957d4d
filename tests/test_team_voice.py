"""A site written in the team's voice: notes that name nobody, no authors file, and
(as the README's minimal configuration makes it) no home page of its own."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import mkdocs_build

CONFIG = """\
site_name: Team voice
plugins:
  - search
  - weeknotes:
      required: [date]
      rollups:
        reading:
          title: What we read
          headings: ["What we read"]
"""

NOTE = """\
---
title: {title}
date: {date}
---

## What we did

Things.

## Something I'm learning

LEARN-{marker} text.

## What we read

READ-{marker} text.
"""

HINT = "mkdocs_weeknotes: the site has no home page"


def team_site(tmp_path: Path, home: str | None = None) -> Path:
    site = tmp_path / "team"
    notes = site / "docs" / "weeknotes" / "2019"
    notes.mkdir(parents=True)
    (site / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    for title, date, marker in (("Our week", "2019-07-05", "A"), ("Next week", "2019-07-12", "B")):
        text = NOTE.format(title=title, date=date, marker=marker)
        (notes / f"{date}-team.md").write_text(text, encoding="utf-8")
    if home is not None:
        (site / "docs" / home).write_text("# Home\n\n[Weeknotes](weeknotes/index.md)\n")
    return site


def entry_headers(page: str) -> list[str]:
    return re.findall(r'<p class="wn-entry-header">(.*?)</p>', page, re.DOTALL)


def test_entries_of_notes_that_name_nobody_start_at_their_title(tmp_path: Path, theme: str) -> None:
    build = mkdocs_build(team_site(tmp_path), tmp_path, "--strict", theme=theme)
    assert build.exit_code == 0, build.output
    pages = {
        "learning log": "weeknotes/learning/index.html",
        "learning log's year": "weeknotes/learning/2019/index.html",
        "another rollup": "weeknotes/reading/index.html",
        "week": "weeknotes/weeks/2019-W27/index.html",
    }
    for kind, path in pages.items():
        headers = entry_headers(build.page(path))
        assert headers, kind
        for header in headers:
            # No empty byline joined to the title by a separator.
            assert header.startswith('<a class="wn-entry-source"'), (kind, header)
            assert header.count(" · ") == 1, (kind, header)


def test_a_people_page_with_nobody_says_so(tmp_path: Path, theme: str) -> None:
    build = mkdocs_build(team_site(tmp_path), tmp_path, "--strict", theme=theme)
    assert build.exit_code == 0, build.output
    people = build.page("weeknotes/people/index.html")
    assert '<p class="wn-empty">No people yet.</p>' in people
    assert "wn-people-list" not in people


def test_a_site_without_a_home_page_is_told_to_add_one(tmp_path: Path) -> None:
    # Advice, not a problem: a --strict build still passes.
    build = mkdocs_build(team_site(tmp_path), tmp_path, "--strict")
    assert build.exit_code == 0, build.output
    lines = [line for line in build.output.splitlines() if HINT in line]
    assert len(lines) == 1, build.output
    assert lines[0].startswith("INFO")
    assert "add docs/index.md" in lines[0] and "(weeknotes/index.md)" in lines[0]
    assert not (build.site_dir / "index.html").exists()


def test_a_site_with_a_home_page_is_not_told(tmp_path: Path) -> None:
    for home in ("index.md", "README.md"):
        build = mkdocs_build(team_site(tmp_path / home, home), tmp_path / home, "--strict")
        assert build.exit_code == 0, build.output
        assert HINT not in build.output
        assert (build.site_dir / "index.html").exists()
