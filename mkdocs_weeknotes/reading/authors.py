"""The authors file, in Material's `.authors.yml` format, read with lines."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

import yaml

from ..model import Person
from ..problems import Problem, quote, shorten
from ..slugs import slugify
from ..suggest import closest
from ..text import without_controls
from ..weeks import iso_days
from . import frontmatter
from .frontmatter import MAX_ITEMS, TOO_LARGE_HINT, expanded_size, too_large
from .mentions import Handles, handles

# What a browser ignores in a URL before it reads the scheme: C0 controls and
# spaces at either end, and tabs and newlines anywhere ("java\tscript:").
_URL_TRIM = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")
_URL_SKIPPED = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
SAFE_SCHEMES = frozenset({"http", "https"})


@dataclass(frozen=True)
class Authors:
    """The people of the authors file, by id; `None` file means free-text names."""

    people: Mapping[str, Person]
    problems: tuple[Problem, ...] = ()

    def resolve(self, name: str) -> tuple[str | None, str | None]:
        """The id that `name` refers to, and otherwise a did-you-mean suggestion.

        An id matches exactly, then ignoring case; a full name or an alias matches
        ignoring case.
        """
        ident = self.lookup(name)
        if ident is not None:
            return ident, None
        if name not in self._guesses:  # the same unknown name comes note after note
            guess = closest(name, self._labels)
            self._guesses[name] = self._labels[guess] if guess else None
        return None, self._guesses[name]

    @cached_property
    def _guesses(self) -> dict[str, str | None]:
        return {}

    @cached_property
    def _labels(self) -> dict[str, str]:
        """Every id, name and alias as written, to its person's id: what an unknown
        name is compared with, gathered once rather than for every note."""
        by_label = {p.id: p.id for p in self.people.values()}
        by_label.update({p.name: p.id for p in self.people.values() if p.name})
        by_label.update({a: p.id for p in self.people.values() for a in p.aliases})
        return by_label

    def lookup(self, name: str) -> str | None:
        """The id that `name` refers to, or None; no suggestion is looked for."""
        if name in self.people:
            return name
        return self._index.get(name.casefold())

    @cached_property
    def handles(self) -> Handles:
        """Who each `@handle` in a note's text names."""
        return handles(self.people.values(), free_text=False)

    @cached_property
    def _index(self) -> dict[str, str]:
        """Every id, name and alias, ignoring case, to its person's id. An id wins
        over a name and a name over an alias (the clashes are WN306); between two
        people, the first in the file wins."""
        index: dict[str, str] = {}
        ordered = list(self.people.values())[::-1]
        for person in ordered:
            index.update((alias.casefold(), person.id) for alias in person.aliases)
        index.update((person.name.casefold(), person.id) for person in ordered if person.name)
        index.update((person.id.casefold(), person.id) for person in ordered)
        return index


