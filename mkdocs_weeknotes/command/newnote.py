"""Starting a note: the week's file, from a template a site can replace."""

from __future__ import annotations

import datetime
import json
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, PackageLoader, StrictUndefined
from mkdocs.config.defaults import MkDocsConfig

from ..config import WeeknotesConfig
from ..outputs.writing import WriteError, write_file
from ..reading.collection import Weeknotes, load_authors
from ..reading.notes import read_note
from ..slugs import slugify
from ..weeks import outside_calendar, week_of

TEMPLATE = "weeknotes/new-note.md"


class NewNoteError(Exception):
    """Why no note was written; `status` is the exit status to give."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


def new_note(
    config: MkDocsConfig,
    settings: WeeknotesConfig,
    weeknotes: Weeknotes,
    authors: list[str],
    day: datetime.date,
    title: str | None,
    themes: list[str],
    summary: str | None = None,
) -> Path:
    """Write the note and return its path; raise NewNoteError and write nothing if
    the note would not pass the site's own checks or a file is already there."""
    ids = _authors(config, settings, authors)
    outside = outside_calendar(day, settings.week_start_index)
    if outside is not None:
        raise NewNoteError(f"no note can be dated {day}: {outside[0]} ({outside[1]})")
    week = week_of(day, settings.week_start_index)
    relative = settings.new_note_path.format(
        date=day, week=week, year=day.year, author=slugify(ids[0])
    )
    relative = posixpath.normpath(relative.replace("\\", "/"))
    if relative.startswith("../") or posixpath.isabs(relative) or not relative.endswith(".md"):
        raise NewNoteError(f"new_note_path gives {relative!r}: not a .md file under notes_dir")
    src_uri = posixpath.join(settings.notes_dir, relative) if settings.notes_dir else relative
    if settings.selector.why_not(src_uri) is not None:
        # The file would be written, and then not read as a note.
        raise NewNoteError(
            f"new_note_path gives {relative!r}, which the include and exclude settings"
            " do not select as a note; change new_note_path or include"
        )
    path = Path(config.docs_dir, *src_uri.split("/"))
    if path.exists() or path.is_symlink():
        raise NewNoteError(f"{path} already exists; it was left as it was", status=1)
    people = {slugify(i) for i in ids} if not weeknotes.has_authors_file else set(ids)
    for note in weeknotes.notes:
        if note.week == week and people & set(note.authors):
            raise NewNoteError(
                f"there is already a note for the week of {week} by the same person: {note.path}",
                status=1,
            )
    text = render(config, settings, ids, day, title, themes, summary)
    display = posixpath.relpath(str(path), str(Path(config.config_file_path or ".").parent))
    result = read_note(
        text, src_uri, display, settings, load_authors(config.docs_dir, settings, "authors file")[0]
    )
    if result.problems:
        details = "\n".join(f"  {problem}" for problem in result.problems)
        raise NewNoteError(f"the new note would have problems, so it was not written:\n{details}")
    try:
        write_file(path, text.encode("utf-8"))
    except WriteError as err:
        raise NewNoteError(str(err), err.status) from err
    return path


def _authors(config: MkDocsConfig, settings: WeeknotesConfig, given: list[str]) -> list[str]:
    authors, problems = load_authors(config.docs_dir, settings, settings.authors_path)
    if problems:
        raise NewNoteError("the authors file has problems; run 'weeknotes check'")
    if authors is None:
        if not given:
            raise NewNoteError("pass --author with your name")
        return given
    if not given:
        if len(authors.people) == 1:
            return list(authors.people)
        raise NewNoteError(f"pass --author, {_one_of(authors.people)}")
    ids = []
    for name in given:
        ident, guess = authors.resolve(name)
        if ident is None:
            hint = f"did you mean '{guess}'?" if guess else _one_of(authors.people)
            raise NewNoteError(f"unknown author '{name}' ({hint})")
        ids.append(ident)
    return ids


def _one_of(ids: Iterable[str]) -> str:
    """The ids an author may pass, as a hint: a large team's list is cut short."""
    known = sorted(ids)
    shown = ", ".join(known[:_SHOWN_IDS])
    more = len(known) - _SHOWN_IDS
    return f"one of: {shown}" + (f" and {more} more in the authors file" if more > 0 else "")


_SHOWN_IDS = 30
_PLAIN = re.compile(r"^[^\W\d_][\w .'’-]*$")
_SPECIAL = frozenset({"y", "yes", "n", "no", "true", "false", "on", "off", "null"})


def yaml_scalar(value: object) -> str:
    """A YAML scalar for text: as it is when that is safe, quoted when it is not."""
    text = str(value)
    if _PLAIN.match(text) and text.strip() == text and text.casefold() not in _SPECIAL:
        return text
    return json.dumps(text, ensure_ascii=False)


def render(
    config: MkDocsConfig,
    settings: WeeknotesConfig,
    authors: list[str],
    day: datetime.date,
    title: str | None,
    themes: list[str],
    summary: str | None,
) -> str:
    """The note's text from the site's template, or the plugin's."""
    if settings.new_note_template:
        folder = Path(config.config_file_path or ".").parent
        template_path = folder / settings.new_note_template
        if not template_path.is_file():
            raise NewNoteError(f"new_note_template: no such file: {template_path}")
        loader: FileSystemLoader | PackageLoader = FileSystemLoader(str(template_path.parent))
        name = template_path.name
    else:
        loader, name = PackageLoader("mkdocs_weeknotes", "templates"), TEMPLATE
    # Markdown, not HTML: no autoescaping; values go through the `yaml` filter instead.
    env = Environment(
        loader=loader,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["yaml"] = yaml_scalar
    learning = settings.learning_log.headings[0] if settings.learning_log.enabled else ""
    text = env.get_template(name).render(
        title=title or "",
        date=day.isoformat(),
        week=week_of(day, settings.week_start_index).isoformat(),
        authors=authors,
        themes=themes,
        theme_key=settings.theme_keys[0],
        summary=summary or "",
        learning_heading=learning,
        # The headings, in the site's language (see `use_language`).
        words=settings.catalogue,
    )
    return text.rstrip() + "\n"
