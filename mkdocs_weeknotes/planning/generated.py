"""The pages the plugin adds: which ones, at which paths, listing what. Pure."""

from __future__ import annotations

import datetime
import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..config import WeeknotesConfig
from ..model import Note, Person, Theme
from ..reading.collection import Weeknotes
from ..reading.embeds import Embed
from ..reading.sections import Rollup
from ..weeks import iso_label
from .listings import (
    WeekGroup,
    authors_of,
    by_key,
    by_week,
    by_year,
    listed,
    neighbours,
    paginate,
    themes_of,
)
from .team import TeamWeek, team_weeks

# Folder names under notes_dir; part of the URL contract in the spec.
THEMES = "themes"
PEOPLE = "people"
WEEKS = "weeks"


@dataclass(frozen=True)
class PageSpec:
    """One generated page: where it goes and what it lists."""

    src_uri: str
    # "latest", "year", "themes", "theme", "people", "person", "rollup", "rollup-year",
    # "week" (keyed by its ISO week, `2026-W47`)
    kind: str
    title: str
    # The year, theme slug, person id, rollup key, or rollup key and year ("learning/2019").
    key: str = ""
    # A rollup's pages carry its key whole, as it may hold a '/' itself.
    rollup: str = ""
    year: str = ""  # of a year's page, or a rollup's year page
    number: int = 1  # for a listing split into pages: this page's number
    count: int = 1  # and how many pages the listing has
    notes: tuple[Note, ...] = ()
    weeks: tuple[WeekGroup, ...] = ()
    # The section indexes appear in the navigation; every other generated page doesn't.
    in_nav: bool = False


@dataclass(frozen=True)
class Plan:
    """Everything the index pages show, computed once per build."""

    pages: tuple[PageSpec, ...]
    notes: tuple[Note, ...]
    people: Mapping[str, Person]
    themes: Mapping[str, Theme]
    by_theme: Mapping[str, Sequence[Note]]
    by_person: Mapping[str, Sequence[Note]]
    years: Mapping[int, Sequence[WeekGroup]]
    # For each note and each of its people: (older, newer) note by that person.
    neighbours: Mapping[str, Mapping[str, tuple[Note | None, Note | None]]]
    index: Mapping[tuple[str, str], str] = field(default_factory=dict)
    rollups: tuple[Rollup, ...] = ()
    # For each rollup, its years newest first, each with its number of notes.
    rollup_years: Mapping[str, Mapping[int, int]] = field(default_factory=dict)
    # Each note that has translations: every note of its group, the listed one first.
    translations: Mapping[str, Sequence[Note]] = field(default_factory=dict)
    # Each week with notes, by its ISO week: who wrote, who didn't, who was away.
    team: Mapping[str, TeamWeek] = field(default_factory=dict)
    # The ISO weeks with notes, newest first, for each week page's previous and next.
    week_labels: tuple[str, ...] = ()
    # For each person, the notes that mention them, newest first.
    mentioned: Mapping[str, Sequence[Note]] = field(default_factory=dict)

    def uri(self, kind: str, key: str = "") -> str | None:
        """The src_uri of the first page of a kind (and key), if it is generated."""
        return self.index.get((kind, key))

    def rollup(self, key: str) -> Rollup | None:
        """The rollup of that key (`LEARNING` for the learning log), if it is on."""
        return next((r for r in self.rollups if r.key == key), None)

    def weeks_around(self, label: str) -> tuple[str | None, str | None, str | None]:
        """The ISO weeks with notes just before and just after the week `label`,
        and the same ISO week a year before it if that has notes."""
        labels, place = self.week_labels, self._week_places.get(label, -1)
        older = labels[place + 1] if 0 <= place < len(labels) - 1 else None
        newer = labels[place - 1] if place > 0 else None
        year, _, number = label.partition("-W")
        ago = f"{int(year) - 1:04d}-W{number}"
        return older, newer, ago if ago in self._week_places else None

    @cached_property
    def _week_places(self) -> dict[str, int]:
        """Where each ISO week is among the weeks with notes, newest first."""
        return {label: place for place, label in enumerate(self.week_labels)}


def rollup_year_key(rollup: str, year: int | str) -> str:
    """The key of a rollup's year page; unique even when the rollup's key holds '/',
    as the year, after the last '/', never does."""
    return f"{rollup}/{year}"


def join(notes_dir: str, *parts: str) -> str:
    return posixpath.join(notes_dir, *parts) if notes_dir else posixpath.join(*parts)


def notes_of(embed: Embed, plan: Plan, learning: str) -> list[Note]:
    """The notes an embed lists, newest first: for `learning`, those that have a
    section of the rollup `learning`."""
    if embed.person:
        notes: Sequence[Note] = plan.by_person.get(embed.person, ())
    elif embed.theme:
        notes = plan.by_theme.get(embed.theme, ())
    else:
        notes = plan.notes
    if embed.person and embed.theme:
        notes = [n for n in notes if any(t.slug == embed.theme for t in n.themes)]
    if embed.listing == "learning":
        notes = [n for n in notes if any(ref.rollup == learning for ref in n.sections)]
    return list(notes[: embed.limit])


def week_of_embed(embed: Embed, plan: Plan) -> list[WeekGroup]:
    """The latest week among the notes an embed lists, as the latest page groups it."""
    notes = notes_of(Embed("latest", embed.theme, embed.person, len(plan.notes) or 1), plan, "")
    if not notes:
        return []
    week = notes[0].week  # newest first: the first note is of the latest week
    return by_week([n for n in notes if n.week == week], plan.people)[:1]


