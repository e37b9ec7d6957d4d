"""All the notes of a site, checked one by one and against each other."""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import islice

from ..config import WeeknotesConfig
from ..model import Note, Person, Theme
from ..problems import Problem, quote
from ..slugs import slugify
from ..words import base_language
from .authors import Authors, parse_authors
from .frontmatter import FrontMatter
from .notes import format_title, read_note


@dataclass(frozen=True)
class Source:
    """A note's text as MkDocs holds it, and the path problems should name.

    `digest` is the content's `source_digest`, when known already. The content
    may then be left empty, but only when the cache holds what reading it gave.
    """

    src_uri: str
    path: str
    content: bytes
    digest: str = ""


def source_digest(content: bytes) -> str:
    return hashlib.blake2b(content, digest_size=16).hexdigest()


# What reading a note gives: the note (None if it is not a weeknote), its
# problems, and the lines where it says its week and its ref.
Entry = tuple[Note | None, tuple[Problem, ...], int, int]


@dataclass(frozen=True)
class Weeknotes:
    """The notes of one build, with everything known about them."""

    notes: tuple[Note, ...]
    people: Mapping[str, Person]
    themes: Mapping[str, Theme]
    problems: tuple[Problem, ...]
    front_matter: Mapping[str, FrontMatter]
    # True when people come from an authors file, False for free-text names.
    has_authors_file: bool = False
    # A digest of each note's source, by src_uri: the key of caches kept across builds.
    digests: Mapping[str, str] = field(default_factory=dict)
    # Each note that has translations: its group's src_uris, the one listed first.
    translations: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # The translations that are not listed: their group's first note stands for them.
    twins: frozenset[str] = frozenset()

    def note(self, src_uri: str) -> Note | None:
        return self._by_uri.get(src_uri)

    @cached_property
    def _by_uri(self) -> dict[str, Note]:
        return {note.src_uri: note for note in self.notes}


# A file modified this close to the start of a build may change again within
# one tick of a coarse clock (FAT's is 2 s) with the same size: its stat is not kept.
RACY_NS = 2_000_000_000

StatKey = tuple[int, int, int, int]


def stat_key(stat: os.stat_result) -> StatKey:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def settled(stat: os.stat_result, now_ns: int) -> bool:
    """Whether a file's stat can stand for its bytes: it has not changed within
    `RACY_NS` of `now_ns`, when a coarse clock could miss a change."""
    recent = now_ns - RACY_NS
    return stat.st_mtime_ns < recent and stat.st_ctime_ns < recent


class ReadCache:
    """Each note as last read, by path and source digest.

    The plugin keeps one across `mkdocs serve` rebuilds, so that a save reads
    again only the notes that changed. Every check of a note depends on the
    settings and the authors file, so a change to either empties it. A note
    whose size, times and inode are as when it was read is not read again, as
    Git decides which files changed; one changed within `RACY_NS` of the read
    is always read.
    """

    def __init__(self) -> None:
        self.context: object = None
        self.entries: dict[tuple[str, str, str], Entry] = {}
        # src_uri -> (stat key, digest) of the bytes read when the file had that stat.
        self.stats: dict[str, tuple[StatKey, str]] = {}
        self.started_ns = time.time_ns()

    def start(self, settings: WeeknotesConfig, authors: Authors | None) -> None:
        self.started_ns = time.time_ns()
        # The theme's language too: fallback titles are written in it.
        context = (_plain(settings), settings.site_language, authors)
        if context != self.context:
            self.context, self.entries, self.stats = context, {}, {}

    def keep_only(self, keys: set[tuple[str, str, str]]) -> None:
        """Forget notes that are gone or changed: the cache holds this build's only."""
        for key in [key for key in self.entries if key not in keys]:
            del self.entries[key]
        kept = {src_uri for src_uri, _, _ in keys}
        for src_uri in [uri for uri in self.stats if uri not in kept]:
            del self.stats[src_uri]

    def digest_by_stat(self, src_uri: str, stat: os.stat_result) -> str | None:
        """The digest of the file's bytes if its stat is as when they were read."""
        known = self.stats.get(src_uri)
        return known[1] if known is not None and known[0] == stat_key(stat) else None

    def remember_stat(self, src_uri: str, stat: os.stat_result, digest: str) -> bool:
        """Keep the stat the file had before its bytes were read, unless too
        recent; whether what is kept changed."""
        entry = (stat_key(stat), digest)
        if settled(stat, self.started_ns):
            if self.stats.get(src_uri) != entry:
                self.stats[src_uri] = entry
                return True
            return False
        return self.stats.pop(src_uri, None) is not None


