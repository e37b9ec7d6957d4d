"""Which feeds a build writes, where, and with what entries."""

from __future__ import annotations

import datetime
import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

from mkdocs.structure.files import Files

from ..config import WeeknotesConfig
from ..model import Note
from ..outputs.digest import html as digest_html
from ..outputs.digest import make_digest
from ..outputs.feeds import Feed, FeedEntry, absolute_html
from ..reading.sections import HtmlSection
from ..words import Words
from .generated import PageSpec, Plan
from .listings import WeekGroup

FEED_NAME = "feed.xml"


@dataclass(frozen=True)
class FeedSpec:
    path: str  # in the site, e.g. weeknotes/themes/data/feed.xml
    title: str
    page: str  # src_uri of the page the feed follows
    notes: tuple[Note, ...]
    rollup: str = ""  # for a rollup's feed: entries are its sections
    # For the feed of weekly digests: its weeks, newest first; an entry each.
    weeks: tuple[WeekGroup, ...] = ()


def feeds_wanted(settings: WeeknotesConfig, site_url: str | None) -> bool:
    enabled = settings.feeds.enabled
    return bool(site_url) if enabled is None else bool(enabled and site_url)


def plan_feeds(
    plan: Plan,
    generated: Mapping[str, PageSpec],
    site_name: str,
    title: str,
    digest_title: str = "{site}",
) -> list[FeedSpec]:
    """A feed beside the notes index, each theme, each person and each rollup, and
    one of weekly digests beside the week pages; `title` is the team feed's (the
    `feed_title` words), `digest_title` the digests' (`digest_feed_title`)."""
    published = tuple(note for note in plan.notes if not note.draft)
    feeds: list[FeedSpec] = []
    for uri, spec in generated.items():
        if spec.number != 1:
            continue
        folder = posixpath.dirname(uri)
        path = posixpath.join(folder, FEED_NAME) if folder else FEED_NAME
        if spec.kind == "latest":
            feeds.append(FeedSpec(path, title.format(site=site_name), uri, published))
        elif spec.kind == "theme":
            own = tuple(n for n in plan.by_theme.get(spec.key, ()) if not n.draft)
            feeds.append(FeedSpec(path, f"{site_name}: {spec.title}", uri, own))
        elif spec.kind == "person":
            own = tuple(n for n in plan.by_person.get(spec.key, ()) if not n.draft)
            feeds.append(FeedSpec(path, f"{site_name}: {spec.title}", uri, own))
        elif spec.kind == "rollup":
            own = tuple(n for n in published if any(ref.rollup == spec.key for ref in n.sections))
            feeds.append(FeedSpec(path, f"{site_name}: {spec.title}", uri, own, spec.key))
    weeks = [spec for uri, spec in generated.items() if spec.kind == "week"]
    if weeks:
        # Beside the week pages; it follows the newest of them.
        folder = posixpath.dirname(posixpath.dirname(weeks[0].src_uri))
        feeds.append(
            FeedSpec(
                posixpath.join(folder, FEED_NAME),
                digest_title.format(site=site_name),
                weeks[0].src_uri,
                (),
                weeks=tuple(spec.weeks[0] for spec in weeks),
            )
        )
    return feeds


def digest_feed(
    spec: FeedSpec,
    *,
    plan: Plan,
    feed_length: int,
    site_url: str,
    site_name: str,
    url_of: Callable[[str | None], str],
    words: Words,
    day: Callable[[datetime.date], str],
) -> Feed:
    """The feed of weekly digests: one entry per week, its content the HTML digest."""
    base = _base(site_url)
    entries = []
    for group in spec.weeks[:feed_length]:
        made = make_digest(plan, group, words, site_name, url_of, day)
        dates = [note.date for note in group.notes if note.date is not None]
        updated = max(dates) if dates else group.week
        entries.append(
            FeedEntry(
                title=made.title,
                url=made.url,
                published=updated,
                updated=updated,
                summary=made.range,
                content=digest_html(made),
            )
        )
    return Feed(
        title=spec.title,
        url=urljoin(base, spec.path),
        page_url=url_of(spec.page),
        site_name=site_name,
        entries=tuple(entries),
    )


def _base(site_url: str) -> str:
    return site_url if site_url.endswith("/") else site_url + "/"


def page_urls(
    files: Files, site_url: str, urls: dict[str | None, str]
) -> Callable[[str | None], str]:
    """A page's absolute URL from its src_uri, kept in `urls` for the build."""
    base = _base(site_url)

    def url_of(src_uri: str | None) -> str:
        if src_uri not in urls:
            file = files.src_uris.get(src_uri) if src_uri else None
            urls[src_uri] = urljoin(base, file.url) if file is not None else ""
        return urls[src_uri]

    return url_of


def make_feed(
    spec: FeedSpec,
    *,
    settings: WeeknotesConfig,
    plan: Plan,
    files: Files,
    site_url: str,
    site_name: str,
    note_html: Mapping[str, tuple[str, str]],
    sections: Mapping[str, tuple[str, Sequence[HtmlSection]]],
    urls: dict[str | None, str] | None = None,
) -> Feed:
    """The feed's entries, newest first, at most `feeds.length` of them.

    `urls` keeps each page's absolute URL for the next feed of the same build:
    the feeds of a team share most notes and people.
    """
    base = _base(site_url)
    url_of = page_urls(files, site_url, {} if urls is None else urls)
    full = settings.feeds.content == "full"
    entries: list[FeedEntry] = []
    for note in spec.notes:
        if len(entries) >= settings.feeds.length:
            break  # newest first: the rest would be cut anyway
        if note.date is None:
            continue
        page_url = url_of(note.src_uri)
        authors = tuple(
            (plan.people[i].name if i in plan.people else i, url_of(plan.uri("person", i)))
            for i in note.authors
        )
        categories = tuple((t.slug, t.label) for t in note.themes)
        if spec.rollup:
            page_path, cut = sections.get(note.src_uri, ("", ()))
            for section in (s for s in cut if s.rollup == spec.rollup):
                url = f"{page_url}#{section.anchor}" if section.anchor else page_url
                entries.append(
                    FeedEntry(
                        # "Something I'm learning:" reads as a title without its colon.
                        title=f"{note.title}: {section.heading.rstrip().rstrip(':').rstrip()}",
                        url=url,
                        published=note.date,
                        updated=note.date,
                        authors=authors,
                        categories=categories,
                        content=absolute_html(section.html, urljoin(base, page_path)),
                    )
                )
            continue
        content = ""
        if full and note.src_uri in note_html:
            page_path, html = note_html[note.src_uri]
            content = absolute_html(html, urljoin(base, page_path))
        entries.append(
            FeedEntry(
                title=note.title,
                url=page_url,
                published=note.date,
                updated=note.date,
                authors=authors,
                categories=categories,
                summary=note.summary or "",
                content=content,
            )
        )
    return Feed(
        title=spec.title,
        url=urljoin(base, spec.path),
        page_url=url_of(spec.page),
        site_name=site_name,
        entries=tuple(entries[: settings.feeds.length]),
    )
