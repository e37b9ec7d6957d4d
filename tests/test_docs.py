"""The project's own site: every problem code documented, and a strict build."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs_weeknotes.problems import CODES
from tests.conftest import ROOT, mkdocs_build


def test_every_problem_code_has_a_heading_and_an_example() -> None:
    page = (ROOT / "docs" / "problems.md").read_text(encoding="utf-8")
    headings = re.findall(r"^#+ (WN\d{3})\b", page, flags=re.MULTILINE)
    assert sorted(headings) == sorted(CODES)
    for code in CODES:
        assert re.search(rf"\S+:\d+: {code} ", page), f"{code} has no example line"


def test_every_setting_is_documented() -> None:
    from mkdocs_weeknotes.config import WeeknotesConfig

    page = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    for name in dict(WeeknotesConfig._schema):
        assert f"`{name}`" in page, name


def test_the_project_site_builds_strict(tmp_path: Path) -> None:
    build = mkdocs_build(ROOT, tmp_path, "--strict")
    assert build.exit_code == 0, build.output
    assert build.warnings() == []
