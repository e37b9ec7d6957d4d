"""The most repeated pieces of HTML, written directly when a site keeps our templates.

A note's header and footer are on every note page, each note is an item of
several lists of notes, and each learning section is an entry on two pages, so
at thousands of notes their cost counts: Jinja takes several times longer than
the few strings they are. When a site overrides one of their templates, its
template is rendered instead. The package's templates stay the reference: a
test checks that both ways give the same pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup, escape
from mkdocs.structure.files import File

from .linked import Linked, Writer
from .model import Note
from .rebase import fragment
from .sections import HtmlSection

if TYPE_CHECKING:
    from .render import NoteList, Renderer


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


def note_list(notes: NoteList) -> Markup:
    """What `weeknotes/partials/note-list.html` makes: one item per note."""
    return Markup(f'<ul class="wn-notes">\n{notes.written()}</ul>\n')


def note_item(renderer: Renderer, note: Note) -> Linked:
    """One item of `note_list`, for any page."""
    plan = renderer.plan
    draft = " wn-draft" if note.draft else ""
    out = Writer()
    out.text(f'<li class="wn-note{draft}"><a class="wn-note-title" href="')
    _link(out, renderer.site_url(note.src_uri))
    out.text(f'">{escape(note.title)}</a>')
    if note.draft:
        out.text(' <span class="wn-badge">Draft</span>')
    shown, iso = renderer.day(note.date)
    out.text(f' <span class="wn-byline"><time datetime="{escape(iso)}">{escape(shown)}</time>')
    for number, ident in enumerate(note.authors):
        person = plan.people.get(ident)
        out.text(" · " if number == 0 else ", ", '<a href="')
        _link(out, renderer.site_url(plan.uri("person", ident)))
        out.text(f'">{escape(person.name if person else ident)}</a>')
    out.text("</span>")
    if note.summary:
        out.text(f' <p class="wn-summary">{escape(note.summary)}</p>')
    out.text("</li>\n")
    return out.done()


def entry(
    renderer: Renderer, note: Note, section: HtmlSection, ident: str, html: str, page_url: str
) -> Linked:
    """What `weeknotes/partials/entry.html` makes of one section, for any page:
    `html` is the section with its footnotes, as cut from the note's page at
    `page_url`."""
    plan = renderer.plan
    out = Writer()
    out.text(f'<article class="wn-entry" id="{escape(ident)}">\n<p class="wn-entry-header">')
    people = [(ident, plan.people.get(ident)) for ident in note.authors]
    for _, person in people:
        if person is not None and person.avatar:
            out.text('<img class="wn-avatar wn-avatar-small" src="')
            avatar = renderer.asset_path(person.avatar)
            if avatar is None:
                out.text(str(escape(person.avatar)))
            else:
                out.link(avatar)
            out.text('" alt="" width="32" height="32"> ')
    for number, (name, person) in enumerate(people):
        out.text(", " if number else "", '<a class="wn-entry-person" href="')
        _link(out, renderer.site_url(plan.uri("person", name)))
        out.text(f'">{escape(person.name if person else name)}</a>')
    out.text(' · <a class="wn-entry-source" href="')
    _link(out, renderer.site_url(note.src_uri), f"#{section.anchor}" if section.anchor else "")
    shown, iso = renderer.day(note.date)
    out.text(f'">{escape(note.title)}</a> · <time datetime="{escape(iso)}">{escape(shown)}</time>')
    if note.draft:
        out.text(' <span class="wn-badge">Draft</span>')
    out.text('</p>\n<div class="wn-entry-content">\n')
    out.insert(fragment(html, page_url, f"{ident}-"))
    out.text("\n</div>\n</article>\n")
    return out.done()


def _link(out: Writer, path: str | None, tail: str = "") -> None:
    if path is None:
        out.text(str(escape(tail)))  # the page is not in this build: the link is empty
    else:
        out.link(path, tail)
