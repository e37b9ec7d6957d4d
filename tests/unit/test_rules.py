"""One test per rule: the code, and the exact line it is reported on."""

from __future__ import annotations

import datetime

import pytest

from mkdocs_weeknotes.reading.notes import first_h1, is_note_path
from tests.conftest import check, codes

GOOD = """\
---
title: Thinking about skills
date: 2019-06-28
authors: [rob]
themes: [skills, data-science]
summary: One sentence.
---

Body.
"""


def test_a_good_note_has_no_problems_and_every_value() -> None:
    result = check(GOOD)
    assert result.problems == ()
    note = result.note
    assert note is not None
    assert note.title == "Thinking about skills"
    assert note.date == datetime.date(2019, 6, 28)
    assert note.week == datetime.date(2019, 6, 24)
    assert note.authors == ("rob",)
    assert [t.slug for t in note.themes] == ["skills", "data-science"]
    assert note.summary == "One sentence."
    assert note.draft is False
    assert note.has_problems is False


def test_wn001_bytes_that_are_not_utf8_name_the_line() -> None:
    result = check(b"---\ndate: 2019-06-28\nauthors: [rob]\n---\n\nCaf\xe9\n")
    assert codes(result) == [("WN001", 6)]
    assert "0xe9" in result.problems[0].message
    assert result.note is not None and result.note.date == datetime.date(2019, 6, 28)


def test_wn002_yaml_syntax_error_is_reported_at_its_line() -> None:
    result = check("---\ndate: 2019-06-28\ntitle: a: b\nauthors: [rob]\n---\n")
    assert codes(result) == [("WN002", 3)]
    assert "mapping values are not allowed" in result.problems[0].message


def test_wn002_unclosed_flow_list_points_at_the_key_that_opened_it() -> None:
    result = check("---\ndate: 2019-06-28\nauthors: [rob]\nthemes: [skills, data\n---\n")
    assert codes(result) == [("WN002", 4)]
    assert result.problems[0].hint == "close the list with ']'"


def test_wn002_unclosed_quote_points_at_the_quote() -> None:
    result = check('---\ntitle: "Half a title\ndate: 2019-06-28\nauthors: [rob]\n---\n')
    assert codes(result) == [("WN002", 2)]
    assert result.problems[0].hint == "close the quote"


def test_wn002_a_yaml_error_reports_nothing_else_and_keeps_no_values() -> None:
    result = check("---\nauthors: [robb\ndate: 2019-06-31\n---\n")
    assert [c for c, _ in codes(result)] == ["WN002"]
    assert result.note is not None and result.note.authors == ()
    # The file-name date still places the note.
    assert result.note.date == datetime.date(2019, 6, 28)


def test_wn003_front_matter_that_is_a_list() -> None:
    result = check("---\n- date: 2019-06-28\n- authors: [rob]\n---\n")
    assert codes(result) == [("WN003", 2)]


def test_wn004_front_matter_never_closed() -> None:
    result = check("---\ndate: 2019-06-28\nauthors: [rob]\n\nBody.\n")
    assert codes(result) == [("WN004", 1)]


def test_wn005_duplicate_key_on_the_second_occurrence() -> None:
    result = check("---\ntitle: One\ndate: 2019-06-28\nauthors: [rob]\ntitle: Two\n---\n")
    assert codes(result) == [("WN005", 5)]
    assert "first on line 2" in result.problems[0].message
    assert result.note is not None and result.note.title == "Two"


def test_wn006_near_miss_key_with_did_you_mean() -> None:
    result = check("---\ndate: 2019-06-28\nauthors: [rob]\nthemse: [skills]\n---\n")
    assert codes(result) == [("WN006", 4)]
    assert result.problems[0].hint == "did you mean 'themes'?"


