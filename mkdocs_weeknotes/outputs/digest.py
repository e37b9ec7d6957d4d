"""A week's digest, to paste into an email or a chat: Markdown, plain text, or
HTML whose only styling is inline (mail clients drop `<style>` and linked CSS).

Pure: a week of the plan and a way to make URLs in, text out.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import escape

from ..planning.generated import Plan
from ..planning.listings import WeekGroup
from ..planning.team import TeamWeek
from ..problems import escape_controls as clean
from ..weeks import iso_label, last_day
from ..words import Words

FORMATS = ("markdown", "html", "text")

# Inline styles mail clients keep: no classes, no <style>, no external sheets.
_BODY = "font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #222;"
_H1 = "font-size: 22px; margin: 0 0 4px 0;"
_RANGE = "color: #555; margin: 0 0 16px 0;"
_ITEM = "margin: 0 0 14px 0;"
_TITLE = "font-weight: bold; color: #0b57d0;"
_BYLINE = "color: #555; font-size: 14px;"
_THEMES = "color: #555; font-size: 14px;"
_NOTE = "color: #555; font-size: 14px; margin: 16px 0 0 0;"


@dataclass(frozen=True)
class Digest:
    """One week, ready to write: its title, dates, notes and the team's state."""

    title: str
    range: str
    url: str  # of the week's page
    notes: tuple[DigestNote, ...]
    away: tuple[str, ...]
    words: Words


@dataclass(frozen=True)
class DigestNote:
    title: str
    url: str
    date: datetime.date | None
    people: tuple[str, ...]
    summary: str
    themes: tuple[str, ...]


def make_digest(
    plan: Plan,
    group: WeekGroup,
    words: Words,
    site_name: str,
    url_of: Callable[[str | None], str],
    day: Callable[[datetime.date], str],
) -> Digest:
    """The digest of one week of the plan; `url_of` makes a page's link from its
    src_uri, `day` shows a date."""
    label = iso_label(group.week)
    team: TeamWeek | None = plan.team.get(label)

    # Every value is made one printable line, as problem lines are: a newline in a
    # title could start a `::error` command in a CI log, and a CR, an escape or a
    # bidirectional override would reach the terminal or the email as it is.
    def name(ident: str) -> str:
        person = plan.people.get(ident)
        return clean(person.name if person else ident)

    notes = tuple(
        DigestNote(
            clean(note.title),
            clean(url_of(note.src_uri)),
            note.date,
            tuple(name(i) for i in note.authors),
            clean(note.summary or ""),
            tuple(clean(theme.label) for theme in note.themes),
        )
        for note in group.notes
        if not note.draft
    )
    return Digest(
        title=clean(words.format("digest_title", site=site_name, week=label)),
        range=clean(
            words.format("week_range", start=day(group.week), end=day(last_day(group.week)))
        ),
        url=clean(url_of(plan.uri("week", label))),
        notes=notes,
        away=tuple(name(i) for i in team.away) if team else (),
        words=words,
    )


def week_group(plan: Plan, week: datetime.date) -> WeekGroup:
    """The notes of the week starting on `week`; none is an empty week."""
    label = iso_label(week)
    for spec in plan.pages:
        if spec.kind == "week" and spec.key == label:
            return spec.weeks[0]
    return WeekGroup(week, ())


def write(digest: Digest, style: str) -> str:
    if style == "html":
        return html(digest)
    if style == "text":
        return text(digest)
    return markdown(digest)


# Markdown escapes only what would change the meaning where it stands, so that an
# ordinary sentence reads as it is written. Anywhere: a backslash before
# punctuation, code spans, emphasis, links, raw HTML and autolinks, character
# references, strikethrough, attribute lists and a heading's closing #s.
_MD_INLINE = re.compile(
    r"\\(?=[!-/:-@\[-`{-~]|$)"  # a backslash that would escape what follows
    r"|[`*\[\]]"  # code, emphasis, links
    r"|(?<![^\W_])_|_(?![^\W_])"  # `_` at a word's edge (within a word it is text)
    r"|<(?=[A-Za-z/!?])"  # a tag, a comment or an autolink
    r"|&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]*;)"  # a reference
    r"|~(?=~)|(?<=~)~"  # ~~strikethrough~~
    r"|\{(?=\s*[:#.])"  # an attribute list: {: .class}, {#id}
    r"|(?<!\S)#(?=#*\s*$)"  # an ATX heading's closing sequence
)
# At the start of a line: what starts a block (a heading, a quote, a list, an
# admonition, a thematic break, a setext underline or a table's delimiter row).
_MD_BLOCK = re.compile(
    r"^(?:#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|\d{1,9}[.)](?=\s|$)|!!!|\?\?\?"
    r"|([-=_*])(?:\s*\1)*\s*$|(?=[\s|:-]*\|)[\s|:-]*-[\s|:-]*$)"
)
_MD_ENTITIES = {
    "<": "&lt;",
    "&": "&amp;",
    "=": "&#61;",
    "?": "&#63;",
    "|": "&#124;",
    ":": "&#58;",
    "~": "&#126;",
}


