"""Headings as people type them: normalising, matching, and near misses (WN502)."""

from __future__ import annotations

import pytest

from mkdocs_weeknotes.reading.sections import (
    Rollup,
    cut_sections,
    find_sections,
    heading_misses,
    headings,
    normalize,
    rollup_for,
)
from tests.conftest import check

LEARNING = Rollup("learning", "Learning log", ("Something I'm learning",), "learning")
READING = Rollup("reading", "Reading", ("What I've been reading",), "reading")
FUN = Rollup("fun", "Fun facts", ("Fun fact",), "fun")
WEEK = Rollup("week", "Week 13", ("Week 13",), "week")
FRIDAY = Rollup("friday", "Fridays", ("Fun fact Friday",), "friday")
PROJECTS = Rollup("projects", "Projects", ("Brownfield sites", "Local plans"), "projects")


def note(body: str) -> str:
    return "---\ndate: 2019-06-28\nauthors: [rob]\n---\n\n" + body


@pytest.mark.parametrize(
    "text",
    [
        "SOMETHING I’M LEARNING",  # case and a curly apostrophe
        "Something I‘m learning",
        "Something I`m learning",
        "Something I´m learning",  # an acute accent, which NFKC would turn into two characters
        "Something Iʼm learning",
        "Something I'm learning?",
        "Something I'm learning:",
        "Something I'm learning!",
        "Something I'm learning.",
        "Something I'm learning…",
        "  Something   I'm \t learning  ",
        "🎉 Something I'm learning:",
        "Something I'm learning 🎉",
        "Something 🧠 I'm learning",
        "👩🏽‍💻 Something I'm learning ✏️",  # a joined emoji with a skin tone; a variation selector
        "3. Something I'm learning",
        "12) Something I'm learning",
        "2.1 Something I'm learning",
        "**Something I'm learning**",
    ],
)
def test_headings_as_written_match(text: str) -> None:
    assert LEARNING.matches(text)


def test_the_reading_variants_match() -> None:
    assert READING.matches("What I've been reading?")
    assert READING.matches("What I’ve been reading")
    assert normalize("What I’ve been reading?") == normalize("What I've been reading")


def test_a_longer_heading_matches_at_a_word_boundary() -> None:
    assert FUN.matches("Fun Fact Friday - Wet snow vs. dry snow")
    assert FUN.matches("Fun fact: snow is not white")
    assert FUN.matches("🎉 Fun fact")
    for text in ("Fun factory", "Fun facts", "Fun fact's day", "It's fun fact Friday", "Fun"):
        assert not FUN.matches(text), text


def test_numbers_that_are_words_are_kept() -> None:
    ten = Rollup("ten", "Ten", ("10 things I learned",), "ten")
    assert ten.matches("10 things I learned")
    assert not ten.matches("5 things I learned")
    assert normalize("2023 in review") == "2023 in review"


def test_a_heading_of_only_emoji_in_the_settings_matches_nothing() -> None:
    party = Rollup("party", "Party", ("🎉",), "party")
    assert not party.matches("Anything at all")
    assert not party.matches("🎉")


def test_the_closest_rollup_wins() -> None:
    rollups = [FUN, FRIDAY]
    assert rollup_for("Fun Fact Friday - snow", rollups) is FRIDAY
    assert rollup_for("Fun fact Friday", rollups) is FRIDAY
    assert rollup_for("Fun fact: snow", rollups) is FUN
    assert rollup_for("Fun fact", list(reversed(rollups))) is FUN
    assert rollup_for("Fun factory", rollups) is None


def test_sections_are_found_and_cut_as_written() -> None:
    body = (
        "## 🎉 Fun Fact Friday - Wet snow vs. dry snow\n\nSnow.\n\n"
        "## 3. **Something I’m learning:**\n\nLearned.\n\n"
        "## Fun factory\n\nNot this.\n"
    )
    refs = find_sections(body, 1, [LEARNING, FUN])
    assert [(r.rollup, r.line) for r in refs] == [("fun", 1), ("learning", 5)]
    html = (
        '<h2 id="a">🎉 Fun Fact Friday – Wet snow</h2><p>Snow.</p>'
        '<h2 id="b">3. <strong>Something I&rsquo;m learning:</strong></h2><p>Learned.</p>'
        '<h2 id="c">Fun factory</h2><p>Not this.</p>'
    )
    cut = cut_sections(html, [LEARNING, FUN])
    assert [(s.rollup, s.anchor, s.html) for s in cut] == [
        ("fun", "a", "<p>Snow.</p>"),
        ("learning", "b", "<p>Learned.</p>"),
    ]


