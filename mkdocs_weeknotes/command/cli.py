"""The `weeknotes` command: start a note, check every note, print the schema.

It reads the site's mkdocs.yml with MkDocs' own loader, so settings mean what
they mean in a build, and checks notes with the same code the plugin runs.
"""

from __future__ import annotations

import datetime
import gc
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar
from urllib.parse import urljoin

import click
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import File, get_files

from ..config import WeeknotesConfig
from ..model import Note
from ..outputs.digest import FORMATS, make_digest, week_group
from ..outputs.digest import write as write_digest
from ..outputs.writing import WriteError, inside, write_file, write_output
from ..planning.sitefiles import list_files
from ..problems import WARN, Problem, escape_controls, reported
from ..reading.frontmatter import read as read_front_matter
from ..reading.sections import has_words
from ..reading.site_notes import collect_site, path_display
from ..site import SiteBuild
from ..weeks import find_week, outside_calendar, week_before, week_of, whole_weeks
from .checkcache import FILE_NAME as CACHE_FILE
from .checkcache import (
    StoredCache,
    cache_folder,
    load_result,
    result_key,
    save_result,
)

# What only one command needs is imported in that command: a pre-commit hook
# starts the command for every commit, and `check` waits for every import.

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


class Site:
    """A loaded mkdocs.yml and the plugin's settings in it."""

    def __init__(self, config: MkDocsConfig, settings: WeeknotesConfig) -> None:
        self.config = config
        self.settings = settings

    @property
    def root(self) -> Path:
        return Path(self.config.config_file_path or ".").resolve().parent


