"""The pictures' views: the team's rhythm, a person's weeks and a theme's
timeline, as templates read them, from the counts that `pictures` makes."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Sequence

from babel.dates import format_date, format_skeleton
from mkdocs.structure.files import File

from .pictures import (
    CO_WROTE,
    HEIGHT,
    NO_NOTE,
    WROTE,
    YEAR_WEEKS,
    Cell,
    Months,
    Weeks,
    bars,
    chart_width,
    person_weeks,
    theme_months,
)
from .views import Core, MonthBar, PersonWeeks, Rhythm, RhythmRow, Timeline, WeekCell, WeekHead

# The words that say what a cell of a picture shows.
_CELL_WORDS = {WROTE: "wrote_in_week", CO_WROTE: "co_wrote_in_week", NO_NOTE: "no_note_in_week"}


class PictureViews:
    """The pictures of a build's pages, each counted once a build."""

    def __init__(self, renderer: Core) -> None:
        self._renderer = renderer
        self._plan = renderer.plan
        self._pictures = renderer.settings.pictures
        self._words = renderer.words
        self._locale = renderer.locale
        self._month_names: dict[tuple[int, int], tuple[str, str]] = {}

    @functools.cached_property
    def _weeks(self) -> Weeks:
        """Everyone's weeks over the last year (or the rhythm's weeks, if more): once
        a build, in one pass over the notes."""
        return person_weeks(self._plan.notes, max(YEAR_WEEKS, self._pictures.rhythm_weeks))

    @functools.cached_property
    def _months(self) -> Months:
        return theme_months(self._plan.notes, self._pictures.timeline_months)

    def _name(self, ident: str) -> str:
        person = self._plan.people.get(ident)
        return person.name if person else ident

    def rhythm(self, here: File) -> Rhythm | None:
        """Who wrote which week: everyone who wrote in the last year, by name."""
        # The switch first: the weeks are counted only for a picture that is shown.
        if not self._pictures.rhythm or not self._weeks.cells:
            return None
        weeks = self._weeks
        count = self._pictures.rhythm_weeks
        people = sorted(weeks.cells, key=lambda ident: (self._name(ident).casefold(), ident))
        heads = tuple(
            WeekHead(self._short(week), self._renderer.date(week), week.isoformat())
            for week in weeks.weeks[:count]
        )
        rows = tuple(
            RhythmRow(
                self._renderer.person(ident, here),
                self._cells(ident, weeks.row(ident, count), here),
            )
            for ident in people
        )
        return Rhythm(heads, rows)

    def person_weeks(self, ident: str, here: File) -> PersonWeeks | None:
        """A person's weeks over the last year, if they have written at all."""
        if not self._pictures.person_weeks or not self._plan.by_person.get(ident):
            return None
        weeks = self._weeks
        cells = weeks.row(ident, YEAR_WEEKS)
        written = sum(1 for cell in cells if cell.note is not None)
        caption = self._words.format(
            "person_weeks_caption",
            count=written,
            weeks=len(cells),
            week=self._renderer.date(weeks.weeks[0]),
        )
        return PersonWeeks(self._cells(ident, cells, here), caption, written)

    def _cells(self, ident: str, cells: Sequence[Cell], here: File) -> tuple[WeekCell, ...]:
        name = self._name(ident)
        words, url, date = self._words, self._renderer.url, self._renderer.date
        return tuple(
            WeekCell(
                cell.state,
                url(cell.note.src_uri, here) if cell.note is not None else "",
                words.format(_CELL_WORDS[cell.state], person=name, week=date(cell.week)),
                cell.week.isoformat(),
            )
            for cell in cells
        )

    def timeline(self, theme: str, compact: bool = False) -> Timeline | None:
        """A theme's notes per month over the recent months."""
        if not self._pictures.theme_timeline or not self._months.months:
            return None
        months = self._months
        words = self._words
        named = [self._month(year, month) for year, month in months.months]
        drawn = tuple(
            MonthBar(
                bar.x,
                bar.y,
                bar.width,
                bar.height,
                bar.count,
                words.format("month_notes", month=name, notes=words.count("notes", bar.count)),
                initial,
            )
            for bar, (name, initial) in zip(bars(months.of(theme)), named, strict=True)
        )
        counts = "; ".join(bar.label for bar in drawn if bar.count) or words.count("notes", 0)
        start, end = named[0][0], named[-1][0]
        summary = words.format(
            "timeline_summary", title=words.timeline_caption, start=start, end=end, counts=counts
        )
        return Timeline(drawn, summary, start, end, chart_width(len(drawn)), HEIGHT, compact)

    def _short(self, week: datetime.date) -> str:
        """A week's date in short, such as `7 Sept`, for the rhythm's columns."""
        return str(format_skeleton("MMMd", week, locale=self._locale))

    def _month(self, year: int, month: int) -> tuple[str, str]:
        """A month's name with its year, and its first letter, in the site's language."""
        both = self._month_names.get((year, month))
        if both is None:
            day = datetime.date(year, month, 1)
            both = self._month_names[(year, month)] = (
                str(format_skeleton("yMMMM", day, locale=self._locale)),
                str(format_date(day, "LLLLL", locale=self._locale)),
            )
        return both
