"""The plan of generated pages: paths, grouping, pagination, neighbours."""

from __future__ import annotations

import datetime
import posixpath

from mkdocs_weeknotes.planning.generated import plan_pages
from mkdocs_weeknotes.planning.listings import paginate
from mkdocs_weeknotes.reading.collection import Source, collect
from tests.conftest import settings, team


def notes(*specs: tuple[str, str]) -> list[Source]:
    return [
        Source(f"weeknotes/{name}", f"docs/weeknotes/{name}", f"---\n{fm}\n---\nBody.\n".encode())
        for name, fm in specs
    ]


def test_generated_paths_never_leave_the_notes_folder() -> None:
    sources = notes(
        ("2019-06-28-a.md", 'authors: [rob]\nthemes: ["../../../../tmp/x", "..", "/etc/passwd"]'),
        ("2019-07-05-b.md", "authors: [liz]\nthemes: ['a\\\\b', 'C:\\\\x', '日本語']"),
    )
    weeknotes = collect(sources, settings(), team())
    plan = plan_pages(weeknotes, settings(), include_drafts=False)
    uris = [spec.src_uri for spec in plan.pages]
    assert len(uris) == len(set(uris))
    for uri in uris:
        assert uri.startswith("weeknotes/") and uri.endswith("/index.md")
        assert posixpath.normpath(uri) == uri and ".." not in uri.split("/")
        assert "\\" not in uri and ":" not in uri
    assert "weeknotes/themes/tmp-x/index.md" in uris
    assert "weeknotes/themes/etc-passwd/index.md" in uris
    assert "weeknotes/themes/日本語/index.md" in uris


def test_plan_groups_weeks_years_and_pages() -> None:
    sources = notes(
        ("2018-12-28-a.md", "authors: [rob]\nthemes: [x]"),
        ("2019-01-04-b.md", "authors: [rob, liz]\nthemes: [x]"),
        ("2019-01-11-c.md", "authors: [liz]\nthemes: [x]\ndraft: true"),
        ("2019-01-18-d.md", "authors: [liz]\nthemes: [x]"),
    )
    weeknotes = collect(sources, settings(), team())
    built = plan_pages(weeknotes, settings(latest_weeks=2, page_size=2), include_drafts=False)
    kinds = {(s.kind, s.key, s.number): [n.src_uri[-4] for n in s.notes] for s in built.pages}
    assert kinds[("theme", "x", 1)] == ["d", "b"]
    assert kinds[("theme", "x", 2)] == ["a"]
    assert kinds[("person", "liz", 1)] == ["d", "b"]
    latest = next(s for s in built.pages if s.kind == "latest")
    assert [g.week for g in latest.weeks] == [
        datetime.date(2019, 1, 14),
        datetime.date(2018, 12, 31),
    ]
    assert list(built.years) == [2019, 2018]
    # A week is filed under the year it commences in: w/c 31 December 2018 is 2018's.
    assert [g.week for g in built.years[2018]] == [
        datetime.date(2018, 12, 31),
        datetime.date(2018, 12, 24),
    ]
    older, newer = built.neighbours["weeknotes/2019-01-04-b.md"]["liz"]
    assert older is None and newer is not None and newer.src_uri.endswith("d.md")
    with_drafts = plan_pages(weeknotes, settings(), include_drafts=True)
    assert len(with_drafts.by_theme["x"]) == 4


def test_paginate() -> None:
    assert paginate([], 3) == [[]]
    assert paginate([1, 2, 3], 3) == [[1, 2, 3]]
    assert paginate([1, 2, 3, 4], 3) == [[1, 2, 3], [4]]


def test_a_years_archive_is_in_a_folder_of_four_digits() -> None:
    # As notes are read: a folder of other digits (`999/`) holds notes, not a year.
    sources = notes(("0999-06-28-a.md", "authors: [rob]"), ("2019-06-28-b.md", "authors: [rob]"))
    plan = plan_pages(collect(sources, settings(), team()), settings(), include_drafts=False)
    years = {spec.key: spec.src_uri for spec in plan.pages if spec.kind == "year"}
    assert years == {"999": "weeknotes/0999/index.md", "2019": "weeknotes/2019/index.md"}
    assert all(settings().selector.generated_place(uri[10:]) for uri in years.values())