def parse_authors(data: bytes, path: str) -> Authors:
    """Read an authors file: `authors:` mapping each id to name, description, avatar."""
    text, problems = frontmatter.decode(data, path)
    try:
        root = frontmatter.compose(text)
    except yaml.MarkedYAMLError as err:
        line, message, hint = frontmatter.describe_yaml_error(err, 1, text)
        line = min(line, len(text.splitlines()) or 1)  # PyYAML may point past the end
        problems.append(Problem(path, line, "WN301", f"the authors file: {message}", hint))
        return Authors({}, tuple(problems))
    except (yaml.YAMLError, RecursionError) as err:
        message = f"the authors file is not valid YAML: {shorten(str(err), 200)}"
        problems.append(Problem(path, 1, "WN301", message))
        return Authors({}, tuple(problems))
    shape_hint = "write 'authors:', then each id with 'name:' indented below it"
    top = _pairs(root, path, "key", problems) if isinstance(root, yaml.MappingNode) else {}
    for name, (key_node, value_node) in top.items():
        if name != "authors" and expanded_size(value_node) > MAX_ITEMS:
            line = key_node.start_mark.line + 1
            message = f"the authors file: {too_large(quote(name))}"
            problems.append(Problem(path, line, "WN301", message, TOO_LARGE_HINT))
    found = top.get("authors")
    section = found[1] if found is not None else None
    if not isinstance(section, yaml.MappingNode):
        line = root.start_mark.line + 1 if root is not None else 1
        problems.append(
            Problem(path, line, "WN302", "the authors file has no 'authors:' mapping", shape_hint)
        )
        return Authors({}, tuple(problems))
    people: dict[str, Person] = {}
    alias_lines: dict[str, list[tuple[str, int]]] = {}
    slugs: dict[str, str] = {}
    for key_node, value_node in _pairs(section, path, "author id", problems).values():
        line = key_node.start_mark.line + 1
        ident = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else ""
        if expanded_size(value_node) > MAX_ITEMS:
            message = f"the authors file: {too_large(f'author {quote(ident)}')}"
            problems.append(Problem(path, line, "WN301", message, TOO_LARGE_HINT))
            continue
        if not ident or not slugify(ident):
            problems.append(
                Problem(
                    path,
                    line,
                    "WN302",
                    f"author id {quote(ident)} cannot be used in a URL",
                    "use letters, digits and hyphens, e.g. 'rob'",
                )
            )
            continue
        if slugify(ident) in slugs:
            other = slugs[slugify(ident)]
            problems.append(
                Problem(
                    path,
                    line,
                    "WN302",
                    f"author id {quote(ident)} makes the same address as {quote(other)}",
                    "give each person an id that differs in more than case or punctuation",
                )
            )
            continue
        slugs[slugify(ident)] = ident
        if not isinstance(value_node, yaml.MappingNode):
            problems.append(
                Problem(path, line, "WN302", f"author {quote(ident)} is not a mapping", shape_hint)
            )
            continue
        values: dict[str, str] = {}
        aliases: list[tuple[str, int]] = []
        team = TeamFields()
        for name, (field_key, field_value) in _pairs(value_node, path, "key", problems).items():
            if name == "aliases":
                aliases = _aliases(ident, field_key, field_value, path, problems)
                continue
            if name in TEAM_KEYS:
                team.read(ident, name, field_value, path, problems)
                continue
            if name not in ("name", "description", "avatar"):
                continue  # Material's slug, url and others are not ours to judge
            if not isinstance(field_value, yaml.ScalarNode) or field_value.tag.endswith(":null"):
                problems.append(
                    Problem(
                        path,
                        field_key.start_mark.line + 1,
                        "WN302",
                        f"author {quote(ident)}: '{name}' must be text",
                        f"write '{name}: …'",
                    )
                )
                continue
            value = str(field_value.value)
            if name == "avatar" and not safe_url(value):
                problems.append(
                    Problem(
                        path,
                        field_value.start_mark.line + 1,
                        "WN305",
                        f"author '{ident}': avatar {value!r} is not an http(s) or relative URL",
                        "link an image with https://, or give its path in the docs folder;"
                        " initials are shown instead",
                    )
                )
                continue
            values[name] = without_controls(value)
        if not values.get("name"):
            problems.append(
                Problem(
                    path,
                    line,
                    "WN302",
                    f"author {quote(ident)} has no name",
                    "add 'name: Full Name' under the id",
                )
            )
        people[ident] = Person(
            id=ident,
            name=values.get("name") or ident,
            slug=slugify(ident),
            description=values.get("description", ""),
            avatar=values.get("avatar", ""),
            aliases=tuple(dict.fromkeys(alias for alias, _ in aliases)),
            active=team.active,
            until=team.until,
            away=tuple(team.away),
        )
        alias_lines[ident] = aliases
    problems.extend(_alias_clashes(people, alias_lines, path))
    return Authors(people, tuple(sorted(problems)))


def _aliases(
    ident: str, key: yaml.Node, value: yaml.Node, path: str, problems: list[Problem]
) -> list[tuple[str, int]]:
    """A person's other spellings with their lines: a list of names, or one name."""
    items = value.value if isinstance(value, yaml.SequenceNode) else [value]
    found: list[tuple[str, int]] = []
    for item in items:
        line = item.start_mark.line + 1
        text = str(item.value).strip() if isinstance(item, yaml.ScalarNode) else ""
        if not text or item.tag.endswith(":null"):
            problems.append(
                Problem(
                    path,
                    line if isinstance(item, yaml.ScalarNode) else key.start_mark.line + 1,
                    "WN302",
                    f"author {quote(ident)}: 'aliases' must be a list of names",
                    "write 'aliases: [Other Name, Another]'",
                )
            )
            continue
        found.append((text, line))
    return found


