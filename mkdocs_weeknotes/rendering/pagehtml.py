"""The page-HTML pass of one build: each page's Markdown and HTML, the listings
filled in, and what search leaves out put into the finished HTML.

The plugin makes one `PageHtml` per build in `on_nav`, once the build's pages are
placed (see site.SiteBuild) and its renderer made, and hands each page event to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import escape
from mkdocs.structure.files import File, Files

from ..config import LEARNING
from ..planning.generated import PageSpec
from ..planning.syndication import FeedSpec
from ..reading import embeds
from ..reading.frontmatter import read as read_front_matter
from ..reading.mentions import Handles, handles, link_mentions
from ..reading.sections import HtmlSection, Rollup, cut_sections
from ..text import theme_title
from .placeholders import embed_placeholder
from .placeholders import placeholder as _placeholder
from .rebase import relative
from .themes import inert_meta

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import TableOfContents

    from ..site import SiteBuild
    from .render import Renderer

_H1_END = re.compile(r"</h1\s*>", re.IGNORECASE)
# Pages that list notes: they repeat every title and summary, which search
# already finds in the notes themselves.
LISTINGS = frozenset({"latest", "year", "theme", "person", "week"})
# Where a note's header and footer go, made when its page is finished.
HEADER = "#header"
FOOTER = "#footer"


class PageHtml:
    """Each page's HTML in one build, from the build's notes, pages and renderer."""

    def __init__(self, site: SiteBuild, rendered: dict[tuple[str, str], Rendered]) -> None:
        renderer = site.renderer
        assert renderer is not None  # made in on_nav, before any page (see arrange_nav)
        # The build's state, kept here as it is read once or more for every page.
        self.settings = site.settings
        self.weeknotes = site.weeknotes
        self.plan = site.plan
        self.generated = site.generated
        self.feeds = site.feeds
        self.markers = site.markers
        self.serve = site.serve
        self.problems_of = site.problems_of
        self.renderer = renderer
        # Kept by the plugin across `mkdocs serve` rebuilds, keyed by the note's source
        # digest: what a note's render gave, for a `--dirty` build that skips the note.
        self.rendered = rendered
        # Listings left out of search, by src_uri: made in finish_html, into the output.
        self.deferred: dict[str, Deferred] = {}
        # A note's rendered content before our decorations, for full-content feeds.
        self.note_html: dict[str, tuple[str, str]] = {}
        # The embeds of a page to fill in its finished HTML: (placeholder, embed) pairs.
        self.embedded: dict[str, list[tuple[str, embeds.Embed]]] = {}
        self._feeds_by_page: dict[str, FeedSpec] = {feed.page: feed for feed in site.feeds}
        self._feed_links: dict[tuple[str, str], str] = {}
        # A generated page's own contents, while its listing's headings stand in.
        self._own_toc: dict[str, TableOfContents] = {}
        self._handles: Handles | None = None

    # --- on_page_markdown, on_page_content ---------------------------------------------

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
        # Its embeds, to fill wherever its sections or its HTML are shown.
        marks = tuple(self.embedded.get(uri, ()))
        self.rendered[(uri, self.weeknotes.digests.get(uri, ""))] = Rendered(
            page.file.url, sections, keep, marks
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
            placeholder = embed_placeholder(uri, len(marks))
            marks.append((placeholder, embed))
            return placeholder

        return embeds.replace_markers(html, mark)

    def _embeds_made(self, page: Page) -> list[tuple[str, str]]:
        """The page's embed placeholders, each with its listing, for `put_in`."""
        return [
            (placeholder, self.renderer.embed(embed, page.file))
            for placeholder, embed in self.embedded.pop(page.file.src_uri, [])
        ]

    def _mention_link(self, here: File) -> Callable[[str], tuple[str, str] | None]:
        """For a handle, the link from `here` to its person's page and their name,
        escaped for HTML; None for a handle that names nobody with a page."""
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

    # --- on_env ------------------------------------------------------------------------

    def recall_renders(self) -> None:
        """What each note's render gave: this build's, or for a note that a `--dirty`
        build did not render, the last render of the same source."""
        current = {(uri, digest) for uri, digest in self.weeknotes.digests.items()}
        for key in list(self.rendered):
            if key not in current:
                del self.rendered[key]  # the cache holds this build's sources only
        for (uri, _digest), done in self.rendered.items():
            self.renderer.embeds.update(done.marks)
            if done.sections:
                self.renderer.sections[uri] = (done.url, done.sections)
            if self.feeds and self.settings.feeds.content == "full":
                self.note_html[uri] = (done.url, done.html)

    def fill_pages(self, files: Files) -> None:
        """Every generated page gets its listing, now that every note is rendered.

        What is left out of search is only marked here and made in `finish_html`,
        straight into the page's output: it is neither indexed nor kept in memory.
        """
        self.recall_renders()
        if self.settings.search_listings:
            # Embedded listings are searched as the listings are.
            for uri in list(self.embedded):
                file = files.src_uris.get(uri)
                if file is not None and file.page is not None and file.page.content:
                    file.page.content = put_in(file.page.content, self._embeds_made(file.page))
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

    # --- on_page_context -------------------------------------------------------------

    def page_context(self, page: Page) -> None:
        """A generated page's contents get its listing's headings while the page is
        drawn, and lose them once it is finished (see finish_html).

        Our listing is HTML added after Markdown made the page's contents: its
        headings join them here, whether or not the listing itself is made later,
        out of search. Only while the page is drawn: on a big archive, the headings
        of every week page, kept to the end of the build, would add megabytes to
        its peak memory.
        """
        from .toc import listing_toc, with_entries

        spec = self.generated.get(page.file.src_uri)
        if spec is None:
            return
        toc = listing_toc(spec, self.plan, self.settings, self.renderer, self._has_learning(spec))
        self._own_toc[page.file.src_uri] = page.toc
        page.toc = with_entries(page.toc, toc)

    # --- on_post_page ------------------------------------------------------------------

    def finish_html(self, output: str, page: Page) -> str:
        """What was kept out of search goes into the finished HTML, feeds into its head."""
        uri = page.file.src_uri
        own_toc = self._own_toc.pop(uri, None)
        if own_toc is not None:
            page.toc = own_toc
        own = self._feeds_by_page.get(uri)
        team = self._feeds_by_page.get(self.plan.uri("latest") or "")
        links = "".join(
            feed_link(feed, page.file, self.renderer, self._feed_links)
            for feed in (team, own if own is not team else None)
            if feed is not None
        )
        # Each part goes where its mark is, in one copy of the page: a note's page
        # is copied once instead of once for each part.
        parts = [("</head>", links + "</head>")] if links else []
        if uri in self.embedded:
            parts += self._embeds_made(page)
        deferred = self.deferred.pop(uri, None)
        if deferred is not None:
            parts.append((_placeholder(uri), self._deferred_html(deferred)))
        note = self.weeknotes.note(uri)
        if note is not None:
            header = self.renderer.note_header(note, page.file)
            show = self.settings.show_problems
            if show == "always" or (show == "serve" and self.serve):
                header = self.renderer.problems(self.problems_of(note.path)) + header
            footer = self.renderer.note_footer(note, page.file)
            parts += [(_placeholder(HEADER), header), (_placeholder(FOOTER), footer)]
        return put_in(output, parts)

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
        spec, file = deferred.spec, deferred.file
        learning = self.renderer.entries_block(spec.notes, file) if self._has_learning(spec) else ""
        if not deferred.whole:
            return learning
        return self.renderer.page(spec, file, True, learning)

    def _rollup(self, spec: PageSpec) -> Rollup:
        rollup = self.plan.rollup(spec.rollup)
        assert rollup is not None  # a rollup's pages are planned from the rollups
        return rollup


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


def put_in(text: str, parts: list[tuple[str, str]]) -> str:
    """`text` with the first of each mark replaced by its part, in one copy."""
    found = sorted((at, mark, part) for mark, part in parts if (at := text.find(mark)) != -1)
    pieces: list[str] = []
    start = 0
    for at, mark, part in found:
        pieces += (text[start:at], part)
        start = at + len(mark)
    pieces.append(text[start:])
    return "".join(pieces)


@dataclass(frozen=True)
class Deferred:
    """A generated page's listing (`whole`), or just its learning entries, to be made
    when its page is finished."""

    spec: PageSpec
    file: File
    whole: bool


@dataclass(frozen=True)
class Rendered:
    """One note's render: its URL, the rollup sections cut from it, its HTML, and
    the placeholders of its embeds with what each embeds."""

    url: str
    sections: list[HtmlSection]
    html: str
    marks: tuple[tuple[str, embeds.Embed], ...] = ()
