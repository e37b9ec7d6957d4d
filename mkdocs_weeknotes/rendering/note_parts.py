"""The most repeated pieces of HTML, written directly when a site keeps our templates.

A note's header and footer are on every note page, each note is an item of
several lists of notes, each learning section is an entry on two pages, and
each week with notes has a page of its own, so at thousands of notes their cost
counts: Jinja takes several times longer than
the few strings they are. When a site overrides one of their templates, its
template is rendered instead. The package's templates stay the reference: a
test checks that both ways give the same pages.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from markupsafe import Markup
from mkdocs.structure.files import File

from ..model import Note
from ..planning.generated import Plan
from ..weeks import week_anchor


# What these parts read of the renderer and its views, said here so that this
# module need not import `render`, which imports it.
class TranslationLink(Protocol):
    @property
    def lang(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def url(self) -> str: ...


class PersonLink(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def avatar(self) -> str: ...


class Renderer(Protocol):
    plan: Plan
    html: dict[str, str]

    def text(self, value: str) -> str: ...
    def day(self, day: datetime.date | None) -> tuple[str, str]: ...
    def url(self, src_uri: str | None, here: File) -> str: ...
    def translations(self, note: Note, here: File) -> Sequence[TranslationLink]: ...
    def person(self, ident: str, here: File) -> PersonLink: ...


class NoteList(Protocol):
    def written(self) -> str: ...


class WeekListing(NamedTuple):
    """What a week's page lists, as `weeknotes/week.html` reads it in its views."""

    title: str  # "" when the site's own page has a title
    latest_url: str
    year: str
    year_url: str
    feed_url: str
    days: str  # the week's first and last day, in words
    anchor: str  # of the week on its year's page
    iso: str  # the ISO week, `2026-W47`
    notes: Sequence[Note]
    # Each rollup with entries this week: its key, title, link, and entries written.
    rollups: Sequence[tuple[str, str, str, str]]
    missing: Sequence[str]  # people, by id
    away: Sequence[str]
    # The weeks around it, each a label and a link, or None.
    previous: tuple[str, str] | None
    next: tuple[str, str] | None
    year_ago: tuple[str, str] | None


def header(renderer: Renderer, note: Note, here: File) -> str:
    """What `weeknotes/note-header.html` makes: the week, people and themes."""
    text = renderer.text
    plan = renderer.plan
    out = ['<div class="wn-note-meta">']
    if note.week:
        week, iso = renderer.day(note.week)
        time = f'<time datetime="{iso}">{text(week)}</time>'
        year = renderer.url(plan.uri("year", str(note.week.year)), here)
        if year:
            time = f'<a href="{text(f"{year}#{week_anchor(note.week)}")}">{time}</a>'
        out.append(f'<span class="wn-week-link">{renderer.html["week_commencing"]} {time}</span>')
    if note.authors:
        out.append('<span class="wn-people-line">')
        by = f" {renderer.html['by']} "
        for number, ident in enumerate(note.authors):
            person = plan.people.get(ident)
            name = text(person.name if person else ident)
            url = renderer.url(plan.uri("person", ident), here)
            out.append(by if number == 0 else ", ")
            out.append(f'<a href="{text(url)}">{name}</a>' if url else name)
        out.append("</span>")
    if note.themes:
        out.append('<span class="wn-themes-line">')
        for theme in note.themes:
            url = renderer.url(plan.uri("theme", theme.slug), here)
            out.append(f' <a class="wn-theme-tag" href="{text(url)}">{text(theme.label)}</a>')
        out.append("</span>")
    out.append(translations(renderer, note, here))
    out.append("</div>\n")
    return "".join(out)


def translations(renderer: Renderer, note: Note, here: File) -> str:
    """Links to a note's translations, as the templates write `note.translations`."""
    if note.src_uri not in renderer.plan.translations:
        return ""
    text = renderer.text
    out = [f'<span class="wn-translations">{renderer.html["also_in"]}']
    for number, link in enumerate(renderer.translations(note, here)):
        lang = text(link.lang)
        out.append(" " if number == 0 else ", ")
        out.append(
            f'<a href="{text(link.url)}" hreflang="{lang}" lang="{lang}">{text(link.name)}</a>'
        )
    out.append("</span>")
    return "".join(out) if len(out) > 2 else ""


