"""The check cache's own parts: notes and problems as plain values, and back."""

from __future__ import annotations

import datetime
import json
from dataclasses import fields
from pathlib import Path

import pytest

from mkdocs_weeknotes.command import checkcache
from mkdocs_weeknotes.command.checkcache import (
    NOTE_FIELDS,
    StoredCache,
    context_key,
    note_from_plain,
    note_to_plain,
    problem_from_plain,
    problem_to_plain,
)
from mkdocs_weeknotes.model import Note, SectionRef, Theme
from mkdocs_weeknotes.problems import Problem
from tests.conftest import settings, team

NOTE = Note(
    src_uri="weeknotes/2019/2019-06-28-rob.md",
    path="docs/weeknotes/2019/2019-06-28-rob.md",
    title="A week of “quotes” and \u2028 lines",
    title_source="front matter",
    date=datetime.date(2019, 6, 28),
    week=datetime.date(2019, 6, 24),
    authors=("rob", "liz"),
    themes=(Theme("data", "Data"), Theme("open-data", "Open data")),
    summary="Short.",
    draft=True,
    has_problems=True,
    sections=(SectionRef("learning", "Something I'm learning", 2, 14),),
    lang="cy",
    ref="ref:week-26",
    mentions=("sam",),
)


def test_the_codec_knows_every_field_of_a_note() -> None:
    assert tuple(f.name for f in fields(Note)) == NOTE_FIELDS


@pytest.mark.parametrize(
    "note",
    [
        NOTE,
        Note("a.md", "docs/a.md", "A", "format", None, None, (), ()),
    ],
)
def test_a_note_survives_json(note: Note) -> None:
    text = json.dumps(note_to_plain(note, note.src_uri, note.path))
    assert note_from_plain(json.loads(text), note.src_uri, note.path) == note


def test_a_problem_survives_json() -> None:
    problem = Problem("docs/a.md", 4, "WN103", "unknown author 'robb'", "did you mean 'rob'?")
    assert problem_from_plain(json.loads(json.dumps(problem_to_plain(problem)))) == problem


