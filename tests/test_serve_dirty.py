"""`mkdocs serve --dirty` against a clean build of the same tree, edit by edit.

Each kind of edit is made to a site built once by `serve --dirty`; the rebuild,
with the instance serve keeps, must leave the site folder as a clean build of
the edited tree makes it, file for file.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import copy_site
from tests.test_serve import DIRTY_SITE, SERVE_URL, serve_build

# A site where each of these is the last of its kind: Amir writes one note, the
# only one on `hiring`; Liz's 2019-06-28 note has the only section of the
# `reading` rollup. Liz's 2019-07-05 note has a Welsh translation by its file
# name, Rob's 2019-07-05 note one by `ref` and `lang`.
AUTHORS = "authors:\n  rob:\n    name: Rob Miller\n  liz:\n    name: Liz Okafor\n"
AMIR = "  amir:\n    name: Amir Khan\n"
AMIR_NOTE = (
    "---\ntitle: Amir's only week\ndate: 2019-07-12\nauthors: [amir]\nthemes: [hiring]\n---\n\n"
    "## Something I'm learning\n\nLEARN-AMIR.\n"
)
LIZ_CY = (
    "---\ntitle: Liz eto\ndate: 2019-07-05\nauthors: [liz]\nthemes: [research]\n---\n\n"
    "## Rhywbeth rwy'n ei ddysgu\n\nDYSGU-CY.\n"
)
ROB_REF = "ref: rob-2019-07-05\nlang: en\n"
ROB_CY = (
    "---\ntitle: Dim dysgu\ndate: 2019-07-05\nauthors: [rob]\nref: rob-2019-07-05\nlang: cy\n"
    "---\n\nDIM-DYSGU.\n"
)
NEW_NOTE = (
    "---\ntitle: A new week\ndate: 2019-07-19\nauthors: [rob]\nthemes: [skills, newtheme]\n"
    "---\n\n## Something I'm learning\n\nLEARN-NEW.\n"
)
ROLLUPS = """\
      rollups:
        reading:
          title: What we've been reading
          headings: ["What I've been reading"]
