"""docs/moving-in.md's Jekyll walkthrough, step by step, on a sample Jekyll archive.

The settings, the home page, the commands and what they print are read from the
page itself, so the walkthrough and this test cannot drift apart.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, SITES, Build, mkdocs_build, weeknotes
from tests.htmlcheck import broken_links, listed_notes, parse

PAGE = (ROOT / "docs" / "moving-in.md").read_text(encoding="utf-8")
JEKYLL = PAGE[PAGE.index("## From Jekyll") : PAGE.index("## From Material's blog")]
HAS_REDIRECTS = importlib.util.find_spec("mkdocs_redirects") is not None


def blocks(kind: str) -> list[str]:
    """The Jekyll part's fenced blocks of one kind, without their fences."""
    return re.findall(rf"^```{kind}\n(.*?)^```", JEKYLL, flags=re.MULTILINE | re.DOTALL)


def block(kind: str, first_line: str) -> str:
    """The one block of `kind` whose first line is `first_line` (a file's name)."""
    found = [text for text in blocks(kind) if text.splitlines()[0] == first_line]
    assert len(found) == 1, f"moving-in.md needs one {kind} block starting {first_line!r}"
    return found[0]


def session(command: str) -> list[str]:
    """What the page shows a command printing: the lines after `$ command` up to
    the next command or the block's end."""
    for text in blocks("console"):
        lines = text.splitlines()
        if f"$ {command}" in lines:
            after = lines[lines.index(f"$ {command}") + 1 :]
            ends = [i for i, line in enumerate(after) if line.startswith("$ ")]
            return after[: ends[0]] if ends else after
    raise AssertionError(f"moving-in.md shows no '$ {command}'")


def shown_in(shown: list[str], printed: str) -> None:
    """Every line the page shows is printed, in order; `…` stands for lines left out."""
    lines = printed.splitlines()
    at = 0
    for line in shown:
        if line.strip() == "…":
            continue
        assert line in lines[at:], f"{line!r} is not printed where the page shows it"
        at = lines.index(line, at) + 1


@dataclass
class Moved:
    site: Path
    check: subprocess.CompletedProcess[str]
    people: subprocess.CompletedProcess[str]
    write: subprocess.CompletedProcess[str]
    sections: subprocess.CompletedProcess[str]
    redirects: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def moved(tmp_path_factory: pytest.TempPathFactory) -> Moved:
    """The walkthrough's steps 1 to 5 and 7, as the page says them."""
    root = tmp_path_factory.mktemp("moving-in")
    shutil.copytree(SITES / "jekyll-archive", root / "old-site")
    site = root / "site"
    site.mkdir()
    # 1. Copy the posts and images: the page's own commands.
    for line in blocks("console")[0].splitlines():
        assert line.startswith("$ "), line
        subprocess.run(shlex.split(line[2:]), cwd=site, check=True, timeout=60)
    # 2. mkdocs.yml and the home page, from the page.
    (site / "mkdocs.yml").write_text(block("yaml", "# mkdocs.yml"), encoding="utf-8")
    (site / "docs" / "index.md").write_text(
        block("markdown", "<!-- docs/index.md -->"), encoding="utf-8"
    )
    check = weeknotes("check", cwd=site)  # 3
    people = weeknotes("people", cwd=site)  # 4
    write = weeknotes("people", "--write", cwd=site)
    sections = weeknotes("sections", cwd=site)  # 5
    final = block("yaml", "# mkdocs.yml, with the fun facts collected")
    (site / "mkdocs.yml").write_text(final, encoding="utf-8")
    # 7. The old permalink, as _config.yml has it, is the one the page uses.
    jekyll = yaml.safe_load((root / "old-site" / "_config.yml").read_text(encoding="utf-8"))
    assert any(
        line.startswith(f"$ weeknotes redirects --permalink {jekyll['permalink']}")
        for text in blocks("console")
        for line in text.splitlines()
    )
    redirects = weeknotes("redirects", "--permalink", jekyll["permalink"], cwd=site)
    return Moved(site, check, people, write, sections, redirects)


def test_check_finds_no_problem_once_the_weeknotes_are_picked_out(moved: Moved) -> None:
    assert moved.check.returncode == 0, moved.check.stdout + moved.check.stderr
    assert moved.check.stderr.splitlines() == session("weeknotes check")


def test_people_proposes_what_the_page_shows_and_writes_it(moved: Moved) -> None:
    assert moved.people.returncode == 0, moved.people.stderr
    assert moved.people.stdout.splitlines() == session("weeknotes people")
    assert moved.write.returncode == 0, moved.write.stderr
    assert moved.write.stderr.splitlines() == session("weeknotes people --write")
    written = yaml.safe_load((moved.site / "docs" / "_posts" / ".authors.yml").read_bytes())
    assert written["authors"]["mina-patel"]["aliases"] == ["Mina K Patel"]


def test_sections_prints_the_groups_and_the_rollup_the_page_keeps(moved: Moved) -> None:
    assert moved.sections.returncode == 0, moved.sections.stderr
    shown_in(session("weeknotes sections"), moved.sections.stdout)
    printed = moved.sections.stdout.split("Settings for mkdocs.yml", 1)[1].split("\n", 1)[1]
    proposed = yaml.safe_load(printed)["plugins"][0]["weeknotes"]["rollups"]
    final = yaml.safe_load(block("yaml", "# mkdocs.yml, with the fun facts collected"))
    kept = final["plugins"][1]["weeknotes"]["rollups"]
    for name, rollup in kept.items():
        assert rollup["headings"] == proposed[name]["headings"]


