"""Weeks at the ends of the calendar: a problem on the note, never a crash."""

from __future__ import annotations

import datetime

from mkdocs_weeknotes.weeks import parse_week, week_of
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
