"""Sections as people write them, in a built site: headings that are links, e-mail
addresses in angle brackets, a paragraph straight under its heading, and embed
markers inside collected sections and inside code."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import SITES, Build, copy_site, mkdocs_build, weeknotes
from tests.htmlcheck import broken_links, parse

SITE = SITES / "section-edges"
ATOM = "{http://www.w3.org/2005/Atom}"
# Pages that show the notes' sections, besides the notes themselves.
SHOWN_ON = [
    "weeknotes/learning/index.html",
    "weeknotes/team/index.html",
    "weeknotes/weeks/2024-W09/index.html",
    "weeknotes/weeks/2024-W10/index.html",
    "weeknotes/people/ada-lovelace/index.html",
    "index.html",
]


@pytest.fixture(scope="module", params=["mkdocs", "material"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    if request.param == "material":
        pytest.importorskip("material", reason="Material for MkDocs is not installed")
    build = mkdocs_build(SITE, tmp_path_factory.mktemp("edges"), theme=request.param)
    assert build.exit_code == 0, build.output
    assert "Traceback" not in build.output and build.problem_lines() == []
    return build


def _entries(feed: str) -> list[tuple[str, str, str]]:
    """(title, summary, content) of each entry of an Atom feed."""
    root = ET.fromstring(feed)
    return [
        (
            entry.findtext(f"{ATOM}title") or "",
            entry.findtext(f"{ATOM}summary") or "",
            entry.findtext(f"{ATOM}content") or "",
        )
        for entry in root.iter(f"{ATOM}entry")
    ]


def test_a_heading_that_is_a_link_is_collected(built: Build) -> None:
    team = built.page("weeknotes/team/index.html")
    learning = built.page("weeknotes/learning/index.html")
    assert "TEAM-LINKED" in team and "TEAM-PLAIN" in team
    assert "LEARN-LINKED" in learning and "LEARN-BOLD" in learning
    assert "NEXT-ADA" not in learning and "TEAM-LINKED" not in learning
    titles = [title for title, _, _ in _entries(built.page("weeknotes/team/feed.xml"))]
    assert titles == ["Bo's week: Team news", "Ada's first week: Team news"]


def test_sections_sees_a_heading_that_is_a_link_as_its_words() -> None:
    done = weeknotes("sections", cwd=SITE)
    assert done.returncode == 0, done.stderr
    report = done.stdout.split("\nplugins:\n")[0]
    # One spelling each, in both notes, collected already: nothing new to propose.
    assert "Team news: 2 notes, collected by rollups.team\n     2  Team news\n" in report
    assert "Something I'm learning: 2 notes, collected by learning_log\n     2  Something" in report
    assert "not collected" not in report and "https://" not in done.stdout


def test_email_addresses_stay_email_links_on_every_page(built: Build) -> None:
    for path in ["weeknotes/2024/2024-03-01-ada/index.html", *SHOWN_ON[:3]]:
        page = built.site_dir / path
        mail = [url for _, _, url in parse(page.read_text("utf-8")).links if "@" in url]
        assert mail, path
        assert all(url in ("mailto:team@example.org", "mailto:ada@example.org") for url in mail)
        assert not broken_links(built.site_dir, page), path
    for feed in ["weeknotes/feed.xml", "weeknotes/learning/feed.xml"]:
        contents = "".join(content for _, _, content in _entries(built.page(feed)))
        mail = [url for _, _, url in parse(contents).links if "@" in url]
        assert mail and all(url.startswith("mailto:") for url in mail), feed


def test_a_paragraph_straight_under_the_title_is_the_summary(built: Build) -> None:
    latest = built.page("weeknotes/index.html")
    assert "SUMMARY-ADA straight under the title." in latest
    summaries = [summary for _, summary, _ in _entries(built.page("weeknotes/feed.xml"))]
    assert summaries == ["SUMMARY-BO, after a blank line.", "SUMMARY-ADA straight under the title."]


def test_embeds_in_sections_are_made_wherever_they_are_shown(built: Build) -> None:
    for path in sorted(built.site_dir.rglob("*.html")) + sorted(built.site_dir.rglob("*.xml")):
        assert "wn-deferred" not in path.read_text("utf-8"), path
    for path in SHOWN_ON:
        if "team" in path:
            continue  # its sections embed nothing
        page = built.site_dir / path
        text = page.read_text("utf-8")
        assert 'class="wn-listing wn-embed' in text, path
        assert not broken_links(built.site_dir, page), path
    # Ada's section lists the latest notes, with links from the learning log's page.
    learning = built.site_dir / "weeknotes/learning/index.html"
    entry = learning.read_text("utf-8").rsplit("LEARN-LINKED", 1)[1]  # its own entry, the last
    assert 'class="wn-listing wn-embed wn-embed-latest"' in entry
    assert 'href="../2024/2024-03-08-bo/"' in entry.split("wn-embed-latest")[1]
    # Bo's section embeds the learning log: on the log, it holds Ada's entry,
    # whose own list is a link there.
    assert 'class="wn-links wn-embed-link"' in learning.read_text("utf-8")
    # In the feeds, as on the note's page, with absolute links.
    for feed in ["weeknotes/feed.xml", "weeknotes/learning/feed.xml"]:
        [ada] = [c for t, _, c in _entries(built.page(feed)) if t.startswith("Ada")]
        listing = ada.split("wn-embed-latest")[1]
        assert 'href="https://example.org/edges/weeknotes/2024/2024-03-08-bo/"' in listing, feed


def test_markers_in_code_stay_as_written(built: Build) -> None:
    page = built.page("weeknotes/2024/2024-03-01-ada/index.html")
    # One listing, for the one marker outside code.
    assert page.count("wn-embed-latest") == 1
    assert "&lt;!-- weeknotes: latest limit=2 --&gt;" in page
    assert "<pre>\n<!-- weeknotes: latest limit=2 -->\n</pre>" in page
    learning = built.page("weeknotes/learning/index.html")
    assert "<pre>\n<!-- weeknotes: latest limit=2 -->\n</pre>" in learning
    assert html.unescape("&lt;!-- weeknotes: latest limit=2 --&gt;") in html.unescape(learning)


def test_a_dirty_rebuild_still_makes_the_embeds_of_notes_it_skips(tmp_path: Path) -> None:
    """`mkdocs serve --dirty` renders only the note that changed; Ada's section,
    from the last render, still gets its listing on the learning log."""
    site = copy_site("section-edges", tmp_path)
    out = tmp_path / "out"
    config = load_config(config_file=str(site / "mkdocs.yml"), site_dir=str(out))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, serve_url="http://127.0.0.1:8000/")
    bo = site / "docs" / "weeknotes" / "2024" / "2024-03-08-bo.md"
    bo.write_text(bo.read_text("utf-8").replace("LEARN-BOLD", "LEARN-EDITED"), "utf-8")
    config = load_config(config_file=str(site / "mkdocs.yml"), site_dir=str(out))
    build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
    learning = (out / "weeknotes" / "learning" / "index.html").read_text("utf-8")
    assert "LEARN-EDITED" in learning and "wn-deferred" not in learning
    ada = learning.rsplit("LEARN-LINKED", 1)[1]
    assert 'class="wn-listing wn-embed wn-embed-latest"' in ada
