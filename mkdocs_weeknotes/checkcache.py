"""What reading each note gave, kept on disk between runs of `weeknotes check`.

A pre-commit hook runs the check on every commit, and on a big archive nearly
all of its time went on reading notes that had not changed. This keeps each
note's reading (the note, its problems, the line of its week) in one JSON
file per site, in the user's cache folder, never beside the notes.

An entry is used only when all it depends on is as it was: the note's bytes,
its path, the settings, the authors file, and this package's own files. A
file's bytes are known without reading it when its size, modification and
change times and inode are those it had when last read, as git does; a file
changed so soon after it was read that a coarse clock could miss it is read
again next time. The cache is JSON of plain values, never pickle: a damaged or
foreign file is ignored, and deleting it only makes the next check cold.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from . import __version__
from .authors import Authors
from .collection import Entry, ReadCache, _plain
from .config import WeeknotesConfig
from .model import Note, Theme
from .problems import Problem
from .sections import SectionRef

# Where the cache goes instead of the user's cache folder (a CI cache, tests).
CACHE_ENV = "WEEKNOTES_CACHE_DIR"
FILE_NAME = "check.json"
# Changed whenever the file's layout changes; an older file is then ignored.
FORMAT = 1
# A file modified this close to the start of a run may change again within one
# tick of a coarse clock (FAT's is 2 s) with the same size: its stat is not kept.
RACY_NS = 2_000_000_000

StatKey = tuple[int, int, int, int]


def cache_folder(config_file: str) -> Path:
    """The folder of one site's cache: one per mkdocs.yml, by its real path."""
    base = os.environ.get(CACHE_ENV)
    if not base:
        import platformdirs  # only here: a build never needs it

        base = platformdirs.user_cache_dir("mkdocs-weeknotes", False)
    site = os.path.realpath(config_file)
    return Path(base) / hashlib.blake2b(site.encode("utf-8"), digest_size=8).hexdigest()


def stat_key(stat: os.stat_result) -> StatKey:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


class StoredCache(ReadCache):
    """A `ReadCache` loaded from a file and saved back to it."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        # src_uri -> (stat key, digest) of the bytes read when the file had that stat.
        self.stats: dict[str, tuple[StatKey, str]] = {}
        self._started_ns = time.time_ns()
        self._stored: dict[str, Any] = _load(path)
        self._loaded: set[tuple[str, str, str]] = set()
        self._stats_changed = False

    def start(self, settings: WeeknotesConfig, authors: Authors | None) -> None:
        context = context_key(settings, authors)
        if context == self.context:
            return
        self.context, self.entries, self.stats = context, {}, {}
        stored, self._stored = self._stored, {}
        if stored.get("context") == context:
            try:
                self.entries, self.stats = _decode(stored.get("notes"))
            except (KeyError, TypeError, ValueError, IndexError):
                self.entries, self.stats = {}, {}  # damaged: read every note
        self._loaded = set(self.entries)

    def keep_only(self, keys: set[tuple[str, str, str]]) -> None:
        super().keep_only(keys)
        kept = {src_uri for src_uri, _, _ in keys}
        for src_uri in [uri for uri in self.stats if uri not in kept]:
            del self.stats[src_uri]
            self._stats_changed = True

    def digest_by_stat(self, src_uri: str, stat: os.stat_result) -> str | None:
        """The digest of the file's bytes if its stat is as when they were read."""
        known = self.stats.get(src_uri)
        return known[1] if known is not None and known[0] == stat_key(stat) else None

    def remember_stat(self, src_uri: str, stat: os.stat_result, digest: str) -> None:
        """Keep the stat the file had before its bytes were read, unless too recent."""
        recent = self._started_ns - RACY_NS
        entry = (stat_key(stat), digest)
        if stat.st_mtime_ns < recent and stat.st_ctime_ns < recent:
            if self.stats.get(src_uri) != entry:
                self.stats[src_uri] = entry
                self._stats_changed = True
        elif self.stats.pop(src_uri, None) is not None:
            self._stats_changed = True

    def save(self) -> None:
        """Write the cache if it changed: to a new file, then renamed over the old
        one, so a run at the same time reads one whole file or the other. A folder
        that cannot be written only means no cache."""
        if self.context is None or (not self._stats_changed and set(self.entries) == self._loaded):
            return
        data = {
            "format": FORMAT,
            "context": self.context,
            "notes": _encode(self.entries, self.stats),
        }
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".check-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(text.encode("utf-8"))
                os.replace(temp, self.path)
            except BaseException:
                os.unlink(temp)
                raise
        except OSError:
            return


def context_key(settings: WeeknotesConfig, authors: Authors | None) -> str:
    """What every note's reading depends on besides the note itself, as a digest."""
    text = repr(
        (
            FORMAT,
            __version__,
            list(_package_stamp()),
            sys.version_info[:2],
            yaml.__version__,
            getattr(yaml, "__with_libyaml__", False),
            _plain(settings),
            settings.site_language,
            authors,
        )
    )
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


@functools.lru_cache(maxsize=1)
def _package_stamp() -> tuple[tuple[str, int, int], ...]:
    """Each file of this package with its size and time: an edited checkout or a
    new install changes it, even when the version number stays the same. Read
    once per process: a check asks for it each time the cache starts."""
    root = Path(__file__).parent
    stamp = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            stat = os.stat(os.path.join(folder, name))
            relative = os.path.relpath(os.path.join(folder, name), root)
            stamp.append((relative, stat.st_size, stat.st_mtime_ns))
    return tuple(stamp)


