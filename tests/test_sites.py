"""Real builds of fixture sites with MkDocs' own build: HTML, warnings, exit status."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SITES, copy_site, mkdocs_build

BROKEN = SITES / "broken"

# Every problem of the broken site, in the one-line form, in the order printed.
BROKEN_PROBLEMS = [
    "docs/weeknotes/2019-06-24-rob.md:4: WN103 unknown author 'robb' (did you mean 'rob'?)",
    "docs/weeknotes/2019-06-30-liz.md:3: WN102 date '2019-06-31' is not a real date"
    " (June 2019 has 30 days)",
    "docs/weeknotes/2019-07-03-rob.md:4: WN105 week 2019-07-03 is a Wednesday, not a Monday"
    " (did you mean 2019-07-01?)",
    "docs/weeknotes/2019-07-03-rob.md:6: WN006 unknown key 'themse' (did you mean 'themes'?)",
    "docs/weeknotes/2019-07-12-liz.md:5: WN002 YAML syntax error in the list that starts on"
    " this line: expected ',' or ']', but got the end of the block (close the list with ']')",
    "docs/weeknotes/2019-07-26-rob.md:2: WN001 the file is not valid UTF-8 (byte 0xe9)"
    " (save the file as UTF-8; the bad bytes are shown as \ufffd)",
]


def test_clean_site_builds_strict_with_no_warnings(tmp_path: Path, theme: str) -> None:
    build = mkdocs_build(SITES / "clean", tmp_path, "--strict", theme=theme)
    assert build.exit_code == 0, build.output
    assert build.warnings() == []
    page = build.page("weeknotes/2019/2019-06-28-rob/index.html")
    assert "Thinking about skills" in page and "Listening takes time." in page
    # A CRLF note without title or H1 gets the title built from title_format.
    crlf = build.page("weeknotes/2019/2019-07-05-rob/index.html")
    assert "<title>Weeknote: Rob Miller, w/c July 1, 2019" in crlf
    assert "A CRLF note with no title." in crlf
    h1 = build.page("weeknotes/2019/2019-06-28-liz/index.html")
    assert "<title>Five interviews in one week" in h1
    # A closing fence with no newline after it is still front matter, not text.
    last = build.page("weeknotes/2019/2019-07-12-liz/index.html")
    assert "<title>Fence at the very end" in last
    assert "themes: [research]" not in last


def test_broken_site_fails_strict_with_one_line_per_problem(tmp_path: Path, theme: str) -> None:
    build = mkdocs_build(BROKEN, tmp_path, "--strict", theme=theme)
    assert build.exit_code != 0
    assert build.problem_lines() == BROKEN_PROBLEMS
    assert f"Aborted with {len(BROKEN_PROBLEMS)} warnings in strict mode" in build.output


def test_broken_site_still_builds_every_page_without_strict(tmp_path: Path, theme: str) -> None:
    build = mkdocs_build(BROKEN, tmp_path, theme=theme)
    assert build.exit_code == 0, build.output
    assert build.problem_lines() == BROKEN_PROBLEMS
    good = build.page("weeknotes/2019-07-19-liz/index.html")
    assert "Nothing wrong here." in good
    # Problems show on a note's page only in `mkdocs serve`, never in a build.
    assert "wn-problems" not in build.page("weeknotes/2019-07-03-rob/index.html")
    # The note whose YAML is broken renders its body, not its broken front matter.
    unclosed = build.page("weeknotes/2019-07-12-liz/index.html")
    assert "The themes list is not closed." in unclosed
    assert "skills, data" not in unclosed
    # The note that is not UTF-8 renders, with replacement characters.
    latin1 = build.page("weeknotes/2019-07-26-rob/index.html")
    assert "Notes from the caf\ufffd." in latin1


def test_on_invalid_error_stops_with_one_error_listing_all(tmp_path: Path) -> None:
    build = mkdocs_build(BROKEN, tmp_path, config="mkdocs-error.yml")
    assert build.exit_code == 1
    errors = [line for line in build.output.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1
    assert f"{len(BROKEN_PROBLEMS)} problem(s) in weeknotes:" in errors[0]
    listed = [line.strip() for line in build.output.splitlines() if line.startswith("  docs/")]
    assert listed == BROKEN_PROBLEMS
    assert build.warnings() == []
    assert not (tmp_path / "built" / "weeknotes").exists()


def test_wrong_setting_type_is_mkdocs_config_error(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "docs").mkdir(parents=True)
    (site / "docs" / "index.md").write_text("# Home\n")
    (site / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - weeknotes:\n      week_grace_days: lots\n"
    )
    build = mkdocs_build(site, tmp_path)
    assert build.exit_code == 1
    assert "Config value 'plugins'" in build.output
    assert "week_grace_days" in build.output


def test_disabled_plugin_reports_nothing(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "docs" / "weeknotes").mkdir(parents=True)
    (site / "docs" / "weeknotes" / "bad.md").write_text("---\ndate: 2019-06-31\n---\n")
    (site / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - weeknotes:\n      enabled: false\n"
    )
    build = mkdocs_build(site, tmp_path, "--strict")
    assert build.exit_code == 0, build.output
    assert build.problem_lines() == []


@pytest.mark.parametrize(("setting", "shown"), [("always", True), ("never", False)])
def test_show_problems_puts_a_notes_problems_on_its_page(
    tmp_path: Path, setting: str, shown: bool
) -> None:
    site = copy_site("broken", tmp_path)
    config = site / "mkdocs.yml"
    settings = f"  - weeknotes:\n      show_problems: {setting}"
    config.write_text(config.read_text().replace("  - weeknotes", settings))
    build = mkdocs_build(site, tmp_path)
    assert build.exit_code == 0, build.output
    page = (build.site_dir / "weeknotes" / "2019-07-03-rob" / "index.html").read_text("utf-8")
    assert ("This note has 2 problems" in page) is shown
    assert "wn-note-meta" in page and "wn-deferred" not in page
    clean = (build.site_dir / "weeknotes" / "2019-07-19-liz" / "index.html").read_text("utf-8")
    assert "wn-problems" not in clean
