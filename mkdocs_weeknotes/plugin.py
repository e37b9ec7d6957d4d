"""The MkDocs plugin: a thin adapter from MkDocs' events to the core."""

from __future__ import annotations

import os
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .collection import Source, Weeknotes, collect, load_authors
from .config import WeeknotesConfig
from .notes import is_note_path
from .problems import Problem

log = get_plugin_logger(__name__)


class WeeknotesPlugin(BasePlugin[WeeknotesConfig]):
    """Checks every weeknote's front matter and keeps what the pages need."""

    def __init__(self) -> None:
        # `mkdocs serve` keeps this instance across rebuilds: everything else is
        # made afresh in on_files, so no build sees the last one's notes.
        self.command: str = "build"
        self.weeknotes: Weeknotes | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        self.weeknotes = None
        if not self.config.enabled:
            return None
        self.weeknotes = collect_site(files, config, self.config)
        report(self.weeknotes.problems, self.config.on_invalid, self.command)
        return None

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.weeknotes is None:
            return None
        note = self.weeknotes.note(page.file.src_uri)
        if note is None:
            return None
        fm = self.weeknotes.front_matter[page.file.src_uri]
        if fm.has_block and markdown.startswith("---"):
            # MkDocs left the block in as text: YAML it rejects (reported by us), or a
            # closing fence with no newline after it. Show the body, keep what we read.
            markdown = fm.body
            if not page.meta:
                page.meta.update(fm.values())
        if note.title_source != "heading" and not isinstance(page.meta.get("title"), str):
            page.meta["title"] = note.title
        return markdown


def collect_site(files: Files, config: MkDocsConfig, settings: WeeknotesConfig) -> Weeknotes:
    """Every note among the site's files; undecodable ones are given readable text."""
    base = os.path.dirname(config.config_file_path or "") or os.getcwd()

    def display(src_uri: str) -> str:
        absolute = os.path.join(config.docs_dir, *src_uri.split("/"))
        return os.path.relpath(absolute, base).replace(os.sep, "/")

    sources: list[Source] = []
    for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve):
        if not is_note_path(file.src_uri, settings.notes_dir):
            continue
        data = file.content_bytes
        sources.append(Source(file.src_uri, display(file.src_uri), data))
        _make_readable(file, data)
    authors, problems = load_authors(config.docs_dir, settings, display(settings.authors_path))
    return collect(sources, settings, authors, problems)


def _make_readable(file: File, data: bytes) -> None:
    # MkDocs aborts the whole build on a page that is not UTF-8; the problem is
    # reported by us, so the page renders with replacement characters instead.
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        file.content_string = data.decode("utf-8", errors="replace")


def report(problems: tuple[Problem, ...], on_invalid: str, command: str) -> None:
    """Each problem as a warning, or one error listing them all.

    `mkdocs serve` always warns: an author's typo must never stop the server.
    """
    if not problems:
        return
    if on_invalid == "error" and command != "serve":
        lines = "\n".join(f"  {problem}" for problem in problems)
        raise PluginError(f"{len(problems)} problem(s) in weeknotes:\n{lines}")
    for problem in problems:
        log.warning(str(problem))