def _plain(value: object) -> object:
    """Settings as nested tuples, to compare one build's with the last one's."""
    items = getattr(value, "items", None)
    if callable(items):
        return tuple(sorted((str(k), _plain(v)) for k, v in items()))
    if isinstance(value, (list, tuple)):
        return tuple(_plain(v) for v in value)
    return value


def load_authors(
    docs_dir: str, settings: WeeknotesConfig, display: str
) -> tuple[Authors | None, list[Problem]]:
    """The authors file if there is one; `display` is its path as problems name it.

    A missing file at the default place means free-text names; a missing file
    that the settings name is a problem.
    """
    path = os.path.join(docs_dir, *settings.authors_path.split("/"))
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        if settings.authors_file is None:
            return None, []
        problem = Problem(
            display,
            1,
            "WN303",
            "the authors file named in the settings does not exist",
            "create it, or remove 'authors_file' to use free-text names",
        )
        return None, [problem]
    except OSError as err:
        return None, [Problem(display, 1, "WN301", f"the authors file cannot be read: {err}")]
    authors = parse_authors(data, display)
    if not authors.people:
        # A file that gives nobody (bad YAML, no `authors:`) would make every author
        # of every note unknown: one problem, not thousands. Names count as free text.
        return None, list(authors.problems)
    return authors, list(authors.problems)


def collect(
    sources: Iterable[Source],
    settings: WeeknotesConfig,
    authors: Authors | None,
    extra_problems: Iterable[Problem] = (),
    keep_text: bool = False,
    cache: ReadCache | None = None,
    ordered: bool = False,
) -> Weeknotes:
    """Read every note, then check what only the whole set can show.

    `ordered`: the sources come in `src_uri` order already, and may be read one
    at a time (see site_notes.collect_site); otherwise they are sorted first.

    A build keeps no note's front matter or text once the notes are read:
    MkDocs holds the text already, and a site may have thousands of notes.
    `keep_text` keeps both, for `weeknotes export`. With a `cache`, a note
    whose source, path, settings and authors are as last time is not read again.
    """
    problems: list[Problem] = list(extra_problems)
    notes: list[Note] = []
    front_matter: dict[str, FrontMatter] = {}
    week_lines: dict[str, int] = {}  # where each note says its week, for WN201
    ref_lines: dict[str, int] = {}  # and its `ref` or `lang`, for WN202
    digests: dict[str, str] = {}
    if cache is not None:
        cache.start(settings, authors)
    seen: set[tuple[str, str, str]] = set()
    for source in sources if ordered else sorted(sources, key=lambda s: s.src_uri):
        digest = source.digest or source_digest(source.content)
        digests[source.src_uri] = digest
        key = (source.src_uri, source.path, digest)
        known = cache.entries.get(key) if cache is not None else None
        if known is None:
            result = read_note(source.content, source.src_uri, source.path, settings, authors)
            fm = result.front_matter
            week = fm.get("week") or fm.get("date")
            ref = fm.get("ref") or fm.get("lang")
            known = (
                result.note,
                result.problems,
                week.line if week is not None else 1,
                ref.line if ref is not None else 1,
            )
            if keep_text:
                front_matter[source.src_uri] = fm
            if cache is not None:
                cache.entries[key] = known
        seen.add(key)
        note, note_problems, week_lines[source.src_uri], ref_lines[source.src_uri] = known
        problems.extend(note_problems)
        if note is not None:
            notes.append(note)
    if cache is not None:
        cache.keep_only(seen)

    if authors is not None:
        people = dict(authors.people)
    else:
        people, notes = _free_text_people(notes, settings)
    themes, notes = _canonical_themes(notes, settings)
    translations = find_translations(notes, settings.language)
    twins = frozenset(uri for uri, group in translations.items() if group[0] != uri)
    duplicates = _same_week([n for n in notes if n.src_uri not in twins], week_lines, ref_lines)
    duplicates += _shared_refs(notes, translations, ref_lines)
    problems.extend(duplicates)
    flagged = {p.path for p in duplicates}
    notes = [replace(n, has_problems=True) if n.path in flagged else n for n in notes]
    return Weeknotes(
        notes=tuple(notes),
        people=people,
        themes=themes,
        problems=tuple(sorted(set(problems))),
        front_matter=front_matter,
        has_authors_file=authors is not None,
        digests=digests,
        translations=translations,
        twins=twins,
    )