def _load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return {}
    return data


def _encode(
    entries: dict[tuple[str, str, str], Entry], stats: dict[str, tuple[StatKey, str]]
) -> dict[str, list[Any]]:
    notes: dict[str, list[Any]] = {}
    for (src_uri, path, digest), (note, problems, week_line, ref_line) in sorted(entries.items()):
        if note is not None and (note.src_uri, note.path) != (src_uri, path):
            continue  # never so today; such a note would be read again
        known = stats.get(src_uri)
        stat = list(known[0]) if known is not None and known[1] == digest else None
        notes[src_uri] = [
            path,
            digest,
            stat,
            None if note is None else note_to_plain(note, src_uri, path),
            [problem_to_plain(p) for p in problems],
            week_line,
            ref_line,
        ]
    return notes


def _decode(
    notes: object,
) -> tuple[dict[tuple[str, str, str], Entry], dict[str, tuple[StatKey, str]]]:
    if not isinstance(notes, dict):
        raise TypeError("not a mapping of notes")
    entries: dict[tuple[str, str, str], Entry] = {}
    stats: dict[str, tuple[StatKey, str]] = {}
    themes: dict[tuple[str, str], Theme] = {}  # one object per theme, as a read makes
    for src_uri, (path, digest, stat, note, problems, week_line, ref_line) in notes.items():
        key = (_text(src_uri), _text(path), _text(digest))
        entries[key] = (
            None if note is None else note_from_plain(note, key[0], key[1], themes),
            tuple(problem_from_plain(p) for p in _list(problems)),
            _number(week_line),
            _number(ref_line),
        )
        if stat is not None:
            size, mtime, ctime, inode = stat
            stats[src_uri] = (
                (_number(size), _number(mtime), _number(ctime), _number(inode)),
                digest,
            )
    return entries, stats


# --- a note as plain values, and back ------------------------------------------------

# Note's fields in the order note_to_plain writes them, after the two its entry
# gives (src_uri, path); a test checks that every field of Note is here.
NOTE_FIELDS = (
    "src_uri",
    "path",
    "title",
    "title_source",
    "date",
    "week",
    "authors",
    "themes",
    "summary",
    "draft",
    "has_problems",
    "sections",
    "lang",
    "ref",
    "mentions",
)


def note_to_plain(note: Note, src_uri: str, path: str) -> list[Any]:
    """`note` as a list of plain values; its src_uri and path are the entry's own."""
    if (note.src_uri, note.path) != (src_uri, path):
        raise ValueError("a note is kept under its own src_uri and path")
    return [
        note.title,
        note.title_source,
        _day_text(note.date),
        _day_text(note.week),
        list(note.authors),
        [[theme.slug, theme.label] for theme in note.themes],
        note.summary,
        note.draft,
        note.has_problems,
        [[ref.rollup, ref.heading, ref.level, ref.line] for ref in note.sections],
        note.lang,
        note.ref,
        list(note.mentions),
    ]


def note_from_plain(
    data: Any, src_uri: str, path: str, themes: dict[tuple[str, str], Theme] | None = None
) -> Note:
    """A note from `note_to_plain`'s list; ValueError or TypeError if it is not one.
    `themes` holds the themes made so far, so that notes share them as a read's do."""
    themes = {} if themes is None else themes
    (
        title,
        source,
        date,
        week,
        authors,
        labels,
        summary,
        draft,
        flagged,
        refs,
        lang,
        ref,
        mentions,
    ) = data
    found = []
    for slug, label in _list(labels):
        key = (_text(slug), _text(label))
        theme = themes.get(key)
        if theme is None:
            theme = themes[key] = Theme(*key)
        found.append(theme)
    return Note(
        src_uri=src_uri,
        path=path,
        title=_text(title),
        title_source=_text(source),
        date=_day(date),
        week=_day(week),
        authors=tuple(_text(a) for a in _list(authors)),
        themes=tuple(found),
        summary=None if summary is None else _text(summary),
        draft=_flag(draft),
        has_problems=_flag(flagged),
        sections=tuple(
            SectionRef(_text(r), _text(h), _number(level), _number(line))
            for r, h, level, line in _list(refs)
        ),
        lang=_text(lang),
        ref=_text(ref),
        mentions=tuple(_text(m) for m in _list(mentions)),
    )


def problem_to_plain(problem: Problem) -> list[Any]:
    return [problem.path, problem.line, problem.code, problem.message, problem.hint]


def problem_from_plain(data: Any) -> Problem:
    path, line, code, message, hint = data
    return Problem(_text(path), _number(line), _text(code), _text(message), _text(hint))


def _day_text(day: datetime.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _day(text: object) -> datetime.date | None:
    return None if text is None else datetime.date.fromisoformat(_text(text))


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not text")
    return value


def _list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("not a list")
    return value


def _number(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("not a number")
    return value


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError("not true or false")
    return value


def inside(path: Path, folder: str) -> bool:
    """Whether `path` is `folder` or inside it, once links are resolved."""
    real, top = os.path.realpath(path), os.path.realpath(folder)
    try:
        return os.path.commonpath([real, top]) == top
    except ValueError:  # on two drives
        return False
