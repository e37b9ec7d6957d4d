"""The generated index pages of a fixture site: what each lists, links, escaping."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SITES, Build, branch_renderers, copy_site, mkdocs_build
from tests.htmlcheck import broken_links, listed_notes, parse

SITE = SITES / "indexes"


@pytest.fixture(scope="module", params=[False, True], ids=["directory-urls", "flat-urls"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    config = "mkdocs-flat.yml" if request.param else "mkdocs.yml"
    build = mkdocs_build(SITE, tmp_path_factory.mktemp("indexes"), "--strict", config=config)
    assert build.exit_code == 0, build.output
    build.flat = request.param  # type: ignore[attr-defined]
    return build


def listing(build: Build, path: str) -> list[str]:
    # Generated pages are index pages, so both URL styles write them to index.html.
    return listed_notes(build.site_dir, build.site_dir / path)


EXPECTED = {
    # The latest two weeks only; the draft of 12 July is in no index of a build.
    "weeknotes/index.html": ["2019-07-19-liz", "2019-07-19-rob", "2019-07-05-rob"],
    "weeknotes/2019/index.html": [
        "2019-07-19-liz",
        "2019-07-19-rob",
        "2019-07-05-rob",
        "2019-06-28-liz",
        "2019-06-28-rob",
    ],
    "weeknotes/2018/index.html": ["2018-12-14-liz"],
    # Themes: newest first, two to a page; 'Data Science' and 'data-science' are one.
    "weeknotes/themes/skills/index.html": ["2019-07-19-liz", "2019-06-28-rob"],
    "weeknotes/themes/data-science/index.html": ["2019-07-05-rob", "2019-06-28-rob"],
    "weeknotes/themes/research/index.html": ["2019-07-19-liz", "2019-06-28-liz"],
    "weeknotes/themes/research/page/2/index.html": ["2018-12-14-liz"],
    "weeknotes/themes/tmp-x/index.html": ["2019-07-19-rob"],
    # People: a joint note is on both people's pages.
    "weeknotes/people/rob/index.html": ["2019-07-19-rob", "2019-07-05-rob"],
    "weeknotes/people/rob/page/2/index.html": ["2019-06-28-rob"],
    "weeknotes/people/liz/index.html": ["2019-07-19-liz", "2019-07-05-rob"],
    "weeknotes/people/liz/page/2/index.html": ["2019-06-28-liz", "2018-12-14-liz"],
    "weeknotes/people/amir/index.html": [],
}


def test_every_listing_shows_exactly_its_notes(built: Build) -> None:
    for path, stems in EXPECTED.items():
        assert listing(built, path) == stems, path


def test_index_pages_list_themes_and_people_with_counts(built: Build) -> None:
    themes = (built.site_dir / "weeknotes/themes/index.html").read_text(encoding="utf-8")
    assert "The themes we write about, kept by the team." in themes  # the site's own page
    assert themes.count("<h1") == 1
    for label, count in [
        ("Data Science", 2),
        ("research", 3),
        ("skills", 2),
        ("../../../../tmp/x", 1),
    ]:
        assert f'>{label}</a> <span class="wn-count">{count}</span>' in themes, label
    people = (built.site_dir / "weeknotes/people/index.html").read_text(encoding="utf-8")
    # The list of people, after the picture of who wrote which week.
    people = people[people.index('<ul class="wn-people-list">') :]
    for name, count in [("Amir Haddad", 0), ("Liz Okafor", 4), ("Rob Miller", 3)]:
        assert name in people
        assert f"{count} note" in people
    assert people.index("Amir Haddad") < people.index("Liz Okafor") < people.index("Rob Miller")
    assert "Joined this week" in people and "https://example.org/liz.png" in people


def test_note_pages_show_week_people_themes_and_neighbours(built: Build) -> None:
    flat = getattr(built, "flat", False)
    name = "weeknotes/2019/2019-07-05-rob" + (".html" if flat else "/index.html")
    html = (built.site_dir / name).read_text(encoding="utf-8")
    assert "Week commencing" in html and "1 July 2019" in html
    assert ">Rob Miller</a>" in html and ">Liz Okafor</a>" in html
    assert ">Data Science</a>" in html
    # Each person's older and newer note.
    assert "&larr; Skills workshop" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &rarr;" in html
    assert "&larr; Five interviews" in html and "Research and skills &rarr;" in html


def test_every_relative_link_resolves(built: Build) -> None:
    pages = sorted((built.site_dir / "weeknotes").rglob("*.html"))
    assert len(pages) >= 20
    problems = [f"{p}: {b}" for p in pages for b in broken_links(built.site_dir, p)]
    assert problems == []


def test_markup_from_front_matter_is_escaped_everywhere(built: Build) -> None:
    for path in built.site_dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html, path
        assert "<b>bold</b>" not in html, path
    skills = (built.site_dir / "weeknotes/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in skills
    assert "Fish &amp; chips &lt;b&gt;bold&lt;/b&gt;" in skills


def test_nav_holds_one_weeknotes_section_and_no_notes(built: Build) -> None:
    home = (built.site_dir / "index.html").read_text(encoding="utf-8")
    assert "Weeknotes" in home
    assert "Latest weeknotes" in home and "Themes" in home and "People" in home
    assert "Skills workshop" not in home  # notes are not in the navigation
    assert "Rob Miller" not in home  # nor is every person's page


def test_drafts_are_left_out_of_the_build(built: Build) -> None:
    assert not list(built.site_dir.rglob("2019-07-12-liz*"))


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = mkdocs_build(SITE, tmp_path / "a")
    second = mkdocs_build(SITE, tmp_path / "b")
    files = sorted(p.relative_to(first.site_dir) for p in (first.site_dir / "weeknotes").rglob("*"))
    assert files == sorted(
        p.relative_to(second.site_dir) for p in (second.site_dir / "weeknotes").rglob("*")
    )
    for name in files:
        if (first.site_dir / "weeknotes" / name).is_file():
            assert (first.site_dir / "weeknotes" / name).read_bytes() == (
                second.site_dir / "weeknotes" / name
            ).read_bytes(), name


def test_the_builtin_theme_renders_the_same_listings(tmp_path: Path) -> None:
    build = mkdocs_build(SITE, tmp_path, "--strict", theme="mkdocs")
    assert build.exit_code == 0, build.output
    assert (
        listed_notes(build.site_dir, build.site_dir / "weeknotes/index.html")
        == EXPECTED["weeknotes/index.html"]
    )
    html = (build.site_dir / "weeknotes/2019/2019-06-28-rob/index.html").read_text()
    assert "<h1>Skills workshop</h1>" in html  # MkDocs' theme shows no title of its own
    assert parse(html).classes.count("wn-note-meta") == 1


def test_the_link_checker_finds_broken_links(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here"></p>')
    page = tmp_path / "page.html"
    page.write_text(
        '<a href="a/">ok</a><a href="a/#here">ok</a><a href="https://x.org/">ext</a>'
        '<a href="a/#nowhere">bad</a><img src="missing.png"><a href="#top">bad</a>'
    )
    assert len(broken_links(tmp_path, page)) == 3


def test_a_page_where_a_generated_page_would_go_is_a_problem(tmp_path: Path) -> None:
    site = copy_site("indexes", tmp_path)
    (site / "docs/weeknotes/people/liz.md").parent.mkdir(parents=True)
    (site / "docs/weeknotes/people/liz.md").write_text("---\nweeknote: false\n---\n# Liz\n")
    build = mkdocs_build(site, tmp_path)
    assert build.exit_code == 0, build.output
    assert build.problem_lines() == [
        "docs/weeknotes/people/liz.md:1: WN401 this page is built to"
        " weeknotes/people/liz/index.html, where the person page 'Liz Okafor' would go"
        " (rename or move this page; the generated page is left out)"
    ]
    assert "# Liz" not in (build.site_dir / "weeknotes/people/liz/index.html").read_text()
    assert "<h1" in (build.site_dir / "weeknotes/people/liz/index.html").read_text()


DIRECT_TEMPLATES = (
    "note-header.html",
    "note-footer.html",
    "partials/note-list.html",
    "partials/entry.html",
    "partials/entry-list.html",
    "partials/entries.html",
    "rollup.html",
)


def test_direct_lists_match_their_templates_for_every_branch(tmp_path: Path) -> None:
    """Drafts, summaries or none, several people, none, or one without a page, a
    note that is not in the build, and the views a site's own template reads."""
    both = branch_renderers(tmp_path, ["partials/note-list.html"])
    assert both.direct.direct_parts["partials/note-list"]
    assert not both.templated.direct_parts["partials/note-list"]
    for here in (both.page("themes"), both.page("person", "rob"), both.page("latest")):
        lists = [
            renderer.env.get_template("weeknotes/partials/note-list.html").render(
                notes=renderer.notes(both.plan.notes, here)
            )
            for renderer in (both.direct, both.templated)
        ]
        assert lists[0] == lists[1]
    for expected in ("wn-draft", "wn-badge", "Said &lt;i&gt;", "Rob &lt;b&gt;", 'href="">Amir'):
        assert expected in lists[0], expected
    views = both.direct.notes(both.plan.notes, here)
    titles = [note.title for note in both.plan.notes]
    assert len(views) == 4 and [view.title for view in views] == titles
    assert views[-1].title == titles[-1] and [view.title for view in views[1:3]] == titles[1:3]


