"""Named sections of a note: headings that match a rollup, and near misses.

Two readings of one note. In the Markdown source (at validation time, with
lines) we find which rollup sections a note has and which bold lines or lone
paragraphs only look like those headings. In the rendered HTML (once per note
per build) we cut out each section's content exactly as MkDocs rendered it.
"""

from __future__ import annotations

import functools
import html as html_lib
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201b": "'", "\u2032": "'", "`": "'"})
_TRAILING = re.compile(r"[\s:;,.!?\u2026\-\u2013\u2014]+$")
_SPACES = re.compile(r"\s+")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_FENCE_STARTS = ("```", "~~~")
# A line that can be an ATX heading or a setext underline: list items (`- x`) cannot.
# It starts with the newline before it: a pattern that starts with a plain
# character is searched for much faster than one that starts with `^`.
_HEADING_START = re.compile(r"\n {0,3}(?:#|=+[ \t]*$|-+[ \t]*$)", re.MULTILINE)
_ATTRS = re.compile(r"\s*\{[^}]*\}\s*$")  # attr_list: `## Heading {#id}`
_EMPHASIS_LINE = re.compile(r"^(\*\*|__|\*|_)(.+?)\1\s*([:.!?]?)\s*$")
_INLINE = re.compile(r"(\*\*|__|\*|_|`)")


# Notes repeat the same few headings ("What I did", "What went well") thousands of times.
@functools.lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Heading text for matching: any case, either apostrophe, no trailing punctuation."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    text = _SPACES.sub(" ", text).strip()
    return _TRAILING.sub("", text).casefold()


@dataclass(frozen=True)
class Rollup:
    """A recurring section collected across notes, such as the learning log."""

    key: str
    title: str
    headings: tuple[str, ...]
    path: str  # folder under notes_dir
    search: bool = False

    @property
    def normalized(self) -> frozenset[str]:
        return _normalized(self.headings)

    def matches(self, text: str) -> bool:
        return normalize(text) in self.normalized


@functools.lru_cache(maxsize=64)
def _normalized(headings: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalize(h) for h in headings)


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int  # 1-based, in the body


@dataclass(frozen=True)
class SectionRef:
    """A rollup section found in a note's source."""

    rollup: str
    heading: str
    level: int
    line: int  # in the file


@dataclass(frozen=True)
class NearMiss:
    rollup: str
    heading: str  # the words as a heading would have them, for the hint
    text: str  # what the author wrote
    line: int  # in the file
    bold: bool


def unfenced(lines: Sequence[str]) -> Iterator[tuple[int, str]]:
    """Each line with its index, leaving out fenced code blocks and their fences."""
    fence: str | None = None
    for index, line in enumerate(lines):
        # Most lines open no fence: a slice is far cheaper than the pattern.
        opener = _FENCE.match(line) if line.lstrip(" ")[:3] in _FENCE_STARTS else None
        if fence is not None:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
            continue
        if opener:
            fence = opener.group(1)
            continue
        yield index, line


def _fences(body: str, lines: Sequence[str]) -> frozenset[int]:
    """The indices of fenced code blocks' lines, fences included."""
    if "```" not in body and "~~~" not in body:
        return frozenset()  # most notes have no code block: skip the walk over every line
    return frozenset(range(len(lines))) - {index for index, _ in unfenced(lines)}


def _line_indices(body: str, pattern: re.Pattern[str]) -> Iterator[int]:
    """The index of each line where `pattern` matches, from the newline before it."""
    text = "\n" + body  # so that the first line has a newline before it too
    index = last = 0
    for match in pattern.finditer(text):
        index += text.count("\n", last, match.start())
        last = match.start()
        yield index


