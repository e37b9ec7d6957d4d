"""Reading the fields of one note's front matter: each value as the rules want it,
or a problem saying why it is not (see notes.read_note)."""

from __future__ import annotations

import datetime
from typing import Any

from ..config import WeeknotesConfig
from ..problems import Problem, quote
from .authors import Authors
from .frontmatter import Field, FrontMatter, Invalid


class FieldReader:
    """One note's front matter and what its checks found wrong so far.

    The checks of a note (see notes._Checker) are methods of its subclasses, so
    that each rule reads a field with one call, and keeps its problems here.
    """

    def __init__(
        self,
        fm: FrontMatter,
        src_uri: str,
        path: str,
        settings: WeeknotesConfig,
        authors: Authors | None,
    ) -> None:
        self.fm = fm
        self.src_uri = src_uri
        self.path = path
        self.settings = settings
        self.authors = authors
        self.problems: list[Problem] = []

    def problem(self, line: int, code: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.path, line, code, message, hint))

    def value(self, key: str) -> Field | None:
        """The field, unless it is absent or empty (null, blank text, [] or {})."""
        found = self.fm.get(key)
        if found is None or found.value is None or refused(found):
            return None
        if isinstance(found.value, str) and not found.value.strip():
            return None
        if isinstance(found.value, (list, dict)) and not found.value:
            return None
        return found

    def given(self, key: str) -> bool:
        """Whether the author gave `key` a value: a value too large to read counts,
        as its own problem says what is wrong; blank items in a list do not."""
        found = self.fm.get(key)
        if found is not None and refused(found):
            return True
        found = self.value(key)
        if found is None:
            return False
        items = text_items(found)
        return items is None or any(item for item, _ in items)

    def flag(self, key: str, default: bool) -> bool | None:
        found = self.value(key)
        if found is None:
            return default
        if isinstance(found.value, bool):
            return found.value
        written = quote(found.raw) if found.raw else kind(found.value)
        self.problem(
            found.line,
            "WN109",
            f"'{key}' must be true or false, not {written}",
            f"write '{key}: true' or '{key}: false', without quotes",
        )
        return None

    def text(self, key: str) -> str | None:
        found = self.value(key)
        if found is None:
            return None
        value = found.value
        if isinstance(value, str):
            return value.strip() or None
        if isinstance(value, (int, float, datetime.date)) and not isinstance(value, bool):
            return found.raw  # `title: 2019` is text to an author, and they wrote it so
        self.problem(
            found.line,
            "WN110",
            f"'{key}' must be text",
            f'put the {key} in quotes: {key}: "…"',
        )
        return None


def refused(found: Field) -> bool:
    """A value too large to read, already reported (WN008)."""
    return isinstance(found.value, Invalid) and found.value.refused


def text_items(found: Field) -> list[tuple[str, int]] | None:
    """A string or a list of strings as (item, line) pairs; None if neither.

    A blank string is no item; a blank item of a list is kept, as '', so that it
    can be reported on its line.
    """
    value = found.value
    if isinstance(value, str):
        return [(value.strip(), found.line)] if value.strip() else []
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        lines = found.item_lines or (found.line,) * len(value)
        return [(item.strip(), line) for item, line in zip(value, lines, strict=True)]
    return None


def kind(value: Any) -> str:
    """What a value of the wrong type is, in an author's words."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, bool):
        return "true or false"
    return "a number" if isinstance(value, (int, float)) else "text"
