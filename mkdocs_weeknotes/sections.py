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
from typing import NamedTuple

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
    if not rollups:
        return found
    # A line much longer than every heading cannot be one; most lines stop here.
    longest = max(len(h) for r in rollups for h in r.headings) + 12
    lines = body.split("\n")
    for index, line in unfenced(lines):
        stripped = line.strip()
        if not stripped or len(stripped) > longest:
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
_RAW_TEXT = frozenset({"script", "style", "textarea"})


class _Block(NamedTuple):
    """A top-level element, as offsets into the fragment: slices are made only
    for the few blocks that are read (headings, the footnotes)."""

    start: int  # offset of the opening tag
    end: int  # offset after the closing tag
    tag: str
    attributes: str  # the opening tag's attribute text, unparsed
    inner_start: int
    inner_end: int

    def attrs(self) -> dict[str, str]:
        return dict(_ATTR.findall(self.attributes))


def _top_level(source: str) -> list[_Block]:
    """The top-level elements of an HTML fragment, with their offsets."""
    blocks: list[_Block] = []
    depth = 0
    opened: tuple[int, str, str, int] | None = None  # start, tag, attributes, inner start
    raw: str | None = None  # inside <script> or <style>: tags there are text
    for token in _TOKEN.finditer(source):
        closing, tag, attributes = token.groups()
        if tag is None:
            continue  # a comment or a declaration
        tag = tag.lower()
        if raw is not None:
            if closing and tag == raw:
                raw = None
                depth -= 1
            else:
                continue
        elif closing:
            depth = max(depth - 1, 0)
        elif tag in _VOID or attributes.endswith("/"):
            if depth == 0:
                end = token.end()
                blocks.append(_Block(token.start(), end, tag, attributes.rstrip("/"), end, end))
            continue
        else:
            if depth == 0:
                opened = (token.start(), tag, attributes, token.end())
            depth += 1
            if tag in _RAW_TEXT:
                raw = tag
            continue
        if depth == 0 and opened is not None:
            start, name, attributes, inner_start = opened
            blocks.append(_Block(start, token.end(), name, attributes, inner_start, token.start()))
            opened = None
    return blocks


def _text(inner: str) -> str:
    return html_lib.unescape(_ANY_TAG.sub("", _HEADERLINK.sub("", inner))).strip()


def cut_sections(html: str, rollups: Sequence[Rollup]) -> list[HtmlSection]:
    """Each rollup section of a note's rendered content, as HTML, outermost only."""
    blocks = _top_level(html)
    footnotes_start = next(
        (
            b.start
            for b in blocks
            if b.tag == "div" and "footnote" in b.attrs().get("class", "").split()
        ),
        len(html),
    )
    notes = _footnote_items(html[footnotes_start:]) if footnotes_start < len(html) else {}
    sections: list[HtmlSection] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        level = _HEADING_TAGS.get(block.tag)
        if level is None or block.start >= footnotes_start:
            index += 1
            continue
        text = _text(html[block.inner_start : block.inner_end])
        rollup = next((r for r in rollups if r.matches(text)), None)
        if rollup is None:
            index += 1
            continue
        end_index = index + 1
        while end_index < len(blocks):
            other_level = _HEADING_TAGS.get(blocks[end_index].tag)
            if other_level is not None and other_level <= level:
                break
            end_index += 1
        end = min(
            blocks[end_index].start if end_index < len(blocks) else len(html), footnotes_start
        )
        content = html[block.end : end].strip()
        index = end_index
        if not _has_content(content):
            continue  # a heading with nothing under it yet, as `weeknotes new` writes
        refs = set(re.findall(r'href="#(fn:[^"]+)"', content))
        sections.append(
            HtmlSection(
                rollup.key,
                text,
                block.attrs().get("id", ""),
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