def test_wn006_keys_of_other_plugins_pass() -> None:
    text = "---\ndate: 2019-06-28\nauthors: [rob]\ntags: [a]\nhide: [toc]\ntemplate: x.html\n"
    text += "description: d\nicon: i\nslug: s\nstatus: new\ncomments: true\n---\n"
    assert check(text).problems == ()


def test_wn006_case_difference_is_a_near_miss() -> None:
    result = check("---\nTitle: Hello\ndate: 2019-06-28\nauthors: [rob]\n---\n")
    assert codes(result) == [("WN006", 2)]
    assert result.problems[0].hint == "did you mean 'title'?"


def test_wn007_required_field_missing_is_reported_at_the_closing_fence() -> None:
    result = check("---\ndate: 2019-06-28\n---\nBody\n")
    assert codes(result) == [("WN007", 3)]
    assert "'authors'" in result.problems[0].message


def test_wn007_required_title_is_satisfied_by_an_h1() -> None:
    text = "---\ndate: 2019-06-28\nauthors: [rob]\n---\n\n# A heading title\n"
    result = check(text, required=["date", "authors", "title"])
    assert result.problems == ()
    assert result.note is not None and result.note.title == "A heading title"
    missing = check("---\ndate: 2019-06-28\nauthors: [rob]\n---\nNo title.\n", required=["title"])
    assert codes(missing) == [("WN007", 4)]


def test_wn007_each_requirable_field() -> None:
    text = "---\ndate: 2019-06-28\nauthors: [rob]\n---\n"
    result = check(text, required=["themes", "summary", "week"])
    assert [(p.code, p.line) for p in result.problems] == [("WN007", 4)] * 3
    assert sorted(p.message.split("'")[1] for p in result.problems) == ["summary", "themes", "week"]


def test_wn101_no_date_anywhere() -> None:
    result = check("---\nauthors: [rob]\n---\n", name="weeknotes/rob-notes.md")
    assert codes(result) == [("WN101", 1)]


def test_wn101_null_date_is_reported_at_its_key() -> None:
    result = check("---\nauthors: [rob]\ndate:\n---\n", name="weeknotes/rob.md")
    assert codes(result) == [("WN101", 3)]


def test_date_from_the_file_name_prefix() -> None:
    result = check("---\nauthors: [rob]\n---\n", name="weeknotes/2022-03-04-weeknotes.md")
    assert result.problems == ()
    assert result.note is not None and result.note.date == datetime.date(2022, 3, 4)


def test_wn102_impossible_date_with_month_length_hint() -> None:
    result = check("---\nauthors: [rob]\ndate: 2019-06-31\n---\n")
    assert codes(result) == [("WN102", 3)]
    assert result.problems[0].message == "date '2019-06-31' is not a real date"
    assert result.problems[0].hint == "June 2019 has 30 days"


def test_wn102_text_that_is_not_a_date() -> None:
    result = check("---\nauthors: [rob]\ndate: last Friday\n---\n")
    assert codes(result) == [("WN102", 3)]
    assert result.problems[0].hint == "write it as YYYY-MM-DD"


def test_wn102_impossible_file_name_date() -> None:
    result = check("---\nauthors: [rob]\n---\n", name="weeknotes/2019-02-30-rob.md")
    assert codes(result) == [("WN102", 1)]
    assert result.problems[0].hint == "February 2019 has 28 days"


def test_dates_accepted_as_datetime_or_quoted_text() -> None:
    for value in ("2019-06-28 10:30:00", "'2019-06-28'", '"2019-06-28T10:30"'):
        result = check(f"---\nauthors: [rob]\ndate: {value}\n---\n")
        assert result.problems == (), value
        assert result.note is not None and result.note.date == datetime.date(2019, 6, 28)


def test_wn103_unknown_author_with_did_you_mean() -> None:
    result = check("---\ndate: 2019-06-28\nauthors: [robb]\n---\n")
    assert codes(result) == [("WN103", 3)]
    assert result.problems[0].message == "unknown author 'robb'"
    assert result.problems[0].hint == "did you mean 'rob'?"


