"""One weeknote: its front matter checked against every rule, and the model made."""

from __future__ import annotations

import calendar
import datetime
import functools
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from .authors import Authors
from .config import RESERVED, WEEKDAYS, WeeknotesConfig, parse_locale, rollup_setting
from .frontmatter import Field, FrontMatter, Invalid, read, without_controls
from .mentions import find as find_mentions
from .model import Note, Theme
from .names import split_names
from .problems import Problem, quote
from .sections import (
    Heading,
    SectionRef,
    find_sections,
    heading_misses,
    headings,
    near_misses,
)
from .selection import Selector
from .slugs import slugify
from .suggest import closest, near_key
from .summary import first_paragraph
from .weeks import outside_calendar, week_of, weekday_name

_FILE_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?=$|[^\d])")
# A date, optionally with a time and zone: the same on every Python version, unlike
# datetime.fromisoformat, which accepts more with each release.
_ISO_DATE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:(?:[Tt]|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$"
)

# Keys of ours, besides the configured theme and summary keys.
OWN_KEYS = ("title", "date", "week", "authors", "author", "draft", "weeknote", "lang", "ref")
# mkdocs-static-i18n's file names: `note.cy.md` is the Welsh of `note.md`.
_LANG_SUFFIX = re.compile(r"^(.+)\.([a-z]{2,3}(?:[_-][A-Za-z]{2,4})?)\.md$")
# Keys other tools use that sit one edit from ours; never reported as typos.
FOREIGN_KEYS = frozenset(
    {"tags", "hide", "icon", "slug", "status", "layout", "links", "pin", "data", "time"}
)


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