def footer(renderer: Renderer, note: Note, here: File) -> str:
    """What `weeknotes/note-footer.html` makes: each person's older and newer note."""
    text = renderer.text
    plan = renderer.plan
    rows = []
    for ident, (older, newer) in plan.neighbours.get(note.src_uri, {}).items():
        if older is None and newer is None:
            continue
        person = plan.people.get(ident)
        row = ["<p>"]
        if older is not None:
            url = text(renderer.url(older.src_uri, here))
            row.append(
                f'<a class="wn-older" href="{url}" rel="prev">&larr; {text(older.title)}</a> '
            )
        name = text(person.name if person else ident)
        page = renderer.url(plan.uri("person", ident), here)
        if page:
            row.append(f'<a class="wn-neighbours-person" href="{text(page)}">{name}</a>')
        else:
            row.append(f'<span class="wn-neighbours-person">{name}</span>')
        if newer is not None:
            url = text(renderer.url(newer.src_uri, here))
            row.append(
                f' <a class="wn-newer" href="{url}" rel="next">{text(newer.title)} &rarr;</a>'
            )
        row.append("</p>\n")
        rows.append("".join(row))
    if not rows:
        return ""
    label = renderer.html["more_by_same_person"]
    return f'<nav class="wn-neighbours" aria-label="{label}">\n' + "".join(rows) + "</nav>\n"


def note_list(notes: NoteList) -> Markup:
    """What `weeknotes/partials/note-list.html` makes: one item per note."""
    return Markup(f'<ul class="wn-notes">\n{notes.written()}</ul>\n')


def note_item(renderer: Renderer, note: Note, here: File) -> str:
    """One item of `note_list`, on the page `here`."""
    text = renderer.text
    plan = renderer.plan
    draft = " wn-draft" if note.draft else ""
    url = text(renderer.url(note.src_uri, here))
    out = [
        f'<li class="wn-note{draft}"><a class="wn-note-title" href="{url}">{text(note.title)}</a>'
    ]
    if note.draft:
        out.append(f' <span class="wn-badge">{renderer.html["draft"]}</span>')
    if note.src_uri in plan.translations:
        links = translations(renderer, note, here)
        out.append(f" {links}" if links else "")
    shown, iso = renderer.day(note.date)
    out.append(f' <span class="wn-byline"><time datetime="{text(iso)}">{text(shown)}</time>')
    for number, ident in enumerate(note.authors):
        person = plan.people.get(ident)
        url = text(renderer.url(plan.uri("person", ident), here))
        out.append(" · " if number == 0 else ", ")
        out.append(f'<a href="{url}">{text(person.name if person else ident)}</a>')
    for theme in note.themes:
        url = text(renderer.url(plan.uri("theme", theme.slug), here))
        out.append(f' <a class="wn-theme-tag" href="{url}">{text(theme.label)}</a>')
    out.append("</span>")
    if note.summary:
        out.append(f' <p class="wn-summary">{text(note.summary)}</p>')
    out.append("</li>\n")
    return "".join(out)


def entry(renderer: Renderer, note: Note, html: str, ident: str, url: str, here: File) -> str:
    """What `weeknotes/partials/entry.html` makes of one section on the page `here`:
    `html` is the section moved onto that page, `url` the link to it in its note."""
    text = renderer.text
    people = [renderer.person(ident, here) for ident in note.authors]
    out = [f'<article class="wn-entry" id="{text(ident)}">\n<p class="wn-entry-header">']
    for person in people:
        if person.avatar:
            out.append(
                f'<img class="wn-avatar wn-avatar-small" src="{text(person.avatar)}"'
                ' alt="" width="32" height="32"> '
            )
    for number, person in enumerate(people):
        out.append(", " if number else "")
        out.append(f'<a class="wn-entry-person" href="{text(person.url)}">{text(person.name)}</a>')
    shown, iso = renderer.day(note.date)
    out.append(
        # A note in the team's voice names nobody: its header starts at its title.
        f'{" · " if people else ""}<a class="wn-entry-source" href="{text(url)}">'
        f"{text(note.title)}</a>"
        f' · <time datetime="{text(iso)}">{text(shown)}</time>'
    )
    if note.draft:
        out.append(f' <span class="wn-badge">{renderer.html["draft"]}</span>')
    if note.src_uri in renderer.plan.translations:
        links = translations(renderer, note, here)
        out.append(f" {links}" if links else "")
    out.append('</p>\n<div class="wn-entry-content">\n')
    out.append(html)
    out.append("\n</div>\n</article>\n")
    return "".join(out)


