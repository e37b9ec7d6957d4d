"""Mentions link people from notes; embeds put listings of notes on any page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SITES, Build, copy_site, corpus, mkdocs_build, weeknotes
from tests.htmlcheck import broken_links, listed_notes

NEAR_MISS = (
    "docs/weeknotes/2019/2019-07-12-amira.md:8: WN710 '@lizze' mentions nobody on the team"
    " (did you mean '@Lizzie'?)"
)


def built(tmp_path: Path, theme: str, directory_urls: bool = True, extra: str = "") -> Build:
    site = copy_site("mentions", tmp_path)
    config = site / "mkdocs.yml"
    text = config.read_text() + f"theme:\n  name: {theme}\n"
    text += f"use_directory_urls: {str(directory_urls).lower()}\n"
    config.write_text(text.replace("  - weeknotes:\n", f"  - weeknotes:\n{extra}"))
    build = mkdocs_build(site, tmp_path)
    assert build.exit_code == 0, build.output
    return build


def page(build: Build, uri: str, directory_urls: bool) -> Path:
    path = uri.removesuffix(".md")
    if path.endswith("index"):
        return build.site_dir / f"{path}.html"
    return build.site_dir / (f"{path}/index.html" if directory_urls else f"{path}.html")


@pytest.mark.parametrize("directory_urls", [True, False])
def test_mentions_link_to_people_and_nothing_else(
    tmp_path: Path, theme: str, directory_urls: bool
) -> None:
    build = built(tmp_path, theme, directory_urls)
    assert build.problem_lines() == [NEAR_MISS]
    rob = page(build, "weeknotes/2019/2019-06-28-rob.md", directory_urls)
    html = rob.read_text("utf-8")
    assert html.count('class="wn-mention"') == 3  # @liz, @Amira.H and @liz in the learning section
    assert 'title="Amira &lt;Haddad&gt;">@Amira.H</a>' in html
    # An e-mail address, a URL and code are left as they are.
    assert "rob@example.org" in html and "https://social.example/@liz" in html
    assert "<code>@liz</code>" in html and '<a class="wn-mention" href="https://' not in html
    assert not broken_links(build.site_dir, rob)
    liz = page(build, "weeknotes/2019/2019-07-05-liz.md", directory_urls).read_text("utf-8")
    # A link already written stays one link; her own name is linked too.
    assert ">@rob</a>" in liz and liz.count('class="wn-mention"') == 2
    # The learning log keeps the links, moved onto its page.
    log = page(build, "weeknotes/learning/index.md", directory_urls)
    assert 'class="wn-mention"' in log.read_text("utf-8")
    assert not broken_links(build.site_dir, log)


def test_a_persons_page_lists_the_notes_that_mention_them(tmp_path: Path, theme: str) -> None:
    build = built(tmp_path, theme)
    liz = build.site_dir / "weeknotes/people/liz/index.html"
    html = liz.read_text("utf-8")
    assert '<h2 id="wn-mentioned">Mentioned in</h2>' in html
    mentioned = html.split('id="wn-mentioned"')[1].split("</section>")[0]
    # Rob's note mentions her; her own note, which names her too, is not listed.
    assert listed_notes(build.site_dir, liz)[-1:] == ["2019-06-28-rob"]
    assert "Research week" not in mentioned
    rob = build.page("weeknotes/people/rob/index.html")
    assert "Research week" in rob.split('id="wn-mentioned"')[1].split("</section>")[0]
    # Amira is mentioned in Rob's note as @Amira.H, an alias of hers.
    assert "Data week" in build.page("weeknotes/people/amira/index.html")
    assert not broken_links(build.site_dir, liz)


def test_the_setting_switches_mentions_off(tmp_path: Path) -> None:
    build = built(tmp_path, "mkdocs", extra="      mentions: false\n")
    assert build.problem_lines() == []
    assert 'class="wn-mention"' not in build.page("weeknotes/2019/2019-06-28-rob/index.html")
    assert "wn-mentioned" not in build.page("weeknotes/people/liz/index.html")


@pytest.mark.parametrize("directory_urls", [True, False])
def test_embeds_on_pages_that_are_not_weeknotes(
    tmp_path: Path, theme: str, directory_urls: bool
) -> None:
    build = built(tmp_path, theme, directory_urls)
    home = build.site_dir / "index.html"
    html = home.read_text("utf-8")
    assert "<!-- weeknotes:" not in html.split("<pre")[0]
    # The latest research note, with a link to the theme's page.
    assert listed_notes(build.site_dir, home) == ["2019-07-12-amira"]
    assert ">User research</a>" in html
    # Rob's learning entry, with its mention still a link from this page.
    assert 'class="wn-entry"' in html and "Asking" in html
    assert 'class="wn-mention"' in html
    # The syntax shown in a code block is left alone.
    assert "&lt;!-- weeknotes: latest --&gt;" in html
    assert not broken_links(build.site_dir, home)
    deep = page(build, "about/team/page.md", directory_urls)
    listed = listed_notes(build.site_dir, deep)
    # Liz's notes, then the latest two, then the latest week's note.
    assert listed == ["2019-07-05-liz", "2019-07-12-amira", "2019-07-05-liz", "2019-07-12-amira"]
    assert "wn-embed-week" in deep.read_text("utf-8")
    assert not broken_links(build.site_dir, deep)


def test_embedded_listings_stay_out_of_search_unless_listings_are_searched(
    tmp_path: Path,
) -> None:
    build = built(tmp_path, "mkdocs")
    home = next(d for d in build.search_docs() if d["location"] == "")
    assert "First week" not in home["text"]
    searched = built(tmp_path / "searched", "mkdocs", extra="      search_listings: true\n")
    home = next(d for d in searched.search_docs() if d["location"] == "")
    assert "First week" in home["text"]


BAD_EMBEDS = """\
# Embeds gone wrong

