"""A note's decorations: its problems, a title when its content has none, and the
header and footer around its content, from templates or written directly."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import escape
from mkdocs.structure.files import File

from ..model import Note
from ..problems import Problem
from ..weeks import week_anchor
from . import note_parts
from .views import Core, Link, Neighbours


class NoteDecorations:
    """What a build's note pages get around their content."""

    def __init__(self, renderer: Core) -> None:
        self._renderer = renderer

    def problems(self, problems: Sequence[Problem]) -> str:
        """A note's own problems, shown at the top of its page while an author works."""
        if not problems:
            return ""
        context = {"problems": problems, "material": self._renderer.theme_name == "material"}
        return self._renderer.env.get_template("weeknotes/problems.html").render(context)

    def title(self, note: Note) -> str:
        """A heading for a note whose content has none (MkDocs' own theme adds none)."""
        return f"<h1>{escape(note.title)}</h1>"

    def note_header(self, note: Note, here: File) -> str:
        """The line under a note's title: its week, people and themes."""
        if self._renderer.direct_parts["note-header"]:
            return note_parts.header(self._renderer, note, here)
        return self.template_header(note, here)

    def note_footer(self, note: Note, here: File) -> str:
        """Under a note: the previous and next note by each of its people."""
        if self._renderer.direct_parts["note-footer"]:
            return note_parts.footer(self._renderer, note, here)
        return self.template_footer(note, here)

    def template_header(self, note: Note, here: File) -> str:
        renderer = self._renderer
        view = renderer.note(note, here)
        week_url = (
            renderer.url(renderer.plan.uri("year", str(note.week.year)), here) if note.week else ""
        )
        context = {
            "note": view,
            "week_url": f"{week_url}#{week_anchor(note.week)}" if note.week and week_url else "",
            "material": renderer.theme_name == "material",
        }
        return renderer.env.get_template("weeknotes/note-header.html").render(context)

    def template_footer(self, note: Note, here: File) -> str:
        renderer = self._renderer
        around = renderer.plan.neighbours.get(note.src_uri, {})
        neighbours = tuple(
            Neighbours(
                renderer.person(ident, here),
                Link(older.title, renderer.url(older.src_uri, here)) if older else None,
                Link(newer.title, renderer.url(newer.src_uri, here)) if newer else None,
            )
            for ident, (older, newer) in around.items()
            if older or newer
        )
        context = {
            "note": renderer.note(note, here),
            "neighbours": neighbours,
            "material": renderer.theme_name == "material",
        }
        return renderer.env.get_template("weeknotes/note-footer.html").render(context)
