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

from ..model import SectionRef
from ..suggest import edit_distance
from .inline import plain_text

# Quote marks people type for an apostrophe. Translated before NFKC, which would
# turn the acute accent into a space and a combining accent.
_APOSTROPHES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "`": "'",
    }
)
_TRAILING = re.compile(r"[\s:;,.!?\u2026\-\u2013\u2014]+$")
_SPACES = re.compile(r"\s+")
# "3. ", "12) ", "2.1 ": numbering, but not a number that is a word ("10 things").
_NUMBERING = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*[.)]|\d{1,3}(?:\.\d{1,3})+)\s+")
_EDGE_EMPHASIS = re.compile(r"^[*_]+|[*_]+$")
# What an emoji is made of besides its symbol: joiner, variation selectors, keycap.
_EMOJI_PARTS = frozenset("\u200d\ufe0e\ufe0f\u20e3")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
# A setext heading's underline, under the line that is its text.
SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_FENCE_STARTS = ("```", "~~~")
# A line that can be an ATX heading or a setext underline: list items (`- x`) cannot.
# It starts with the newline before it: a pattern that starts with a plain
# character is searched for much faster than one that starts with `^`.
_HEADING_START = re.compile(r"\n {0,3}(?:#|=+[ \t]*$|-+[ \t]*$)", re.MULTILINE)
_ATTRS = re.compile(r"\s*\{[^}]*\}\s*$")  # attr_list: `## Heading {#id}`
_EMPHASIS_LINE = re.compile(r"^(\*\*|__|\*|_)(.+?)\1\s*([:.!?]?)\s*$")
_INLINE = re.compile(r"(\*\*|__|\*|_|`)")


def _is_emoji(char: str) -> bool:
    # Emoji are "other symbols"; skin tones are modifier symbols.
    return char in _EMOJI_PARTS or unicodedata.category(char) in ("So", "Sk")


def tidy(text: str) -> str:
    """Heading text without what matching ignores besides case and quote marks:
    emoji, numbering, bold around it, trailing punctuation, repeated spaces."""
    if not text.isascii():
        text = "".join(char for char in text if not _is_emoji(char))
    text = _EDGE_EMPHASIS.sub("", _SPACES.sub(" ", text).strip()).strip()
    text = _NUMBERING.sub("", text)
    return _TRAILING.sub("", text)


# Notes repeat the same few headings ("What I did", "What went well") thousands of times.
@functools.lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Heading text for matching: tidied, in any case and with any apostrophe."""
    return tidy(unicodedata.normalize("NFKC", text.translate(_APOSTROPHES))).casefold()


def starts(text: str, heading: str) -> bool:
    """Whether normalised `text` is `heading` or starts with it as whole words."""
    if not text.startswith(heading):
        return False
    if len(text) == len(heading):
        return True
    after = text[len(heading)]
    return not (after.isalnum() or after == "'")


@dataclass(frozen=True)
class Rollup:
    """A recurring section collected across notes, such as the learning log."""

    key: str
    title: str
    headings: tuple[str, ...]
    path: str  # folder under notes_dir
    search: bool = False

    @property
    def normalized(self) -> tuple[str, ...]:
        return _normalized(self.headings)

    def matches(self, text: str) -> bool:
        return self.match_length(normalize(text)) > 0

    def match_length(self, key: str) -> int:
        """How much of normalised `key` its longest matching heading covers, or 0."""
        return max((len(h) for h in self.normalized if starts(key, h)), default=0)


@functools.lru_cache(maxsize=64)
def _normalized(headings: tuple[str, ...]) -> tuple[str, ...]:
    # A heading of only emoji or punctuation would start every heading: it is left out.
    return tuple(dict.fromkeys(n for n in map(normalize, headings) if n))


def rollup_for(text: str, rollups: Sequence[Rollup]) -> Rollup | None:
    """The rollup whose heading `text` is: the one that matches most of it."""
    return _rollup_for(normalize(text), tuple(rollups))


# Notes repeat the same few headings: each is matched once per set of rollups.
@functools.lru_cache(maxsize=4096)
def _rollup_for(key: str, rollups: tuple[Rollup, ...]) -> Rollup | None:
    best: Rollup | None = None
    longest = 0
    for rollup in rollups:
        length = rollup.match_length(key)
        if length > longest:
            best, longest = rollup, length
    return best


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int  # 1-based, in the body


@dataclass(frozen=True)
class NearMiss:
    rollup: str
    heading: str  # the words as a heading would have them, for the hint
    text: str  # what the author wrote
    line: int  # in the file
    bold: bool


@dataclass(frozen=True)
class HeadingMiss:
    """A heading spelt close to a rollup's heading, which is therefore not collected."""

    rollup: str
    heading: str  # the rollup's heading, as the settings spell it
    text: str  # what the author wrote
    line: int  # in the file


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
        level = _setext_level(previous, line)
        if level is not None:
            found.append(Heading(level, _heading_text(previous), index))
    return found


