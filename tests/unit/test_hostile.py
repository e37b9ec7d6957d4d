"""Hostile input: nothing hangs, nothing is lost, nothing reaches the terminal raw."""

from __future__ import annotations

import time

import pytest

from mkdocs_weeknotes.problems import Problem, quote
from mkdocs_weeknotes.reading.authors import parse_authors
from mkdocs_weeknotes.reading.collection import Source, collect
from tests.conftest import check, codes, settings, team

# Nine levels of nine aliases: 9**9 (about 387 million) strings once expanded.
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)
# The keys a to d stay under the limit; e (9**5 items) to i are refused, each on its line.
BOMB_LINES = [("WN008", line) for line in range(8, 13)]


def bomb_note(tail: str) -> str:
    return f"---\ndate: 2019-06-28\nauthors: [rob]\n{BOMB}{tail}\n---\nBody\n"


def quickly(seconds: float = 5.0) -> float:
    return time.monotonic() + seconds


@pytest.mark.parametrize("key", ["draft", "weeknote", "hobby", "themes", "title", "<<"])
def test_an_alias_bomb_is_refused_on_the_line_of_its_key(key: str) -> None:
    deadline = quickly()
    result = check(bomb_note(f"{key}: *i"))
    assert time.monotonic() < deadline
    assert result.note is not None  # a bad `weeknote` does not hide the note
    assert codes(result) == [*BOMB_LINES, ("WN008", 13)]
    assert "more than 10,000 items" in result.problems[-1].message


def test_a_bomb_of_mappings_and_merge_keys_is_refused() -> None:
    text = "---\na: &a {p: 1, q: 1, r: 1}\n"
    for previous, name in zip("abcdefghi", "bcdefghij", strict=False):
        text += f"{name}: &{name} {{p: *{previous}, q: *{previous}, r: *{previous}}}\n"
    text += "m:\n  <<: *j\n  own: 1\n---\n"
    deadline = quickly()
    result = check(text, name="weeknotes/2019/2019-06-28-rob.md")
    assert time.monotonic() < deadline
    assert ("WN008", 12) in codes(result)  # `m`, which merges the largest in
    assert ("WN008", 4) not in codes(result)  # `c` has 79 items: fine


def test_a_self_referencing_alias_is_refused_not_followed_forever() -> None:
    result = check("---\ndate: 2019-06-28\nauthors: [rob]\nloop: &l [*l]\n---\n")
    assert codes(result) == [("WN008", 4)]


def test_an_alias_bomb_as_a_key_is_refused() -> None:
    result = check(bomb_note("? *i\n: 1"))
    # An alias is the node it names, so the key is found where `i` was written.
    assert codes(result) == [*BOMB_LINES, ("WN008", 12)]
    assert result.problems[-1].message.startswith("a key holds more than")


def test_required_fields_given_as_a_bomb_are_not_also_missing() -> None:
    result = check(bomb_note("themes: *i"), required=["date", "authors", "themes"])
    assert codes(result) == [*BOMB_LINES, ("WN008", 13)]


def test_an_alias_bomb_in_the_authors_file_is_refused() -> None:
    anchors = BOMB.replace("\n", "\n  ").rstrip()
    data = f"rest:\n  {anchors}\nauthors:\n  rob:\n    name: Rob\n  bomb:\n    name: B\n    x: *i\n"
    deadline = quickly()
    authors = parse_authors(data.encode(), "a.yml")
    assert time.monotonic() < deadline
    assert list(authors.people) == ["rob"]
    assert [(p.code, p.line) for p in authors.problems] == [("WN301", 1), ("WN301", 14)]


def test_quoted_values_are_short_and_on_one_line() -> None:
    long = "x" * 10_000_000
    result = check(f"---\ndate: 2019-06-28\nauthors: [rob, '{long}']\n---\n")
    (problem,) = result.problems
    assert problem.code == "WN103" and len(problem.format()) < 200
    assert quote("a\x1b]0;owned\x07b\nc\u2028d\x9b") == "'a\\x1b]0;owned\\x07b\\nc\\u2028d\\x9b'"
    assert quote("y" * 100) == "'" + "y" * 59 + "…'"


def test_control_characters_never_reach_a_problem_line() -> None:
    nasty = "\x1b]0;owned\x07"
    result = check(f'---\ndate: "{nasty}\\n2019"\nauthors: ["\\u0000", rob]\n---\n')
    for problem in result.problems:
        line = problem.format()
        assert line.isprintable(), line
    path = Problem("docs/a\nb\x1b.md", 1, "WN101", "m")
    assert path.format() == "docs/a\\nb\\x1b.md:1: WN101 m"


def test_wn201_lines_stay_short_however_many_notes_share_a_week() -> None:
    notes = [
        Source(
            f"weeknotes/n{i:04}.md",
            f"docs/weeknotes/n{i:04}.md",
            b"---\ndate: 2019-06-28\nauthors: [rob]\n---\n",
        )
        for i in range(1500)
    ]
    deadline = quickly(20)
    result = collect(notes, settings(), team())
    assert time.monotonic() < deadline
    assert len(result.problems) == 1500
    first = result.problems[0].message
    assert first.endswith(
        "docs/weeknotes/n0001.md, docs/weeknotes/n0002.md, docs/weeknotes/n0003.md and 1,496 more"
    )
    assert max(len(p.format()) for p in result.problems) < 250


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntitle: x\ndate: [\n---\n", [("WN002", 3)]),
        ("---\ntitle: x\n", [("WN004", 1)]),
        ("---\n- a\n- b\n---\n", [("WN003", 2)]),
    ],
)
def test_a_block_that_cannot_be_read_is_reported_alone(
    text: str, expected: list[tuple[str, int]]
) -> None:
    result = check(text, name="weeknotes/2019/rob.md")
    assert codes(result) == expected
    dated = check(text)  # the file name's date still places the note
    assert dated.note is not None and str(dated.note.date) == "2019-06-28"


def test_an_empty_author_or_theme_in_a_list_is_a_problem_on_its_line() -> None:
    result = check(
        "---\ndate: 2019-06-28\nauthors: ['']\nthemes:\n  - a\n  - ''\n---\n",
        required=["date", "authors"],
    )
    assert codes(result) == [("WN104", 3), ("WN107", 6), ("WN007", 7)]


def test_duplicate_keys_in_the_authors_file_are_read_as_yaml_reads_them() -> None:
    data = (
        b"authors:\n  rob:\n    name: Old\n"
        b"authors:\n  rob:\n    name: Rob\n  rob:\n    name: Robert\n    name: Bob\n"
    )
    authors = parse_authors(data, "a.yml")
    assert authors.people["rob"].name == "Bob"
    found = [(p.code, p.line, p.message) for p in authors.problems]
    assert found == [
        ("WN304", 4, "key 'authors' appears twice (first on line 1)"),
        ("WN304", 7, "author id 'rob' appears twice (first on line 5)"),
        ("WN304", 9, "key 'name' appears twice (first on line 8)"),
    ]
