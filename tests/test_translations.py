"""Translations: a note in another language is listed once, with links to each language."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, SITES, copy_site, mkdocs_build

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
    # The copy and the note it copied; not the Welsh translation, nor WN201.
    assert sorted(line.split(":")[0] for line in lines) == [
        "docs/weeknotes/2023/2023-03-10-tal-copy.md",
        f"docs/weeknotes/2023/{ENGLISH}.md",
    ]
    assert lines[0] == (
        "docs/weeknotes/2023/2023-03-10-tal-copy.md:6: WN202 another note has the 'ref'"
        " 'tal-2023-10' and is in 'en' too, so each is a note of its own:"
        f" docs/weeknotes/2023/{ENGLISH}.md"
        " (give each translation its own 'lang', or one of them its own 'ref')"
    )
    # Neither English note hides the other.
    latest = build.page("weeknotes/index.html")
    assert "Tal&#39;s week of old maps" in latest and "Tal&#39;s week of paper maps" in latest


def test_a_ref_copied_onto_a_later_note_hides_nothing(tmp_path: Path) -> None:
    """A note whose `ref` is another's in the same language, or whose week or
    people differ, is a note of its own everywhere; translations whose `ref`s
    differ are told to share one."""
    build = mkdocs_build(SITES / "translation-refs", tmp_path)
    assert build.exit_code == 0, build.output
    notes = "docs/weeknotes/2023/"
    lines = build.problem_lines()
    wn202 = sorted(line.split(":")[0] for line in lines if " WN202 " in line)
    assert wn202 == [f"{notes}2023-05-05-ana.md", f"{notes}2023-09-15-ana.md"]
    assert (
        f"{notes}2023-09-15-ana.md:6: WN202 another note has the 'ref' 'ana-2023-18' and is"
        f" in 'en' too, so each is a note of its own: {notes}2023-05-05-ana.md"
        " (give the note that is not a translation its own 'ref')"
    ) in lines

    # September's note has its own week, and is in every listing, rollup and feed.
    september = "Ana maps the flood plain"
    for page in [
        "weeknotes/weeks/2023-W37/index.html",
        "weeknotes/index.html",
        "weeknotes/2023/index.html",
        "weeknotes/themes/floods/index.html",
        "weeknotes/people/ana-lopes/index.html",
        "weeknotes/learning/index.html",
        "weeknotes/feed.xml",
    ]:
        assert september in build.page(page), page
    assert "flood plain is wider downstream" in build.page("weeknotes/learning/index.html")
    # It is nobody's translation, and May's note keeps its Welsh one.
    assert "wn-translations" not in build.page("weeknotes/2023/2023-09-15-ana/index.html")
    may = build.page("weeknotes/weeks/2023-W18/index.html")
    assert "Ana counts the weirs" in may and "Ana yn cyfrif y coredau" not in may
    assert ">Cymraeg</a>" in may and september not in may

    # Ben's two notes are one in two languages with two `ref`s: one line each.
    advice = [line for line in lines if "give both the same 'ref'" in line]
    assert sorted(line.split(":")[0] for line in advice) == [
        f"{notes}2023-06-08-ben-cy.md",
        f"{notes}2023-06-09-ben.md",
    ]
    assert not any("'ben-ward' has another note" in line for line in lines)
    # Cai's note in English that week is a second note, as ever.
    cai = [line for line in lines if line.startswith(f"{notes}2023-06-07-cai.md")]
    assert cai == [
        f"{notes}2023-06-07-cai.md:3: WN201 'cai-jones' has another note for the week of"
        f" 2023-06-05: {notes}2023-06-08-ben-cy.md, {notes}2023-06-09-ben.md"
        " (merge the notes, or correct the date or week of one)"
    ]


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


NRW = ROOT.parent / "shared" / "corpus" / "nrw" / "source"


def nrw_posts() -> list[Path]:
    if not NRW.is_dir():
        pytest.skip(f"the nrw archive is not at {NRW}")
    return sorted(NRW.glob("*/updates/_posts/*.md"))


def front(path: Path, key: str) -> str:
    found = re.search(rf"^{key}:(.*)$", path.read_text("utf-8"), re.MULTILINE)
    return found.group(1).strip() if found else ""


def test_the_nrw_archive_folds_only_its_translations() -> None:
    """Each Welsh note is folded with the English note of its day and `ref`, and
    no two English notes are, whatever `ref` they share."""
    from mkdocs_weeknotes.reading.collection import Source, collect
    from tests.conftest import settings

    posts = nrw_posts()
    sources = [
        Source(p.relative_to(NRW).as_posix(), p.relative_to(NRW).as_posix(), p.read_bytes())
        for p in posts
    ]
    result = collect(sources, settings(notes_dir="."), None)
    english = {p.name[:10]: p for p in posts if p.parts[-4] == "en"}
    expected = set()
    for welsh in (p for p in posts if p.parts[-4] == "cy"):
        twin = english.get(welsh.name[:10])
        if twin is not None and front(twin, "ref") == front(welsh, "ref"):
            expected.add((twin.relative_to(NRW).as_posix(), welsh.relative_to(NRW).as_posix()))
    assert len(expected) >= 15
    assert set(result.translations.values()) == expected


def test_the_nrw_archive_keeps_a_note_with_a_copied_ref_whole(tmp_path: Path) -> None:
    nrw_posts()
    site = tmp_path / "nrw"
    site.mkdir()
    (site / "mkdocs.yml").write_text(
        f"site_name: NRW\ndocs_dir: {json.dumps(str(NRW))}\nplugins:\n  - weeknotes:\n"
        '      notes_dir: "."\n      include: ["*/updates/_posts/*.md"]\n'
    )
    build = mkdocs_build(site, tmp_path)
    assert build.exit_code == 0, build.output
    november = "en/updates/_posts/2024-11-29-week-notes.md"
    assert front(NRW / november, "ref") == front(
        NRW / "en/updates/_posts/2024-07-12-week-notes.md", "ref"
    )
    # Its own week page, and July's week holds July's note only.
    assert "Weeknotes 29/11/2024" in build.page("weeks/2024-W48/index.html")
    july = build.page("weeks/2024-W28/index.html")
    assert "Weeknotes 12/07/2024" in july and "29/11/2024" not in july
    assert "Weeknotes 29/11/2024" in build.page("2024/index.html")
    lines = build.problem_lines()
    assert any(f"{november}:5: WN202 another note has the 'ref'" in line for line in lines)
    # A June note in each language, one `ref` each: told to share one.
    june = [
        "cy/updates/_posts/2023-06-16-week-notes.md",
        "en/updates/_posts/2023-06-15-week-notes.md",
    ]
    for path in june:
        mine = [line for line in lines if path + ":" in line.split(" ")[0]]
        assert len(mine) == 1 and "give both the same 'ref'" in mine[0], mine