def test_wn103_block_list_reports_the_line_of_the_item() -> None:
    result = check("---\ndate: 2019-06-28\nauthors:\n  - rob\n  - Liz Okafr\n---\n")
    assert codes(result) == [("WN103", 5)]
    assert result.problems[0].hint == "did you mean 'liz'?"


def test_authors_match_by_full_name_and_case() -> None:
    result = check("---\ndate: 2019-06-28\nauthors: [rob miller, LIZ]\n---\n")
    assert result.problems == ()
    assert result.note is not None and result.note.authors == ("rob", "liz")
    single = check("---\ndate: 2019-06-28\nauthor: Liz Okafor\n---\n")
    assert single.note is not None and single.note.authors == ("liz",)


def test_wn104_authors_not_names() -> None:
    result = check("---\ndate: 2019-06-28\nauthors: {rob: 1}\n---\n")
    assert codes(result) == [("WN104", 3)]


def test_wn105_week_not_on_week_start_suggests_the_right_day() -> None:
    result = check("---\ndate: 2019-06-28\nweek: 2019-06-26\nauthors: [rob]\n---\n")
    assert codes(result) == [("WN105", 3)]
    assert result.problems[0].message == "week 2019-06-26 is a Wednesday, not a Monday"
    assert result.problems[0].hint == "did you mean 2019-06-24?"
    # Listed by its date, in the week that holds it, while the problem is reported.
    assert result.note is not None and result.note.week == datetime.date(2019, 6, 24)


@pytest.mark.parametrize("week", ["2019-07-01", "2019-06-10", "soon", "2019-02-30", "[1]"])
def test_a_bad_week_falls_back_to_the_week_of_the_date(week: str) -> None:
    result = check(f"---\ndate: 2019-06-28\nweek: {week}\nauthors: [rob]\n---\n")
    assert [code for code, _ in codes(result)] in (["WN106"], ["WN102"])
    assert result.note is not None and result.note.week == datetime.date(2019, 6, 24)


def test_week_start_setting_moves_the_week() -> None:
    result = check(
        "---\ndate: 2019-06-28\nweek: 2019-06-23\nauthors: [rob]\n---\n", week_start="sunday"
    )
    assert result.problems == ()
    assert result.note is not None and result.note.week == datetime.date(2019, 6, 23)


def test_wn106_week_after_the_date() -> None:
    result = check("---\ndate: 2019-06-28\nweek: 2019-07-01\nauthors: [rob]\n---\n")
    assert codes(result) == [("WN106", 3)]
    assert result.problems[0].hint == "did you mean 2019-06-24?"


def test_wn106_week_grace_days() -> None:
    text = "---\ndate: 2019-07-01\nweek: 2019-06-24\nauthors: [rob]\n---\n"
    assert check(text).problems == ()  # the Monday after, within the default grace
    assert codes(check(text, week_grace_days=0)) == [("WN106", 3)]
    late = "---\ndate: 2019-07-08\nweek: 2019-06-24\nauthors: [rob]\n---\n"
    assert codes(check(late)) == [("WN106", 3)]


def test_wn107_themes_not_a_list_of_text() -> None:
    result = check("---\ndate: 2019-06-28\nauthors: [rob]\nthemes: {a: b}\n---\n")
    assert codes(result) == [("WN107", 4)]
    nested = check("---\ndate: 2019-06-28\nauthors: [rob]\nthemes: [[a]]\n---\n")
    assert codes(nested) == [("WN107", 4)]
    empty_slug = check("---\ndate: 2019-06-28\nauthors: [rob]\nthemes:\n  - ok\n  - '!!'\n---\n")
    assert codes(empty_slug) == [("WN107", 6)]


