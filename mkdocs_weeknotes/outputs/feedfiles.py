"""Writing the planned feeds (see planning/syndication.py) into the site folder, and the
links to them in each page's head."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from ..config import WeeknotesConfig
from ..planning.generated import Plan
from ..planning.syndication import FeedSpec, digest_feed, make_feed, page_urls
from ..rendering.rebase import relative
from ..rendering.render import Renderer
from .feeds import Feed, atom


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
            )
        )
        _write_feed(path, feed)


def _write_feed(path: str, feed: Feed) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(atom(feed))


def feed_link(
    feed: FeedSpec, here: File, renderer: Renderer | None, made: dict[tuple[str, str], str]
) -> str:
    """The `<link>` to a feed for the page `here`'s head; the team's feed is on
    every page, so each folder's link is made once, kept in `made`."""
    href = (
        renderer.shared_link(feed.path, here)
        if renderer is not None
        else relative(feed.path, here.url)
    )
    link = made.get((feed.path, href))
    if link is None:
        # Feed readers read rel as a list of words; Material's JavaScript takes a
        # rel of exactly "alternate" for another language of the site and fetches
        # the sitemap.xml beside it, which fails on every page load.
        link = made[(feed.path, href)] = (
            f'<link rel="alternate feed" type="application/atom+xml"'
            f' title="{escape(feed.title)}"'
            f' href="{escape(href)}">'
        )
    return link
