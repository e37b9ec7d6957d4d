"""One weeknote: its front matter checked against every rule, and the model made."""

from __future__ import annotations

import datetime
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..config import RESERVED, WeeknotesConfig
from ..model import Note
from ..problems import Problem
from ..text import without_controls
from ..weeks import week_of
from .authors import Authors
from .frontmatter import FrontMatter, read
from .notebody import BodyChecks
from .notedates import DateChecks
from .notemeta import MetaChecks
from .sections import Heading, headings
from .selection import Selector
from .summary import first_paragraph


@dataclass(frozen=True)
class NoteResult:
    """What reading one file gives: the note (None if it is not a weeknote)."""

    note: Note | None
    problems: tuple[Problem, ...]
    front_matter: FrontMatter


def is_note_path(src_uri: str, notes_dir: str) -> bool:
    """Whether the default `include` and `exclude` make `src_uri` a note."""
    return Selector(notes_dir, ("*.md",), (), RESERVED).why_not(src_uri) is None


def read_note(
    source: str | bytes,
    src_uri: str,
    path: str,
    settings: WeeknotesConfig,
    authors: Authors | None,
) -> NoteResult:
    """Check one note's front matter; every problem is returned, none raised."""
    fm = read(source, path)
    checker = _Checker(fm, src_uri, path, settings, authors)
    if checker.flag("weeknote", default=True) is False:
        return NoteResult(None, (), fm)
    note = checker.note()
    problems = tuple(sorted(fm.problems + tuple(checker.problems)))
    if problems:
        note = replace(note, has_problems=True)
    return NoteResult(note, problems, fm)


class _Checker(DateChecks, MetaChecks, BodyChecks):
    """The checks of one note: of its dates (notedates.py), of the other fields of
    its front matter (notemeta.py) and of its body (notebody.py)."""

    # --- the rules, one method each -------------------------------------------------

    def note(self) -> Note:
        self.check_keys()
        date = self.check_date()
        week = self.check_week(date)
        people = self.check_authors()
        themes = self.check_themes()
        draft = self.flag("draft", default=False)
        title, title_source = self.check_title(people, week, date)
        summary = self.summary() or _without_controls_or_none(first_paragraph(self.fm.body))
        self.check_required(title_source, date)
        sections = self.check_sections()
        lang, ref = self.check_translation()
        mentions = self.check_mentions(people)
        return Note(
            src_uri=self.src_uri,
            path=self.path,
            title=title,
            title_source=title_source,
            date=date,
            week=week,
            authors=people,
            themes=themes,
            summary=summary,
            draft=bool(draft),
            sections=sections,
            lang=lang,
            ref=ref,
            mentions=mentions,
        )

    def check_title(
        self, people: tuple[str, ...], week: datetime.date | None, date: datetime.date | None
    ) -> tuple[str, str]:
        title = self.text("title")
        if title:
            return title, "front matter"
        heading = without_controls(_first_h1(self.headings) or "")
        if heading:
            return heading, "heading"
        names = [self.person_name(ident) for ident in people]
        return format_title(self.settings, names, week, date, self.src_uri), "format"

    def person_name(self, ident: str) -> str:
        if self.authors is not None and ident in self.authors.people:
            return self.authors.people[ident].name
        return ident


def format_title(
    settings: WeeknotesConfig,
    names: list[str],
    week: datetime.date | None,
    date: datetime.date | None,
    src_uri: str,
) -> str:
    """The title of a note that has none: `title_format`, else the file's name."""
    if week is None and date is not None:  # the week given was wrong; the date holds
        week = week_of(date, settings.week_start_index)
    if week is not None:
        words = settings.catalogue
        people = f" {words['and']} ".join(names) if names else words.the_team
        pattern = settings.title_format or words.fallback_title
        return pattern.format(
            people=people, week=_Shown(week, settings), date=_Shown(date or week, settings)
        )
    stem = posixpath.splitext(posixpath.basename(src_uri))[0]
    return stem.replace("-", " ").replace("_", " ").strip().capitalize() or stem


class _Shown:
    """A date for `title_format`: `{week}` as pages show dates ("24 June 2019" in
    en_GB), while `{week:%Y-%m-%d}` still formats the date itself."""

    def __init__(self, day: datetime.date, settings: WeeknotesConfig) -> None:
        self._day = day
        self._settings = settings

    def __format__(self, spec: str) -> str:
        return format(self._day, spec) if spec else self._settings.shown_date(self._day)


def _without_controls_or_none(text: str | None) -> str | None:
    return without_controls(text) if text else text


def first_h1(body: str) -> str | None:
    """The text of the first level-1 heading outside code blocks, if any."""
    return _first_h1(headings(body))


def _first_h1(found: Sequence[Heading]) -> str | None:
    return next((h.text for h in found if h.level == 1 and h.text), None)
