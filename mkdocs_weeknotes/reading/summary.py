"""A note's default summary: its first paragraph of prose, as plain text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .inline import plain_text
from .sections import SETEXT, unfenced

# Lines that start something other than prose: headings, HTML, admonitions, tables,
# indented code, lists, quotes, link definitions, rules and attribute lists
# (`{: .no_toc }`, which a heading straight above it has).
_SKIP_LINE = re.compile(
    r"^\s*(#|<|!!!|\?\?\?|\|| {4}|\t|[-*+] |\d+[.)] |>|\[[^\]]+\]:"
    r"|(\*\s*){3,}$|(-\s*){3,}$|(_\s*){3,}$|\{[:#.][^}]*\}\s*$)"
)
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")


def first_paragraph(body: str, limit: int = 280) -> str | None:
    """The first paragraph of prose, stripped of Markdown, at most `limit` characters.

    The body is read as blocks between blank lines. A block is prose when its first
    line starts at the margin and starts no heading, list, quote, table, code,
    admonition or HTML; a list item's wrapped lines belong to the item. A
    `<!--more-->` line ends the search like the end of the body.
    """
    for block in _blocks(body):
        first = block[0]
        if first[:1].isspace() or _SKIP_LINE.match(first):
            continue
        text = plain_text(" ".join(line.strip() for line in block))
        if not text:
            continue  # images or markup alone are no summary
        if len(text) <= limit:
            return text
        return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.–- ") + "…"
    return None


def _blocks(body: str) -> Iterator[list[str]]:
    """Runs of non-blank lines outside fenced code, up to a `<!--more-->` line.

    A generator: the summary is usually the first block, and the rest of the
    note need not be read.
    """
    block: list[str] = []
    previous = -1
    for index, line in unfenced(body.split("\n")):
        stripped = line.strip()
        if stripped == "<!--more-->":
            break
        if (index != previous + 1 or not stripped) and block:
            yield block  # a blank line or a code block ends a block
            block = []
        previous = index
        if not stripped:
            continue
        if line[0] == "#":
            # A heading is a block of its own line: Markdown needs no blank line
            # around it, and the paragraph straight under it is prose.
            if block:
                yield block
            yield [line]
            block = []
            continue
        if stripped[0] in "=-*_":  # most lines are neither underline nor rule
            if block and SETEXT.match(line) and not _SKIP_LINE.match(block[0]):
                block = []  # a setext heading, neither prose nor a rule
                continue
            if _RULE.match(line):
                if block:
                    yield block  # a rule ends a list as a blank line would
                block = []
                continue
        block.append(line)
    if block:
        yield block
