"""The check's own listing of a site's files is MkDocs' `get_files`, made faster:
the same files, the same notes, the same problems."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, get_files

from mkdocs_weeknotes.planning.placing import copied_files
from mkdocs_weeknotes.planning.sitefiles import ListedFiles, list_files
from mkdocs_weeknotes.site import SiteBuild

SITES = Path(__file__).parent / "sites"


def site_configs() -> list[Path]:
    return sorted(SITES.glob("*/mkdocs*.yml"))


def load(path: Path) -> tuple[MkDocsConfig, object]:
    config = load_config(config_file=str(path))
    plugin = config.plugins.get("weeknotes")
    assert plugin is not None
    return config, plugin.config


def described(files: Files) -> list[tuple[object, ...]]:
    """All a File holds that the check or a build reads, in the listing's order."""
    return [
        (
            f.src_uri,
            f.src_path,
            f.src_dir,
            f.dest_dir,
            f.use_directory_urls,
            f.inclusion,
            f.dest_uri,
            f.url,
            f.name,
            f.abs_src_path,
            f.abs_dest_path,
            f.generated_by,
            f.edit_uri,
            f.is_documentation_page(),
        )
        for f in files
    ]


def assert_same_check(config: MkDocsConfig, settings: object) -> None:
    """The listing and the check's answers are those of `get_files`."""
    built, listed = get_files(config), list_files(config)
    assert isinstance(listed, ListedFiles)
    assert described(listed) == described(built)
    # Beyond the values read above, nothing else set on a File by its constructor.
    assert [sorted(vars(f)) for f in listed] == [sorted(vars(f)) for f in built]
    # Where files are copied to: every place, and places no file goes to.
    eager = copied_files(built)
    lazy = copied_files(listed)
    assert dict(lazy) == {uri: listed.src_uris[f.src_uri] for uri, f in eager.items()}
    lazy = copied_files(list_files(config))  # again, asked one place at a time
    for dest, file in eager.items():
        found = lazy.get(dest)
        assert found is not None and found.src_uri == file.src_uri, dest
    for dest in ("nowhere.html", "nowhere/index.html", "index.htm", "a/b/c.css"):
        assert (lazy.get(dest) is None) == (dest not in eager)
    by_build = SiteBuild.check(get_files(config), config, settings)  # type: ignore[arg-type]
    by_list = SiteBuild.check(list_files(config), config, settings)  # type: ignore[arg-type]
    assert by_list.weeknotes.notes == by_build.weeknotes.notes
    assert by_list.problems == by_build.problems
    assert by_list.generated == by_build.generated
    assert [f.path for f in by_list.feeds] == [f.path for f in by_build.feeds]
    assert by_list.own_stylesheet == by_build.own_stylesheet


@pytest.mark.parametrize("path", site_configs(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_check_lists_each_test_site_as_a_build_does(path: Path) -> None:
    config, settings = load(path)
    assert_same_check(config, settings)


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


NOTE = """\
---
date: {date}
authors: [Ada]
themes: [data]
---
A note.
"""

AWKWARD = {
    "docs/index.md": "# Home\n",
    "docs/README.md": "# Also home: dropped for index.md\n",
    "docs/about.md": "# About\n",
    "docs/about/index.md": "# The same address as about.md\n",
    "docs/page.markdown": "# Another extension\n",
    "docs/page.md": "# The same address as page.markdown\n",
    "docs/UPPER.MD": "not Markdown to MkDocs\n",
    "docs/.hidden/note.md": NOTE.format(date="2024-01-01"),
    "docs/templates/x.md": "# Excluded by MkDocs' defaults\n",
    "docs/notes/2024-01-08.md": NOTE.format(date="2024-01-08"),
    "docs/notes/2024-01-15.md": NOTE.format(date="2024-01-15"),
    "docs/notes/.drafts/2024-01-22.md": NOTE.format(date="2024-01-22"),
    "docs/notes/_private/2024-01-29.md": NOTE.format(date="2024-01-29"),
    "docs/notes/skipped/2024-02-05.md": NOTE.format(date="2024-02-05"),
    "docs/notes/draft/2024-02-12.md": NOTE.format(date="2024-02-12"),
    "docs/notes/2024/README.md": NOTE.format(date="2024-02-19"),
    "docs/notes/2024/index.md": "# A year's own page\n",
    "docs/notes/2024/other.md": NOTE.format(date="2024-02-26"),
    "docs/notes/index.html": "<p>where the latest page would go</p>\n",
    # Where generated pages, the feed and the stylesheet would go.
    "docs/notes/themes/data.md": "# The data theme's own page\n",
    "docs/notes/people.html": "<p>people</p>\n",
    "docs/notes/people/ada/index.html": "<p>Ada</p>\n",
    "docs/notes/feed.xml": "<feed/>\n",
    "docs/assets/weeknotes/weeknotes.css": "body {}\n",
    "docs/img/a.png": "png",
}


@pytest.mark.parametrize("directory_urls", [True, False])
def test_excluded_files_dot_folders_and_clashes_are_listed_as_a_build_lists_them(
    tmp_path: Path, directory_urls: bool, caplog: pytest.LogCaptureFixture
) -> None:
    write(tmp_path, AWKWARD)
    (tmp_path / "mkdocs.yml").write_text(
        textwrap.dedent(
            f"""\
            site_name: Awkward
            site_url: https://example.org/
            use_directory_urls: {str(directory_urls).lower()}
            exclude_docs: |
              _private/
              /notes/skipped/
              !/notes/.drafts/
            draft_docs: |
              /notes/draft/
            not_in_nav: |
              /notes/
            plugins:
              - weeknotes:
                  notes_dir: notes
                  include: ['**/*.md', '2024/README.md']
                  exclude: ['other.md']
                  feeds: {{enabled: true}}
            """
        ),
        encoding="utf-8",
    )
    if hasattr(os, "symlink"):
        (tmp_path / "elsewhere").mkdir()
        write(tmp_path, {"elsewhere/2024-03-04.md": NOTE.format(date="2024-03-04")})
        os.symlink(tmp_path / "elsewhere", tmp_path / "docs" / "notes" / "linked")
    config, settings = load(tmp_path / "mkdocs.yml")
    caplog.clear()
    get_files(config)
    by_build = [r.getMessage() for r in caplog.records]
    caplog.clear()
    list_files(config)
    assert [r.getMessage() for r in caplog.records] == by_build
    assert by_build  # README.md and index.md, page.md and page.markdown
    assert_same_check(config, settings)
    build = SiteBuild.check(list_files(config), config, settings)  # type: ignore[arg-type]
    codes = {p.code for p in build.problems}
    assert {"WN401", "WN402"} <= codes  # the clashes above were found


def test_a_lookup_where_two_folders_build_one_page_names_the_later_file(tmp_path: Path) -> None:
    write(tmp_path, {"docs/a.md": "# a\n", "docs/a/index.md": "# a too\n"})
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins: [weeknotes]\n", encoding="utf-8")
    config, _ = load(tmp_path / "mkdocs.yml")
    eager = copied_files(get_files(config))
    lazy = copied_files(list_files(config))
    assert not isinstance(lazy, dict)
    found = lazy.get("a/index.html")
    assert isinstance(found, File)
    assert found.src_uri == eager["a/index.html"].src_uri == "a/index.md"
