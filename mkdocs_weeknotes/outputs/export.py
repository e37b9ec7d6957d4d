"""The generated pages as plain Markdown, for a site that leaves MkDocs.

Every index and rollup page is written as a Markdown file at the same path it
has in the site, with links to the notes' own Markdown files, so that any
static site generator that builds the notes can build these pages too.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from pathlib import Path

from ..config import WeeknotesConfig
from ..model import Note
from ..planning.generated import PageSpec, Plan, rollup_year_key
from ..reading.collection import Weeknotes
from ..reading.sections import headings
from .writing import Target, write_all

_INLINE_LINK = re.compile(r"(!?\[[^\]]*\]\()([^)\s]+)((?:\s+\"[^\"]*\")?\))")
_REF_DEF = re.compile(r"^( {0,3}\[(?!\^)[^\]]+\]:\s*)(\S+)(.*)$", re.MULTILINE)
_FOOTNOTE_REF = re.compile(r"\[\^([^\]]+)\]")
_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")


def text(value: str) -> str:
    """Front-matter text as literal Markdown: no markup, no HTML."""
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", escaped)


def link(from_page: str, to_src: str) -> str:
    """A relative link between two files of the docs folder."""
    return posixpath.relpath(to_src, posixpath.dirname(from_page) or ".")


def _move_links(markdown: str, note_src: str, page_src: str) -> str:
    """Relative links in a note's Markdown, made to work from `page_src`."""

    def moved(url: str) -> str:
        if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.IGNORECASE) or url.startswith(("/", "#")):
            return f"{link(page_src, note_src)}{url}" if url.startswith("#") else url
        path, _, fragment = url.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(note_src), path))
        return link(page_src, target) + (f"#{fragment}" if fragment else "")

    markdown = _INLINE_LINK.sub(lambda m: m.group(1) + moved(m.group(2)) + m.group(3), markdown)
    return _REF_DEF.sub(lambda m: m.group(1) + moved(m.group(2)) + m.group(3), markdown)


def section_markdown(body: str, start_line: int, body_line: int) -> str:
    """The Markdown under a section's heading (at `start_line` of the file), up to the
    next heading as high, with the note's footnotes that it refers to."""
    lines = body.split("\n")
    found = headings(body)
    number = start_line - body_line + 1  # the heading's 1-based line in the body
    own = next(h for h in found if h.line == number)
    start = own.line  # the 0-based index of the line after it
    if start < len(lines) and _UNDERLINE.match(lines[start]):
        start += 1  # a setext heading's underline
    end = next(
        (h.line - 1 for h in found if h.line > own.line and h.level <= own.level), len(lines)
    )
    section = "\n".join(lines[start:end]).strip("\n")
    notes = set(_FOOTNOTE_REF.findall(section))
    definitions = [
        line
        for line in lines
        if (match := re.match(r"^\[\^([^\]]+)\]:", line)) and match.group(1) in notes
    ]
    return section + ("\n\n" + "\n".join(definitions) if definitions else "")


