"""The team's week: who has written, who hasn't, who is away. Pure.

The team is the authors file's people, less those who have left (`active: false`,
or an `until` date before the week) and those away for any day of the week. With
no authors file, it is everyone who wrote in the last `RECENT_WEEKS` weeks.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import takewhile

from ..model import Note, Person
from ..weeks import iso_label, last_day
from .listings import WeekGroup

# Without an authors file, who counts as the team: those who wrote in this many
# weeks up to and including the week.
RECENT_WEEKS = 8


@dataclass(frozen=True)
class TeamWeek:
    """One week of the team; people as ids, each list in name order."""

    week: datetime.date
    label: str  # the ISO week, `2026-W47`
    notes: tuple[Note, ...]
    written: tuple[str, ...]
    missing: tuple[str, ...]
    away: tuple[str, ...]

    @property
    def last(self) -> datetime.date:
        return last_day(self.week)


def on_team(person: Person, week: datetime.date) -> bool:
    """Whether someone of the authors file was still on the team in `week`."""
    return person.active and (person.until is None or person.until >= week)


def is_away(person: Person, week: datetime.date) -> bool:
    end = last_day(week)
    return any(first <= end and last >= week for first, last in person.away)


def recent_since(week: datetime.date) -> datetime.date:
    """The first week whose writers count as the team for `week`, with no authors file."""
    days = 7 * (RECENT_WEEKS - 1)
    # Weeks near the first day of the calendar have fewer weeks before them.
    return week - datetime.timedelta(days=min(days, week.toordinal() - 1))


def recent_writers(notes: Iterable[Note], week: datetime.date) -> list[str]:
    """Who wrote in the `RECENT_WEEKS` weeks up to `week`: the team when there is
    no authors file."""
    earliest = recent_since(week)
    return [
        ident
        for note in notes
        if note.week is not None and earliest <= note.week <= week and not note.draft
        for ident in note.authors
    ]


def team_weeks(
    groups: Sequence[WeekGroup], people: Mapping[str, Person], has_authors_file: bool
) -> dict[str, TeamWeek]:
    """Each week of `groups` (newest first, drafts already left out), by its ISO label."""
    result: dict[str, TeamWeek] = {}
    for index, group in enumerate(groups):
        if has_authors_file:
            result[iso_label(group.week)] = team_week(group.week, group.notes, people, None)
        else:
            # Newest first: only the groups up to RECENT_WEEKS back are looked at.
            recent = recent_writers(_notes_since(groups, index), group.week)
            result[iso_label(group.week)] = team_week(group.week, group.notes, people, recent)
    return result


def _notes_since(groups: Sequence[WeekGroup], index: int) -> Iterator[Note]:
    """The notes of `groups[index]` and of the groups before it that count for
    its team. Newest first: the older ones are not looked at."""
    since = recent_since(groups[index].week)
    for group in takewhile(lambda other: other.week >= since, groups[index:]):
        yield from group.notes


def team_week(
    week: datetime.date,
    notes: Sequence[Note],
    people: Mapping[str, Person],
    recent: Sequence[str] | None,
) -> TeamWeek:
    """The week starting on `week`; `recent` is who wrote lately when there is no
    authors file (None when there is one)."""
    written = {ident for note in notes if not note.draft for ident in note.authors}
    if recent is None:
        team = {ident for ident, person in people.items() if on_team(person, week)}
        away = {ident for ident in team - written if is_away(people[ident], week)}
    else:
        team, away = set(recent), set()
    missing = team - written - away

    def ordered(ids: set[str]) -> tuple[str, ...]:
        def name(ident: str) -> tuple[str, str]:
            person = people.get(ident)
            return ((person.name if person else ident).casefold(), ident)

        return tuple(sorted(ids, key=name))

    return TeamWeek(
        week, iso_label(week), tuple(notes), ordered(written), ordered(missing), ordered(away)
    )
