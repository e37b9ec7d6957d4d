"""Index pages and note decorations as HTML, from templates a site can override.

Templates are looked up in the theme's folders first (so `custom_dir` wins), then
in the package. Our environment autoescapes: every value from front matter is
escaped unless a template says otherwise.
"""

from __future__ import annotations

import datetime
import functools
import os
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, NamedTuple, cast, overload
from urllib.parse import urlsplit

from babel.dates import format_date, format_skeleton
from jinja2 import (
    ChoiceLoader,
    DictLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    select_autoescape,
)
from markupsafe import Markup, escape
from mkdocs.structure.files import File, Files

from . import note_parts
from .config import LEARNING, WeeknotesConfig, parse_locale
from .embeds import Embed, notes_of, week_of_embed
from .generated import PageSpec, Plan, rollup_year_key
from .listings import WeekGroup
from .model import Note, Person, Theme
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
from .problems import Problem
from .rebase import FolderLinks, move, relative, split_dir, via_folder
from .sections import HtmlSection, Rollup
from .slugs import slugify
from .templatecache import TEMPLATES
from .weeks import iso_label, last_day, week_anchor, year_anchor
from .words import ENGLISH, language_name

# What markupsafe's escape changes.
_TO_ESCAPE = re.compile("[&<>\"']")

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


# The words that say what a cell of a picture shows.
_CELL_WORDS = {WROTE: "wrote_in_week", CO_WROTE: "co_wrote_in_week", NO_NOTE: "no_note_in_week"}


class Neighbours(NamedTuple):
    person: PersonView
    older: Link | None  # label: the note's title
    newer: Link | None


