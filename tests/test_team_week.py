"""The team's week: a page per week, the digest, and who has written."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.structure.files import File as MkDocsFile
from mkdocs.structure.files import Files

from mkdocs_weeknotes.planning.generated import Plan, plan_pages
from mkdocs_weeknotes.reading.authors import parse_authors
from mkdocs_weeknotes.reading.collection import Source, collect
from mkdocs_weeknotes.reading.sections import HtmlSection
from mkdocs_weeknotes.rendering.render import Renderer
from tests.conftest import SITES, copy_site, mkdocs_build, settings, weeknotes

SITE = SITES / "team-week"


def week_path(label: str) -> str:
    return f"weeknotes/weeks/{label}/index.html"


@pytest.mark.parametrize("directory_urls", [True, False])
def test_a_week_page_lists_the_week(tmp_path: Path, theme: str, directory_urls: bool) -> None:
    config = "mkdocs.yml" if directory_urls else "mkdocs-files.yml"
    build = mkdocs_build(SITE, tmp_path, theme=theme, config=config)
    assert build.exit_code == 0, build.output
    assert build.problem_lines() == []
    page = build.page(week_path("2026-W47"))
    # Titled by its first day, as every other page names a week; the ISO week,
    # its URL, beside its days.
    assert "<h1>Week commencing November 16, 2026</h1>" in page
    assert "Week 2026-W47" not in page
    assert '<span class="wn-iso-week">ISO week 2026-W47</span>' in page
    assert "Previous week: November 9, 2026" in page
    # Both notes, with people, summaries (escaped) and themes.
    assert "Tea &amp; &lt;biscuits&gt;" in page
    assert "Rob&#39;s &lt;summary&gt; &amp; more." in page
    assert "Amir &lt;Hussain&gt;" in page
    assert 'class="wn-theme-tag"' in page
    # The learning entry, its link still working from the week page.
    assert "Listening takes" in page
    # Liz wrote nothing; Kit has left and is not named.
    assert "No note this week from:" in page and "Liz Okafor" in page
    assert "Kit Jones" not in page
    if directory_urls:
        assert 'href="../../2026/2026-11-20-rob/"' in page
        assert 'href="../../2026/2026-11-13-rob/"' in page  # the entry's own link
        assert 'rel="prev" href="../2026-W46/"' in page
        assert 'class="wn-year-ago" href="../2025-W47/"' in page
    else:
        assert 'href="../../2026/2026-11-20-rob.html"' in page
        assert 'href="../../2026/2026-11-13-rob.html"' in page
        assert 'rel="prev" href="../2026-W46/index.html"' in page
        assert 'class="wn-year-ago" href="../2025-W47/index.html"' in page
    assert 'rel="next"' not in page
    assert "November 16, 2026 to November 22, 2026" in page


def test_year_ago_links_only_where_that_week_has_notes(tmp_path: Path) -> None:
    build = mkdocs_build(SITE, tmp_path)
    week46 = build.page(week_path("2026-W46"))
    assert "wn-year-ago" not in week46
    assert 'rel="prev" href="../2026-W45/"' in week46
    assert 'rel="next" href="../2026-W47/"' in week46
    # Away people are named as away, not as writing nothing.
    assert "Away:" in week46
    missing = week46.split("No note this week from:")[1].split("</p>")[0]
    assert "Amir" in missing and "Liz" not in missing
    last_year = build.page(week_path("2025-W47"))
    assert "Kit Jones" in last_year  # still on the team then
    assert "wn-year-ago" not in last_year


def test_latest_and_year_pages_link_each_week_to_its_page(tmp_path: Path) -> None:
    build = mkdocs_build(SITE, tmp_path)
    latest = build.page("weeknotes/index.html")
    assert '<h2><a href="weeks/2026-W47/">' in latest
    year = build.page("weeknotes/2026/index.html")
    assert '<h2><a href="../weeks/2026-W45/">' in year


class _Digest(HTMLParser):
    """Every tag of an HTML digest, with its attributes, and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_html_digest_has_inline_styles_absolute_links_and_escaping(tmp_path: Path) -> None:
    done = weeknotes("digest", "--week", "2026-W47", "--format", "html", cwd=SITE)
    assert done.returncode == 0, done.stderr
    parsed = _Digest()
    parsed.feed(done.stdout)
    names = {tag for tag, _ in parsed.tags}
    assert not names & {"style", "script", "link"}
    assert all("class" not in attrs for _, attrs in parsed.tags)
    assert all(attrs.get("style") for tag, attrs in parsed.tags if tag in ("div", "h1", "a"))
    links = [attrs["href"] for tag, attrs in parsed.tags if tag == "a"]
    assert links == [
        "https://example.org/team/weeknotes/2026/2026-11-20-amir/",
        "https://example.org/team/weeknotes/2026/2026-11-20-rob/",
        "https://example.org/team/weeknotes/weeks/2026-W47/",
    ]
    text = "".join(parsed.text)
    assert "Tea & <biscuits>" in text and "Rob's <summary> & more." in text
    assert "<biscuits>" not in done.stdout
    assert "site_url" not in done.stderr


