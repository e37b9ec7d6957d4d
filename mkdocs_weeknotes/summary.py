"""A note's default summary: its first paragraph of prose, as plain text."""

from __future__ import annotations

import re

# Lines that start something other than prose: headings, HTML, admonitions, tables,
# indented code, lists, quotes, link definitions and rules.
_SKIP_LINE = re.compile(
    r"^\s*(#|<|!!!|\?\?\?|\|| {4}|\t|[-*+] |\d+[.)] |>|\[[^\]]+\]:"
    r"|(\*\s*){3,}$|(-\s*){3,}$|(_\s*){3,}$)"
)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_FOOTNOTE = re.compile(r"\[\^[^\]]+\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>]+)>")
_TAG = re.compile(r"<[^>]+>")
_CODE = re.compile(r"`+([^`]*)`+")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_SPACES = re.compile(r"\s+")


def first_paragraph(body: str, limit: int = 280) -> str | None:
    """The first paragraph of prose, stripped of Markdown, at most `limit` characters.

    Headings, lists, quotes, tables, code, admonitions and HTML blocks are passed
    over; the `<!--more-->` marker ends the search like the end of the body.
    """
    paragraph: list[str] = []
    fence: str | None = None
    for line in body.split("\n"):
        if line.strip() == "<!--more-->":
            break
        opener = _FENCE.match(line)
        if fence is not None:
            if opener and opener.group(1)[0] == fence[0]:
                fence = None
            continue
        if opener:
            fence = opener.group(1)
            continue
        if not line.strip():
            if plain_text(" ".join(paragraph)):
                break
            paragraph = []  # a paragraph of images or markup alone is no summary
            continue
        if not paragraph and _SKIP_LINE.match(line):
            continue
        paragraph.append(line.strip())
    text = plain_text(" ".join(paragraph))
    if not text:
        return None
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.–- ")
    return cut + "…"


def plain_text(markdown: str) -> str:
    """Inline Markdown as the words a reader sees."""
    text = _IMAGE.sub("", markdown)
    text = _FOOTNOTE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\2", text)
    return _SPACES.sub(" ", text).strip()
