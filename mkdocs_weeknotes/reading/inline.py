"""Inline Markdown as the words a reader sees: for a note's summary, and for its
headings, which are matched as they read on the page (see reading/sections.py)."""

from __future__ import annotations

import html
import re

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_FOOTNOTE = re.compile(r"\[\^[^\]]+\]")
# `<https://…>`, `<mailto:…>`, `<tel:…>` and `<a@b.org>` show their address.
_AUTOLINK = re.compile(r"<((?:[A-Za-z][A-Za-z0-9+.-]{1,31}:|[^\s<>@/]+@)[^\s<>]+)>")
_TAG = re.compile(r"<[^>]+>")
_CODE = re.compile(r"`+([^`]*)`+")
# A character reference as Markdown reads one: always with its semicolon, so that
# `&copy` stays text, as it does on the page. Code spans keep theirs as written.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_CODE_OR_ENTITY = re.compile(r"(`+)[^`]*\1|" + _ENTITY.pattern)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
# Python-Markdown's backslash escapes. An escaped character is set aside as a
# private-use one while the markup is read, so that `\*` never starts emphasis.
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!])")
_ASIDE = 0xF0000
_SET_ASIDE = re.compile("[\U000f0000-\U000f007f]")


def plain_text(markdown: str) -> str:
    """Inline Markdown as the words a reader sees."""
    # Each pattern runs only when its marker is there: most lines of prose have
    # none, and this runs on every note without a summary.
    text = markdown
    escaped = "\\" in text
    if escaped:
        text = _ESCAPED.sub(lambda match: chr(_ASIDE + ord(match.group(1))), text)
    if "[" in text:
        text = _IMAGE.sub("", text)
        text = _FOOTNOTE.sub("", text)
        text = _LINK.sub(r"\1", text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
        text = _TAG.sub("", text)
    if "&" in text:
        text = _decode_entities(text)
    if "`" in text:
        text = _CODE.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _STRONG.sub(r"\2", text)
        text = _EMPHASIS.sub(r"\2", text)
    if escaped:
        text = _SET_ASIDE.sub(lambda match: chr(ord(match.group()) - _ASIDE), text)
    return " ".join(text.split())


def _decode_entities(text: str) -> str:
    """`&amp;`, `&#39;` and `&nbsp;` as the characters they stand for, outside code.

    The summary is plain text, escaped once wherever it is shown; left encoded,
    a reader would see `&amp;`.
    """
    return _CODE_OR_ENTITY.sub(
        lambda match: match.group() if match.group(1) else html.unescape(match.group()), text
    )
