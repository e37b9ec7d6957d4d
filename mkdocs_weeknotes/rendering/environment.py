"""The Jinja environment of a build, and which of our templates it writes directly.

Templates are looked up in the theme's folders first (so `custom_dir` wins), then
in the package. The environment autoescapes: every value from front matter is
escaped unless a template says otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from jinja2 import (
    ChoiceLoader,
    DictLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    select_autoescape,
)

from ..words import Words
from . import note_parts
from .templatecache import TEMPLATES


def direct_parts(theme_dirs: Sequence[str]) -> dict[str, bool]:
    """Which of our most repeated templates are written directly (see note_parts):
    those the site does not override."""

    def kept(*names: str) -> bool:
        return not any(
            os.path.isfile(os.path.join(folder, "weeknotes", *f"{name}.html".split("/")))
            for folder in theme_dirs
            for name in names
        )

    return {
        "note-header": kept("note-header"),
        "note-footer": kept("note-footer"),
        "partials/note-list": kept("partials/note-list"),
        # Entries are written whole, so every template that reads their views
        # must be the package's.
        "partials/entry": kept(
            "partials/entry", "partials/entry-list", "partials/entries", "rollup"
        ),
        # A week's page is written whole, its entries with it: so its template
        # and the ones it includes must be the package's.
        "week": kept("week", "partials/entry-list", "partials/entry"),
    }


def environment(
    theme_dirs: Sequence[str], direct_parts: dict[str, bool], words: Words
) -> Environment:
    """The templates of one build, with the site's words."""
    # A partial written directly takes the template's place, so that the pages
    # that include it stay as they are.
    direct: dict[str, str] = {}
    if direct_parts["partials/note-list"]:
        direct["weeknotes/partials/note-list.html"] = "{{ direct_note_list(notes) }}"
    if direct_parts["partials/entry"]:
        direct["weeknotes/partials/entry-list.html"] = "{{ entries|join }}"
    env = Environment(
        loader=ChoiceLoader(
            [
                DictLoader(direct),
                FileSystemLoader(list(theme_dirs)),
                PackageLoader("mkdocs_weeknotes", "templates"),
            ]
        ),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # One environment per build: no template changes while it lives, so
        # skip the file-time check that Jinja makes on every lookup.
        auto_reload=False,
        bytecode_cache=TEMPLATES,
    )
    env.globals["direct_note_list"] = note_parts.note_list
    env.globals["words"] = words
    return env