def test_themes_single_string_null_and_other_keys() -> None:
    one = check("---\ndate: 2019-06-28\nauthors: [rob]\nthemes: Data Science\n---\n")
    assert one.note is not None and [t.slug for t in one.note.themes] == ["data-science"]
    none = check(
        "---\ndate: 2019-06-28\nauthors: [rob]\nprojects:\n---\n", theme_keys=["projects", "topics"]
    )
    assert none.problems == () and none.note is not None and none.note.themes == ()
    both = check(
        "---\ndate: 2019-06-28\nauthors: [rob]\nprojects: [A]\ntopics:\n- B\n- a\n---\n",
        theme_keys=["projects", "topics"],
    )
    assert both.note is not None and [t.slug for t in both.note.themes] == ["a", "b"]


def test_wn108_theme_outside_the_vocabulary_with_did_you_mean() -> None:
    vocabulary = {"skills": "Skills", "data-science": "Data science"}
    text = "---\ndate: 2019-06-28\nauthors: [rob]\nthemes:\n  - Data Science\n  - skils\n---\n"
    result = check(text, themes=vocabulary)
    assert codes(result) == [("WN108", 6)]
    assert result.problems[0].hint == "did you mean 'skills'?"
    assert result.note is not None and [t.label for t in result.note.themes] == ["Data science"]


def test_wn109_draft_must_be_a_boolean() -> None:
    result = check('---\ndate: 2019-06-28\nauthors: [rob]\ndraft: "true"\n---\n')
    assert codes(result) == [("WN109", 4)]
    assert check("---\ndate: 2019-06-28\nauthors: [rob]\ndraft: true\n---\n").note.draft  # type: ignore[union-attr]


def test_weeknote_false_is_not_a_note() -> None:
    result = check("---\nweeknote: false\n---\nA page in the notes folder.\n")
    assert result.note is None and result.problems == ()
    bad = check("---\nweeknote: nope\ndate: 2019-06-28\nauthors: [rob]\n---\n")
    assert codes(bad) == [("WN109", 2)]


def test_wn110_title_must_be_text() -> None:
    result = check("---\ntitle: [a, b]\ndate: 2019-06-28\nauthors: [rob]\n---\n")
    assert codes(result) == [("WN110", 2)]
    number = check("---\ntitle: 2019\ndate: 2019-06-28\nauthors: [rob]\n---\n")
    assert number.problems == () and number.note is not None and number.note.title == "2019"


def test_wn111_author_and_authors_both_set() -> None:
    result = check("---\ndate: 2019-06-28\nauthor: rob\nauthors: [liz]\n---\n")
    assert codes(result) == [("WN111", 3)]


def test_free_text_authors_without_an_authors_file() -> None:
    from mkdocs_weeknotes.reading.notes import read_note
    from tests.conftest import settings

    result = read_note(
        "---\nauthor: Tim Davies\n---\n", "weeknotes/2023-03-17-tim.md", "x.md", settings(), None
    )
    assert result.problems == ()
    assert result.note is not None and result.note.authors == ("Tim Davies",)


def test_title_falls_back_to_h1_then_to_the_format() -> None:
    h1 = check("---\ndate: 2019-06-28\nauthors: [rob]\n---\n\n# From the heading\n")
    assert h1.note is not None and (h1.note.title, h1.note.title_source) == (
        "From the heading",
        "heading",
    )
    built = check("---\ndate: 2019-06-28\nauthors: [rob, liz]\n---\nText\n")
    assert built.note is not None
    assert built.note.title == "Weeknote: Rob Miller and Liz Okafor, w/c June 24, 2019"
    custom = check(
        "---\ndate: 2019-06-28\nauthors: [rob]\n---\n", title_format="{people} – {week:%d %B %Y}"
    )
    assert custom.note is not None and custom.note.title == "Rob Miller – 24 June 2019"


