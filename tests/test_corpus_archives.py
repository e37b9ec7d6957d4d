"""Three real archives of three shapes, each built in place with --strict and
the settings of docs/moving-in.md:

- nrw: a bilingual Jekyll site, English and Welsh posts in two folders, each
  translation with its original's `ref`;
- w3c: a Jekyll `_posts` folder mixing weeknotes with other project posts;
- digitalland: a Hugo site's weeknotes written in the team's voice, no authors.

The archives are read from ../shared/corpus next to the repository (see each
one's SOURCE.md there); the tests skip when it is absent. Expectations are
computed from the files themselves, not from the plugin.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.conftest import SITES, Build, corpus, mkdocs_build, weeknotes
from tests.htmlcheck import parse, resolve


def text(path: Path) -> str:
    return path.read_bytes().decode("utf-8").replace("\r\n", "\n")


def front(path: Path, key: str) -> str | None:
    """A top-level scalar of a note's front matter, as written."""
    match = re.match(r"---[ \t]*\n(.*?)\n---", text(path), re.DOTALL)
    found = (
        re.search(rf"^{key}:[ \t]*(.*?)[ \t]*$", match.group(1), re.MULTILINE) if match else None
    )
    return found.group(1).strip("'\"") if found and found.group(1) else None


def problems(build: Build) -> list[tuple[str, str]]:
    """(file name, code) of each problem the build reported."""
    return sorted(
        (line.split(":")[0].rsplit("/", 1)[1], line.split(" ")[1]) for line in build.problem_lines()
    )


def others(build: Build) -> list[str]:
    """Warnings that are not the plugin's: MkDocs' own, such as broken links."""
    return [line for line in build.warnings() if "mkdocs_weeknotes: " not in line]


def listed(site: Path, folder: Path) -> list[str]:
    """The notes the year pages under `folder` list, as paths in the site."""
    pages = [
        page
        for year in sorted(folder.glob("[0-9][0-9][0-9][0-9]"))
        for page in [year / "index.html", *sorted(year.glob("page/*/index.html"))]
        if page.is_file()
    ]
    found = []
    for page in pages:
        for url in parse(page.read_text("utf-8")).note_links:
            target = resolve(site, page, url)
            assert target is not None, url
            found.append(target[0].parent.relative_to(site).as_posix())
    return found


def build_archive(name: str, tmp_path_factory: pytest.TempPathFactory) -> Build:
    corpus(name)
    return mkdocs_build(SITES / name, tmp_path_factory.mktemp(name), "--strict")


# --- nrw: a bilingual Jekyll site -------------------------------------------------------


