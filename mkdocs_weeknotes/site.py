"""One build of a site: the notes found, the pages added, the HTML filled in.

The plugin makes one `SiteBuild` per build in `on_files` and hands each later
event to it; nothing here outlives the build.
"""

from __future__ import annotations

import functools
import os
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib.resources import files as package_files

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from .collection import ReadCache, Source, Weeknotes, collect, load_authors
from .config import WeeknotesConfig
from .feeds import atom
from .frontmatter import printable
from .frontmatter import read as read_front_matter
from .generated import PageSpec, Plan, plan_pages
from .model import Note
from .problems import Problem, quote
from .rebase import relative
from .render import Renderer, week_anchor, year_anchor
from .sections import HtmlSection, Rollup, cut_sections
from .selection import NOT_INCLUDED, WEEKNOTE_FALSE, nothing_found
from .syndication import FeedSpec, feeds_wanted, make_feed, plan_feeds

STYLESHEET = "assets/weeknotes/weeknotes.css"
_H1_END = re.compile(r"</h1\s*>", re.IGNORECASE)
# Pages that list notes: they repeat every title and summary, which search
# already finds in the notes themselves.
LISTINGS = frozenset({"latest", "year", "theme", "person"})
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
        weeknotes = collect_site(files, config, settings, keep_text, cache)
        plan = plan_pages(weeknotes, settings, include_drafts=serve)
        build = cls(config, settings, weeknotes, plan, list(weeknotes.problems), serve=serve)
        build.place_pages(files)
        # Where the site's own files are copied to, for our feeds and stylesheet.
        copied = {f.dest_uri: f for f in files if not f.inclusion.is_excluded()}
        if settings.stylesheet:
            build.own_stylesheet = not build.site_file_at(copied)
        if feeds_wanted(settings, config.site_url):
            feeds = plan_feeds(
                plan, build.generated, config.site_name, settings.catalogue.feed_title
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
                File.generated(
                    self.config,
                    uri,
                    content="",
                    inclusion=InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV,
                )
            )
        if self.settings.stylesheet and self.own_stylesheet:
            files.append(File.generated(self.config, STYLESHEET, content=_stylesheet()))

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

    def rerender_changed(
        self, files: Files, before: Mapping[str, tuple[Problem, ...]] | None
    ) -> dict[str, tuple[Problem, ...]]:
        """Under `serve --dirty`, mark for rendering each note whose problems changed.

        MkDocs renders again only the notes whose source is newer than their page,
        but another note can give an unchanged one a problem (WN201) or take it
        away: its problem box must follow. Returns each note's problems, to compare
        with on the next build (`before`: the last build's, None on the first).
        """
        now = {note.src_uri: tuple(self._problems_of(note.path)) for note in self.weeknotes.notes}
        show = self.settings.show_problems
        if before is None or not (show == "always" or (show == "serve" and self.serve)):
            return now
        for uri, problems in now.items():
            file = files.src_uris.get(uri)
            if file is not None and before.get(uri, ()) != problems:
                # A file with its content in memory counts as modified: MkDocs then
                # renders and writes its page, as it does for a generated file.
                file.content_bytes = file.content_bytes
        return now

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
            page.meta["description"] = theme_title(printable(description))
        elif "description" in page.meta:
            del page.meta["description"]

    def page_content(self, html: str, page: Page) -> str:
        """A note's sections are cut out once, and places made for its header and footer."""
        if self.renderer is None:
            return html
        uri = page.file.src_uri
        note = self.weeknotes.note(uri)
        if note is None:
            return html
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
        log = next((r for r in self.plan.rollups if r.key == "learning"), None)
        for uri, spec in self.generated.items():
            file = files.get_file_from_path(uri)
            if file is None or file.page is None:
                continue
            page = file.page
            own = page.content or ""
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

    def write_feeds(self) -> None:
        """Every feed into the site folder, once all pages are rendered."""
        if self.renderer is None:
            return
        files = self.renderer.files
        urls: dict[str | None, str] = {}
        for spec in self.feeds:
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
            path = os.path.join(self.config.site_dir, *spec.path.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as handle:
                handle.write(atom(feed))

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


def collect_site(
    files: Files,
    config: MkDocsConfig,
    settings: WeeknotesConfig,
    keep_text: bool = False,
    cache: ReadCache | None = None,
) -> Weeknotes:
    """Every note among the site's files; undecodable ones are given readable text."""
    # First: fallback titles and page titles are in the site's language.
    settings.use_language(_language(config))
    display = _display(config)
    sources: list[Source] = []
    unreadable: list[Problem] = []
    selector = settings.selector
    skipped: Counter[str] = Counter()
    for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve):
        why = selector.why_not(file.src_uri)
        if why is not None:
            if why != NOT_INCLUDED or selector.relative(file.src_uri) is not None:
                skipped[why] += 1
            continue
        try:
            data = file.content_bytes
        except OSError as err:
            # A broken link or a link loop: MkDocs itself would stop the build on it.
            unreadable.append(_unreadable(display(file.src_uri), err))
            file.inclusion = InclusionLevel.EXCLUDED
            continue
        sources.append(Source(file.src_uri, display(file.src_uri), data))
        _make_readable(file, data)
    authors, problems = load_authors(config.docs_dir, settings, display(settings.authors_path))
    weeknotes = collect(sources, settings, authors, problems + unreadable, keep_text, cache)
    if not weeknotes.notes and not unreadable:
        skipped[WEEKNOTE_FALSE] = len(sources)
        found = _no_notes(files, config, settings, skipped)
        weeknotes = replace(weeknotes, problems=tuple(sorted((*weeknotes.problems, found))))
    return weeknotes


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
