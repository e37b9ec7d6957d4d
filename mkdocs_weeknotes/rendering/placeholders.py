"""Placeholders: empty elements that mark where something goes into a page's HTML
once it can be made, such as an embedded listing once every note is rendered."""

from __future__ import annotations

import functools
import re

from markupsafe import escape

# An embed's placeholder (see `embed_placeholder`) wherever a note's HTML goes.
EMBEDDED = re.compile(r'<div class="wn-deferred" data-weeknotes="[^"]*#embed-[0-9]+"></div>')
# What every placeholder holds: a quick look before the pattern.
MARK = 'class="wn-deferred"'


@functools.lru_cache(maxsize=4096)
def placeholder(uri: str) -> str:
    """An empty element that marks where finish_html puts something."""
    return f'<div class="wn-deferred" data-weeknotes="{escape(uri)}"></div>'


def embed_placeholder(uri: str, number: int) -> str:
    """The place of the page `uri`'s embed `number`, in its HTML and its sections'."""
    return placeholder(f"{uri}#embed-{number}")