def find_config(start: Path) -> Path | None:
    """The nearest mkdocs.yml in `start` or a folder above it."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
    return None


def fail(message: str, status: int = 2) -> NoReturn:
    click.echo(f"weeknotes: {message}", err=True)
    sys.exit(status)


def load_site(config_file: str | None) -> Site:
    path = Path(config_file) if config_file else find_config(Path.cwd())
    if path is None:
        fail("no mkdocs.yml here or in any folder above; name one with -f")
    if not path.is_file():
        fail(f"no such file: {path}")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    handler.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        config = load_config(config_file=str(path))
    except MkDocsException as err:
        fail(f"{path}: {err}")
    plugin = config.plugins.get("weeknotes")
    if plugin is None:
        fail(f"{path} does not use the weeknotes plugin; add '- weeknotes' under 'plugins'")
    return Site(config, plugin.config)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mkdocs-weeknotes")
def main() -> None:
    """Start, check and describe the weeknotes of an MkDocs site."""


config_option = click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False),
    help="The site's mkdocs.yml (default: the nearest one, here or above).",
)


_Command = TypeVar("_Command", bound=Callable[..., Any])


def format_option(choices: list[str], default: str, what: str) -> Callable[[_Command], _Command]:
    """The `--format` option of a command, read into its `style` parameter."""
    return click.option(
        "--format",
        "style",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help=what,
    )


@main.command()
@config_option
@format_option(["text", "github", "json"], "text", "How to print problems.")
@click.option(
    "--no-cache",
    "no_cache",
    is_flag=True,
    help="Read every note, and neither read nor write the cache of notes already read.",
)
def check(config_file: str | None, style: str, no_cache: bool) -> None:
    """Check every note without building the site.

    What reading each note gave is kept in the user's cache folder, so the next
    check reads again only the notes that changed.

    Exit status: 0 when there are no problems, 1 when there are, 2 for bad usage
    or settings. Problems whose code the `validation` setting sets to `info` are
    printed but do not make the status 1; those set to `ignore` are not printed.
    """
    site = load_site(config_file)
    shown = reported(site_problems(site, cache=not no_cache), site.settings.validation)
    if style == "json":
        click.echo(safe_json([problem_dict(p, level) for level, p in shown]))
    elif style == "github":
        for level, problem in shown:
            click.echo(github_annotation(problem, site.root, level))
    else:
        for _level, problem in shown:
            click.echo(problem.format())
    if style == "text":
        click.echo(f"weeknotes: {summary(shown)}", err=True)
    sys.exit(1 if any(level == WARN for level, _ in shown) else 0)


def summary(shown: Sequence[tuple[str, Problem]]) -> str:
    """`no problems`, `2 problems`, `1 problem, 3 at info level`, `3 problems at info
    level`, for the problems reported and their levels."""
    warnings = sum(level == WARN for level, _ in shown)
    infos = len(shown) - warnings

    def counted(count: int) -> str:
        return f"{count} problem{'s' if count > 1 else ''}"

    if not infos:
        return counted(warnings) if warnings else "no problems"
    at_info = f"{infos} at info level" if warnings else f"{counted(infos)} at info level"
    return f"{counted(warnings)}, {at_info}" if warnings else at_info


def site_problems(site: Site, cache: bool = False) -> list[Problem]:
    """Every problem a build would report, without rendering a page."""
    # The check makes a few hundred thousand small objects (notes, their themes,
    # the pages planned), freed by their counts: the cyclic collector only walks
    # them again and again, a third of a warm check's time on a big archive.
    collecting = gc.isenabled()
    gc.disable()
    try:
        folder = None
        if cache and site.config.config_file_path:
            folder = cache_folder(site.config.config_file_path)
            # Never where MkDocs would copy it into the site.
            if inside(folder, site.config.docs_dir):
                folder = None
        # The files as a build lists them, listed faster (see planning/sitefiles.py).
        files = list_files(site.config)
        if folder is None:
            return SiteBuild.check(files, site.config, site.settings).problems
        key = result_key(site.config, site.settings, files)
        if key is not None and (kept := load_result(folder, key)) is not None:
            return kept  # nothing it depends on changed since the last check
        stored = StoredCache(folder / CACHE_FILE)
        problems = SiteBuild.check(files, site.config, site.settings, cache=stored).problems
        stored.save()
        if key is not None:
            save_result(folder, key, problems)
        return problems
    finally:
        if collecting:
            gc.enable()


# JSON escapes C0 controls itself; C1 controls and the line separators it writes
# as they are, and a terminal may act on them. Escaped, the text is the same.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def safe_json(data: object) -> str:
    """`data` as JSON that keeps text as it is but prints no control character."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def problem_dict(problem: Problem, level: str = WARN) -> dict[str, Any]:
    return {
        "path": problem.path,
        "line": problem.line,
        "code": problem.code,
        "message": problem.message,
        "hint": problem.hint,
        "level": level,
    }


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem, root: Path, level: str = WARN) -> str:
    """A GitHub Actions workflow command, `::error` or, at info level, `::notice`;
    the file is named from the current folder, where a workflow runs, rather than
    from mkdocs.yml's folder."""
    path = os.path.relpath(root / problem.path, Path.cwd()).replace(os.sep, "/")
    message = f"{problem.message} ({problem.hint})" if problem.hint else problem.message
    return (
        f"::{'error' if level == WARN else 'notice'} file={_escape_property(path)},"
        f"line={problem.line},"
        f"title={_escape_property(problem.code)}::{_escape_data(message)}"
    )


