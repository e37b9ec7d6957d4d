"""Embeds: a listing of notes put on any page by a marker in its Markdown. Pure.

A marker is an HTML comment on a line of its own, which Markdown keeps as it is
and a page without the plugin simply hides:

    <!-- weeknotes: latest theme=data limit=5 -->

The first word is the listing, then `key=value` options (a value with spaces in
quotes). Markers are read from the page's source, with lines, when the notes are
checked; in the rendered HTML each comment is replaced by its listing once every
note is rendered. Which notes a listing holds is planned with the pages (see
planning/generated.py).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..model import Person, Theme
from ..problems import Problem, quote
from ..slugs import slugify, spellings
from ..suggest import closest
from .sections import unfenced

# A page that may hold a marker: a quick look at its bytes before any reading.
MAYBE = re.compile(rb"<!--\s*weeknotes:")
# A marker in the source: alone on its line (four spaces would make it code).
_SOURCE = re.compile(r"^ {0,3}<!--\s*weeknotes:(.*?)-->\s*$")
# A marker in the rendered HTML, as Markdown keeps it.
HTML = re.compile(r"<!--\s*weeknotes:(.*?)-->", re.DOTALL)
# Code in the rendered HTML: a marker there is shown, as people document markers.
_CODE_START = re.compile(r"<(?:pre|code)\b", re.IGNORECASE)
_CODE = re.compile(r"<(pre|code)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
# A `<pre>` block written as HTML in the Markdown, which Markdown passes on as it is.
_PRE_OPEN = re.compile(r"<pre\b", re.IGNORECASE)
_PRE_CLOSE = re.compile(r"</pre\s*>", re.IGNORECASE)
_TOKEN = re.compile(r"""[^\s=]+=(?:"[^"]*"|'[^']*'|[^\s"']*)|\S+""")

DEFAULT_LIMIT = 5
# Each listing and the options it takes.
LISTINGS: dict[str, tuple[str, ...]] = {
    # The latest notes, of a theme or a person if given.
    "latest": ("theme", "person", "limit"),
    # The latest learning-log entries, of a theme or a person if given.
    "learning": ("theme", "person", "limit"),
    # The notes of the latest week that has any, as the latest page shows weeks.
    "week": ("theme", "person"),
}
_SYNTAX = "write it as '<!-- weeknotes: latest theme=… person=… limit=5 -->'"


@dataclass(frozen=True)
class Embed:
    """One marker, understood: which listing, filtered how, how long."""

    listing: str
    theme: str = ""  # a theme's slug
    person: str = ""  # a person's id
    limit: int = DEFAULT_LIMIT


@dataclass(frozen=True)
class Found:
    """A page's markers, by what each says (the comment's text), and the problems."""

    embeds: Mapping[str, Embed]
    problems: tuple[Problem, ...]


def key(text: str) -> str:
    """A marker's text as the page's source and its HTML both give it."""
    return " ".join(text.split())


def find(
    text: str,
    path: str,
    themes: Mapping[str, Theme],
    people: Mapping[str, Person],
    learning: bool = True,
) -> Found:
    """Every marker of one page, outside code blocks, checked against the site."""
    embeds: dict[str, Embed] = {}
    problems: list[Problem] = []
    lines = text.split("\n")
    in_pre = _in_pre(lines) if "<pre" in text.lower() else frozenset()
    for index, line in unfenced(lines):
        if "<!--" not in line or index in in_pre:
            continue
        match = _SOURCE.match(line)
        if match is None:
            continue
        said = key(match.group(1))
        embed, wrong = read(said, path, index + 1, themes, people, learning)
        problems.extend(wrong)
        if embed is not None:
            embeds[said] = embed
    return Found(embeds, tuple(problems))


def _in_pre(lines: Sequence[str]) -> frozenset[int]:
    """The indices of lines inside `<pre>` elements written as HTML."""
    inside: set[int] = set()
    in_pre = False
    for index, line in enumerate(lines):
        if in_pre:
            inside.add(index)
        else:
            opened = _PRE_OPEN.search(line)
            if opened is None:
                continue
            in_pre = True
            line = line[opened.end() :]  # `<pre>x</pre>` closes on its own line
        if _PRE_CLOSE.search(line):
            in_pre = False
    return frozenset(inside)


