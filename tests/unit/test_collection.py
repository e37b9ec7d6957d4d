"""The whole set of notes: rules across notes, people and themes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mkdocs_weeknotes.reading.authors import Authors
from mkdocs_weeknotes.reading.collection import ReadCache, Source, collect, load_authors
from tests.conftest import settings, team


def source(name: str, text: str) -> Source:
    return Source(f"weeknotes/{name}", f"docs/weeknotes/{name}", text.encode())


def test_wn201_two_notes_same_person_same_week_name_each_other() -> None:
    notes = [
        source("a.md", "---\ndate: 2019-06-24\nauthors: [rob]\n---\n"),
        source("b.md", "---\ntitle: B\ndate: 2019-06-28\nauthors: [rob, liz]\n---\n"),
        source("c.md", "---\ndate: 2019-07-01\nauthors: [rob]\n---\n"),
    ]
    result = collect(notes, settings(), team())
    found = [(p.path, p.line, p.code) for p in result.problems]
    assert found == [
        ("docs/weeknotes/a.md", 2, "WN201"),
        ("docs/weeknotes/b.md", 3, "WN201"),
    ]
    assert "docs/weeknotes/b.md" in result.problems[0].message
    assert "docs/weeknotes/a.md" in result.problems[1].message
    assert [n.has_problems for n in result.notes] == [True, True, False]


def test_free_text_people_are_one_person_per_slug() -> None:
    notes = [
        source("2023-01-06-a.md", "---\nauthor: Tim Davies\n---\n"),
        source("2023-01-13-b.md", "---\nauthor: Tim Davies\n---\n"),
        source("2023-01-20-c.md", "---\nauthor: tim davies\n---\n"),
    ]
    result = collect(notes, settings(), None)
    assert result.problems == ()
    assert list(result.people) == ["tim-davies"]
    assert result.people["tim-davies"].name == "Tim Davies"
    assert {n.authors for n in result.notes} == {("tim-davies",)}


def test_theme_spellings_merge_under_the_commonest_label() -> None:
    notes = [
        source("2019-06-28-a.md", "---\nauthors: rob\nthemes: [Data Science]\n---\n"),
        source("2019-07-05-b.md", "---\nauthors: rob\nthemes: [data-science]\n---\n"),
        source("2019-07-12-c.md", "---\nauthors: rob\nthemes: [Data Science, AI]\n---\n"),
    ]
    result = collect(notes, settings(), team())
    assert {slug: t.label for slug, t in result.themes.items()} == {
        "ai": "AI",
        "data-science": "Data Science",
    }
    assert all(
        t.label == "Data Science"
        for n in result.notes
        for t in n.themes
        if t.slug == "data-science"
    )


def test_problems_are_sorted_and_unique_and_notes_kept() -> None:
    notes = [
        source("b.md", "---\ndate: 2019-06-31\nauthors: [robb]\n---\n"),
        source("a.md", "---\ndate: 2019-06-28\nauthors: [rob]\nthemse: x\n---\n"),
    ]
    result = collect(notes, settings(), team())
    assert [(p.path, p.line) for p in result.problems] == [
        ("docs/weeknotes/a.md", 4),
        ("docs/weeknotes/b.md", 2),
        ("docs/weeknotes/b.md", 3),
    ]
    assert [n.src_uri for n in result.notes] == ["weeknotes/a.md", "weeknotes/b.md"]
    assert result.note("weeknotes/b.md") is not None


def test_a_broken_authors_file_is_one_problem_not_one_per_author(tmp_path: Path) -> None:
    (tmp_path / "weeknotes").mkdir()
    (tmp_path / "weeknotes" / ".authors.yml").write_text("authors: [\n")
    authors, problems = load_authors(str(tmp_path), settings(), "docs/weeknotes/.authors.yml")
    assert authors is None
    assert [(p.code, p.line) for p in problems] == [("WN301", 1)]
    days = ("2019-06-07", "2019-06-14", "2019-06-21")
    notes = [source(f"{day}-x.md", "---\nauthors: [robb]\n---\n") for day in days]
    result = collect(notes, settings(), authors, problems)
    assert [p.code for p in result.problems] == ["WN301"]


def test_missing_named_authors_file_is_wn303(tmp_path: Path) -> None:
    authors, problems = load_authors(
        str(tmp_path), settings(authors_file="team.yml"), "docs/team.yml"
    )
    assert authors is None and [(p.path, p.code) for p in problems] == [("docs/team.yml", "WN303")]
    assert load_authors(str(tmp_path), settings(), "x") == (None, [])


def test_built_titles_use_the_commonest_spelling_of_a_free_text_name() -> None:
    notes = [
        source("2023-01-06-a.md", "---\nauthor: Sam Whitlock\n---\n"),
        source("2023-01-13-b.md", "---\nauthor: Sam Whitlock\n---\n"),
        source("2023-01-20-c.md", "---\nauthor: sam whitlock\n---\n"),
    ]
    result = collect(notes, settings(), None)
    assert [n.title for n in result.notes] == [
        "Weeknote: Sam Whitlock, w/c January 2, 2023",
        "Weeknote: Sam Whitlock, w/c January 9, 2023",
        "Weeknote: Sam Whitlock, w/c January 16, 2023",
    ]


def test_a_read_cache_reads_again_only_what_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    import mkdocs_weeknotes.reading.collection as collection

    reads: list[str] = []
    real = collection.read_note

    def counting(*args: Any, **kwargs: Any) -> Any:
        reads.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(collection, "read_note", counting)
    notes = [
        source("a.md", "---\ndate: 2019-06-24\nauthors: [rob]\n---\n"),
        source("b.md", "---\ndate: 2019-07-10\nauthors: [rob]\n---\n"),
        source("c.md", "---\ndate: 2019-07-01\nauthors: [robb]\n---\n"),
    ]
    cache = ReadCache()
    first = collect(notes, settings(), team(), cache=cache)
    assert len(reads) == 3
    # Unchanged sources, settings and authors: nothing is read again, nothing differs.
    again = collect(notes, settings(), team(), cache=cache)
    assert len(reads) == 3 and again == first
    # One note edited: only it is read; the rule across notes still sees both.
    notes[1] = source("b.md", "---\ndate: 2019-06-26\nauthors: [rob]\n---\n")
    edited = collect(notes, settings(), team(), cache=cache)
    assert reads[3:] == ["weeknotes/b.md"]
    assert [p.code for p in edited.problems] == ["WN201", "WN201", "WN103"]
    assert edited == collect(notes, settings(), team())  # read afresh, without a cache
    # New settings or a new authors file: every note is read again.
    before = len(reads)
    collect(notes, settings(required=["date", "authors", "title"]), team(), cache=cache)
    assert len(reads) == before + 3
    fewer = Authors({"rob": team().people["rob"]})
    result = collect(notes, settings(required=["date", "authors", "title"]), fewer, cache=cache)
    assert len(reads) == before + 6
    assert result == collect(notes, settings(required=["date", "authors", "title"]), fewer)
    # Notes that are gone leave the cache.
    collect(notes[:1], settings(), team(), cache=cache)
    assert len(cache.entries) == 1


def test_a_new_theme_language_reads_every_note_again() -> None:
    """Fallback titles are in the site's language: a cache of another's is stale."""
    notes = [source("a.md", "---\ndate: 2019-06-24\nauthor: rob\n---\n")]
    cache = ReadCache()
    options = settings()
    assert collect(notes, options, team(), cache=cache).notes[0].title.startswith("Weeknote:")
    options.use_language("cy")
    welsh = collect(notes, options, team(), cache=cache).notes[0].title
    assert welsh.startswith("Nodyn wythnos: Rob Miller")
