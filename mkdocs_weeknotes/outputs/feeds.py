"""Atom 1.0 feeds: the team, a theme, a person, a rollup. Pure: specs in, bytes out."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urljoin

from ..rendering.rebase import has_scheme

ATOM = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 does not allow, even escaped; front matter can hold them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_URL_ATTR = re.compile(r'(\s(?:href|src))="([^"]*)"')


@dataclass(frozen=True)
class FeedEntry:
    title: str
    url: str  # absolute; also the entry's id, stable from build to build
    published: datetime.date
    updated: datetime.date
    authors: tuple[tuple[str, str], ...] = ()  # (name, absolute URL of their page)
    categories: tuple[tuple[str, str], ...] = ()  # (slug, label)
    summary: str = ""
    content: str = ""  # HTML with absolute links, when feeds carry full content


@dataclass(frozen=True)
class Feed:
    title: str
    url: str  # of the feed itself, absolute
    page_url: str  # of the page it follows, absolute
    site_name: str
    entries: Sequence[FeedEntry] = field(default_factory=tuple)


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _stamp(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def absolute_html(html: str, page_url: str) -> str:
    """Relative links and images of a page's HTML made absolute, for feed readers."""

    def fix(match: re.Match[str]) -> str:
        value = match.group(2)
        if has_scheme(value) or value.startswith("//"):
            return match.group(0)
        return f'{match.group(1)}="{urljoin(page_url, value)}"'

    return _URL_ATTR.sub(fix, html)


# Anything that text or an attribute value needs changed: most values need nothing.
_SPECIAL = re.compile('[&<>"\r\n\t\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]')


def _text(value: str) -> str:
    if _SPECIAL.search(value) is None:
        return value
    return clean(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(value: str) -> str:
    if _SPECIAL.search(value) is None:
        return value
    # Line ends and tabs as references: a parser would fold them into spaces.
    return (
        _text(value)
        .replace('"', "&quot;")
        .replace("\r", "&#13;")
        .replace("\n", "&#10;")
        .replace("\t", "&#09;")
    )


def _element(indent: str, tag: str, text: str = "", **attrs: str) -> str:
    """One element with no children, on a line of its own."""
    opening = tag + "".join(f' {name}="{_attribute(value)}"' for name, value in attrs.items())
    body = _text(text)
    return f"{indent}<{opening}>{body}</{tag}>" if body else f"{indent}<{opening} />"


def atom(feed: Feed) -> bytes:
    """The feed as UTF-8 XML, indented by two spaces; newest entries first, as given.

    Written as text rather than built as a tree: a feed is a fixed shape, and a
    build writes one per theme and per person.
    """
    newest = max((entry.updated for entry in feed.entries), default=None)
    lines = [
        "<?xml version='1.0' encoding='utf-8'?>",
        f'<feed xmlns="{ATOM}">',
        _element("  ", "title", feed.title),
        _element("  ", "id", feed.url),
        _element("  ", "link", rel="self", type="application/atom+xml", href=feed.url),
        _element("  ", "link", rel="alternate", type="text/html", href=feed.page_url),
        # The newest entry's date, not the build's: the same sources give the same feed.
        _element("  ", "updated", _stamp(newest) if newest else "1970-01-01T00:00:00Z"),
        "  <author>",
        _element("    ", "name", feed.site_name),
        "  </author>",
        _element("  ", "generator", "mkdocs-weeknotes"),
    ]
    for item in feed.entries:
        lines.append("  <entry>")
        lines.append(_element("    ", "title", item.title))
        lines.append(_element("    ", "id", item.url))
        lines.append(_element("    ", "link", rel="alternate", type="text/html", href=item.url))
        lines.append(_element("    ", "published", _stamp(item.published)))
        lines.append(_element("    ", "updated", _stamp(item.updated)))
        for name, uri in item.authors:
            lines.append("    <author>")
            lines.append(_element("      ", "name", name))
            if uri:
                lines.append(_element("      ", "uri", uri))
            lines.append("    </author>")
        for term, label in item.categories:
            lines.append(_element("    ", "category", term=term, label=label))
        if item.content:
            lines.append(_element("    ", "content", item.content, type="html"))
        # Atom wants a summary where there is no content; the title will do.
        lines.append(_element("    ", "summary", item.summary or item.title))
        lines.append("  </entry>")
    lines.append("</feed>\n")
    return "\n".join(lines).encode()