def replace_markers(html: str, replace: Callable[[re.Match[str]], str]) -> str:
    """`html` with each marker outside `<pre>` and `<code>` replaced by `replace`'s
    answer; a marker in code is text the page shows, and stays as it is."""
    if _CODE_START.search(html) is None:
        return HTML.sub(replace, html)  # most pages with a marker show no code
    code = [(found.start(), found.end()) for found in _CODE.finditer(html)]
    starts = [start for start, _ in code]

    def outside(match: re.Match[str]) -> str:
        at = bisect.bisect_right(starts, match.start()) - 1
        if at >= 0 and match.start() < code[at][1]:
            return match.group(0)
        return replace(match)

    return HTML.sub(outside, html)


def read(
    said: str,
    path: str,
    line: int,
    themes: Mapping[str, Theme],
    people: Mapping[str, Person],
    learning: bool = True,
) -> tuple[Embed | None, list[Problem]]:
    """One marker's text (after `weeknotes:`) as an Embed, or the problems with it."""
    problems: list[Problem] = []

    def problem(code: str, message: str, hint: str = "") -> None:
        problems.append(Problem(path, line, code, message, hint))

    tokens = _TOKEN.findall(said)
    if not tokens:
        problem("WN711", "the embed names no listing", f"{_SYNTAX}; listings: {_names()}")
        return None, problems
    listing, *options = tokens
    if listing not in LISTINGS:
        near = closest(listing, LISTINGS)
        hint = f"did you mean {quote(near)}?" if near else f"the listings are {_names()}"
        problem("WN711", f"unknown embed {quote(listing)}", hint)
        return None, problems
    if listing == "learning" and not learning:
        problem(
            "WN711",
            "the embed lists learning-log entries, but the learning log is switched off",
            "remove the embed, or set 'learning_log: {enabled: true}'",
        )
        return None, problems
    allowed = LISTINGS[listing]
    values: dict[str, str] = {}
    for token in options:
        name, equals, value = token.partition("=")
        if not equals:
            problem("WN711", f"embed option {quote(token)} has no value", _SYNTAX)
            continue
        if name not in allowed:
            near = closest(name, allowed)
            hint = (
                f"did you mean {quote(near)}?" if near else f"its options are {', '.join(allowed)}"
            )
            problem("WN711", f"{quote(listing)} takes no option {quote(name)}", hint)
            continue
        if name in values:
            problem("WN711", f"embed option {quote(name)} is given twice", "keep one")
            continue
        values[name] = value[1:-1] if value[:1] in "\"'" and len(value) > 1 else value
    limit = DEFAULT_LIMIT
    if "limit" in values:
        written = values["limit"]
        if written.isascii() and written.isdigit() and 0 < int(written) <= 1000:
            limit = int(written)
        else:
            problem(
                "WN711",
                f"limit {quote(written)} is not a number from 1 to 1000",
                "write a whole number, such as limit=5",
            )
    theme = _theme(values["theme"], themes, problem) if "theme" in values else ""
    person = _person(values["person"], people, problem) if "person" in values else ""
    if problems:
        return None, problems
    return Embed(listing, theme or "", person or "", limit), problems


def _names() -> str:
    return _listed(LISTINGS)


def _listed(names: Iterable[str]) -> str:
    return ", ".join(names)


class _Report(Protocol):
    def __call__(self, code: str, message: str, hint: str = "") -> None: ...


def _theme(written: str, themes: Mapping[str, Theme], problem: _Report) -> str | None:
    """A theme's slug, written as its slug or its label, in any case."""
    slug = spellings({slug: theme.label for slug, theme in themes.items()}).get(slugify(written))
    if slug is None:
        labels = [*themes, *(theme.label for theme in themes.values())]
        near = closest(written, labels)
        problem(
            "WN712",
            f"the embed's theme {quote(written)} is not a theme of the site",
            f"did you mean {quote(near)}?" if near else "write a theme's slug or label",
        )
    return slug


def _person(written: str, people: Mapping[str, Person], problem: _Report) -> str | None:
    """A person's id, written as their id, name, an alias or their slug, or `@id`."""
    wanted = written.removeprefix("@").casefold()
    index = _people_index(list(people.values()))
    ident = index.get(wanted) or index.get(slugify(wanted))
    if ident is None:
        near = closest(wanted, [p.id for p in people.values()])
        problem(
            "WN712",
            f"the embed's person {quote(written)} is not on the team",
            f"did you mean {quote(near)}?" if near else "write a person's id",
        )
    return ident


def _people_index(people: Sequence[Person]) -> dict[str, str]:
    index: dict[str, str] = {}
    for person in people[::-1]:  # the first in the file wins a clash
        index.update((alias.casefold(), person.id) for alias in person.aliases)
        index[person.name.casefold()] = person.id
        index[person.slug] = person.id
    for person in people[::-1]:
        index[person.id.casefold()] = person.id
    return index