class _Checker:
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
        if found is None or found.value is None or _refused(found):
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
        if found is not None and _refused(found):
            return True
        found = self.value(key)
        if found is None:
            return False
        items = _text_items(found)
        return items is None or any(item for item, _ in items)

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

    def check_mentions(self, people: tuple[str, ...]) -> tuple[str, ...]:
        """Who the note's text mentions, by id; a near miss of someone's handle is
        WN710. Without an authors file the handles are kept as slugs, to be matched
        with the people of every note (see collection.py), and none is a problem."""
        if not self.settings.mentions:
            return ()
        found: dict[str, None] = {}
        for mention in find_mentions(self.fm.body, self.fm.body_line):
            if self.authors is None:
                found[slugify(mention.handle)] = None
                continue
            ident = self.authors.handles.resolve(mention.handle)
            if ident is not None:
                if ident not in people:
                    found[ident] = None
                continue
            # A handle close to nobody's is someone elsewhere, such as a social
            # media account: only a near miss is a problem.
            near = self.authors.handles.near(mention.handle)
            if near is not None:
                self.problem(
                    mention.line,
                    "WN710",
                    f"{quote('@' + mention.handle)} mentions nobody on the team",
                    f"did you mean {quote('@' + near)}?",
                )
        return tuple(found)

    def check_translation(self) -> tuple[str, str]:
        """The note's language and what its translations share (see Note.ref).

        `lang:` in front matter, else a static-i18n suffix; `ref:` when given,
        else the path without the suffix, so `note.cy.md` joins `note.md`.
        """
        base, lang = self.src_uri, ""
        suffix = _LANG_SUFFIX.match(self.src_uri)
        if suffix is not None and parse_locale(suffix.group(2)) is not None:
            base, lang = f"{suffix.group(1)}.md", suffix.group(2)
        found = self.value("lang")
        given = self.text("lang")
        if found is not None and given is not None:
            if parse_locale(given) is None:
                near = _language_code(given)
                self.problem(
                    found.line,
                    "WN203",
                    f"{quote(given)} is not a language code",
                    f"did you mean {quote(near)}?" if near else "write a code such as 'en' or 'cy'",
                )
            else:
                lang = given
        ref = self.text("ref")
        return lang.replace("_", "-"), f"ref:{ref}" if ref else f"file:{base}"

    def check_keys(self) -> None:
        known = set(OWN_KEYS) | set(self.settings.theme_keys) | set(self.settings.summary_keys)
        for key, found in self.fm.fields.items():
            if key in known or key in FOREIGN_KEYS:
                continue
            guess = near_key(key, known)
            if guess is not None and guess not in self.fm.fields:
                self.problem(
                    found.line,
                    "WN006",
                    f"unknown key {quote(key)}",
                    f"did you mean {quote(guess)}?",
                )

    def check_date(self) -> datetime.date | None:
        found = self.value("date")
        if found is not None:
            return self.as_date(found, "date")
        stem = posixpath.basename(self.src_uri)
        match = _FILE_DATE.match(stem)
        if match:
            try:
                day = datetime.date(*map(int, match.groups()))
            except ValueError:
                self.problem(
                    1,
                    "WN102",
                    f"the file name's date {match.group(0)} is not a real date",
                    impossible_date_hint(*map(int, match.groups())),
                )
                return None
            return self.in_calendar(day, 1, "the file name's date")
        relative = self.settings.selector.relative(self.src_uri)
        in_path = date_from_folders(posixpath.dirname(relative or self.src_uri).split("/"))
        if in_path is not None:
            return self.folder_date(*in_path)
        given = self.fm.get("date")
        if not self.fm.parsed or (given is not None and _refused(given)):
            return None  # the problem that kept the date from being read says it all
        line = given.line if given is not None else 1
        self.problem(
            line,
            "WN101",
            "the note has no date",
            "add 'date: YYYY-MM-DD' or start the file name with the date",
        )
        return None

    def folder_date(self, written: str, parts: tuple[int, ...], kind: str) -> datetime.date | None:
        """The date of a note's folders (see date_from_folders), or a problem."""
        year = parts[0]
        try:
            if kind == "week":
                day = datetime.date.fromisocalendar(year, parts[1], 1)
            else:
                day = datetime.date(*parts)
        except ValueError:
            if kind == "week" and year >= datetime.MINYEAR:
                hint = _week_hint(year)
            else:
                hint = impossible_date_hint(*(parts if kind == "date" else (year, 1, 1)))
            self.problem(1, "WN102", f"the folder's {kind} {written} is not a real {kind}", hint)
            return None
        return self.in_calendar(day, 1, f"the folder's {kind}")

    def as_date(self, found: Field, key: str) -> datetime.date | None:
        value = found.value
        if isinstance(value, dict) and key == "date":
            # Material's blog writes `date: {created: ..., updated: ...}`.
            if value.get("created") is None:
                self.problem(
                    found.line,
                    "WN102",
                    "date has no 'created' date",
                    "write 'date: YYYY-MM-DD', or 'created: YYYY-MM-DD' under 'date:'",
                )
                return None
            return self.as_date(Field(key, value["created"], found.line), key)
        if isinstance(value, datetime.datetime):  # a time of day is allowed and ignored
            return self.in_calendar(value.date(), found.line, key)
        if isinstance(value, datetime.date):
            return self.in_calendar(value, found.line, key)
        text = found.raw if isinstance(value, Invalid) and found.raw else value
        match = _ISO_DATE.match(text.strip()) if isinstance(text, str) else None
        if match:
            parts = tuple(map(int, match.groups()))
            try:
                day = datetime.date(*parts)
            except ValueError:
                self.problem(
                    found.line,
                    "WN102",
                    f"{key} {quote(match.group(0))} is not a real date",
                    impossible_date_hint(*parts),
                )
                return None
            return self.in_calendar(day, found.line, key)
        if isinstance(text, str) or found.raw is not None:
            message = (
                f"{key} {quote(found.raw if found.raw is not None else str(text))} is not a date"
            )
        else:
            message = f"{key} must be a date, not {_kind(value)}"
        self.problem(found.line, "WN102", message, "write it as YYYY-MM-DD")
        return None

    def in_calendar(self, day: datetime.date, line: int, key: str) -> datetime.date | None:
        """The day, unless its week runs off either end of the calendar, where no
        week could be counted for it."""
        outside = outside_calendar(day, self.settings.week_start_index)
        if outside is None:
            return day
        self.problem(line, "WN102", f"{key} {day} is out of range: {outside[0]}", outside[1])
        return None

    def check_week(self, date: datetime.date | None) -> datetime.date | None:
        """The note's week; a wrong one is reported and the week of the date used,
        so that the note is still listed where its header links to."""
        start = self.settings.week_start_index
        by_date = week_of(date, start) if date else None
        found = self.value("week")
        if found is None:
            return by_date
        week = self.as_date(found, "week")
        if week is None:
            return by_date
        valid = True
        if week.weekday() != start:
            valid = False
            self.problem(
                found.line,
                "WN105",
                f"week {week} is a {weekday_name(week)}, not a {WEEKDAYS[start].title()}",
                f"did you mean {week_of(week, start)}?",
            )
        if date is not None:
            grace = self.settings.week_grace_days
            days = (date - week).days
            expected = week_of(date, start)
            if days < 0:
                valid = False
                self.problem(
                    found.line,
                    "WN106",
                    f"week {week} starts after the note's date {date}",
                    f"did you mean {expected}?",
                )
            elif days > 6 + grace:
                valid = False
                self.problem(
                    found.line,
                    "WN106",
                    f"week {week} ends more than {grace} days before the note's date {date}",
                    f"did you mean {expected}?",
                )
        return week if valid else by_date

    def check_authors(self) -> tuple[str, ...]:
        single, plural = self.value("author"), self.value("authors")
        if single is not None and plural is not None:
            self.problem(
                single.line,
                "WN111",
                "both 'author' and 'authors' are set",
                "keep one: 'authors: [a, b]' or 'author: a'",
            )
        found = plural or single
        if found is None:
            return ()
        names = _text_items(found)
        if names is None:
            self.problem(
                found.line,
                "WN104",
                f"'{found.key}' must be a name or a list of names",
                f"write '{found.key}: [name, name]'",
            )
            return ()
        ids: list[str] = []
        for item, line in names:
            if not item:
                self.problem(line, "WN104", "an empty author in the list", _EMPTY_ITEM)
                continue
            people = self.people_in(item)
            # Of a string naming several people, a problem names the one it is about.
            within = f" in {quote(item)}" if len(people) > 1 else ""
            for name in people:
                if self.authors is None:
                    ident: str | None = name
                    if not slugify(name):
                        message = f"author {quote(name)}{within} has no letters or digits"
                        self.problem(line, "WN104", message)
                        ident = None
                else:
                    ident, guess = self.authors.resolve(name)
                    if ident is None:
                        hint = (
                            f"did you mean {quote(guess)}?"
                            if guess
                            else "add them to the authors file"
                        )
                        self.problem(line, "WN103", f"unknown author {quote(name)}{within}", hint)
                if ident is not None and ident not in ids:
                    ids.append(ident)
        return tuple(ids)

    def people_in(self, item: str) -> list[str]:
        """The people one author string names: itself when the authors file knows
        it whole, else its parts, such as `Kim` and `Soph` of `Kim and Soph`."""
        if self.authors is not None and self.authors.lookup(item) is not None:
            return [item]
        return split_names(item, self.settings.author_separators)

    def check_themes(self) -> tuple[Theme, ...]:
        vocabulary = self.settings.vocabulary
        # A theme may be written as its slug or as its label, in any case.
        spellings = {slugify(label): slug for slug, label in vocabulary.items()}
        spellings.update({slug: slug for slug in vocabulary})
        themes: dict[str, Theme] = {}
        for key in self.settings.theme_keys:
            found = self.value(key)
            if found is None:
                continue
            items = _text_items(found)
            if items is None:
                self.problem(
                    found.line,
                    "WN107",
                    f"'{key}' must be a list of text",
                    f"write '{key}: [theme, theme]'",
                )
                continue
            for item, line in items:
                if not item:
                    self.problem(line, "WN107", "an empty theme in the list", _EMPTY_ITEM)
                    continue
                slug = slugify(item)
                if not slug:
                    self.problem(line, "WN107", f"theme {quote(item)} has no letters or digits")
                    continue
                if not vocabulary:
                    themes.setdefault(slug, Theme(slug, item))
                    continue
                canonical = spellings.get(slug)
                if canonical is None:
                    # Suggest in the form the author wrote: a slug for a slug, a label for a label.
                    guess = closest(item, list(vocabulary) + list(vocabulary.values()))
                    hint = (
                        f"did you mean {quote(guess)}?"
                        if guess
                        else "add it to the 'themes' setting"
                    )
                    self.problem(line, "WN108", f"unknown theme {quote(item)}", hint)
                    continue
                themes.setdefault(canonical, Theme(canonical, vocabulary[canonical]))
        return tuple(themes.values())

    def summary(self) -> str | None:
        """The text of the first of `summary_keys` that has some."""
        for key in self.settings.summary_keys:
            text = self.text(key)
            if text:
                return text
        return None

    def flag(self, key: str, default: bool) -> bool | None:
        found = self.value(key)
        if found is None:
            return default
        if isinstance(found.value, bool):
            return found.value
        written = quote(found.raw) if found.raw else _kind(found.value)
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

    @functools.cached_property
    def headings(self) -> list[Heading]:
        """The body's headings: for the title and for the sections, read once."""
        return headings(self.fm.body)

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

    def check_sections(self) -> tuple[SectionRef, ...]:
        rollups = self.settings.rollup_list
        for miss in near_misses(self.fm.body, self.fm.body_line, rollups):
            kind = "a bold line" if miss.bold else "a paragraph"
            self.problem(
                miss.line,
                "WN501",
                f"{quote(miss.text)} is {kind}, not a heading, so it is not collected",
                f"make it a heading: ## {miss.heading}",
            )
        for close in heading_misses(self.headings, self.fm.body_line, rollups):
            self.problem(
                close.line,
                "WN502",
                f"heading {quote(close.text)} is close to {quote(close.heading)}"
                " but is not collected",
                f"did you mean {quote(close.heading)}?"
                f" or add it to {rollup_setting(close.rollup)}.headings",
            )
        return tuple(find_sections(self.fm.body, self.fm.body_line, rollups, self.headings))

    def check_required(self, title_source: str, date: datetime.date | None) -> None:
        if not self.fm.parsed:
            return  # the YAML problem says it all; every field would look missing
        # A field that is present but wrong has a problem of its own; this rule is
        # only about absence. The date is always needed, so WN101 covers it.
        present = {
            "date": True,
            "week": self.given("week"),  # else it defaults from the date
            "title": title_source != "format" or self.given("title"),
            "authors": any(self.given(k) for k in ("author", "authors")),
            "themes": any(self.given(k) for k in self.settings.theme_keys),
            "summary": any(self.given(k) for k in self.settings.summary_keys),
        }
        missing = [name for name in self.settings.required if not present[name]]
        if not missing:
            return
        people = sorted(self.authors.people) if self.authors else []
        themes = sorted(self.settings.vocabulary)
        week = week_of(date, self.settings.week_start_index) if date else "YYYY-MM-DD"
        examples = {
            "title": "title: …",
            "week": f"week: {week}",
            "authors": f"authors: [{people[0] if people else 'your name'}]",
            "themes": f"{self.settings.theme_keys[0]}: [{themes[0] if themes else '…'}]",
            "summary": f"{self.settings.summary_keys[0]}: one sentence for index pages",
        }
        line = max(self.fm.body_line - 1 if self.fm.has_block else 1, 1)
        for name in missing:
            self.problem(
                line, "WN007", f"required field '{name}' is missing", f"add '{examples[name]}'"
            )


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


