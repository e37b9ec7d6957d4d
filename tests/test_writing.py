"""The command never loses a file: export, new and schema -o, on hostile folders."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from mkdocs_weeknotes.outputs.writing import WriteError, write_file
from tests.conftest import SITES, weeknotes

OWN = "The team's own words, kept.\n"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site with a page of its own where export would put the latest page."""
    site = tmp_path / "site"
    shutil.copytree(SITES / "learning", site)
    (site / "docs/weeknotes/index.md").write_text(OWN, encoding="utf-8")
    return site


def _no_traceback(done: object) -> None:
    assert "Traceback" not in getattr(done, "stderr", "")


def test_export_into_docs_never_replaces_a_page_of_the_site(site: Path) -> None:
    for extra in ((), ("--force",)):
        done = weeknotes("export", "--out", "docs", *extra, cwd=site)
        assert done.returncode == 1, done.stderr
        _no_traceback(done)
        assert "docs/weeknotes/index.md" in done.stderr and "never replaced" in done.stderr
        assert (site / "docs/weeknotes/index.md").read_text(encoding="utf-8") == OWN
        # Nothing at all was written: not even the pages that were free.
        assert not (site / "docs/weeknotes/themes").exists()
        assert not (site / "docs/weeknotes/learning").exists()


def test_export_replaces_a_file_only_with_force(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = weeknotes("export", "--out", str(out), cwd=site)
    assert first.returncode == 0, first.stderr
    latest = out / "weeknotes/index.md"
    latest.write_text(OWN, encoding="utf-8")
    again = weeknotes("export", "--out", str(out), cwd=site)
    assert again.returncode == 1
    assert f"{latest} already exists" in again.stderr and "--force" in again.stderr
    assert latest.read_text(encoding="utf-8") == OWN
    forced = weeknotes("export", "--out", str(out), "--force", cwd=site)
    assert forced.returncode == 0, forced.stderr
    assert latest.read_text(encoding="utf-8").startswith("# Latest weeknotes")


@pytest.mark.parametrize("force", [False, True])
def test_export_follows_no_link_out_of_its_folder(site: Path, tmp_path: Path, force: bool) -> None:
    outside = tmp_path / "outside"
    (outside / "themes").mkdir(parents=True)
    victim = tmp_path / "victim.txt"
    victim.write_text(OWN, encoding="utf-8")
    out = tmp_path / "out"
    (out / "weeknotes").mkdir(parents=True)
    # A folder link and a file link, each pointing out of the export folder.
    (out / "weeknotes/themes").symlink_to(outside / "themes", target_is_directory=True)
    (out / "weeknotes/index.md").symlink_to(victim)
    done = weeknotes("export", "--out", str(out), *(["--force"] if force else []), cwd=site)
    assert done.returncode == 1, done.stderr
    _no_traceback(done)
    assert "symbolic link" in done.stderr
    assert victim.read_text(encoding="utf-8") == OWN
    assert list((outside / "themes").iterdir()) == []


def test_export_into_a_folder_that_cannot_be_made_is_a_clear_error(
    site: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    done = weeknotes("export", "--out", str(blocker / "out"), cwd=site)
    assert done.returncode == 2, done.stderr
    _no_traceback(done)
    assert "weeknotes: cannot make the folder" in done.stderr


def test_new_into_a_folder_that_cannot_be_made_is_a_clear_error(site: Path) -> None:
    # The note would go to weeknotes/2026/…, where a file stands.
    (site / "docs/weeknotes/2026").write_text("x", encoding="utf-8")
    done = weeknotes("new", "--author", "rob", "--date", "2026-11-20", cwd=site)
    assert done.returncode == 2, done.stderr
    _no_traceback(done)
    assert "cannot make the folder" in done.stderr


def test_new_never_writes_through_a_dangling_link(site: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.md"
    folder = site / "docs/weeknotes/2026"
    folder.mkdir()
    (folder / "2026-11-20-rob.md").symlink_to(target)
    done = weeknotes("new", "--author", "rob", "--date", "2026-11-20", cwd=site)
    assert done.returncode == 1, done.stderr
    assert "already exists" in done.stderr
    assert not target.exists()


def test_schema_output_over_a_link_or_into_a_file_is_a_clear_error(
    site: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text(OWN, encoding="utf-8")
    link = tmp_path / "schema.json"
    link.symlink_to(victim)
    done = weeknotes("schema", "-o", str(link), cwd=site)
    assert done.returncode == 2 and "symbolic link" in done.stderr, done.stderr
    assert victim.read_text(encoding="utf-8") == OWN
    done = weeknotes("schema", "-o", str(victim / "schema.json"), cwd=site)
    assert done.returncode == 2, done.stderr
    _no_traceback(done)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="a read-only folder does not stop root, who runs CI here",
)
def test_read_only_folders_are_a_clear_error(site: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        for args in (
            ("export", "--out", str(locked / "out")),
            ("schema", "-o", str(locked / "schema.json")),
        ):
            done = weeknotes(*args, cwd=site)
            assert done.returncode == 2, done.stderr
            _no_traceback(done)
            assert "Permission denied" in done.stderr
    finally:
        locked.chmod(0o700)


def test_write_file_turns_a_refused_write_into_a_write_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root ignores file modes, so the refusal is the system's answer, made here.
    def refuse(*_args: object, **_kwargs: object) -> int:
        raise PermissionError(13, "Permission denied", str(tmp_path / "x.md"))

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(WriteError) as caught:
        write_file(tmp_path / "x.md", b"text")
    assert caught.value.status == 2
    assert str(caught.value) == f"cannot write {tmp_path / 'x.md'}: Permission denied"
