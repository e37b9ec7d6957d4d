"""`mkdocs serve`: one plugin instance across rebuilds, and a typo never stops it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import copy_site

PREFIX = "mkdocs_weeknotes: "


def rebuild(
    config_file: Path, site_dir: Path, caplog: pytest.LogCaptureFixture, first: bool = False
) -> tuple[object, list[str]]:
    """What `mkdocs serve` does on each change: load the config again, then build."""
    caplog.clear()
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    if first:
        config.plugins.on_startup(command="serve", dirty=False)
    with caplog.at_level(logging.WARNING):
        build(config, serve_url="http://127.0.0.1:8000/")
    problems = [
        record.getMessage().removeprefix(PREFIX)
        for record in caplog.records
        if record.getMessage().startswith(PREFIX)
    ]
    return config.plugins["weeknotes"], problems


def test_fixing_a_note_clears_its_problem_on_the_next_rebuild(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = copy_site("broken", tmp_path)
    notes = site / "docs" / "weeknotes"
    config_file = site / "mkdocs.yml"
    plugin, before = rebuild(config_file, tmp_path / "out", caplog, first=True)
    assert len(before) == 6
    assert any("WN103 unknown author 'robb'" in line for line in before)

    robb = notes / "2019-06-24-rob.md"
    robb.write_text(robb.read_text().replace("[robb]", "[rob]"))
    good = notes / "2019-07-19-liz.md"
    good.write_text(good.read_text().replace("2019-07-19", "2019-02-30"))

    same_plugin, after = rebuild(config_file, tmp_path / "out", caplog)
    assert same_plugin is plugin  # serve keeps the instance; its state must not leak
    assert not any("robb" in line for line in after)
    assert (
        "docs/weeknotes/2019-07-19-liz.md:3: WN102 date '2019-02-30' is not a real date"
        " (February 2019 has 28 days)" in after
    )
    assert len(after) == len(set(after)) == 6

    for name in ("2019-06-30-liz.md", "2019-07-03-rob.md", "2019-07-12-liz.md"):
        (notes / name).unlink()
    (notes / "2019-07-26-rob.md").write_text(
        "---\ntitle: Café\ndate: 2019-07-26\nauthors: [rob]\n---\n", encoding="utf-8"
    )
    good.write_text(good.read_text().replace("2019-02-30", "2019-07-19"))
    _, clean = rebuild(config_file, tmp_path / "out", caplog)
    assert clean == []


def test_on_invalid_error_only_warns_in_serve(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = copy_site("broken", tmp_path)
    _, problems = rebuild(site / "mkdocs-error.yml", tmp_path / "out", caplog, first=True)
    assert len(problems) == 6
    assert (tmp_path / "out" / "weeknotes" / "2019-07-19-liz" / "index.html").exists()


def test_serve_lists_drafts_and_marks_them(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = copy_site("indexes", tmp_path)
    out = tmp_path / "out"
    rebuild(site / "mkdocs.yml", out, caplog, first=True)
    skills = (out / "weeknotes" / "themes" / "skills" / "index.html").read_text()
    assert "Half-written" in skills and '<span class="wn-badge">Draft</span>' in skills
    assert (out / "weeknotes" / "2019" / "2019-07-12-liz" / "index.html").exists()


def test_serve_shows_a_notes_problems_on_its_page(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = copy_site("broken", tmp_path)
    out = tmp_path / "out"
    rebuild(site / "mkdocs.yml", out, caplog, first=True)
    page = (out / "weeknotes" / "2019-07-03-rob" / "index.html").read_text()
    assert "This note has 2 problems" in page
    assert "<code>line 6</code> <strong>WN006</strong> unknown key &#39;themse&#39;" in page
    good = (out / "weeknotes" / "2019-07-19-liz" / "index.html").read_text()
    assert "wn-problems" not in good


def test_a_dirty_rebuild_keeps_every_collected_section(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """`mkdocs serve --dirty` renders only changed notes; the log must stay whole."""
    site = copy_site("learning", tmp_path)
    out = tmp_path / "out"
    config = load_config(config_file=str(site / "mkdocs.yml"), site_dir=str(out))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, serve_url="http://127.0.0.1:8000/")
    log = out / "weeknotes" / "learning" / "index.html"
    before = log.read_text()
    assert all(marker in before for marker in ("LEARN-A", "LEARN-B", "LEARN-C", "LEARN-D1"))

    note = site / "docs" / "weeknotes" / "2019" / "2019-06-28-liz.md"
    note.write_text(note.read_text().replace("LEARN-B:", "LEARN-B-EDITED:"))
    config = load_config(config_file=str(site / "mkdocs.yml"), site_dir=str(out))
    build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
    after = log.read_text()
    assert "LEARN-B-EDITED" in after
    for marker in ("LEARN-A", "LEARN-C", "LEARN-D1", "LEARN-D2", "FOOTNOTE-TEXT"):
        assert after.count(marker) == 1, marker


def test_unchanged_notes_are_checked_again_when_the_authors_file_changes(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Serve reads only changed notes, but every check depends on the authors file."""
    site = copy_site("broken", tmp_path)
    config_file = site / "mkdocs.yml"
    plugin, before = rebuild(config_file, tmp_path / "out", caplog, first=True)
    assert not any("unknown author 'liz'" in line for line in before)
    assert len(plugin.read_cache.entries) == 6  # type: ignore[attr-defined]

    _, same = rebuild(config_file, tmp_path / "out", caplog)
    assert same == before  # read from the cache, reported alike

    authors = site / "docs" / "weeknotes" / ".authors.yml"
    text = authors.read_text()
    authors.write_text(text[: text.index("  liz:")])
    _, after = rebuild(config_file, tmp_path / "out", caplog)
    assert any("WN103 unknown author 'liz'" in line for line in after)


def test_a_dirty_rebuild_shows_a_new_problem_on_an_unchanged_note(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A second note for the same week makes WN201 on an unchanged note too."""
    site = copy_site("clean", tmp_path)
    out = tmp_path / "out"
    config = load_config(config_file=str(site / "mkdocs.yml"), site_dir=str(out))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
    page = out / "weeknotes" / "2019" / "2019-06-28-rob" / "index.html"
    assert "wn-problems" not in page.read_text()

    notes = site / "docs" / "weeknotes" / "2019"
    (notes / "2019-06-27-rob.md").write_text("---\ndate: 2019-06-27\nauthors: [rob]\n---\n")
    config = load_config(config_file=str(site / "mkdocs.yml"), site_dir=str(out))
    build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
    assert "WN201" in page.read_text()

    (notes / "2019-06-27-rob.md").unlink()
    config = load_config(config_file=str(site / "mkdocs.yml"), site_dir=str(out))
    build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
    assert "wn-problems" not in page.read_text()  # and gone again when it is fixed
