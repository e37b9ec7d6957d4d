"""Sites in each language we ship get their pages' words in it; a site can change any."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from markupsafe import escape

from mkdocs_weeknotes.words import CATALOGUES, Words
from tests.conftest import copy_site, mkdocs_build

# The theme setting that names the language: Material's, and MkDocs' own themes'.
LANGUAGE_KEY = {"material": "language", "mkdocs": "locale"}


def html(text: str) -> str:
    return str(escape(text))


def with_theme(site: Path, theme: str, language: str, plugin: str = "") -> None:
    config = site / "mkdocs.yml"
    text = config.read_text().replace("  - weeknotes\n", f"  - weeknotes{plugin}\n")
    text += f"theme:\n  name: {theme}\n  {LANGUAGE_KEY[theme]}: {language}\n"
    config.write_text(text)


@pytest.mark.parametrize("language", sorted(CATALOGUES))
def test_each_language_builds_with_its_words(tmp_path: Path, theme: str, language: str) -> None:
    site = copy_site("clean", tmp_path)
    with_theme(site, theme, language)
    # Not --strict: MkDocs' own theme has no Welsh, and warns about it.
    build = mkdocs_build(site, tmp_path)
    assert build.exit_code == 0 and not build.problem_lines(), build.output
    words = Words(language)
    latest = build.page("weeknotes/index.html")
    note = build.page("weeknotes/2019/2019-07-05-rob/index.html")
    people = build.page("weeknotes/people/index.html")
    for text in (words.latest_title, words.week_commencing, words.archive):
        assert html(text) in latest, (language, text)
    assert html(words.week_commencing) in note
    assert f" {html(words.by)} " in note
    assert html(words.count("notes", 2)) in people
    # The navigation section and the team's feed are named in the language too.
    assert html(words.nav_title) in latest
    feed = build.page("weeknotes/feed.xml")
    assert f"<title>{words.format('feed_title', site='Clean team site')}</title>" in feed
    if language != "en":
        assert "Week commencing" not in latest + note and "Latest weeknotes" not in latest


def test_the_locale_setting_wins_over_the_theme(tmp_path: Path) -> None:
    site = copy_site("clean", tmp_path)
    with_theme(site, "mkdocs", "de", ":\n      locale: cy")
    build = mkdocs_build(site, tmp_path, "--strict")
    assert build.exit_code == 0, build.output
    assert "Wythnos yn dechrau" in build.page("weeknotes/index.html")


def test_an_unknown_language_is_english(tmp_path: Path) -> None:
    site = copy_site("clean", tmp_path)
    with_theme(site, "mkdocs", "ja")
    build = mkdocs_build(site, tmp_path, "--strict")
    assert build.exit_code == 0, build.output
    assert "Week commencing" in build.page("weeknotes/index.html")


def test_a_site_overrides_words(tmp_path: Path, theme: str) -> None:
    site = copy_site("clean", tmp_path)
    plugin = (
        ":\n      words:\n        week_commencing: Week of\n        latest_title: This week"
        '\n        notes: {one: "{count} post", other: "{count} posts"}'
    )
    with_theme(site, theme, "en", plugin)
    build = mkdocs_build(site, tmp_path, "--strict")
    assert build.exit_code == 0, build.output
    latest = build.page("weeknotes/index.html")
    assert "Week of" in latest and "Week commencing" not in latest
    assert "This week" in latest and "Latest weeknotes" not in latest
    assert "2 posts" in build.page("weeknotes/people/index.html")
    assert "Week of" in build.page("weeknotes/2019/2019-07-05-rob/index.html")


def test_an_unknown_word_stops_the_build_with_did_you_mean(tmp_path: Path) -> None:
    site = copy_site("clean", tmp_path)
    with_theme(site, "mkdocs", "en", ":\n      words:\n        week_comencing: Week of")
    build = mkdocs_build(site, tmp_path)
    assert build.exit_code != 0
    assert "'week_comencing' is not a word of ours (did you mean 'week_commencing'?" in (
        build.output
    )
    assert "Traceback" not in build.output


def test_direct_parts_match_their_templates_in_welsh(tmp_path: Path) -> None:
    """The direct writers and the templates give the same pages in another language."""
    site = copy_site("indexes", tmp_path)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("locale: en_GB", "locale: cy"))
    direct = mkdocs_build(site, tmp_path / "direct", "--strict")
    templates = Path(__file__).parents[1] / "mkdocs_weeknotes" / "templates" / "weeknotes"
    shutil.copytree(templates, site / "overrides" / "weeknotes")
    config.write_text(config.read_text() + "theme:\n  name: mkdocs\n  custom_dir: overrides\n")
    templated = mkdocs_build(site, tmp_path / "templated", "--strict")
    assert direct.exit_code == templated.exit_code == 0, direct.output + templated.output
    pages = sorted((direct.site_dir / "weeknotes").rglob("*.html"))
    for page in pages:
        other = templated.site_dir / page.relative_to(direct.site_dir)
        assert page.read_text("utf-8") == other.read_text("utf-8"), page
    assert any("Wythnos yn dechrau" in page.read_text("utf-8") for page in pages)
