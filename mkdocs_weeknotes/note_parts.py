"""The most repeated pieces of HTML, written directly when a site keeps our templates.

A note's header and footer are on every note page, and each note is an item
of several lists of notes, so at thousands of notes their cost counts: Jinja
takes several times longer than the few strings they are. When a site
overrides one of `weeknotes/note-header.html`, `note-footer.html` or
`partials/note-list.html`, its template is rendered instead. The package's
templates stay the reference: a test checks that both ways give the same pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from markupsafe import Markup, escape
from mkdocs.structure.files import File

from .model import Note

if TYPE_CHECKING:
    from .render import NoteView, Renderer


def header(renderer: Renderer, note: Note, here: File) -> str:
    """What `weeknotes/note-header.html` makes: the week, people and themes."""
    plan = renderer.plan
    out = ['<div class="wn-note-meta">']
    if note.week:
        week, iso = renderer.day(note.week)
        time = f'<time datetime="{iso}">{escape(week)}</time>'
        year = renderer.url(plan.uri("year", str(note.week.year)), here)
        if year:
            time = f'<a href="{escape(f"{year}#week-{iso}")}">{time}</a>'
        out.append(f'<span class="wn-week-link">Week commencing {time}</span>')
    if note.authors:
        out.append('<span class="wn-people-line">')
        for number, ident in enumerate(note.authors):
            person = plan.people.get(ident)
            name = escape(person.name if person else ident)
            url = renderer.url(plan.uri("person", ident), here)
            out.append(" by " if number == 0 else ", ")
            out.append(f'<a href="{escape(url)}">{name}</a>' if url else name)
        out.append("</span>")
    if note.themes:
        out.append('<span class="wn-themes-line">')
        for theme in note.themes:
            url = renderer.url(plan.uri("theme", theme.slug), here)
            out.append(f' <a class="wn-theme-tag" href="{escape(url)}">{escape(theme.label)}</a>')
        out.append("</span>")
    out.append("</div>\n")
    return "".join(out)


def footer(renderer: Renderer, note: Note, here: File) -> str:
    """What `weeknotes/note-footer.html` makes: each person's older and newer note."""
    plan = renderer.plan
    rows = []
    for ident, (older, newer) in plan.neighbours.get(note.src_uri, {}).items():
        if older is None and newer is None:
            continue
        person = plan.people.get(ident)
        row = ["<p>"]
        if older is not None:
            url = escape(renderer.url(older.src_uri, here))
            row.append(f'<a class="wn-older" href="{url}" rel="prev">← {escape(older.title)}</a> ')
        row.append(
            f'<span class="wn-neighbours-person">{escape(person.name if person else ident)}</span>'
        )
        if newer is not None:
            url = escape(renderer.url(newer.src_uri, here))
            row.append(f' <a class="wn-newer" href="{url}" rel="next">{escape(newer.title)} →</a>')
        row.append("</p>\n")
        rows.append("".join(row))
    if not rows:
        return ""
    return (
        '<nav class="wn-neighbours" aria-label="More by the same person">\n'
        + "".join(rows)
        + "</nav>\n"
    )


def note_list(notes: Sequence[NoteView]) -> Markup:
    """What `weeknotes/partials/note-list.html` makes: one item per note."""
    out = ['<ul class="wn-notes">\n']
    for note in notes:
        draft = " wn-draft" if note.draft else ""
        out.append(
            f'<li class="wn-note{draft}"><a class="wn-note-title" href="{escape(note.url)}">'
            f"{escape(note.title)}</a>"
        )
        if note.draft:
            out.append(' <span class="wn-badge">Draft</span>')
        out.append(
            f' <span class="wn-byline"><time datetime="{escape(note.date_iso)}">'
            f"{escape(note.date)}</time>"
        )
        for number, person in enumerate(note.people):
            out.append(" · " if number == 0 else ", ")
            out.append(f'<a href="{escape(person.url)}">{escape(person.name)}</a>')
        out.append("</span>")
        if note.summary:
            out.append(f' <p class="wn-summary">{escape(note.summary)}</p>')
        out.append("</li>\n")
    out.append("</ul>\n")
    return Markup("".join(out))