class Exporter:
    def __init__(self, weeknotes: Weeknotes, plan: Plan, settings: WeeknotesConfig) -> None:
        self.weeknotes = weeknotes
        self.plan = plan
        self.settings = settings

    def note_line(self, note: Note, page: str) -> str:
        people = ", ".join(
            f"[{text(self.plan.people[i].name)}]({link(page, self.plan.uri('person', i) or '')})"
            if i in self.plan.people and self.plan.uri("person", i)
            else text(i)
            for i in note.authors
        )
        line = f"- [{text(note.title)}]({link(page, note.src_uri)})"
        line += f" · {text(self.settings.shown_date(note.date)) if note.date else ''}"
        if people:
            line += f" · {people}"
        if note.summary:
            line += f"\n  {text(note.summary)}"
        return line

    def notes(self, notes: Iterable[Note], page: str) -> list[str]:
        return [self.note_line(note, page) for note in notes]

    def page(self, spec: PageSpec) -> str:
        uri = spec.src_uri
        words = self.settings.catalogue
        out = [f"# {text(spec.title)}", ""]
        if spec.kind in ("latest", "year", "rollup", "rollup-year"):
            rollup = spec.rollup
            for group in spec.weeks:
                week = self.settings.shown_date(group.week)
                out += [f"## {text(words.week_commencing)} {text(week)}", ""]
                if rollup:
                    out += self.entries(group.notes, rollup, uri)
                else:
                    out += [*self.notes(group.notes, uri), ""]
            years = (
                self.plan.rollup_years.get(rollup, {})
                if rollup
                else {y: 0 for y in self.plan.years}
            )
            kind = "rollup-year" if rollup else "year"
            links = []
            for year in years:
                key = rollup_year_key(rollup, year) if rollup else str(year)
                links.append(f"- [{year}]({link(uri, self.plan.uri(kind, key) or '')})")
            if links:
                out += [f"## {text(words.archive)}", "", *links, ""]
        elif spec.kind == "themes":
            for slug, theme in self.plan.themes.items():
                count = len(self.plan.by_theme.get(slug, ()))
                target = self.plan.uri("theme", slug) or ""
                out.append(f"- [{text(theme.label)}]({link(uri, target)}) ({count})")
        elif spec.kind == "people":
            for ident, person in sorted(
                self.plan.people.items(), key=lambda item: item[1].name.casefold()
            ):
                count = len(self.plan.by_person.get(ident, ()))
                target = self.plan.uri("person", ident) or ""
                description = f": {text(person.description)}" if person.description else ""
                out.append(f"- [{text(person.name)}]({link(uri, target)}){description} ({count})")
        elif spec.kind in ("theme", "person"):
            who = self.plan.people.get(spec.key) if spec.kind == "person" else None
            if who is not None and who.description:
                out += [text(who.description), ""]
            out += self.notes(spec.notes, uri)
            if spec.count > 1:
                out += [
                    "",
                    text(words.format("page_of", number=spec.number, count=spec.count)) + ".",
                ]
            mentioned = self.plan.mentioned.get(spec.key, ()) if spec.kind == "person" else ()
            if mentioned and spec.number == 1:
                out += ["", f"## {text(words.mentioned_in)}", "", *self.notes(mentioned, uri)]
        return "\n".join(out).rstrip() + "\n"

    def entries(self, notes: Iterable[Note], rollup: str, page: str) -> list[str]:
        out: list[str] = []
        number = 0
        for note in notes:
            fm = self.weeknotes.front_matter.get(note.src_uri)
            if fm is None:
                continue
            for ref in (r for r in note.sections if r.rollup == rollup):
                people = ", ".join(
                    text(self.plan.people[i].name) if i in self.plan.people else text(i)
                    for i in note.authors
                )
                body = section_markdown(fm.body, ref.line, fm.body_line)
                # Footnote labels are per note; on a page of many notes they get a prefix.
                number += 1
                body = _FOOTNOTE_REF.sub(rf"[^{number}-\1]", body)
                out += [
                    f"### {people}: [{text(note.title)}]({link(page, note.src_uri)})",
                    "",
                    _move_links(body, note.src_uri, page),
                    "",
                ]
        return out


def export(
    weeknotes: Weeknotes,
    plan: Plan,
    settings: WeeknotesConfig,
    out: Path,
    *,
    force: bool = False,
    docs_dir: Path | None = None,
) -> list[Path]:
    """Write every generated page under `out`; return the files written.

    Nothing is written if any page would replace a file (unless `force`), a file
    of `docs_dir` (even then) or go through a link: see `writing.write_all`.
    """
    exporter = Exporter(weeknotes, plan, settings)
    targets = [
        Target(out.joinpath(*spec.src_uri.split("/")), exporter.page(spec).encode("utf-8"))
        for spec in plan.pages
    ]
    write_all(out, targets, force=force, protected=docs_dir)
    return [target.path for target in targets]
