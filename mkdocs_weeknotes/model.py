"""The model: a note, its rollup sections, a person, a theme. Frozen, so pages can
share them safely."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Person:
    """Someone who writes notes: from the authors file, or from a free-text name."""

    id: str
    name: str
    slug: str
    description: str = ""
    avatar: str = ""
    # Other spellings of the name that notes use (the authors file's `aliases`).
    aliases: tuple[str, ...] = ()
    # The team's week (see planning/team.py): `active: false` or an `until` date mark
    # someone who has left; `away` holds the days they are away, as ranges.
    active: bool = True
    until: datetime.date | None = None
    away: tuple[tuple[datetime.date, datetime.date], ...] = ()


@dataclass(frozen=True)
class Theme:
    """A theme notes are filed under. `label` is how it is shown."""

    slug: str
    label: str


@dataclass(frozen=True)
class SectionRef:
    """A rollup section found in a note's source."""

    rollup: str
    heading: str
    level: int
    line: int  # in the file


@dataclass(frozen=True)
class Note:
    """One weeknote, with only values that passed validation.

    A field that had a problem is left empty here (None or ()), so that an
    invalid value can never reach an index page. A wrong `week` is the one
    exception: the week that holds the date stands in, so the note is listed.
    """

    src_uri: str
    # Relative to the directory of mkdocs.yml, as problems name it.
    path: str
    title: str
    # Where the title came from: "front matter", "heading" or "format".
    title_source: str
    date: datetime.date | None
    week: datetime.date | None
    authors: tuple[str, ...]
    themes: tuple[Theme, ...]
    summary: str | None = None
    draft: bool = False
    # True when the front matter has a problem; the page still renders.
    has_problems: bool = False
    # Rollup sections found in the source, such as "Something I'm learning".
    sections: tuple[SectionRef, ...] = ()
    # Translations: the note's language ("" for the site's), and what its
    # translations share: its `ref`, else its path without a language suffix.
    lang: str = ""
    ref: str = ""
    # The people the note mentions (`@id`), by id, its own authors left out.
    mentions: tuple[str, ...] = ()

    @cached_property
    def fingerprint(self) -> int:
        """Its hash, made once: `serve --dirty` prints every note on every build,
        and a note read on an earlier build is the same object (see ReadCache)."""
        return hash(self)
