"""A real team's 184 weeknotes, moved in from Jekyll with a few lines of settings.

The notes are read in place from ../shared/corpus/connectedbydata, next to the
repository (MIT; see LICENSE and SOURCE.md there), and the tests skip when it
is absent. Expectations are computed from the files themselves, not from the plugin.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import CORPUS, SITES, Build, corpus, mkdocs_build
from tests.htmlcheck import parse, resolve

POSTS = CORPUS / "connectedbydata" / "_posts"
READING = re.compile(
    r"^#{2,3} (What I[’']ve been reading\??|What I[’']m reading|Things I've been reading)\s*$",
    re.MULTILINE,
)
BOLD_READING = re.compile(
    r"^\*\*(What I[’']ve been reading|Things I've been reading)\*\*\s*$", re.MULTILINE
)


def text(path: Path) -> str:
    return path.read_bytes().decode("utf-8").replace("\r\n", "\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    corpus("connectedbydata")
    build = mkdocs_build(SITES / "connectedbydata", tmp_path_factory.mktemp("corpus"))
    assert build.exit_code == 0, build.output
    return build


def test_every_person_has_a_page_with_exactly_their_notes(built: Build) -> None:
    authors = Counter(
        re.search(r"^author: (.+)$", text(p), re.MULTILINE).group(1).strip()  # type: ignore[union-attr]
        for p in POSTS.glob("*.md")
    )
    assert len(authors) == 8 and sum(authors.values()) == 184
    assert authors["Emily Macaulay"] == 61
    assert authors["Tim Davies"] == 47
    assert authors["Jeni Tennison"] == 44
    people = built.site_dir / "_posts" / "people"
    for name, count in authors.items():
        slug = name.lower().replace(" ", "-")
        pages = [
            people / slug / "index.html",
            *sorted((people / slug / "page").glob("*/index.html")),
        ]
        listed = [link for page in pages for link in parse(page.read_text("utf-8")).note_links]
        assert len(listed) == count, name


def test_every_reading_section_is_collected_once(built: Build) -> None:
    expected = {p.stem for p in POSTS.glob("*.md") if READING.search(text(p))}
    curly_level_three = [
        p for p in POSTS.glob("*.md") if "\n### What I’ve been reading\n" in text(p)
    ]
    assert len(curly_level_three) == 46
    assert len(expected) == 51
    found: list[str] = []
    for page in sorted((built.site_dir / "_posts" / "reading").glob("*/index.html")):
        html = page.read_text("utf-8")
        for match in re.finditer(r'class="wn-entry-source" href="([^"]+)"', html):
            target = resolve(built.site_dir, page, match.group(1))
            assert target is not None
            found.append(target[0].parent.name)
    assert sorted(found) == sorted(expected)


def test_bold_lines_are_reported_as_near_misses(built: Build) -> None:
    expected = sorted(
        (p.name, line)
        for p in POSTS.glob("*.md")
        for line, row in enumerate(text(p).split("\n"), 1)
        if BOLD_READING.match(row)
    )
    assert len(expected) == 7
    found = sorted(
        (line.split(":")[0].rsplit("/", 1)[1], int(line.split(":")[1]))
        for line in built.problem_lines()
        if " WN501 " in line
    )
    assert found == expected


def test_only_true_problems(built: Build) -> None:
    codes = Counter(line.split(" ")[1] for line in built.problem_lines())
    # Emily's notes of 3 and 7 July 2023 are both in the week of 3 July.
    assert codes == Counter({"WN501": 7, "WN201": 2})


def test_themes_come_from_projects_and_topics(built: Build) -> None:
    html = (built.site_dir / "_posts" / "themes" / "index.html").read_text("utf-8")
    assert 'class="wn-count"' in html
    assert "Traceback" not in built.output
