"""Writing the planned feeds (see planning/syndication.py) into the site folder:
each feed's entries made from the build's notes and pages, then its Atom file."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Mapping, Sequence
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from ..config import WeeknotesConfig
from ..planning.generated import Plan
from ..planning.syndication import FeedSpec
from ..reading.sections import HtmlSection
from ..rendering.render import Renderer
from ..words import Words
from .digest import html as digest_html
from .digest import make_digest
from .feeds import Feed, FeedEntry, absolute_html, atom


def write_feeds(
    feeds: Sequence[FeedSpec],
    config: MkDocsConfig,
    settings: WeeknotesConfig,
    plan: Plan,
    renderer: Renderer,
    note_html: Mapping[str, tuple[str, str]],
    kept: Callable[[FeedSpec, str], bool] | None = None,
) -> None:
    """Every feed into the site folder, once all pages are rendered.

    `kept`, under `serve --dirty`: whether a feed of notes (at a path in the site
    folder) is as the last build wrote it, and is left as it is.
    """
    files = renderer.files
    urls: dict[str | None, str] = {}
    for spec in feeds:
        path = os.path.join(config.site_dir, *spec.path.split("/"))
        # The digests' feed is one small file, written every time.
        if kept is not None and not spec.weeks and kept(spec, path):
            continue
        feed = (
            digest_feed(
                spec,
                plan=plan,
                feed_length=settings.feeds.length,
                site_url=config.site_url or "",
                site_name=config.site_name,
                url_of=page_urls(files, config.site_url or "", urls),
                words=settings.catalogue,
                day=renderer.date,
            )
            if spec.weeks
            else make_feed(
                spec,
                settings=settings,
                plan=plan,
                files=files,
                site_url=config.site_url or "",
                site_name=config.site_name,
                note_html=note_html,
                sections=renderer.sections,
                urls=urls,
                fill=lambda html, uri: renderer.fill_embeds(html, files.src_uris.get(uri)),
            )
        )
        _write_feed(path, feed)


def _write_feed(path: str, feed: Feed) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(atom(feed))


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


def _as_it_is(html: str, src_uri: str) -> str:
    return html


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
    fill: Callable[[str, str], str] = _as_it_is,
) -> Feed:
    """The feed's entries, newest first, at most `feeds.length` of them.

    `urls` keeps each page's absolute URL for the next feed of the same build:
    the feeds of a team share most notes and people. `fill` puts a note's
    embedded listings (see Renderer.fill_embeds) into its HTML or a section of
    it, given the note's src_uri: as on the note's page, with links from there
    that are then made absolute.
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
                        content=absolute_html(
                            fill(section.html, note.src_uri), urljoin(base, page_path)
                        ),
                    )
                )
            continue
        content = ""
        if full and note.src_uri in note_html:
            page_path, html = note_html[note.src_uri]
            content = absolute_html(fill(html, note.src_uri), urljoin(base, page_path))
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