@main.command()
@config_option
@click.option("--author", "authors", multiple=True, help="Author id (repeat for several).")
@click.option("--date", "date_text", help="The note's date, YYYY-MM-DD (default: today).")
@click.option("--title", help="The note's title.")
@click.option("--theme", "themes", multiple=True, help="A theme (repeat for several).")
@click.option("--summary", help="One sentence for index pages and feeds.")
def new(
    config_file: str | None,
    authors: tuple[str, ...],
    date_text: str | None,
    title: str | None,
    themes: tuple[str, ...],
    summary: str | None,
) -> None:
    """Write this week's note from the site's template, and print its path."""
    from ..reading.notedates import impossible_date_hint
    from .newnote import NewNoteError, new_note

    site = load_site(config_file)
    try:
        day = datetime.date.fromisoformat(date_text) if date_text else datetime.date.today()
    except ValueError:
        parts = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", date_text or "")
        if parts:  # the right form, but no such day
            hint = impossible_date_hint(*map(int, parts.groups()))
            fail(f"--date {date_text!r} is not a real date: {hint}")
        fail(f"--date {date_text!r} is not a date; write it as YYYY-MM-DD")
    weeknotes = collect_site(get_files(site.config), site.config, site.settings)
    try:
        path = new_note(
            site.config, site.settings, weeknotes, list(authors), day, title, list(themes), summary
        )
    except NewNoteError as err:
        fail(str(err), err.status)
    click.echo(os.path.relpath(path, Path.cwd()).replace(os.sep, "/"))


output_option = click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write to this file."
)
force_option = click.option(
    "--force",
    is_flag=True,
    help="Replace the -o file if it exists (never a file of the site's sources).",
)


def write_out(site: Site, output: str, text: str, force: bool) -> None:
    """Write a command's output to the file `-o` names, never over the site's sources:
    the docs folder's files, mkdocs.yml, the authors file or the new-note template."""
    root = site.root
    sources = [(Path(site.config.config_file_path or root / "mkdocs.yml"), "the site's mkdocs.yml")]
    sources.append(
        (Path(site.config.docs_dir, *site.settings.authors_path.split("/")), "the authors file")
    )
    if site.settings.new_note_template:
        sources.append((root / site.settings.new_note_template, "the new-note template"))
    try:
        write_output(
            Path(output),
            text.encode("utf-8"),
            force=force,
            docs_dir=Path(site.config.docs_dir),
            sources=sources,
        )
    except WriteError as err:
        fail(f"nothing was written: {err}")


@main.command()
@config_option
@output_option
@force_option
def schema(config_file: str | None, output: str | None, force: bool) -> None:
    """Print a JSON Schema of this site's front matter, for editors.

    With -o, write it to a file instead: never over a file of the site's
    sources, and over another file only with --force.
    """
    from .schema import front_matter_schema

    site = load_site(config_file)
    weeknotes = collect_site(get_files(site.config), site.config, site.settings)
    text = json.dumps(front_matter_schema(site.settings, weeknotes), indent=2, ensure_ascii=False)
    if output:
        write_out(site, output, text + "\n", force)
    else:
        click.echo(text)


@main.command()
@config_option
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False),
    help="The folder to write the pages into.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace files already there (never the docs folder's own files).",
)
def export(config_file: str | None, out: str, force: bool) -> None:
    """Write the index and rollup pages as plain Markdown, for another site generator.

    Pages land at the same paths they have in the site (for example
    weeknotes/themes/data/index.md), with relative links to the notes' files.
    Nothing is written if a page would replace a file (unless --force), a file
    of the docs folder (even then), or go through a symbolic link.

    Exit status: 0 when every page was written, 1 when files are in the way,
    2 for bad usage or a folder that cannot be written.
    """
    from ..outputs.export import export as export_pages

    site = load_site(config_file)
    build = SiteBuild.check(get_files(site.config), site.config, site.settings, keep_text=True)
    try:
        written = export_pages(
            build.weeknotes,
            build.plan,
            site.settings,
            Path(out),
            force=force,
            docs_dir=Path(site.config.docs_dir),
        )
    except WriteError as err:
        fail(str(err), err.status)
    click.echo(f"weeknotes: wrote {len(written)} pages to {out}", err=True)


