"""`weeknotes check` with its cache of notes already read: the same answers, faster."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mkdocs_weeknotes.command import checkcache
from mkdocs_weeknotes.command.cli import main
from mkdocs_weeknotes.reading import collection
from tests.conftest import copy_site, count_opened


def check(site: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["check", "-f", str(site / "mkdocs.yml"), *args])


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The src_uri of every note read, in order."""
    read: list[str] = []
    real = collection.read_note

    def counted(content: bytes, src_uri: str, *args: object, **kwargs: object) -> object:
        read.append(src_uri)
        return real(content, src_uri, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(collection, "read_note", counted)
    return read


def cache_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("check.json"))


def test_a_warm_check_says_what_a_cold_one_says_and_reads_nothing(
    tmp_path: Path, reads: list[str], _check_cache: Path
) -> None:
    site = copy_site("broken", tmp_path)
    cold = check(site, "--no-cache")
    assert not cache_files(_check_cache)
    first = check(site)
    assert len(cache_files(_check_cache)) == 1
    per_run = len(reads) // 2  # the --no-cache run and the first
    assert per_run > 0
    for style in ("text", "json", "github"):
        warm = check(site, "--format", style)
        assert warm.output == check(site, "--format", style, "--no-cache").output
    warm = check(site)
    assert (warm.exit_code, warm.output) == (cold.exit_code, cold.output) == (1, first.output)
    # Since the first check, only the three --no-cache runs read notes.
    assert len(reads) == per_run * 5


def test_a_changed_note_is_read_again(tmp_path: Path, reads: list[str]) -> None:
    site = copy_site("clean", tmp_path)
    assert check(site).exit_code == 0
    note = site / "docs/weeknotes/2019/2019-07-05-rob.md"
    note.write_text(note.read_text().replace("rob", "robb", 1))
    reads.clear()
    after = check(site)
    assert reads == ["weeknotes/2019/2019-07-05-rob.md"]
    assert after.exit_code == 1 and "WN103" in after.output
    assert after.output == check(site, "--no-cache").output
    (site / "docs/weeknotes/2019/2019-07-12-liz.md").unlink()
    reads.clear()
    assert check(site).output == after.output
    assert reads == []


