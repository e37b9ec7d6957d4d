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

The file is two lines of JSON. The first says the format, the context (what
every entry depends on) and a digest of the second line, which holds the
entries: a file cut short or changed by anyone but this module is ignored
whole, unread past its first line unless its context is this run's. Each
entry is one flat list, with a note's dates as day numbers, so that loading
ten thousand notes makes few objects: the warm check runs before every commit.

Beside it, `result.json` keeps the last check's whole answer with a digest of
everything that answer depends on (see `result_key`): a check before a commit
that touches no note gives it again without reading a file.
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
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .. import __version__
from ..config import WeeknotesConfig
from ..model import Note, SectionRef, Theme
from ..problems import Problem
from ..reading.authors import Authors
from ..reading.collection import Entry, ReadCache, StatKey, _plain, settled, stat_key

if TYPE_CHECKING:
    from mkdocs.structure.files import File

# Where the cache goes instead of the user's cache folder (a CI cache, tests).
CACHE_ENV = "WEEKNOTES_CACHE_DIR"
FILE_NAME = "check.json"
# Changed whenever the file's layout changes; an older file is then ignored.
FORMAT = 2


def cache_folder(config_file: str) -> Path:
    """The folder of one site's cache: one per mkdocs.yml, by its real path."""
    base = os.environ.get(CACHE_ENV)
    if not base:
        import platformdirs  # only here: a build never needs it

        base = platformdirs.user_cache_dir("mkdocs-weeknotes", False)
    site = os.path.realpath(config_file)
    return Path(base) / hashlib.blake2b(site.encode("utf-8"), digest_size=8).hexdigest()


class StoredCache(ReadCache):
    """A `ReadCache` loaded from a file and saved back to it."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._stored: tuple[dict[str, Any], bytes] = _load(path)
        self._loaded: set[tuple[str, str, str]] = set()
        self._stats_changed = False

    def start(self, settings: WeeknotesConfig, authors: Authors | None) -> None:
        context = context_key(settings, authors)
        if context == self.context:
            return
        self.context, self.entries, self.stats = context, {}, {}
        (header, body), self._stored = self._stored, ({}, b"")
        if header.get("context") == context and header.get("digest") == _digest(body):
            try:
                self.entries, self.stats = _decode(json.loads(body))
            except (KeyError, TypeError, ValueError, IndexError, OverflowError, RecursionError):
                self.entries, self.stats = {}, {}  # damaged: read every note
        self._loaded = set(self.entries)

    def keep_only(self, keys: set[tuple[str, str, str]]) -> None:
        known = len(self.stats)
        super().keep_only(keys)
        self._stats_changed |= len(self.stats) != known

    def remember_stat(self, src_uri: str, stat: os.stat_result, digest: str) -> bool:
        changed = super().remember_stat(src_uri, stat, digest)
        self._stats_changed |= changed
        return changed

    def save(self) -> None:
        """Write the cache if it changed (see `_write`)."""
        if self.context is None or (not self._stats_changed and set(self.entries) == self._loaded):
            return
        # ensure_ascii: the line breaks some text holds (U+2028) stay escaped, so the
        # body is one line; the header is only ASCII.
        body = json.dumps(_encode(self.entries, self.stats), separators=(",", ":")).encode()
        header = {"format": FORMAT, "context": self.context, "digest": _digest(body)}
        _write(self.path, json.dumps(header, separators=(",", ":")).encode() + b"\n" + body)


def _write(path: Path, data: bytes) -> None:
    """To a new file, then renamed over the old one, so a run at the same time
    reads one whole file or the other. A folder that cannot be written only
    means no cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".check-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temp, path)
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
    root = Path(__file__).parents[1]  # the package, not only this module's folder
    stamp = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            stat = os.stat(os.path.join(folder, name))
            relative = os.path.relpath(os.path.join(folder, name), root)
            stamp.append((relative, stat.st_size, stat.st_mtime_ns))
    return tuple(stamp)