def test_the_markdown_and_text_digests(tmp_path: Path) -> None:
    # The default week is the last complete one.
    markdown = weeknotes("digest", "--today", "2026-11-24", cwd=SITE)
    assert markdown.returncode == 0, markdown.stderr
    assert markdown.stdout.startswith("# Team week site: the week 2026-W47\n")
    assert (
        "[Shipping](<https://example.org/team/weeknotes/2026/2026-11-20-amir/>)" in markdown.stdout
    )
    assert "[Tea & &lt;biscuits>](<" in markdown.stdout
    text = weeknotes("digest", "--week", "2026-11-18", "--format", "text", cwd=SITE)
    assert "* Tea & <biscuits> (by Rob Miller)" in text.stdout
    assert "  https://example.org/team/weeknotes/2026/2026-11-20-rob/" in text.stdout
    out = tmp_path / "digest.html"
    written = weeknotes(
        "digest", "--week", "2026-W47", "--format", "html", "-o", str(out), cwd=SITE
    )
    assert written.returncode == 0 and written.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("<div style=")


def test_without_site_url_the_digest_says_its_links_are_from_the_root(tmp_path: Path) -> None:
    site = copy_site("team-week", tmp_path)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_url: https://example.org/team/\n", ""))
    done = weeknotes("digest", "--week", "2026-W47", "--format", "text", cwd=site)
    assert done.returncode == 0
    assert "site_url" in done.stderr
    assert "  weeknotes/2026/2026-11-20-rob/" in done.stdout


def test_a_feed_of_weekly_digests(tmp_path: Path) -> None:
    build = mkdocs_build(SITE, tmp_path)
    feed = build.page("weeknotes/weeks/feed.xml")
    assert "<title>Team week site: weekly digests</title>" in feed
    assert feed.count("<entry>") == 4
    assert "<id>https://example.org/team/weeknotes/weeks/2026-W47/</id>" in feed


def test_status_exit_codes_and_json(tmp_path: Path) -> None:
    missing = weeknotes("status", "--week", "2026-W47", "--format", "json", cwd=SITE)
    assert missing.returncode == 1, missing.stderr
    data = json.loads(missing.stdout)
    assert data["week"] == "2026-W47"
    assert data["start"] == "2026-11-16" and data["end"] == "2026-11-22"
    assert [p["id"] for p in data["written"]] == ["amir", "rob"]
    assert data["written"][1]["notes"] == ["docs/weeknotes/2026/2026-11-20-rob.md"]
    assert data["missing"] == [{"id": "liz", "name": "Liz Okafor"}]
    assert data["away"] == []
    away = weeknotes("status", "--week", "2026-11-12", "--format", "json", cwd=SITE)
    assert json.loads(away.stdout)["away"] == [{"id": "liz", "name": "Liz Okafor"}]
    github = weeknotes("status", "--week", "2026-W47", "--format", "github", cwd=SITE)
    assert github.stdout == (
        "::warning title=ISO week 2026-W47::No note this week from: Liz Okafor\n"
    )
    for wrong in (["--week", "2026-W60"], ["--format", "yaml"], ["-f", "nowhere.yml"]):
        done = weeknotes("status", *wrong, cwd=SITE)
        assert done.returncode == 2, (wrong, done.stdout)
        assert "Traceback" not in done.stderr


def test_status_is_0_when_everyone_has_written(tmp_path: Path) -> None:
    site = copy_site("team-week", tmp_path)
    (site / "docs/weeknotes/2026/2026-11-19-liz.md").write_text(
        "---\ndate: 2026-11-19\nauthors: [liz]\n---\nDone.\n"
    )
    done = weeknotes("status", "--today", "2026-11-20", cwd=site)
    assert done.returncode == 0, done.stdout
    assert "Not yet: -" in done.stdout
    github = weeknotes("status", "--today", "2026-11-20", "--format", "github", cwd=site)
    assert github.returncode == 0
    assert github.stdout == "::notice title=ISO week 2026-W47::Everyone has written this week\n"


