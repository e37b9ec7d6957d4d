"""Shared helpers: settings for the pure core, and real MkDocs builds of fixture sites."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from mkdocs_weeknotes.authors import Authors, parse_authors
from mkdocs_weeknotes.config import WeeknotesConfig, load_settings
from mkdocs_weeknotes.notes import NoteResult, read_note

SITES = Path(__file__).parent / "sites"
ROOT = Path(__file__).parent.parent
# The tool the site builds run: `mkdocs`, or `properdocs` to build with ProperDocs.
BUILD_TOOL = os.environ.get("WEEKNOTES_BUILD_TOOL", "mkdocs")

AUTHORS_YML = b"""\
authors:
  rob:
    name: Rob Miller
    description: Head of digital
  liz:
    name: Liz Okafor
    description: User researcher
"""


def settings(**values: Any) -> WeeknotesConfig:
    return load_settings(values)


def team() -> Authors:
    return parse_authors(AUTHORS_YML, "docs/weeknotes/.authors.yml")


def check(
    text: str | bytes,
    *,
    name: str = "weeknotes/2019/2019-06-28-rob.md",
    authors: Authors | None = None,
    **values: Any,
) -> NoteResult:
    """One note through the core, with the test team's authors file by default."""
    return read_note(text, name, f"docs/{name}", settings(**values), authors or team())


def codes(result: NoteResult) -> list[tuple[str, int]]:
    return [(p.code, p.line) for p in result.problems]


@dataclass
class Build:
    exit_code: int
    output: str
    site_dir: Path

    def warnings(self) -> list[str]:
        return [line for line in self.output.splitlines() if line.startswith("WARNING")]

    def page(self, path: str) -> str:
        return (self.site_dir / path).read_text(encoding="utf-8")

    def search_docs(self) -> list[dict[str, str]]:
        """The entries of the search index (MkDocs' and Material's have the same form)."""
        index = json.loads(self.page("search/search_index.json"))
        return list(index["docs"])

    def problem_lines(self) -> list[str]:
        """The problem lines of our warnings, without MkDocs' level and our prefix."""
        marker = "mkdocs_weeknotes: "
        return [
            line.split(marker, 1)[1]
            for line in self.output.splitlines()
            if marker in line and line.startswith("WARNING")
        ]


def copy_site(scenario: str, tmp_path: Path) -> Path:
    """A private copy of a fixture site, so a test may edit its notes."""
    target = tmp_path / scenario
    shutil.copytree(SITES / scenario, target)
    return target


def mkdocs_build(
    site: Path, tmp_path: Path, *args: str, theme: str | None = None, config: str = "mkdocs.yml"
) -> Build:
    """`mkdocs build` in a subprocess, as a user runs it, into a folder under tmp_path."""
    site_dir = tmp_path / "built"
    command = [
        sys.executable,
        "-m",
        BUILD_TOOL,
        "build",
        "-c",
        "-f",
        str(site / config),
        "-d",
        str(site_dir),
        *args,
    ]
    if theme:
        command += ["-t", theme]
    # Material prints a banner about its end of life on every build; it is not ours.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        command, cwd=site, capture_output=True, text=True, encoding="utf-8", timeout=300, env=env
    )
    return Build(done.returncode, done.stdout + done.stderr, site_dir)


@pytest.fixture(params=["mkdocs", "material"])
def theme(request: pytest.FixtureRequest) -> str:
    """Site tests run with MkDocs' built-in theme and with Material (when installed)."""
    if request.param == "material" and importlib.util.find_spec("material") is None:
        pytest.skip("Material for MkDocs is not installed")
    return str(request.param)