"""
# When a page says it was built: a clean build and a rebuild a moment later agree.
EPOCH = "1700000000"


def base_site(tmp_path: Path) -> tuple[Path, Path]:
    """The learning site, with its settings for serve and the notes above."""
    site = copy_site("learning", tmp_path)
    (site / "mkdocs.yml").write_text(DIRTY_SITE, encoding="utf-8")
    (site / "docs" / "team.md").write_text(
        "# The team\n\n<!-- weeknotes: latest limit=2 -->\n", encoding="utf-8"
    )
    weeknotes = site / "docs" / "weeknotes"
    (weeknotes / ".authors.yml").write_text(AUTHORS + AMIR, encoding="utf-8")
    notes = weeknotes / "2019"
    (notes / "2019-07-12-amir.md").write_text(AMIR_NOTE, encoding="utf-8")
    (notes / "2019-07-05-liz.cy.md").write_text(LIZ_CY, encoding="utf-8")
    rob = notes / "2019-07-05-rob.md"
    rob.write_text(rob.read_text(encoding="utf-8").replace("---\n", "---\n" + ROB_REF, 1))
    (notes / "2019-07-05-rob-cy.md").write_text(ROB_CY, encoding="utf-8")
    return site, notes


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def old_mtime_save(notes: Path) -> None:
    """`cp -p` or `rsync -t` of an edited copy: the note is older than its page."""
    note = notes / "2019-06-28-rob.md"
    copy = notes.parent / "copy.md"
    # In the learning section only: the note's title, summary and sections stay.
    text = note.read_text(encoding="utf-8")
    assert "listening takes time" in text
    copy.write_text(text.replace("listening takes time", "listening takes a while"), "utf-8")
    os.utime(copy, (1_000_000_000, 1_000_000_000))
    shutil.copy2(copy, note)
    copy.unlink()


EDITS: dict[str, Callable[[Path], None]] = {
    "add note": lambda notes: (notes / "2019-07-19-rob.md").write_text(NEW_NOTE, encoding="utf-8"),
    "remove note": lambda notes: (notes / "2019-07-12-rob.md").unlink(),
    "edit body": lambda notes: edit(notes / "2019-06-28-liz.md", "LEARN-B:", "LEARN-B-EDITED:"),
    "edit author": lambda notes: edit(notes / "2019-07-12-rob.md", "[rob]", "[liz]"),
    "edit theme": lambda notes: edit(notes / "2019-06-28-liz.md", "[research]", "[skills]"),
    "add translation by suffix": lambda notes: (notes / "2019-06-28-rob.cy.md").write_text(
        LIZ_CY.replace("2019-07-05", "2019-06-28").replace("[liz]", "[rob]"), encoding="utf-8"
    ),
    "add translation by ref": lambda notes: (notes / "2019-07-05-rob-fr.md").write_text(
        ROB_CY.replace("lang: cy", "lang: fr"), encoding="utf-8"
    ),
    "remove translation by suffix": lambda notes: (notes / "2019-07-05-liz.cy.md").unlink(),
    "remove translation by ref": lambda notes: (notes / "2019-07-05-rob-cy.md").unlink(),
    "change a translation's lang": lambda notes: edit(
        notes / "2019-07-05-rob-cy.md", "lang: cy", "lang: fr"
    ),
    "rename a translation's suffix": lambda notes: (notes / "2019-07-05-liz.cy.md").rename(
        notes / "2019-07-05-liz.fr.md"
    ),
    "old-mtime save": old_mtime_save,
    "remove a theme's last note": lambda notes: (notes / "2019-06-28-rob.md").unlink(),
    "remove a person's last note": lambda notes: (notes / "2019-07-12-amir.md").unlink(),
    "remove a person": lambda notes: (
        (notes / "2019-07-12-amir.md").unlink(),
        (notes.parent / ".authors.yml").write_text(AUTHORS, encoding="utf-8"),
    ),
    "remove a rollup's last section": lambda notes: edit(
        notes / "2019-06-28-liz.md", "## What I’ve been reading?", "## What I’ve been doing"
    ),
    "remove a rollup": lambda notes: edit(notes.parents[2] / "mkdocs.yml", ROLLUPS, ""),
    "switch feeds off": lambda notes: edit(
        notes.parents[2] / "mkdocs.yml",
        "page_size: 1\n",
        "page_size: 1\n      feeds: {enabled: false}\n",
    ),
    "switch the stylesheet off": lambda notes: edit(
        notes.parents[2] / "mkdocs.yml", "page_size: 1\n", "page_size: 1\n      stylesheet: false\n"
    ),
}

# What each edit takes out of a clean build, so that the dirty one must remove it.
GONE = {
    "remove a theme's last note": ["weeknotes/themes/skills/index.html"],
    "remove a person's last note": ["weeknotes/themes/hiring/feed.xml"],
    "remove a person": ["weeknotes/people/amir/index.html", "weeknotes/people/amir/feed.xml"],
    "remove a rollup": ["weeknotes/reading/index.html", "weeknotes/reading/feed.xml"],
    "switch feeds off": ["weeknotes/feed.xml", "weeknotes/themes/research/feed.xml"],
    "switch the stylesheet off": ["assets/weeknotes/weeknotes.css"],
}

# What MkDocs itself leaves different after a dirty build, whatever a plugin does:
# - its search plugin indexes only the pages rendered by that build;
# - the page of a note whose source is gone stays until a clean build (MkDocs
#   deletes no output of a removed source file). Ours are told apart below.
MKDOCS_ONLY = {"search/search_index.json"}


def site_files(site_dir: Path) -> dict[str, bytes | None]:
    """Every file's bytes, and every folder (None), by its path in the site."""
    return {
        path.relative_to(site_dir).as_posix(): path.read_bytes() if path.is_file() else None
        for path in sorted(site_dir.rglob("*"))
        if path.relative_to(site_dir).as_posix() not in MKDOCS_ONLY
    }


