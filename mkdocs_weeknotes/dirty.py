"""`mkdocs serve --dirty`: which pages and feeds a rebuild makes again.

Each page's output is fingerprinted from everything it shows (see `Prints`), so
that a rebuild renders only the pages whose output changed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section

from .config import WeeknotesConfig
from .planning.generated import PageSpec, Plan
from .planning.placing import STYLESHEET
from .planning.syndication import FeedSpec
from .problems import Problem
from .reading import embeds
from .reading.collection import Weeknotes, source_digest
from .rendering.render import Renderer
from .text import theme_title


class Build(Protocol):
    """What the prints read of a build (see site.SiteBuild)."""

    @property
    def config(self) -> MkDocsConfig: ...
    @property
    def settings(self) -> WeeknotesConfig: ...
    @property
    def weeknotes(self) -> Weeknotes: ...
    @property
    def plan(self) -> Plan: ...
    @property
    def generated(self) -> Mapping[str, PageSpec]: ...
    @property
    def feeds(self) -> Sequence[FeedSpec]: ...
    @property
    def renderer(self) -> Renderer | None: ...
    @property
    def serve(self) -> bool: ...
    @property
    def markers(self) -> Mapping[str, embeds.Found]: ...
    def problems_of(self, path: str) -> list[Problem]: ...


def render_only_changed(
    build: Build,
    nav: Navigation,
    files: Files,
    before: Prints | None,
    written: Iterable[str] = (),
) -> Prints:
    """Under `serve --dirty`, which pages to render again: those whose output changed.

    MkDocs renders again only the files whose source is newer than their page,
    and every generated page, as its content is in memory. Each page's output
    is fingerprinted instead, from everything it shows (see `Prints`): a
    generated page whose print is the last build's is left as it is, and a
    note whose header, footer or problems changed is rendered though its
    source did not. When what every page shows changed (mkdocs.yml, the nav,
    the set of pages), every page is rendered. `before`: the last build's
    prints, None on the first build; `written`: the files our pages, feeds
    and stylesheet went to in the earlier builds, those this one no longer
    makes are removed. Returns this build's.
    """
    now = prints(build, nav, files)
    pages = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
    _remove_gone(build.config.site_dir, set(written) - now.outputs, files)
    if before is None or before.site != now.site:
        for file in pages:
            _render_again(file)
        return now
    in_nav = {page.file.src_uri for page in nav.pages}
    for file in pages:
        uri = file.src_uri
        if uri in build.markers:
            _render_again(file)  # its embedded listings may have changed
            continue
        spec = build.generated.get(uri)
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


def prints(build: Build, nav: Navigation, files: Files) -> Prints:
    """A fingerprint of each page's inputs: see `Prints`."""
    plan = build.plan
    site = hash(
        (
            _config_bytes(build.config),
            repr(sorted(build.settings.items())),
            build.config.site_url,
            build.config.use_directory_urls,
            build.config.theme.name,
            _templates(build.config.theme.dirs),
            _nav_print(nav.items),
            tuple(build.generated),
            tuple((f.page, f.path, f.title) for f in build.feeds),
            # Whom an `@handle` in any note links to.
            tuple((p.id, p.slug, p.aliases) for p in plan.people.values()),
        )
    )
    counts = {ident: len(notes) for ident, notes in plan.by_person.items()}
    theme_counts = {slug: len(notes) for slug, notes in plan.by_theme.items()}
    # Each person and theme printed once, with and without their count: pages
    # name them thousands of times.
    person_prints = {i: (hash((p, counts.get(i, 0))), hash((p, 0))) for i, p in plan.people.items()}
    theme_prints = {
        s: (hash((t, theme_counts.get(s, 0))), hash((t, 0))) for s, t in plan.themes.items()
    }
    unknown = (hash(None), hash(None))

    def people(idents: set[str], with_counts: bool = True) -> tuple[object, ...]:
        at = 0 if with_counts else 1
        return tuple((i, person_prints.get(i, unknown)[at]) for i in sorted(idents))

    def themes(slugs: set[str], with_counts: bool = True) -> tuple[object, ...]:
        at = 0 if with_counts else 1
        return tuple((s, theme_prints.get(s, unknown)[at]) for s in sorted(slugs))

    digests = build.weeknotes.digests
    # Each note hashed once: a note is listed on several pages. A note read on an
    # earlier build is the same object, with its hash made then.
    hashed = {note.src_uri: note.fingerprint for note in build.weeknotes.notes}
    slugs = {note.src_uri: tuple(t.slug for t in note.themes) for note in build.weeknotes.notes}
    # A note's translations, linked wherever it is shown: by their pages and languages.
    translated = {
        uri: tuple((n.src_uri, n.lang) for n in group) for uri, group in plan.translations.items()
    }

    # What a listing shows of each note: the note; its rollup entries, cut from
    # its HTML, so its source; its people's and themes' names and counts.
    shows = {
        note.src_uri: hash(
            (
                hashed[note.src_uri],
                digests.get(note.src_uri) if note.sections else None,
                tuple(person_prints.get(i, unknown)[0] for i in note.authors),
                tuple(theme_prints.get(s, unknown)[0] for s in slugs[note.src_uri]),
                translated.get(note.src_uri),
            )
        )
        for note in build.weeknotes.notes
    }

    def listing(spec: PageSpec) -> tuple[object, ...]:
        return (
            replace(spec, notes=(), weeks=()),
            tuple(shows[n.src_uri] for n in spec.notes),
            tuple((w.week, tuple(shows[n.src_uri] for n in w.notes)) for w in spec.weeks),
        )

    years = tuple((year, sum(len(g.notes) for g in gs)) for year, gs in plan.years.items())
    # The pictures (who wrote which week, a person's year, a theme's months) are
    # counted back from the newest note, over everyone's notes and names.
    pictures = hash(
        (
            tuple((n.src_uri, n.week, n.date, n.authors, slugs[n.src_uri]) for n in plan.notes),
            tuple((i, p.name) for i, p in sorted(plan.people.items())),
        )
    )

    def week(label: str) -> tuple[object, ...]:
        """Beyond its notes: who wrote nothing or was away, and which weeks it links."""
        team = plan.team.get(label)
        return (
            people({*team.missing, *team.away}) if team else None,
            (team.missing, team.away) if team else None,
            plan.weeks_around(label),
        )

    person_extra: dict[str, tuple[object, ...]] = {}
    pages: dict[str, int] = {}
    for uri, spec in build.generated.items():
        if spec.kind not in _PRINTED:
            continue  # a page without a print is rendered on every build
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
            extra = person_extra.get(spec.key)
            if extra is None:  # once for all the pages of someone's long listing
                written = plan.by_person.get(spec.key, ())
                extra = person_extra[spec.key] = (
                    tuple(hashed[n.src_uri] for n in plan.mentioned.get(spec.key, ())),
                    people({spec.key}),
                    themes(set().union(*(slugs[n.src_uri] for n in written))),
                    tuple(s for n in written for s in slugs[n.src_uri]),
                )
        elif spec.kind == "theme":
            extra = themes({spec.key})
        elif spec.kind in ("rollup", "rollup-year"):
            extra = tuple(plan.rollup_years.get(spec.rollup, {}).items())
        elif spec.kind == "week":
            extra = week(spec.key)
        pages[uri] = hash((listing(spec), extra, pictures if spec.kind in _PICTURED else None))
    # A note's header and footer show its people, themes and neighbours; the
    # package's own writers show no counts, a site's templates may.
    direct = build.renderer is None or (
        build.renderer.direct_parts["note-header"] and build.renderer.direct_parts["note-footer"]
    )
    show = build.settings.show_problems
    shows_problems = show == "always" or (show == "serve" and build.serve)
    notes: dict[str, int] = {}
    for note in build.weeknotes.notes:
        around = tuple(
            (ident, *((n.src_uri, n.title) if n else None for n in pair))
            for ident, pair in plan.neighbours.get(note.src_uri, {}).items()
        )
        notes[note.src_uri] = hash(
            (
                hashed[note.src_uri],
                # Its source: MkDocs renders a note again only when it is newer
                # than its page, and a copy that keeps an old time (`cp -p`,
                # `rsync -t`) is not; its rollup sections are cut from that render.
                digests.get(note.src_uri),
                translated.get(note.src_uri),
                around,
                people(set(note.authors), not direct),
                themes(set(slugs[note.src_uri]), not direct),
                tuple(build.problems_of(note.path)) if shows_problems else (),
            )
        )
    return Prints(site, pages, notes, _outputs(build, files), hashed=hashed)


