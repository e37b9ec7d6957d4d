"""The team's week: ISO week names, who left, who is away, who wrote."""

from __future__ import annotations

import datetime

from mkdocs_weeknotes.model import Note
from mkdocs_weeknotes.planning.listings import by_week, listed
from mkdocs_weeknotes.planning.team import team_week, team_weeks
from mkdocs_weeknotes.reading.authors import parse_authors
from mkdocs_weeknotes.weeks import iso_label, parse_week

D = datetime.date

TEAM = b"""\
authors:
  rob: {name: Rob Miller}
  liz:
    name: Liz Okafor
    away: [2026-W47]
  amir:
    name: Amir
    until: 2026-06-30
  gone:
    name: Gone
    active: false
  ann:
    name: Ann
    away: ["2026-11-20..2026-11-21"]
"""


def note(uri: str, day: D, *authors: str) -> Note:
    return Note(
        uri,
        f"docs/{uri}",
        uri,
        "front matter",
        day,
        day - datetime.timedelta(days=day.weekday()),
        authors,
        (),
    )


def test_iso_labels_name_the_week_that_holds_most_of_it() -> None:
    assert iso_label(D(2026, 11, 16)) == "2026-W47"
    # A week starting on Sunday 15 November is mostly ISO week 47.
    assert iso_label(D(2026, 11, 15)) == "2026-W47"
    assert iso_label(D(2020, 12, 28)) == "2020-W53"
    assert iso_label(D(2024, 12, 30)) == "2025-W01"


def test_a_week_is_named_by_iso_week_or_any_date_in_it() -> None:
    assert parse_week("2026-W47", 0) == D(2026, 11, 16)
    assert parse_week("2026-11-20", 0) == D(2026, 11, 16)
    assert parse_week("2026-W47", 6) == D(2026, 11, 15)
    assert parse_week("2026-11-20", 6) == D(2026, 11, 15)
    for wrong in ("2026-W54", "2026-W00", "next week", "2026-02-30", ""):
        assert parse_week(wrong, 0) is None


def test_the_team_leaves_out_who_has_left_and_who_is_away() -> None:
    people = parse_authors(TEAM, "a.yml").people
    week = team_week(D(2026, 11, 16), [note("a.md", D(2026, 11, 20), "rob")], people, None)
    assert week.label == "2026-W47"
    assert week.written == ("rob",)
    assert week.away == ("ann", "liz")
    assert week.missing == ()
    earlier = team_week(D(2026, 6, 22), [note("a.md", D(2026, 6, 26), "rob")], people, None)
    assert earlier.missing == ("amir", "ann", "liz")


def test_someone_away_who_wrote_counts_as_written() -> None:
    people = parse_authors(TEAM, "a.yml").people
    week = team_week(D(2026, 11, 16), [note("a.md", D(2026, 11, 20), "liz")], people, None)
    assert week.written == ("liz",)
    assert week.away == ("ann",)
    assert week.missing == ("rob",)


def test_without_an_authors_file_the_team_is_who_wrote_lately() -> None:
    notes = [
        note("a.md", D(2026, 11, 20), "rob"),
        note("b.md", D(2026, 11, 13), "liz"),
        note("c.md", D(2026, 1, 9), "old"),
    ]
    weeks = team_weeks(by_week(listed(notes, False), {}), {}, False)
    assert weeks["2026-W47"].missing == ("liz",)
    assert weeks["2026-W46"].missing == ()
    assert weeks["2026-W02"].written == ("old",)


def test_team_values_that_cannot_be_read_are_problems() -> None:
    text = (
        b"authors:\n  rob:\n    name: Rob\n"
        b"    active: maybe\n    until: soon\n    away: [2026-W60, x]\n"
    )
    authors = parse_authors(text, "a.yml")
    assert [(p.code, p.line) for p in authors.problems] == [
        ("WN701", 4),
        ("WN701", 5),
        ("WN701", 6),
        ("WN701", 6),
    ]
    assert authors.people["rob"].active


def test_weeks_at_the_start_of_the_calendar_have_a_team() -> None:
    first = note("a.md", D(1, 1, 5), "rob")
    weeks = team_weeks(by_week(listed([first], False), {}), {}, False)
    assert weeks["0001-W01"].written == ("rob",)
