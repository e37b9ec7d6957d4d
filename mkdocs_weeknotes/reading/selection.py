"""Which files under `notes_dir` are notes: the `include` and `exclude` globs.

Globs follow the rules of `.gitignore` files (and of MkDocs' own `exclude_docs`),
matched against a file's path relative to `notes_dir`:

- `*` matches any run of characters within one folder or file name, `?` one
  character, `[abc]` and `[!abc]` one character of (or not of) a set;
- `**` as a whole part of the path matches any number of folders, none too;
- a glob without a `/` (but at its end) is matched against the file name in
  any folder, a glob with one against the whole path; a glob that matches a
  folder (`drafts`, `drafts/`, `2019/*`) matches everything in it.

Besides the globs, `index.md`, `_index.md` and `README.md` files are notes only
when an `include` glob ends in their name, and nothing at the place of a
generated page is ever a note (a file the globs select there is reported).
"""

from __future__ import annotations

import functools
import itertools
import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from ..problems import Problem, quote

# Files that are a folder's page, not a note, unless an include glob names them.
# Hugo's `_index.md` is a section's list page.
INDEX_NAMES = ("index.md", "_index.md", "README.md")
# A year's archive page goes in a folder named by the year; a folder of other
# digits (`7/`) holds notes like any other.
_YEAR_FOLDER = re.compile("[0-9]{4}")


@functools.lru_cache(maxsize=256)
def glob_pattern(glob: str) -> re.Pattern[str]:
    """A glob as a regular expression matching a whole relative path.

    The expression never tries one `*` or `**` at every length against every
    length of the next: the text between two stars has a fixed length, so its
    first place is as good as any, and it is taken once, for good (see _first).
    A glob of many stars against a long name is then a matter of one pass,
    where trying every way would take years."""
    anchored = "/" in glob.rstrip("/")
    parts = glob.strip("/").split("/")
    if not anchored:
        parts = ["**", *parts]  # a bare name: in any folder
    # '**/**' is '**'.
    parts = [p for i, p in enumerate(parts) if p != "**" or parts[i - 1 : i] != ["**"]]
    names = itertools.count()
    out: list[str] = []
    i = 0
    while i < len(parts):
        if parts[i] != "**":
            out.append(_name(parts[i], names) + ("/" if i < len(parts) - 1 else ""))
            i += 1
        elif i == len(parts) - 1:
            out.append(".*")  # as the last part, anything below
            i += 1
        else:
            # Any folders, none too, then the names up to the next '**': at their
            # first place, as they are a fixed number of folders.
            end = parts.index("**", i + 1) if "**" in parts[i + 1 :] else len(parts)
            names_between = "/".join(_name(part, names) for part in parts[i + 1 : end])
            out.append(
                _first(f"(?:[^/]*/)*?{names_between}{'/' if end < len(parts) else ''}", names)
            )
            i = end
    # A glob that matches a folder matches everything in it, as in .gitignore.
    return re.compile("".join(out) + r"(?:/.*)?\Z", re.DOTALL)


def _first(pattern: str, names: Iterator[int]) -> str:
    """`pattern` where it first matches, never tried again at another length: a
    lookahead is never gone back into, and its group is then matched as text."""
    name = f"g{next(names)}"
    return f"(?=(?P<{name}>{pattern}))(?P={name})"


def _name(part: str, names: Iterator[int]) -> str:
    """One folder or file name of a glob, as a regular expression that ends where
    the name does."""
    # The pieces between stars, each a run of one-character expressions.
    pieces: list[str] = [""]
    for token in _tokens(part):
        if token is None:
            pieces.append("")
        else:
            pieces[-1] += token
    out = pieces[0]
    if len(pieces) > 1:
        out += "".join(_first(f"[^/]*?{piece}", names) for piece in pieces[1:-1])
        out += f"[^/]*{pieces[-1]}"
    return out + r"(?=/|\Z)"


def _tokens(part: str) -> list[str | None]:
    """A glob's name as one regular expression per character it matches, and None
    for each `*` (a run of them is one)."""
    out: list[str | None] = []
    i = 0
    while i < len(part):
        char = part[i]
        if char == "*":
            if not out or out[-1] is not None:  # '**' inside a name is just '*'
                out.append(None)
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            # `[!...]` negates; a `]` first in the set is one of its characters.
            start = i + 2 if part[i + 1 : i + 2] == "!" else i + 1
            end = part.find("]", start + 1 if part[start : start + 1] == "]" else start)
            body = re.sub(r"([\\^\[\]])", r"\\\1", part[start:end])
            chars = f"[{'^/' if start > i + 1 else ''}{body}]"
            if end == -1 or not _valid(chars):
                out.append(re.escape(char))  # an unclosed '[', or `[z-a]`, is itself
            else:
                out.append(chars)
                i = end
        else:
            out.append(re.escape(char))
        i += 1
    return out


def _valid(chars: str) -> bool:
    try:
        re.compile(chars)
    except re.error:
        return False
    return True


def matches(glob: str, path: str) -> bool:
    """Whether `path`, relative to notes_dir, is matched by `glob`."""
    return glob_pattern(glob).match(path) is not None


# Why a file under notes_dir is not a note, in the words WN011 uses.
NOT_INCLUDED = "not included"
EXCLUDED = "excluded"
INDEX_FILE = "index"
GENERATED = "generated"


