"""The authors file, in Material's `.authors.yml` format, read with lines."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import yaml

from . import frontmatter
from .frontmatter import MAX_ITEMS, TOO_LARGE_HINT, expanded_size, too_large
from .model import Person
from .problems import Problem, quote, shorten
from .slugs import slugify
from .suggest import closest

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

        An id matches exactly, then ignoring case; a full name matches ignoring case.
        """
        if name in self.people:
            return name, None
        folded = name.casefold()
        for person in self.people.values():
            if folded in (person.id.casefold(), person.name.casefold()):
                return person.id, None
        by_label = {p.id: p.id for p in self.people.values()}
        by_label.update({p.name: p.id for p in self.people.values() if p.name})
        guess = closest(name, by_label)
        return None, (by_label[guess] if guess else None)


def parse_authors(data: bytes, path: str) -> Authors:
    """Read an authors file: `authors:` mapping each id to name, description, avatar."""
    text, problems = frontmatter.decode(data, path)
    try:
        root = frontmatter.compose(text)
    except yaml.MarkedYAMLError as err:
        line, message, hint = frontmatter.describe_yaml_error(err, 1)
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
        for name, (field_key, field_value) in _pairs(value_node, path, "key", problems).items():
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
            values[name] = frontmatter.printable(value)
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
        )
    return Authors(people, tuple(sorted(problems)))


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