def test_first_h1_skips_code_blocks_and_level_two() -> None:
    assert first_h1("```\n# not this\n```\n## Nor this\n# This one #\n") == "This one"
    assert first_h1("Setext title\n============\n") == "Setext title"
    assert first_h1("#hashtag is not a heading\n") is None


def test_note_paths() -> None:
    assert is_note_path("weeknotes/2019/a.md", "weeknotes")
    assert not is_note_path("weeknotes/index.md", "weeknotes")
    assert not is_note_path("weeknotes/2019/README.md", "weeknotes")
    assert not is_note_path("weeknotesx/a.md", "weeknotes")
    assert not is_note_path("weeknotes/a.png", "weeknotes")
    assert is_note_path("a.md", "")


def test_every_problem_of_a_note_in_one_run() -> None:
    text = """\
---
date: 2019-06-31
week: 2019-06-26
authors: [robb]
themse: [skills]
draft: maybe
---
"""
    result = check(text)
    assert codes(result) == [("WN102", 2), ("WN105", 3), ("WN103", 4), ("WN006", 5), ("WN109", 6)]


def test_blank_list_items_are_problems_on_their_lines_and_left_out() -> None:
    result = check(
        '---\ndate: 2019-06-28\nauthors: [rob, ""]\nthemes:\n  - ""\n  - skils\n---\n',
        themes={"skills": "Skills"},
    )
    assert codes(result) == [("WN104", 3), ("WN107", 5), ("WN108", 6)]
    assert result.note is not None and result.note.authors == ("rob",)


def test_vocabulary_keys_are_slugged() -> None:
    result = check(
        "---\ndate: 2019-06-28\nauthors: [rob]\nthemes: [data science]\n---\n",
        themes={"Data Science": "Data science"},
    )
    assert result.problems == ()
    assert result.note is not None and [t.slug for t in result.note.themes] == ["data-science"]


def test_wn108_suggests_in_the_form_written() -> None:
    result = check(
        "---\ndate: 2019-06-28\nauthors: [rob]\nthemes: [Servise design]\n---\n",
        themes={"service-design": "Service design"},
    )
    assert result.problems[0].hint == "did you mean 'Service design'?"


def test_material_date_mapping_uses_created() -> None:
    text = "---\ndate:\n  created: 2019-06-28\n  updated: 2019-07-01\nauthors: [rob]\n---\n"
    result = check(text)
    assert result.problems == ()
    assert result.note is not None and result.note.date == datetime.date(2019, 6, 28)
    no_created = check("---\ndate: {updated: 2019-07-01}\nauthors: [rob]\n---\n")
    assert codes(no_created) == [("WN102", 2)]
    listed = check("---\ndate: [2019-06-28]\nauthors: [rob]\n---\n")
    assert listed.problems[0].message == "date must be a date, not a list"


def test_only_plain_iso_dates_are_accepted_on_every_python() -> None:
    for value in ("'20190628'", "'2019-W26-5'", "'2019-06-28T25'", "'28/06/2019'"):
        result = check(f"---\nauthors: [rob]\ndate: {value}\n---\n")
        assert codes(result) == [("WN102", 3)], value
    for value in ("'2019-06-28T10:30:00+01:00'", "'2019-6-28'", "2019-06-28t10:30:00z"):
        result = check(f"---\nauthors: [rob]\ndate: {value}\n---\n")
        assert result.problems == (), value


def test_empty_values_count_as_absent_for_required() -> None:
    for empty in ('""', "~", "[]", "{}", "' '"):
        text = f"---\ndate: 2019-06-28\nauthors: [rob]\ntitle: {empty}\nthemes: {empty}\n---\n"
        result = check(text, required=["title", "themes"])
        assert [c for c, _ in codes(result)] == ["WN007", "WN007"], empty
    hints = check("---\ndate: 2019-06-28\n---\n", required=["authors", "week"])
    assert sorted(p.hint for p in hints.problems) == [
        "add 'authors: [liz]'",
        "add 'week: 2019-06-24'",
    ]
