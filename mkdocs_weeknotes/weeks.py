"""Weeks: the date a week commences on, for a configurable first day."""

from __future__ import annotations

import datetime
import re


def week_of(day: datetime.date, week_start: int) -> datetime.date:
    """The first day of the week holding `day`; `week_start` is 0 for Monday.

    `day` must have a whole week in the calendar (see `outside_calendar`).
    """
    return day - datetime.timedelta(days=(day.weekday() - week_start) % 7)


def whole_weeks(week_start: int) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the calendar (years 1 to 9999) whose week lies
    wholly inside it: a week cut off by either end has no first day to list it by."""
    lowest, highest = datetime.date.min, datetime.date.max
    first = lowest.toordinal() + (week_start - lowest.weekday()) % 7
    last = highest.toordinal() - (highest.weekday() - (week_start + 6)) % 7
    return datetime.date.fromordinal(first), datetime.date.fromordinal(last)


def outside_calendar(day: datetime.date, week_start: int) -> tuple[str, str] | None:
    """Why `day`'s week does not fit in the calendar, and a hint; None if it fits."""
    first, last = whole_weeks(week_start)
    if day < first:
        return (
            f"its week would start before {datetime.date.min}, the first day there is",
            f"the first date with a whole week is {first}",
        )
    if day > last:
        return (
            f"its week would end after {datetime.date.max}, the last day there is",
            f"the last date with a whole week is {last}",
        )
    return None


def weekday_name(day: datetime.date) -> str:
    # Not strftime("%A"): that follows the process locale, and output must not.
    return ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[
        day.weekday()
    ]


# `--week 2026-W47`, or a date in the week; the `away` entries of the authors file too.
_ISO_WEEK = re.compile(r"(\d{4})-W(\d{2})")


def iso_label(week: datetime.date) -> str:
    """The ISO week (`2026-W47`) of a team week starting on `week`: that of its
    middle day, so a week starting on any day is named by the ISO week that holds
    most of it, and no two team weeks share a name."""
    year, number, _ = (week + datetime.timedelta(days=3)).isocalendar()
    return f"{year:04d}-W{number:02d}"


def iso_days(text: str) -> tuple[datetime.date, datetime.date] | None:
    """The Monday and Sunday of an ISO week written `2026-W47`, or None."""
    match = _ISO_WEEK.fullmatch(text.strip())
    if match is None:
        return None
    try:
        monday = datetime.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
        return monday, monday + datetime.timedelta(days=6)
    except (ValueError, OverflowError):  # no such week, or one that runs past 9999
        return None


def parse_week(text: str, week_start: int) -> datetime.date | None:
    """The first day of the team week named by `2026-W47` or by any date in it."""
    found = find_week(text, week_start)
    return found if isinstance(found, datetime.date) else None


def find_week(text: str, week_start: int) -> datetime.date | tuple[str, str] | None:
    """The first day of the team week named by `2026-W47` or by any date in it;
    why not and a hint (see `outside_calendar`) when that week is cut off by an
    end of the calendar; None when the text names no week or day at all."""
    match = _ISO_WEEK.fullmatch(text.strip())
    try:
        if match is not None:
            # The team week whose middle day is in that ISO week (see iso_label).
            # Only that day is needed: the ISO week's Sunday may be past 9999.
            monday = datetime.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
            day = monday + datetime.timedelta(days=3)
        else:
            day = datetime.date.fromisoformat(text.strip())
    except (ValueError, OverflowError):
        return None
    return outside_calendar(day, week_start) or week_of(day, week_start)


def week_before(week: datetime.date, week_start: int) -> datetime.date | None:
    """The team week before the one starting on `week`, or None at the calendar's start."""
    if week - whole_weeks(week_start)[0] < datetime.timedelta(days=7):
        return None
    return week - datetime.timedelta(days=7)


def last_day(week: datetime.date) -> datetime.date:
    return week + datetime.timedelta(days=6)


def week_anchor(week: datetime.date) -> str:
    """The id of a week's heading on the pages that list notes by week."""
    return f"week-{week.isoformat()}"


def year_anchor(year: int) -> str:
    """The id of a year's heading on a theme's or a person's page."""
    return f"year-{year}"
