"""Hostile or careless input: the build and the command report it and go on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SITES, mkdocs_build
from tests.test_cli import weeknotes


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