def headings(body: str) -> list[Heading]:
    """ATX and setext headings outside fenced code and indented blocks."""
    found: list[Heading] = []
    lines = body.split("\n")
    fenced = _fences(body, lines)
    # Only lines that start like a heading or a setext underline are read.
    for index in _line_indices(body, _HEADING_START):
        if index in fenced:
            continue
        line = lines[index]
        if line.lstrip(" ")[:1] == "#":
            match = _ATX.match(line)
            if match:
                found.append(
                    Heading(len(match.group(1)), _heading_text(match.group(2) or ""), index + 1)
                )
            continue  # a `#` line is an ATX heading or no heading at all
        if not index or index - 1 in fenced:
            continue
        previous = lines[index - 1]
        setext = _SETEXT.match(line)
        if (
            setext
            and previous.strip()
            and not previous.startswith(("    ", "\t"))
            and not _ATX.match(previous)
            and not (setext.group(1)[0] == "-" and previous.lstrip().startswith(("-", "*", "+")))
        ):
            level = 1 if setext.group(1)[0] == "=" else 2
            found.append(Heading(level, _heading_text(previous), index))
    return found


def _heading_text(raw: str) -> str:
    return _INLINE.sub("", _ATTRS.sub("", raw)).strip()


def find_sections(
    body: str, body_line: int, rollups: Sequence[Rollup], found: list[Heading] | None = None
) -> list[SectionRef]:
    """The rollup sections of a note, outermost only: a matching heading inside
    another matching section belongs to that section's content. A heading with
    nothing under it (as `weeknotes new` leaves them) is no section yet.

    `found` may carry `headings(body)` when the caller already has them."""
    if found is None:
        found = headings(body)
    lines = body.split("\n")
    refs: list[SectionRef] = []
    open_level: int | None = None
    for index, heading in enumerate(found):
        if open_level is not None and heading.level > open_level:
            continue
        open_level = None
        rollup = next((r for r in rollups if r.matches(heading.text)), None)
        if rollup is None:
            continue
        open_level = heading.level
        end = next((h.line for h in found[index + 1 :] if h.level <= heading.level), len(lines) + 1)
        inside = [line for line in lines[heading.line : end - 1] if line.strip()]
        if any(not _SETEXT.match(line) for line in inside):
            refs.append(
                SectionRef(rollup.key, heading.text, heading.level, heading.line + body_line - 1)
            )
    return refs


def near_misses(body: str, body_line: int, rollups: Sequence[Rollup]) -> list[NearMiss]:
    """Bold lines and lone paragraphs that read like a rollup heading but are not one."""
    found: list[NearMiss] = []
    if not rollups:
        return found
    # A line much longer than every heading cannot be one; most lines stop here.
    longest = max(len(h) for r in rollups for h in r.headings) + 12
    lines = body.split("\n")
    fenced = _fences(body, lines)
    for index, line in enumerate(lines):
        if len(line) > longest and len(line.strip()) > longest:
            continue
        stripped = line.strip()
        if not stripped or index in fenced:
            continue
        if line.startswith(("    ", "\t")) or _ATX.match(line):
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _SETEXT.match(following) and following.strip():
            continue  # a setext heading's text line
        bold = _EMPHASIS_LINE.match(stripped)
        if bold:
            text = bold.group(2).strip()
        else:
            previous = lines[index - 1] if index else ""
            if previous.strip() or following.strip():
                continue  # part of a longer paragraph
            text = _INLINE.sub("", line).strip()
        rollup = next((r for r in rollups if r.matches(text)), None)
        if rollup is not None:
            words = _TRAILING.sub("", text)  # `**Reading:**` becomes `## Reading`
            found.append(NearMiss(rollup.key, words, stripped, index + body_line, bool(bold)))
    return found


# --- the rendered HTML -----------------------------------------------------------------

_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_HEADING_TAGS = {f"h{n}": n for n in range(1, 7)}


@dataclass(frozen=True)
class HtmlSection:
    """A rollup section cut from a note's rendered content."""

    rollup: str
    heading: str
    anchor: str  # the heading's id in the note
    html: str  # what follows the heading, up to the next heading as high
    footnotes: Mapping[str, str]  # id -> <li> of the note's footnotes it refers to


