"""Reading a site's files: its notes, the pages that may embed listings, and how
problems name their paths."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from ..config import WeeknotesConfig
from ..problems import Problem
from . import embeds
from .collection import ReadCache, Source, Weeknotes, collect, load_authors, source_digest
from .frontmatter import read
from .selection import GENERATED, NOT_INCLUDED, WEEKNOTE_FALSE, nothing_found, passed_over


def collect_site(
    files: Files,
    config: MkDocsConfig,
    settings: WeeknotesConfig,
    keep_text: bool = False,
    cache: ReadCache | None = None,
    marked: dict[str, bytes] | None = None,
) -> Weeknotes:
    """Every note among the site's files; undecodable ones are given readable text.

    `marked` is given the source of each page that may hold an embed marker.
    """
    # First: fallback titles and page titles are in the site's language.
    settings.use_language(site_language(config))
    display = path_display(config)
    notes: list[File] = []
    unreadable: list[Problem] = []
    unread: list[Problem] = []
    selector = settings.selector
    skipped: Counter[str] = Counter()
    authors, problems = load_authors(config.docs_dir, settings, display(settings.authors_path))
    if cache is not None:
        cache.start(settings, authors)  # before notes are looked up in it
    for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve):
        why = selector.why_not(file.src_uri)
        if why is None:
            notes.append(file)
            continue
        if why != NOT_INCLUDED or selector.relative(file.src_uri) is not None:
            skipped[why] += 1
        place = selector.passed_over(file.src_uri) if why == GENERATED else None
        if place is not None and not _says_no_note(file):
            # Selected as a note, yet never read as one: not silently.
            unread.append(passed_over(display(file.src_uri), place))
        if marked is not None:
            _find_marked(file, marked)

    def sources() -> Iterator[Source]:
        # One note's bytes at a time, each let go once the note is read: all of a
        # big archive's bytes at once would stay in the build's peak memory.
        for file in sorted(notes, key=lambda file: file.src_uri):
            try:
                source = _source(file, display(file.src_uri), cache)
            except OSError as err:
                # A broken link or a link loop: MkDocs itself would stop the build on it.
                unreadable.append(_unreadable(display(file.src_uri), err))
                file.inclusion = InclusionLevel.EXCLUDED
                continue
            if marked is not None and embeds.MAYBE.search(source.content):
                marked[file.src_uri] = source.content
            yield source

    weeknotes = collect(sources(), settings, authors, problems, keep_text, cache, ordered=True)
    if unreadable or unread:
        every = {*weeknotes.problems, *unreadable, *unread}
        weeknotes = replace(weeknotes, problems=tuple(sorted(every)))
    if not weeknotes.notes and not unreadable:
        skipped[WEEKNOTE_FALSE] = len(notes)  # every one was read: none is unreadable
        found = _no_notes(files, config, settings, skipped)
        weeknotes = replace(weeknotes, problems=tuple(sorted((*weeknotes.problems, found))))
    return weeknotes


def _source(file: File, path: str, cache: ReadCache | None) -> Source:
    """A note's source; unread when its stat is as when the cache last read it."""
    if cache is None or file.generated_by is not None or file.abs_src_path is None:
        data = file.content_bytes
        _make_readable(file, data)
        return Source(file.src_uri, path, data)
    stat = os.stat(file.abs_src_path)
    digest = cache.digest_by_stat(file.src_uri, stat)
    if digest is not None and (file.src_uri, path, digest) in cache.entries:
        return Source(file.src_uri, path, b"", digest)
    data = file.content_bytes
    digest = source_digest(data)
    # A note that may hold an embed marker is read every time: its markers are
    # not kept. Nor is one that is not UTF-8: MkDocs is given readable text for it.
    readable = _make_readable(file, data)
    if readable and not embeds.MAYBE.search(data):
        cache.remember_stat(file.src_uri, stat, digest)
    return Source(file.src_uri, path, data, digest)


def _says_no_note(file: File) -> bool:
    """Whether a page's front matter says `weeknote: false`: such a page is no
    note by its own word, wherever it is, and is not reported."""
    try:
        data = file.content_bytes
    except OSError:
        return False  # MkDocs reports a page it cannot read; WN012 still says why
    found = read(data, file.src_uri).get("weeknote")
    return found is not None and found.value is False


def _find_marked(file: File, marked: dict[str, bytes]) -> None:
    """A page that is not a note, kept in `marked` if it may hold an embed marker."""
    try:
        data = file.content_bytes
    except OSError:
        return  # MkDocs reports a page it cannot read
    if embeds.MAYBE.search(data):
        marked[file.src_uri] = data


def _no_notes(
    files: Files, config: MkDocsConfig, settings: WeeknotesConfig, skipped: Counter[str]
) -> Problem:
    """WN011, with the folder of docs_dir that holds the most Markdown files, to
    suggest when the notes folder holds none."""
    notes_dir = settings.notes_dir
    folder = os.path.join(config.docs_dir, *notes_dir.split("/")) if notes_dir else config.docs_dir
    elsewhere = None
    if not sum(skipped.values()):
        folders = Counter(
            file.src_uri.split("/", 1)[0]
            for file in files.documentation_pages()
            if "/" in file.src_uri
        )
        if folders:
            elsewhere = min(folders.items(), key=lambda item: (-item[1], item[0]))
    display = path_display(config)
    path = display(notes_dir) if notes_dir else display(".").removesuffix("/.")
    return nothing_found(path, os.path.isdir(folder), skipped, settings.selector, elsewhere)


def _unreadable(path: str, err: OSError) -> Problem:
    reason = err.strerror or type(err).__name__
    return Problem(
        path,
        1,
        "WN010",
        f"the file cannot be read: {reason}",
        "fix or remove the link" if os.path.islink(err.filename or "") else "",
    )


def path_display(config: MkDocsConfig) -> Callable[[str], str]:
    """Paths as problems name them: relative to the folder of mkdocs.yml."""
    base = os.path.dirname(config.config_file_path or "") or os.getcwd()
    # Worked out once: a src_uri is a clean path under docs_dir.
    prefix = os.path.relpath(config.docs_dir, base).replace(os.sep, "/")

    def display(src_uri: str) -> str:
        return src_uri if prefix == "." else f"{prefix}/{src_uri}"

    return display


def _make_readable(file: File, data: bytes) -> bool:
    """Whether `data` is UTF-8. MkDocs aborts the whole build on a page that is
    not; the problem is reported by us, so the page renders with replacement
    characters instead."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        file.content_string = data.decode("utf-8", errors="replace")
        return False
    return True


def site_language(config: MkDocsConfig) -> str:
    theme = config.theme
    language = theme.get("language") or theme.get("locale")
    return str(language or "en")


def config_display(config: MkDocsConfig) -> str:
    path = config.config_file_path or "mkdocs.yml"
    return os.path.basename(path)
