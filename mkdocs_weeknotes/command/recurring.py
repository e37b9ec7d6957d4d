"""The recurring headings of a team's notes, for `weeknotes sections`.

People write one section many ways: "Fun fact", "Fun Fact Friday - Wet snow",
"It's fun fact Friday". Here the headings of every note are grouped into the
sections they stand for, each with its spellings, what the settings collect
already, and the fewest headings that would collect every spelling.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..config import LEARNING, RESERVED, WeeknotesConfig, load_settings, rollup_setting
from ..planning.groups import Groups
from ..reading.sections import Heading, Rollup, edits, loose, normalize, rollup_for, tidy
from ..slugs import slugify

# The words before a dash or a colon name the section: "Fun Fact Friday - Wet snow".
_TOPIC = re.compile(r"\s+[-\u2013\u2014]\s+|:\s+")
# Words of a heading looked at for a shorter heading inside it; a heading is short.
_MAX_WORDS = 12
# How many words may come before a shorter heading inside a longer one.
_LEAD = 2


@dataclass(frozen=True)
class Spelling:
    """One way a section's heading is written, tidied as matching sees it."""

    text: str
    notes: int
    longer: bool  # some headings go on after these words: "Fun Fact Friday - …"
    collected: str  # the key of the rollup that collects every one of them, or ""


@dataclass(frozen=True)
class Group:
    """A recurring section: its spellings, commonest first."""

    title: str
    notes: int
    spellings: tuple[Spelling, ...]
    needed: tuple[str, ...]  # headings that collect every spelling, the rollup's own first
    rollup: str  # the key of the rollup that collects it already, or ""


@dataclass
class _Tally:
    key: str
    notes: set[int] = field(default_factory=set)
    longer: bool = False
    rollups: set[str] = field(default_factory=set)  # "" for a heading none collects


def recurring(
    notes: Iterable[Sequence[Heading]], rollups: Sequence[Rollup], minimum: int = 2
) -> list[Group]:
    """The sections whose headings are in at least `minimum` notes, most notes first."""
    everything = tuple(rollups)
    tallies: dict[str, _Tally] = {}
    for index, found in enumerate(notes):
        for heading in found:
            text = tidy(unicodedata.normalize("NFC", heading.text))
            words = tidy(_TOPIC.split(text, 1)[0]) or text
            key = normalize(words)
            if not key:
                continue  # only emoji or punctuation
            tally = tallies.setdefault(words, _Tally(key))
            tally.notes.add(index)
            tally.longer = tally.longer or words != text
            rollup = rollup_for(heading.text, everything)
            tally.rollups.add(rollup.key if rollup else "")
    groups: dict[str, list[str]] = defaultdict(list)
    root = _related({t.key for t in tallies.values()})
    for words, tally in sorted(tallies.items()):
        groups[root(tally.key)].append(words)
    found_groups = [_group(spellings, tallies, everything) for spellings in groups.values()]
    kept = [g for g in found_groups if g.notes >= minimum]
    return sorted(kept, key=lambda g: (-g.notes, g.title))


def _group(spellings: list[str], tallies: dict[str, _Tally], rollups: tuple[Rollup, ...]) -> Group:
    made = sorted(
        (
            Spelling(
                words,
                len(tallies[words].notes),
                tallies[words].longer,
                next(iter(tallies[words].rollups)) if len(tallies[words].rollups) == 1 else "",
            )
            for words in spellings
        ),
        key=lambda s: (-s.notes, s.text),
    )
    collecting = Counter(s.collected for s in made if s.collected)
    rollup = min(collecting, key=lambda k: (-collecting[k], k)) if collecting else ""
    own = next((r for r in rollups if r.key == rollup), None)
    needed = list(own.headings) if own else []
    # Shortest first: "Fun fact" collects "Fun Fact Friday" too. Each section is
    # written as most notes write it.
    commonest: dict[str, Spelling] = {}
    for spelling in made:
        commonest.setdefault(tallies[spelling.text].key, spelling)
    # What the headings so far match, made again only when one is added.
    matcher = Rollup("", "", tuple(needed), "")
    for key, spelling in sorted(commonest.items(), key=lambda i: (i[0].count(" "), i[0])):
        if not matcher.match_length(key):
            needed.append(spelling.text)
            matcher = Rollup("", "", tuple(needed), "")
    notes: set[int] = set()
    for words in spellings:
        notes |= tallies[words].notes
    # The commonest spelling; of as common ones, the shortest ("Fun fact", not
    # "Fun Fact Friday").
    title = min(made, key=lambda s: (-s.notes, s.text.count(" "), s.text)).text
    return Group(title, len(notes), tuple(made), tuple(needed), rollup)