# Tags, comments and declarations of rendered HTML. A tag scan is enough here, and
# much cheaper than a full parser: this runs on every note that has a section.
_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|<!--.*?-->|<![^>]*>", re.DOTALL)
_ATTR = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*"([^"]*)"')
_HEADERLINK = re.compile(r'<a\s[^>]*class="[^"]*headerlink[^"]*"[^>]*>.*?</a>', re.DOTALL)
_ANY_TAG = re.compile(r"<[^>]+>")
_HEADING = re.compile(r"<h([1-6])(\s[^>]*)?>(.*?)</h\1\s*>", re.DOTALL | re.IGNORECASE)
# Python-Markdown's footnotes, after the content.
_FOOTNOTES = re.compile(r'<div class="footnote"')
_RAW_TEXT = frozenset({"script", "style", "textarea"})


def _section_end(html: str, start: int, level: int, limit: int) -> int:
    """Where the section whose heading ends at `start` ends: at the next heading
    as high beside it, or where the element that holds the heading closes."""
    depth = 0
    raw: str | None = None  # inside <script> or <style>: tags there are text
    for token in _TOKEN.finditer(html, start, limit):
        closing, tag, attributes = token.groups()
        if tag is None:
            continue  # a comment or a declaration
        tag = tag.lower()
        if raw is not None:
            if closing and tag == raw:
                raw = None
                depth -= 1
            continue
        if closing:
            depth -= 1
            if depth < 0:
                return token.start()
            continue
        if tag in _VOID or attributes.endswith("/"):
            continue
        if depth == 0:
            other = _HEADING_TAGS.get(tag)
            if other is not None and other <= level:
                return token.start()
        depth += 1
        if tag in _RAW_TEXT:
            raw = tag
    return limit


def _text(inner: str) -> str:
    return html_lib.unescape(_ANY_TAG.sub("", _HEADERLINK.sub("", inner))).strip()


def cut_sections(html: str, rollups: Sequence[Rollup]) -> list[HtmlSection]:
    """Each rollup section of a note's rendered content, as HTML, outermost only.

    Headings are found with one pattern; only a matching section's own HTML is
    walked tag by tag, to find where it ends.
    """
    footnotes = _FOOTNOTES.search(html)
    limit = footnotes.start() if footnotes else len(html)
    notes = _footnote_items(html[limit:]) if footnotes else {}
    sections: list[HtmlSection] = []
    resume = 0
    for heading in _HEADING.finditer(html, 0, limit):
        if heading.start() < resume:
            continue  # inside a section already taken
        text = _text(heading.group(3))
        rollup = next((r for r in rollups if r.matches(text)), None)
        if rollup is None:
            continue
        end = _section_end(html, heading.end(), int(heading.group(1)), limit)
        resume = end
        content = html[heading.end() : end].strip()
        if not _has_content(content):
            continue  # a heading with nothing under it yet, as `weeknotes new` writes
        refs = set(re.findall(r'href="#(fn:[^"]+)"', content))
        sections.append(
            HtmlSection(
                rollup.key,
                text,
                dict(_ATTR.findall(heading.group(2) or "")).get("id", ""),
                content,
                {ref: notes[ref] for ref in sorted(refs, key=_natural) if ref in notes},
            )
        )
    return sections


def _has_content(html: str) -> bool:
    text = re.sub(r"<!--.*?-->|<[^>]+>", "", html, flags=re.DOTALL)
    return bool(text.strip()) or "<img" in html


def _footnote_items(html: str) -> dict[str, str]:
    items: dict[str, str] = {}
    for match in re.finditer(r'<li id="(fn:[^"]+)">(.*?)</li>', html, flags=re.DOTALL):
        items[match.group(1)] = match.group(0)
    return items


def _natural(text: str) -> tuple[int, str]:
    digits = re.sub(r"\D", "", text)
    return (int(digits) if digits else 0, text)