def test_a_bold_line_that_starts_like_a_heading_is_a_near_miss() -> None:
    result = check(
        note("**Fun fact Friday**\n\nSnow.\n\nFun fact: a sentence on its own.\n"),
        rollups={"fun": {"headings": ["Fun fact"]}},
    )
    # The bold line reads as a heading; a paragraph must be the heading's words exactly.
    assert [(p.code, p.line) for p in result.problems] == [("WN501", 6)]


# --- near misses: WN502 ----------------------------------------------------------------


def misses(body: str, *rollups: Rollup) -> list[tuple[str, str, int]]:
    return [(m.rollup, m.heading, m.line) for m in heading_misses(headings(body), 1, rollups)]


def test_wn502_a_misspelt_heading_with_did_you_mean() -> None:
    result = check(note("## Something I am learnig\n\nText.\n"))
    assert [p.format() for p in result.problems] == [
        "docs/weeknotes/2019/2019-06-28-rob.md:6: WN502 heading 'Something I am learnig' is"
        " close to 'Something I'm learning' but is not collected (did you mean"
        " 'Something I'm learning'? or add it to learning_log.headings)"
    ]
    assert result.note is not None and result.note.sections == ()


def test_wn502_names_the_rollup_setting() -> None:
    result = check(
        note("### Wat I've been reading\n\nA book.\n"),
        rollups={"reading": {"headings": ["What I've been reading"]}},
    )
    assert [(p.code, p.line) for p in result.problems] == [("WN502", 6)]
    assert result.problems[0].hint == (
        "did you mean 'What I've been reading'? or add it to rollups.reading.headings"
    )


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Somethign I'm learning", "Something I'm learning"),  # two letters swapped
        ("Something I am learning", "Something I'm learning"),  # spelt out
        ("Something Im learning", "Something I'm learning"),
        ("Something I'm lerning:", "Something I'm learning"),
        ("What I have been reading", "What I've been reading"),
        ("What I've been readnig", "What I've been reading"),
        ("Fun fcat Friday - snow", "Fun fact"),  # a longer heading that starts with a typo
        ("Fun facts", "Fun fact"),
        ("Fun fcat Friday - 3 snowflakes", "Fun fact"),
        ("Somthing I'm lerning", "Something I'm learning"),  # two typos
        ("Somethin I'm learning:", "Something I'm learning"),
        ("Somethin I'm learning: tools", "Something I'm learning"),  # typo before the end
        ("Brownfield Site", "Brownfield sites"),  # the whole heading, one letter off
    ],
)
def test_near_misses(text: str, heading: str) -> None:
    found = misses(f"## {text}\n\nText.\n", LEARNING, READING, FUN, WEEK, PROJECTS)
    assert [(h, line) for _, h, line in found] == [(heading, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Something I'm learning",  # collected: no near miss
        "Fun Fact Friday - snow",
        "Something I learned",
        "Things I'm learning",
        "What I've been doing",
        "What I've been up to",
        "What I'm working on",
        "Reading",
        "Other reading this week",
        "Fun factory",
        "Fun",
        "Run fact",  # a different first letter is another word, not a typo
        "Week 12",
        # Real titles that start like a rollup heading, with a longer or shorter word
        "Brownfield Site Validator",
        "Brownfield sites validator",  # collected: it starts with the heading
        "Fun facts about snow",
        "Local plan examination",
    ],
)
def test_not_near_misses(text: str) -> None:
    assert misses(f"## {text}\n\nText.\n", LEARNING, READING, FUN, WEEK, PROJECTS) == []


def test_short_headings_need_the_first_letter_and_few_edits() -> None:
    short = Rollup("reading", "Reading", ("Reading",), "reading")
    assert misses("## Readings\n\nx\n", short) == [("reading", "Reading", 1)]
    assert misses("## Heading\n\nx\n", short) == []
    assert misses("## Readign week\n\nx\n", short) == [("reading", "Reading", 1)]
    tiny = Rollup("tl", "TIL", ("TIL",), "til")
    assert misses("## TIK\n\nx\n## Til\n\nx\n", tiny) == []


def test_a_heading_inside_a_collected_section_is_collected_with_it() -> None:
    body = "## Something I'm learning\n\nx\n\n### Somethign I'm learning\n\ny\n"
    assert misses(body, LEARNING) == []
    body = "## Other\n\nx\n\n### Somethign I'm learning\n\ny\n"
    assert misses(body, LEARNING) == [("learning", "Something I'm learning", 5)]