class Renderer:
    """Makes the HTML of one build's generated pages and note decorations."""

    def __init__(
        self,
        plan: Plan,
        files: Files,
        settings: WeeknotesConfig,
        theme_dirs: Sequence[str],
        theme_name: str | None,
        language: str,
    ) -> None:
        self.plan = plan
        self.files = files
        # Sections cut from each note's HTML, by src_uri: filled while pages render,
        # read when the pages that collect them are filled in.
        self.sections: dict[str, tuple[str, list[HtmlSection]]] = {}
        # The feed of a page, by the page's src_uri: a site path such as a/feed.xml.
        self.feeds: dict[str, str] = {}
        self._site_urls: dict[str, str] = {}
        self._here: File | None = None
        self._here_dir: list[str] = []
        self._links: dict[str, str] = {}
        self._folders: dict[str, str] = {}
        self._folder_links = FolderLinks()
        self._generated = frozenset(spec.src_uri for spec in plan.pages)
        # Each page of a long listing, to link it to the pages before and after it.
        self._numbered = {(p.kind, p.key, p.number): p.src_uri for p in plan.pages}
        self._people: dict[str, PersonView] = {}
        self._themes: dict[str, Link] = {}
        # Each date as shown and in ISO form: Babel is slow, and a site has few dates.
        self._days: dict[datetime.date | None, tuple[str, str]] = {None: ("", "")}
        self._month_names: dict[tuple[int, int], tuple[str, str]] = {}
        self.settings = settings
        self.theme_name = theme_name or ""

        # Our most repeated templates are written directly (see note_parts) unless
        # the site overrides them.
        def kept(*names: str) -> bool:
            return not any(
                os.path.isfile(os.path.join(folder, "weeknotes", *f"{name}.html".split("/")))
                for folder in theme_dirs
                for name in names
            )

        self.direct_parts = {
            "note-header": kept("note-header"),
            "note-footer": kept("note-footer"),
            "partials/note-list": kept("partials/note-list"),
            # Entries are written whole, so every template that reads their views
            # must be the package's.
            "partials/entry": kept(
                "partials/entry", "partials/entry-list", "partials/entries", "rollup"
            ),
            # A week's page is written whole, its entries with it: so its template
            # and the ones it includes must be the package's.
            "week": kept("week", "partials/entry-list", "partials/entry"),
        }
        # A partial written directly takes the template's place, so that the pages
        # that include it stay as they are.
        direct: dict[str, str] = {}
        if self.direct_parts["partials/note-list"]:
            direct["weeknotes/partials/note-list.html"] = "{{ direct_note_list(notes) }}"
        if self.direct_parts["partials/entry"]:
            direct["weeknotes/partials/entry-list.html"] = "{{ entries|join }}"
        locale = parse_locale(settings.locale or language) or parse_locale("en")
        self.locale = locale
        settings.use_language(language)
        self.words = settings.catalogue
        # The words as the direct writers put them in HTML, escaped once.
        self.html = {key: self.text(self.words[key]) for key in ENGLISH}
        self.env = Environment(
            loader=ChoiceLoader(
                [
                    DictLoader(direct),
                    FileSystemLoader(list(theme_dirs)),
                    PackageLoader("mkdocs_weeknotes", "templates"),
                ]
            ),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            # One environment per build: no template changes while it lives, so
            # skip the file-time check that Jinja makes on every lookup.
            auto_reload=False,
            bytecode_cache=TEMPLATES,
        )
        self.env.globals["direct_note_list"] = note_parts.note_list
        self.env.globals["words"] = self.words

    # --- URLs ------------------------------------------------------------------------

    def url(self, src_uri: str | None, here: File) -> str:
        """A link from the page `here` to the page made from `src_uri`."""
        if src_uri is None:
            return ""
        target = self._site_urls.get(src_uri)
        if target is None:
            # Our URIs are clean already: get_file_from_path would make a PurePath.
            file = self.files.src_uris.get(src_uri)
            if file is None:
                return ""
            target = self._site_urls[src_uri] = file.url
        return self._relative(target, here, src_uri in self._generated)

    def _page(self, here: File) -> None:
        """Start the per-page caches afresh when the page changes."""
        if self._here is not here:
            self._here, self._links, self._people, self._themes = here, {}, {}, {}
            self._folders = {}
            self._here_dir = split_dir(here.url)

    def _relative(self, target: str, here: File, shared: bool = False) -> str:
        """A link from `here`, cached for the page; `shared` links (to generated
        pages, which every note links to) are also cached for the page's folder,
        and links to notes share the link to their year's folder."""
        self._page(here)
        link = self._links.get(target)
        if link is None:
            if shared:
                link = self._folder_links.link(target, self._here_dir)
            else:
                link = via_folder(target, self._here_dir, self._folders)
            self._links[target] = link
        return link

    def shared_link(self, target: str, here: File) -> str:
        """A link from the page `here` to the site path `target`, made once for
        all the pages of a folder: for what every page links to, such as a feed."""
        return self._relative(target, here, shared=True)

    @staticmethod
    def text(value: str) -> str:
        """`value` escaped for HTML text or a quoted attribute, as Jinja escapes it."""
        # Most names, titles and links need nothing: a search is far cheaper than
        # making a Markup. Nothing is kept, so memory does not grow with the site.
        return value if _TO_ESCAPE.search(value) is None else str(escape(value))

    def asset(self, url: str, here: File) -> str:
        """An avatar or image: absolute URLs as they are, others relative to docs_dir."""
        if not url or urlsplit(url).scheme or url.startswith(("/", "//", "data:")):
            return url
        return relative(posixpath.normpath(url), here.url)

    # --- view models -----------------------------------------------------------------

    def date(self, day: datetime.date | None) -> str:
        return self.day(day)[0]

    def day(self, day: datetime.date | None) -> tuple[str, str]:
        """A date as shown and in ISO form; many notes share each date."""
        both = self._days.get(day)
        if both is None:
            assert day is not None
            shown = format_date(day, self.settings.date_format, locale=self.locale)
            both = self._days[day] = (shown, day.isoformat())
        return both

    def person(self, ident: str, here: File, with_latest: bool = False) -> PersonView:
        if not with_latest:
            self._page(here)
            view = self._people.get(ident)
            if view is None:
                view = self._people[ident] = self._person(ident, here, False)
            return view
        return self._person(ident, here, True)

    def _person(self, ident: str, here: File, with_latest: bool) -> PersonView:
        person = self.plan.people.get(ident) or Person(ident, ident, ident)
        own = self.plan.by_person.get(ident, ())
        return PersonView(
            id=person.id,
            name=person.name,
            url=self.url(self.plan.uri("person", ident), here),
            description=person.description,
            avatar=self.asset(person.avatar, here),
            count=len(own),
            latest=self.note(own[0], here) if with_latest and own else None,
            initials=initials(person.name),
        )

    def theme(self, theme: Theme, here: File) -> Link:
        self._page(here)
        link = self._themes.get(theme.slug)
        if link is None:
            link = self._themes[theme.slug] = self._theme(theme, here)
        return link

    def _theme(self, theme: Theme, here: File) -> Link:
        return Link(
            theme.label,
            self.url(self.plan.uri("theme", theme.slug), here),
            len(self.plan.by_theme.get(theme.slug, ())),
            key=theme.slug,
        )

    def note(self, note: Note, here: File) -> NoteView:
        return NoteView(
            note.title,
            self.url(note.src_uri, here),
            *self.day(note.date),
            *self.day(note.week),
            tuple(self.person(ident, here) for ident in note.authors),
            tuple(self.theme(theme, here) for theme in note.themes),
            note.summary or "",
            note.draft,
            self.translations(note, here),
        )

    def translations(self, note: Note, here: File) -> tuple[Translation, ...]:
        """Links to the note's translations that are in the build, from `here`."""
        group = self.plan.translations.get(note.src_uri)
        if not group:
            return ()
        links = []
        for other in group:
            if other.src_uri == note.src_uri:
                continue
            url = self.url(other.src_uri, here)
            if url:
                lang = other.lang or (self.locale.language if self.locale else "en")
                links.append(Translation(lang, language_name(lang), url))
        return tuple(links)

    def notes(self, notes: Sequence[Note], here: File) -> NoteList:
        return NoteList(self, notes, here)

    def weeks(self, groups: Iterable[WeekGroup], here: File) -> tuple[WeekView, ...]:
        return tuple(
            WeekView(
                label=self.date(group.week),
                iso=group.week.isoformat(),
                anchor=week_anchor(group.week),
                notes=self.notes(group.notes, here),
                url=self.url(self.plan.uri("week", iso_label(group.week)), here),
            )
            for group in groups
        )

    def note_years(self, notes: Sequence[Note], here: File) -> tuple[YearView, ...]:
        """Notes, newest first, under the year of their date: headings to navigate by."""
        years: dict[int, list[Note]] = {}
        for note in notes:
            years.setdefault(note.date.year if note.date else 0, []).append(note)
        return tuple(
            YearView(str(year), year_anchor(year), self.notes(group, here))
            for year, group in years.items()
        )

    def has_entries(self, notes: Iterable[Note], rollup: str) -> bool:
        """Whether any of `notes` has a section of `rollup` (once notes are rendered)."""
        return any(
            section.rollup == rollup
            for note in notes
            for section in self.sections.get(note.src_uri, ("", []))[1]
        )

    def years(self, here: File) -> tuple[Link, ...]:
        return tuple(
            Link(
                str(year),
                self.url(self.plan.uri("year", str(year)), here),
                sum(len(group.notes) for group in groups),
            )
            for year, groups in self.plan.years.items()
        )

    def pager(self, spec: PageSpec, here: File) -> Pager:
        def page_uri(number: int) -> str | None:
            uri = self._numbered.get((spec.kind, spec.key, number))
            return self.url(uri, here) if uri else None

        return Pager(spec.number, spec.count, page_uri(spec.number - 1), page_uri(spec.number + 1))

    # --- rollup entries ---------------------------------------------------------------

    def entries(self, notes: Iterable[Note], rollup: str, here: File) -> Entries:
        """Every section of `rollup` in `notes`, moved onto the page `here`."""
        if self.direct_parts["partials/entry"]:
            return tuple(
                Markup(note_parts.entry(self, note, html, ident, url, here))
                for note, _, ident, url, html in self._sections_on(notes, rollup, here)
            )
        return tuple(
            EntryView(ident, self.note(note, here), url, section.heading, Markup(html))
            for note, section, ident, url, html in self._sections_on(notes, rollup, here)
        )

    def _sections_on(
        self, notes: Iterable[Note], rollup: str, here: File
    ) -> Iterator[tuple[Note, HtmlSection, str, str, str]]:
        """Each section of `rollup` in `notes`: its note, the section, its id on the
        page `here`, the link to it in its note, and its HTML moved onto `here`."""
        link = self.links_from(here)
        for note in notes:
            page_url, sections = self.sections.get(note.src_uri, ("", []))
            own = [section for section in sections if section.rollup == rollup]
            if not own:
                continue
            note_url = self.url(note.src_uri, here)
            for number, section in enumerate(own, 1):
                ident = _entry_id(rollup, note, number)
                url = note_url + (f"#{section.anchor}" if section.anchor else "")
                html = move(_with_footnotes(section), page_url, f"{ident}-", link)
                yield note, section, ident, url, html

    def links_from(self, here: File) -> Callable[[str], str]:
        """Links from the page `here` to site paths, cached for the page."""
        return lambda path: self._relative(path, here)

    def entry_weeks(
        self, groups: Iterable[WeekGroup], rollup: str, here: File
    ) -> tuple[EntryWeek, ...]:
        weeks = []
        for group in groups:
            entries = self.entries(group.notes, rollup, here)
            if entries:
                weeks.append(
                    EntryWeek(
                        self.date(group.week),
                        group.week.isoformat(),
                        week_anchor(group.week),
                        entries,
                    )
                )
        return tuple(weeks)

    def rollup_years(self, rollup: str, here: File) -> tuple[Link, ...]:
        return tuple(
            Link(
                str(year),
                self.url(self.plan.uri("rollup-year", rollup_year_key(rollup, year)), here),
                count,
            )
            for year, count in self.plan.rollup_years.get(rollup, {}).items()
        )

    def entries_block(self, notes: Iterable[Note], here: File) -> str:
        """The learning-log entries of some notes, for a person's or a theme's page."""
        log = self.plan.rollup(LEARNING)
        if log is None:
            return ""
        context = {
            "rollup_title": log.title,
            "rollup_url": self.url(self.plan.uri("rollup", log.key), here),
            "entries": self.entries(notes, log.key, here),
        }
        return self.env.get_template("weeknotes/partials/entries.html").render(context)

    # --- pictures ----------------------------------------------------------------------

    @functools.cached_property
    def _weeks(self) -> Weeks:
        """Everyone's weeks over the last year (or the rhythm's weeks, if more): once
        a build, in one pass over the notes."""
        return person_weeks(self.plan.notes, max(YEAR_WEEKS, self.settings.pictures.rhythm_weeks))

    @functools.cached_property
    def _months(self) -> Months:
        return theme_months(self.plan.notes, self.settings.pictures.timeline_months)

    def _name(self, ident: str) -> str:
        person = self.plan.people.get(ident)
        return person.name if person else ident

    def rhythm(self, here: File) -> Rhythm | None:
        """Who wrote which week: everyone who wrote in the last year, by name."""
        pictures = self.settings.pictures
        weeks = self._weeks
        if not pictures.rhythm or not weeks.cells:
            return None
        count = pictures.rhythm_weeks
        people = sorted(weeks.cells, key=lambda ident: (self._name(ident).casefold(), ident))
        heads = tuple(
            WeekHead(self._short(week), self.date(week), week.isoformat())
            for week in weeks.weeks[:count]
        )
        rows = tuple(
            RhythmRow(self.person(ident, here), self._cells(ident, weeks.row(ident, count), here))
            for ident in people
        )
        return Rhythm(heads, rows)

    def person_weeks(self, ident: str, here: File) -> PersonWeeks | None:
        """A person's weeks over the last year, if they have written at all."""
        weeks = self._weeks
        if not self.settings.pictures.person_weeks or not self.plan.by_person.get(ident):
            return None
        cells = weeks.row(ident, YEAR_WEEKS)
        written = sum(1 for cell in cells if cell.note is not None)
        caption = self.words.format(
            "person_weeks_caption", count=written, weeks=len(cells), week=self.date(weeks.weeks[0])
        )
        return PersonWeeks(self._cells(ident, cells, here), caption, written)

    def _cells(self, ident: str, cells: Sequence[Cell], here: File) -> tuple[WeekCell, ...]:
        name = self._name(ident)
        words = self.words
        return tuple(
            WeekCell(
                cell.state,
                self.url(cell.note.src_uri, here) if cell.note is not None else "",
                words.format(_CELL_WORDS[cell.state], person=name, week=self.date(cell.week)),
                cell.week.isoformat(),
            )
            for cell in cells
        )

    def timeline(self, theme: str, compact: bool = False) -> Timeline | None:
        """A theme's notes per month over the recent months."""
        months = self._months
        if not self.settings.pictures.theme_timeline or not months.months:
            return None
        words = self.words
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
        return str(format_skeleton("MMMd", week, locale=self.locale))

    def _month(self, year: int, month: int) -> tuple[str, str]:
        """A month's name with its year, and its first letter, in the site's language."""
        both = self._month_names.get((year, month))
        if both is None:
            day = datetime.date(year, month, 1)
            both = self._month_names[(year, month)] = (
                str(format_skeleton("yMMMM", day, locale=self.locale)),
                str(format_date(day, "LLLLL", locale=self.locale)),
            )
        return both

    # --- pages -----------------------------------------------------------------------

    def page(self, spec: PageSpec, here: File, has_h1: bool, learning: str = "") -> str:
        """The listing of a generated page; `has_h1` when the site's own page has a title.

        `learning` is the HTML of learning-log entries for a person's or theme's page.
        """
        if spec.kind == "week" and self.direct_parts["week"]:
            return note_parts.week(self, self.week_listing(spec, here, has_h1), here)
        context: dict[str, Any] = {
            "title": spec.title,
            "show_title": not has_h1,
            "kind": spec.kind,
            "material": self.theme_name == "material",
            "latest_url": self.url(self.plan.uri("latest"), here),
            "themes_url": self.url(self.plan.uri("themes"), here),
            "people_url": self.url(self.plan.uri("people"), here),
            # Every rollup, the learning log among them, for the latest page's links.
            "rollups": tuple(
                Link(rollup.title, url)
                for rollup in self.plan.rollups
                if (url := self.url(self.plan.uri("rollup", rollup.key), here))
            ),
            "learning": Markup(learning),
            "feed_url": self._feed_url(spec, here),
        }
        template = f"weeknotes/{spec.kind}.html"
        if spec.kind in ("latest", "year"):
            context["weeks"] = self.weeks(spec.weeks, here)
            context["years"] = self.years(here)
            context["year"] = spec.key
            context["rhythm"] = self.rhythm(here) if spec.kind == "latest" else None
        elif spec.kind == "themes":
            context["themes"] = tuple(
                replace(self.theme(t, here), timeline=self.timeline(t.slug, compact=True))
                for t in self.plan.themes.values()
            )
        elif spec.kind == "theme":
            # The pictures are on the first page of a long listing only.
            timeline = self.timeline(spec.key) if spec.number == 1 else None
            context["theme"] = replace(
                self.theme(self.plan.themes[spec.key], here), timeline=timeline
            )
            context["notes"] = self.notes(spec.notes, here)
            context["note_years"] = self.note_years(spec.notes, here)
            context["pager"] = self.pager(spec, here)
        elif spec.kind == "people":
            context["people"] = tuple(
                self.person(ident, here, with_latest=True)
                for ident, _ in sorted(self.plan.people.items(), key=lambda i: i[1].name.casefold())
            )
            context["rhythm"] = self.rhythm(here)
        elif spec.kind == "person":
            context["person"] = self.person(spec.key, here)
            first = spec.number == 1
            context["person_weeks"] = self.person_weeks(spec.key, here) if first else None
            context["notes"] = self.notes(spec.notes, here)
            # The notes that mention them, on the first page of their own.
            mentioned = self.plan.mentioned.get(spec.key, ()) if first else ()
            context["mentioned"] = self.notes(mentioned, here)
            context["note_years"] = self.note_years(spec.notes, here)
            context["pager"] = self.pager(spec, here)
            counts: dict[str, int] = {}
            for note in self.plan.by_person.get(spec.key, ()):
                for theme in note.themes:
                    counts[theme.slug] = counts.get(theme.slug, 0) + 1
            context["themes"] = tuple(
                Link(
                    self.plan.themes[slug].label,
                    self.url(self.plan.uri("theme", slug), here),
                    count,
                )
                for slug, count in sorted(counts.items(), key=lambda i: (-i[1], i[0]))
                if slug in self.plan.themes
            )
        elif spec.kind in ("rollup", "rollup-year"):
            key = spec.rollup
            rollup = self.plan.rollup(key)
            assert rollup is not None  # a rollup's pages are planned from the rollups
            context["rollup"] = Link(rollup.title, self.url(self.plan.uri("rollup", key), here))
            context["weeks"] = self.entry_weeks(spec.weeks, key, here)
            context["years"] = self.rollup_years(key, here)
            context["year"] = spec.year
            template = "weeknotes/rollup.html"
        elif spec.kind == "week":
            context.update(self.week_page(spec, here))
        return self.env.get_template(template).render(context)

    def _feed_url(self, spec: PageSpec, here: File) -> str:
        return relative(self.feeds[spec.src_uri], here.url) if spec.src_uri in self.feeds else ""

    def week_page(self, spec: PageSpec, here: File) -> dict[str, Any]:
        """What a week's page shows beyond the links every page has."""
        group = spec.weeks[0]
        team = self.plan.team.get(spec.key)
        previous, following, year_ago = (
            Link(*link) if link else None for link in self._weeks_around(spec.key, here)
        )
        return {
            "week": WeekRange(
                *self.day(group.week), *self.day(last_day(group.week)), week_anchor(group.week)
            ),
            "notes": tuple(self.note(note, here) for note in group.notes),
            "rollups": tuple(
                RollupEntries(rollup.key, rollup.title, url, entries)
                for rollup, url, entries in self._week_entries(group.notes, here)
            ),
            "missing": tuple(self.person(i, here) for i in team.missing) if team else (),
            "away": tuple(self.person(i, here) for i in team.away) if team else (),
            "previous": previous,
            "next": following,
            "year_ago": year_ago,
            "year": spec.year,
            "year_url": self.url(self.plan.uri("year", spec.year), here),
        }

    def week_listing(self, spec: PageSpec, here: File, has_h1: bool) -> note_parts.WeekListing:
        """What a week's page lists, for the package's week page written directly."""
        group = spec.weeks[0]
        team = self.plan.team.get(spec.key)
        words = self.words
        rollups = []
        for rollup, url, entries in self._week_entries(group.notes, here):
            if self.direct_parts["partials/entry"]:
                # Each entry is written already (see `entries`).
                written = "".join(cast(tuple[Markup, ...], entries))
            else:
                template = self.env.get_template("weeknotes/partials/entry-list.html")
                written = template.render(entries=entries)
            rollups.append((rollup.key, rollup.title, url, written))
        return note_parts.WeekListing(
            "" if has_h1 else spec.title,
            self.url(self.plan.uri("latest"), here),
            spec.year,
            self.url(self.plan.uri("year", spec.year), here),
            self._feed_url(spec, here),
            words.format(
                "week_range", start=self.date(group.week), end=self.date(last_day(group.week))
            ),
            week_anchor(group.week),
            group.notes,
            rollups,
            team.missing if team else (),
            team.away if team else (),
            *self._weeks_around(spec.key, here),
        )

    @functools.cached_property
    def _week_places(self) -> dict[str, int]:
        """Where each ISO week is among the weeks with notes, newest first."""
        return {label: place for place, label in enumerate(self.plan.week_labels)}

    def _weeks_around(self, key: str, here: File) -> tuple[tuple[str, str] | None, ...]:
        """The week before the week `key`, the week after and the same week a year
        before, each as its label and a link, if it has a page."""
        labels = self.plan.week_labels
        place = self._week_places.get(key, -1)
        older = labels[place + 1] if 0 <= place < len(labels) - 1 else None
        newer = labels[place - 1] if place > 0 else None
        year, _, number = key.partition("-W")
        # The same ISO week number a year before, only when it has notes.
        ago = f"{int(year) - 1:04d}-W{number}"

        def week_link(label: str | None) -> tuple[str, str] | None:
            uri = self.plan.uri("week", label) if label else None
            return (label, self.url(uri, here)) if label and uri else None

        return week_link(older), week_link(newer), week_link(ago)

    def _week_entries(
        self, notes: Sequence[Note], here: File
    ) -> Iterator[tuple[Rollup, str, Entries]]:
        """Each rollup with entries in a week's notes: the rollup, the link to its
        page, and its entries."""
        for rollup in self.plan.rollups:
            entries = self.entries(notes, rollup.key, here)
            if entries:
                yield rollup, self.url(self.plan.uri("rollup", rollup.key), here), entries

    def embed(self, embed: Embed, here: File) -> str:
        """An embedded listing (see embeds.py) on the page `here`, with a link to
        the page that lists it all."""
        plan = self.plan
        log = plan.rollup(LEARNING)
        context: dict[str, Any] = {
            "listing": embed.listing,
            "notes": (),
            "entries": (),
            "weeks": (),
        }
        if embed.listing == "week":
            context["weeks"] = self.weeks(week_of_embed(embed, plan), here)
        elif embed.listing == "learning" and log is not None:
            context["entries"] = self.entries(notes_of(embed, plan, log.key), log.key, here)
        else:
            context["notes"] = self.notes(notes_of(embed, plan, ""), here)
        anchor = ""
        if embed.person:
            person = plan.people.get(embed.person)
            more = (plan.uri("person", embed.person), person.name if person else embed.person)
            anchor = "#wn-learning" if embed.listing == "learning" else ""
        elif embed.listing == "learning" and log is not None:
            more = (plan.uri("rollup", log.key), log.title)
        elif embed.theme and embed.theme in plan.themes:
            more = (plan.uri("theme", embed.theme), plan.themes[embed.theme].label)
        else:
            more = (plan.uri("latest"), self.words.latest_title)
        url = self.url(more[0], here)
        context["more"] = Link(more[1], url + anchor) if url else None
        return self.env.get_template("weeknotes/embed.html").render(context)

    def problems(self, problems: Sequence[Problem]) -> str:
        """A note's own problems, shown at the top of its page while an author works."""
        if not problems:
            return ""
        context = {"problems": problems, "material": self.theme_name == "material"}
        return self.env.get_template("weeknotes/problems.html").render(context)

    def title(self, note: Note) -> str:
        """A heading for a note whose content has none (MkDocs' own theme adds none)."""
        return f"<h1>{escape(note.title)}</h1>"

    def note_header(self, note: Note, here: File) -> str:
        """The line under a note's title: its week, people and themes."""
        if self.direct_parts["note-header"]:
            return note_parts.header(self, note, here)
        return self.template_header(note, here)

    def note_footer(self, note: Note, here: File) -> str:
        """Under a note: the previous and next note by each of its people."""
        if self.direct_parts["note-footer"]:
            return note_parts.footer(self, note, here)
        return self.template_footer(note, here)

    def template_header(self, note: Note, here: File) -> str:
        view = self.note(note, here)
        week_url = self.url(self.plan.uri("year", str(note.week.year)), here) if note.week else ""
        context = {
            "note": view,
            "week_url": f"{week_url}#{week_anchor(note.week)}" if note.week and week_url else "",
            "material": self.theme_name == "material",
        }
        return self.env.get_template("weeknotes/note-header.html").render(context)

    def template_footer(self, note: Note, here: File) -> str:
        around = self.plan.neighbours.get(note.src_uri, {})
        neighbours = tuple(
            Neighbours(
                self.person(ident, here),
                Link(older.title, self.url(older.src_uri, here)) if older else None,
                Link(newer.title, self.url(newer.src_uri, here)) if newer else None,
            )
            for ident, (older, newer) in around.items()
            if older or newer
        )
        context = {
            "note": self.note(note, here),
            "neighbours": neighbours,
            "material": self.theme_name == "material",
        }
        return self.env.get_template("weeknotes/note-footer.html").render(context)


