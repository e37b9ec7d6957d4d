"""Named sections of a note: headings that match a rollup, and near misses.

Two readings of one note. In the Markdown source (at validation time, with
lines) we find which rollup sections a note has and which bold lines or lone
paragraphs only look like those headings. In the rendered HTML (once per note
per build) we cut out each section's content exactly as MkDocs rendered it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201b": "'", "\u2032": "'", "`": "'"})
_TRAILING = re.compile(r"[\s:;,.!?\u2026\-\u2013\u2014]+$")
_SPACES = re.compile(r"\s+")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATTRS = re.compile(r"\s*\{[^}]*\}\s*$")  # attr_list: `## Heading {#id}`
_EMPHASIS_LINE = re.compile(r"^(\*\*|__|\*|_)(.+?)\1\s*([:.!?]?)\s*$")
_INLINE = re.compile(r"(\*\*|__|\*|_|`)")


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
        opener = _FENCE.match(line)
        if fence is not None:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
            continue
        if opener:
            fence = opener.group(1)
            continue
        yield index, line


def headings(body: str) -> list[Heading]:
    """ATX and setext headings outside fenced code and indented blocks."""
    found: list[Heading] = []
    lines = body.split("\n")
    for index, line in unfenced(lines):
        match = _ATX.match(line)
        if match:
            found.append(
                Heading(len(match.group(1)), _heading_text(match.group(2) or ""), index + 1)
            )
            continue
        previous = lines[index - 1] if index else ""
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


def find_sections(body: str, body_line: int, rollups: Sequence[Rollup]) -> list[SectionRef]:
    """The rollup sections of a note, outermost only: a matching heading inside
    another matching section belongs to that section's content. A heading with
    nothing under it (as `weeknotes new` leaves them) is no section yet."""
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
    lines = body.split("\n")
    for index, line in unfenced(lines):
        if not line.strip() or line.startswith(("    ", "\t")) or _ATX.match(line):
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _SETEXT.match(following) and following.strip():
            continue  # a setext heading's text line
        bold = _EMPHASIS_LINE.match(line.strip())
        if bold:
            text = bold.group(2).strip()
        else:
            previous = lines[index - 1] if index else ""
            if previous.strip() or following.strip():
                continue  # part of a longer paragraph
            text = _INLINE.sub("", line).strip()
        rollup = next((r for r in rollups if r.matches(text)), None)
        if rollup is not None:
            found.append(
                NearMiss(
                    rollup.key, rollup.headings[0], line.strip(), index + body_line, bool(bold)
                )
            )
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


class _TopLevel(HTMLParser):
    """Top-level elements of a fragment with their offsets, and heading text."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self._line_starts = [0]
        for match in re.finditer("\n", source):
            self._line_starts.append(match.end())
        self.depth = 0
        self.blocks: list[tuple[int, str, dict[str, str]]] = []  # start, tag, attrs
        self.heading_text: dict[int, list[str]] = {}
        self._current: int | None = None
        self._skip = 0

    def position(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if self.depth == 0:
            self.blocks.append((self.position(), tag, values))
            if tag in _HEADING_TAGS:
                self._current = len(self.blocks) - 1
                self.heading_text[self._current] = []
        if self._current is not None and tag == "a" and "headerlink" in values.get("class", ""):
            self._skip += 1  # the permalink sign is not part of the heading's text
        if tag not in _VOID:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        self.depth = max(self.depth - 1, 0)
        if tag == "a" and self._skip:
            self._skip -= 1
        if self.depth == 0:
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._current is not None and not self._skip:
            self.heading_text[self._current].append(data)


def cut_sections(html: str, rollups: Sequence[Rollup]) -> list[HtmlSection]:
    """Each rollup section of a note's rendered content, as HTML, outermost only."""
    parser = _TopLevel(html)
    parser.feed(html)
    parser.close()
    blocks = parser.blocks
    footnotes_start = next(
        (
            start
            for start, tag, attrs in blocks
            if tag == "div" and "footnote" in attrs.get("class", "").split()
        ),
        len(html),
    )
    notes = _footnote_items(html[footnotes_start:]) if footnotes_start < len(html) else {}
    sections: list[HtmlSection] = []
    index = 0
    while index < len(blocks):
        start, tag, attrs = blocks[index]
        level = _HEADING_TAGS.get(tag)
        text = "".join(parser.heading_text.get(index, [])).strip()
        rollup = next((r for r in rollups if r.matches(text)), None) if level else None
        if level is None or rollup is None or start >= footnotes_start:
            index += 1
            continue
        end_index = index + 1
        while end_index < len(blocks):
            other_level = _HEADING_TAGS.get(blocks[end_index][1])
            if other_level is not None and other_level <= level:
                break
            end_index += 1
        end = min(blocks[end_index][0] if end_index < len(blocks) else len(html), footnotes_start)
        content_start = html.find(f"</{tag}>", start) + len(tag) + 3
        content = html[content_start:end].strip()
        if not _has_content(content):
            index = end_index
            continue  # a heading with nothing under it yet, as `weeknotes new` writes
        refs = set(re.findall(r'href="#(fn:[^"]+)"', content))
        sections.append(
            HtmlSection(
                rollup.key,
                text,
                attrs.get("id", ""),
                content,
                {ref: notes[ref] for ref in sorted(refs, key=_natural) if ref in notes},
            )
        )
        index = end_index
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
