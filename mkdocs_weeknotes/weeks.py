"""Weeks: the date a week commences on, for a configurable first day."""

from __future__ import annotations

import datetime


def week_of(day: datetime.date, week_start: int) -> datetime.date:
    """The first day of the week holding `day`; `week_start` is 0 for Monday."""
    return day - datetime.timedelta(days=(day.weekday() - week_start) % 7)


def weekday_name(day: datetime.date) -> str:
    # Not strftime("%A"): that follows the process locale, and output must not.
    return ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[
        day.weekday()
    ]