@main.command()
@config_option
@click.option("--write", is_flag=True, help="Write the site's authors file (never over one).")
def people(config_file: str | None, write: bool) -> None:
    """Propose an authors file from the names the notes use, to review.

    Spellings that are probably one person (Simon R Jones and Simon Jones, Soph
    and Sophie, a typo) are grouped: the commonest is the name, the others
    aliases. Prints the file; with --write, writes it where the settings look
    for it, unless a file is there already.

    Exit status: 0 when printed or written, 1 when nothing is written (the file
    exists, or no note names anyone), 2 for bad usage or settings.
    """
    from .people import authors_file, note_names, propose

    site = load_site(config_file)
    weeknotes = collect_site(get_files(site.config), site.config, site.settings, keep_text=True)
    separators = site.settings.author_separators
    names = [note_names(weeknotes.front_matter[n.src_uri], separators) for n in weeknotes.notes]
    text = authors_file(propose(names), len(names))
    if not write:
        click.echo(text, nl=False)
        return
    path = Path(site.config.docs_dir) / site.settings.authors_path
    if not any(names):
        # A team that writes as a team has nobody to list: an empty file would
        # only turn every note's missing author into an unknown one.
        fail(f"no note names anyone, so there is nobody to write to {path.name}", 1)
    try:
        write_file(path, text.encode("utf-8"))
    except WriteError as err:
        fail(str(err), err.status)
    shown = os.path.relpath(path, Path.cwd()).replace(os.sep, "/")
    click.echo(f"weeknotes: wrote {shown}; review it before the next build", err=True)


@main.command()
@config_option
@click.option(
    "--min",
    "minimum",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="List a heading when at least this many notes have it.",
)
def sections(config_file: str | None, minimum: int) -> None:
    """List the headings notes have in common, grouped with their other spellings,
    and print settings that collect each group as a rollup."""
    from ..reading.sections import headings
    from .recurring import recurring, report, settings_block

    site = load_site(config_file)
    weeknotes = SiteBuild.check(
        get_files(site.config), site.config, site.settings, keep_text=True
    ).weeknotes
    found = [
        headings(weeknotes.front_matter[note.src_uri].body)
        for note in weeknotes.notes
        if note.src_uri in weeknotes.front_matter
    ]
    groups = recurring(found, site.settings.rollup_list, minimum)
    click.echo(report(groups, len(found), minimum))
    if groups:
        click.echo(
            "\nSettings for mkdocs.yml that collect each of them (keep the ones you want):\n"
        )
        click.echo(settings_block(groups, site.settings), nl=False)


@main.command()
@config_option
@click.option(
    "--permalink",
    default="date",
    show_default=True,
    help="The old site's permalink: a Jekyll style (date, pretty, ordinal, weekdate, none) "
    "or a pattern such as /:categories/:year/:month/:day/:title.html.",
)
def redirects(config_file: str | None, permalink: str) -> None:
    """Print mkdocs-redirects settings that send each note's old Jekyll address to
    its page: the address Jekyll made from the permalink, the note's date, file
    name, categories, and its own `permalink` or `slug` if it has one.

    Exit status: 0 when printed, 2 for bad usage or settings.
    """
    from ..outputs.permalinks import PermalinkError, post_of, redirect_maps, redirects_block

    site = load_site(config_file)
    weeknotes = collect_site(get_files(site.config), site.config, site.settings, keep_text=True)
    # A draft has no page to redirect to, and a note without a date no address.
    posts = [
        post_of(note.src_uri, note.date, weeknotes.front_matter[note.src_uri].values())
        for note in weeknotes.notes
        if note.date is not None and not note.draft
    ]
    try:
        maps, clashes = redirect_maps(
            posts, permalink, use_directory_urls=site.config.use_directory_urls
        )
    except PermalinkError as err:
        fail(str(err))
    click.echo(redirects_block(maps, clashes), nl=False)


# --- the team's week: digest and status -------------------------------------------------

week_option = click.option(
    "--week",
    "week_text",
    metavar="WEEK",
    help="An ISO week such as 2026-W47, or any date in the week (YYYY-MM-DD).",
)
# Hidden: the day the command takes as today, so that tests and examples agree.
today_option = click.option("--today", "today_text", hidden=True)


