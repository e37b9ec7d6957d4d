"""The dates of one note: its date from front matter, file name or folders, and
its week, each checked (see notes.read_note)."""

from __future__ import annotations

import calendar
import datetime
import posixpath
import re
from collections.abc import Sequence

from ..config import WEEKDAYS
from ..problems import quote
from ..weeks import outside_calendar, week_of, weekday_name
from .frontmatter import Field, Invalid
from .notefields import FieldReader, kind, refused

_FILE_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?=$|[^\d])")
# A date, optionally with a time and zone: the same on every Python version, unlike
# datetime.fromisoformat, which accepts more with each release.
_ISO_DATE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:(?:[Tt]|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$"
)


class DateChecks(FieldReader):
    """The rules of a note's date and week."""

    def check_date(self) -> datetime.date | None:
        found = self.value("date")
        if found is not None:
            return self.as_date(found, "date")
        stem = posixpath.basename(self.src_uri)
        match = _FILE_DATE.match(stem)
        if match:
            try:
                day = datetime.date(*map(int, match.groups()))
            except ValueError:
                self.problem(
                    1,
                    "WN102",
                    f"the file name's date {match.group(0)} is not a real date",
                    impossible_date_hint(*map(int, match.groups())),
                )
                return None
            return self.in_calendar(day, 1, "the file name's date")
        relative = self.settings.selector.relative(self.src_uri)
        in_path = date_from_folders(posixpath.dirname(relative or self.src_uri).split("/"))
        if in_path is not None:
            return self.folder_date(*in_path)
        given = self.fm.get("date")
        if not self.fm.parsed or (given is not None and refused(given)):
            return None  # the problem that kept the date from being read says it all
        line = given.line if given is not None else 1
        self.problem(
            line,
            "WN101",
            "the note has no date",
            "add 'date: YYYY-MM-DD' or start the file name with the date",
        )
        return None

    def folder_date(self, written: str, parts: tuple[int, ...], kind: str) -> datetime.date | None:
        """The date of a note's folders (see date_from_folders), or a problem."""
        year = parts[0]
        try:
            if kind == "week":
                day = datetime.date.fromisocalendar(year, parts[1], 1)
            else:
                day = datetime.date(*parts)
        except ValueError:
            if kind == "week" and year >= datetime.MINYEAR:
                hint = _week_hint(year)
            else:
                hint = impossible_date_hint(*(parts if kind == "date" else (year, 1, 1)))
            self.problem(1, "WN102", f"the folder's {kind} {written} is not a real {kind}", hint)
            return None
        return self.in_calendar(day, 1, f"the folder's {kind}")

    def as_date(self, found: Field, key: str) -> datetime.date | None:
        value = found.value
        if isinstance(value, dict) and key == "date":
            # Material's blog writes `date: {created: ..., updated: ...}`.
            if value.get("created") is None:
                self.problem(
                    found.line,
                    "WN102",
                    "date has no 'created' date",
                    "write 'date: YYYY-MM-DD', or 'created: YYYY-MM-DD' under 'date:'",
                )
                return None
            return self.as_date(Field(key, value["created"], found.line), key)
        if isinstance(value, datetime.datetime):  # a time of day is allowed and ignored
            return self.in_calendar(value.date(), found.line, key)
        if isinstance(value, datetime.date):
            return self.in_calendar(value, found.line, key)
        text = found.raw if isinstance(value, Invalid) and found.raw else value
        match = _ISO_DATE.match(text.strip()) if isinstance(text, str) else None
        if match:
            parts = tuple(map(int, match.groups()))
            try:
                day = datetime.date(*parts)
            except ValueError:
                self.problem(
                    found.line,
                    "WN102",
                    f"{key} {quote(match.group(0))} is not a real date",
                    impossible_date_hint(*parts),
                )
                return None
            return self.in_calendar(day, found.line, key)
        if isinstance(text, str) or found.raw is not None:
            message = (
                f"{key} {quote(found.raw if found.raw is not None else str(text))} is not a date"
            )
        else:
            message = f"{key} must be a date, not {kind(value)}"
        self.problem(found.line, "WN102", message, "write it as YYYY-MM-DD")
        return None

    def in_calendar(self, day: datetime.date, line: int, key: str) -> datetime.date | None:
        """The day, unless its week runs off either end of the calendar, where no
        week could be counted for it."""
        outside = outside_calendar(day, self.settings.week_start_index)
        if outside is None:
            return day
        self.problem(line, "WN102", f"{key} {day} is out of range: {outside[0]}", outside[1])
        return None

    def check_week(self, date: datetime.date | None) -> datetime.date | None:
        """The note's week; a wrong one is reported and the week of the date used,
        so that the note is still listed where its header links to."""
        start = self.settings.week_start_index
        by_date = week_of(date, start) if date else None
        found = self.value("week")
        if found is None:
            return by_date
        week = self.as_date(found, "week")
        if week is None:
            return by_date
        valid = True
        if week.weekday() != start:
            valid = False
            self.problem(
                found.line,
                "WN105",
                f"week {week} is a {weekday_name(week)}, not a {WEEKDAYS[start].title()}",
                f"did you mean {week_of(week, start)}?",
            )
        if date is not None:
            grace = self.settings.week_grace_days
            days = (date - week).days
            expected = week_of(date, start)
            if days < 0:
                valid = False
                self.problem(
                    found.line,
                    "WN106",
                    f"week {week} starts after the note's date {date}",
                    f"did you mean {expected}?",
                )
            elif days > 6 + grace:
                valid = False
                self.problem(
                    found.line,
                    "WN106",
                    f"week {week} ends more than {grace} days before the note's date {date}",
                    f"did you mean {expected}?",
                )
        return week if valid else by_date


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


_YEAR = re.compile(r"\d{4}")
_NUMBER = re.compile(r"\d{1,2}")


def date_from_folders(folders: Sequence[str]) -> tuple[str, tuple[int, ...], str] | None:
    """The date a note's folders give, for a note with none in its front matter or
    file name: as written, its numbers, and whether it is a "date" or a "week".

    The folder that holds the note may start with a date (`2018-07-06/`, as a
    file name may), or the last folders may be a year, month and day
    (`2018/07/06/`) or a year and an ISO week number (`2018/27/`), which gives
    that week's Monday.
    """
    last = folders[-1] if folders else ""
    match = _FILE_DATE.match(last)
    if match:
        return match.group(0), tuple(map(int, match.groups())), "date"
    tail = folders[-3:]
    if len(tail) == 3 and _YEAR.fullmatch(tail[0]) and all(map(_NUMBER.fullmatch, tail[1:])):
        return "/".join(tail), tuple(map(int, tail)), "date"
    tail = folders[-2:]
    if len(tail) == 2 and _YEAR.fullmatch(tail[0]) and _NUMBER.fullmatch(tail[1]):
        return "/".join(tail), tuple(map(int, tail)), "week"
    return None


def _week_hint(year: int) -> str:
    weeks = datetime.date(year, 12, 28).isocalendar()[1]  # 28 December is in the last week
    return f"{year} has {weeks} ISO weeks"


def impossible_date_hint(year: int, month: int, day: int) -> str:
    """Why a date written as YYYY-MM-DD is not a real one."""
    if year < datetime.MINYEAR:
        return f"the years start at {datetime.MINYEAR}"
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    days = calendar.monthrange(year, month)[1]
    # Not calendar.month_name: it follows the process locale, and output must not.
    return f"{_MONTHS[month - 1]} {year} has {days} days"