class NoteList(Sequence[NoteView]):
    """The notes of one list on one page, as templates read them.

    A note is in several lists, and a site has thousands of notes: the views
    are made only when a template reads them. The package's own list of notes
    (note_parts.note_list) writes the notes without them.
    """

    def __init__(self, renderer: Renderer, notes: Sequence[Note], here: File) -> None:
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


def initials(name: str) -> str:
    """The first letters of a name's first and last words, for a person with no avatar."""
    words = [word for word in name.split() if word[0].isalnum()]
    if not words:
        return name[:1].upper()
    first, last = words[0][0], words[-1][0] if len(words) > 1 else ""
    return (first + last).upper()


def _entry_id(rollup: str, note: Note, number: int) -> str:
    return f"wn-{rollup}-{slugify(note.src_uri.removesuffix('.md'))}-{number}"


def _with_footnotes(section: HtmlSection) -> str:
    """A section's HTML and the footnotes it refers to, numbered as in the note."""
    if not section.footnotes:
        return section.html
    items = "".join(_numbered(item, ref) for ref, item in section.footnotes.items())
    return section.html + f'<div class="footnote"><ol>{items}</ol></div>'


def _numbered(item: str, ref: str) -> str:
    """A footnote keeps its number from the note when it is shown alone."""
    digits = "".join(ch for ch in ref if ch.isdigit())
    return item.replace("<li ", f'<li value="{digits}" ', 1) if digits else item
