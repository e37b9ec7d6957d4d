"""The check cache's own parts: notes and problems as plain values, and back."""

from __future__ import annotations

import datetime
import json
from dataclasses import fields
from pathlib import Path

import pytest

from mkdocs_weeknotes.checkcache import (
    NOTE_FIELDS,
    StoredCache,
    context_key,
    note_from_plain,
    note_to_plain,
    problem_from_plain,
    problem_to_plain,
)
from mkdocs_weeknotes.model import Note, Theme
from mkdocs_weeknotes.problems import Problem
from mkdocs_weeknotes.sections import SectionRef
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
