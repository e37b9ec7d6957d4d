"""Odd settings and edge-of-calendar dates, through a real build and the command."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from mkdocs_weeknotes.command.cli import main
from tests.conftest import copy_site, mkdocs_build


def run(site: Path, *args: str) -> Result:
    command, *rest = args
    return CliRunner().invoke(main, [command, "-f", str(site / "mkdocs.yml"), *rest])


def with_settings(site: Path, lines: str) -> None:
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - weeknotes\n", f"  - weeknotes:\n{lines}"))


def test_a_rollup_key_with_a_slash_builds_and_exports(tmp_path: Path) -> None:
    site = copy_site("learning", tmp_path)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("        reading:", '        "Books/articles":'))
    build = mkdocs_build(site, tmp_path, "--strict")
    assert build.exit_code == 0, build.output
    assert "Traceback" not in build.output
    page = build.page("weeknotes/books-articles/2019/index.html")
    assert "What we&#39;ve been reading" in page or "What we've been reading" in page
    exported = run(site, "export", "--out", str(tmp_path / "out"))
    assert exported.exit_code == 0, exported.output
    archive = (tmp_path / "out/weeknotes/books-articles/index.md").read_text(encoding="utf-8")
    assert "(2019/index.md)" in archive


EARLY = "---\ndate: 0001-01-01\nauthors: [rob]\n---\nThe first week.\n"
LATE = "---\ndate: 9999-12-31\nauthors: [rob]\n---\nThe last week.\n"


def test_dates_at_the_ends_of_the_calendar_are_problems_not_crashes(tmp_path: Path) -> None:
    site = copy_site("clean", tmp_path)
    with_settings(site, "      week_start: tuesday\n")
    notes = site / "docs/weeknotes"
    (notes / "early.md").write_text(EARLY, encoding="utf-8")
    (notes / "late.md").write_text(LATE, encoding="utf-8")
    build = mkdocs_build(site, tmp_path)
    assert build.exit_code == 0, build.output
    assert "Traceback" not in build.output
    lines = build.problem_lines()
    assert any(line.startswith("docs/weeknotes/early.md:2: WN102") for line in lines), lines
    assert any(line.startswith("docs/weeknotes/late.md:2: WN102") for line in lines), lines
    assert (build.site_dir / "weeknotes/early/index.html").is_file()
    assert (build.site_dir / "weeknotes/2019/index.html").is_file()
    checked = run(site, "check")
    assert checked.exit_code == 1, checked.output
    assert "docs/weeknotes/early.md:2: WN102" in checked.output


def test_new_with_a_year_one_date_says_why_not(tmp_path: Path) -> None:
    site = copy_site("clean", tmp_path)
    with_settings(site, "      week_start: tuesday\n")
    done = run(site, "new", "--author", "rob", "--date", "0001-01-01")
    assert done.exit_code == 2, done.output
    assert done.exception is None or isinstance(done.exception, SystemExit)
    assert "0001-01-01" in done.output and "before" in done.output


def test_new_with_a_day_the_month_lacks_says_so(tmp_path: Path) -> None:
    site = copy_site("clean", tmp_path)
    done = run(site, "new", "--author", "rob", "--date", "2026-02-30")
    assert done.exit_code == 2
    assert "February 2026 has 28 days" in done.output
    wrong = run(site, "new", "--author", "rob", "--date", "30/02/2026")
    assert wrong.exit_code == 2 and "YYYY-MM-DD" in wrong.output