def _outputs(build: Build, files: Files) -> frozenset[str]:
    """Every file this build writes of its own: its pages, feeds and stylesheet."""
    site_dir = build.config.site_dir
    outputs = {
        file.abs_dest_path
        for uri in build.generated
        if isinstance(file := files.get_file_from_path(uri), GeneratedPage)
    }
    outputs.update(os.path.join(site_dir, *feed.path.split("/")) for feed in build.feeds)
    stylesheet = files.get_file_from_path(STYLESHEET)
    if stylesheet is not None and stylesheet.generated_by is not None:
        outputs.add(stylesheet.abs_dest_path)
    return frozenset(outputs)


def feed_kept(build: Build, before: Prints | None, now: Prints, spec: FeedSpec, path: str) -> bool:
    """Whether the feed `spec`, written at `path`, shows what the last build's did:
    it is left as it is. Its print is kept in `now` for the next build."""
    print_ = now.feeds[spec.path] = _feed_print(build, now, spec)
    unchanged = before is not None and before.feeds.get(spec.path) == print_
    return unchanged and os.path.isfile(path)


def _feed_print(build: Build, now: Prints, spec: FeedSpec) -> int:
    """What a feed shows: its notes (all of a rollup's, whose sections it lists),
    their people's names, and their source when it shows their content."""
    notes = spec.notes if spec.rollup else spec.notes[: build.settings.feeds.length]
    content = bool(spec.rollup) or build.settings.feeds.content == "full"
    digests = build.weeknotes.digests
    people = build.plan.people
    return hash(
        (
            now.site,
            spec.path,
            spec.title,
            spec.page,
            spec.rollup,
            tuple(now.hashed.get(n.src_uri) for n in notes),
            tuple(digests.get(n.src_uri) for n in notes) if content else (),
            tuple(people.get(i) for n in notes for i in n.authors),
        )
    )


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
    problems; `outputs`: the files the build writes of its own (its pages,
    feeds and stylesheet); `feeds`: what each feed lists.
    """

    site: int
    pages: Mapping[str, int]
    notes: Mapping[str, int]
    outputs: frozenset[str]
    # Each feed's, by its path: made when the feeds are written, after the pages.
    feeds: dict[str, int] = field(default_factory=dict)
    # Each note's hash, made once for the pages' prints and the feeds'.
    hashed: Mapping[str, int] = field(default_factory=dict)


def _render_again(file: File) -> None:
    """A file with its content in memory counts as modified: MkDocs then renders
    and writes its page, as it does for a generated file."""
    if isinstance(file, GeneratedPage):
        file.unchanged = False
    else:
        file.content_bytes = file.content_bytes


def _remove_gone(site_dir: str, outputs: Iterable[str], files: Files) -> None:
    """The files of earlier builds that this one no longer makes: a `--dirty`
    build would leave them in the site, listing what is no longer so. A file
    of the site that now stands at such a path is left to MkDocs."""
    kept = {file.abs_dest_path for file in files}
    top = os.path.abspath(site_dir)
    for path in sorted(outputs):
        if path in kept:
            continue
        try:
            os.remove(path)
        except OSError:
            continue
        # And the folders that held only it, as a clean build has no such folder.
        folder = os.path.dirname(os.path.abspath(path))
        while folder.startswith(top + os.sep):
            try:
                os.rmdir(folder)
            except OSError:
                break
            folder = os.path.dirname(folder)


def _config_bytes(config: MkDocsConfig) -> bytes:
    path = config.config_file_path
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except (OSError, TypeError):
        return b""


def _templates(dirs: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """Each of a site's overrides of our templates, and a digest of its text: a
    copy that keeps an old modification time (`cp -p`) is a change all the same.
    They are few and small."""
    found = []
    for folder in dirs:
        for root, _, names in os.walk(os.path.join(folder, "weeknotes")):
            for name in names:
                path = os.path.join(root, name)
                try:
                    with open(path, "rb") as handle:
                        found.append((path, source_digest(handle.read())))
                except OSError:
                    found.append((path, ""))
    return tuple(sorted(found))


# The kinds of generated page whose every input `prints` knows.
_PRINTED = frozenset(
    {"latest", "year", "week", "themes", "theme", "people", "person", "rollup", "rollup-year"}
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