def _load(path: Path) -> tuple[dict[str, Any], bytes]:
    """The header of the file and its body, still unparsed."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}, b""
    first, _, body = data.partition(b"\n")
    try:
        header = json.loads(first)
    except (ValueError, RecursionError):
        return {}, b""
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        return {}, b""
    return header, body


def _digest(body: bytes) -> str:
    return hashlib.blake2b(body, digest_size=16).hexdigest()


# An entry, flat: the key, the stat (four numbers, or four nulls), the lines of the
# week and the ref, the problems, then the note's fields (note_to_plain), if any.
_ENTRY = 10


def _encode(
    entries: dict[tuple[str, str, str], Entry], stats: dict[str, tuple[StatKey, str]]
) -> dict[str, Any]:
    # Paths are mostly the folder of the docs, then the src_uri: kept once.
    prefix = ""
    for src_uri, path, _ in entries:
        if path.endswith(src_uri):
            prefix = path[: len(path) - len(src_uri)]
            break
    rows: list[list[Any]] = []
    for (src_uri, path, digest), (note, problems, week_line, ref_line) in sorted(entries.items()):
        if note is not None and (note.src_uri, note.path) != (src_uri, path):
            continue  # never so today; such a note would be read again
        known = stats.get(src_uri)
        stat = list(known[0]) if known is not None and known[1] == digest else [None] * 4
        row = [
            src_uri,
            None if path == prefix + src_uri else path,
            digest,
            *stat,
            week_line,
            ref_line,
            [problem_to_plain(p) for p in problems],
        ]
        if note is not None:
            row += note_to_plain(note, src_uri, path)
        rows.append(row)
    return {"prefix": prefix, "notes": rows}


def _decode(
    data: object,
) -> tuple[dict[tuple[str, str, str], Entry], dict[str, tuple[StatKey, str]]]:
    if not isinstance(data, dict):
        raise TypeError("not a mapping")
    prefix = _text(data["prefix"])
    entries: dict[tuple[str, str, str], Entry] = {}
    stats: dict[str, tuple[StatKey, str]] = {}
    themes: dict[tuple[str, str], Theme] = {}  # one object per theme, as a read makes
    days: dict[int, datetime.date] = {}
    for row in _list(data["notes"]):
        if type(row) is not list or len(row) < _ENTRY:
            raise TypeError("not an entry")
        src_uri, path, digest, size, mtime, ctime, inode, week_line, ref_line, problems = row[
            :_ENTRY
        ]
        if path is None:
            path = prefix + _text(src_uri)
        key = (_text(src_uri), _text(path), _text(digest))
        note = None
        if len(row) > _ENTRY:
            note = _note(row[_ENTRY:], key[0], key[1], themes, days)
        if type(week_line) is not int or type(ref_line) is not int:
            raise TypeError("not a line")
        problems = tuple(problem_from_plain(p) for p in problems) if problems else ()
        entries[key] = (note, problems, week_line, ref_line)
        if size is not None:
            stat = (size, mtime, ctime, inode)
            if not all(type(value) is int for value in stat):
                raise TypeError("not a stat")
            stats[key[0]] = (stat, key[2])
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
    """`note` as a list of plain values; its src_uri and path are the entry's own.

    Dates are day numbers; themes and sections are flat lists (two and four values
    each); a ref made from the src_uri, as most are, is null."""
    if (note.src_uri, note.path) != (src_uri, path):
        raise ValueError("a note is kept under its own src_uri and path")
    return [
        note.title,
        note.title_source,
        None if note.date is None else note.date.toordinal(),
        None if note.week is None else note.week.toordinal(),
        list(note.authors),
        [text for theme in note.themes for text in (theme.slug, theme.label)],
        note.summary,
        note.draft,
        note.has_problems,
        [value for r in note.sections for value in (r.rollup, r.heading, r.level, r.line)],
        note.lang,
        None if note.ref == _own_ref(src_uri) else note.ref,
        list(note.mentions),
    ]


def note_from_plain(
    data: Any, src_uri: str, path: str, themes: dict[tuple[str, str], Theme] | None = None
) -> Note:
    """A note from `note_to_plain`'s list; ValueError or TypeError if it is not one.
    `themes` holds the themes made so far, so that notes share them as a read's do."""
    return _note(data, src_uri, path, {} if themes is None else themes, {})


def _own_ref(src_uri: str) -> str:
    return "file:" + src_uri


_new = object.__new__


