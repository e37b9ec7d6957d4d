"""The pictures' data: each person's weeks and each theme's months, from the notes."""

from __future__ import annotations

import datetime

from mkdocs_weeknotes.model import Note
from mkdocs_weeknotes.planning.generated import plan_pages
from mkdocs_weeknotes.reading.collection import Source, collect
from mkdocs_weeknotes.rendering.pictures import (
    CO_WROTE,
    HEIGHT,
    NO_NOTE,
    WROTE,
    bars,
    person_weeks,
    recent_months,
    theme_months,
)
from tests.conftest import settings, team

D = datetime.date


def listed(notes: dict[str, str]) -> tuple[Note, ...]:
    """The notes as a build lists them: newest first."""
    options = settings()
    sources = [
        Source(uri, f"docs/{uri}", f"---\n{fm}\n---\nBody.\n".encode()) for uri, fm in notes.items()
    ]
    return plan_pages(collect(sources, options, team()), options, include_drafts=False).notes


NOTES = {
    # Weeks commence on Mondays: 1, 8, 15 July 2019.
    "weeknotes/2019/rob-15.md": "date: 2019-07-19\nauthors: [rob]\nthemes: [data]",
    "weeknotes/2019/both-15.md": "date: 2019-07-18\nauthors: [rob, liz]\nthemes: [data, ops]",
    "weeknotes/2019/liz-08.md": "date: 2019-07-10\nauthors: [liz]\nthemes: [ops]",
    "weeknotes/2019/both-01.md": "date: 2019-07-02\nauthors: [liz, rob]",
    # A year and more before the newest week: outside every window.
    "weeknotes/2018/rob-old.md": "date: 2018-06-05\nauthors: [rob]\nthemes: [data]",
}


def test_weeks_count_back_from_the_newest_note_not_from_today() -> None:
    weeks = person_weeks(listed(NOTES), 3)
    assert weeks.weeks == (D(2019, 7, 15), D(2019, 7, 8), D(2019, 7, 1))


def test_a_cell_is_wrote_co_wrote_or_none_and_links_to_the_right_note() -> None:
    weeks = person_weeks(listed(NOTES), 4)
    rob = weeks.row("rob", 4)
    liz = weeks.row("liz", 4)
    # Rob wrote alone and jointly in the week of 15 July: his own note wins the cell.
    assert [(c.state, c.note.src_uri if c.note else None) for c in rob] == [
        (WROTE, "weeknotes/2019/rob-15.md"),
        (NO_NOTE, None),
        (CO_WROTE, "weeknotes/2019/both-01.md"),
        (NO_NOTE, None),
    ]
    assert [(c.state, c.note.src_uri if c.note else None) for c in liz] == [
        (CO_WROTE, "weeknotes/2019/both-15.md"),
        (WROTE, "weeknotes/2019/liz-08.md"),
        (CO_WROTE, "weeknotes/2019/both-01.md"),
        (NO_NOTE, None),
    ]
    assert [c.week for c in rob] == list(weeks.weeks)


def test_someone_who_wrote_nothing_in_the_window_has_no_cells() -> None:
    weeks = person_weeks(listed(NOTES), 52)
    assert set(weeks.cells) == {"rob", "liz"}
    assert D(2018, 6, 4) not in weeks.cells["rob"]  # 58 weeks back
    assert [c.state for c in weeks.row("amir", 3)] == [NO_NOTE] * 3
    assert person_weeks(listed(NOTES), 60).cells["rob"][D(2018, 6, 4)].state == WROTE


def test_no_notes_make_no_weeks_and_no_months() -> None:
    assert person_weeks((), 12).weeks == ()
    assert theme_months((), 12).months == ()


def test_months_are_counted_back_from_the_newest_note_across_a_new_year() -> None:
    assert recent_months(D(2019, 2, 10), 4) == ((2018, 11), (2018, 12), (2019, 1), (2019, 2))
    months = theme_months(listed(NOTES), 12)
    assert months.months[0] == (2018, 8) and months.months[-1] == (2019, 7)
    assert months.of("data")[-1] == 2 and sum(months.of("data")) == 2  # June 2018 is out
    assert months.of("ops")[-1] == 2
    assert months.of("nothing") == (0,) * 12
    assert theme_months(listed(NOTES), 14).of("data")[0] == 1  # June 2018 is in


def test_bars_scale_to_the_busiest_month_and_an_empty_month_keeps_a_stub() -> None:
    drawn = bars((0, 2, 4))
    assert [b.height for b in drawn] == [1, HEIGHT // 2, HEIGHT]
    assert [b.y + b.height for b in drawn] == [HEIGHT] * 3  # all stand on the baseline
    assert [b.x for b in drawn] == [0, 8, 16]
    assert [b.height for b in bars((0, 0))] == [1, 1]


def test_pictures_of_notes_in_year_one_stop_at_the_calendars_first_day() -> None:
    # 1 January of year 1 is a Monday: its week is the first there is.
    first = listed({"weeknotes/early.md": "date: 0001-01-08\nauthors: [rob]\nthemes: [data]"})
    weeks = person_weeks(first, 52)
    assert weeks.weeks == (D(1, 1, 8), D(1, 1, 1))
    assert [c.state for c in weeks.row("rob", 52)] == [WROTE, NO_NOTE]
    months = theme_months(first, 12)
    assert months.months == ((1, 1),) and months.of("data") == (1,)
