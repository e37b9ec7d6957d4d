"""Arbitrary text and bytes through the core: no exception escapes, lines stay inside."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_weeknotes.reading.collection import Source, collect
from mkdocs_weeknotes.reading.frontmatter import decode, read
from mkdocs_weeknotes.reading.notes import read_note
from tests.conftest import settings as weeknotes_settings
from tests.conftest import team

SETTINGS = weeknotes_settings(themes={"skills": "Skills", "data": "Data"})
AUTHORS = team()

KEYS = [
    "title",
    "date",
    "week",
    "authors",
    "author",
    "themes",
    "themse",
    "summary",
    "draft",
    "weeknote",
    "Title",
    "tags",
    "<<",
    "? a",
    "- x",
    "",
]
VALUES = [
    "",
    "2019-06-28",
    "2019-06-31",
    "2019-13-01",
    "2019-06-26",
    "[rob",
    "[rob, liz]",
    "robb",
    "Rob Miller",
    "'unclosed",
    '"x"',
    "yes",
    "true",
    "null",
    "~",
    "{a: 1}",
    "[[1]]",
    "&a x",
    "*a",
    "!!binary Zm9v",
    "!!python/name:os.system",
    "- a",
    "|\n  x",
    ">-\n  folded",
    "2019-06-28 10:00:00",
    "12345678901234567890",
    ".inf",
    "\t",
    "\x00",
    "\ufeff",
    "é",
    "[skills, data",
    "{",
    "]",
    "%YAML 1.1",
    "@",
    "`",
    ":",
]

yaml_line = st.builds(
    lambda key, value, indent: f"{' ' * indent}{key}: {value}",
    st.sampled_from(KEYS),
    st.one_of(st.sampled_from(VALUES), st.text(max_size=20)),
    st.integers(min_value=0, max_value=3),
)
front_matter_text = st.builds(
    lambda fence, lines, close, body, newline: newline.join(
        [fence, *lines, *([close] if close is not None else []), body]
    ),
    st.sampled_from(["---", "--- ", "---\t", "", "----"]),
    st.lists(st.one_of(yaml_line, st.text(max_size=30)), max_size=8),
    st.one_of(st.none(), st.sampled_from(["---", "...", "--- "])),
    st.text(max_size=50),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
NAMES = st.sampled_from(
    ["weeknotes/2019-06-28-rob.md", "weeknotes/rob.md", "weeknotes/2019-02-30-x.md"]
)


def assert_well_formed(data: str | bytes, name: str) -> None:
    result = read_note(data, name, name, SETTINGS, AUTHORS)
    if isinstance(data, bytes):
        text, _ = decode(data, name)
    else:
        text = data.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    line_count = max(len(text.split("\n")), 1)
    assert result.note is not None or result.problems == ()
    for problem in result.problems:
        assert 1 <= problem.line <= line_count, (problem, line_count)
        assert problem.path == name
        assert "\n" not in problem.format()


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter_text, NAMES)
def test_structured_front_matter_never_raises(text: str, name: str) -> None:
    assert_well_formed(text, name)


@settings(max_examples=300)
@given(st.text(max_size=300), NAMES)
def test_any_text_never_raises(text: str, name: str) -> None:
    assert_well_formed(text, name)
    assert_well_formed("---\n" + text, name)
    assert_well_formed("---\n" + text + "\n---\n", name)


@settings(max_examples=300)
@given(st.binary(max_size=300), NAMES)
def test_any_bytes_never_raise(data: bytes, name: str) -> None:
    assert_well_formed(data, name)
    assert_well_formed(b"---\n" + data + b"\n---\n", name)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(front_matter_text, max_size=6))
def test_any_set_of_notes_collects(texts: list[str]) -> None:
    sources = [
        Source(
            f"weeknotes/2019-06-2{i}-n.md",
            f"docs/weeknotes/2019-06-2{i}-n.md",
            text.encode("utf-8", "surrogatepass"),
        )
        for i, text in enumerate(texts)
    ]
    result = collect(sources, SETTINGS, AUTHORS)
    assert list(result.problems) == sorted(set(result.problems))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(yaml_line, max_size=8).map("\n".join))
def test_values_are_what_yaml_itself_makes_of_them(text: str) -> None:
    """Plain text and lists of it skip the YAML constructor; nothing else changes."""
    fm = read(f"---\n{text}\n---\nBody.\n", "x.md")
    try:
        expected = yaml.load(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError):
        return  # an error is reported as a problem, tested elsewhere
    if not isinstance(expected, dict) or not fm.parsed or any(fm.problems):
        return
    for key, found in fm.fields.items():
        assert found.value == expected[key], (key, found.value, expected[key])