def _refused(found: Field) -> bool:
    """A value too large to read, already reported (WN008)."""
    return isinstance(found.value, Invalid) and found.value.refused


_EMPTY_ITEM = "write a name, or remove the item"


def _text_items(found: Field) -> list[tuple[str, int]] | None:
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


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, bool):
        return "true or false"
    return "a number" if isinstance(value, (int, float)) else "text"


_YEAR = re.compile(r"\d{4}")
_NUMBER = re.compile(r"\d{1,2}")


def date_from_folders(folders: Sequence[str]) -> tuple[str, tuple[int, ...], str] | None:
    """The date a note's folders give, for a note with none in its front matter or
    file name: as written, its numbers, and whether it is a "date" or a "week".

    The folder that holds the note may start with a date (`2018-07-06/`, as a
    file name may), or the last folders may be a year, month and day
    (`2018/07/06/`) or a year and an ISO week number (`2018/27/`), which gives
    that week's Monday.
    """
    last = folders[-1] if folders else ""
    match = _FILE_DATE.match(last)
    if match:
        return match.group(0), tuple(map(int, match.groups())), "date"
    tail = folders[-3:]
    if len(tail) == 3 and _YEAR.fullmatch(tail[0]) and all(map(_NUMBER.fullmatch, tail[1:])):
        return "/".join(tail), tuple(map(int, tail)), "date"
    tail = folders[-2:]
    if len(tail) == 2 and _YEAR.fullmatch(tail[0]) and _NUMBER.fullmatch(tail[1]):
        return "/".join(tail), tuple(map(int, tail)), "week"
    return None


