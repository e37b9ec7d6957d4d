"""One build of a site: the notes read and checked, the pages planned and placed.

The plugin makes one `SiteBuild` per build in `on_files`; each page's HTML is
made from it by a `PageHtml` (see rendering/pagehtml.py). Nothing here outlives the build.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib.resources import files as package_files
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from .config import LEARNING, WeeknotesConfig
from .model import Theme
from .planning.generated import PageSpec, Plan, plan_pages
from .planning.placing import STYLESHEET, clash_at, copied_files, place_pages
from .planning.syndication import FeedSpec, feeds_wanted, plan_feeds
from .problems import Problem, reported
from .reading import embeds
from .reading.collection import ReadCache, Weeknotes
from .reading.site_notes import collect_site, config_display, path_display, site_language

if TYPE_CHECKING:
    from mkdocs.structure.nav import Navigation

    from .dirty import Prints
    from .rendering.render import Renderer

# Rendering (Jinja, Babel's formats) is imported by the first event that renders:
# `weeknotes check` runs only `SiteBuild.check`, and never needs it.


@dataclass
class SiteBuild:
    config: MkDocsConfig
    settings: WeeknotesConfig
    weeknotes: Weeknotes
    plan: Plan
    problems: list[Problem] = field(default_factory=list)
    generated: dict[str, PageSpec] = field(default_factory=dict)
    # Made in on_nav, for the pages (see rendering/pagehtml.py) and the feeds.
    renderer: Renderer | None = None
    serve: bool = False
    feeds: list[FeedSpec] = field(default_factory=list)
    # False when a file of the site stands where our stylesheet would go (WN402).
    own_stylesheet: bool = True
    _by_path: dict[str, list[Problem]] | None = None
    # Each page's embed markers (see reading/embeds.py), by src_uri, read when notes are checked.
    markers: dict[str, embeds.Found] = field(default_factory=dict)

    # --- on_files --------------------------------------------------------------------

    @classmethod
    def check(
        cls,
        files: Files,
        config: MkDocsConfig,
        settings: WeeknotesConfig,
        serve: bool = False,
        keep_text: bool = False,
        cache: ReadCache | None = None,
    ) -> SiteBuild:
        """Read and check every note and place every page, changing no file.

        This is all that `weeknotes check` runs; a build goes on with `apply`.
        """
        marked: dict[str, bytes] = {}
        weeknotes = collect_site(files, config, settings, keep_text, cache, marked)
        plan = plan_pages(weeknotes, settings, include_drafts=serve)
        build = cls(config, settings, weeknotes, plan, list(weeknotes.problems), serve=serve)
        build.read_embeds(marked, path_display(config))
        # Where the site's own files are copied to: for our pages, feeds and stylesheet.
        copied = copied_files(files)
        build.generated, placing_problems = place_pages(files, plan, config, copied)
        build.problems.extend(placing_problems)
        if settings.stylesheet:
            build.own_stylesheet = not build._reported(clash_at(copied, config))
        if feeds_wanted(settings, config.site_url):
            feeds = plan_feeds(
                plan,
                build.generated,
                config.site_name,
                settings.catalogue.feed_title,
                settings.catalogue.digest_feed_title,
            )
            build.feeds = [
                feed for feed in feeds if not build._reported(clash_at(copied, config, feed))
            ]
        elif settings.feeds.enabled:
            build.problems.append(
                Problem(
                    config_display(config),
                    1,
                    "WN601",
                    "feeds are switched on but the site has no site_url",
                    "set site_url in mkdocs.yml: feeds need absolute links",
                )
            )
        build.problems.sort()
        return build

    @classmethod
    def start(
        cls, files: Files, config: MkDocsConfig, settings: WeeknotesConfig, serve: bool
    ) -> SiteBuild:
        build = cls.check(files, config, settings, serve)
        build.apply(files)
        return build

    def apply(self, files: Files) -> None:
        """Notes leave the nav, drafts leave the build, generated pages join the files."""
        from .dirty import GeneratedPage

        for note in self.weeknotes.notes:
            file = files.src_uris.get(note.src_uri)
            if file is None:
                continue
            if note.draft and not self.serve:
                file.inclusion = InclusionLevel.DRAFT
            elif file.inclusion.is_in_nav():
                file.inclusion = InclusionLevel.NOT_IN_NAV
        for uri, spec in self.generated.items():
            if files.get_file_from_path(uri) is not None:
                continue  # the site's own page, kept and filled
            # With an explicit nav the site places our pages itself; unlisted ones
            # must not trip MkDocs' "not included in the nav" check.
            in_nav = spec.in_nav and self.config.nav is None
            files.append(
                GeneratedPage.generated(
                    self.config,
                    uri,
                    content="",
                    inclusion=InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV,
                )
            )
        if self.settings.stylesheet and self.own_stylesheet:
            files.append(File.generated(self.config, STYLESHEET, content=_stylesheet()))

    def home_page_hint(self, files: Files) -> str | None:
        """Advice for a site with notes and no page at its root, whose address then
        shows nothing (and MkDocs' own theme no navigation bar: it shows one only
        for more than one entry, and our pages are one section); None otherwise."""
        latest = self.plan.uri("latest")
        if not self.plan.notes or latest is None:
            return None
        for file in files:
            if (
                file.dest_uri == "index.html"
                and file.is_documentation_page()
                and file.inclusion.is_included()
            ):
                return None
        home = path_display(self.config)("index.md")
        return (
            f"the site has no home page, so its address shows no page: add {home}"
            f" with a link to the notes, such as [{self.settings.nav_label}]({latest})"
        )

    def read_embeds(self, marked: Mapping[str, bytes], display: Callable[[str], str]) -> None:
        """The embed markers of the pages that have any, each checked (WN711, WN712)."""
        if not marked:
            return
        themes = {slug: Theme(slug, label) for slug, label in self.settings.vocabulary.items()}
        themes.update(self.weeknotes.themes)
        learning = self.plan.rollup(LEARNING) is not None
        for uri, data in marked.items():
            text = data.decode("utf-8", errors="replace").replace("\r\n", "\n")
            found = embeds.find(text, display(uri), themes, self.weeknotes.people, learning)
            self.markers[uri] = found
            self.problems.extend(found.problems)

    # --- serve --dirty ------------------------------------------------------------------

    def render_only_changed(
        self, nav: Navigation, files: Files, before: Prints | None, written: frozenset[str]
    ) -> Prints:
        """Under `serve --dirty`, which pages to render again (see dirty.py)."""
        from . import dirty

        return dirty.render_only_changed(self, nav, files, before, written)

    # --- on_nav ----------------------------------------------------------------------

    def arrange_nav(self, nav: Navigation, files: Files) -> None:
        """With an automatic nav, one section holds Latest, Themes, People and rollups."""
        from .planning.nav import arrange
        from .rendering.render import Renderer

        self.renderer = Renderer(
            self.plan,
            files,
            self.settings,
            self.config.theme.dirs,
            self.config.theme.name,
            site_language(self.config),
        )
        self.renderer.feeds = {feed.page: feed.path for feed in self.feeds}
        if self.config.nav is not None:
            return  # an explicit nav is the site's to arrange; the docs show how
        arrange(nav, files, self.generated, self.settings.nav_label)

    def _reported(self, problem: Problem | None) -> bool:
        """Whether there is a problem, kept with the build's."""
        if problem is not None:
            self.problems.append(problem)
        return problem is not None

    def problems_of(self, path: str) -> list[Problem]:
        """The file's problems that are reported at all, for the top of its page:
        those the `validation` setting ignores are not shown there either."""
        if self._by_path is None:
            self._by_path = {}
            for _level, problem in reported(self.problems, self.settings.validation):
                self._by_path.setdefault(problem.path, []).append(problem)
        return self._by_path.get(path, [])

    # --- on_post_build -------------------------------------------------------------------

    def write_feeds(
        self,
        note_html: Mapping[str, tuple[str, str]],
        before: Prints | None = None,
        now: Prints | None = None,
    ) -> None:
        """Every feed into the site folder, once all pages are rendered; `note_html`:
        each note's URL and HTML, for full-content feeds (see PageHtml.note_html).

        Under `serve --dirty` (with the last build's prints and this one's), a feed
        whose entries are the last build's is left as it is.
        """
        if self.renderer is None:
            return
        from . import dirty
        from .outputs.feedfiles import write_feeds

        kept = None
        if now is not None:
            kept = functools.partial(dirty.feed_kept, self, before, now)
        write_feeds(
            self.feeds, self.config, self.settings, self.plan, self.renderer, note_html, kept
        )


def _stylesheet() -> bytes:
    return (package_files("mkdocs_weeknotes") / "assets" / "weeknotes.css").read_bytes()
