"""The learning log and other rollups, built from a fixture site."""

from __future__ import annotations

import itertools
import posixpath
import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import SITES, Build, branch_renderers, mkdocs_build
from tests.htmlcheck import broken_links

SITE = SITES / "learning"

# Every learning section of the fixture, by a marker word in it.
SECTIONS = ["LEARN-A", "LEARN-B", "LEARN-C", "LEARN-D1", "LEARN-D2"]
# Text of the note that must come along with its section.
INSIDE = [
    "FOOTNOTE-TEXT",
    "DEEPER-TEXT",
    "ADMONITION-TEXT",
    "DETAILS-TEXT",
    "TABLE-CELL",
    "CODE-TEXT",
]
# Text that is in no learning section: the next section, a note without one,
# text between two sections, another rollup's section.
OUTSIDE = [
    "NEXT-SECTION-TEXT",
    "RESEARCH-TEXT",
    "OTHER-TEXT",
    "NO-LEARNING-TEXT",
    "BETWEEN-TEXT",
    "READING-B",
]


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids[value] += 1


@pytest.fixture(scope="module", params=[False, True], ids=["directory-urls", "flat-urls"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    config = "mkdocs-flat.yml" if request.param else "mkdocs.yml"
    build = mkdocs_build(SITE, tmp_path_factory.mktemp("learning"), "--strict", config=config)
    assert build.exit_code == 0, build.output
    return build


@pytest.mark.parametrize(
    "path", ["weeknotes/learning/index.html", "weeknotes/learning/2019/index.html"]
)
def test_every_learning_section_appears_exactly_once(built: Build, path: str) -> None:
    html = (built.site_dir / path).read_text(encoding="utf-8")
    for marker in SECTIONS + INSIDE:
        assert html.count(marker) == 1, marker
    for marker in OUTSIDE:
        assert marker not in html, marker
    # Newest first: the week of 8 July before the week of 1 July before 24 June.
    positions = [html.index(m) for m in ("LEARN-D1", "LEARN-C", "LEARN-A")]
    assert positions == sorted(positions)


def test_content_renders_as_in_the_note(built: Build) -> None:
    html = (built.site_dir / "weeknotes/learning/index.html").read_text(encoding="utf-8")
    assert 'class="admonition tip"' in html
    assert "<details" in html and "DETAILS-TEXT" in html
    assert 'type="checkbox"' in html and "task-list" in html
    assert ("<table>" in html and "<code>" in html) or "<pre" in html
    assert '<div class="footnote"><ol><li value="1"' in html
    assert "<h3" in html  # the deeper heading stays in its section


def test_every_relative_link_and_image_resolves(built: Build) -> None:
    for path in (
        "weeknotes/learning/index.html",
        "weeknotes/learning/2019/index.html",
        "weeknotes/reading/index.html",
    ):
        page = built.site_dir / path
        assert broken_links(built.site_dir, page) == [], path


def test_ids_never_collide(built: Build) -> None:
    for path in ("weeknotes/learning/index.html", "weeknotes/people/rob/index.html"):
        parser = _Ids()
        parser.feed((built.site_dir / path).read_text(encoding="utf-8"))
        assert [i for i, n in parser.ids.items() if n > 1] == [], path


def test_entries_link_to_the_exact_section(built: Build) -> None:
    html = (built.site_dir / "weeknotes/learning/index.html").read_text(encoding="utf-8")
    assert "#something-im-learning" in html
    assert "#something-im-learning_1" in html  # the second section of one note


def test_person_pages_carry_their_entries(built: Build) -> None:
    page = (built.site_dir / "weeknotes/people/rob/index.html").read_text(encoding="utf-8")
    # The entries follow the list of notes (whose summaries may quote them too).
    rob = page[page.index('id="wn-learning"') :]
    for marker in ("LEARN-A", "LEARN-D1", "LEARN-D2"):
        assert rob.count(marker) == 1, marker
    assert "LEARN-B" not in rob and "LEARN-C" not in rob
    assert broken_links(built.site_dir, built.site_dir / "weeknotes/people/rob/index.html") == []


def test_other_rollups_collect_their_own_headings(built: Build) -> None:
    html = (built.site_dir / "weeknotes/reading/index.html").read_text(encoding="utf-8")
    assert "What we&#39;ve been reading" in html or "What we've been reading" in html
    assert html.count("READING-B") == 1
    assert "LEARN-B" not in html


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_the_nav_section_holds_latest_themes_people_then_rollups(
    theme: str, tmp_path: Path
) -> None:
    build = mkdocs_build(SITE, tmp_path, "--strict", theme=theme)
    assert build.exit_code == 0, build.output
    home = (build.site_dir / "index.html").read_text(encoding="utf-8")
    wanted = ["weeknotes/", "weeknotes/themes/", "weeknotes/people/"]
    wanted += ["weeknotes/learning/", "weeknotes/reading/"]
    shown = [href for href in re.findall(r'href="([^"]*)"', home) if href in wanted]
    assert list(dict.fromkeys(shown)) == wanted
    if theme == "mkdocs":  # its header links each page to the next one in the nav
        for page, following in itertools.pairwise(wanted):
            html = (build.site_dir / page / "index.html").read_text(encoding="utf-8")
            target = posixpath.relpath(following, page)
            assert re.search(rf'rel="next" href="{re.escape(target)}/?"', html), page


def test_rollup_pages_stay_out_of_search(built: Build) -> None:
    docs = built.search_docs()
    found = {doc["location"].split("#")[0] for doc in docs if "LEARN-A" in doc["text"]}
    assert found and all("learning" not in location for location in found)
    assert any(doc["location"].startswith("weeknotes/learning") for doc in docs)  # by title


def build_with_learning_log(tmp_path: Path, setting: str) -> Build:
    """The fixture site with one `learning_log` setting added, built --strict."""
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    config = (site / "mkdocs.yml").read_text()
    (site / "mkdocs.yml").write_text(
        config.replace(
            "  - weeknotes:\n", f"  - weeknotes:\n      learning_log:\n        {setting}\n"
        )
    )
    build = mkdocs_build(site, tmp_path, "--strict")
    assert build.exit_code == 0, build.output
    return build


def test_search_can_be_asked_for(tmp_path: Path) -> None:
    build = build_with_learning_log(tmp_path, "search: true")
    docs = build.search_docs()
    assert any(
        doc["location"].startswith("weeknotes/learning") and "LEARN-A" in doc["text"]
        for doc in docs
    )


def test_the_learning_log_can_be_switched_off(tmp_path: Path) -> None:
    build = build_with_learning_log(tmp_path, "enabled: false")
    assert not (build.site_dir / "weeknotes/learning").exists()
    assert (build.site_dir / "weeknotes/reading/index.html").exists()


def test_direct_entries_match_their_templates_for_every_branch(tmp_path: Path) -> None:
    """Drafts, both kinds of avatar, a person without a page, a note that is not
    in the build, footnotes and anchors, without a site build."""
    from mkdocs_weeknotes.reading.sections import HtmlSection

    templates = ["partials/entry.html", "partials/entry-list.html", "partials/entries.html"]
    both = branch_renderers(tmp_path, templates)
    html = (
        '<p id="x"><a href="../b/#y">b</a> <img src="../../img/c.png"> <a href="#x">up</a>'
        ' <a href="#elsewhere">there</a> <a href="https://example.org/?a=1&amp;b">out</a>'
        '<sup id="fnref:1"><a href="#fn:1">1</a></sup></p>'
    )
    footnotes = {"fn:1": '<li id="fn:1"><p>Said. <a href="#fnref:1">back</a></p></li>'}
    sections = [
        HtmlSection("learning", "Something", "something", html, footnotes),
        HtmlSection("learning", "Again", "", "<p>Two</p>", {}),
    ]
    pages = []
    for renderer in (both.direct, both.templated):
        for note in both.plan.notes:
            renderer.sections[note.src_uri] = (f"{note.src_uri.removesuffix('.md')}/", sections)
        notes = both.plan.notes
        pages.append(
            renderer.entries_block(notes, both.page("person", "rob"))
            + renderer.entries_block(notes, both.page("rollup", "learning"))
        )
    assert both.direct.direct_parts["partials/entry"]
    assert not both.templated.direct_parts["partials/entry"]
    direct, templated = pages
    assert direct == templated
    # Note C names nobody: its entries' headers start at its title, with no separator.
    assert '<p class="wn-entry-header"><a class="wn-entry-source" href="../../2019/c/' in direct
    assert '<p class="wn-entry-header"> · ' not in direct
    for expected in (
        "wn-badge",
        'src="../../../img/rob.png"',
        "a=1&amp;b=2",
        "Rob &lt;b&gt;",
        "#wn-learning-weeknotes-2019-a-1-x",
        'value="1"',
        'href="">Amir',
    ):
        assert expected in direct, expected