def _refused(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("weeknotes: ") and all(w in done.stderr for w in words)


def test_today_and_week_at_the_ends_of_the_calendar(tmp_path: Path) -> None:
    # Monday weeks: 9999-12-31 is a Friday, whose week would end in the year 10000.
    _refused(weeknotes("status", "--today", "9999-12-31", cwd=SITE), "--today", "after")
    _refused(weeknotes("status", "--week", "9999-W52", cwd=SITE), "--week", "after")
    _refused(weeknotes("digest", "--today", "0001-01-01", cwd=SITE), "--today", "--week")
    # The week before a cut-off one is whole; and --week makes --today's week moot.
    last = weeknotes("digest", "--today", "9999-12-31", "--format", "text", cwd=SITE)
    assert last.returncode == 0 and "December 20, 9999" in last.stdout, last.stderr
    named = weeknotes("digest", "--today", "0001-01-01", "--week", "2026-W47", cwd=SITE)
    assert named.returncode == 0 and "2026-W47" in named.stdout, named.stderr
    # Sunday weeks: 0001-01-01 is a Monday, whose week would start in the year 0.
    site = copy_site("team-week", tmp_path)
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  - weeknotes\n", "  - weeknotes:\n      week_start: sunday\n")
    )
    _refused(weeknotes("status", "--today", "0001-01-01", cwd=site), "--today", "before")
    _refused(weeknotes("status", "--week", "0001-W01", cwd=site), "--week", "before")


# A team and notes for comparing the direct week listing with week.html: escaping,
# drafts, summaries, themes, several people or none, someone away, someone without
# a page (Amir), a note not in the build (gone), and the weeks around each week.
WEEK_AUTHORS = (
    b"authors:\n"
    b"  rob: {name: Rob <b>, avatar: img/rob.png}\n"
    b"  liz: {name: Liz & Co, avatar: 'https://example.org/liz.png?a=1&b=2'}\n"
    b"  amir: {name: Amir}\n"
    b"  kit: {name: \"Kit 'K'\", away: [2019-W28]}\n"
    b"  zoe: {name: Zoe}\n"
)
WEEK_NOTES = {
    "weeknotes/2018/old.md": "date: 2018-07-13\nauthors: [rob]\ntitle: A year before",
    "weeknotes/2019/a.md": "date: 2019-07-01\nauthors: [rob, liz]\ndraft: true\ntitle: A & B",
    "weeknotes/2019/b.md": (
        "date: 2019-07-08\nauthors: [amir]\ntitle: B\nsummary: Said <i>\n"
        "themes: [Fish & chips, research]"
    ),
    "weeknotes/2019/gone.md": "date: 2019-07-09\nauthors: [liz]\ntitle: Gone",
    "weeknotes/2019/c.md": "date: 2019-07-10\nauthors: []\ntitle: C",
    "weeknotes/2019/d.md": (
        "date: 2019-07-11\nauthors: [rob, liz, amir]\ntitle: D <\"'>\nsummary: Us\n"
        "themes: [research]"
    ),
    "weeknotes/2019/e.md": "date: 2019-07-19\nauthors: [zoe]\ntitle: E",
}


