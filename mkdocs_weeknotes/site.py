"""One build of a site: the notes found, the pages added, the HTML filled in.

The plugin makes one `SiteBuild` per build in `on_files` and hands each later
event to it; nothing here outlives the build.
"""

from __future__ import annotations

import functools
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib.resources import files as package_files
from urllib.parse import urljoin

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from . import embeds
from .checkcache import StoredCache
from .collection import ReadCache, Source, Weeknotes, collect, load_authors, source_digest
from .config import LEARNING, WeeknotesConfig
from .feeds import Feed, atom
from .frontmatter import read as read_front_matter
from .frontmatter import without_controls
from .generated import PageSpec, Plan, plan_pages
from .mentions import Handles, handles, link_mentions
from .model import Note, Theme
from .problems import Problem, quote
from .rebase import relative
from .render import Renderer, week_anchor, year_anchor
from .sections import HtmlSection, Rollup, cut_sections
from .selection import NOT_INCLUDED, WEEKNOTE_FALSE, nothing_found
from .syndication import FeedSpec, digest_feed, feeds_wanted, make_feed, plan_feeds

STYLESHEET = "assets/weeknotes/weeknotes.css"
_H1_END = re.compile(r"</h1\s*>", re.IGNORECASE)
# Pages that list notes: they repeat every title and summary, which search
# already finds in the notes themselves.
LISTINGS = frozenset({"latest", "year", "theme", "person", "week"})
# Where a note's header and footer go, made when its page is finished.
HEADER = "#header"
FOOTER = "#footer"


def theme_title(text: str) -> str:
    """A title as themes print it, unescaped: markup becomes look-alikes.

    MkDocs themes put `page.title` and nav titles into the HTML as they are, some
    inside `title="…"` attributes, so a `<` or a quote from front matter would be
    markup there; our own templates escape it properly. Angle brackets become
    ‹ ›, quotes become typographic ones. An `&` can only start a character
    reference, which makes no markup, so it is left as it is.
    """
    if _THEME_UNSAFE.search(text) is None:
        return text
    text = text.replace("<", "\u2039").replace(">", "\u203a")
    return _QUOTE.sub(_curly, text)


_THEME_UNSAFE = re.compile("[<>\"']")
_QUOTE = re.compile("[\"']")
_CURLY = {'"': ("\u201c", "\u201d"), "'": ("\u2018", "\u2019")}


