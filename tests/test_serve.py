"""`mkdocs serve`: one plugin instance across rebuilds, and a typo never stops it."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import PluginCollection

from mkdocs_weeknotes.plugin import WeeknotesPlugin
from mkdocs_weeknotes.reading import collection
from mkdocs_weeknotes.rendering import templatecache
from tests.conftest import copy_site, count_opened

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


# A site with every kind of generated page: years, themes, people, pages of a
# listing, the learning log and a rollup, and feeds.
DIRTY_SITE = """\
site_name: Learning log
site_url: https://example.org/log/
plugins:
  - search
  - weeknotes:
      page_size: 1
      latest_weeks: 2
      rollups:
        reading:
          title: What we've been reading
          headings: ["What I've been reading"]
not_in_nav: team.md
markdown_extensions:
  - footnotes
  - toc:
      permalink: true
"""
# A page out of the nav with an embedded listing: no note's edit touches its source.
TEAM_PAGE = "# The team\n\n<!-- weeknotes: latest limit=2 -->\n"
SERVE_URL = "http://127.0.0.1:8000/"
# The theme's comment of when the page was built.
BUILD_DATE = re.compile(rb"Build Date UTC : [^\n]*")


def serve_build(config_file: Path, site_dir: Path, *, dirty: bool, first: bool = False) -> object:
    """One build as `mkdocs serve` makes it; `dirty` with the instance serve keeps."""
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    if not dirty:
        # A clean build by a plugin of its own, as a new `mkdocs serve` would have.
        fresh = PluginCollection()
        for name, plugin in config.plugins.items():
            if isinstance(plugin, WeeknotesPlugin):
                alone = WeeknotesPlugin()
                alone.config = plugin.config
                plugin = alone
            fresh[name] = plugin
        config["plugins"] = fresh
    if first or not dirty:
        config.plugins.on_startup(command="serve", dirty=dirty)
    build(config, serve_url=SERVE_URL, dirty=dirty)
    return config.plugins["weeknotes"]


def built_pages(site_dir: Path) -> dict[str, bytes]:
    """Every page and feed, but what a dirty build cannot keep alike: the search
    index and sitemap list only what it rendered, and the dates it was built."""
    skip = {"search/search_index.json", "sitemap.xml", "sitemap.xml.gz"}
    return {
        path.relative_to(site_dir).as_posix(): BUILD_DATE.sub(b"", path.read_bytes())
        for path in sorted(site_dir.rglob("*"))
        if path.is_file()
        and path.suffix in (".html", ".xml")
        and path.relative_to(site_dir).as_posix() not in skip
    }


def written(site_dir: Path) -> dict[str, int]:
    return {
        path.relative_to(site_dir).as_posix(): path.stat().st_mtime_ns
        for path in site_dir.rglob("index.html")
    }


def test_every_dirty_rebuild_matches_a_clean_build(tmp_path: Path) -> None:
    """`serve --dirty` renders only what changed, yet no page it serves is stale."""
    site = copy_site("learning", tmp_path)
    config_file = site / "mkdocs.yml"
    config_file.write_text(DIRTY_SITE, encoding="utf-8")
    notes = site / "docs" / "weeknotes" / "2019"
    authors = site / "docs" / "weeknotes" / ".authors.yml"
    (site / "docs" / "team.md").write_text(TEAM_PAGE, encoding="utf-8")
    out = tmp_path / "dirty"
    plugin = serve_build(config_file, out, dirty=True, first=True)

    def edit(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")

    def body_edit() -> None:
        edit(notes / "2019-07-05-rob.md", "Things.", "Other things.")

    def add_note() -> None:
        # A new year, a new theme and a person with no entry in the authors file.
        (notes.parent / "2020").mkdir()
        (notes.parent / "2020" / "2020-01-10-amir.md").write_text(
            "---\ntitle: Amir starts\ndate: 2020-01-10\nauthors: [Amir Khan]\n"
            "themes: [hiring]\n---\n\n## Something I'm learning\n\nLEARN-E.\n",
            encoding="utf-8",
        )

    def rename(path: Path, name: str) -> None:
        path.rename(path.with_name(name))

    def rename_note() -> None:
        (notes / "2019-07-05-liz.md").rename(notes / "2019-07-06-liz.md")

    steps = [
        ("a note's body", body_edit),
        ("a note's title", lambda: edit(notes / "2019-06-28-rob.md", "Rob's week", "Rob's <b>")),
        # On no listing but the pictures, whose cells link to it.
        ("an older note's name", lambda: rename(notes / "2019-06-28-rob.md", "2019-06-28-r.md")),
        ("a new note", add_note),
        ("a deleted note", lambda: (notes / "2019-07-12-rob.md").unlink()),
        ("a renamed note", rename_note),
        ("a learning section", lambda: edit(notes / "2019-06-28-liz.md", "LEARN-B", "LEARN-Z")),
        ("a note's week", lambda: edit(notes / "2019-06-28-liz.md", "2019-06-28", "2019-06-21")),
        # Liz's page lists the notes that mention her, and the mention links to it.
        ("a mention", lambda: edit(notes / "2019-07-05-rob.md", "Other things.", "With @liz.")),
        ("the authors file", lambda: edit(authors, "Liz Okafor", "Elizabeth Okafor")),
        # Liz wrote nothing in 2019-W26 once her note moved: away, then gone.
        ("someone away", lambda: edit(authors, "Okafor\n", "Okafor\n    away: [2019-W26]\n")),
        ("someone leaving", lambda: edit(authors, "away: [2019-W26]", "active: false")),
        ("a setting", lambda: edit(config_file, "latest_weeks: 2", "latest_weeks: 1")),
        ("the nav's title", lambda: edit(config_file, "  - weeknotes:\n", WITH_NAV_TITLE)),
    ]
    for number, (what, change) in enumerate(steps):
        before = written(out)
        change()
        assert serve_build(config_file, out, dirty=True) is plugin
        serve_build(config_file, tmp_path / f"clean-{number}", dirty=False)
        clean = built_pages(tmp_path / f"clean-{number}")
        dirty = built_pages(out)
        for page, html in clean.items():
            assert dirty.get(page) == html, f"after {what}: {page} differs"
        # Generated pages that are gone are removed; notes' pages are MkDocs' own.
        assert set(dirty) - set(clean) <= GONE_NOTES, what
        if number == 0:
            after = written(out)
            kept = sorted(page for page, when in before.items() if after.get(page) == when)
            # The edited note's own pages are made again, but not every index page.
            assert "weeknotes/2019/2019-07-05-rob/index.html" not in kept
            assert "weeknotes/themes/research/index.html" in kept, kept
            assert "weeknotes/learning/2019/index.html" in kept, kept
            assert "weeknotes/learning/index.html" in kept, kept  # in the nav, too
            assert "weeknotes/weeks/2019-W26/index.html" in kept, kept


GONE_NOTES = {
    "weeknotes/2019/2019-06-28-rob/index.html",
    "weeknotes/2019/2019-07-12-rob/index.html",
    "weeknotes/2019/2019-07-05-liz/index.html",
}
WITH_NAV_TITLE = "  - weeknotes:\n      nav_title: Team notes\n"


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_a_rebuild_compiles_no_template_again(
    tmp_path: Path, theme: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs makes a new Jinja environment per build; the theme's templates and
    ours are compiled on the first build only, and a changed one again."""
    if theme == "material":
        pytest.importorskip("material")
    site = copy_site("learning", tmp_path)
    config_file = site / "mkdocs.yml"
    config_file.write_text(
        DIRTY_SITE + f"theme:\n  name: {theme}\n  custom_dir: overrides\n", encoding="utf-8"
    )
    override = site / "overrides" / "weeknotes" / "week.html"
    override.parent.mkdir(parents=True)
    override.write_text("<p>WEEK-A {{ title }}</p>\n", encoding="utf-8")
    templatecache.TEMPLATES.clear()  # other tests' builds filled it
    compiled: list[str] = []
    dump = templatecache.TEMPLATES.dump_bytecode
    monkeypatch.setattr(
        templatecache.TEMPLATES,
        "dump_bytecode",
        lambda bucket: (compiled.append(bucket.key), dump(bucket))[-1],
    )
    out = tmp_path / "site"
    serve_build(config_file, out, dirty=True, first=True)
    assert len(compiled) > 5, compiled  # the theme's and ours
    compiled.clear()
    serve_build(config_file, out, dirty=True)
    assert compiled == []
    override.write_text("<p>WEEK-B {{ title }}</p>\n", encoding="utf-8")
    serve_build(config_file, out, dirty=True)
    assert len(compiled) == 1
    page = (out / "weeknotes" / "weeks" / "2019-W27" / "index.html").read_text(encoding="utf-8")
    assert "WEEK-B" in page and "WEEK-A" not in page