def _alias_clashes(
    people: Mapping[str, Person], alias_lines: Mapping[str, list[tuple[str, int]]], path: str
) -> list[Problem]:
    """An alias that points at someone else: another person's id or name, or an
    alias of an earlier person. Each is WN306 on the alias's line."""
    owners: dict[str, tuple[str, str]] = {}
    for person in people.values():
        owners.setdefault(person.id.casefold(), (person.id, "the id"))
        owners.setdefault(person.name.casefold(), (person.id, "the name"))
    problems: list[Problem] = []
    for ident, aliases in alias_lines.items():
        for alias, line in aliases:
            folded = alias.casefold()
            owner, what = owners.get(folded) or owners.setdefault(folded, (ident, "an alias"))
            if owner == ident:
                continue  # their own id, name or a repeat: harmless
            also = " also" if what == "an alias" else ""
            problems.append(
                Problem(
                    path,
                    line,
                    "WN306",
                    f"alias {quote(alias)} of {quote(ident)} is{also} {what} of {quote(owner)}",
                    f"remove it from one of them; notes naming it go to {quote(owner)}",
                )
            )
    return problems


# Who is on the team which week: read here, used by planning/team.py. Material's blog reads
# the same file and takes no notice of keys it does not know under an author.
TEAM_KEYS = ("active", "until", "away")
_AWAY_HINT = "write 'away: [2026-W47, 2026-12-21..2027-01-01]': ISO weeks, dates or ranges of dates"


@dataclass
class TeamFields:
    """One person's `active`, `until` and `away`, as read; a wrong value is WN701
    and left out, so the person counts as on the team."""

    active: bool = True
    until: datetime.date | None = None
    away: list[tuple[datetime.date, datetime.date]] = field(default_factory=list)

    def read(
        self, ident: str, name: str, node: yaml.Node, path: str, problems: list[Problem]
    ) -> None:
        def wrong(at: yaml.Node, message: str, hint: str) -> None:
            line = at.start_mark.line + 1
            problems.append(Problem(path, line, "WN701", f"author {quote(ident)}: {message}", hint))

        if name == "active":
            if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":bool"):
                self.active = str(node.value).casefold() in ("true", "yes", "on")
            else:
                wrong(
                    node,
                    "'active' must be true or false",
                    "write 'active: false' once they have left",
                )
            return
        if name == "until":
            day = _day(node)
            if day is None:
                wrong(node, "'until' must be a date", "write their last day as 'until: YYYY-MM-DD'")
            self.until = day
            return
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        for item in items:
            span = _span(str(item.value)) if isinstance(item, yaml.ScalarNode) else None
            if span is None:
                shown = (
                    quote(shorten(str(item.value), 40))
                    if isinstance(item, yaml.ScalarNode)
                    else "a list or mapping"
                )
                wrong(
                    item,
                    f"'away' entry {shown} is not a week, a date or a range of dates",
                    _AWAY_HINT,
                )
                continue
            self.away.append(span)


def _day(node: yaml.Node) -> datetime.date | None:
    if not isinstance(node, yaml.ScalarNode):
        return None
    try:
        return datetime.date.fromisoformat(str(node.value).strip())
    except ValueError:
        return None


def _span(text: str) -> tuple[datetime.date, datetime.date] | None:
    """`2026-W47`, `2026-11-20` or `2026-12-21..2027-01-01` as first and last day."""
    week = iso_days(text)
    if week is not None:
        return week
    first, _, last = text.partition("..")
    try:
        start = datetime.date.fromisoformat(first.strip())
        end = datetime.date.fromisoformat(last.strip()) if last else start
    except ValueError:
        return None
    return (start, end) if start <= end else None


def safe_url(url: str) -> bool:
    """True for http(s) URLs and relative ones: nothing a browser would run."""
    cleaned = _URL_SKIPPED.sub("", _URL_TRIM.sub("", url))
    scheme = _SCHEME.match(cleaned)
    return scheme is None or scheme.group(1).lower() in SAFE_SCHEMES


def _pairs(
    node: yaml.MappingNode, path: str, what: str, problems: list[Problem]
) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """A mapping's pairs by key, read as plain YAML reads them (Material's blog too):
    of a key given twice the last value wins. Each repeat is a problem (WN304)."""
    pairs: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for number, (key_node, value_node) in enumerate(node.value):
        if not isinstance(key_node, yaml.ScalarNode):
            pairs[f"\0{number}"] = (key_node, value_node)  # never a name we look up
            continue
        key = str(key_node.value)
        if key in pairs:
            first = pairs[key][0].start_mark.line + 1
            problems.append(
                Problem(
                    path,
                    key_node.start_mark.line + 1,
                    "WN304",
                    f"{what} {quote(key)} appears twice (first on line {first})",
                    "keep one; the last one is used",
                )
            )
        pairs[key] = (key_node, value_node)
    return pairs
