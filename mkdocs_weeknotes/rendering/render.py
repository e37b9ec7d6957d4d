"""Index pages and note decorations as HTML, from templates a site can override.

`Renderer` is what a build holds: it makes the views of notes, people, themes
and dates on each page, with links from `links`, and hands the rest to its
parts: rollup entries (`entries`), pictures (`picture_views`), page listings
(`page_listings`) and a note's decorations (`decorations`), each given the
renderer. The templates come from `environment`; the views they read are in
`views`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence

from babel.dates import format_date
from markupsafe import escape
from mkdocs.structure.files import File, Files

from ..config import WeeknotesConfig, parse_locale
from ..model import Note, Person, Theme
from ..planning.generated import PageSpec, Plan
from ..planning.listings import WeekGroup
from ..problems import Problem
from ..reading.embeds import Embed
from ..reading.sections import HtmlSection
from ..weeks import iso_label, week_anchor, year_anchor
from ..words import ENGLISH, language_name
from .decorations import NoteDecorations
from .entries import EntryViews
from .environment import direct_parts, environment
from .links import PageLinks
from .page_listings import PageListings
from .picture_views import PictureViews
from .placeholders import EMBEDDED, MARK
from .views import (
    Link,
    NoteList,
    NoteView,
    Pager,
    PersonView,
    Translation,
    WeekView,
    YearView,
)

# What markupsafe's escape changes.
_TO_ESCAPE = re.compile("[&<>\"']")


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
        # What each embed placeholder in notes' HTML embeds (see `fill_embeds`).
        self.embeds: dict[str, Embed] = {}
        self._embedding = 0  # how many embedded listings are being made, one in another
        # The feed of a page, by the page's src_uri: a site path such as a/feed.xml.
        self.feeds: dict[str, str] = {}
        self._here: File | None = None  # the page the caches below are for
        links = PageLinks(files, frozenset(spec.src_uri for spec in plan.pages))
        # Bound once: a listing asks for thousands of links.
        self.url = links.url
        self.shared_link = links.shared_link
        self.asset = links.asset
        self.links_from = links.links_from
        # Each page of a long listing, to link it to the pages before and after it.
        self._numbered = {(p.kind, p.key, p.number): p.src_uri for p in plan.pages}
        self._people: dict[str, PersonView] = {}
        self._themes: dict[str, Link] = {}
        # Each date as shown and in ISO form: Babel is slow, and a site has few dates.
        self._days: dict[datetime.date | None, tuple[str, str]] = {None: ("", "")}
        self.settings = settings
        self.theme_name = theme_name or ""
        # Our most repeated templates are written directly (see note_parts) unless
        # the site overrides them.
        self.direct_parts = direct_parts(theme_dirs)
        self.locale = parse_locale(settings.locale or language) or parse_locale("en")
        settings.use_language(language)
        self.words = settings.catalogue
        # The words as the direct writers put them in HTML, escaped once.
        self.html = {key: self.text(self.words[key]) for key in ENGLISH}
        self.env = environment(theme_dirs, self.direct_parts, self.words)
        self._entries = EntryViews(self)
        self._listings = PageListings(self, self._entries, PictureViews(self))
        self._decorations = NoteDecorations(self)

    @staticmethod
    def text(value: str) -> str:
        """`value` escaped for HTML text or a quoted attribute, as Jinja escapes it."""
        # Most names, titles and links need nothing: a search is far cheaper than
        # making a Markup. Nothing is kept, so memory does not grow with the site.
        return value if _TO_ESCAPE.search(value) is None else str(escape(value))

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

    def _page(self, here: File) -> None:
        """Start the page's views afresh when the page changes."""
        if self._here is not here:
            self._here, self._people, self._themes = here, {}, {}

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

    # --- the parts' work, for the build ----------------------------------------------

    def has_entries(self, notes: Iterable[Note], rollup: str) -> bool:
        """Whether any of `notes` has a section of `rollup` (once notes are rendered)."""
        return self._entries.has_entries(notes, rollup)

    def entries_block(self, notes: Iterable[Note], here: File) -> str:
        """The learning-log entries of some notes, for a person's or a theme's page."""
        return self._entries.entries_block(notes, here)

    def page(self, spec: PageSpec, here: File, has_h1: bool, learning: str = "") -> str:
        """The listing of a generated page (see PageListings.page)."""
        return self._listings.page(spec, here, has_h1, learning)

    def embed(self, embed: Embed, here: File) -> str:
        """An embedded listing on the page `here` (see PageListings.embed)."""
        self._embedding += 1
        try:
            return self._listings.embed(embed, here)
        finally:
            self._embedding -= 1

    def fill_embeds(self, html: str, here: File | None) -> str:
        """A note's HTML, or a section of it, with its embeds' listings made for
        the page `here`, wherever it is shown.

        A listing inside an embedded listing (a learning entry that embeds the
        learning log, say) is only the link to its whole list: it could hold
        itself. With no page (`here` None) the placeholders are taken out.
        """
        if MARK not in html:
            return html  # most sections embed nothing

        def made(match: re.Match[str]) -> str:
            embed = self.embeds.get(match.group())
            if embed is None or here is None:
                return ""
            if self._embedding:
                return self._listings.embed_link(embed, here)
            return self.embed(embed, here)

        return EMBEDDED.sub(made, html)

    def problems(self, problems: Sequence[Problem]) -> str:
        """A note's own problems, shown at the top of its page while an author works."""
        return self._decorations.problems(problems)

    def title(self, note: Note) -> str:
        """A heading for a note whose content has none (MkDocs' own theme adds none)."""
        return self._decorations.title(note)

    def note_header(self, note: Note, here: File) -> str:
        """The line under a note's title: its week, people and themes."""
        return self._decorations.note_header(note, here)

    def note_footer(self, note: Note, here: File) -> str:
        """Under a note: the previous and next note by each of its people."""
        return self._decorations.note_footer(note, here)


def initials(name: str) -> str:
    """The first letters of a name's first and last words, for a person with no avatar."""
    words = [word for word in name.split() if word[0].isalnum()]
    if not words:
        return name[:1].upper()
    first, last = words[0][0], words[-1][0] if len(words) > 1 else ""
    return (first + last).upper()
