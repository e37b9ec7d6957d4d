"""The views of a build's pages: what templates read of notes, people, themes,
weeks, rollup entries and pictures, and what the parts of a renderer read of it."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol, overload

from babel import Locale
from jinja2 import Environment
from markupsafe import Markup
from mkdocs.structure.files import File

from ..config import WeeknotesConfig
from ..model import Note, Theme
from ..planning.generated import PageSpec
from ..planning.listings import WeekGroup
from ..reading.sections import HtmlSection
from ..words import Words
from . import note_parts

# Views are what templates read. Those made for every listed note are NamedTuples:
# a build makes them by the thousand, and a tuple is quicker to make than a
# frozen dataclass. The others are dataclasses, for fields such as `count`
# that a tuple's own methods would shadow.


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    count: int = 0
    # A theme's notes per month, on the theme's page and the themes page.
    timeline: Timeline | None = None
    # What the link is to, where a page names it in an id: a theme's slug.
    key: str = ""


@dataclass(frozen=True)
class PersonView:
    id: str
    name: str
    url: str
    description: str = ""
    avatar: str = ""
    count: int = 0
    latest: NoteView | None = None
    # Shown in place of an avatar: "PN" for Priya Nair.
    initials: str = ""


class Translation(NamedTuple):
    """A link to a translation of a note: its language's code and own name."""

    lang: str
    name: str
    url: str


class NoteView(NamedTuple):
    title: str
    url: str
    date: str
    date_iso: str
    week: str
    week_iso: str
    people: tuple[PersonView, ...]
    themes: tuple[Link, ...]
    summary: str
    draft: bool
    # The note in its other languages, from the page the view is for.
    translations: tuple[Translation, ...] = ()


class WeekView(NamedTuple):
    label: str
    iso: str
    anchor: str
    notes: NoteList
    url: str = ""  # of the week's own page


class WeekRange(NamedTuple):
    """A week page's dates: its first and last day, as shown and in ISO form."""

    start: str
    start_iso: str
    end: str
    end_iso: str
    anchor: str
    iso: str  # the ISO week, `2026-W47`, also its page's URL


class RollupEntries(NamedTuple):
    """A rollup's entries on a week's page."""

    id: str
    title: str
    url: str
    entries: Entries


class YearView(NamedTuple):
    """The notes of one year on a theme's or a person's page."""

    label: str
    anchor: str
    notes: NoteList


@dataclass(frozen=True)
class Pager:
    number: int
    count: int
    previous: str | None
    next: str | None


class EntryView(NamedTuple):
    """One rollup section on a page that collects them."""

    id: str
    note: NoteView
    url: str  # the section in its note
    heading: str
    html: Markup


# What templates get for the entries of a page: views, or when the package's own
# entry templates are in use, each entry already written (see note_parts.entry).
Entries = tuple[EntryView, ...] | tuple[Markup, ...]


class EntryWeek(NamedTuple):
    label: str
    iso: str
    anchor: str
    entries: Entries


class WeekCell(NamedTuple):
    """One person's week in a picture: `state` is wrote, co-wrote or none; `url`
    the note's, or "" for a week without one; `label` says it in words."""

    state: str
    url: str
    label: str
    iso: str


class WeekHead(NamedTuple):
    """A week of the team's rhythm: its date in short, in full, and in ISO form."""

    short: str
    label: str
    iso: str


class RhythmRow(NamedTuple):
    person: PersonView
    cells: tuple[WeekCell, ...]


@dataclass(frozen=True)
class Rhythm:
    """Who wrote which week: a row per person, a column per week, newest first."""

    weeks: tuple[WeekHead, ...]
    rows: tuple[RhythmRow, ...]


@dataclass(frozen=True)
class PersonWeeks:
    """A person's weeks over the last year, newest first, and how many had a note."""

    cells: tuple[WeekCell, ...]
    caption: str
    written: int


@dataclass(frozen=True)
class MonthBar:
    """A month's bar in a timeline's units; `initial` is the month's first letter."""

    x: int
    y: int
    width: int
    height: int
    count: int
    label: str
    initial: str


@dataclass(frozen=True)
class Timeline:
    """Notes per month, oldest month first, drawn `width` by `height` units."""

    bars: tuple[MonthBar, ...]
    summary: str
    start: str
    end: str
    width: int
    height: int
    compact: bool = False


class Neighbours(NamedTuple):
    person: PersonView
    older: Link | None  # label: the note's title
    newer: Link | None


class NoteList(Sequence[NoteView]):
    """The notes of one list on one page, as templates read them.

    A note is in several lists, and a site has thousands of notes: the views
    are made only when a template reads them. The package's own list of notes
    (note_parts.note_list) writes the notes without them.
    """

    def __init__(self, renderer: Core, notes: Sequence[Note], here: File) -> None:
        self._renderer = renderer
        self._notes = notes
        self._here = here
        self._made: tuple[NoteView, ...] | None = None

    def _views(self) -> tuple[NoteView, ...]:
        if self._made is None:
            self._made = tuple(self._renderer.note(note, self._here) for note in self._notes)
        return self._made

    def __len__(self) -> int:
        return len(self._notes)

    def __iter__(self) -> Iterator[NoteView]:
        return iter(self._views())

    @overload
    def __getitem__(self, index: int) -> NoteView: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[NoteView, ...]: ...

    def __getitem__(self, index: int | slice) -> NoteView | tuple[NoteView, ...]:
        return self._views()[index]

    def written(self) -> str:
        """Every item as the package's `partials/note-list.html` writes it."""
        renderer, here = self._renderer, self._here
        return "".join(note_parts.note_item(renderer, note, here) for note in self._notes)


class Core(note_parts.Renderer, Protocol):
    """What the parts of a renderer (rollup entries, pictures, page listings, a
    note's decorations) read of `render.Renderer`, said here so that their modules
    need not import `render`, which imports them."""

    settings: WeeknotesConfig
    words: Words
    locale: Locale | None
    env: Environment
    direct_parts: dict[str, bool]
    sections: dict[str, tuple[str, list[HtmlSection]]]
    feeds: dict[str, str]
    theme_name: str

    def date(self, day: datetime.date | None) -> str: ...
    def person(self, ident: str, here: File, with_latest: bool = False) -> PersonView: ...
    def theme(self, theme: Theme, here: File) -> Link: ...
    def note(self, note: Note, here: File) -> NoteView: ...
    def translations(self, note: Note, here: File) -> tuple[Translation, ...]: ...
    def notes(self, notes: Sequence[Note], here: File) -> NoteList: ...
    def weeks(self, groups: Iterable[WeekGroup], here: File) -> tuple[WeekView, ...]: ...
    def note_years(self, notes: Sequence[Note], here: File) -> tuple[YearView, ...]: ...
    def years(self, here: File) -> tuple[Link, ...]: ...
    def pager(self, spec: PageSpec, here: File) -> Pager: ...
    def links_from(self, here: File) -> Callable[[str], str]: ...
    def fill_embeds(self, html: str, here: File | None) -> str: ...
