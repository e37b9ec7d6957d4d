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
from mkdocs.structure.files import File as MkDocsFile
from mkdocs.structure.files import Files

from mkdocs_weeknotes.config import WeeknotesConfig, load_settings
from mkdocs_weeknotes.planning.generated import Plan, plan_pages
from mkdocs_weeknotes.reading.authors import Authors, parse_authors
from mkdocs_weeknotes.reading.collection import Source, collect
from mkdocs_weeknotes.reading.notes import NoteResult, read_note
from mkdocs_weeknotes.rendering.render import Renderer

SITES = Path(__file__).parent / "sites"
ROOT = Path(__file__).parent.parent
# Real teams' archives, read in place next to the repository and never copied
# into it; the tests that build them skip when they are not there.
CORPUS = ROOT.parent / "shared" / "corpus"
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


@pytest.fixture(autouse=True)
def _check_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`weeknotes check` keeps its cache in a folder of the test's own, never the
    user's cache folder; commands run as subprocesses inherit it."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("WEEKNOTES_CACHE_DIR", str(folder))
    return folder


def corpus(name: str) -> Path:
    """A real team's archive from the corpus next to the repository, or a skip."""
    folder = CORPUS / name
    if not folder.is_dir():
        pytest.skip(f"the real archive {name!r} is not here: ../shared/corpus/{name} is absent")
    return folder


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


def weeknotes(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The `weeknotes` command in a subprocess, as a user runs it, from `cwd`."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_weeknotes", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def count_opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on, the src_uri of every file whose bytes are read through MkDocs'
    `File.content_bytes`, in order."""
    opened: list[str] = []
    real = MkDocsFile.content_bytes

    def counted(self: MkDocsFile) -> bytes:
        opened.append(self.src_uri)
        return real.fget(self)  # type: ignore[no-any-return]

    monkeypatch.setattr(MkDocsFile, "content_bytes", property(counted, real.fset))
    return opened


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


# A small team for the tests that compare our direct writers with their templates:
# escaping, both kinds of avatar, a person without a page, drafts, summaries.
BRANCH_AUTHORS = (
    b"authors:\n"
    b"  rob: {name: Rob <b>, avatar: img/rob.png}\n"
    b"  liz: {name: Liz, avatar: 'https://example.org/liz.png?a=1&b=2'}\n"
    b"  amir: {name: Amir}\n"
)
BRANCH_NOTES = {
    "weeknotes/2019/a.md": "date: 2019-07-01\nauthors: [rob, liz]\ndraft: true\ntitle: A & B",
    "weeknotes/2019/b.md": "date: 2019-07-08\nauthors: [amir]\ntitle: B\nsummary: Said <i>",
    "weeknotes/2019/gone.md": "date: 2019-07-08\nauthors: [liz]\ntitle: Gone",
    "weeknotes/2019/c.md": "date: 2019-07-08\nauthors: []\ntitle: C",
}


@dataclass
class Renderers:
    """The same small build rendered two ways: our direct writers, and the
    package's templates used as a site's overrides."""

    direct: Renderer
    templated: Renderer
    plan: Plan
    files: Files

    def page(self, kind: str, key: str = "") -> MkDocsFile:
        file = self.files.get_file_from_path(self.plan.uri(kind, key) or "")
        assert file is not None
        return file


def branch_renderers(tmp_path: Path, templates: list[str]) -> Renderers:
    """Amir's page and the note `gone` are left out of the build's files."""
    authors = parse_authors(BRANCH_AUTHORS, "docs/weeknotes/.authors.yml")
    options = settings()
    sources = [
        Source(uri, f"docs/{uri}", f"---\n{fm}\n---\nBody.\n".encode())
        for uri, fm in BRANCH_NOTES.items()
    ]
    plan = plan_pages(collect(sources, options, authors), options, include_drafts=True)
    uris = [uri for uri in BRANCH_NOTES if "gone" not in uri]
    uris += [spec.src_uri for spec in plan.pages if spec.key != "amir"]
    files = Files([MkDocsFile(uri, "/docs", "/site", use_directory_urls=True) for uri in uris])
    package = ROOT / "mkdocs_weeknotes" / "templates" / "weeknotes"
    for name in templates:
        (tmp_path / "weeknotes" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(package / name, tmp_path / "weeknotes" / name)
    direct = Renderer(plan, files, options, [], "mkdocs", "en")
    templated = Renderer(plan, files, options, [str(tmp_path)], "mkdocs", "en")
    return Renderers(direct, templated, plan, files)