def note_pages(notes: Path) -> set[str]:
    """Where each note's page is built (use_directory_urls), and its folder."""
    folders = {f"weeknotes/2019/{path.stem}" for path in notes.glob("*.md")}
    return folders | {f"{folder}/index.html" for folder in folders}


@pytest.mark.parametrize("kind", list(EDITS))
def test_a_dirty_rebuild_leaves_the_site_as_a_clean_build(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    site, notes = base_site(tmp_path)
    config_file = site / "mkdocs.yml"
    dirty_dir = tmp_path / "dirty"
    plugin = serve_build(config_file, dirty_dir, dirty=True, first=True)
    before = note_pages(notes)
    # The first build is itself a clean one: the base site is as this test means it.
    first = site_files(dirty_dir)
    assert "weeknotes/people/amir/feed.xml" in first
    assert "weeknotes/themes/hiring/feed.xml" in first
    assert "weeknotes/reading/feed.xml" in first

    EDITS[kind](notes)
    assert serve_build(config_file, dirty_dir, dirty=True) is plugin
    clean_dir = tmp_path / "clean"
    serve_build(config_file, clean_dir, dirty=False)

    clean = site_files(clean_dir)
    dirty = site_files(dirty_dir)
    for path in GONE.get(kind, ()):
        assert path in first and path not in clean, path
    differ = sorted(path for path in clean if dirty.get(path) != clean[path])
    assert differ == [], f"after {kind}: {differ}"
    # Only the pages of notes whose source is gone are left, as MkDocs leaves them.
    gone = before - note_pages(notes)
    assert set(dirty) - set(clean) == gone, (kind, sorted(set(dirty) - set(clean) - gone))


def test_an_override_copied_with_its_old_time_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A site's template, replaced by a copy of the same size and time (`rsync -t`
    of a copy made alongside): only its text tells it apart."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    site, _ = base_site(tmp_path)
    config_file = site / "mkdocs.yml"
    edit(config_file, "plugins:", "theme:\n  name: mkdocs\n  custom_dir: overrides\nplugins:")
    override = site / "overrides" / "weeknotes" / "week.html"
    override.parent.mkdir(parents=True)
    override.write_text("<p>WEEK-A {{ title }}</p>\n", encoding="utf-8")
    dirty_dir = tmp_path / "dirty"
    serve_build(config_file, dirty_dir, dirty=True, first=True)
    copy = tmp_path / "week.html"
    copy.write_text("<p>WEEK-B {{ title }}</p>\n", encoding="utf-8")
    then = override.stat()
    os.utime(copy, ns=(then.st_atime_ns, then.st_mtime_ns))
    shutil.copy2(copy, override)
    assert override.stat().st_mtime_ns == then.st_mtime_ns
    serve_build(config_file, dirty_dir, dirty=True)
    serve_build(config_file, tmp_path / "clean", dirty=False)
    assert site_files(dirty_dir) == site_files(tmp_path / "clean")
    week = dirty_dir / "weeknotes" / "weeks" / "2019-W27" / "index.html"
    assert "WEEK-B" in week.read_text(encoding="utf-8")


@pytest.mark.parametrize("serve_url", [None, SERVE_URL])
def test_a_first_dirty_build_over_an_old_site_renders_every_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, serve_url: str | None
) -> None:
    """`mkdocs build --dirty` (or a new `serve --dirty` into a built folder) knows
    nothing of the last build: notes left unrendered would be missing from the
    learning log and every other rollup."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    site, _ = base_site(tmp_path)
    out = tmp_path / "site"
    for dirty in (False, True):
        # A new process each time: the config, and so the plugin, loaded afresh.
        config = load_config(config_file=str(site / "mkdocs.yml"), site_dir=str(out))
        config.plugins.on_startup(command="serve" if serve_url else "build", dirty=dirty)
        build(config, serve_url=serve_url, dirty=dirty)
        if not dirty:
            clean = site_files(out)
    log = (out / "weeknotes" / "learning" / "index.html").read_text(encoding="utf-8")
    assert "LEARN-A" in log and "LEARN-AMIR" in log
    assert site_files(out) == clean
