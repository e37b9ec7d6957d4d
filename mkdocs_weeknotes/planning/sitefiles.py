"""The site's files as MkDocs' `get_files` lists them, listed faster, for the check.

`weeknotes check` runs before every commit and builds nothing, yet on a big
archive MkDocs' `get_files` was a good part of its time: each `File` it makes
goes through `pathlib` to clean a path that `os.walk` gives clean already.
This walks `docs_dir` in the same order, makes each `File` with the same
values without that step, then leaves to MkDocs itself what decides which
files count (`set_exclusions`: `exclude_docs`, dot-files, `draft_docs`,
`not_in_nav`) and where each goes (`File.dest_uri`). A test holds the two
listings equal on every test site; a build still uses `get_files`.

Where a file goes is worked out only where it matters: for the few files of a
folder that could go to one place (an index.md and a README.md), and for the
places our pages and feeds would go (`ListedFiles.copied`).
"""

from __future__ import annotations

import logging
import os
import posixpath
from collections import Counter
from collections.abc import Iterator, Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel, set_exclusions
from mkdocs.utils import markdown_extensions

# MkDocs' own logger for the files it drops, so the check says what a build says.
_log = logging.getLogger("mkdocs.structure.files")
_INDEX_STEMS = ("index", "README")


class ListedFiles(Files):
    """Files from `list_files`: each goes where its src_uri says, no plugin has
    moved one, so which file goes to a place can be found from the place."""

    def copied(self) -> Mapping[str, File]:
        """The files that are copied into the site, by where they go."""
        return _CopiedTo(self)


def list_files(config: MkDocsConfig) -> ListedFiles:
    """Every file under docs_dir, as `get_files(config)` gives them."""
    docs_dir = config.docs_dir
    site_dir = config.site_dir
    directory_urls = config.use_directory_urls
    files: list[File] = []
    # Pairs of files of one folder copied to the same place: one of them is dropped.
    clashes: list[tuple[File, File]] = []
    for folder, dirs, names in os.walk(docs_dir, followlinks=True):
        dirs.sort()
        names.sort(key=_index_first)
        relative = os.path.relpath(folder, docs_dir)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        # Where each file is, as MkDocs would work it out from docs_dir and src_uri.
        clean = os.path.normpath(folder) == folder
        # Two files of a folder go to one place only if their names share a stem.
        stems = [_stem(name) for name in names]
        shared = {stem for stem, count in Counter(stems).items() if count > 1}
        by_dest: dict[str, File] = {}
        for name, stem in zip(names, stems, strict=True):
            file = _file(prefix + name, docs_dir, site_dir, directory_urls)
            if clean:
                file.__dict__["abs_src_path"] = os.path.join(folder, name)
            if stem in shared:
                first = by_dest.setdefault(file.dest_uri, file)
                if first is not file:
                    clashes.append((first, file))
            files.append(file)
    set_exclusions(files, config)
    # As MkDocs does: of an index.md and a README.md (or any two files going to the
    # same place), the later one is kept if it is included, else the first.
    dropped: set[int] = set()
    for first, later in clashes:
        if later.inclusion.is_included():
            if first.inclusion.is_included():
                _log.warning(
                    f"Excluding '{first.src_uri}' from the site because it conflicts with"
                    f" '{later.src_uri}'."
                )
            dropped.add(id(first))
        else:
            dropped.add(id(later))
    return ListedFiles(file for file in files if id(file) not in dropped)


def _file(src_uri: str, docs_dir: str, site_dir: str, directory_urls: bool) -> File:
    """A `File` as `File(path, docs_dir, site_dir, directory_urls)` makes it, for a
    path that is clean already: relative, '/'-separated, without '.' parts."""
    file = File.__new__(File)
    file.src_uri = src_uri
    file.src_dir = docs_dir
    file.dest_dir = site_dir
    file.use_directory_urls = directory_urls
    file.inclusion = InclusionLevel.UNDEFINED
    return file


def _index_first(name: str) -> tuple[bool, str]:
    return (os.path.splitext(name)[0] not in _INDEX_STEMS, name)


def _stem(name: str) -> str:
    """What of a file's name decides where it goes: a page `name.md` goes to
    `name.html` or `name/index.html`, a README.md where an index.md would."""
    stem = posixpath.splitext(name)[0]
    return "index" if stem == "README" else stem


class _CopiedTo(Mapping[str, File]):
    """The files copied into the site by where they go, as `{f.dest_uri: f for f in
    files if not f.inclusion.is_excluded()}` has them; a look-up tries only the few
    files that could go there."""

    def __init__(self, files: ListedFiles) -> None:
        self._files = files
        self._all: dict[str, File] | None = None

    def __getitem__(self, dest: str) -> File:
        found = [
            file
            for uri in _sources(dest)
            if (file := self._files.src_uris.get(uri)) is not None
            and not file.inclusion.is_excluded()
            and file.dest_uri == dest
        ]
        if not found:
            raise KeyError(dest)
        if len(found) > 1:
            # As in the mapping made from every file: the last in the listing wins.
            order = {id(file): index for index, file in enumerate(self._files)}
            found.sort(key=lambda file: order[id(file)])
        return found[-1]

    def _every(self) -> dict[str, File]:
        if self._all is None:
            self._all = {f.dest_uri: f for f in self._files if not f.inclusion.is_excluded()}
        return self._all

    def __iter__(self) -> Iterator[str]:
        return iter(self._every())

    def __len__(self) -> int:
        return len(self._every())


def _sources(dest: str) -> list[str]:
    """Every src_uri that MkDocs could copy or build to `dest`."""
    found = [dest]  # any file that is not a page goes where its src_uri says
    folder, name = posixpath.split(dest)
    stem, extension = posixpath.splitext(name)
    if extension != ".html":
        return found
    prefix = folder + "/" if folder else ""
    if stem == "index":
        # folder/index.md or folder/README.md; with directory URLs, folder.md too.
        for extension in markdown_extensions:
            found += [f"{prefix}index{extension}", f"{prefix}README{extension}"]
            if folder:
                found.append(folder + extension)
    else:
        # Without directory URLs, name.md goes to name.html.
        found += [f"{prefix}{stem}{extension}" for extension in markdown_extensions]
    return found