def test_a_rebuild_opens_only_the_notes_that_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`mkdocs serve` knows an unchanged note by its size, times and inode, as the
    check's cache does; an edit that keeps the size and modification time is
    still seen, and a note that is not UTF-8 is read every time."""
    # Files just written are too recent to be known by their stat; pretend they are old.
    monkeypatch.setattr(collection, "RACY_NS", -(10**12))
    site = copy_site("learning", tmp_path)
    config_file = site / "mkdocs.yml"
    config_file.write_text(DIRTY_SITE, encoding="utf-8")
    notes = site / "docs" / "weeknotes" / "2019"
    (notes / "2019-07-12-liz.md").write_bytes(
        b"---\ntitle: Liz in Latin-1\ndate: 2019-07-12\nauthors: [liz]\n---\n\nCaf\xe9.\n"
    )
    opened = count_opened(monkeypatch)
    out = tmp_path / "site"

    def serve(dirty: bool, first: bool = False) -> object:
        """A build as `mkdocs serve` makes it, with the instance it keeps."""
        config = load_config(config_file=str(config_file), site_dir=str(out))
        if first:
            config.plugins.on_startup(command="serve", dirty=dirty)
        build(config, serve_url=SERVE_URL, dirty=dirty)
        return config.plugins["weeknotes"]

    for dirty in (False, True):
        plugin = serve(dirty, first=True)
        opened.clear()
        assert serve(dirty) is plugin
        # MkDocs reads a page's text by itself; the plugin opens the Latin-1 note only.
        assert [uri for uri in opened if uri.startswith("weeknotes/")] == [
            "weeknotes/2019/2019-07-12-liz.md"
        ]
        note = notes / "2019-07-05-rob.md"
        before = note.stat()
        note.write_bytes(note.read_bytes().replace(b"No learning", b"No learnin'", 1))
        os.utime(note, ns=(before.st_atime_ns, before.st_mtime_ns))
        serve(dirty)
        # Its title is on its own page, and on the year's.
        for page in ("2019/2019-07-05-rob", "2019"):
            html = (out / "weeknotes" / page / "index.html").read_text(encoding="utf-8")
            assert "No learnin&#39;" in html and "No learning this" not in html, page
        note.write_bytes(note.read_bytes().replace(b"No learnin'", b"No learning", 1))


def test_a_note_not_in_utf8_with_a_marker_still_builds_under_serve(tmp_path: Path) -> None:
    """Read every time for its marker, and still given to MkDocs as readable text."""
    site = copy_site("learning", tmp_path)
    (site / "docs" / "weeknotes" / "2019" / "2019-07-12-liz.md").write_bytes(
        b"---\ntitle: Liz in Latin-1\ndate: 2019-07-12\nauthors: [liz]\n---\n\n"
        b"Caf\xe9.\n\n<!-- weeknotes: latest limit=1 -->\n"
    )
    out = tmp_path / "site"
    for first in (True, False):
        serve_build(site / "mkdocs.yml", out, dirty=False, first=first)
        page = out / "weeknotes" / "2019" / "2019-07-12-liz" / "index.html"
        assert "Caf\ufffd." in page.read_text(encoding="utf-8")
