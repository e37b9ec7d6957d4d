"""Translations: a note in another language is listed once, with links to each language."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import copy_site, mkdocs_build

ENGLISH = "2023-03-10-tal-weeknotes"
WELSH = "2023-03-10-tal-wythnosnodiadau"
PLAIN = "2023-03-17-tal"
SUFFIXED = "2023-03-17-tal.cy"


def page_path(name: str, directory_urls: bool) -> str:
    return f"{name}/index.html" if directory_urls else f"{name}.html"


def link_to(name: str, directory_urls: bool) -> str:
    return f"{name}/" if directory_urls else f"{name}.html"


@pytest.mark.parametrize("directory_urls", [True, False])
def test_bilingual_notes_are_listed_once_with_links_to_each_language(
    tmp_path: Path, theme: str, directory_urls: bool
) -> None:
    site = copy_site("bilingual", tmp_path)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text() + f"use_directory_urls: {str(directory_urls).lower()}\n")
    build = mkdocs_build(site, tmp_path, "--strict", theme=theme)
    # No WN201 for either pair: a translation is not a second note.
    assert build.exit_code == 0, build.output
    assert build.problem_lines() == []

    def page(path: str) -> str:
        return build.page(path if path.endswith(".html") else page_path(path, directory_urls))

    listings = {
        "latest": page("weeknotes/index.html"),
        "year": page("weeknotes/2023/index.html"),
        "theme": page("weeknotes/themes/maps/index.html"),
        "person": page("weeknotes/people/tal-evans/index.html"),
    }
    for kind, html in listings.items():
        items = re.findall(r'<li class="wn-note[^"]*">.*?</li>', html, re.DOTALL)
        titles = re.findall(r'class="wn-note-title"[^>]*>([^<]*)<', html)
        assert "Tal&#39;s week of paper maps" in titles, kind
        assert "Wythnos Tal o fapiau papur" not in titles, kind
        assert "Tal on place names" in titles and "Tal ar enwau lleoedd" not in titles, kind
        english = next(item for item in items if "paper maps" in item)
        assert 'hreflang="cy" lang="cy">Cymraeg</a>' in english, kind
        assert link_to(WELSH, directory_urls) in english, kind
        suffixed = next(item for item in items if "place names" in item)
        assert link_to(SUFFIXED, directory_urls) in suffixed, kind
    # Tal wrote two notes, each in two languages: two, not four.
    assert "2 notes" in page("weeknotes/people/index.html")
    # The learning log has the English entry only, with a link to the Welsh.
    log = page("weeknotes/learning/index.html")
    assert "tithe map" in log and "map degwm" not in log
    assert "Cymraeg</a>" in log

    # Each note page links its twin, in the twin's own language.
    welsh = page(f"weeknotes/2023/{WELSH}")
    assert 'hreflang="en" lang="en">English</a>' in welsh
    assert link_to(ENGLISH, directory_urls) in welsh
    english = page(f"weeknotes/2023/{ENGLISH}")
    assert ">Cymraeg</a>" in english and link_to(WELSH, directory_urls) in english
    assert link_to(SUFFIXED, directory_urls) in page(f"weeknotes/2023/{PLAIN}")
    assert link_to(PLAIN, directory_urls) in page(f"weeknotes/2023/{SUFFIXED}")

    # The feed lists each note once, in the site's language.
    feed = build.page("weeknotes/feed.xml")
    assert feed.count("<entry>") == 3
    assert "Wythnos Tal" not in feed and "Tal ar enwau" not in feed


def test_a_welsh_site_lists_the_welsh_translation(tmp_path: Path) -> None:
    site = copy_site("bilingual", tmp_path)
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  - weeknotes\n", "  - weeknotes:\n      locale: cy\n")
    )
    build = mkdocs_build(site, tmp_path, "--strict")
    assert build.exit_code == 0, build.output
    latest = build.page("weeknotes/index.html")
    assert "Wythnos Tal o fapiau papur" in latest and "paper maps" not in latest
    assert ">English</a>" in latest and "Ar gael hefyd yn:" in latest


def test_two_translations_in_one_language_are_wn202(tmp_path: Path) -> None:
    site = copy_site("bilingual", tmp_path)
    notes = site / "docs" / "weeknotes" / "2023"
    english = (notes / f"{ENGLISH}.md").read_text()
    (notes / "2023-03-10-tal-copy.md").write_text(english.replace("paper maps", "old maps"))
    build = mkdocs_build(site, tmp_path)
    lines = build.problem_lines()
    assert sorted(line.split(":")[0] for line in lines) == [
        "docs/weeknotes/2023/2023-03-10-tal-copy.md",
        f"docs/weeknotes/2023/{ENGLISH}.md",
    ]
    assert lines[0] == (
        "docs/weeknotes/2023/2023-03-10-tal-copy.md:6: WN202 another translation of"
        f" 'tal-2023-10' is in 'en' too: docs/weeknotes/2023/{ENGLISH}.md"
        " (give each translation its own 'lang', or one of them another 'ref')"
    )


def test_a_lang_that_is_not_a_code_is_wn203(tmp_path: Path) -> None:
    site = copy_site("bilingual", tmp_path)
    welsh = site / "docs" / "weeknotes" / "2023" / f"{WELSH}.md"
    welsh.write_text(welsh.read_text().replace("lang: cy", "lang: Welsh"))
    build = mkdocs_build(site, tmp_path)
    assert build.problem_lines() == [
        f"docs/weeknotes/2023/{WELSH}.md:5: WN203 'Welsh' is not a language code"
        " (did you mean 'cy'?)"
    ]


def test_translation_links_written_directly_match_the_templates(tmp_path: Path) -> None:
    site = copy_site("bilingual", tmp_path)
    direct = mkdocs_build(site, tmp_path / "direct", "--strict")
    templates = Path(__file__).parents[1] / "mkdocs_weeknotes" / "templates" / "weeknotes"
    shutil.copytree(templates, site / "overrides" / "weeknotes")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text() + "theme:\n  name: mkdocs\n  custom_dir: overrides\n")
    templated = mkdocs_build(site, tmp_path / "templated", "--strict")
    assert direct.exit_code == templated.exit_code == 0, direct.output + templated.output
    pages = sorted((direct.site_dir / "weeknotes").rglob("*.html"))
    for page in pages:
        other = templated.site_dir / page.relative_to(direct.site_dir)
        assert page.read_text("utf-8") == other.read_text("utf-8"), page
    assert sum("wn-translations" in page.read_text("utf-8") for page in pages) >= 8


def test_lang_and_ref_are_in_the_schema() -> None:
    from mkdocs_weeknotes.command.schema import front_matter_schema
    from mkdocs_weeknotes.reading.collection import collect
    from tests.conftest import settings

    options = settings()
    schema = front_matter_schema(options, collect([], options, None))
    assert {"lang", "ref"} <= set(schema["properties"])