def _week_hint(year: int) -> str:
    weeks = datetime.date(year, 12, 28).isocalendar()[1]  # 28 December is in the last week
    return f"{year} has {weeks} ISO weeks"


def impossible_date_hint(year: int, month: int, day: int) -> str:
    """Why a date written as YYYY-MM-DD is not a real one."""
    if year < datetime.MINYEAR:
        return f"the years start at {datetime.MINYEAR}"
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    days = calendar.monthrange(year, month)[1]
    # Not calendar.month_name: it follows the process locale, and output must not.
    return f"{_MONTHS[month - 1]} {year} has {days} days"


def first_h1(body: str) -> str | None:
    """The text of the first level-1 heading outside code blocks, if any."""
    return _first_h1(headings(body))


def _first_h1(found: Sequence[Heading]) -> str | None:
    return next((h.text for h in found if h.level == 1 and h.text), None)


@functools.lru_cache(maxsize=256)
def _language_code(name: str) -> str | None:
    """The code of a language written by name, in English or in itself ('Welsh',
    'Cymraeg' → 'cy'); made only for a `lang` that is not a code."""
    from babel import Locale
    from babel.localedata import locale_identifiers

    wanted = name.strip().casefold()
    for code in sorted(locale_identifiers()):
        if "_" in code:
            continue
        locale = Locale.parse(code)
        names = {
            (locale.english_name or "").casefold(),
            (locale.get_display_name() or "").casefold(),
        }
        if wanted in names:
            return code
    return None
