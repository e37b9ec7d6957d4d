"""Which feeds a build writes, where, and with which notes; their entries are made
when they are written (see outputs/feedfiles.py)."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass

from ..config import WeeknotesConfig
from ..model import Note
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