def _today(today_text: str | None) -> datetime.date:
    if not today_text:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(today_text)
    except ValueError:
        fail(f"--today {today_text!r} is not a date; write it as YYYY-MM-DD")


def _this_week(site: Site, today: datetime.date, option: str) -> datetime.date:
    """The team week holding `today`, which `option` set; a clean failure at the
    ends of the calendar, where a week can be cut off."""
    start = site.settings.week_start_index
    outside = outside_calendar(today, start)
    if outside is not None:
        fail(f"{option} {today.isoformat()!r}: {outside[0]}; {outside[1]}")
    return week_of(today, start)


def _week(site: Site, week_text: str | None, default: Callable[[], datetime.date]) -> datetime.date:
    if not week_text:
        return default()
    week = find_week(week_text, site.settings.week_start_index)
    if week is None:
        fail(f"--week {week_text!r} is not a week; write an ISO week such as 2026-W47, or a date")
    if isinstance(week, tuple):
        fail(f"--week {week_text!r}: {week[0]}; {week[1]}")
    return week


def _url_maker(site: Site) -> Callable[[str | None], str]:
    """A page's link from its src_uri: absolute under site_url, else from the site's root."""
    config = site.config
    base = config.site_url or ""
    if base and not base.endswith("/"):
        base += "/"

    def url_of(src_uri: str | None) -> str:
        if not src_uri:
            return ""
        file = File(src_uri, None, config.site_dir, config.use_directory_urls)
        return urljoin(base, file.url) if base else file.url

    return url_of


def report_problems(site: Site, build: SiteBuild) -> None:
    """Print on stderr the problems `weeknotes check` finds, as it prints them: what
    follows trusts only what passed the checks, and should not hide why."""
    shown = reported(build.problems, site.settings.validation)
    for _level, problem in shown:
        click.echo(problem.format(), err=True)
    if shown:
        click.echo(f"weeknotes: {summary(shown)}", err=True)


def authors_unusable(site: Site, build: SiteBuild) -> bool:
    """Whether the site has an authors file (there, or named in the settings) that
    gives nobody: unreadable, not YAML, the wrong shape, or missing."""
    if build.weeknotes.has_authors_file:
        return False
    where = path_display(site.config)(site.settings.authors_path)
    return any(problem.path == where for problem in build.problems)


def started_notes(site: Site, notes: Iterable[Note]) -> set[str]:
    """The src_uri of each note that says nothing yet: headings only, as
    `weeknotes new` starts one. Only these few files are read again."""
    found = set()
    for note in notes:
        path = Path(site.config.docs_dir, *note.src_uri.split("/"))
        try:
            body = read_front_matter(path.read_bytes(), note.path).body
        except OSError:
            continue  # gone since: it was read as written
        if not has_words(body):
            found.add(note.src_uri)
    return found


@main.command()
@config_option
@week_option
@today_option
@format_option(
    list(FORMATS),
    "markdown",
    "Markdown for a chat, HTML (inline styles) or plain text for an email.",
)
@output_option
@force_option
def digest(
    config_file: str | None,
    week_text: str | None,
    today_text: str | None,
    style: str,
    output: str | None,
    force: bool,
) -> None:
    """Print one week's digest, to paste into an email or a chat.

    The week is the last complete one unless --week names another. Links are
    absolute when mkdocs.yml sets site_url.
    """

    site = load_site(config_file)
    today = _today(today_text)

    def last_complete() -> datetime.date:
        start = site.settings.week_start_index
        # Only the week before today's must be whole: today's may run past 9999.
        before = (
            None if today < whole_weeks(start)[0] else week_before(week_of(today, start), start)
        )
        if before is None:
            fail(
                f"--today {today.isoformat()!r}: no whole week comes before it in the"
                " calendar; name one with --week"
            )
        return before

    week = _week(site, week_text, last_complete)
    build = SiteBuild.check(get_files(site.config), site.config, site.settings)
    report_problems(site, build)
    if not site.config.site_url:
        click.echo(
            "weeknotes: mkdocs.yml sets no site_url, so links start at the site's root;"
            " set it for links that work from an email",
            err=True,
        )
    made = make_digest(
        build.plan,
        week_group(build.plan, week),
        site.settings.catalogue,
        site.config.site_name,
        _url_maker(site),
        site.settings.shown_date,
    )
    text = write_digest(made, style)
    if output:
        write_out(site, output, text, force)
    else:
        click.echo(text, nl=False)


