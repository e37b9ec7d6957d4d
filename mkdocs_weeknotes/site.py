"""One build of a site: the notes found, the pages added, the HTML filled in.

The plugin makes one `SiteBuild` per build in `on_files` and hands each later
event to it; nothing here outlives the build.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib.resources import files as package_files
from typing import TYPE_CHECKING

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from . import embeds
from .collection import ReadCache, Weeknotes
from .config import LEARNING, WeeknotesConfig
from .frontmatter import read as read_front_matter
from .generated import PageSpec, Plan, plan_pages
from .mentions import Handles, handles, link_mentions
from .model import Theme
from .placing import STYLESHEET, clash_at, copied_files, place_pages
from .problems import Problem
from .reading import collect_site, config_display, path_display, site_language
from .sections import HtmlSection, Rollup, cut_sections
from .syndication import FeedSpec, feeds_wanted, plan_feeds
from .themes import inert_meta, theme_title

if TYPE_CHECKING:
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

    from .dirty import Prints
    from .render import Renderer

# Rendering (Jinja, Babel's formats) is imported by the first event that renders:
# `weeknotes check` runs only `SiteBuild.check`, and never needs it.

_H1_END = re.compile(r"</h1\s*>", re.IGNORECASE)
# Pages that list notes: they repeat every title and summary, which search
# already finds in the notes themselves.
LISTINGS = frozenset({"latest", "year", "theme", "person", "week"})
# Where a note's header and footer go, made when its page is finished.
HEADER = "#header"
FOOTER = "#footer"


@dataclass
class SiteBuild:
    config: MkDocsConfig
    settings: WeeknotesConfig
    weeknotes: Weeknotes
    plan: Plan
    problems: list[Problem] = field(default_factory=list)
    generated: dict[str, PageSpec] = field(default_factory=dict)
    renderer: Renderer | None = None
    # Listings left out of search, by src_uri: made in on_post_page, into the output.
    deferred: dict[str, Deferred] = field(default_factory=dict)
    serve: bool = False
    # Kept by the plugin across `mkdocs serve` rebuilds, keyed by the note's source
    # digest: what a note's render gave, for a `--dirty` build that skips the note.
    rendered: dict[tuple[str, str], Rendered] = field(default_factory=dict)
    feeds: list[FeedSpec] = field(default_factory=list)
    # False when a file of the site stands where our stylesheet would go (WN402).
    own_stylesheet: bool = True
    _feeds_by_page: dict[str, FeedSpec] = field(default_factory=dict)
    _feed_links: dict[tuple[str, str], str] = field(default_factory=dict)
    # A note's rendered content before our decorations, for full-content feeds.
    note_html: dict[str, tuple[str, str]] = field(default_factory=dict)
    _by_path: dict[str, list[Problem]] | None = None
    _handles: Handles | None = None
    # Each page's embed markers (see embeds.py), by src_uri, read when notes are checked.
    markers: dict[str, embeds.Found] = field(default_factory=dict)
    # The embeds of a page to fill in its finished HTML: (placeholder, embed) pairs.
    embedded: dict[str, list[tuple[str, embeds.Embed]]] = field(default_factory=dict)

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
            build._feeds_by_page = {feed.page: feed for feed in build.feeds}
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

    def render_only_changed(self, nav: Navigation, files: Files, before: Prints | None) -> Prints:
        """Under `serve --dirty`, which pages to render again (see dirty.py)."""
        from . import dirty

        return dirty.render_only_changed(self, nav, files, before)

    # --- on_nav ----------------------------------------------------------------------

    def arrange_nav(self, nav: Navigation, files: Files) -> None:
        """With an automatic nav, one section holds Latest, Themes, People and rollups."""
        from .nav import arrange
        from .render import Renderer

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

    # --- pages -----------------------------------------------------------------------

    def page_markdown(self, markdown: str, page: Page) -> str:
        uri = page.file.src_uri
        spec = self.generated.get(uri)
        if spec is not None:
            if not isinstance(page.meta.get("title"), str):
                page.meta["title"] = theme_title(spec.title)
            return markdown
        note = self.weeknotes.note(uri)
        if note is None:
            return markdown
        if markdown.startswith("---") and markdown == page.file.content_string:
            # MkDocs left the block in as text: YAML it rejects (reported by us), or a
            # closing fence with no newline after it. Show the body, keep what we read.
            fm = read_front_matter(markdown, note.path)
            if fm.has_block:
                markdown = fm.body
                if not page.meta:
                    page.meta.update(fm.values())
        if note.title_source != "heading" or "title" in page.meta:
            page.meta["title"] = theme_title(note.title)
        inert_meta(page, note, self.plan.people)
        return markdown

    def page_content(self, html: str, page: Page) -> str:
        """A note's sections are cut out once, and places made for its header and footer."""
        if self.renderer is None:
            return html
        uri = page.file.src_uri
        if uri in self.markers:
            html = self._mark_embeds(html, uri)
        note = self.weeknotes.note(uri)
        if note is None:
            return html
        if self.settings.mentions and "@" in html:
            # Before the sections are cut: a learning entry keeps its links.
            html = link_mentions(html, self._mention_link(page.file))
        sections = cut_sections(html, self.plan.rollups) if note.sections else []
        # The HTML is kept only for full-content feeds: memory grows with every note.
        keep = html if self.feeds and self.settings.feeds.content == "full" else ""
        self.rendered[(uri, self.weeknotes.digests.get(uri, ""))] = Rendered(
            page.file.url, sections, keep
        )
        # The line under the title and the links at the end go into the finished
        # HTML (see finish_html): they repeat people, themes and other notes' titles,
        # which search finds on their own pages, so a search finds the note by
        # its own words.
        match = _H1_END.search(html)
        if match:
            html = html[: match.end()] + _placeholder(HEADER) + html[match.end() :]
        else:
            html = self.renderer.title(note) + _placeholder(HEADER) + html
        return html + _placeholder(FOOTER)

    def _mark_embeds(self, html: str, uri: str) -> str:
        """Each embed marker of the page becomes a placeholder, filled when every
        note is rendered; a marker with a problem stays the comment it is."""
        known = self.markers[uri].embeds
        marks = self.embedded.setdefault(uri, [])

        def mark(match: re.Match[str]) -> str:
            embed = known.get(embeds.key(match.group(1)))
            if embed is None:
                return match.group(0)
            placeholder = _placeholder(f"{uri}#embed-{len(marks)}")
            marks.append((placeholder, embed))
            return placeholder

        return embeds.HTML.sub(mark, html)

    def _fill_embeds(self, text: str, page: Page) -> str:
        assert self.renderer is not None
        for placeholder, embed in self.embedded.pop(page.file.src_uri, []):
            text = text.replace(placeholder, self.renderer.embed(embed, page.file), 1)
        return text

    def _mention_link(self, here: File) -> Callable[[str], tuple[str, str] | None]:
        """For a handle, the link from `here` to its person's page and their name,
        escaped for HTML; None for a handle that names nobody with a page."""
        assert self.renderer is not None
        renderer = self.renderer
        if self._handles is None:
            people = self.weeknotes.people.values()
            self._handles = handles(people, free_text=not self.weeknotes.has_authors_file)
        resolve = self._handles.resolve

        def link(handle: str) -> tuple[str, str] | None:
            ident = resolve(handle)
            if ident is None:
                return None
            url = renderer.url(self.plan.uri("person", ident), here)
            if not url:
                return None
            return renderer.text(url), renderer.text(self.plan.people[ident].name)

        return link

    def recall_renders(self) -> None:
        """What each note's render gave: this build's, or for a note that a `--dirty`
        build did not render, the last render of the same source."""
        if self.renderer is None:
            return
        current = {(uri, digest) for uri, digest in self.weeknotes.digests.items()}
        for key in list(self.rendered):
            if key not in current:
                del self.rendered[key]  # the cache holds this build's sources only
        for (uri, _digest), done in self.rendered.items():
            if done.sections:
                self.renderer.sections[uri] = (done.url, done.sections)
            if self.feeds and self.settings.feeds.content == "full":
                self.note_html[uri] = (done.url, done.html)

    def fill_pages(self, files: Files) -> None:
        """Every generated page gets its listing, now that every note is rendered.

        What is left out of search is only marked here and made in `finish_html`,
        straight into the page's output: it is neither indexed nor kept in memory.
        """
        if self.renderer is None:
            return
        from .toc import listing_toc, with_entries

        self.recall_renders()
        if self.settings.search_listings:
            # Embedded listings are searched as the listings are.
            for uri in list(self.embedded):
                file = files.src_uris.get(uri)
                if file is not None and file.page is not None and file.page.content:
                    file.page.content = self._fill_embeds(file.page.content, file.page)
        log = self.plan.rollup(LEARNING)
        for uri, spec in self.generated.items():
            file = files.get_file_from_path(uri)
            if file is None or file.page is None:
                continue
            page = file.page
            own = page.content
            if own is None:
                continue  # not rendered: a `--dirty` build left its page as it was
            has_h1 = "<h1" in own.lower()
            # Our listing is HTML added after Markdown made the page's contents: its
            # headings join them here, so that themes list them whether or not the
            # listing itself is made later, out of search.
            toc = listing_toc(
                spec, self.plan, self.settings, self.renderer, self._has_learning(spec)
            )
            page.toc = with_entries(page.toc, toc)
            if not self._searched(spec):
                # The title stays in the content, where themes look for a first heading.
                self.deferred[uri] = Deferred(spec, file, whole=True)
                title = "" if has_h1 else f"<h1>{escape(spec.title)}</h1>"
                page.content = own + title + _placeholder(uri)
                continue
            learning = ""
            if log is not None and self._has_learning(spec):
                if log.search:
                    learning = self.renderer.entries_block(spec.notes, file)
                else:
                    self.deferred[uri] = Deferred(spec, file, whole=False)
                    learning = _placeholder(uri)
            page.content = own + self.renderer.page(spec, file, has_h1, learning)

    def finish_html(self, output: str, page: Page) -> str:
        """What was kept out of search goes into the finished HTML, feeds into its head."""
        from .feedfiles import feed_link

        uri = page.file.src_uri
        if uri in self.embedded and self.renderer is not None:
            output = self._fill_embeds(output, page)
        deferred = self.deferred.pop(uri, None)
        if deferred is not None and self.renderer is not None:
            output = output.replace(_placeholder(uri), self._deferred_html(deferred), 1)
        note = self.weeknotes.note(uri)
        if note is not None and self.renderer is not None:
            header = self.renderer.note_header(note, page.file)
            show = self.settings.show_problems
            if show == "always" or (show == "serve" and self.serve):
                header = self.renderer.problems(self.problems_of(note.path)) + header
            output = output.replace(_placeholder(HEADER), header, 1)
            footer = self.renderer.note_footer(note, page.file)
            output = output.replace(_placeholder(FOOTER), footer, 1)
        own = self._feeds_by_page.get(uri)
        team = self._feeds_by_page.get(self.plan.uri("latest") or "")
        links = [
            feed_link(feed, page.file, self.renderer, self._feed_links)
            for feed in (team, own if own is not team else None)
            if feed is not None
        ]
        if links and "</head>" in output:
            output = output.replace("</head>", "".join(links) + "</head>", 1)
        return output

    def _reported(self, problem: Problem | None) -> bool:
        """Whether there is a problem, kept with the build's."""
        if problem is not None:
            self.problems.append(problem)
        return problem is not None

    def problems_of(self, path: str) -> list[Problem]:
        if self._by_path is None:
            self._by_path = {}
            for problem in self.problems:
                self._by_path.setdefault(problem.path, []).append(problem)
        return self._by_path.get(path, [])

    def _searched(self, spec: PageSpec) -> bool:
        if spec.kind in ("rollup", "rollup-year"):
            return self._rollup(spec).search
        if spec.kind in LISTINGS:
            return self.settings.search_listings
        return True  # the lists of themes and people are short, and worth finding

    def _has_learning(self, spec: PageSpec) -> bool:
        return spec.kind == "person" or (
            spec.kind == "theme" and self.settings.learning_log.on_theme_pages
        )

    def _deferred_html(self, deferred: Deferred) -> str:
        assert self.renderer is not None
        spec, file = deferred.spec, deferred.file
        learning = self.renderer.entries_block(spec.notes, file) if self._has_learning(spec) else ""
        if not deferred.whole:
            return learning
        return self.renderer.page(spec, file, True, learning)

    def write_feeds(self, before: Prints | None = None, now: Prints | None = None) -> None:
        """Every feed into the site folder, once all pages are rendered.

        Under `serve --dirty` (with the last build's prints and this one's), a feed
        whose entries are the last build's is left as it is.
        """
        if self.renderer is None:
            return
        from . import dirty
        from .feedfiles import write_feeds

        kept = None
        if now is not None:
            kept = functools.partial(dirty.feed_kept, self, before, now)
        write_feeds(
            self.feeds, self.config, self.settings, self.plan, self.renderer, self.note_html, kept
        )

    def _rollup(self, spec: PageSpec) -> Rollup:
        rollup = self.plan.rollup(spec.rollup)
        assert rollup is not None  # a rollup's pages are planned from the rollups
        return rollup


@functools.lru_cache(maxsize=4096)
def _placeholder(uri: str) -> str:
    """An empty element that marks where finish_html puts something."""
    return f'<div class="wn-deferred" data-weeknotes="{escape(uri)}"></div>'


@dataclass(frozen=True)
class Deferred:
    """A generated page's listing (`whole`), or just its learning entries, to be made
    when its page is finished."""

    spec: PageSpec
    file: File
    whole: bool


@dataclass(frozen=True)
class Rendered:
    """One note's render: its URL, the rollup sections cut from it, its HTML."""

    url: str
    sections: list[HtmlSection]
    html: str


def _stylesheet() -> bytes:
    return (package_files("mkdocs_weeknotes") / "assets" / "weeknotes.css").read_bytes()