def _setext_level(text: str, underline: str) -> int | None:
    """The level of the setext heading that the line `text` with the next line
    `underline` make, or None when they make none (a list item over `---` is a
    list and a rule; an indented line is code)."""
    setext = SETEXT.match(underline)
    if (
        setext
        and text.strip()
        and not text.startswith(("    ", "\t"))
        and not _ATX.match(text)
        and not (setext.group(1)[0] == "-" and text.lstrip().startswith(("-", "*", "+")))
    ):
        return 1 if setext.group(1)[0] == "=" else 2
    return None


_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_WORD = re.compile(r"\w")


def has_words(body: str) -> bool:
    """Whether a note's body says anything: a word outside its headings and HTML
    comments. A note just started from the template has headings only."""
    lines = _COMMENT.sub("", body).split("\n")
    for index, line in enumerate(lines):
        if not _WORD.search(line) or _ATX.match(line):
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _setext_level(line, following) is not None:
            continue  # a setext heading's text
        return True
    return False


def _heading_text(raw: str) -> str:
    """A heading's Markdown as a reader sees it on the page: a link's words without
    its address, no image, footnote mark, tag or emphasis, references decoded.

    What matching reads of a heading, in a build and in `weeknotes sections`
    alike; `cut_sections` reads the rendered heading the same way.
    """
    return plain_text(_ATTRS.sub("", raw))


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
    for index, heading, rollup in _outermost(found, rollups):
        if rollup is None:
            continue
        end = next((h.line for h in found[index + 1 :] if h.level <= heading.level), len(lines) + 1)
        inside = [line for line in lines[heading.line : end - 1] if line.strip()]
        if any(not SETEXT.match(line) for line in inside):
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
        if SETEXT.match(following) and following.strip():
            continue  # a setext heading's text line
        bold = _EMPHASIS_LINE.match(stripped)
        if bold:
            text = bold.group(2).strip()
        else:
            previous = lines[index - 1] if index else ""
            if previous.strip() or following.strip():
                continue  # part of a longer paragraph
            text = _INLINE.sub("", line).strip()
        if bold:
            rollup = rollup_for(text, rollups)
        else:  # a sentence may start with a heading's words: only all of them will do
            key = normalize(text)
            rollup = next((r for r in rollups if key in r.normalized), None)
        if rollup is not None:
            words = _TRAILING.sub("", text)  # `**Reading:**` becomes `## Reading`
            found.append(NearMiss(rollup.key, words, stripped, index + body_line, bool(bold)))
    return found


def _outermost(
    found: Sequence[Heading], rollups: Sequence[Rollup]
) -> Iterator[tuple[int, Heading, Rollup | None]]:
    """Each heading not inside a rollup section, with the rollup it starts, if any."""
    open_level: int | None = None
    for index, heading in enumerate(found):
        if open_level is not None and heading.level > open_level:
            continue  # part of the section's content
        rollup = rollup_for(heading.text, rollups)
        open_level = heading.level if rollup is not None else None
        yield index, heading, rollup