@main.command()
@config_option
@week_option
@today_option
@format_option(["text", "json", "github"], "text", "How to print who has written.")
def status(
    config_file: str | None, week_text: str | None, today_text: str | None, style: str
) -> None:
    """Who on the team has written this week, who hasn't, and who is away.

    Exit status: 0 when everyone has written, 1 when someone hasn't, 2 for bad
    usage or settings.
    """
    from ..planning.team import recent_writers, team_week

    site = load_site(config_file)
    today = _today(today_text)
    week = _week(site, week_text, lambda: _this_week(site, today, "--today"))
    build = SiteBuild.check(get_files(site.config), site.config, site.settings)
    report_problems(site, build)
    if authors_unusable(site, build):
        fail("the authors file has problems, so who is on the team is not known; fix them first")
    people = build.plan.people
    group = week_group(build.plan, week)
    started = started_notes(site, (n for n in group.notes if not n.draft))
    # A note with headings only is not written yet: its people count as not yet.
    written_notes = [n for n in group.notes if n.src_uri not in started]
    if build.weeknotes.has_authors_file:
        team = team_week(week, written_notes, people, None)
    else:
        team = team_week(week, written_notes, people, recent_writers(build.plan.notes, week))
    starters = {
        ident: [n.path for n in group.notes if n.src_uri in started and ident in n.authors]
        for ident in team.missing
    }
    starters = {ident: paths for ident, paths in starters.items() if paths}

    def name(ident: str) -> str:
        return people[ident].name if ident in people else ident

    words = site.settings.catalogue

    def shown(ident: str) -> str:
        if ident in starters:
            return words.format("status_started", person=name(ident))
        return name(ident)

    if style == "json":
        data = {
            "week": team.label,
            "start": team.week.isoformat(),
            "end": team.last.isoformat(),
            "team_from": "authors file" if build.weeknotes.has_authors_file else "recent notes",
            "written": [
                {
                    "id": ident,
                    "name": name(ident),
                    "notes": [n.path for n in written_notes if ident in n.authors and not n.draft],
                }
                for ident in team.written
            ],
            "missing": [{"id": ident, "name": name(ident)} for ident in team.missing],
            "started": [
                {"id": ident, "name": name(ident), "notes": paths}
                for ident, paths in starters.items()
            ],
            "away": [{"id": ident, "name": name(ident)} for ident in team.away],
        }
        click.echo(safe_json(data))
    elif style == "github":
        title = _escape_property(escape_controls(words.format("iso_week", week=team.label)))
        if team.missing:
            names = escape_controls(", ".join(shown(i) for i in team.missing))
            message = _escape_data(f"{words.wrote_nothing} {names}")
            click.echo(f"::warning title={title}::{message}")
        else:
            message = _escape_data(escape_controls(words.status_everyone))
            click.echo(f"::notice title={title}::{message}")
    else:
        week_range = words.format("week_range", start=team.week, end=team.last)
        lines = [f"{words.format('iso_week', week=team.label)} ({week_range})"]
        for what, ids in (
            (words.status_written, team.written),
            (words.status_not_yet, team.missing),
            (words.away, team.away),
        ):
            lines.append(f"{what} {', '.join(shown(i) for i in ids) if ids else '-'}")
        # Names and titles come from the notes: never a control character to the terminal.
        click.echo("\n".join(escape_controls(line) for line in lines))
    sys.exit(1 if team.missing else 0)
