"""Settings a careless or hostile mkdocs.yml may hold: each a plain config error."""

from __future__ import annotations

from typing import Any

import pytest
from mkdocs.config.base import ValidationError

from mkdocs_weeknotes.config import WeeknotesConfig, load_settings


def refused(values: dict[str, Any]) -> str:
    """The message of the config error that `values` give."""
    with pytest.raises(ValidationError) as caught:
        load_settings(values)
    return str(caught.value)


@pytest.mark.parametrize(
    "pattern",
    [
        "{people:>99999999999}",
        "{people.__class__}",
        "{week.__class__.__init__}",
        "{people[0]}",
        "{people!r}",
        "{week:%999999999Y}",
        "{week:{people}}",
        "{}",
        "{0}",
    ],
)
def test_title_format_allows_only_its_fields(pattern: str) -> None:
    assert "the placeholders are {people}, {week} and {date}" in refused({"title_format": pattern})


def test_title_format_errors_name_what_is_wrong() -> None:
    assert "{people.__class__} is not one of them" in refused(
        {"title_format": "{people.__class__}"}
    )
    assert "empty" in refused({"title_format": ""})
    assert "empty" in refused({"title_format": "   "})


@pytest.mark.parametrize(
    "pattern", ["{people}", "{people} – {week:%d %B %Y}", "Notes {{braces}} {date:%-d %b}"]
)
def test_title_format_keeps_what_the_docs_show(pattern: str) -> None:
    assert load_settings({"title_format": pattern}).title_format == pattern


@pytest.mark.parametrize(
    "pattern",
    [
        "{author.__class__}.md",
        "{year:>99999999999}.md",
        "{author!r}.md",
        "{date:%99999999d}.md",
        "{0}.md",
    ],
)
def test_new_note_path_allows_only_its_fields(pattern: str) -> None:
    assert "{date}, {week}, {year} and {author}" in refused({"new_note_path": pattern})


def test_new_note_path_keeps_the_default_and_dates() -> None:
    assert load_settings({"new_note_path": "{week:%Y/%m}/{author}.md"}).new_note_path


@pytest.mark.parametrize(
    ("pattern", "said"),
    [
        ("'unclosed", "quote"),
        ("d MMMM 'y", "quote"),
        ("%Y", "in CLDR that is 'y'"),
        ("%d %B %Y", "in CLDR that is 'dd MMMM y'"),
        ("%A, %-d %b", "in CLDR that is 'EEEE, d MMM'"),
        ("%H:%M", "'d MMMM y'"),
        ("'just words'", "no day, month or year"),
        ("", "no day, month or year"),
    ],
)
def test_date_format_refuses_what_would_blank_or_garble_dates(pattern: str, said: str) -> None:
    assert said in refused({"date_format": pattern})


@pytest.mark.parametrize(
    "pattern", ["long", "short", "d MMMM y", "EEEE d 'of' MMMM, y", "d MMM y, 'o''clock'"]
)
def test_date_format_keeps_cldr_patterns(pattern: str) -> None:
    assert load_settings({"date_format": pattern}).date_format == pattern


def test_themes_without_a_slug_are_refused() -> None:
    message = refused({"themes": {"data": "Data", "!!": "Bangs"}})
    assert "'!!'" in message and "themes" in message


def test_themes_with_the_same_slug_are_refused() -> None:
    message = refused({"themes": {"Data Science": "A", "data-science": "B"}})
    assert "'Data Science'" in message and "'data-science'" in message


def warnings_of(values: dict[str, Any]) -> list[tuple[str, str]]:
    config = WeeknotesConfig()
    config.load_dict(values)
    failed, warnings = config.validate()
    assert not failed
    return warnings


def test_unknown_rollup_keys_are_warned_about_like_the_learning_logs() -> None:
    log = warnings_of({"learning_log": {"titel": "x"}})
    assert log and "titel" in log[0][1]
    rollup = warnings_of({"rollups": {"reading": {"headings": ["Reading"], "titel": "x"}}})
    assert [key for key, _ in rollup] == ["rollups"]
    assert "titel" in rollup[0][1] and "reading" in rollup[0][1]


def test_a_rollup_error_names_the_rollup() -> None:
    assert "'reading'" in refused({"rollups": {"reading": {"headings": []}}})


@pytest.mark.parametrize(
    "values",
    [
        {"learning_log": {"path": "people/rob"}},
        {"learning_log": {"path": "themes/data"}},
        {"learning_log": {"path": "2019/learning"}},
        {"rollups": {"reading": {"headings": ["R"], "path": "people/x/y"}}},
        {"rollups": {"reading": {"headings": ["R"], "path": "learning/2019"}}},
        {"rollups": {"reading": {"headings": ["R"], "path": "learning/reading"}}},
        {"learning_log": {"path": "reading/log"}, "rollups": {"reading": {"headings": ["R"]}}},
    ],
)
def test_rollup_folders_inside_generated_folders_are_refused(values: dict[str, Any]) -> None:
    message = refused(values)
    assert "path" in message and "inside" in message


def test_rollup_folders_may_nest_under_other_folders() -> None:
    settings = load_settings({"learning_log": {"path": "logs/learning"}})
    assert [r.path for r in settings.rollup_list] == ["logs/learning"]


def test_any_rollup_key_gets_a_folder() -> None:
    settings = load_settings({"rollups": {"Books/articles": {"headings": ["Reading"]}}})
    assert [r.path for r in settings.rollup_list] == ["learning", "books-articles"]


def test_a_rollup_may_not_take_the_learning_logs_name() -> None:
    message = refused({"rollups": {"learning": {"headings": ["R"], "path": "other"}}})
    assert "the learning log's name" in message
    assert load_settings(
        {"learning_log": {"enabled": False}, "rollups": {"learning": {"headings": ["R"]}}}
    )


def test_a_rollup_without_a_slug_needs_a_path() -> None:
    assert "give it a 'path'" in refused({"rollups": {"!!": {"headings": ["R"]}}})
    assert load_settings({"rollups": {"!!": {"headings": ["R"], "path": "bangs"}}})


def test_validation_sets_a_level_for_each_code_listed() -> None:
    assert load_settings().validation == {}
    settings = load_settings({"validation": {"WN202": "info", "wn201": "ignore", "WN103": "warn"}})
    # A code in lower case is the same code.
    assert settings.validation == {"WN202": "info", "WN201": "ignore", "WN103": "warn"}


def test_validation_refuses_an_unknown_code_with_the_nearest_known_one() -> None:
    with pytest.raises(ValidationError, match=r"'WN2O2' is not a problem code.*'WN202'"):
        load_settings({"validation": {"WN2O2": "info"}})
    with pytest.raises(ValidationError, match=r"'links' is not a problem code"):
        load_settings({"validation": {"links": "info"}})


@pytest.mark.parametrize("level", ["error", "INFO ", True, None, ["info"]])
def test_validation_refuses_a_level_that_is_not_warn_info_or_ignore(level: object) -> None:
    with pytest.raises(ValidationError, match=r"WN202: .* is not a level; use one of warn, info"):
        load_settings({"validation": {"WN202": level}})


def test_validation_is_a_mapping() -> None:
    with pytest.raises(ValidationError, match="validation"):
        load_settings({"validation": ["WN202"]})
