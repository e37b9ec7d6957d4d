"""What the index pages list: notes grouped by week, theme, person; pure functions."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..model import Note, Person

T = TypeVar("T")


@dataclass(frozen=True)
class WeekGroup:
    """One week and every note of it, ordered by person."""

    week: datetime.date
    notes: tuple[Note, ...]


def newest_first(notes: Iterable[Note]) -> list[Note]:
    """Notes by date, newest first; ties by title then path, so builds agree."""
    return sorted(
        notes,
        key=lambda n: (-(n.date or datetime.date.min).toordinal(), n.title.casefold(), n.src_uri),
    )


def listed(notes: Iterable[Note], include_drafts: bool) -> list[Note]:
    """The notes that index pages show: dated ones, drafts only when asked, newest first."""
    return newest_first(
        n
        for n in notes
        if n.date is not None and n.week is not None and (include_drafts or not n.draft)
    )


def by_week(notes: Iterable[Note], people: Mapping[str, Person]) -> list[WeekGroup]:
    """Weeks newest first; within a week, notes in order of their first person's name."""
    weeks: dict[datetime.date, list[Note]] = defaultdict(list)
    for note in notes:
        if note.week is not None:
            weeks[note.week].append(note)

    def person_order(note: Note) -> tuple[str, str, str]:
        first = note.authors[0] if note.authors else ""
        name = people[first].name if first in people else first
        return (name.casefold(), note.title.casefold(), note.src_uri)

    return [
        WeekGroup(week, tuple(sorted(group, key=person_order)))
        for week, group in sorted(weeks.items(), reverse=True)
    ]


def by_year(weeks: Iterable[WeekGroup]) -> dict[int, list[WeekGroup]]:
    """Weeks under the year they commence in, years newest first."""
    years: dict[int, list[WeekGroup]] = defaultdict(list)
    for group in weeks:
        years[group.week.year].append(group)
    return dict(sorted(years.items(), reverse=True))


def by_key(notes: Sequence[Note], keys: Mapping[str, Iterable[str]]) -> dict[str, list[Note]]:
    """Notes under each key (a theme slug or a person id), keeping the notes' order.

    `keys` maps a note's src_uri to its keys; one pass over the notes, so the cost
    grows with notes, never notes times themes.
    """
    grouped: dict[str, list[Note]] = defaultdict(list)
    for note in notes:
        for key in keys.get(note.src_uri, ()):
            grouped[key].append(note)
    return dict(grouped)


def themes_of(notes: Iterable[Note]) -> dict[str, tuple[str, ...]]:
    return {n.src_uri: tuple(t.slug for t in n.themes) for n in notes}


def authors_of(notes: Iterable[Note]) -> dict[str, tuple[str, ...]]:
    return {n.src_uri: n.authors for n in notes}


def neighbours(notes_newest_first: Sequence[Note]) -> dict[str, tuple[Note | None, Note | None]]:
    """For each note of one person: (the previous, the next) note by date."""
    result: dict[str, tuple[Note | None, Note | None]] = {}
    for index, note in enumerate(notes_newest_first):
        newer = notes_newest_first[index - 1] if index > 0 else None
        older = notes_newest_first[index + 1] if index + 1 < len(notes_newest_first) else None
        result[note.src_uri] = (older, newer)
    return result


def paginate(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """Items in pages of `size`; always at least one page, perhaps empty."""
    if size <= 0 or len(items) <= size:
        return [items]
    return [items[start : start + size] for start in range(0, len(items), size)]