def _free_text_people(
    notes: list[Note], settings: WeeknotesConfig
) -> tuple[dict[str, Person], list[Note]]:
    """People from free-text names: one person per slug, named as most notes spell it.

    Built titles are made again with those names, so every note spells a person alike.
    """
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for note in notes:
        for name in note.authors:
            spellings[slugify(name)][name] += 1
    people = {
        slug: Person(id=slug, name=_most_common(counts), slug=slug)
        for slug, counts in sorted(spellings.items())
    }
    renamed = []
    for note in notes:
        ids = tuple(dict.fromkeys(slugify(name) for name in note.authors))
        title = note.title
        if note.title_source == "format":
            names = [people[ident].name for ident in ids]
            title = format_title(settings, names, note.week, note.date, note.src_uri)
        # Mentions were read as slugs: only those of the notes' people name someone.
        mentions = tuple(m for m in note.mentions if m in people and m not in ids)
        renamed.append(replace(note, authors=ids, title=title, mentions=mentions))
    return people, renamed


def _canonical_themes(
    notes: list[Note], settings: WeeknotesConfig
) -> tuple[dict[str, Theme], list[Note]]:
    """One theme per slug; without a vocabulary its label is the commonest spelling."""
    if settings.vocabulary:
        vocabulary = {slug: Theme(slug, label) for slug, label in settings.vocabulary.items()}
        used = {theme.slug for note in notes for theme in note.themes}
        return {slug: vocabulary[slug] for slug in sorted(used) if slug in vocabulary}, notes
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    # The notes' own objects, so that a note spelt as most are is seen to be by identity.
    made: dict[tuple[str, str], Theme] = {}
    for note in notes:
        for theme in note.themes:
            spellings[theme.slug][theme.label] += 1
            made.setdefault((theme.slug, theme.label), theme)
    themes = {slug: made[slug, _most_common(counts)] for slug, counts in sorted(spellings.items())}
    # Most notes spell every theme as most do: those are kept as they are.
    renamed = []
    for note in notes:
        wanted = tuple(themes[t.slug] for t in note.themes)
        renamed.append(note if wanted == note.themes else replace(note, themes=wanted))
    return themes, renamed


def _most_common(counts: Counter[str]) -> str:
    # Highest count wins; a tie goes to the first in sorted order, so builds agree.
    return min(counts, key=lambda name: (-counts[name], name))


# How many of the other notes of a week a WN201 line names.
_NAMED = 3


def _named(paths: list[str], count: int) -> str:
    """The first few of `count` paths, and how many more: a line per note naming
    every other one would grow with the square of the group."""
    named = ", ".join(paths[:_NAMED])
    if count > _NAMED:
        named += f" and {count - _NAMED:,} more"
    return named


def _same_week(
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
    """Another language, the same week and people (the `ref` differs)."""
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


def _may_translate(note: Note, other: Note) -> bool:
    """Whether two notes with one `ref` can be translations of each other: each
    in its own language, for the same week, by the same people."""
    return (
        _language(note) != _language(other)
        and note.week == other.week
        and _same_people(note, other)
    )


def find_translations(notes: Iterable[Note], language: str) -> dict[str, tuple[str, ...]]:
    """Notes that are translations of each other, by each one's src_uri.

    A group is the notes that share a `ref` (or a path, less its language
    suffix) and can be translations: no two in one language, all for one week,
    all by the same people. A `ref` copied onto another note makes no group of
    the two; each stays a note of its own (and is WN202, see _shared_refs).
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


def _shared_refs(
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
