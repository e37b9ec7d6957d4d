"""Where the pages and files we make go, and what of the site's stands there already
(WN401, WN402): the site's own files are never overwritten."""

from __future__ import annotations

from collections.abc import Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..problems import Problem, quote
from ..reading.site_notes import path_display
from .generated import PageSpec, Plan
from .sitefiles import ListedFiles
from .syndication import FeedSpec

STYLESHEET = "assets/weeknotes/weeknotes.css"


def clash_at(
    copied: Mapping[str, File], config: MkDocsConfig, feed: FeedSpec | None = None
) -> Problem | None:
    """The problem of a file of the site copied to where we would write `feed`, or
    with no feed, our stylesheet: the site's file is kept, and reported."""
    path = feed.path if feed is not None else STYLESHEET
    clash = copied.get(path)
    if clash is None:
        return None
    if feed is not None:
        what = f"the feed '{feed.title}' would be written"
        switch = "set 'feeds: {enabled: false}'; this file is kept and the feed is left out"
    else:
        what = "the plugin's stylesheet would go"
        switch = (
            "set 'stylesheet: false'; this file is kept and the plugin's stylesheet is left out"
        )
    return Problem(
        path_display(config)(clash.src_uri),
        1,
        "WN402",
        f"this file is copied to {path}, where {what}",
        f"rename or move it, or {switch}",
    )


def copied_files(files: Files) -> Mapping[str, File]:
    """The site's files by where they are copied to in the site folder.

    For the check's own listing, only the places asked about are looked at."""
    if isinstance(files, ListedFiles):
        return files.copied()
    return {f.dest_uri: f for f in files if not f.inclusion.is_excluded()}


def place_pages(
    files: Files, plan: Plan, config: MkDocsConfig, copied: Mapping[str, File]
) -> tuple[dict[str, PageSpec], list[Problem]]:
    """Which planned pages can be made, by src_uri, and the problems of those that
    cannot: a site's own page at that path is kept and filled; a page built to the
    same address is a problem, never overwritten. `copied`: the site's files by
    where they are copied to (see `copied_files`)."""
    display = path_display(config)
    generated: dict[str, PageSpec] = {}
    problems: list[Problem] = []
    # Where pages planned before this one go; the site's files come first.
    placed: dict[str, File] = {}
    for spec in plan.pages:
        if files.get_file_from_path(spec.src_uri) is not None:
            generated[spec.src_uri] = spec
            continue
        planned = File(
            spec.src_uri,
            src_dir=None,
            dest_dir=config.site_dir,
            use_directory_urls=config.use_directory_urls,
        )
        clash = copied.get(planned.dest_uri)
        if clash is None:
            clash = placed.get(planned.dest_uri)
        if clash is not None:
            problems.append(
                Problem(
                    display(clash.src_uri),
                    1,
                    "WN401",
                    f"this page is built to {clash.dest_uri}, where the {spec.kind} page"
                    f" {quote(spec.title)} would go",
                    "rename or move this page; the generated page is left out",
                )
            )
            continue
        placed[planned.dest_uri] = planned
        generated[spec.src_uri] = spec
    return generated, problems