def plan_pages(weeknotes: Weeknotes, settings: WeeknotesConfig, include_drafts: bool) -> Plan:
    """Every generated page of one build, with its listing."""
    # A translation is listed once, as its group's first note (see find_translations).
    notes = listed((n for n in weeknotes.notes if n.src_uri not in weeknotes.twins), include_drafts)
    weeks = by_week(notes, weeknotes.people)
    years = by_year(weeks)
    by_theme = by_key(notes, themes_of(notes))
    by_person = by_key(notes, authors_of(notes))
    themes = {slug: weeknotes.themes[slug] for slug in sorted(by_theme)}
    nd = settings.notes_dir
    size = settings.page_size
    words = settings.catalogue

    pages: list[PageSpec] = [
        PageSpec(
            join(nd, "index.md"),
            "latest",
            words.latest_title,
            weeks=tuple(weeks[: settings.latest_weeks]),
            in_nav=True,
        )
    ]
    for year, groups in years.items():
        pages.append(
            PageSpec(
                # Four digits: a folder of other digits holds notes (see selection).
                join(nd, f"{year:04d}", "index.md"),
                "year",
                words.format("year_title", year=year),
                key=str(year),
                year=str(year),
                weeks=tuple(groups),
            )
        )
    pages.append(PageSpec(join(nd, THEMES, "index.md"), "themes", words.themes_title, in_nav=True))
    for slug, theme in themes.items():
        pages.extend(
            _paged(join(nd, THEMES, slug), "theme", theme.label, slug, by_theme[slug], size)
        )
    pages.append(PageSpec(join(nd, PEOPLE, "index.md"), "people", words.people_title, in_nav=True))
    for ident, person in sorted(weeknotes.people.items(), key=lambda item: item[1].slug):
        pages.extend(
            _paged(
                join(nd, PEOPLE, person.slug),
                "person",
                person.name,
                ident,
                by_person.get(ident, []),
                size,
            )
        )

    rollup_years: dict[str, dict[int, int]] = {}
    for rollup in settings.rollup_list:
        having = [n for n in notes if any(ref.rollup == rollup.key for ref in n.sections)]
        groups_by_year = by_year(by_week(having, weeknotes.people))
        rollup_years[rollup.key] = {
            year: sum(len(g.notes) for g in groups) for year, groups in groups_by_year.items()
        }
        latest = [g for groups in groups_by_year.values() for g in groups][: settings.latest_weeks]
        folder = join(nd, rollup.path)
        pages.append(
            PageSpec(
                join(folder, "index.md"),
                "rollup",
                rollup.title,
                key=rollup.key,
                rollup=rollup.key,
                weeks=tuple(latest),
                in_nav=True,
            )
        )
        for year, groups in groups_by_year.items():
            pages.append(
                PageSpec(
                    join(folder, str(year), "index.md"),
                    "rollup-year",
                    words.format("rollup_year_title", title=rollup.title, year=year),
                    key=rollup_year_key(rollup.key, year),
                    rollup=rollup.key,
                    year=str(year),
                    weeks=tuple(groups),
                )
            )

    team = team_weeks(weeks, weeknotes.people, weeknotes.has_authors_file)
    pages.extend(_week_pages(weeks, nd, words.format, settings.shown_date))

    around: dict[str, dict[str, tuple[Note | None, Note | None]]] = {}
    for ident, own in by_person.items():
        for src_uri, pair in neighbours(own).items():
            around.setdefault(src_uri, {})[ident] = pair
    index = {(spec.kind, spec.key): spec.src_uri for spec in pages if spec.number == 1}
    return Plan(
        pages=tuple(pages),
        notes=tuple(notes),
        people=weeknotes.people,
        themes=themes,
        by_theme=by_theme,
        by_person=by_person,
        years=years,
        neighbours=around,
        index=index,
        rollups=settings.rollup_list,
        rollup_years=rollup_years,
        translations=_translations(weeknotes),
        team=team,
        week_labels=tuple(team),
        mentioned=_mentioned(notes),
    )


def _week_pages(
    weeks: Sequence[WeekGroup],
    notes_dir: str,
    word: Callable[..., str],
    shown: Callable[[datetime.date], str],
) -> list[PageSpec]:
    """A page for each week with notes, at weeks/<ISO week>/, titled by its first
    day as every other page names a week; the ISO week is its URL."""
    pages = []
    for group in weeks:
        label = iso_label(group.week)
        pages.append(
            PageSpec(
                join(notes_dir, WEEKS, label, "index.md"),
                "week",
                word("week_title", week=shown(group.week)),
                key=label,
                year=str(group.week.year),
                weeks=(group,),
            )
        )
    return pages


def _paged(
    folder: str, kind: str, title: str, key: str, notes: Sequence[Note], size: int
) -> list[PageSpec]:
    chunks = paginate(notes, size)
    return [
        PageSpec(
            join(folder, "index.md")
            if number == 1
            else join(folder, "page", str(number), "index.md"),
            kind,
            title,
            key=key,
            number=number,
            count=len(chunks),
            notes=tuple(chunk),
        )
        for number, chunk in enumerate(chunks, 1)
    ]


def _mentioned(notes: Sequence[Note]) -> dict[str, list[Note]]:
    mentioned: dict[str, list[Note]] = {}
    for note in notes:
        for ident in note.mentions:
            mentioned.setdefault(ident, []).append(note)
    return mentioned


def _translations(weeknotes: Weeknotes) -> dict[str, tuple[Note, ...]]:
    if not weeknotes.translations:
        return {}
    by_uri = {note.src_uri: note for note in weeknotes.notes}
    return {
        uri: tuple(by_uri[other] for other in group)
        for uri, group in weeknotes.translations.items()
    }
