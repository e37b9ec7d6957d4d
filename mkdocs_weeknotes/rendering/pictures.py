"""The pictures on index pages, as data: who wrote which week, and notes per month.

Pure: everything is read from one build's listed notes, in one pass over them,
and "recent" is counted back from the newest note of the site, never from
today, so that the same notes always make the same pictures.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..model import Note

# A person's strip covers the last year, a week a cell.
YEAR_WEEKS = 52

# What a person did in a week, in the order one note outranks another in a cell.
WROTE = "wrote"
CO_WROTE = "co-wrote"
NO_NOTE = "none"


@dataclass(frozen=True)
class Cell:
    """One person's week: what they wrote, and the note a filled cell links to."""

    week: datetime.date
    state: str  # WROTE, CO_WROTE or NO_NOTE
    note: Note | None = None


@dataclass(frozen=True)
class Weeks:
    """Each person's weeks over the recent past, from one pass over the notes.

    `weeks` are newest first, ending at the newest note's week; `cells` holds, for
    each person who wrote in them, only the weeks that have a note.
    """

    weeks: tuple[datetime.date, ...]
    cells: Mapping[str, Mapping[datetime.date, Cell]]

    def row(self, person: str, count: int) -> tuple[Cell, ...]:
        """A person's `count` newest weeks, newest first, each week a cell."""
        own = self.cells.get(person, {})
        return tuple(own.get(week) or Cell(week, NO_NOTE) for week in self.weeks[:count])


def newest_week(notes: Iterable[Note]) -> datetime.date | None:
    return max((note.week for note in notes if note.week is not None), default=None)


def person_weeks(notes: Sequence[Note], count: int) -> Weeks:
    """The `count` weeks up to the newest note's week, and who wrote in each.

    A person's cell links to their own note of the week when they wrote one alone,
    else to the first note they shared; `notes` come newest first.
    """
    last = newest_week(notes)
    if last is None or count < 1:
        return Weeks((), {})
    # Never a week before the calendar's first day (a note of year 1 is possible).
    count = min(count, (last.toordinal() - 1) // 7 + 1)
    weeks = tuple(last - datetime.timedelta(weeks=back) for back in range(count))
    first = weeks[-1]
    cells: dict[str, dict[datetime.date, Cell]] = {}
    for note in notes:
        week = note.week
        if week is None or week < first:
            continue
        state = WROTE if len(note.authors) == 1 else CO_WROTE
        for person in note.authors:
            own = cells.setdefault(person, {})
            held = own.get(week)
            if held is None or (held.state == CO_WROTE and state == WROTE):
                own[week] = Cell(week, state, note)
    return Weeks(weeks, cells)


@dataclass(frozen=True)
class Months:
    """Notes per month of each theme over the recent months, oldest month first."""

    months: tuple[tuple[int, int], ...]  # (year, month)
    counts: Mapping[str, tuple[int, ...]]

    def of(self, theme: str) -> tuple[int, ...]:
        return self.counts.get(theme) or (0,) * len(self.months)


def recent_months(last: datetime.date, count: int) -> tuple[tuple[int, int], ...]:
    """The `count` months up to and including `last`'s, oldest first, as (year, month)."""
    index = _month_number(last)
    return tuple((number // 12, number % 12 + 1) for number in range(index - count + 1, index + 1))


def _month_number(day: datetime.date) -> int:
    return day.year * 12 + day.month - 1


def theme_months(notes: Iterable[Note], count: int) -> Months:
    """How many notes of each theme are dated in each of the `count` months up
    to the newest note's month."""
    dated = [note for note in notes if note.date is not None]
    if not dated or count < 1:
        return Months((), {})
    last = max(note.date for note in dated if note.date is not None)
    # Never a month before January of year 1.
    count = min(count, _month_number(last) - _month_number(datetime.date.min) + 1)
    months = recent_months(last, count)
    first = _month_number(last) - count + 1
    counts: dict[str, list[int]] = {}
    for note in dated:
        assert note.date is not None
        slot = _month_number(note.date) - first
        if slot < 0:
            continue
        for theme in note.themes:
            counts.setdefault(theme.slug, [0] * count)[slot] += 1
    return Months(months, {slug: tuple(row) for slug, row in counts.items()})


@dataclass(frozen=True)
class Bar:
    """One month's bar in a chart's own units: the chart is `width` by `height`."""

    x: int
    y: int
    width: int
    height: int
    count: int


# A chart's units: each month a bar and a gap, bars up to HEIGHT tall. A month
# without notes keeps a bar of one unit, so that "none" is drawn, not missing.
BAR = 6
GAP = 2
HEIGHT = 24


def bars(counts: Sequence[int]) -> tuple[Bar, ...]:
    """A bar per month, as tall as its count against the highest month's."""
    top = max(counts, default=0) or 1
    out = []
    for number, count in enumerate(counts):
        tall = max(1, round(HEIGHT * count / top))
        out.append(Bar(number * (BAR + GAP), HEIGHT - tall, BAR, tall, count))
    return tuple(out)


def chart_width(months: int) -> int:
    return max(0, months * (BAR + GAP) - GAP)
