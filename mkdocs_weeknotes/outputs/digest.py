"""A week's digest, to paste into an email or a chat: Markdown, plain text, or
HTML whose only styling is inline (mail clients drop `<style>` and linked CSS).

Pure: a week of the plan and a way to make URLs in, text out.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import escape

from ..planning.generated import Plan
from ..planning.listings import WeekGroup
from ..planning.team import TeamWeek
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

    def name(ident: str) -> str:
        person = plan.people.get(ident)
        return person.name if person else ident

    notes = tuple(
        DigestNote(
            note.title,
            url_of(note.src_uri),
            note.date,
            tuple(name(i) for i in note.authors),
            note.summary or "",
            tuple(theme.label for theme in note.themes),
        )
        for note in group.notes
        if not note.draft
    )
    return Digest(
        title=words.format("digest_title", site=site_name, week=label),
        range=words.format("week_range", start=day(group.week), end=day(last_day(group.week))),
        url=url_of(plan.uri("week", label)),
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


def _md(value: str) -> str:
    """Text that Markdown shows as it is: its punctuation escaped, no raw HTML."""
    out = []
    for char in value:
        if char in "\\`*_{}[]()<>#+-.!|~&":
            out.append(
                "\\" + char if char not in "<>&" else {"<": "&lt;", ">": "&gt;", "&": "&amp;"}[char]
            )
        else:
            out.append(char)
    return "".join(out)


def _md_url(url: str) -> str:
    return "<" + url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20") + ">"


def markdown(digest: Digest) -> str:
    words = digest.words
    lines = [f"# {_md(digest.title)}", "", _md(digest.range), ""]
    for note in digest.notes:
        title = f"[{_md(note.title)}]({_md_url(note.url)})" if note.url else _md(note.title)
        byline = ", ".join(_md(p) for p in note.people)
        lines.append(f"- **{title}**" + (f" {words.by} {byline}" if byline else ""))
        if note.summary:
            lines.append(f"  {_md(note.summary)}")
        if note.themes:
            lines.append(f"  {_md(words.themes_label)} {', '.join(_md(t) for t in note.themes)}")
    if not digest.notes:
        lines.append(_md(words.no_weeknotes))
    lines.append("")
    if digest.away:
        lines += [f"{_md(words.away)} {', '.join(_md(a) for a in digest.away)}", ""]
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
