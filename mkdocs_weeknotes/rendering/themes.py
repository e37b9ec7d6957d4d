"""What MkDocs themes print of our titles and front matter, made safe to print as it is."""

from __future__ import annotations

import re
from collections.abc import Mapping

from mkdocs.structure.pages import Page

from ..model import Note, Person
from ..reading.frontmatter import without_controls


def theme_title(text: str) -> str:
    """A title as themes print it, unescaped: markup becomes look-alikes.

    MkDocs themes put `page.title` and nav titles into the HTML as they are, some
    inside `title="…"` attributes, so a `<` or a quote from front matter would be
    markup there; our own templates escape it properly. Angle brackets become
    ‹ ›, quotes become typographic ones. An `&` can only start a character
    reference, which makes no markup, so it is left as it is.
    """
    if _THEME_UNSAFE.search(text) is None:
        return text
    text = text.replace("<", "\u2039").replace(">", "\u203a")
    return _QUOTE.sub(_curly, text)


_THEME_UNSAFE = re.compile("[<>\"']")
_QUOTE = re.compile("[\"']")
_CURLY = {'"': ("\u201c", "\u201d"), "'": ("\u2018", "\u2019")}


def _curly(match: re.Match[str]) -> str:
    """An opening quote at the start or after a space or bracket, else a closing one."""
    start = match.start()
    before = match.string[start - 1] if start else " "
    opening, closing = _CURLY[match.group()]
    return opening if before.isspace() or before in "([{\u2039" else closing


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