def week(renderer: Renderer, listing: WeekListing, here: File) -> str:
    """What `weeknotes/week.html` makes of a week's page: its notes, its rollups'
    entries, who wrote nothing, who was away, and links to the weeks around it."""
    text = renderer.text
    plan = renderer.plan
    words = renderer.html
    out = [f"<h1>{text(listing.title)}</h1>" if listing.title else ""]
    iso_week = words["iso_week"].format(week=text(listing.iso))
    out.append(
        '<div class="wn-listing wn-week-page">\n'
        f'<p class="wn-week-range">{text(listing.days)} · '
        f'<span class="wn-iso-week">{iso_week}</span></p>\n'
        f'<p class="wn-links"><a href="{text(listing.latest_url)}">{words["latest"]}</a>'
    )
    if listing.year_url:
        link = text(f"{listing.year_url}#{listing.anchor}")
        out.append(f' · <a href="{link}">{text(listing.year)}</a>')
    if listing.feed_url:
        out.append(
            f' · <a class="wn-feed" href="{text(listing.feed_url)}"'
            f' type="application/atom+xml">{words["atom_feed"]}</a>'
        )
    out.append('</p>\n<ul class="wn-notes">\n')
    for number, note in enumerate(listing.notes, 1):
        draft = " wn-draft" if note.draft else ""
        url = text(renderer.url(note.src_uri, here))
        out.append(
            f'<li class="wn-note{draft}" id="wn-note-{number}">'
            f'<a class="wn-note-title" href="{url}">{text(note.title)}</a>'
        )
        if note.draft:
            out.append(f' <span class="wn-badge">{words["draft"]}</span>')
        shown, iso = renderer.day(note.date)
        out.append(f' <span class="wn-byline"><time datetime="{text(iso)}">{text(shown)}</time>')
        out.append(_people(renderer, note.authors, " · ", here))
        out.append("</span>")
        if note.summary:
            out.append(f' <p class="wn-summary">{text(note.summary)}</p>')
        if note.themes:
            out.append(f' <p class="wn-themes-line">{words["themes_label"]}')
            for theme in note.themes:
                url = text(renderer.url(plan.uri("theme", theme.slug), here))
                out.append(f' <a class="wn-theme-tag" href="{url}">{text(theme.label)}</a>')
            out.append("</p>")
        out.append("</li>\n")
    out.append("</ul>\n")
    for key, title, url, entries in listing.rollups:
        out.append(
            f'<section class="wn-entries">\n<h2 id="wn-{text(key)}">'
            f'<a href="{text(url)}">{text(title)}</a></h2>\n{entries}</section>\n'
        )
    for people, css, label in (
        (listing.missing, "wn-missing", "wrote_nothing"),
        (listing.away, "wn-away", "away"),
    ):
        if people:
            named = _people(renderer, people, " ", here)
            out.append(f'<p class="{css}">{words[label]}{named}</p>\n')
    out.append('<nav class="wn-pager wn-week-nav">\n')
    if listing.previous:
        label, url = listing.previous
        out.append(
            f'<a rel="prev" href="{text(url)}">&larr; {words["previous_week"]}: {text(label)}</a>'
        )
    if listing.next:
        label, url = listing.next
        out.append(
            f'<a rel="next" href="{text(url)}">{words["next_week"]}: {text(label)} &rarr;</a>'
        )
    if listing.year_ago:
        label, url = listing.year_ago
        out.append(
            f'<a class="wn-year-ago" href="{text(url)}">{words["year_ago"]}: {text(label)}</a>'
        )
    out.append("</nav>\n</div>\n")
    return "".join(out)


def _people(renderer: Renderer, people: Sequence[str], first: str, here: File) -> str:
    """Links to people's pages, `first` before the first and commas between them."""
    text = renderer.text
    plan = renderer.plan
    out = []
    for number, ident in enumerate(people):
        person = plan.people.get(ident)
        url = text(renderer.url(plan.uri("person", ident), here))
        out.append(first if number == 0 else ", ")
        out.append(f'<a href="{url}">{text(person.name if person else ident)}</a>')
    return "".join(out)