def search_text(build: Build, location: str) -> str:
    """Everything the search index holds for one page, sections and all."""
    return " ".join(
        doc["title"] + " " + doc["text"]
        for doc in build.search_docs()
        if doc["location"].split("#")[0] == location
    )


def test_listings_and_note_decorations_stay_out_of_search(tmp_path: Path, theme: str) -> None:
    build = mkdocs_build(SITE, tmp_path, "--strict", theme=theme)
    assert build.exit_code == 0, build.output
    # The theme's page is found by its title; the notes it lists are found as themselves.
    skills = search_text(build, "weeknotes/themes/skills/")
    assert "skills" in skills and "We ran a skills workshop" not in skills
    assert "We ran a skills workshop" in search_text(build, "weeknotes/2019/2019-06-28-rob/")
    assert "We ran a skills workshop" not in search_text(build, "weeknotes/")
    # The list of people is short, and stays in.
    assert "Rob Miller" in search_text(build, "weeknotes/people/")
    # A note's header and footer name its week, people, themes and neighbours: they
    # are in the page, but its search entry holds the note's own words.
    note = search_text(build, "weeknotes/2019/2019-07-05-rob/")
    assert "Skills workshop" not in note and "Week commencing" not in note
    assert "Written together" in note
    html = (build.site_dir / "weeknotes/2019/2019-07-05-rob/index.html").read_text("utf-8")
    assert "&larr; Skills workshop" in html and "Week commencing" in html
    assert "wn-deferred" not in html
    listing = (build.site_dir / "weeknotes/themes/skills/index.html").read_text("utf-8")
    assert "We ran a skills workshop" in listing and "wn-deferred" not in listing


