"""Which notes are translations of each other, and what a `ref` that cannot be says."""

from __future__ import annotations

import time

from mkdocs_weeknotes.planning.generated import plan_pages
from mkdocs_weeknotes.reading.collection import Source, Weeknotes, collect
from tests.conftest import settings


def note(name: str, date: str, author: str, lang: str = "", ref: str = "") -> Source:
    lines = ["---", f"date: {date}", f"author: {author}"]
    lines += [f"lang: {lang}"] if lang else []
    lines += [f"ref: {ref}"] if ref else []
    text = "\n".join([*lines, "---", "", f"The week of {name}.", ""])
    return Source(f"weeknotes/{name}.md", f"docs/weeknotes/{name}.md", text.encode())


def build(*sources: Source) -> Weeknotes:
    return collect(list(sources), settings(), None)


def groups(result: Weeknotes) -> set[tuple[str, ...]]:
    return {
        tuple(uri.removeprefix("weeknotes/").removesuffix(".md") for uri in group)
        for group in result.translations.values()
    }


def lines(result: Weeknotes, code: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for problem in result.problems:
        if problem.code == code:
            name = problem.path.removeprefix("docs/weeknotes/").removesuffix(".md")
            found.setdefault(name, []).append(problem.format())
    return found


def listed(result: Weeknotes) -> list[str]:
    plan = plan_pages(result, settings(), include_drafts=False)
    return sorted(n.src_uri.removeprefix("weeknotes/").removesuffix(".md") for n in plan.notes)


def test_a_translation_in_another_language_of_the_same_week_and_people_is_one_note() -> None:
    result = build(
        note("en", "2024-07-12", "Toyah and Kim", "en", "wk28"),
        note("cy", "2024-07-11", "Toyah and Kim", "cy", "wk28"),
    )
    assert groups(result) == {("en", "cy")}
    assert result.problems == ()
    assert listed(result) == ["en"]


def test_a_ref_copied_onto_a_note_of_another_week_in_the_same_language_folds_nothing() -> None:
    result = build(
        note("july", "2024-07-12", "Toyah and Kim", "en", "wk28"),
        note("july-cy", "2024-07-12", "Toyah and Kim", "cy", "wk28"),
        note("november", "2024-11-29", "Toyah and Owain", "en", "wk28"),
    )
    # July keeps its Welsh translation; November is a note of its own, listed.
    assert groups(result) == {("july", "july-cy")}
    assert listed(result) == ["july", "november"]
    found = lines(result, "WN202")
    # The clash is between the two English notes; the Welsh one is not at fault.
    assert sorted(found) == ["july", "november"]
    assert found["november"] == [
        "docs/weeknotes/november.md:5: WN202 another note has the 'ref' 'wk28' and is in"
        " 'en' too, so each is a note of its own: docs/weeknotes/july.md"
        " (give the note that is not a translation its own 'ref')"
    ]
    assert "docs/weeknotes/november.md" in found["july"][0]
    flagged = {n.src_uri: n.has_problems for n in result.notes}
    assert flagged == {
        "weeknotes/july.md": True,
        "weeknotes/july-cy.md": False,
        "weeknotes/november.md": True,
    }


def test_notes_of_different_weeks_or_people_are_never_translations() -> None:
    result = build(
        note("en", "2024-03-01", "Ana", "en", "shared"),
        note("cy-later", "2024-03-08", "Ana", "cy", "shared"),
        note("fr-other", "2024-03-01", "Ben", "fr", "shared"),
    )
    assert groups(result) == set()
    assert listed(result) == ["cy-later", "en", "fr-other"]
    found = lines(result, "WN202")
    assert [line.split(" WN202 ")[1] for line in found["cy-later"]] == [
        "2 other notes have the 'ref' 'shared' but are for another week, so each is a note"
        " of its own: docs/weeknotes/en.md, docs/weeknotes/fr-other.md (give the note that"
        " is not a translation its own 'ref', or correct its date)"
    ]
    assert any("but is by other people" in line for line in found["fr-other"])
    assert any("or correct its authors" in line for line in found["en"])


def test_translations_that_copied_one_lang_are_still_wn202_with_the_lang_advice() -> None:
    result = build(
        note("a", "2024-03-01", "Ana", "en", "shared"),
        note("b", "2024-03-01", "Ana", "en", "shared"),
    )
    assert groups(result) == set()
    for found in lines(result, "WN202").values():
        assert found[0].endswith(
            "(give each translation its own 'lang', or one of them its own 'ref')"
        )
    # Reported once, as WN202: not also as two notes of Ana's for one week.
    assert lines(result, "WN201") == {}


def test_a_name_joined_by_a_word_the_settings_do_not_know_is_the_same_people() -> None:
    result = build(
        note("en", "2023-03-17", "Andrew and Shaun", "en", "wk11"),
        note("cy", "2023-03-17", "Andrew a Shaun", "cy", "wk11"),
        note("other", "2023-03-17", "Andrew a Sam", "fr", "wk11"),
    )
    assert groups(result) == {("en", "cy")}


def test_a_probable_translation_with_another_ref_is_told_to_share_one() -> None:
    result = build(
        note("en", "2023-06-15", "Laura and Andrew", "en", "2023-06-15-week-notes"),
        note("cy", "2023-06-16", "Laura and Andrew", "cy", "2023-06-16-week-notes"),
    )
    assert groups(result) == set()
    found = lines(result, "WN201")
    # One line a note, not one a person.
    assert found == {
        "cy": [
            "docs/weeknotes/cy.md:5: WN201 a note in 'en' by the same people for the week of"
            " 2023-06-12 has another 'ref': docs/weeknotes/en.md (if it is this note's"
            " translation, give both the same 'ref'; if not, merge them)"
        ],
        "en": [
            "docs/weeknotes/en.md:5: WN201 a note in 'cy' by the same people for the week of"
            " 2023-06-12 has another 'ref': docs/weeknotes/cy.md (if it is this note's"
            " translation, give both the same 'ref'; if not, merge them)"
        ],
    }


def test_notes_in_one_language_or_by_other_people_stay_a_plain_wn201() -> None:
    result = build(
        note("en", "2023-06-15", "Laura and Andrew", "en", "one"),
        note("en-again", "2023-06-16", "Laura", "en", "two"),
        note("cy-other", "2023-06-16", "Laura and Sam", "cy", "three"),
    )
    found = lines(result, "WN201")
    assert sorted(found) == ["cy-other", "en", "en-again"]
    for name, found_lines in found.items():
        assert all(
            "(merge the notes, or correct the date or week of one)" in x for x in found_lines
        )
        assert not any("same 'ref'" in x for x in found_lines), name


def test_many_notes_with_one_ref_are_grouped_and_reported_quickly() -> None:
    sources = [
        note(f"n{i:04}", f"2019-{1 + i % 12:02}-{1 + i % 28:02}", "Rob", ("en", "cy")[i % 2], "x")
        for i in range(1500)
    ]
    start = time.monotonic()
    result = build(*sources)
    assert time.monotonic() - start < 20
    assert all(len(group) == 2 for group in result.translations.values())
    wn202 = [p for p in result.problems if p.code == "WN202"]
    assert {p.path for p in wn202} == {s.path for s in sources}
    assert max(len(p.format()) for p in wn202) < 300