@dataclass(frozen=True)
class Selector:
    """The settings that pick notes, compiled once per build."""

    notes_dir: str
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    # Folders under notes_dir that hold generated pages: never notes.
    generated_folders: tuple[str, ...]

    def relative(self, src_uri: str) -> str | None:
        """`src_uri` relative to notes_dir, or None if it is not under it."""
        if not self.notes_dir:
            return src_uri
        prefix = self.notes_dir + "/"
        return src_uri[len(prefix) :] if src_uri.startswith(prefix) else None

    def why_not(self, src_uri: str) -> str | None:
        """None if the Markdown file `src_uri` is a note, else why it is not."""
        path = self.relative(src_uri)
        if path is None:
            return NOT_INCLUDED
        if self.generated_place(path) is not None:
            return GENERATED
        return self._chosen(path)

    def passed_over(self, src_uri: str) -> tuple[str, str] | None:
        """For a file the globs select that is not a note as a generated page goes
        at its place: that place in words, and the glob that would exclude it
        (see generated_place); to be reported (WN012)."""
        path = self.relative(src_uri)
        if path is None:
            return None
        place = self.generated_place(path)
        return place if place is not None and self._chosen(path) is None else None

    def _chosen(self, path: str) -> str | None:
        """None if the globs select `path`, relative to notes_dir, else why not."""
        if not _any(self.include, path):
            return NOT_INCLUDED
        if posixpath.basename(path) in INDEX_NAMES and not self._names_index(path):
            return INDEX_FILE
        if _any(self.exclude, path):
            return EXCLUDED
        return None

    def generated_place(self, path: str) -> tuple[str, str] | None:
        """The generated page that goes at `path`, relative to notes_dir, in words,
        and a glob for `exclude` that leaves out the place; None where none goes."""
        if path == "index.md":
            return "the page of the latest weeks goes here", "/index.md"
        head, _, rest = path.partition("/")
        if rest == "index.md" and _YEAR_FOLDER.fullmatch(head):
            return f"the archive of {head} goes here", f"/{path}"
        if path.startswith(self._generated_prefixes):
            folder = next(f for f in self.generated_folders if path.startswith(f + "/"))
            return f"{quote(folder + '/')} is a folder of generated pages", f"/{folder}"
        return None

    def _names_index(self, path: str) -> bool:
        """Whether an include glob that ends in this file's own name selects it."""
        name = posixpath.basename(path)
        return any(
            glob.rstrip("/").rsplit("/", 1)[-1] == name and matches(glob, path)
            for glob in self.include
        )

    @functools.cached_property
    def _generated_prefixes(self) -> tuple[str, ...]:
        return tuple(folder + "/" for folder in self.generated_folders)


def _any(globs: Iterable[str], path: str) -> bool:
    return any(glob_pattern(glob).match(path) for glob in globs)


def listed(globs: Sequence[str]) -> str:
    """Globs as a message quotes them: `['*.md', '*/*/index.md']`."""
    return "[" + ", ".join(repr(glob) for glob in globs) + "]"


# What WN011 says about each reason, with the count before it, and what to do.
_REASONS = {
    NOT_INCLUDED: ("{n} not selected by include {include}", "change 'include' to select the notes"),
    INDEX_FILE: (
        "{n} named index.md, _index.md or README.md",
        "a folder's index.md is a note only when an include glob ends in index.md,"
        " such as '*/*/index.md'",
    ),
    EXCLUDED: ("{n} left out by exclude {exclude}", "change 'exclude', which leaves them out"),
    GENERATED: (
        "{n} where generated pages go",
        "move the notes out of the folders of generated pages (themes, people, rollups)",
    ),
}
WEEKNOTE_FALSE = "weeknote: false"
_NOT_A_NOTE = ("{n} with 'weeknote: false'", "remove 'weeknote: false' from the notes")


def nothing_found(
    path: str,
    exists: bool,
    skipped: Mapping[str, int],
    selector: Selector,
    elsewhere: tuple[str, int] | None = None,
) -> Problem:
    """WN011: no note under notes_dir, saying what was looked at and why each file
    was passed over. `path` is notes_dir as problems name paths; `skipped` counts
    the Markdown files under it by reason; `elsewhere` is the folder of docs_dir
    with the most Markdown files, and how many, to suggest when there are none."""
    move = "set notes_dir to the folder that holds the notes"
    if elsewhere is not None:
        move += f", such as {quote(elsewhere[0])} ({_files(elsewhere[1])})"
    if not exists:
        return Problem(path, 1, "WN011", "no notes: the notes folder does not exist", move)
    total = sum(skipped.values())
    if not total:
        return Problem(path, 1, "WN011", "no notes: the notes folder has no Markdown files", move)
    words = {"include": listed(selector.include), "exclude": listed(selector.exclude)}
    order = [*_REASONS, WEEKNOTE_FALSE]
    reasons = sorted((r for r in order if skipped.get(r)), key=lambda r: -skipped[r])
    parts = [
        (_REASONS[r][0] if r in _REASONS else _NOT_A_NOTE[0]).format(n=skipped[r], **words)
        for r in reasons
    ]
    top = reasons[0]
    hint = _REASONS[top][1] if top in _REASONS else _NOT_A_NOTE[1]
    return Problem(
        path, 1, "WN011", f"no notes among {_files(total)} under it: {', '.join(parts)}", hint
    )


def passed_over(path: str, place: tuple[str, str]) -> Problem:
    """WN012: the file at `path` is selected by the globs, but not read as a note,
    as `place` (see Selector.passed_over) says."""
    where, glob = place
    return Problem(
        path,
        1,
        "WN012",
        f"not read as a note, though include selects it: {where}",
        f"if it is a note, move it elsewhere; if not, add {quote(literal_glob(glob))} to exclude",
    )


def literal_glob(path: str) -> str:
    """`path` as a glob that matches it alone: `*`, `?` and `[` as themselves."""
    return re.sub(r"([*?\[])", r"[\1]", path)


def _files(count: int) -> str:
    return f"{count:,} Markdown file{'' if count == 1 else 's'}"