def _note(
    data: Any,
    src_uri: str,
    path: str,
    themes: dict[tuple[str, str], Theme],
    days: dict[int, datetime.date],
) -> Note:
    """`note_from_plain`, with the days made so far too. Every value's type is
    checked, but the frozen Note is filled in directly, as its __init__ would."""
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
    # The same few themes and days recur in every note: each is checked and made once.
    found = []
    labels = _list(labels)
    for index in range(0, len(labels), 2):
        key = (labels[index], labels[index + 1])
        theme = themes.get(key)
        if theme is None:
            theme = themes[_text(key[0]), _text(key[1])] = Theme(*key)
        found.append(theme)
    sections: tuple[SectionRef, ...] = ()
    if refs:
        refs = _list(refs)
        sections = tuple(
            _section(refs[i], refs[i + 1], refs[i + 2], refs[i + 3]) for i in range(0, len(refs), 4)
        )
    if not (
        type(title) is str
        and type(source) is str
        and type(lang) is str
        and (summary is None or type(summary) is str)
        and (ref is None or type(ref) is str)
        and type(draft) is bool
        and type(flagged) is bool
    ):
        raise TypeError("not a note")
    note: Note = _new(Note)
    note.__dict__.update(
        src_uri=src_uri,
        path=path,
        title=title,
        title_source=source,
        date=None if date is None else days.get(date) or _day(date, days),
        week=None if week is None else days.get(week) or _day(week, days),
        authors=_texts(authors),
        themes=tuple(found),
        summary=summary,
        draft=draft,
        has_problems=flagged,
        sections=sections,
        lang=lang,
        ref=_own_ref(src_uri) if ref is None else ref,
        mentions=_texts(mentions) if mentions else (),
    )
    return note


def _section(rollup: object, heading: object, level: object, line: object) -> SectionRef:
    if not (
        type(rollup) is str and type(heading) is str and type(level) is int and type(line) is int
    ):
        raise TypeError("not a section")
    ref: SectionRef = _new(SectionRef)
    ref.__dict__.update(rollup=rollup, heading=heading, level=level, line=line)
    return ref


def problem_to_plain(problem: Problem) -> list[Any]:
    return [problem.path, problem.line, problem.code, problem.message, problem.hint]


def problem_from_plain(data: Any) -> Problem:
    path, line, code, message, hint = data
    return Problem(_text(path), _number(line), _text(code), _text(message), _text(hint))


def _day(number: object, days: dict[int, datetime.date]) -> datetime.date | None:
    if number is None:
        return None
    ordinal = _number(number)
    day = days.get(ordinal)
    if day is None:
        day = days[ordinal] = datetime.date.fromordinal(ordinal)
    return day


def _texts(values: object) -> tuple[str, ...]:
    found = tuple(_list(values))
    for value in found:
        if type(value) is not str:
            raise TypeError("not text")
    return found


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


# The last check's whole answer, beside the notes' cache: replayed when nothing it
# depends on changed, as before a commit that touches no note.
RESULT_FILE = "result.json"


def result_key(
    config: Mapping[str, Any], settings: WeeknotesConfig, files: Iterable[File]
) -> str | None:
    """What a check's whole answer depends on, as a digest: this package and the
    settings (see `context_key`), mkdocs.yml as loaded, and every file of the site
    (where it is, whether it is excluded, and its stat, as for a note), and
    whether the notes folder exists: an empty one holds no file, yet WN011 says
    whether it is there. None when a file changed too recently to be known by
    its stat, or cannot be."""
    now = time.time_ns()
    notes = os.path.join(config["docs_dir"], *settings.notes_dir.split("/"))
    listed: list[object] = [os.path.isdir(notes)]
    authors = os.path.join(config["docs_dir"], *settings.authors_path.split("/"))
    for src_uri, path, inclusion in [
        *((f.src_uri, f.abs_src_path, f.inclusion.name) for f in files),
        ("", authors, ""),
    ]:
        if path is None:
            return None
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            listed.append((src_uri, None))  # an authors file that is not there
            continue
        except OSError:
            return None
        if not settled(stat, now):
            return None
        listed.append((src_uri, inclusion, stat_key(stat)))
    text = repr((context_key(settings, None), _config_print(config), listed))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def load_result(folder: Path, key: str) -> list[Problem] | None:
    """The problems the last check found, if it was made with this `key`."""
    try:
        data = json.loads((folder / RESULT_FILE).read_bytes())
        if data.get("format") != FORMAT or data.get("key") != key:
            return None
        return [problem_from_plain(item) for item in data["problems"]]
    except (OSError, AttributeError, KeyError, TypeError, ValueError, RecursionError):
        return None  # no answer kept, or a damaged one: check


def save_result(folder: Path, key: str, problems: Sequence[Problem]) -> None:
    data = {"format": FORMAT, "key": key, "problems": [problem_to_plain(p) for p in problems]}
    _write(folder / RESULT_FILE, json.dumps(data, separators=(",", ":")).encode())


def _config_print(value: object) -> object:
    """A loaded mkdocs.yml as plain values: what is not plain (a plugin, the
    theme's locale) by its type. Values from `!ENV` and `INHERIT` are in it."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), _config_print(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_config_print(v) for v in value)
    return type(value).__qualname__
