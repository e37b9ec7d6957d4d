"""Atom 1.0 feeds: the team, a theme, a person, a rollup. Pure: specs in, bytes out."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

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
        if urlsplit(value).scheme or value.startswith("//"):
            return match.group(0)
        return f'{match.group(1)}="{urljoin(page_url, value)}"'

    return _URL_ATTR.sub(fix, html)


def atom(feed: Feed) -> bytes:
    """The feed as UTF-8 XML; newest entries first, as given."""
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: clean(v) for k, v in attrs.items()})
        if text is not None:
            element.text = clean(text)
        return element

    add(root, "title", feed.title)
    add(root, "id", feed.url)
    add(root, "link", rel="self", type="application/atom+xml", href=feed.url)
    add(root, "link", rel="alternate", type="text/html", href=feed.page_url)
    newest = max((entry.updated for entry in feed.entries), default=None)
    # The newest entry's date, not the build's: the same sources give the same feed.
    add(root, "updated", _stamp(newest) if newest else "1970-01-01T00:00:00Z")
    author = add(root, "author")
    add(author, "name", feed.site_name)
    add(root, "generator", "mkdocs-weeknotes")
    for item in feed.entries:
        entry = add(root, "entry")
        add(entry, "title", item.title)
        add(entry, "id", item.url)
        add(entry, "link", rel="alternate", type="text/html", href=item.url)
        add(entry, "published", _stamp(item.published))
        add(entry, "updated", _stamp(item.updated))
        for name, uri in item.authors:
            person = add(entry, "author")
            add(person, "name", name)
            if uri:
                add(person, "uri", uri)
        for term, label in item.categories:
            add(entry, "category", term=term, label=label)
        if item.content:
            add(entry, "content", item.content, type="html")
        # Atom wants a summary where there is no content; the title will do.
        add(entry, "summary", item.summary or item.title)
    ET.indent(root)
    # Serialised to text and encoded once: asked for bytes, ElementTree writes
    # every element through an encoder of its own, several times slower.
    text = ET.tostring(root, encoding="unicode")
    return f"<?xml version='1.0' encoding='utf-8'?>\n{text}\n".encode()
