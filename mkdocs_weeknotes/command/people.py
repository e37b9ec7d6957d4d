"""A proposed authors file, made from the names the notes use (`weeknotes people`).

Real notes spell one person several ways: `Simon R Jones` and `Simon Jones`,
`Soph` and `Sophie`, a typo `Shuan` for `Shaun`. The proposal groups spellings
that are probably one person, names each group by its commonest spelling, and
lists the others as `aliases`, for the team to review before using it.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import yaml

from ..planning.groups import Groups
from ..problems import escape_controls
from ..reading.frontmatter import FrontMatter
from ..reading.names import split_names
from ..slugs import slugify
from ..suggest import edit_distance

# A short name is a shortening of a longer one from this many letters on: "Soph"
# of "Sophie", but never "Al" of "Alison".
MIN_PREFIX = 3
# A typo is at most this many edits from a name at least as long as the key.
TYPO_EDITS = {5: 1, 9: 2}
# A spelling is taken for a typo only when it is rare beside the other: at most
# a third as many notes, or a single one. Two common spellings are two people.
TYPO_SHARE = 3


@dataclass(frozen=True)
class Proposed:
    """One person of the proposal: an id, a name, other spellings, their notes."""

    id: str
    name: str
    aliases: tuple[str, ...]
    notes: int
    # Every spelling with the number of notes that use it, commonest first.
    spellings: tuple[tuple[str, int], ...]


def note_names(fm: FrontMatter, separators: Sequence[str]) -> list[str]:
    """The people a note names, split as a build splits them; `authors` wins over
    `author`, as in a build, and anything that is not text is left out."""
    found = fm.get("authors") or fm.get("author")
    value = found.value if found is not None else None
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    names: list[str] = []
    for item in items:
        if isinstance(item, str) and item.strip():
            names.extend(split_names(item, separators))
    return names


def propose(notes: Iterable[Sequence[str]]) -> list[Proposed]:
    """People from each note's names, sorted by id."""
    by_note = [{slugify(name): name for name in names if slugify(name)} for names in notes]
    # Spellings with one slug ("Sam Obi", "sam obi") are one person from the start.
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for found in by_note:
        for slug, name in found.items():
            groups[slug][name] += 1
    # (Of two spellings with one slug in one note, the last is counted.)
    counts = {slug: sum(names.values()) for slug, names in groups.items()}
    joined = Groups(groups)
    for one, two in _variants(counts):
        joined.join(one, two)
    # Shortenings last: "simon" of "simon-r-jones" and "simon-jones", once joined,
    # is one person's shortening, not a name two people could share.
    for short, long in _shortenings(groups, joined):
        joined.join(short, long)
    notes_of: Counter[str] = Counter()
    for found in by_note:
        # A note that uses two spellings of one person counts once.
        notes_of.update({joined.find(slug) for slug in found})
    people: list[Proposed] = []
    for root, members in joined.sets().items():
        spellings: Counter[str] = Counter()
        for slug in members:
            spellings.update(groups[slug])
        ranked = sorted(spellings.items(), key=lambda item: (-item[1], item[0]))
        name = ranked[0][0]
        ident = slugify(name)
        same = {name.casefold(), ident.casefold()}
        aliases = tuple(dict.fromkeys(text for text, _ in ranked if text.casefold() not in same))
        people.append(Proposed(ident, name, aliases, notes_of[root], tuple(ranked)))
    return sorted(people, key=lambda person: person.id)


def _variants(counts: dict[str, int]) -> list[tuple[str, str]]:
    """Pairs of slugs that are probably one person's spellings."""
    slugs = sorted(counts)
    words = {slug: slug.split("-") for slug in slugs}
    pairs: list[tuple[str, str]] = []
    for number, slug in enumerate(slugs):
        for other in slugs[number + 1 :]:
            if _same_ends(words[slug], words[other]) or _typo(slug, other, counts):
                pairs.append((slug, other))
    return pairs


def _shortenings(slugs: Iterable[str], joined: Groups) -> list[tuple[str, str]]:
    """`soph` of `sophie` (or `sophie-turner`): a one-word name that starts the
    first word of one other person, and of nobody else."""
    slugs = sorted(slugs)
    pairs: list[tuple[str, str]] = []
    for slug in slugs:
        if "-" in slug or len(slug) < MIN_PREFIX:
            continue
        longer = {
            joined.find(other): other
            for other in slugs
            if other != slug and other.split("-")[0].startswith(slug)
        }
        longer.pop(joined.find(slug), None)
        if len(longer) == 1:
            pairs.append((slug, next(iter(longer.values()))))
    return pairs


def _same_ends(one: list[str], two: list[str]) -> bool:
    """`simon-r-jones` and `simon-jones`: the same first and last word."""
    return min(len(one), len(two)) >= 2 and one[0] == two[0] and one[-1] == two[-1]


def _typo(one: str, two: str, counts: dict[str, int]) -> bool:
    """`shuan` for `shaun`: a rare spelling one or two edits from another."""
    if abs(len(one) - len(two)) > max(TYPO_EDITS.values()):
        return False
    allowed = max(
        (edits for size, edits in TYPO_EDITS.items() if min(len(one), len(two)) >= size), default=0
    )
    if not allowed:
        return False
    rare, common = sorted((counts[one], counts[two]))
    if rare > 1 and rare * TYPO_SHARE > common:
        return False
    return edit_distance(one, two) <= allowed


def authors_file(people: Sequence[Proposed], notes: int) -> str:
    """The proposal in Material's `.authors.yml` format, with counts as comments."""
    plural = "" if notes == 1 else "s"
    lines = [
        f"# A proposed authors file, from the names in {notes} note{plural}.",
        "# Check it before use: move a spelling into another person's 'aliases' to",
        "# join two people, and give a person of their own to one wrongly joined.",
    ]
    if not people:
        return "\n".join([*lines, "authors: {}", ""])
    lines.append("authors:")
    for person in people:
        used = ", ".join(f"{escape_controls(text)} {count}" for text, count in person.spellings)
        counted = f"{person.notes} note{'' if person.notes == 1 else 's'}"
        comment = f"{counted}: {used}" if len(person.spellings) > 1 else counted
        lines.append(f"  {_scalar(person.id, '{}: x')}:  # {comment}")
        lines.append(f"    name: {_scalar(person.name, 'k: {}')}")
        if person.aliases:
            aliases = ", ".join(_scalar(alias, "k: [{}]") for alias in person.aliases)
            lines.append(f"    aliases: [{aliases}]")
    return "\n".join([*lines, ""])


def _scalar(text: str, where: str) -> str:
    """`text` as YAML reads it back at `where`: plain when that is safe, else quoted."""
    # JSON's quoted text is YAML's too, once the characters YAML will not read
    # as they are (other controls, line separators) are escaped.
    quoted = "".join(
        char if char.isprintable() else f"\\u{ord(char):04x}"
        for char in json.dumps(text, ensure_ascii=False)
    )
    if text.isprintable():
        try:
            if yaml.safe_load(where.format(text)) == yaml.safe_load(where.format(quoted)):
                return text
        except yaml.YAMLError:
            pass
    return quoted