def _md_char(char: str) -> str:
    # Python-Markdown takes fewer characters after a backslash than CommonMark
    # does (no `<`, `=`, `|`, `~`...): those are written as references, which both read.
    return _MD_ENTITIES.get(char) or "\\" + char


def _md(value: str, line_start: bool = False) -> str:
    """Text that Markdown shows as it is; `line_start` when it starts a line."""
    text = _MD_INLINE.sub(lambda match: _md_char(match.group()), value)
    if line_start:
        text = text.lstrip()  # four spaces would make it code
        block = _MD_BLOCK.match(text)
        if block:
            # One escaped character undoes the marker: `\#`, `\-`, or `1\.` in a number.
            cut = block.end() - 1 if text[0].isdigit() else 0
            text = text[:cut] + _md_char(text[cut]) + text[cut + 1 :]
    return text


def _md_url(url: str) -> str:
    return "<" + url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20") + ">"


def markdown(digest: Digest) -> str:
    words = digest.words
    lines = [f"# {_md(digest.title)}", "", _md(digest.range, True), ""]
    for note in digest.notes:
        title = f"[{_md(note.title)}]({_md_url(note.url)})" if note.url else _md(note.title)
        byline = ", ".join(_md(p) for p in note.people)
        lines.append(f"- **{title}**" + (f" {_md(words.by)} {byline}" if byline else ""))
        if note.summary:
            lines.append(f"  {_md(note.summary, True)}")
        if note.themes:
            themes = ", ".join(_md(t) for t in note.themes)
            lines.append(f"  {_md(words.themes_label, True)} {themes}")
    if not digest.notes:
        lines.append(_md(words.no_weeknotes, True))
    lines.append("")
    if digest.away:
        lines += [f"{_md(words.away, True)} {', '.join(_md(a) for a in digest.away)}", ""]
    if digest.url:
        lines += [f"[{_md(words.this_week_on_site)}]({_md_url(digest.url)})", ""]
    return "\n".join(lines)


def text(digest: Digest) -> str:
    words = digest.words
    lines = [digest.title, digest.range, ""]
    for note in digest.notes:
        lines.append(
            f"* {note.title}" + (f" ({words.by} {', '.join(note.people)})" if note.people else "")
        )
        if note.summary:
            lines.append(f"  {note.summary}")
        if note.themes:
            lines.append(f"  {words.themes_label} {', '.join(note.themes)}")
        if note.url:
            lines.append(f"  {note.url}")
        lines.append("")
    if not digest.notes:
        lines += [words.no_weeknotes, ""]
    if digest.away:
        lines += [f"{words.away} {', '.join(digest.away)}", ""]
    if digest.url:
        lines += [f"{words.this_week_on_site}: {digest.url}", ""]
    return "\n".join(lines)


def html(digest: Digest) -> str:
    """A fragment to paste into a message: every value escaped, every style inline."""
    words = digest.words
    out = [f'<div style="{_BODY}">', f'<h1 style="{_H1}">{escape(digest.title)}</h1>']
    out.append(f'<p style="{_RANGE}">{escape(digest.range)}</p>')
    for note in digest.notes:
        title = f'<span style="{_TITLE}">{escape(note.title)}</span>'
        if note.url:
            title = f'<a href="{escape(note.url)}" style="{_TITLE}">{escape(note.title)}</a>'
        out.append(f'<div style="{_ITEM}">{title}')
        if note.people:
            byline = escape(f"{words.by} {', '.join(note.people)}")
            out.append(f' <span style="{_BYLINE}">{byline}</span>')
        if note.summary:
            out.append(f"<br>{escape(note.summary)}")
        if note.themes:
            themes = escape(f"{words.themes_label} {', '.join(note.themes)}")
            out.append(f'<br><span style="{_THEMES}">{themes}</span>')
        out.append("</div>")
    if not digest.notes:
        out.append(f"<p>{escape(words.no_weeknotes)}</p>")
    if digest.away:
        out.append(f'<p style="{_NOTE}">{escape(words.away)} {escape(", ".join(digest.away))}</p>')
    if digest.url:
        link = (
            f'<a href="{escape(digest.url)}" style="{_TITLE}">{escape(words.this_week_on_site)}</a>'
        )
        out.append(f'<p style="{_NOTE}">{link}</p>')
    out.append("</div>")
    return "\n".join(out) + "\n"