@pytest.mark.parametrize(
    "bad",
    [
        None,
        [],
        ["A", "format", "2019-02-30", None, [], [], None, False, False, []],
        ["A", "format", None, None, "rob", [], None, False, False, []],
        ["A", "format", None, None, [], [["data"]], None, False, False, []],
        ["A", "format", None, None, [], [], None, "no", False, []],
        [1, "format", None, None, [], [], None, False, False, []],
    ],
)
def test_a_damaged_note_is_refused(bad: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        note_from_plain(bad, "a.md", "docs/a.md")


def test_the_context_follows_settings_and_authors() -> None:
    base = context_key(settings(), team())
    assert context_key(settings(), team()) == base
    assert context_key(settings(week_start="sunday"), team()) != base
    assert context_key(settings(), None) != base


def test_the_context_follows_every_file_of_the_package() -> None:
    # The cache lives in a subpackage: its stamp must still cover the package's
    # other modules and its templates, not only its own folder.
    stamped = {Path(path).as_posix() for path, _, _ in checkcache._package_stamp()}
    assert {"plugin.py", "reading/notes.py", "command/checkcache.py"} <= stamped
    assert any(path.startswith("templates/") for path in stamped)


@pytest.mark.parametrize(
    "text",
    [b"", b"{", b"[]", b'{"format": 1, "context": "x", "notes": {"a.md": [1]}}', b"\xff\xfe"],
)
def test_a_damaged_cache_file_is_an_empty_cache(tmp_path: Path, text: bytes) -> None:
    path = tmp_path / "check.json"
    path.write_bytes(text)
    cache = StoredCache(path)
    cache.start(settings(), team())
    assert cache.entries == {} and cache.stats == {}


def stored_with(tmp_path: Path, notes: list[Note]) -> Path:
    """A cache file holding `notes`, each with a problem and a stat."""
    path = tmp_path / "check.json"
    cache = StoredCache(path)
    cache.start(settings(), team())
    for index, note in enumerate(notes):
        key = (note.src_uri, note.path, f"digest{index}")
        problem = Problem(note.path, 2, "WN103", "unknown author 'robb'", "did you mean 'rob'?")
        cache.entries[key] = (note, (problem,), 3, 1)
        cache.stats[note.src_uri] = ((10 + index, 2**62, 2**61, 7), f"digest{index}")
    cache.entries[("other.md", "elsewhere/other.md", "digestx")] = (None, (), 1, 1)
    cache._stats_changed = True
    cache.save()
    return path


def test_a_saved_cache_loads_as_it_was(tmp_path: Path) -> None:
    plain = Note("b.md", "docs/b.md", "B", "format", None, None, (), (), ref="file:b.md")
    themed = replace_note(NOTE, src_uri="c.md", path="docs/c.md", ref="file:c.md")
    path = stored_with(tmp_path, [NOTE, plain, themed])
    first = StoredCache(path)
    first.start(settings(), team())
    again = StoredCache(path)
    again.start(settings(), team())
    assert set(again.entries) == {
        ("weeknotes/2019/2019-06-28-rob.md", NOTE.path, "digest0"),
        ("b.md", "docs/b.md", "digest1"),
        ("c.md", "docs/c.md", "digest2"),
        ("other.md", "elsewhere/other.md", "digestx"),
    }
    notes = [entry[0] for entry in again.entries.values() if entry[0] is not None]
    assert sorted(notes, key=lambda n: n.src_uri) == sorted(
        [NOTE, plain, themed], key=lambda n: n.src_uri
    )
    # Made without Note's __init__, a loaded note is a Note like any other.
    assert {hash(n) for n in notes} == {hash(NOTE), hash(plain), hash(themed)}
    assert next(iter(again.entries.values()))[1][0].code == "WN103"
    assert again.stats["b.md"] == ((11, 2**62, 2**61, 7), "digest1")
    # Notes share one object per theme, as notes read from their files do.
    loaded = {n.src_uri: n for n in notes}
    assert loaded["c.md"].themes[0] is loaded[NOTE.src_uri].themes[0]


def replace_note(note: Note, **changes: object) -> Note:
    from dataclasses import replace

    return replace(note, **changes)  # type: ignore[arg-type]


# An entry's first values, with no stat and no problem.
HEAD = ["a.md", None, "d", None, None, None, None, 1, 1, []]


def test_a_cache_file_changed_by_anyone_else_is_an_empty_cache(tmp_path: Path) -> None:
    path = stored_with(tmp_path, [NOTE])
    good = path.read_bytes()
    header, body = good.split(b"\n", 1)
    damaged = [
        good[:-1],  # cut short
        header + b"\n" + body.replace(b"WN103", b"WN104"),  # still well-formed JSON
        header.replace(b'"format":2', b'"format":1') + b"\n" + body,
        header,
        body,
        header + b"\n" + b"[]",
        header + b"\n" + b"\x00" * 20,
    ]
    for text in damaged:
        path.write_bytes(text)
        cache = StoredCache(path)
        cache.start(settings(), team())
        assert cache.entries == {} and cache.stats == {}, text[:80]


@pytest.mark.parametrize(
    "body",
    [
        {"prefix": "docs/", "notes": [["a.md"]]},
        {"prefix": 3, "notes": []},
        {"prefix": "", "notes": [["a.md", None, "d", 1, 2, 3, 4, 1, 1, [], "A"]]},
        {"prefix": "", "notes": [["a.md", None, "d", "1", 2, 3, 4, 1, 1, []]]},
        {"prefix": "", "notes": [["a.md", None, "d", None, None, None, None, 1, 1, [[1]]]]},
        {
            "prefix": "",
            "notes": [
                [*HEAD, "A", "format", 10**9, None, [], [], None, False, False, [], "", None, []]
            ],
        },
        {
            "prefix": "",
            "notes": [
                [
                    *HEAD,
                    "A",
                    "format",
                    None,
                    None,
                    [],
                    ["data"],
                    None,
                    False,
                    False,
                    [],
                    "",
                    None,
                    [],
                ]
            ],
        },
        {
            "prefix": "",
            "notes": [[*HEAD, "A", "format", None, None, [], [], None, 0, False, [], "", None, []]],
        },
    ],
)
def test_a_cache_whose_digest_matches_but_whose_entries_are_wrong_is_an_empty_cache(
    tmp_path: Path, body: object
) -> None:
    """Written by someone who knows the format: still no traceback, no entry."""
    path = stored_with(tmp_path, [NOTE])
    header = json.loads(path.read_bytes().split(b"\n", 1)[0])
    text = json.dumps(body).encode()
    header["digest"] = checkcache._digest(text)
    path.write_bytes(json.dumps(header).encode() + b"\n" + text)
    cache = StoredCache(path)
    cache.start(settings(), team())
    assert cache.entries == {} and cache.stats == {}