# Contractions spelt out, so that "I am" is no further from "I'm" than a typo.
_SPELT = {"'m": " am", "'ve": " have", "'re": " are", "'ll": " will", "'d": " would"}
_CONTRACTION = re.compile(r"'(?:m|ve|re|ll|d)\b")


def loose(key: str) -> str:
    """A normalised heading with contractions spelt out and no apostrophes."""
    return _CONTRACTION.sub(lambda m: _SPELT[m.group()], key).replace("'", "")


@functools.lru_cache(maxsize=64)
def _spellings(rollups: tuple[Rollup, ...]) -> tuple[tuple[str, str, str], ...]:
    """(rollup key, heading as configured, its loose form) for every heading."""
    return tuple(
        (rollup.key, heading, loose(normalize(heading)))
        for rollup in rollups
        for heading in rollup.headings
        if normalize(heading)
    )


_DIGITS = re.compile(r"\d+")


def edits(text: str, heading: str) -> int | None:
    """How many edits make `text`, or its first words, into `heading`; None when too
    many for a typo. Both are loose forms. Few edits are allowed, fewer for short
    headings, and the first letters must agree: "Heading" is not a typo of "Reading".
    A longer `text` whose first words end in a longer or shorter word than the
    heading's last is a title that merely starts alike, not a typo."""
    allowed = 0 if len(heading) < 4 else 1 if len(heading) < 10 else 2
    if text[:1] != heading[:1]:
        return None
    candidates = [text]
    words = heading.count(" ") + 1
    if text.count(" ") >= words:  # a longer heading that starts with a typo of this one
        start = _TRAILING.sub("", " ".join(text.split(" ")[:words]))
        # Its last word must be the heading's, or as long (a swap or a wrong letter):
        # "Brownfield Site Validator" is a title of its own, not "Brownfield sites".
        last, wanted = start.rsplit(" ", 1)[-1], heading.rsplit(" ", 1)[-1]
        if last == wanted or len(last) == len(wanted):
            candidates.append(start)
    best: int | None = None
    for candidate in candidates:
        # The length difference is a floor on the edits: most pairs stop here.
        if abs(len(candidate) - len(heading)) > allowed:
            continue
        if _DIGITS.findall(candidate) != _DIGITS.findall(heading):
            continue  # "Week 12" is not a typo of "Week 13"
        distance = edit_distance(candidate, heading)
        if distance <= allowed and (best is None or distance < best):
            best = distance
    return best


@functools.lru_cache(maxsize=4096)
def _close_heading(key: str, rollups: tuple[Rollup, ...]) -> tuple[str, str] | None:
    """The (rollup key, heading) that normalised `key` is a near miss of, or None."""
    text = loose(key)
    best: tuple[int, str, str] | None = None
    for rollup, heading, spelt in _spellings(rollups):
        distance = edits(text, spelt)
        if distance is not None and (best is None or distance < best[0]):
            best = (distance, rollup, heading)
    return (best[1], best[2]) if best else None


def heading_misses(
    found: Sequence[Heading], body_line: int, rollups: Sequence[Rollup]
) -> list[HeadingMiss]:
    """Headings spelt close to a rollup's heading but not matching it, such as
    "Somethign I'm learning", outside the sections that are collected."""
    misses: list[HeadingMiss] = []
    if not rollups:
        return misses
    everything = tuple(rollups)
    for _, heading, rollup in _outermost(found, everything):
        if rollup is not None:
            continue
        key = normalize(heading.text)
        close = _close_heading(key, everything) if key else None
        if close is not None:
            misses.append(HeadingMiss(*close, heading.text, heading.line + body_line - 1))
    return misses


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
_FOOTNOTE_REF = re.compile(r'<sup id="fnref[^"]*"[^>]*>.*?</sup>', re.DOTALL)
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
    """A rendered heading's words, as `_heading_text` reads its Markdown."""
    if "fnref" in inner:  # a footnote's mark is no word of the heading
        inner = _FOOTNOTE_REF.sub("", inner)
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
        rollup = rollup_for(text, rollups)
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
