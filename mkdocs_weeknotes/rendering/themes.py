"""What MkDocs themes print of a note's front matter, made safe to print as it is
(titles are made so by `text.theme_title`)."""

from __future__ import annotations

from collections.abc import Mapping

from mkdocs.structure.pages import Page

from ..model import Note, Person
from ..text import theme_title, without_controls


def inert_meta(page: Page, note: Note, people: Mapping[str, Person]) -> None:
    """Front-matter values that themes print as they are, made inert.

    Material writes `page.meta.author` and `.description` into `<meta … content="…">`
    unescaped, and an author list as Python's repr of it: the author becomes the
    names we read, the description plain text, and any other shape is left out.
    """
    if "author" in page.meta:
        names = [people[i].name if i in people else i for i in note.authors]
        if names:
            page.meta["author"] = theme_title(", ".join(names))
        else:
            del page.meta["author"]
    description = page.meta.get("description")
    if isinstance(description, str):
        page.meta["description"] = theme_title(without_controls(description))
    elif "description" in page.meta:
        del page.meta["description"]
