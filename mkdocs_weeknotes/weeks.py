"""Weeks: the date a week commences on, for a configurable first day."""

from __future__ import annotations

import datetime


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