def test_listings_can_be_put_into_search(tmp_path: Path) -> None:
    site = copy_site("indexes", tmp_path)
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("page_size: 2", "page_size: 2\n      search_listings: true")
    )
    build = mkdocs_build(site, tmp_path, "--strict")
    assert build.exit_code == 0, build.output
    assert "We ran a skills workshop" in search_text(build, "weeknotes/themes/skills/")
    assert "Written together" in search_text(build, "weeknotes/people/rob/")


@pytest.mark.parametrize("scenario", ["indexes", "learning"])
@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_direct_parts_match_their_templates(tmp_path: Path, theme: str, scenario: str) -> None:
    """Note headers and footers, lists of notes and learning entries are written
    directly unless a site overrides their templates; the package's templates, used as overrides,
    give the same pages byte for byte."""
    if theme == "material":
        pytest.importorskip("material")
    site = copy_site(scenario, tmp_path)
    if scenario == "learning":
        # Avatars of both kinds, and names to escape, on every entry.
        (site / "docs" / "weeknotes" / ".authors.yml").write_text(
            "authors:\n"
            "  rob: {name: Rob <Miller>, avatar: weeknotes/images/chart.svg}\n"
            "  liz: {name: Liz, avatar: 'https://example.org/liz.png?a=1&b=2'}\n"
        )
    direct = mkdocs_build(site, tmp_path / "direct", "--strict", theme=theme)
    templates = Path(__file__).parents[1] / "mkdocs_weeknotes" / "templates" / "weeknotes"
    (site / "overrides" / "weeknotes" / "partials").mkdir(parents=True)
    for name in DIRECT_TEMPLATES:
        shutil.copy(templates / name, site / "overrides" / "weeknotes" / name)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text() + f"theme:\n  name: {theme}\n  custom_dir: overrides\n")
    templated = mkdocs_build(site, tmp_path / "templated", "--strict")
    assert direct.exit_code == templated.exit_code == 0, direct.output + templated.output
    pages = sorted((direct.site_dir / "weeknotes").rglob("*.html"))
    assert len(pages) >= 10
    for page in pages:
        other = templated.site_dir / page.relative_to(direct.site_dir)
        assert page.read_text("utf-8") == other.read_text("utf-8"), page
    notes = sorted((direct.site_dir / "weeknotes" / "2019").glob("*/index.html"))
    assert notes and all("wn-note-meta" in page.read_text("utf-8") for page in notes)
    # And the overrides are what the second build used.
    header = site / "overrides" / "weeknotes" / "note-header.html"
    header.write_text(header.read_text().replace("{{ words.week_commencing }}", "Our own week"))
    edited = mkdocs_build(site, tmp_path / "edited", "--strict")
    page = edited.site_dir / notes[0].relative_to(direct.site_dir)
    assert "Our own week" in page.read_text("utf-8")


def test_direct_parts_are_used_unless_a_site_overrides_them(tmp_path: Path) -> None:
    from mkdocs.structure.files import Files

    from mkdocs_weeknotes.planning.generated import plan_pages
    from mkdocs_weeknotes.reading.collection import collect
    from mkdocs_weeknotes.rendering.render import Renderer
    from tests.conftest import settings

    def renderer(theme_dirs: list[str]) -> Renderer:
        options = settings()
        plan = plan_pages(collect([], options, None), options, include_drafts=False)
        return Renderer(plan, Files([]), options, theme_dirs, "mkdocs", "en")

    ours = renderer([])
    assert all(ours.direct_parts.values())
    assert ours.env.loader is not None
    source, _, _ = ours.env.loader.get_source(ours.env, "weeknotes/partials/note-list.html")
    assert source == "{{ direct_note_list(notes) }}"
    (tmp_path / "weeknotes" / "partials").mkdir(parents=True)
    (tmp_path / "weeknotes" / "partials" / "note-list.html").write_text("own list")
    own = renderer([str(tmp_path)])
    assert own.direct_parts["partials/note-list"] is False
    assert own.direct_parts["note-header"] is True
    assert own.env.get_template("weeknotes/partials/note-list.html").render() == "own list"
