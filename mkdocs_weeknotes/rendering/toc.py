"""The tables of contents of generated pages: their listing's headings, after the
page's own."""

from __future__ import annotations

from markupsafe import escape
from mkdocs.structure.toc import AnchorLink, TableOfContents

from ..config import LEARNING, WeeknotesConfig
from ..planning.generated import PageSpec, Plan
from ..weeks import week_anchor, year_anchor
from .render import Renderer


def listing_toc(
    spec: PageSpec, plan: Plan, settings: WeeknotesConfig, renderer: Renderer, learning: bool
) -> list[AnchorLink]:
    """The headings of a generated page's listing, as the package's templates
    write them: weeks, the archive, years, each theme or person, and learning
    (`learning`: whether the page shows learning entries)."""
    words = settings.catalogue
    entries: list[tuple[str, str]] = []
    if spec.kind in ("latest", "year", "rollup", "rollup-year"):
        for group in spec.weeks:
            if spec.kind.startswith("rollup") and not renderer.has_entries(
                group.notes, spec.rollup
            ):
                continue
            label = f"{words.week_commencing} {renderer.date(group.week)}"
            entries.append((label, week_anchor(group.week)))
        if spec.kind == "latest" and plan.years:
            entries.append((words.archive, "archive"))
    elif spec.kind in ("theme", "person"):
        years = dict.fromkeys(note.date.year if note.date else 0 for note in spec.notes)
        entries.extend((str(year), year_anchor(year)) for year in years)
        log = plan.rollup(LEARNING)
        if log is not None and learning and renderer.has_entries(spec.notes, log.key):
            entries.append((log.title, "wn-learning"))
    elif spec.kind == "week":
        notes = spec.weeks[0].notes if spec.weeks else ()
        entries.extend((n.title, f"wn-note-{number}") for number, n in enumerate(notes, 1))
        entries.extend(
            (rollup.title, f"wn-{rollup.key}")
            for rollup in plan.rollups
            if renderer.has_entries(notes, rollup.key)
        )
    elif spec.kind == "themes":
        entries.extend((t.label, f"theme-{t.slug}") for t in plan.themes.values())
    elif spec.kind == "people":
        people = sorted(plan.people.values(), key=lambda p: p.name.casefold())
        entries.extend((p.name, f"person-{p.id}") for p in people)
    # The theme writes titles as HTML and the link as it is.
    return [AnchorLink(str(escape(title)), str(escape(ident)), 2) for title, ident in entries]


def with_entries(toc: TableOfContents, entries: list[AnchorLink]) -> TableOfContents:
    """A page's own contents with our entries after them: under its title when the
    page's own Markdown has one, as a theme shows a title's sections."""
    items = list(toc)
    if items and items[0].level == 1:
        items[0].children = [*items[0].children, *entries]
    else:
        items.extend(entries)
    return TableOfContents(items)