def week_renderers(
    tmp_path: Path, directory_urls: bool, theme: str, locale: str
) -> tuple[list[Renderer], Plan, Files]:
    """The same week pages three ways: written directly; direct with the entries
    from their templates (a site overrides the rollup page); all from templates."""
    options = settings(locale=locale, rollups={"reading": {"title": "Read <&>", "headings": ["R"]}})
    authors = parse_authors(WEEK_AUTHORS, "docs/weeknotes/.authors.yml")
    # C has no words, so no summary either.
    sources = [
        Source(uri, f"docs/{uri}", f"---\n{fm}\n---\n{'' if 'c.md' in uri else 'Body.'}\n".encode())
        for uri, fm in WEEK_NOTES.items()
    ]
    plan = plan_pages(collect(sources, options, authors), options, include_drafts=True)
    uris = [uri for uri in WEEK_NOTES if "gone" not in uri]
    # Amir has no page, nor has 2018 its year page.
    uris += [spec.src_uri for spec in plan.pages if spec.key not in ("amir", "2018")]
    files = Files(
        [MkDocsFile(uri, "/docs", "/site", use_directory_urls=directory_urls) for uri in uris]
    )
    package = Path(__file__).parents[1] / "mkdocs_weeknotes" / "templates" / "weeknotes"
    renderers = []
    for folder, names in (
        (None, []),
        (tmp_path / "rollup", ["rollup.html"]),
        (tmp_path / "all", ["week.html", "partials/entry-list.html", "partials/entry.html"]),
    ):
        for name in names:
            assert folder is not None
            (folder / "weeknotes" / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(package / name, folder / "weeknotes" / name)
        dirs = [str(folder)] if folder else []
        renderers.append(Renderer(plan, files, options, dirs, theme, locale))
    return renderers, plan, files


@pytest.mark.parametrize("locale", ["en", "cy"])
@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_direct_week_pages_match_their_template_for_every_branch(
    tmp_path: Path, theme: str, directory_urls: bool, locale: str
) -> None:
    renderers, plan, files = week_renderers(tmp_path, directory_urls, theme, locale)
    direct, mixed, templated = renderers
    assert direct.direct_parts["week"] and direct.direct_parts["partials/entry"]
    assert mixed.direct_parts["week"] and not mixed.direct_parts["partials/entry"]
    assert not templated.direct_parts["week"]
    html = '<p id="x"><a href="../b/#y">b</a> <a href="#x">up</a> <img src="../c.png"></p>'
    sections = [
        HtmlSection("learning", "Something", "something", html, {}),
        HtmlSection("learning", "Again", "", "<p>Two</p>", {}),
        HtmlSection("reading", "Read", "read", "<p>Read & <b>this</b></p>", {}),
    ]
    weeks = [spec for spec in plan.pages if spec.kind == "week"]
    assert [spec.key for spec in weeks] == ["2019-W29", "2019-W28", "2019-W27", "2018-W28"]
    pages: list[list[str]] = [[], [], []]
    for renderer, out in zip(renderers, pages, strict=True):
        for note in plan.notes:
            if note.title != "C":  # a week with entries of one rollup only
                own = sections if note.title != "E" else sections[2:]
                renderer.sections[note.src_uri] = (f"{note.src_uri.removesuffix('.md')}/", own)
        for number, spec in enumerate(weeks):
            if number % 2:
                renderer.feeds[spec.src_uri] = "weeknotes/weeks/feed.xml"
            here = files.get_file_from_path(spec.src_uri)
            assert here is not None
            out.extend(renderer.page(spec, here, has_h1, "") for has_h1 in (False, True))
    assert pages[0] == pages[2]
    assert pages[1] == pages[2]
    both = "".join(pages[0])
    for expected in (
        "wn-draft",
        "wn-badge",
        "wn-summary",
        "Said &lt;i&gt;",
        "</time></span></li>",  # C: nobody, no summary, no themes
        "Fish &amp; chips",
        "D &lt;&#34;&#39;&gt;",
        "Rob &lt;b&gt;",
        "Liz &amp; Co",
        'href="">Amir',
        "Kit &#39;K&#39;",
        "Read &lt;&amp;&gt;",
        "wn-entry",
        "wn-feed",
        "wn-year-ago",
        'rel="prev"',
        'rel="next"',
        "wn-missing",
        "wn-away",
        "<h1>",
    ):
        assert expected in both, expected
    for page in pages[0][-2:]:  # 2018: no year page to link to, nothing before it
        assert "wn-year-ago" not in page and 'rel="prev"' not in page and "#wn-2018" not in page


def test_a_site_overriding_the_week_page_gets_its_own(tmp_path: Path) -> None:
    _, plan, files = week_renderers(tmp_path, True, "mkdocs", "en")
    own = tmp_path / "own" / "weeknotes" / "week.html"
    own.parent.mkdir(parents=True)
    own.write_text("Our week: {{ title }} {{ notes|length }} {{ previous.label }} ({{ week.iso }})")
    options = settings()
    renderer = Renderer(plan, files, options, [str(own.parents[1])], "mkdocs", "en")
    assert not renderer.direct_parts["week"] and renderer.direct_parts["partials/entry"]
    spec = next(spec for spec in plan.pages if spec.key == "2019-W28")
    here = files.get_file_from_path(spec.src_uri)
    assert here is not None
    assert renderer.page(spec, here, False) == (
        "Our week: Week commencing July 8, 2019 4 July 1, 2019 (2019-W28)"
    )
