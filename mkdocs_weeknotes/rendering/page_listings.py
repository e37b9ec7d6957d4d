"""The listings of generated pages (latest, years, weeks, themes, people,
rollups) and of the listings embedded in a site's own pages."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any, cast

from markupsafe import Markup
from mkdocs.structure.files import File

from ..config import LEARNING
from ..model import Note
from ..planning.generated import PageSpec, notes_of, week_of_embed
from ..reading.embeds import Embed
from ..reading.sections import Rollup
from ..weeks import last_day, week_anchor
from . import note_parts
from .entries import EntryViews
from .picture_views import PictureViews
from .rebase import relative
from .views import Core, Entries, Link, RollupEntries, WeekRange


class PageListings:
    """What a build's generated pages list, from templates or written directly."""

    def __init__(self, renderer: Core, entries: EntryViews, pictures: PictureViews) -> None:
        self._renderer = renderer
        self._plan = renderer.plan
        self._entries = entries
        self._pictures = pictures

    def page(self, spec: PageSpec, here: File, has_h1: bool, learning: str = "") -> str:
        """The listing of a generated page; `has_h1` when the site's own page has a title.

        `learning` is the HTML of learning-log entries for a person's or theme's page.
        """
        renderer, plan = self._renderer, self._plan
        if spec.kind == "week" and renderer.direct_parts["week"]:
            return note_parts.week(renderer, self.week_listing(spec, here, has_h1), here)
        context: dict[str, Any] = {
            "title": spec.title,
            "show_title": not has_h1,
            "kind": spec.kind,
            "material": renderer.theme_name == "material",
            "latest_url": renderer.url(plan.uri("latest"), here),
            "themes_url": renderer.url(plan.uri("themes"), here),
            "people_url": renderer.url(plan.uri("people"), here),
            # Every rollup, the learning log among them, for the latest page's links.
            "rollups": tuple(
                Link(rollup.title, url)
                for rollup in plan.rollups
                if (url := renderer.url(plan.uri("rollup", rollup.key), here))
            ),
            "learning": Markup(learning),
            "feed_url": self._feed_url(spec, here),
        }
        template = f"weeknotes/{spec.kind}.html"
        if spec.kind in ("latest", "year"):
            context["weeks"] = renderer.weeks(spec.weeks, here)
            context["years"] = renderer.years(here)
            context["year"] = spec.key
            context["rhythm"] = self._pictures.rhythm(here) if spec.kind == "latest" else None
        elif spec.kind == "themes":
            context["themes"] = tuple(
                replace(
                    renderer.theme(t, here),
                    timeline=self._pictures.timeline(t.slug, compact=True),
                )
                for t in plan.themes.values()
            )
        elif spec.kind == "theme":
            # The pictures are on the first page of a long listing only.
            timeline = self._pictures.timeline(spec.key) if spec.number == 1 else None
            context["theme"] = replace(
                renderer.theme(plan.themes[spec.key], here), timeline=timeline
            )
            context["notes"] = renderer.notes(spec.notes, here)
            context["note_years"] = renderer.note_years(spec.notes, here)
            context["pager"] = renderer.pager(spec, here)
        elif spec.kind == "people":
            context["people"] = tuple(
                renderer.person(ident, here, with_latest=True)
                for ident, _ in sorted(plan.people.items(), key=lambda i: i[1].name.casefold())
            )
            context["rhythm"] = self._pictures.rhythm(here)
        elif spec.kind == "person":
            context["person"] = renderer.person(spec.key, here)
            first = spec.number == 1
            context["person_weeks"] = self._pictures.person_weeks(spec.key, here) if first else None
            context["notes"] = renderer.notes(spec.notes, here)
            # The notes that mention them, on the first page of their own.
            mentioned = plan.mentioned.get(spec.key, ()) if first else ()
            context["mentioned"] = renderer.notes(mentioned, here)
            context["note_years"] = renderer.note_years(spec.notes, here)
            context["pager"] = renderer.pager(spec, here)
            counts: dict[str, int] = {}
            for note in plan.by_person.get(spec.key, ()):
                for theme in note.themes:
                    counts[theme.slug] = counts.get(theme.slug, 0) + 1
            context["themes"] = tuple(
                Link(
                    plan.themes[slug].label,
                    renderer.url(plan.uri("theme", slug), here),
                    count,
                )
                for slug, count in sorted(counts.items(), key=lambda i: (-i[1], i[0]))
                if slug in plan.themes
            )
        elif spec.kind in ("rollup", "rollup-year"):
            key = spec.rollup
            rollup = plan.rollup(key)
            assert rollup is not None  # a rollup's pages are planned from the rollups
            context["rollup"] = Link(rollup.title, renderer.url(plan.uri("rollup", key), here))
            context["weeks"] = self._entries.entry_weeks(spec.weeks, key, here)
            context["years"] = self._entries.rollup_years(key, here)
            context["year"] = spec.year
            template = "weeknotes/rollup.html"
        elif spec.kind == "week":
            context.update(self.week_page(spec, here))
        return renderer.env.get_template(template).render(context)

    def _feed_url(self, spec: PageSpec, here: File) -> str:
        feeds = self._renderer.feeds
        return relative(feeds[spec.src_uri], here.url) if spec.src_uri in feeds else ""

    def week_page(self, spec: PageSpec, here: File) -> dict[str, Any]:
        """What a week's page shows beyond the links every page has."""
        renderer, plan = self._renderer, self._plan
        group = spec.weeks[0]
        team = plan.team.get(spec.key)
        previous, following, year_ago = (
            Link(*link) if link else None for link in self._weeks_around(spec.key, here)
        )
        return {
            "week": WeekRange(
                *renderer.day(group.week),
                *renderer.day(last_day(group.week)),
                week_anchor(group.week),
                spec.key,
            ),
            "notes": tuple(renderer.note(note, here) for note in group.notes),
            "rollups": tuple(
                RollupEntries(rollup.key, rollup.title, url, entries)
                for rollup, url, entries in self._week_entries(group.notes, here)
            ),
            "missing": tuple(renderer.person(i, here) for i in team.missing) if team else (),
            "away": tuple(renderer.person(i, here) for i in team.away) if team else (),
            "previous": previous,
            "next": following,
            "year_ago": year_ago,
            "year": spec.year,
            "year_url": renderer.url(plan.uri("year", spec.year), here),
        }

    def week_listing(self, spec: PageSpec, here: File, has_h1: bool) -> note_parts.WeekListing:
        """What a week's page lists, for the package's week page written directly."""
        renderer, plan = self._renderer, self._plan
        group = spec.weeks[0]
        team = plan.team.get(spec.key)
        words = renderer.words
        rollups = []
        for rollup, url, entries in self._week_entries(group.notes, here):
            if renderer.direct_parts["partials/entry"]:
                # Each entry is written already (see `entries`).
                written = "".join(cast(tuple[Markup, ...], entries))
            else:
                template = renderer.env.get_template("weeknotes/partials/entry-list.html")
                written = template.render(entries=entries)
            rollups.append((rollup.key, rollup.title, url, written))
        return note_parts.WeekListing(
            "" if has_h1 else spec.title,
            renderer.url(plan.uri("latest"), here),
            spec.year,
            renderer.url(plan.uri("year", spec.year), here),
            self._feed_url(spec, here),
            words.format(
                "week_range",
                start=renderer.date(group.week),
                end=renderer.date(last_day(group.week)),
            ),
            week_anchor(group.week),
            spec.key,
            group.notes,
            rollups,
            team.missing if team else (),
            team.away if team else (),
            *self._weeks_around(spec.key, here),
        )

    def _weeks_around(self, key: str, here: File) -> tuple[tuple[str, str] | None, ...]:
        """The week before the week `key`, the week after and the same week a year
        before, each as its first day shown and a link, if it has a page."""

        def week_link(label: str | None) -> tuple[str, str] | None:
            uri = self._plan.uri("week", label) if label else None
            if not (label and uri):
                return None
            return self._renderer.date(self._plan.team[label].week), self._renderer.url(uri, here)

        return tuple(week_link(label) for label in self._plan.weeks_around(key))

    def _week_entries(
        self, notes: Sequence[Note], here: File
    ) -> Iterator[tuple[Rollup, str, Entries]]:
        """Each rollup with entries in a week's notes: the rollup, the link to its
        page, and its entries."""
        plan, url = self._plan, self._renderer.url
        for rollup in plan.rollups:
            entries = self._entries.entries(notes, rollup.key, here)
            if entries:
                yield rollup, url(plan.uri("rollup", rollup.key), here), entries

    def embed(self, embed: Embed, here: File) -> str:
        """An embedded listing (see reading/embeds.py) on the page `here`, with a link to
        the page that lists it all."""
        renderer, plan = self._renderer, self._plan
        log = plan.rollup(LEARNING)
        context: dict[str, Any] = {
            "listing": embed.listing,
            "notes": (),
            "entries": (),
            "weeks": (),
        }
        if embed.listing == "week":
            context["weeks"] = renderer.weeks(week_of_embed(embed, plan), here)
        elif embed.listing == "learning" and log is not None:
            context["entries"] = self._entries.entries(
                notes_of(embed, plan, log.key), log.key, here
            )
        else:
            context["notes"] = renderer.notes(notes_of(embed, plan, ""), here)
        context["more"] = self._embed_more(embed, here)
        return renderer.env.get_template("weeknotes/embed.html").render(context)

    def embed_link(self, embed: Embed, here: File) -> str:
        """An embedded listing as only its link to the whole list, for a listing
        shown inside another (see Renderer.fill_embeds)."""
        more = self._embed_more(embed, here)
        if more is None:
            return ""
        text = self._renderer.text
        return (
            '<p class="wn-links wn-embed-link">'
            f'<a href="{text(more.url)}">{text(more.label)}</a></p>'
        )

    def _embed_more(self, embed: Embed, here: File) -> Link | None:
        """The link from an embedded listing to the page that lists it all."""
        renderer, plan = self._renderer, self._plan
        log = plan.rollup(LEARNING)
        anchor = ""
        if embed.person:
            person = plan.people.get(embed.person)
            more = (plan.uri("person", embed.person), person.name if person else embed.person)
            anchor = "#wn-learning" if embed.listing == "learning" else ""
        elif embed.listing == "learning" and log is not None:
            more = (plan.uri("rollup", log.key), log.title)
        elif embed.theme and embed.theme in plan.themes:
            more = (plan.uri("theme", embed.theme), plan.themes[embed.theme].label)
        else:
            more = (plan.uri("latest"), renderer.words.latest_title)
        url = renderer.url(more[0], here)
        return Link(more[1], url + anchor) if url else None
