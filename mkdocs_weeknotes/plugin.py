"""The MkDocs plugin: a thin adapter from MkDocs' events to the core.

Loading mkdocs.yml imports this module (`weeknotes check` does, and every
build and serve before its first event): it imports only the settings, and
the rest of the plugin when an event first needs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger

from .config import WeeknotesConfig

if TYPE_CHECKING:
    from collections.abc import Mapping

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

    from .dirty import Prints
    from .problems import Problem
    from .reading.collection import ReadCache
    from .rendering.pagehtml import PageHtml, Rendered
    from .site import SiteBuild

log = get_plugin_logger(__name__)


class WeeknotesPlugin(BasePlugin[WeeknotesConfig]):
    """Checks every weeknote, adds the index pages and fills them in."""

    def __init__(self) -> None:
        # `mkdocs serve` keeps this instance across rebuilds: all a build knows is
        # made afresh in on_files, so no build sees the last one's notes.
        self.command: str = "build"
        self.dirty = False
        # What the last `serve --dirty` build's pages showed, to see which changed.
        self.prints: Prints | None = None
        # This build's, kept only once it is written: a failed build's are not so.
        self.pending: Prints | None = None
        # The files our pages, feeds and stylesheet went to in this serve's earlier
        # builds (see Prints.outputs): a `--dirty` build removes those it no longer makes.
        self.written: frozenset[str] = frozenset()
        self.site: SiteBuild | None = None
        # The build's pages, made once its nav is (see rendering/pagehtml.py).
        self.pages: PageHtml | None = None
        # All that is kept from build to build, keyed by each note's source digest:
        # what reading it gave (serve only) and what its render gave.
        self.read_cache: ReadCache | None = None
        self.rendered: dict[tuple[str, str], Rendered] = {}

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command
        self.dirty = dirty
        self.prints = self.pending = None
        self.written = frozenset()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        from .planning.placing import STYLESHEET

        if self.config.enabled and self.config.stylesheet and STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        return config

    def _read_notes(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        self.site = self.pages = None
        if not self.config.enabled:
            return None
        from .reading.collection import ReadCache
        from .site import SiteBuild

        serve = self.command == "serve"
        if serve and self.read_cache is None:
            self.read_cache = ReadCache()
        cache = self.read_cache if serve else None
        self.site = SiteBuild.check(files, config, self.config, serve=serve, cache=cache)
        report(
            tuple(self.site.problems), self.config.on_invalid, self.command, self.config.validation
        )
        return files

    # Late, so that a plugin that reads a folder of posts in on_files (Material's
    # blog does, at -50) has read it before our generated pages join it; the notes
    # themselves are read at the usual time, before such a plugin hides its drafts.
    @event_priority(-100)
    def _add_pages(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if self.site is not None:
            self.site.apply(files)
            # Advice, not a problem: INFO, so that `--strict` builds are not failed by it.
            hint = self.site.home_page_hint(files)
            if hint:
                log.info(hint)
        return files

    on_files = CombinedEvent(_read_notes, _add_pages)

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> None:
        if self.site is not None:
            from .rendering.pagehtml import PageHtml

            self.site.arrange_nav(nav, files)
            self.pages = PageHtml(self.site, self.rendered)
            # `mkdocs build --dirty` too: without a last build's prints every page is
            # rendered, as a note left unrendered would leave the rollups without it.
            if self.dirty:
                self.pending = self.site.render_only_changed(nav, files, self.prints, self.written)

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        return self.pages.page_markdown(markdown, page) if self.pages else None

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        return self.pages.page_content(html, page) if self.pages else None

    def on_env(
        self, env: Environment, /, *, config: MkDocsConfig, files: Files
    ) -> Environment | None:
        if self.pages is not None:
            self.pages.fill_pages(files)
        if env.bytecode_cache is None:
            from .rendering.templatecache import TEMPLATES

            env.bytecode_cache = TEMPLATES  # the theme's templates, compiled once per serve
        return env

    # Before other plugins, such as search, read the page's table of contents.
    @event_priority(100)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if self.pages is not None:
            self.pages.page_context(page)
        return context

    # Early, so that plugins that rework the finished HTML (minifiers, Material's
    # privacy plugin) see what we add to it.
    @event_priority(50)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        return self.pages.finish_html(output, page) if self.pages else None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.site is not None and self.pages is not None:
            self.site.write_feeds(self.pages.note_html, self.prints, self.pending)
        if self.pending is not None:
            self.written = self.pending.outputs
        self.prints, self.pending = self.pending, None
        # The build's files, pages and nav go with it: `mkdocs serve` keeps this
        # instance, and would hold them until the next build otherwise.
        self.site = self.pages = None

    def on_build_error(self, *, error: Exception) -> None:
        # What the site folder holds is unknown: the next build renders every page,
        # and removes any file of these two builds that it no longer makes.
        if self.pending is not None:
            self.written |= self.pending.outputs
        self.prints = self.pending = None
        self.site = self.pages = None


def report(
    problems: tuple[Problem, ...], on_invalid: str, command: str, levels: Mapping[str, str]
) -> None:
    """Each problem at the level `levels` (the `validation` setting) gives its code:
    a warning, an INFO line, or nothing; with `on_invalid: error`, one error listing
    the warnings.

    `mkdocs serve` always warns: an author's typo must never stop the server.
    """
    from .problems import WARN, reported

    shown = reported(problems, levels)
    warnings = [problem for level, problem in shown if level == WARN]
    stop = bool(warnings) and on_invalid == "error" and command != "serve"
    for level, problem in shown:
        if level != WARN:
            log.info(str(problem))
        elif not stop:
            log.warning(str(problem))
    if stop:
        lines = "\n".join(f"  {problem}" for problem in warnings)
        raise PluginError(f"{len(warnings)} problem(s) in weeknotes:\n{lines}")