<!-- weeknotes: latset -->

<!-- weeknotes: latest theme=reserch -->

<!-- weeknotes: latest person=lizz limt=3 -->

<!-- weeknotes: week limit=3 -->

<!-- weeknotes: latest limit=lots -->

<!-- weeknotes: latest theme="User research" person=@liz -->
"""


def test_a_wrong_embed_is_a_problem_on_its_line(tmp_path: Path) -> None:
    site = copy_site("mentions", tmp_path)
    (site / "docs" / "bad.md").write_text(BAD_EMBEDS)
    build = mkdocs_build(site, tmp_path)
    assert build.exit_code == 0, build.output
    assert build.problem_lines() == [
        "docs/bad.md:3: WN711 unknown embed 'latset' (did you mean 'latest'?)",
        "docs/bad.md:5: WN712 the embed's theme 'reserch' is not a theme of the site"
        " (did you mean 'research'?)",
        "docs/bad.md:7: WN711 'latest' takes no option 'limt' (did you mean 'limit'?)",
        "docs/bad.md:7: WN712 the embed's person 'lizz' is not on the team (did you mean 'liz'?)",
        "docs/bad.md:9: WN711 'week' takes no option 'limit' (its options are theme, person)",
        "docs/bad.md:11: WN711 limit 'lots' is not a number from 1 to 1000"
        " (write a whole number, such as limit=5)",
        NEAR_MISS,
    ]
    html = build.page("bad/index.html")
    # A wrong marker stays the comment it was; the right one is filled.
    assert "<!-- weeknotes: latset -->" in html
    assert listed_notes(build.site_dir, build.site_dir / "bad/index.html") == ["2019-07-05-liz"]
    # The command finds them too, without a build.
    check = weeknotes("check", cwd=site)
    assert check.returncode == 1
    assert "docs/bad.md:3: WN711" in check.stdout


def test_the_corpus_has_no_mention_problems() -> None:
    """The real notes mention people (`@Maria and @Tim`) with no authors file:
    nobody is a near miss, as only people's slugs are handles."""
    corpus("connectedbydata")
    check = weeknotes("check", "--format", "json", cwd=SITES / "connectedbydata")
    assert "WN71" not in check.stdout


def test_export_lists_the_notes_that_mention_a_person(tmp_path: Path) -> None:
    site = copy_site("mentions", tmp_path)
    done = weeknotes("export", "--out", str(tmp_path / "out"), cwd=site)
    assert done.returncode == 0, done.stdout + done.stderr
    liz = (tmp_path / "out" / "weeknotes" / "people" / "liz" / "index.md").read_text("utf-8")
    mentioned = liz.split("## Mentioned in\n", 1)[1]
    assert "[Data week](../../2019/2019-06-28-rob.md)" in mentioned
