"""The whole set of notes: rules across notes, people and themes."""

from __future__ import annotations

from mkdocs_weeknotes.collection import Source, collect
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
