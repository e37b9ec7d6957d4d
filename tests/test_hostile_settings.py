"""Odd settings and edge-of-calendar dates, through a real build and the command."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from mkdocs_weeknotes.cli import main
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
