"""Mentions: `@id` in a note's text names someone on the team. Pure.

Two readings, like the sections'. In the Markdown source (when notes are read,
with lines) we find who a note mentions, for their "Mentioned in" list, and the
near misses, for WN710. In the rendered HTML (once per note) each mention of
someone with a page becomes a link to it.

A mention is `@` and a handle, at the start of a word: not inside a word (an
e-mail address, `mailto:`), not after a `/` (a URL such as a Mastodon profile),
and not followed by another `@` (a fediverse handle) or a `/` (`@scope/package`).
Code, links and HTML are never read.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from ..model import Person
from ..slugs import slugify
from ..suggest import TypoIndex
from .sections import unfenced

# `@` at the start of a word: after a space, an opening bracket or quote, or a
# run of emphasis marks that itself starts a word (`_@rob_`, `**@rob**`, not
# `me_@rob.org`). Then a handle: letters, digits and `_`, with single `.` or `-`
# inside it, ending in a letter or digit, so that `@rob.` at the end of a
# sentence is `@rob`, and the `_` closing `_@rob_` is emphasis, not the handle's.
_WORD = r"[A-Za-z0-9]+(?:_+[A-Za-z0-9]+)*"
_HANDLE = (
    r"@(?P<handle>[A-Za-z][A-Za-z0-9]*(?:_+[A-Za-z0-9]+)*(?:[.\-]_*" + _WORD + r")*)"
    r"(?!_*[^\W_]|_*[@/]|[.\-]_*[A-Za-z0-9])"
)
MENTION = re.compile(r"(?<![^\s(\[{\"'\u201c\u2018\u00ab>])(?P<lead>[*_~]*)" + _HANDLE)

# In the Markdown source: what is never text to read for mentions. Inline code,
# links and images (`[text](url)`, whose text becomes a link of its own), autolinks
# and HTML tags, and comments.
_NOT_TEXT = re.compile(
    r"(`+).*?\1"
    r"|!?\[[^\]]*\]\([^)]*\)"
    r"|<!--.*?-->"
    r"|<[^>\s][^>]*>"
)
# In the rendered HTML: elements whose content is never a mention, tags with their
# attributes, and comments; or a mention.
_HTML = re.compile(
    r"<(code|pre|a|script|style|textarea|kbd|samp)\b[^>]*>.*?</\1\s*>"
    r"|<!--.*?-->"
    r"|<[^>]*>"
    r"|" + MENTION.pattern,
    re.DOTALL | re.IGNORECASE,
)


@dataclass(frozen=True)
class Handles:
    """Who each handle names: with an authors file, each person's id and their
    aliases without spaces, in any case; with free-text names, each person's slug."""

    # Each handle as it is looked up (casefolded, or a slug) to its person's id.
    by_key: Mapping[str, str]
    free_text: bool = False
    # Each key as the authors file spells it, for did-you-mean.
    spelling: Mapping[str, str] = field(default_factory=dict)

    def resolve(self, handle: str) -> str | None:
        return self.by_key.get(slugify(handle) if self.free_text else handle.casefold())

    @functools.cached_property
    def _typos(self) -> TypoIndex:
        # Built once, on the first miss: a typo is looked up, not compared with
        # every handle of the team (see TypoIndex).
        return TypoIndex(self.by_key)

    @functools.cached_property
    def _near(self) -> dict[str, str | None]:
        return {}  # each miss looked up once, however many notes write it

    def near(self, handle: str) -> str | None:
        """The handle a near miss was probably meant to be, or None: the fewest
        edits away, within `typo_reach` of it, and of two as near the first in order."""
        folded = handle.casefold()
        if folded not in self._near:
            found = next((key for distance, key in self._typos.near(folded) if distance), None)
            self._near[folded] = self.spelling.get(found, found) if found else None
        return self._near[folded]


def handles(people: Iterable[Person], free_text: bool) -> Handles:
    """Each person's handles (see Handles). An id wins over another person's alias,
    and between two people the first in the file wins."""
    ordered = list(people)[::-1]
    if free_text:
        return Handles({person.slug: person.id for person in ordered}, free_text=True)
    keys: dict[str, str] = {}
    spelling: dict[str, str] = {}
    for person in ordered:
        for alias in person.aliases:
            if MENTION.fullmatch("@" + alias):  # no spaces, nothing a handle cannot hold
                keys[alias.casefold()] = person.id
                spelling[alias.casefold()] = alias
    for person in ordered:
        keys[person.id.casefold()] = person.id
        spelling[person.id.casefold()] = person.id
    return Handles(keys, False, spelling)


@dataclass(frozen=True)
class Found:
    """A handle written in a note, on its line in the file."""

    handle: str
    line: int


def find(body: str, body_line: int) -> list[Found]:
    """Every `@handle` in a note's Markdown body outside code, links and HTML."""
    if "@" not in body:
        return []  # most notes mention nobody: no walk over their lines
    lines = body.split("\n")
    found: list[Found] = []
    code = False  # inside an indented code block
    previous = ""
    for index, line in unfenced(lines):
        indented = line.startswith(("    ", "\t"))
        # An indented block after a blank line is code, unless it continues a list.
        code = indented and (code or (not previous.strip() and not _in_list(lines, index)))
        previous = line
        if code or "@" not in line:
            continue
        text = _NOT_TEXT.sub(" ", line) if ("`" in line or "[" in line or "<" in line) else line
        found.extend(Found(m["handle"], index + body_line) for m in MENTION.finditer(text))
    return found


_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])\s")


def _in_list(lines: list[str], index: int) -> bool:
    """Whether the indented line `index` follows a list item (a continuation)."""
    for line in reversed(lines[max(0, index - 50) : index]):
        if not line.strip() or line.startswith(("    ", "\t")):
            continue
        return bool(_LIST_ITEM.match(line))
    return False


def link_mentions(html: str, link: Callable[[str], tuple[str, str] | None]) -> str:
    """The rendered `html` with each mention made a link.

    `link` gives the URL and the person's name for a handle, or None to leave it
    as text. One scan of the HTML, skipping code, links and tags.
    """
    if "@" not in html:
        return html

    def replace(match: re.Match[str]) -> str:
        handle = match["handle"]
        if handle is None:
            return match.group(0)
        target = link(handle)
        if target is None:
            return match.group(0)
        url, name = target
        return f'{match["lead"]}<a class="wn-mention" href="{url}" title="{name}">@{handle}</a>'

    return _HTML.sub(replace, html)