def _curly(match: re.Match[str]) -> str:
    """An opening quote at the start or after a space or bracket, else a closing one."""
    start = match.start()
    before = match.string[start - 1] if start else " "
    opening, closing = _CURLY[match.group()]
    return opening if before.isspace() or before in "([{\u2039" else closing


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
    # Each note's hash, for `serve --dirty`'s prints.
    _hashed: dict[str, int] = field(default_factory=dict)
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
        build.read_embeds(marked, _display(config))
        build.place_pages(files)
        # Where the site's own files are copied to, for our feeds and stylesheet.
        copied = {f.dest_uri: f for f in files if not f.inclusion.is_excluded()}
        if settings.stylesheet:
            build.own_stylesheet = not build.site_file_at(copied)
        if feeds_wanted(settings, config.site_url):
            feeds = plan_feeds(
                plan,
                build.generated,
                config.site_name,
                settings.catalogue.feed_title,
                settings.catalogue.digest_feed_title,
            )
            build.feeds = [feed for feed in feeds if not build.site_file_at(copied, feed)]
            build._feeds_by_page = {feed.page: feed for feed in build.feeds}
        elif settings.feeds.enabled:
            build.problems.append(
                Problem(
                    _config_display(config),
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
        learning = any(rollup.key == LEARNING for rollup in self.plan.rollups)
        for uri, data in marked.items():
            text = data.decode("utf-8", errors="replace").replace("\r\n", "\n")
            found = embeds.find(text, display(uri), themes, self.weeknotes.people, learning)
            self.markers[uri] = found
            self.problems.extend(found.problems)

    def site_file_at(self, copied: Mapping[str, File], feed: FeedSpec | None = None) -> bool:
        """Whether a file of the site is copied to where we would write `feed`, or
        with no feed, our stylesheet: the site's file is kept, and reported."""
        path = feed.path if feed is not None else STYLESHEET
        clash = copied.get(path)
        if clash is None:
            return False
        if feed is not None:
            what = f"the feed '{feed.title}' would be written"
            switch = "set 'feeds: {enabled: false}'; this file is kept and the feed is left out"
        else:
            what = "the plugin's stylesheet would go"
            switch = (
                "set 'stylesheet: false'; this file is kept and the plugin's stylesheet is left out"
            )
        self.problems.append(
            Problem(
                _display(self.config)(clash.src_uri),
                1,
                "WN402",
                f"this file is copied to {path}, where {what}",
                f"rename or move it, or {switch}",
            )
        )
        return True

    def place_pages(self, files: Files) -> None:
        """Which planned pages can be made: a site's own page at that path is kept
        and filled; a page built to the same address is a problem, never overwritten."""
        display = _display(self.config)
        taken = {f.dest_uri: f for f in files if not f.inclusion.is_excluded()}
        for spec in self.plan.pages:
            if files.get_file_from_path(spec.src_uri) is not None:
                self.generated[spec.src_uri] = spec
                continue
            planned = File(
                spec.src_uri,
                src_dir=None,
                dest_dir=self.config.site_dir,
                use_directory_urls=self.config.use_directory_urls,
            )
            clash = taken.get(planned.dest_uri)
            if clash is not None:
                self.problems.append(
                    Problem(
                        display(clash.src_uri),
                        1,
                        "WN401",
                        f"this page is built to {clash.dest_uri}, where the {spec.kind} page"
                        f" {quote(spec.title)} would go",
                        "rename or move this page; the generated page is left out",
                    )
                )
                continue
            taken[planned.dest_uri] = planned
            self.generated[spec.src_uri] = spec

    # --- serve --dirty ------------------------------------------------------------------

    def render_only_changed(self, nav: Navigation, files: Files, before: Prints | None) -> Prints:
        """Under `serve --dirty`, which pages to render again: those whose output changed.

        MkDocs renders again only the files whose source is newer than their page,
        and every generated page, as its content is in memory. Each page's output
        is fingerprinted instead, from everything it shows (see `Prints`): a
        generated page whose print is the last build's is left as it is, and a
        note whose header, footer or problems changed is rendered though its
        source did not. When what every page shows changed (mkdocs.yml, the nav,
        the set of pages), every page is rendered. `before`: the last build's
        prints, None on the first build. Returns this build's.
        """
        now = self.prints(nav, files)
        pages = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        if before is not None:
            _remove_gone(before.outputs - now.outputs, files)
        if before is None or before.site != now.site:
            for file in pages:
                _render_again(file)
            return now
        in_nav = {page.file.src_uri for page in nav.pages}
        for file in pages:
            uri = file.src_uri
            if uri in self.markers:
                _render_again(file)  # its embedded listings may have changed
                continue
            spec = self.generated.get(uri)
            print_ = now.pages.get(uri) if spec is not None else now.notes.get(uri)
            if print_ is None:
                if uri in in_nav:
                    # MkDocs leaves a page it does not render without a title, which
                    # every other page shows in its nav: the site's pages in the nav
                    # are rendered.
                    _render_again(file)
            elif print_ != (before.pages if spec is not None else before.notes).get(uri):
                _render_again(file)
            elif isinstance(file, GeneratedPage):
                file.unchanged = True
                if spec is not None and file.page is not None:
                    # The title it would be given when rendered, for the nav.
                    file.page.title = theme_title(spec.title)
        return now

    def prints(self, nav: Navigation, files: Files) -> Prints:
        """A fingerprint of each page's inputs: see `Prints`."""
        plan = self.plan
        site = hash(
            (
                _config_bytes(self.config),
                repr(sorted(self.settings.items())),
                self.config.site_url,
                self.config.use_directory_urls,
                self.config.theme.name,
                _templates(self.config.theme.dirs),
                _nav_print(nav.items),
                tuple(self.generated),
                tuple((f.page, f.path, f.title) for f in self.feeds),
                # Whom an `@handle` in any note links to.
                tuple((p.id, p.slug, p.aliases) for p in plan.people.values()),
            )
        )
        counts = {ident: len(notes) for ident, notes in plan.by_person.items()}
        theme_counts = {slug: len(notes) for slug, notes in plan.by_theme.items()}

        def people(idents: set[str], with_counts: bool = True) -> tuple[object, ...]:
            return tuple(
                (plan.people.get(i), counts.get(i, 0) if with_counts else 0) for i in sorted(idents)
            )

        def themes(slugs: set[str], with_counts: bool = True) -> tuple[object, ...]:
            return tuple(
                (plan.themes.get(s), theme_counts.get(s, 0) if with_counts else 0)
                for s in sorted(slugs)
            )

        digests = self.weeknotes.digests
        # Each note hashed once: a note is listed on several pages.
        hashed = self._hashed = {note.src_uri: hash(note) for note in self.weeknotes.notes}

        def listing(spec: PageSpec) -> tuple[object, ...]:
            return (
                replace(spec, notes=(), weeks=()),
                tuple(hashed[n.src_uri] for n in spec.notes),
                tuple((w.week, tuple(hashed[n.src_uri] for n in w.notes)) for w in spec.weeks),
            )

        years = tuple((year, sum(len(g.notes) for g in gs)) for year, gs in plan.years.items())
        # The pictures (who wrote which week, a person's year, a theme's months) are
        # counted back from the newest note, over everyone's notes and names.
        pictures = hash(
            (
                tuple(
                    (n.src_uri, n.week, n.date, n.authors, tuple(t.slug for t in n.themes))
                    for n in plan.notes
                ),
                tuple((i, p.name) for i, p in sorted(plan.people.items())),
            )
        )
        pages: dict[str, int] = {}
        for uri, spec in self.generated.items():
            if spec.kind not in _PRINTED:
                continue  # a page without a print is rendered on every build
            shown = [*spec.notes, *(n for week in spec.weeks for n in week.notes)]
            extra: object = ()
            if spec.kind in ("latest", "year"):
                extra = years
            elif spec.kind == "themes":
                extra = themes(set(plan.themes))
            elif spec.kind == "people":
                extra = tuple(
                    (person, counts.get(i, 0), plan.by_person.get(i, (None,))[0])
                    for i, person in sorted(plan.people.items())
                )
            elif spec.kind == "person":
                extra = (
                    tuple(hashed[n.src_uri] for n in plan.mentioned.get(spec.key, ())),
                    people({spec.key}),
                    themes({t.slug for n in plan.by_person.get(spec.key, ()) for t in n.themes}),
                    tuple(t.slug for n in plan.by_person.get(spec.key, ()) for t in n.themes),
                )
            elif spec.kind == "theme":
                extra = themes({spec.key})
            elif spec.kind in ("rollup", "rollup-year"):
                extra = tuple(plan.rollup_years.get(spec.rollup, {}).items())
            # Rollup entries are cut from the notes' HTML: their source is part of it.
            entries = tuple(digests.get(n.src_uri) for n in shown if n.sections)
            pages[uri] = hash(
                (
                    listing(spec),
                    extra,
                    pictures if spec.kind in _PICTURED else None,
                    entries,
                    people({i for n in shown for i in n.authors}),
                    themes({t.slug for n in shown for t in n.themes}),
                )
            )
        # A note's header and footer show its people, themes and neighbours; the
        # package's own writers show no counts, a site's templates may.
        direct = self.renderer is None or (
            self.renderer.direct_parts["note-header"] and self.renderer.direct_parts["note-footer"]
        )
        show = self.settings.show_problems
        shows_problems = show == "always" or (show == "serve" and self.serve)
        notes: dict[str, int] = {}
        for note in self.weeknotes.notes:
            around = tuple(
                (ident, *((n.src_uri, n.title) if n else None for n in pair))
                for ident, pair in plan.neighbours.get(note.src_uri, {}).items()
            )
            notes[note.src_uri] = hash(
                (
                    hashed[note.src_uri],
                    around,
                    people(set(note.authors), not direct),
                    themes({t.slug for t in note.themes}, not direct),
                    tuple(self._problems_of(note.path)) if shows_problems else (),
                )
            )
        outputs = frozenset(
            file.abs_dest_path
            for uri in self.generated
            if isinstance(file := files.get_file_from_path(uri), GeneratedPage)
        )
        return Prints(site, pages, notes, outputs)

    # --- on_nav ----------------------------------------------------------------------

    def arrange_nav(self, nav: Navigation, files: Files) -> None:
        """With an automatic nav, one section holds Latest, Themes, People and rollups."""
        self.renderer = Renderer(
            self.plan,
            files,
            self.settings,
            self.config.theme.dirs,
            self.config.theme.name,
            _language(self.config),
        )
        self.renderer.feeds = {feed.page: feed.path for feed in self.feeds}
        if self.config.nav is not None:
            return  # an explicit nav is the site's to arrange; the docs show how
        # Our pages in the nav, ranked as the contract orders them: Latest, Themes,
        # People, then each rollup, not by folder name.
        rank = {
            files.get_file_from_path(uri): _NAV_RANK[spec.kind]
            for uri, spec in self.generated.items()
            if spec.in_nav
        }
        last = len(_NAV_RANK)  # a site's own pages in the folder follow ours
        for section in _sections(nav.items):
            children = section.children
            if not any(isinstance(c, Page) and c.file in rank for c in children):
                continue
            flat: list[StructureItem] = []
            for child in children:
                only = _only_page(child)
                if only is not None and only.file in rank:
                    # A section holding only our index page is that page.
                    only.parent = section
                    flat.append(only)
                else:
                    flat.append(child)
            section.children = sorted(
                flat,
                key=lambda item: rank.get(item.file, last) if isinstance(item, Page) else last,
            )
            section.title = theme_title(self.settings.nav_label)
            _relink(nav)
            return

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
        self._inert_meta(page, note)
        return markdown

    def _inert_meta(self, page: Page, note: Note) -> None:
        """Front-matter values that themes print as they are, made inert.

        Material writes `page.meta.author` and `.description` into `<meta … content="…">`
        unescaped, and an author list as Python's repr of it: the author becomes the
        names we read, the description plain text, and any other shape is left out.
        """
        if "author" in page.meta:
            names = [self.plan.people[i].name if i in self.plan.people else i for i in note.authors]
            if names:
                page.meta["author"] = theme_title(", ".join(names))
            else:
                del page.meta["author"]
        description = page.meta.get("description")
        if isinstance(description, str):
            page.meta["description"] = theme_title(without_controls(description))
        elif "description" in page.meta:
            del page.meta["description"]

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
        self.recall_renders()
        if self.settings.search_listings:
            # Embedded listings are searched as the listings are.
            for uri in list(self.embedded):
                file = files.src_uris.get(uri)
                if file is not None and file.page is not None and file.page.content:
                    file.page.content = self._fill_embeds(file.page.content, file.page)
        log = next((r for r in self.plan.rollups if r.key == "learning"), None)
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
            page.toc = _with_entries(page.toc, self._toc(spec))
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
                header = self.renderer.problems(self._problems_of(note.path)) + header
            output = output.replace(_placeholder(HEADER), header, 1)
            footer = self.renderer.note_footer(note, page.file)
            output = output.replace(_placeholder(FOOTER), footer, 1)
        own = self._feeds_by_page.get(uri)
        team = self._feeds_by_page.get(self.plan.uri("latest") or "")
        links = [
            self._feed_link(feed, page.file)
            for feed in (team, own if own is not team else None)
            if feed is not None
        ]
        if links and "</head>" in output:
            output = output.replace("</head>", "".join(links) + "</head>", 1)
        return output

    def _feed_link(self, feed: FeedSpec, here: File) -> str:
        """The `<link>` to a feed for the page `here`'s head; the team's feed is on
        every page, so each folder's link is made once."""
        href = (
            self.renderer.shared_link(feed.path, here)
            if self.renderer is not None
            else relative(feed.path, here.url)
        )
        link = self._feed_links.get((feed.path, href))
        if link is None:
            # Feed readers read rel as a list of words; Material's JavaScript takes a
            # rel of exactly "alternate" for another language of the site and fetches
            # the sitemap.xml beside it, which fails on every page load.
            link = self._feed_links[(feed.path, href)] = (
                f'<link rel="alternate feed" type="application/atom+xml"'
                f' title="{escape(feed.title)}"'
                f' href="{escape(href)}">'
            )
        return link

    def _toc(self, spec: PageSpec) -> list[AnchorLink]:
        """The headings of a generated page's listing, as the package's templates
        write them: weeks, the archive, years, each theme or person, and learning."""
        assert self.renderer is not None
        words = self.settings.catalogue
        entries: list[tuple[str, str]] = []
        if spec.kind in ("latest", "year", "rollup", "rollup-year"):
            for group in spec.weeks:
                if spec.kind.startswith("rollup") and not self.renderer.has_entries(
                    group.notes, spec.rollup
                ):
                    continue
                label = f"{words.week_commencing} {self.renderer.date(group.week)}"
                entries.append((label, week_anchor(group.week)))
            if spec.kind == "latest" and self.plan.years:
                entries.append((words.archive, "archive"))
        elif spec.kind in ("theme", "person"):
            years = dict.fromkeys(note.date.year if note.date else 0 for note in spec.notes)
            entries.extend((str(year), year_anchor(year)) for year in years)
            log = next((r for r in self.plan.rollups if r.key == "learning"), None)
            if (
                log is not None
                and self._has_learning(spec)
                and self.renderer.has_entries(spec.notes, log.key)
            ):
                entries.append((log.title, "wn-learning"))
        elif spec.kind == "week":
            notes = spec.weeks[0].notes if spec.weeks else ()
            entries.extend((n.title, f"wn-note-{number}") for number, n in enumerate(notes, 1))
            entries.extend(
                (rollup.title, f"wn-{rollup.key}")
                for rollup in self.plan.rollups
                if self.renderer.has_entries(notes, rollup.key)
            )
        elif spec.kind == "themes":
            entries.extend((t.label, f"theme-{t.slug}") for t in self.plan.themes.values())
        elif spec.kind == "people":
            people = sorted(self.plan.people.values(), key=lambda p: p.name.casefold())
            entries.extend((p.name, f"person-{p.id}") for p in people)
        # The theme writes titles as HTML and the link as it is.
        return [AnchorLink(str(escape(title)), str(escape(ident)), 2) for title, ident in entries]

    def _problems_of(self, path: str) -> list[Problem]:
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
        files = self.renderer.files
        urls: dict[str | None, str] = {}
        for spec in self.feeds:
            # The digests' feed is one small file, written every time.
            if now is not None and not spec.weeks:
                path = os.path.join(self.config.site_dir, *spec.path.split("/"))
                print_ = now.feeds[spec.path] = self._feed_print(spec, now.site)
                unchanged = before is not None and before.feeds.get(spec.path) == print_
                if unchanged and os.path.isfile(path):
                    continue
            if spec.weeks:
                feed = digest_feed(
                    spec,
                    plan=self.plan,
                    feed_length=self.settings.feeds.length,
                    site_url=self.config.site_url or "",
                    site_name=self.config.site_name,
                    url_of=self._absolute(urls),
                    words=self.settings.catalogue,
                    day=self.renderer.date,
                )
                self._write_feed(spec, feed)
                continue
            feed = make_feed(
                spec,
                settings=self.settings,
                plan=self.plan,
                files=files,
                site_url=self.config.site_url or "",
                site_name=self.config.site_name,
                note_html=self.note_html,
                sections=self.renderer.sections,
                urls=urls,
            )
            self._write_feed(spec, feed)

    def _write_feed(self, spec: FeedSpec, feed: Feed) -> None:
        path = os.path.join(self.config.site_dir, *spec.path.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(atom(feed))

    def _absolute(self, urls: dict[str | None, str]) -> Callable[[str | None], str]:
        """A page's absolute URL from its src_uri, kept in `urls` for the build."""
        assert self.renderer is not None
        files = self.renderer.files
        site_url = self.config.site_url or ""
        base = site_url if site_url.endswith("/") else site_url + "/"

        def url_of(src_uri: str | None) -> str:
            if src_uri not in urls:
                file = files.src_uris.get(src_uri) if src_uri else None
                urls[src_uri] = urljoin(base, file.url) if file is not None else ""
            return urls[src_uri]

        return url_of

    def _feed_print(self, spec: FeedSpec, site: int) -> int:
        """What a feed shows: its notes (all of a rollup's, whose sections it lists),
        their people's names, and their source when it shows their content."""
        notes = spec.notes if spec.rollup else spec.notes[: self.settings.feeds.length]
        content = bool(spec.rollup) or self.settings.feeds.content == "full"
        digests = self.weeknotes.digests
        people = self.plan.people
        return hash(
            (
                site,
                spec.path,
                spec.title,
                spec.page,
                spec.rollup,
                tuple(self._hashed.get(n.src_uri) for n in notes),
                tuple(digests.get(n.src_uri) for n in notes) if content else (),
                tuple(people.get(i) for n in notes for i in n.authors),
            )
        )

    def _rollup(self, spec: PageSpec) -> Rollup:
        return next(r for r in self.plan.rollups if r.key == spec.rollup)


def _with_entries(toc: TableOfContents, entries: list[AnchorLink]) -> TableOfContents:
    """A page's own contents with our entries after them: under its title when the
    page's own Markdown has one, as a theme shows a title's sections."""
    items = list(toc)
    if items and items[0].level == 1:
        items[0].children = [*items[0].children, *entries]
    else:
        items.extend(entries)
    return TableOfContents(items)


def _config_display(config: MkDocsConfig) -> str:
    path = config.config_file_path or "mkdocs.yml"
    return os.path.basename(path)


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


class GeneratedPage(File):
    """A generated page, whose content is in memory: MkDocs renders such a file on
    every build, `--dirty` or not, unless it is marked `unchanged`."""

    unchanged = False

    def is_modified(self) -> bool:
        if self.unchanged and os.path.isfile(self.abs_dest_path):
            return False
        return super().is_modified()


@dataclass(frozen=True)
class Prints:
    """What a `serve --dirty` build keeps for the next: fingerprints of what the
    pages show. Python's own hashes: they live only as long as the server.

    `site`: what every page shows (settings, mkdocs.yml, the nav, which pages
    and feeds there are); `pages`: each generated page's listing, with the
    people and themes it names; `notes`: each note's header, footer and
    problems; `outputs`: where the generated pages were written; `feeds`: what
    each feed lists.
    """

    site: int
    pages: Mapping[str, int]
    notes: Mapping[str, int]
    outputs: frozenset[str]
    # Each feed's, by its path: made when the feeds are written, after the pages.
    feeds: dict[str, int] = field(default_factory=dict)


def _render_again(file: File) -> None:
    """A file with its content in memory counts as modified: MkDocs then renders
    and writes its page, as it does for a generated file."""
    if isinstance(file, GeneratedPage):
        file.unchanged = False
    else:
        file.content_bytes = file.content_bytes


def _remove_gone(outputs: Iterable[str], files: Files) -> None:
    """The pages of the last build that this one no longer generates: a `--dirty`
    build would leave them in the site, listing what is no longer so."""
    kept = {file.abs_dest_path for file in files}
    for path in sorted(outputs):
        if path in kept:
            continue
        try:
            os.remove(path)
            os.rmdir(os.path.dirname(path))  # when it held only the page
        except OSError:
            pass


def _config_bytes(config: MkDocsConfig) -> bytes:
    path = config.config_file_path
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except (OSError, TypeError):
        return b""


def _templates(dirs: Sequence[str]) -> tuple[tuple[str, int], ...]:
    """Each of a site's overrides of our templates, and when it was saved."""
    found = []
    for folder in dirs:
        for root, _, names in os.walk(os.path.join(folder, "weeknotes")):
            for name in names:
                path = os.path.join(root, name)
                found.append((path, os.stat(path).st_mtime_ns))
    return tuple(sorted(found))


# The kinds of generated page whose every input `prints` knows. A week page shows
# the weeks around it and the whole team, so it is simply rendered every time.
_PRINTED = frozenset(
    {"latest", "year", "themes", "theme", "people", "person", "rollup", "rollup-year"}
)


# The kinds of generated page that show a picture.
_PICTURED = frozenset({"latest", "themes", "theme", "people", "person"})


def _nav_print(items: Sequence[StructureItem]) -> tuple[object, ...]:
    """The nav as every page shows it: titles, links and sections."""
    return tuple(
        (
            type(item).__name__,
            item.title,
            getattr(item, "url", None),
            _nav_print(item.children) if isinstance(item, Section) else (),
        )
        for item in items
    )


def collect_site(
    files: Files,
    config: MkDocsConfig,
    settings: WeeknotesConfig,
    keep_text: bool = False,
    cache: ReadCache | None = None,
    marked: dict[str, bytes] | None = None,
) -> Weeknotes:
    """Every note among the site's files; undecodable ones are given readable text.

    `marked` is given the source of each page that may hold an embed marker.
    """
    # First: fallback titles and page titles are in the site's language.
    settings.use_language(_language(config))
    display = _display(config)
    sources: list[Source] = []
    unreadable: list[Problem] = []
    selector = settings.selector
    skipped: Counter[str] = Counter()
    authors, problems = load_authors(config.docs_dir, settings, display(settings.authors_path))
    stored = cache if isinstance(cache, StoredCache) else None
    if stored is not None:
        stored.start(settings, authors)
    for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve):
        why = selector.why_not(file.src_uri)
        if why is not None:
            if why != NOT_INCLUDED or selector.relative(file.src_uri) is not None:
                skipped[why] += 1
            if marked is not None:
                _find_marked(file, marked)
            continue
        try:
            source = _source(file, display(file.src_uri), stored)
        except OSError as err:
            # A broken link or a link loop: MkDocs itself would stop the build on it.
            unreadable.append(_unreadable(display(file.src_uri), err))
            file.inclusion = InclusionLevel.EXCLUDED
            continue
        sources.append(source)
        if marked is not None and embeds.MAYBE.search(source.content):
            marked[file.src_uri] = source.content
    weeknotes = collect(sources, settings, authors, problems + unreadable, keep_text, cache)
    if not weeknotes.notes and not unreadable:
        skipped[WEEKNOTE_FALSE] = len(sources)
        found = _no_notes(files, config, settings, skipped)
        weeknotes = replace(weeknotes, problems=tuple(sorted((*weeknotes.problems, found))))
    return weeknotes


def _source(file: File, path: str, stored: StoredCache | None) -> Source:
    """A note's source; with a cache on disk, unread when its stat is as when last read."""
    if stored is None or file.generated_by is not None or file.abs_src_path is None:
        data = file.content_bytes
        _make_readable(file, data)
        return Source(file.src_uri, path, data)
    stat = os.stat(file.abs_src_path)
    digest = stored.digest_by_stat(file.src_uri, stat)
    if digest is not None and (file.src_uri, path, digest) in stored.entries:
        return Source(file.src_uri, path, b"", digest)
    data = file.content_bytes
    digest = source_digest(data)
    # A note that may hold an embed marker is read every time: its markers are not kept.
    if not embeds.MAYBE.search(data):
        stored.remember_stat(file.src_uri, stat, digest)
    _make_readable(file, data)
    return Source(file.src_uri, path, data, digest)


def _find_marked(file: File, marked: dict[str, bytes]) -> None:
    """A page that is not a note, kept in `marked` if it may hold an embed marker."""
    try:
        data = file.content_bytes
    except OSError:
        return  # MkDocs reports a page it cannot read
    if embeds.MAYBE.search(data):
        marked[file.src_uri] = data


def _no_notes(
    files: Files, config: MkDocsConfig, settings: WeeknotesConfig, skipped: Counter[str]
) -> Problem:
    """WN011, with the folder of docs_dir that holds the most Markdown files, to
    suggest when the notes folder holds none."""
    notes_dir = settings.notes_dir
    folder = os.path.join(config.docs_dir, *notes_dir.split("/")) if notes_dir else config.docs_dir
    elsewhere = None
    if not sum(skipped.values()):
        folders = Counter(
            file.src_uri.split("/", 1)[0]
            for file in files.documentation_pages()
            if "/" in file.src_uri
        )
        if folders:
            elsewhere = min(folders.items(), key=lambda item: (-item[1], item[0]))
    display = _display(config)
    path = display(notes_dir) if notes_dir else display(".").removesuffix("/.")
    return nothing_found(path, os.path.isdir(folder), skipped, settings.selector, elsewhere)


def _unreadable(path: str, err: OSError) -> Problem:
    reason = err.strerror or type(err).__name__
    return Problem(
        path,
        1,
        "WN010",
        f"the file cannot be read: {reason}",
        "fix or remove the link" if os.path.islink(err.filename or "") else "",
    )


def _display(config: MkDocsConfig) -> Callable[[str], str]:
    """Paths as problems name them: relative to the folder of mkdocs.yml."""
    base = os.path.dirname(config.config_file_path or "") or os.getcwd()
    # Worked out once: a src_uri is a clean path under docs_dir.
    prefix = os.path.relpath(config.docs_dir, base).replace(os.sep, "/")

    def display(src_uri: str) -> str:
        return src_uri if prefix == "." else f"{prefix}/{src_uri}"

    return display


def _make_readable(file: File, data: bytes) -> None:
    # MkDocs aborts the whole build on a page that is not UTF-8; the problem is
    # reported by us, so the page renders with replacement characters instead.
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        file.content_string = data.decode("utf-8", errors="replace")


_NAV_RANK = {"latest": 0, "themes": 1, "people": 2, "rollup": 3}


def _relink(nav: Navigation) -> None:
    """The pages' order, and each page's previous and next, as the nav now shows them."""
    pages: list[Page] = []

    def walk(items: Sequence[StructureItem]) -> None:
        for item in items:
            if isinstance(item, Page):
                pages.append(item)
            elif isinstance(item, Section):
                walk(item.children)

    walk(nav.items)
    nav.pages[:] = pages
    for index, page in enumerate(pages):
        page.previous_page = pages[index - 1] if index else None
        page.next_page = pages[index + 1] if index + 1 < len(pages) else None


def _sections(items: Sequence[StructureItem]) -> list[Section]:
    found: list[Section] = []
    for item in items:
        if isinstance(item, Section):
            found.append(item)
            found.extend(_sections(item.children))
    return found


def _only_page(item: StructureItem) -> Page | None:
    if isinstance(item, Section) and len(item.children) == 1:
        child = item.children[0]
        return child if isinstance(child, Page) else None
    return None


def _language(config: MkDocsConfig) -> str:
    theme = config.theme
    language = theme.get("language") or theme.get("locale")
    return str(language or "en")


def _stylesheet() -> bytes:
    return (package_files("mkdocs_weeknotes") / "assets" / "weeknotes.css").read_bytes()