def test_an_unchanged_file_is_not_opened_and_an_edited_one_is(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Files just written are too recent to be known by their stat; pretend they are old.
    monkeypatch.setattr(collection, "RACY_NS", -(10**12))
    site = copy_site("clean", tmp_path)
    assert check(site).exit_code == 0
    opened = count_opened(monkeypatch)
    reads.clear()
    assert check(site).exit_code == 0
    # Nothing changed: the last answer is given again, and no file is opened.
    assert opened == [] and reads == []
    # The same size and modification time as before: the change time still tells.
    note = site / "docs/weeknotes/2019/2019-07-05-rob.md"
    before = note.stat()
    note.write_bytes(note.read_bytes().replace(b"rob", b"xyz", 1))
    os.utime(note, ns=(before.st_atime_ns, before.st_mtime_ns))
    opened.clear()
    changed = check(site)
    assert reads == ["weeknotes/2019/2019-07-05-rob.md"]
    # The site's other pages are opened for their embed markers; no other note is.
    assert opened == ["index.md", "weeknotes/2019/2019-07-05-rob.md"]
    assert "WN103" in changed.output


@pytest.mark.parametrize("change", ["settings", "authors"])
def test_new_settings_or_authors_read_every_note_again(
    tmp_path: Path, reads: list[str], change: str
) -> None:
    site = copy_site("broken", tmp_path)
    first = check(site)
    count = len(reads)
    if change == "settings":
        config = site / "mkdocs.yml"
        text = config.read_text().replace("- weeknotes", "- weeknotes:\n      week_start: sunday")
        config.write_text(text)
    else:
        authors = site / "docs/weeknotes/.authors.yml"
        authors.write_text(authors.read_text().replace("rob:", "robb:", 1))
    reads.clear()
    after = check(site)
    assert len(reads) == count
    assert after.output != first.output
    assert after.output == check(site, "--no-cache").output


def test_a_damaged_cache_is_ignored_and_replaced(tmp_path: Path, _check_cache: Path) -> None:
    site = copy_site("broken", tmp_path)
    cold = check(site)
    [path] = cache_files(_check_cache)
    good = path.read_bytes()
    for damaged in (b"", good[: len(good) // 2], good.replace(b'"WN', b'"XX'), b"\x00" * 50):
        path.write_bytes(damaged)
        again = check(site)
        assert (again.exit_code, again.output) == (cold.exit_code, cold.output)
        assert again.exception is None or isinstance(again.exception, SystemExit)
    assert path.read_bytes() == good


def test_the_cache_is_never_in_the_docs_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = copy_site("clean", tmp_path)
    monkeypatch.setenv("WEEKNOTES_CACHE_DIR", str(site / "docs" / "cache"))
    assert check(site).exit_code == 0
    assert not (site / "docs" / "cache").exists()


def test_an_unwritable_cache_folder_is_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = copy_site("clean", tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("WEEKNOTES_CACHE_DIR", str(blocker))
    done = check(site)
    assert done.exit_code == 0 and "no problems" in done.output


def _exclude_rob(site: Path) -> None:
    with (site / "mkdocs.yml").open("a", encoding="utf-8") as handle:
        handle.write("exclude_docs: weeknotes/*-rob.md\n")


def _plain_urls(site: Path) -> None:
    # Only mkdocs.yml changes: the page no longer stands where the people page goes.
    with (site / "mkdocs.yml").open("a", encoding="utf-8") as handle:
        handle.write("use_directory_urls: false\n")


def _from_environment(site: Path) -> None:
    os.environ["WEEKNOTES_TEST_EXCLUDE"] = "weeknotes/2019-07-*"


def _new_note(site: Path) -> None:
    (site / "docs" / "weeknotes" / "2019-08-02-liz.md").write_text(
        "---\ndate: 2019-08-02\nauthors: [lizz]\n---\n\nHello.\n", encoding="utf-8"
    )


def _authors(site: Path) -> None:
    (site / "docs" / "weeknotes" / ".authors.yml").write_text(
        "authors:\n  rob:\n    name: Rob Miller\n", encoding="utf-8"
    )


def _damaged(site: Path) -> None:
    (kept,) = cache_files(Path(os.environ["WEEKNOTES_CACHE_DIR"]))
    result = kept.with_name(checkcache.RESULT_FILE)
    result.write_bytes(result.read_bytes()[:-20])


@pytest.mark.parametrize(
    "change", [_exclude_rob, _plain_urls, _from_environment, _new_note, _authors, _damaged]
)
def test_the_last_answer_is_given_again_only_while_nothing_it_depends_on_changed(
    tmp_path: Path,
    reads: list[str],
    monkeypatch: pytest.MonkeyPatch,
    change: Callable[[Path], None],
) -> None:
    # Files just written are too recent to be known by their stat; pretend they are old.
    monkeypatch.setattr(collection, "RACY_NS", -(10**12))
    monkeypatch.setenv("WEEKNOTES_TEST_EXCLUDE", "nothing.md")
    site = copy_site("broken", tmp_path)
    with (site / "mkdocs.yml").open("a", encoding="utf-8") as handle:
        handle.write("exclude_docs: !ENV [WEEKNOTES_TEST_EXCLUDE]\n")
    (site / "docs" / "weeknotes" / "people.md").write_text("# People\n", encoding="utf-8")
    first = check(site)
    reads.clear()
    again = check(site)
    assert (again.exit_code, again.output, reads) == (first.exit_code, first.output, [])
    change(site)
    changed = check(site)
    fresh = check(site, "--no-cache")
    assert (changed.exit_code, changed.output) == (fresh.exit_code, fresh.output)
    if change is not _damaged:
        assert changed.output != first.output
    assert check(site).output == fresh.output


def test_the_notes_folder_appearing_or_going_is_seen(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An empty folder is no file of the site: the answer still depends on it."""
    # Files just written are too recent to be known by their stat; pretend they are old.
    monkeypatch.setattr(collection, "RACY_NS", -(10**12))
    site = copy_site("clean", tmp_path)
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  - weeknotes\n", "  - weeknotes:\n      notes_dir: journal\n")
    )
    journal = site / "docs" / "journal"
    answers = []
    for exists in (False, True, False):
        if exists:
            journal.mkdir()
        elif journal.exists():
            journal.rmdir()
        cached, fresh = check(site), check(site, "--no-cache")
        assert (cached.exit_code, cached.output) == (fresh.exit_code, fresh.output), exists
        answers.append(cached.output)
    assert "does not exist" in answers[0] and "does not exist" not in answers[1]
    assert answers[2] == answers[0]