def test_redirects_prints_every_notes_old_address(moved: Moved) -> None:
    assert moved.redirects.returncode == 0, moved.redirects.stderr
    shown_in(session("weeknotes redirects --permalink pretty"), moved.redirects.stdout)
    maps = yaml.safe_load(moved.redirects.stdout)["plugins"][0]["redirects"]["redirect_maps"]
    # Eight weeknotes, not the news and events posts; the date key wins.
    assert len(maps) == 8
    assert all(key.startswith("weeknotes/2022/") for key in maps)
    assert maps["weeknotes/2022/02/14/weeknotes-11-february/index.md"] == (
        "_posts/2022-02-11-weeknotes-11-february.md"
    )


def build_moved(moved: Moved, tmp_path: Path, theme: str, directory_urls: bool) -> Build:
    """Step 6 with the redirects of step 7 added, as `mkdocs build --strict`."""
    site = tmp_path / "site"
    shutil.copytree(moved.site, site)
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    config["use_directory_urls"] = directory_urls
    printed = weeknotes("redirects", "--permalink", "pretty", cwd=site).stdout
    config["plugins"] += yaml.safe_load(printed)["plugins"]
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return mkdocs_build(site, tmp_path, "--strict", theme=theme)


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "html-urls"])
def test_the_moved_site_builds_strict_with_people_rollups_and_old_links(
    moved: Moved,
    tmp_path: Path,
    theme: str,
    directory_urls: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if not HAS_REDIRECTS:
        pytest.skip("mkdocs-redirects is not installed (the test extra has it); step 7 needs it")
    # mkdocs-redirects pulls in ProperDocs, which prints a banner under `mkdocs`.
    monkeypatch.setenv("DISABLE_MKDOCS_2_WARNING", "true")
    build = build_moved(moved, tmp_path, theme, directory_urls)
    assert build.exit_code == 0, build.output
    assert build.warnings() == []

    def built(src: str) -> Path:
        stem = src.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            return build.site_dir / f"{stem}.html"
        return build.site_dir / (f"{stem}/index.html" if directory_urls else f"{stem}.html")

    def page(src: str) -> str:
        return built(src).read_text(encoding="utf-8")

    home = built("index.md")
    assert "Lantern team" in page("index.md")
    assert broken_links(build.site_dir, home) == []
    linked = {target for _, _, target in parse(page("index.md")).links}
    for target in ("_posts/index.md", "_posts/people/index.md", "_posts/themes/index.md"):
        assert built(target).is_file()
        url = built(target).relative_to(build.site_dir).as_posix()
        assert (url.removesuffix("index.html") if directory_urls else url) in linked, target

    # Joint notes are on each of their people's pages; Mina's other spelling is hers.
    notes = {
        "jo-hart": [
            "01-14-weeknotes-14-january",
            "02-04-weeknotes-4-february",
            "02-25-weeknotes-25-february",
        ],
        "mina-patel": [
            "01-07-weeknotes-7-january",
            "01-14-weeknotes-14-january",
            "01-28-weeknotes-28-january",
            "02-18-weeknotes-18-february",
        ],
        "tomasz-nowak": [
            "01-21-weeknotes-21-january",
            "02-04-weeknotes-4-february",
            "02-11-weeknotes-11-february",
        ],
    }
    for person, stems in notes.items():
        listed = listed_notes(build.site_dir, built(f"_posts/people/{person}/index.md"))
        assert sorted(listed) == [f"2022-{stem}" for stem in stems], person
    assert "Mina K Patel" not in page("_posts/people/index.md")

    fun = page("_posts/fun-fact/index.md")
    for fact in ("signals", "fixed angle", "thousand", "burns cooler"):
        assert fact in fun

    # Other posts are still pages; the image came along.
    assert "open for testing" in page("_posts/2022-01-12-lantern-beta-is-open.md")
    assert (build.site_dir / "assets" / "images" / "whiteboard.png").is_file()

    # Old links lead to the notes' new pages.
    old = build.page("weeknotes/2022/02/14/weeknotes-11-february/index.html")
    new = "_posts/2022-02-11-weeknotes-11-february"
    target = f"{new}/" if directory_urls else f"{new}.html"
    assert f'url=../../../../../{target}"' in old


def test_redirects_refuses_a_pattern_it_cannot_fill(moved: Moved) -> None:
    done = weeknotes("redirects", "--permalink", "/:year/:hour/:title/", cwd=moved.site)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "':hour'" in done.stderr and ":categories" in done.stderr
    assert "Traceback" not in done.stderr


def test_redirects_with_html_addresses_names_md_files_without_directory_urls(
    moved: Moved, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(moved.site, site)
    with (site / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("use_directory_urls: false\n")
    done = weeknotes("redirects", cwd=site)  # Jekyll's default style, `date`
    assert done.returncode == 0, done.stderr
    maps = yaml.safe_load(done.stdout)["plugins"][0]["redirects"]["redirect_maps"]
    assert maps["weeknotes/2022/01/14/weeknotes-14-january.md"] == (
        "_posts/2022-01-14-weeknotes-14-january.md"
    )
    assert "--strict" not in done.stdout