@pytest.fixture(scope="module")
def nrw(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_archive("nrw", tmp_path_factory)


def nrw_notes() -> dict[str, list[Path]]:
    source = corpus("nrw") / "source"
    return {
        lang: sorted((source / lang / "updates" / "_posts").glob("*.md")) for lang in ("en", "cy")
    }


def nrw_refs() -> dict[Path, str]:
    return {
        path: (front(path, "ref") or "").strip() for paths in nrw_notes().values() for path in paths
    }


def nrw_slips() -> dict[str, set[str]]:
    """The archive's true slips, from its files, by the code each is reported with
    (as `lang/file name`): English notes that share a `ref` (one copied it from
    an earlier note), and a Welsh note whose `ref` is no English note's, with the
    English note by the same people in its week (its original)."""
    notes, refs = nrw_notes(), nrw_refs()
    english = Counter(refs[path] for path in notes["en"])
    copied = {f"en/{path.name}" for path in notes["en"] if english[refs[path]] > 1}
    pairs = set()
    for welsh in notes["cy"]:
        if refs[welsh] in english:
            continue
        week = date.fromisoformat(welsh.name[:10]).isocalendar()[:2]
        originals = [
            path
            for path in notes["en"]
            if date.fromisoformat(path.name[:10]).isocalendar()[:2] == week
            and front(path, "author") == front(welsh, "author")
        ]
        pairs |= {f"cy/{welsh.name}", *(f"en/{path.name}" for path in originals)}
    return {"WN202": copied, "WN201": pairs}


def info_problems(build: Build) -> dict[str, set[str]]:
    """The plugin's INFO lines by code, each as `lang/file name`."""
    found: dict[str, set[str]] = {}
    for line in build.output.splitlines():
        match = re.match(
            r"INFO +- +mkdocs_weeknotes: \S*/(\w+)/updates/_posts/([^/:]+):\d+: (WN\d+) ", line
        )
        if match:
            found.setdefault(match.group(3), set()).add(f"{match.group(1)}/{match.group(2)}")
    return found


def test_nrw_builds_strict_without_problems(nrw: Build) -> None:
    """Its true slips are listed under `validation` as `info`: each is in the
    output at INFO, and none fails --strict."""
    slips = nrw_slips()
    # Each copy is a later note by other people, of another week: three copies.
    assert sorted(slips["WN202"]) == [
        "en/2023-08-04-week-notes.md",
        "en/2023-08-11-week-notes.md",
        "en/2023-08-25-week-notes.md",
        "en/2023-09-01-week-notes.md",
        "en/2024-07-12-week-notes.md",
        "en/2024-11-29-week-notes.md",
    ]
    assert sorted(slips["WN201"]) == ["cy/2023-06-16-week-notes.md", "en/2023-06-15-week-notes.md"]
    assert problems(nrw) == [], nrw.output
    assert others(nrw) == []
    assert nrw.exit_code == 0, nrw.output
    assert info_problems(nrw) == slips, nrw.output


def test_nrw_broken_link_in_a_note_is_info_not_a_warning(nrw: Build) -> None:
    """The one true slip: a Welsh note's link whose Markdown is broken, which
    `validation: links: not_found: info` keeps from failing --strict."""
    broken = [
        path.name
        for path in nrw_notes()["cy"]
        if re.search(r"\]\(\. ", text(path))  # a link target that starts a sentence
    ]
    assert broken == ["2023-03-31-week-notes.md"]
    assert re.search(r"^INFO .*cy/updates/_posts/2023-03-31-week-notes\.md", nrw.output, re.M)


def test_nrw_welsh_notes_are_translations_of_english_ones(nrw: Build) -> None:
    """Every English note with a ref of its own is listed once; each Welsh note
    with that ref is a link from its entry, never an entry of its own."""
    notes = nrw_notes()
    refs = {path: (front(path, "ref") or "").strip() for paths in notes.values() for path in paths}
    english = Counter(refs[path] for path in notes["en"])
    found = Counter(listed(nrw.site_dir, nrw.site_dir))
    for path in notes["en"]:
        if english[refs[path]] == 1:
            assert found[f"en/updates/_posts/{path.stem}"] == 1, path.name
    paired = [path for path in notes["cy"] if english[refs[path]] == 1]
    assert len(paired) == 20
    html = "".join(page.read_text("utf-8") for page in nrw.site_dir.glob("20*/index.html"))
    for path in paired:
        assert not found[f"cy/updates/_posts/{path.stem}"], path.name
        assert re.search(
            rf'href="[^"]*cy/updates/_posts/{re.escape(quote(path.stem))}/" hreflang="cy"', html
        )


def test_nrw_lists_every_english_note_once(nrw: Build) -> None:
    """Every English note once, and no Welsh note but the one whose `ref` is no
    English note's (WN201): nothing says it is a translation, so it is a note
    of its own until its `ref` is its original's."""
    notes, refs = nrw_notes(), nrw_refs()
    english_refs = {refs[path] for path in notes["en"]}
    found = Counter(listed(nrw.site_dir, nrw.site_dir))
    english = {f"en/updates/_posts/{path.stem}" for path in notes["en"]}
    assert {key for key in found if key.startswith("en/")} == english
    assert all(found[key] == 1 for key in english)
    unpaired = {
        f"cy/updates/_posts/{path.stem}" for path in notes["cy"] if refs[path] not in english_refs
    }
    assert unpaired == {"cy/updates/_posts/2023-06-16-week-notes"}
    assert {key: n for key, n in found.items() if key.startswith("cy/")} == dict.fromkeys(
        unpaired, 1
    )


# --- w3c: weeknotes among other posts ---------------------------------------------------


@pytest.fixture(scope="module")
def w3c(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_archive("w3c", tmp_path_factory)


def test_w3c_builds_strict_without_problems(w3c: Build) -> None:
    assert w3c.exit_code == 0, w3c.output
    assert w3c.warnings() == []


def test_w3c_notes_are_the_weeknotes_and_other_posts_stay_pages(w3c: Build) -> None:
    posts = sorted((corpus("w3c") / "source" / "_posts").glob("*.md"))
    weeknotes = [path for path in posts if "weeknotes" in path.name]
    assert len(posts) == 59 and len(weeknotes) == 19
    found = listed(w3c.site_dir, w3c.site_dir / "_posts")
    assert sorted(found) == sorted(f"_posts/{path.stem}" for path in weeknotes)
    for path in posts:
        assert (w3c.site_dir / "_posts" / path.stem / "index.html").is_file(), path.name


def test_w3c_every_person_has_their_weeknotes(w3c: Build) -> None:
    posts = (corpus("w3c") / "source" / "_posts").glob("*weeknotes*.md")
    # One string may name several people, separated as the plugin always splits them.
    authors = Counter(
        re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        for path in posts
        for name in re.split(r",| and | & |\+", front(path, "author") or "")
    )
    assert "" not in authors
    people = w3c.site_dir / "_posts" / "people"
    for slug, count in authors.items():
        page = people / slug / "index.html"
        assert len(parse(page.read_text("utf-8")).note_links) == count, slug


# --- digitalland: a Hugo site in the team's voice ---------------------------------------


@pytest.fixture(scope="module")
def digitalland(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_archive("digitalland", tmp_path_factory)


def digitalland_notes() -> list[Path]:
    folder = corpus("digitalland") / "source" / "content" / "weeknote"
    return sorted(path for path in folder.glob("*.md") if path.name != "_index.md")


def test_digitalland_has_no_problem_but_the_known_faults(digitalland: Build) -> None:
    """No WN007 for the missing authors (`required: [date]`), and no WN502 for a
    section title that only starts like a rollup heading ("Brownfield Site Validator")."""
    notes = digitalland_notes()
    assert len(notes) == 73
    assert not [path for path in notes if front(path, "author") or front(path, "authors")]
    assert any("\n#### Brownfield Site Validator\n" in text(path) for path in notes)
    assert set(problems(digitalland)) <= {("_index.md", "WN101")}, digitalland.output
    assert others(digitalland) == []


def test_digitalland_without_required_date_has_one_wn007_per_note(tmp_path: Path) -> None:
    """With the default `required`, every note in the team's voice is one WN007."""
    content = corpus("digitalland") / "source" / "content"
    config = (SITES / "digitalland" / "mkdocs.yml").read_text("utf-8")
    config = config.replace("      required: [date]\n", "").replace(
        "../../../../shared/corpus/digitalland/source/content", content.as_posix()
    )
    (tmp_path / "mkdocs.yml").write_text(config, "utf-8")
    done = weeknotes("check", cwd=tmp_path)
    missing = Counter(
        line.split(":")[0].rsplit("/", 1)[1]
        for line in done.stdout.splitlines()
        if " WN007 required field 'authors' is missing" in line
    )
    notes = {path.name for path in digitalland_notes()}
    assert notes <= set(missing) and all(missing[name] == 1 for name in notes)
    # Hugo's _index.md is one more until it is the section's page, not a note.
    assert set(missing) - notes <= {"_index.md"}


def test_digitalland_builds_strict_without_problems(digitalland: Build) -> None:
    assert problems(digitalland) == []
    assert digitalland.exit_code == 0, digitalland.output


def test_digitalland_every_note_is_listed_and_nobody_has_a_page(digitalland: Build) -> None:
    found = listed(digitalland.site_dir, digitalland.site_dir / "weeknote")
    assert sorted(found) == sorted(f"weeknote/{path.stem}" for path in digitalland_notes())
    people = digitalland.site_dir / "weeknote" / "people"
    assert not [page for page in people.glob("*/index.html")]


def test_digitalland_links_without_a_scheme_are_info(digitalland: Build) -> None:
    """The true slips: links written without `https://`, which
    `validation: links: not_found: info` keeps from failing --strict."""
    slips = {
        path.stem
        for path in digitalland_notes()
        if re.search(r"\]\((?!https?:|mailto:|#|/|\.)[\w.-]+\.(?:uk|io|com|org)\)", text(path))
    }
    assert slips == {"2019-10-14", "2020-08-25"}
    for stem in slips:
        assert re.search(rf"^INFO .*weeknote/{stem}\.md", digitalland.output, re.M)


BROWNFIELD = re.compile(r"^#{2,6} (\[)?Brownfield (sites|land)\b", re.IGNORECASE | re.MULTILINE)


def collected(build: Build, rollup: str) -> list[str]:
    """The notes each entry of a rollup's pages comes from."""
    found = []
    folder = build.site_dir / "weeknote" / rollup
    for page in sorted(folder.rglob("index.html")):
        html = page.read_text("utf-8")
        for match in re.finditer(r'class="wn-entry-source" href="([^"]+)"', html):
            target = resolve(build.site_dir, page, match.group(1))
            assert target is not None
            found.append(target[0].parent.name)
    # Each year's page repeats what the latest page shows: count each note once.
    return sorted(set(found))


def test_digitalland_plain_brownfield_headings_are_collected(digitalland: Build) -> None:
    plain = {
        path.stem
        for path in digitalland_notes()
        if any(not m.group(1) for m in BROWNFIELD.finditer(text(path)))
    }
    assert plain
    assert plain <= set(collected(digitalland, "brownfield"))


def test_digitalland_linked_brownfield_headings_are_collected(digitalland: Build) -> None:
    every = {path.stem for path in digitalland_notes() if BROWNFIELD.search(text(path))}
    assert set(collected(digitalland, "brownfield")) == every


def test_digitalland_rollup_entries_do_not_start_with_a_separator(digitalland: Build) -> None:
    html = (digitalland.site_dir / "weeknote" / "brownfield" / "index.html").read_text("utf-8")
    assert 'class="wn-entry-header"' in html
    assert '<p class="wn-entry-header"> · ' not in html
