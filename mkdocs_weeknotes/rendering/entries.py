"""Rollup entries: the sections of notes that a rollup collects, moved onto the
pages that show them (a rollup's pages, a week's page, a person's or theme's page)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from markupsafe import Markup
from mkdocs.structure.files import File

from ..config import LEARNING
from ..model import Note
from ..planning.generated import rollup_year_key
from ..planning.listings import WeekGroup
from ..reading.sections import HtmlSection
from ..slugs import slugify
from ..weeks import week_anchor
from . import note_parts
from .rebase import move
from .views import Core, Entries, EntryView, EntryWeek, Link


class EntryViews:
    """A build's rollup entries, as templates read them or written directly."""

    def __init__(self, renderer: Core) -> None:
        self._renderer = renderer

    def has_entries(self, notes: Iterable[Note], rollup: str) -> bool:
        """Whether any of `notes` has a section of `rollup` (once notes are rendered)."""
        sections = self._renderer.sections
        return any(
            section.rollup == rollup
            for note in notes
            for section in sections.get(note.src_uri, ("", []))[1]
        )

    def entries(self, notes: Iterable[Note], rollup: str, here: File) -> Entries:
        """Every section of `rollup` in `notes`, moved onto the page `here`."""
        renderer = self._renderer
        if renderer.direct_parts["partials/entry"]:
            return tuple(
                Markup(note_parts.entry(renderer, note, html, ident, url, here))
                for note, _, ident, url, html in self._sections_on(notes, rollup, here)
            )
        return tuple(
            EntryView(ident, renderer.note(note, here), url, section.heading, Markup(html))
            for note, section, ident, url, html in self._sections_on(notes, rollup, here)
        )

    def _sections_on(
        self, notes: Iterable[Note], rollup: str, here: File
    ) -> Iterator[tuple[Note, HtmlSection, str, str, str]]:
        """Each section of `rollup` in `notes`: its note, the section, its id on the
        page `here`, the link to it in its note, and its HTML moved onto `here`."""
        renderer = self._renderer
        link, by_note = renderer.links_from(here), renderer.sections
        for note in notes:
            page_url, sections = by_note.get(note.src_uri, ("", []))
            own = [section for section in sections if section.rollup == rollup]
            if not own:
                continue
            note_url = renderer.url(note.src_uri, here)
            for number, section in enumerate(own, 1):
                ident = _entry_id(rollup, note, number)
                url = note_url + (f"#{section.anchor}" if section.anchor else "")
                html = move(_with_footnotes(section), page_url, f"{ident}-", link)
                # Its embeds, made for this page once the links are moved.
                html = renderer.fill_embeds(html, here)
                yield note, section, ident, url, html

    def entry_weeks(
        self, groups: Iterable[WeekGroup], rollup: str, here: File
    ) -> tuple[EntryWeek, ...]:
        weeks = []
        for group in groups:
            entries = self.entries(group.notes, rollup, here)
            if entries:
                weeks.append(
                    EntryWeek(
                        self._renderer.date(group.week),
                        group.week.isoformat(),
                        week_anchor(group.week),
                        entries,
                    )
                )
        return tuple(weeks)

    def rollup_years(self, rollup: str, here: File) -> tuple[Link, ...]:
        renderer = self._renderer
        plan = renderer.plan
        return tuple(
            Link(
                str(year),
                renderer.url(plan.uri("rollup-year", rollup_year_key(rollup, year)), here),
                count,
            )
            for year, count in plan.rollup_years.get(rollup, {}).items()
        )

    def entries_block(self, notes: Iterable[Note], here: File) -> str:
        """The learning-log entries of some notes, for a person's or a theme's page."""
        renderer = self._renderer
        log = renderer.plan.rollup(LEARNING)
        if log is None:
            return ""
        context = {
            "rollup_title": log.title,
            "rollup_url": renderer.url(renderer.plan.uri("rollup", log.key), here),
            "entries": self.entries(notes, log.key, here),
        }
        return renderer.env.get_template("weeknotes/partials/entries.html").render(context)


def _entry_id(rollup: str, note: Note, number: int) -> str:
    return f"wn-{rollup}-{_note_slug(note.src_uri)}-{number}"


# A note's entries are on several pages (its week's, its people's, its rollup's).
@functools.lru_cache(maxsize=4096)
def _note_slug(src_uri: str) -> str:
    return slugify(src_uri.removesuffix(".md"))


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
