"""Notes of one week against each other: two notes by one person (WN201), and
notes that share a `ref`, which are translations of one note only when each is
in its own language, for the same week and by the same people (else WN202)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from itertools import islice

from ..model import Note
from ..problems import Problem, quote
from ..words import base_language

# How many of the other notes of a week a WN201 line names.
_NAMED = 3


def _named(paths: list[str], count: int) -> str:
    """The first few of `count` paths, and how many more: a line per note naming
    every other one would grow with the square of the group."""
    named = ", ".join(paths[:_NAMED])
    if count > _NAMED:
        named += f" and {count - _NAMED:,} more"
    return named


def same_week(
    notes: list[Note], week_lines: Mapping[str, int], ref_lines: Mapping[str, int]
) -> list[Problem]:
    """Two notes by one person for one week: each note names the other.

    A note in another language by the same people is most likely a translation
    whose `ref` differs: it is named once, with that advice, not once a person.
    """
    by_slot: dict[tuple[str, object], list[Note]] = defaultdict(list)
    for note in notes:
        if note.week is None:
            continue
        for person in note.authors:
            by_slot[(person, note.week)].append(note)
    problems: list[Problem] = []
    probable: dict[str, list[Note]] = {}
    # Only the few slots with two notes are sorted: making a key for every note
    # took most of a rebuild's reading at 10,000 notes.
    twice = [item for item in by_slot.items() if len(item[1]) > 1]
    for (person, week), group in sorted(twice, key=lambda item: str(item[0])):
        # Most weeks' notes are in one language, each with its own `ref`: then
        # no pair is compared, and a note's line costs the same in any group.
        mixed = len({_language(note) for note in group}) > 1
        refs = Counter(note.ref for note in group)
        for note in group:
            skipped: set[Note] = set()
            if mixed:
                skipped = {o for o in group if _probable_translation(note, o)}
                if skipped:
                    found = probable.setdefault(note.src_uri, [])
                    found.extend(o for o in group if o in skipped and o not in found)
            # Notes that share a `ref` but are kept apart are WN202.
            count = len(group) - refs[note.ref] - sum(o.ref != note.ref for o in skipped)
            if count <= 0:
                continue
            others = list(
                islice(
                    (o.path for o in group if o.ref != note.ref and o not in skipped),
                    _NAMED,
                )
            )
            shown = _named(others, count)
            problems.append(
                Problem(
                    note.path,
                    week_lines.get(note.src_uri, 1),
                    "WN201",
                    f"{quote(person)} has another note for the week of {week}: {shown}",
                    "merge the notes, or correct the date or week of one",
                )
            )
    by_uri = {note.src_uri: note for note in notes}
    for uri, translations in probable.items():
        note = by_uri[uri]
        languages = " or ".join(sorted({_in(other.lang) for other in translations}))
        paths = _named([other.path for other in translations], len(translations))
        problems.append(
            Problem(
                note.path,
                ref_lines.get(uri, 1),
                "WN201",
                f"a note {languages} by the same people for the week of {note.week}"
                f" has another 'ref': {paths}",
                "if it is this note's translation, give both the same 'ref'; if not, merge them",
            )
        )
    return problems


def _in(lang: str) -> str:
    return f"in {quote(lang)}" if lang else "without 'lang'"


def _language(note: Note) -> str:
    # en-GB and en-US are one language; a note without `lang` is in none named.
    return base_language(note.lang) if note.lang else ""


def _probable_translation(note: Note, other: Note) -> bool:
    """Whether two notes may be translations of each other: each in its own
    language, for the same week, by the same people (whatever their `ref`)."""
    return (
        _language(note) != _language(other)
        and note.week == other.week
        and _same_people(note, other)
    )


def _same_people(note: Note, other: Note) -> bool:
    """Whether two notes are by the same people.

    A name the settings did not split, joined by a word they do not know
    ("Andrew a Shaun" beside "Andrew and Shaun"), counts as the people it joins.
    """
    if note.authors == other.authors:
        return True
    return _people(note, other) == _people(other, note)


def _people(note: Note, other: Note) -> frozenset[str]:
    known = frozenset(other.authors)
    people: set[str] = set()
    for ident in note.authors:
        joined = None if ident in known else _joined(ident.split("-"), known)
        people.update(joined or (ident,))
    return frozenset(people)


def _joined(words: list[str], names: frozenset[str]) -> tuple[str, ...] | None:
    """The names `words` is made of, each joined to the next by one word, if it is
    two or more of them ('andrew-a-shaun': 'andrew', 'shaun')."""

    def parse(start: int) -> tuple[str, ...] | None:
        for end in range(start + 1, len(words) + 1):
            name = "-".join(words[start:end])
            if name not in names:
                continue
            if end == len(words):
                return (name,)
            rest = parse(end + 1) if end + 1 < len(words) else None
            if rest is not None:
                return (name, *rest)
        return None

    found = parse(0)
    return found if found is not None and len(found) > 1 else None


def find_translations(notes: Iterable[Note], language: str) -> dict[str, tuple[str, ...]]:
    """Notes that are translations of each other, by each one's src_uri.

    A group is the notes that share a `ref` (or a path, less its language
    suffix) and can be translations: no two in one language, all for one week,
    all by the same people. A `ref` copied onto another note makes no group of
    the two; each stays a note of its own (and is WN202, see shared_refs).
    The note listed for the group comes first: the one in the site's
    `language`, else one without `lang`, else the first by path.
    """
    by_ref: dict[str, list[Note]] = defaultdict(list)
    for note in notes:
        by_ref[note.ref].append(note)
    site = base_language(language)

    def rank(note: Note) -> tuple[int, str]:
        own = base_language(note.lang)
        return (0 if own == site else 1 if not own else 2, note.src_uri)

    found: dict[str, tuple[str, ...]] = {}
    for shared in by_ref.values():
        if len(shared) < 2:
            continue
        # By week first: a `ref` copied onto every note of a template must not
        # compare each note with every other.
        by_week: dict[object, list[Note]] = defaultdict(list)
        for note in shared:
            by_week[note.week].append(note)
        for week_notes in by_week.values():
            groups: list[list[Note]] = []
            languages: list[set[str]] = []
            # Per language, the first group that may lack it: groups only gain languages.
            start: dict[str, int] = {}
            for note in sorted(week_notes, key=rank):
                lang = _language(note)
                first = start.get(lang, 0)
                while first < len(groups) and lang in languages[first]:
                    first += 1
                start[lang] = first
                for index in range(first, len(groups)):
                    group = groups[index]
                    if lang not in languages[index] and all(_same_people(note, o) for o in group):
                        group.append(note)
                        languages[index].add(lang)
                        break
                else:
                    groups.append([note])
                    languages.append({lang})
            for group in groups:
                if len(group) > 1:
                    ordered = tuple(note.src_uri for note in group)
                    for note in group:
                        found[note.src_uri] = ordered
    return found


def shared_refs(
    notes: list[Note], translations: Mapping[str, tuple[str, ...]], ref_lines: Mapping[str, int]
) -> list[Problem]:
    """Notes that share a `ref` but are not translations of each other: each is
    reported, naming a few of the others, by the reason that keeps them apart.

    Notes in one language always are. A note in another language is not, when
    either note's translations hold one in the other's language: that note's
    clash is the one to mend. Notes are found by language, so that a `ref`
    copied onto every note does not compare each note with every other.
    """
    by_ref: dict[str, list[Note]] = defaultdict(list)
    for note in notes:
        by_ref[note.ref].append(note)
    problems: list[Problem] = []
    for ref, shared in by_ref.items():
        if len(shared) < 2:
            continue
        by_uri = {note.src_uri: note for note in shared}
        spoken = {
            note.src_uri: frozenset(
                _language(by_uri[uri]) for uri in translations.get(note.src_uri, (note.src_uri,))
            )
            for note in shared
        }
        by_language: dict[str, list[Note]] = defaultdict(list)
        for note in shared:
            by_language[_language(note)].append(note)
        for note in shared:
            lang = _language(note)
            others = [
                other
                for language, group in by_language.items()
                if language not in spoken[note.src_uri]
                for other in group
                if lang not in spoken[other.src_uri]
            ]
            reasons = {
                "language": [other for other in by_language[lang] if other is not note],
                "week": [other for other in others if other.week != note.week],
                "people": [
                    other
                    for other in others
                    if other.week == note.week and not _same_people(note, other)
                ],
            }
            for reason, apart in reasons.items():
                if apart:
                    problems.append(_shared_ref(note, ref, reason, apart, ref_lines))
    return problems


def _shared_ref(
    note: Note,
    ref: str,
    reason: str,
    apart: list[Note],
    ref_lines: Mapping[str, int],
) -> Problem:
    count = len(apart)
    others = apart[:_NAMED]
    paths = _named([o.path for o in others], count)
    if ref.startswith("ref:"):
        name = f"the 'ref' {quote(ref.removeprefix('ref:'))}"
    else:
        name = f"the file name {quote(ref.removeprefix('file:'))}"
    one = count == 1
    if reason == "language":
        why = f"{'and is' if one else 'and are'} {_in(note.lang)} too"
        # The same week and people: a translation whose `lang` was not changed.
        if all(o.week == note.week and _same_people(note, o) for o in others):
            hint = "give each translation its own 'lang', or one of them its own 'ref'"
        else:
            hint = "give the note that is not a translation its own 'ref'"
    elif reason == "week":
        why = f"but {'is' if one else 'are'} for another week"
        hint = "give the note that is not a translation its own 'ref', or correct its date"
    else:
        why = f"but {'is' if one else 'are'} by other people"
        hint = "give the note that is not a translation its own 'ref', or correct its authors"
    who = "another note has" if one else f"{count:,} other notes have"
    return Problem(
        note.path,
        ref_lines.get(note.src_uri, 1),
        "WN202",
        f"{who} {name} {why}, so each is a note of its own: {paths}",
        hint,
    )
