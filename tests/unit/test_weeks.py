"""Weeks at the ends of the calendar: a problem on the note, never a crash."""

from __future__ import annotations

import datetime

import pytest

from mkdocs_weeknotes.weeks import find_week, parse_week, week_before, week_of
from tests.conftest import check, codes


def test_a_date_whose_week_starts_before_year_one_is_a_problem() -> None:
    result = check("---\ndate: 0001-01-01\nauthors: [rob]\n---\nHi.\n", week_start="tuesday")
    assert codes(result) == [("WN102", 2)]
    assert "before" in result.problems[0].message and result.problems[0].hint


def test_a_date_whose_week_ends_after_9999_is_a_problem() -> None:
    result = check("---\ndate: 9999-12-31\nauthors: [rob]\n---\nHi.\n")
    assert codes(result) == [("WN102", 2)]
    assert "after" in result.problems[0].message


def test_a_file_name_date_at_the_start_of_the_calendar_is_a_problem() -> None:
    result = check(
        "---\nauthors: [rob]\n---\nHi.\n", name="weeknotes/0001-01-01-rob.md", week_start="sunday"
    )
    assert codes(result) == [("WN102", 1)]


def test_a_week_at_the_start_of_the_calendar_is_a_problem() -> None:
    result = check(
        "---\ndate: 0001-01-09\nweek: 0001-01-01\nauthors: [rob]\n---\nHi.\n", week_start="sunday"
    )
    assert ("WN102", 3) in codes(result) or ("WN105", 3) in codes(result)


def test_week_of_inside_the_calendar() -> None:
    assert week_of(datetime.date(2019, 6, 28), 0) == datetime.date(2019, 6, 24)
    assert week_of(datetime.date(1, 1, 1), 0) == datetime.date(1, 1, 1)


def test_a_week_that_runs_past_the_calendar_is_no_week_to_ask_for() -> None:
    # ISO week 52 of 9999 ends on 2 January of year 10000, which Python cannot hold.
    assert parse_week("9999-W52", 0) is None
    assert parse_week("9999-12-31", 0) is None
    assert parse_week("9999-W51", 0) == datetime.date(9999, 12, 20)
    assert parse_week("0001-W01", 0) == datetime.date(1, 1, 1)


def _edges() -> list[str]:
    """Dates and ISO weeks at both ends of the calendar."""
    first, last = datetime.date.min, datetime.date.max
    days = [first + datetime.timedelta(days=n) for n in range(15)]
    days += [last - datetime.timedelta(days=n) for n in range(15)]
    weeks = ["0001-W01", "0001-W02", "9999-W51", "9999-W52", "9999-W53", "0000-W52"]
    return [day.isoformat() for day in days] + weeks


@pytest.mark.parametrize("start", range(7))
def test_a_week_at_either_end_of_the_calendar_is_found_or_refused_with_a_reason(
    start: int,
) -> None:
    for text in _edges():
        found = find_week(text, start)
        if isinstance(found, datetime.date):
            assert found.weekday() == start
            assert datetime.date.max - found >= datetime.timedelta(days=6), text
            assert parse_week(text, start) == found
        elif found is not None:
            why, hint = found
            assert ("before" in why or "after" in why) and hint, text
            assert parse_week(text, start) is None
        before = week_before(found, start) if isinstance(found, datetime.date) else None
        if before is not None:
            assert before.weekday() == start and before >= datetime.date.min


def test_an_iso_week_cut_off_by_the_calendar_can_still_name_a_whole_team_week() -> None:
    # 9999-W52 runs to 10000-01-02, but a team week starting on Friday ends on its Thursday.
    assert find_week("9999-W52", 4) == datetime.date(9999, 12, 24)
    assert find_week("9999-W52", 0) == (
        "its week would end after 9999-12-31, the last day there is",
        "the last date with a whole week is 9999-12-26",
    )
    assert find_week("0001-W01", 6) is not None and parse_week("0001-W01", 6) is None
    assert find_week("2026-W60", 0) is None and find_week("soon", 0) is None
    assert week_before(datetime.date(1, 1, 1), 0) is None
    assert week_before(datetime.date(1, 1, 8), 0) == datetime.date(1, 1, 1)
