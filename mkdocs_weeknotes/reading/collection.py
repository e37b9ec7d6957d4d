"""All the notes of a site, checked one by one and against each other."""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..config import WeeknotesConfig
from ..model import Note, Person, Theme
from ..problems import Problem
from ..slugs import slugify
from .authors import Authors, parse_authors
from .frontmatter import FrontMatter
from .notes import format_title, read_note
from .translations import find_translations, same_week, shared_refs


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
    duplicates = same_week([n for n in notes if n.src_uri not in twins], week_lines, ref_lines)
    duplicates += shared_refs(notes, translations, ref_lines)
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
