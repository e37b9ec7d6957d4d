"""The front-matter reader: every key with its line, whatever the file looks like."""

from __future__ import annotations

import datetime

import pytest

from mkdocs_weeknotes.reading.frontmatter import Invalid, read
from tests.conftest import check, codes


def lines(text: str | bytes) -> dict[str, int]:
    return {key: field.line for key, field in read(text, "n.md").fields.items()}


def test_lf_and_crlf_give_the_same_lines() -> None:
    lf = "---\ntitle: A\ndate: 2019-06-28\n---\nBody\n"
    assert lines(lf) == {"title": 2, "date": 3}
    assert lines(lf.replace("\n", "\r\n")) == {"title": 2, "date": 3}
    assert read(lf.replace("\n", "\r\n"), "n.md").body == "Body\n"


def test_bom_and_fences_with_trailing_spaces() -> None:
    text = b"\xef\xbb\xbf---  \ntitle: A\n--- \t\nBody"
    fm = read(text, "n.md")
    assert fm.problems == ()
    assert fm.fields["title"].value == "A" and fm.fields["title"].line == 2
    assert fm.body == "Body" and fm.body_line == 4


def test_dots_close_the_block_too() -> None:
    assert lines("---\ntitle: A\n...\nBody") == {"title": 2}


def test_empty_files_and_files_without_front_matter() -> None:
    for text in ("", "\n", "Just text\n", "# Title\n\n---\n"):
        fm = read(text, "n.md")
        assert fm.fields == {} and fm.problems == () and not fm.has_block
    empty = read("---\n---\nBody", "n.md")
    assert empty.fields == {} and empty.problems == () and empty.has_block


def test_key_with_no_value_is_null_with_its_line() -> None:
    fm = read("---\nprojects:\ntitle: A\n---\n", "n.md")
    assert fm.fields["projects"].value is None and fm.fields["projects"].line == 2


def test_block_list_items_keep_their_lines() -> None:
    fm = read("---\nthemes:\n- a\n-   b\n  # comment\n- c\n---\n", "n.md")
    assert fm.fields["themes"].value == ["a", "b", "c"]
    assert fm.fields["themes"].item_lines == (3, 4, 6)


def test_a_bad_value_does_not_hide_the_others() -> None:
    fm = read("---\ndate: 2019-06-31\ntitle: A\n---\n", "n.md")
    assert isinstance(fm.fields["date"].value, Invalid)
    assert fm.fields["date"].raw == "2019-06-31"
    assert fm.fields["title"].value == "A"


def test_values_are_constructed_safely() -> None:
    fm = read("---\nd: 2019-06-28\nn: 3\nb: yes\nx: !!python/object:os.system ls\n---\n", "n.md")
    assert fm.fields["d"].value == datetime.date(2019, 6, 28)
    assert fm.fields["n"].value == 3 and fm.fields["b"].value is True
    assert isinstance(fm.fields["x"].value, Invalid)  # never executed, never a crash


def test_non_string_keys_are_read_as_written() -> None:
    assert lines("---\n2019: a\ntrue: b\n---\n") == {"2019": 2, "true": 3}


def test_anchors_and_merge_keys() -> None:
    fm = read("---\nbase: &b {x: 1}\nother:\n  <<: *b\n<<: {y: 2}\n---\n", "n.md")
    assert set(fm.fields) == {"base", "other"}


def test_not_utf8_is_a_problem_naming_the_file_and_line() -> None:
    fm = read(b"---\ntitle: ok\n---\nline 4\n\xff\xfe here\n", "docs/x.md")
    assert [(p.path, p.line, p.code) for p in fm.problems] == [("docs/x.md", 5, "WN001")]
    assert "\ufffd" in fm.body


def test_yaml_errors_become_problems_with_lines() -> None:
    cases = {
        "---\ntitle: x\n\tbad: 1\n---\n": 3,
        "---\na: *undefined\n---\n": 2,
        "---\na: \x07\n---\n": 2,
        "---\na: 1\n b: 2\n---\n": 3,
        "---\n" + "[" * 2000 + "\n---\n": 2,
    }
    for text, line in cases.items():
        fm = read(text, "n.md")
        assert [(p.code, p.line) for p in fm.problems] == [("WN002", line)], text[:30]
        assert fm.fields == {} and not fm.parsed


def test_control_characters_are_left_out_of_values() -> None:
    fm = read('---\ntitle: "a\\0b\\x1bc\\td"\nthemes: ["x\\ay"]\nmeta: {k: "v\\0"}\n---\n', "a.md")
    assert fm.values() == {"title": "abc\td", "themes": ["xy"], "meta": {"k": "v"}}
    assert fm.fields["title"].raw == "abc\td"


@pytest.mark.parametrize("brk", ["\u2028", "\u2029", "\x85"])
def test_line_breaks_only_yaml_counts_do_not_move_the_lines_of_problems(brk: str) -> None:
    # YAML takes these for line breaks; an editor, and the file's lines, do not.
    block = (
        f'---\ntitle: "One{brk}two"\nsummary: "a{brk}b{brk}c"\n'
        "date: 2019-06-28\nthemez: [x]\ndate: 2019-06-29\nauthors:\n  - rob\n"
    )
    result = check(block + "---\nHi.\n")
    assert sorted(codes(result)) == [("WN005", 6), ("WN006", 5)]
    assert any("first on line 4" in p.message for p in result.problems)
    fm = read(block + "---\n", "a.md")
    assert fm.fields["authors"].line == 7 and fm.fields["authors"].item_lines == (8,)
    broken = read(f'---\ntitle: "a{brk}b{brk}c"\nthemes: [x\n---\n', "a.md")
    assert [(p.code, p.line) for p in broken.problems] == [("WN002", 3)]
    listed = read(f'---\ntitle: "a{brk}b"\n- x\n---\n', "a.md")
    assert [(p.code, p.line) for p in listed.problems] == [("WN002", 3)]
