"""ProperDocs, the continuation of MkDocs 1.x: it finds the plugin and builds with it.

These tests run only where ProperDocs is installed: `.ci/run` makes a second
environment with ProperDocs and its `mkdocs` theme, and without MkDocs or
Material, and runs them there together with the site tests, which then build
with `python -m properdocs` (WEEKNOTES_BUILD_TOOL=properdocs).
"""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from tests.conftest import SITES, Build, mkdocs_build

pytest.importorskip(
    "properdocs",
    reason="ProperDocs is not installed here; .ci/run tests it in an environment of its own",
)

PLUGIN = "mkdocs_weeknotes.plugin:WeeknotesPlugin"


def properdocs_build(site: Path, tmp_path: Path, *args: str) -> Build:
    """`properdocs build` in a subprocess, whatever tool the other site tests use."""
    site_dir = tmp_path / "built"
    command = [sys.executable, "-m", "properdocs", "build", "-c", "-f", str(site / "mkdocs.yml")]
    done = subprocess.run(
        [*command, "-d", str(site_dir), *args],
        cwd=site,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    return Build(done.returncode, done.stdout + done.stderr, site_dir)


def needs_mkdocs_theme() -> None:
    from properdocs.utils import get_theme_names

    if "mkdocs" not in get_theme_names():
        pytest.skip("ProperDocs ships no theme; install properdocs-theme-mkdocs")


def test_properdocs_finds_the_plugin_under_its_own_entry_point_group() -> None:
    from properdocs.plugins import get_plugins

    ours = [e for e in entry_points(group="properdocs.plugins") if e.name == "weeknotes"]
    assert [e.value for e in ours] == [PLUGIN]
    # ProperDocs reads `mkdocs.plugins` too; its own group wins a tie.
    found = get_plugins()["weeknotes"]
    assert (found.group, found.value) == ("properdocs.plugins", PLUGIN)


def test_properdocs_builds_the_clean_site_strict(tmp_path: Path) -> None:
    needs_mkdocs_theme()
    build = properdocs_build(SITES / "clean", tmp_path, "--strict", "-t", "mkdocs")
    assert build.exit_code == 0, build.output
    assert build.warnings() == []
    page = build.page("weeknotes/2019/2019-06-28-rob/index.html")
    assert "Thinking about skills" in page
    for path in ("weeknotes", "weeknotes/themes", "weeknotes/people", "weeknotes/learning"):
        assert (build.site_dir / path / "index.html").is_file(), path


def test_properdocs_reports_the_same_problems_as_mkdocs(tmp_path: Path) -> None:
    from tests.test_sites import BROKEN_PROBLEMS

    needs_mkdocs_theme()
    build = properdocs_build(SITES / "broken", tmp_path, "--strict", "-t", "mkdocs")
    assert build.exit_code == 1
    assert build.problem_lines() == BROKEN_PROBLEMS


def test_site_tests_build_with_the_tool_asked_for(tmp_path: Path) -> None:
    """With WEEKNOTES_BUILD_TOOL set, conftest's mkdocs_build must run that tool."""
    tool = os.environ.get("WEEKNOTES_BUILD_TOOL")
    if not tool:
        pytest.skip("WEEKNOTES_BUILD_TOOL is not set: the site tests build with MkDocs")
    needs_mkdocs_theme()
    site = tmp_path / "site"
    (site / "docs").mkdir(parents=True)
    (site / "docs" / "index.md").write_text("# Home\n")
    # Under ProperDocs, `import mkdocs` gives ProperDocs' own package.
    (site / "which.py").write_text(
        "import mkdocs\n\n\ndef on_config(config):\n    print('BUILT-BY', mkdocs.__name__)\n"
    )
    (site / "mkdocs.yml").write_text(
        "site_name: x\ntheme: mkdocs\nhooks: [which.py]\nplugins:\n  - weeknotes\n"
    )
    build = mkdocs_build(site, tmp_path)
    assert f"BUILT-BY {tool}" in build.output, (
        "tests/conftest.py's mkdocs_build does not run the tool named by"
        f" WEEKNOTES_BUILD_TOOL={tool}; its output:\n{build.output}"
    )
    assert build.exit_code == 0, build.output