def _related(keys: set[str]) -> Callable[[str], str]:
    """A function giving each key its group's root: keys with the same loose form,
    near spellings, a key that starts another, a key of two words or more inside another."""
    joined = Groups(keys)
    join = joined.join
    spelt: dict[str, str] = {}
    buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
    for key in sorted(keys):
        form = loose(key)
        if form in spelt:
            join(key, spelt[form])
        spelt.setdefault(form, key)
        # The longest other key that starts this one, or is two words or more
        # inside it near its start: "fun fact" in "it's fun fact friday". Only one,
        # so that "research team news" does not join "research" to "team news".
        words = key.split(" ")
        parts = (
            " ".join(words[start:end])
            for start in range(_LEAD + 1)
            for end in range(start + (2 if start else 1), min(len(words), _MAX_WORDS) + 1)
            if (start, end) != (0, len(words))
        )
        inside = max((p for p in parts if p in keys), key=lambda p: (len(p), p), default=None)
        if inside is not None:
            join(key, inside)
        # Near spellings: the same first letter, and lengths at most two apart.
        for size in range(len(form) - 2, len(form) + 3):
            for other in buckets.get((form[:1], size), ()):
                if edits(form, loose(other)) is not None or edits(loose(other), form) is not None:
                    join(key, other)
        buckets[(form[:1], len(form))].append(key)
    return joined.find


def report(groups: Sequence[Group], notes: int, minimum: int) -> str:
    """The groups as text: each with its spellings and counts, and what is collected."""
    if not groups:
        return f"No heading is in at least {minimum} of {notes} notes."
    count = len(groups)
    lines = [
        f"{count} recurring heading{'s' if count != 1 else ''} in {notes} notes"
        f" (each in at least {minimum} notes):"
    ]
    for group in groups:
        state = f"collected by {rollup_setting(group.rollup)}" if group.rollup else "not collected"
        lines += [
            "",
            f"{group.title}: {group.notes} note{'s' if group.notes != 1 else ''}, {state}",
        ]
        width = max(len(s.text) + (2 if s.longer else 0) for s in group.spellings)
        for spelling in group.spellings:
            text = f"{spelling.text} …" if spelling.longer else spelling.text
            mark = ""
            if group.rollup and spelling.collected != group.rollup:
                mark = (
                    f"  (collected by {rollup_setting(spelling.collected)})"
                    if spelling.collected
                    else "  (not collected)"
                )
            line = (
                f"{spelling.notes:>6}  {text:<{width}}{mark}"
                if mark
                else f"{spelling.notes:>6}  {text}"
            )
            lines.append(line.rstrip())
    return "\n".join(lines)


def settings_block(groups: Sequence[Group], settings: WeeknotesConfig) -> str:
    """Settings that collect every group, to paste into mkdocs.yml: the learning log
    and every rollup there is, with the headings they need, and a rollup for each
    group that none collects."""
    defaults = load_settings().learning_log
    rollups = {r.key: r for r in settings.rollup_list}
    needed: dict[str, list[str]] = {}
    for group in groups:
        if group.rollup:
            merged = needed.setdefault(group.rollup, [])
            merged += [h for h in group.needed if h not in merged]
    data: dict[str, Any] = {}
    if LEARNING in needed:
        log = settings.learning_log
        data["learning_log"] = {"headings": needed[LEARNING]}
        for name in ("title", "path", "search", "on_theme_pages"):
            if log[name] != defaults[name]:
                data["learning_log"][name] = log[name]
    block: dict[str, Any] = {}
    for key, rollup in rollups.items():
        if key == LEARNING:
            continue
        entry: dict[str, Any] = {
            "title": rollup.title,
            "headings": needed.get(key, list(rollup.headings)),
        }
        if rollup.path != slugify(key):
            entry["path"] = rollup.path
        if rollup.search:
            entry["search"] = True
        block[key] = entry
    taken = {LEARNING, *rollups} | {r.path.split("/")[0] for r in rollups.values()}
    for group in groups:
        if group.rollup:
            continue
        key = _free_key(slugify(group.title), taken)
        taken.add(key)
        block[key] = {"title": group.title, "headings": list(group.needed)}
    if any(g.rollup != LEARNING for g in groups):
        data["rollups"] = dict(sorted(block.items()))
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096)
    inner = "".join(f"      {line}\n" for line in text.splitlines())
    return "plugins:\n  - weeknotes:\n" + inner


def _free_key(slug: str, taken: set[str]) -> str:
    """A rollup name for a new group that is also a folder no other page has."""
    key = slug or "section"
    if key in taken or key in RESERVED or key.isdigit():
        key = f"{key}-section"
    number = 2
    while key in taken:
        key = f"{slug or 'section'}-section-{number}"
        number += 1
    return key
