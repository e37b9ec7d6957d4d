"""`weeknotes sections`: the recurring headings of a team's notes, grouped."""

from __future__ import annotations

import yaml

from mkdocs_weeknotes.command.recurring import recurring, report, settings_block
from mkdocs_weeknotes.reading.sections import headings
from tests.conftest import settings

NOTES = [
    "## What I did\n\nx\n\n## 🎉 Fun Fact Friday - Wet snow vs. dry snow\n\nx\n",
    "## What I did\n\nx\n\n## Fun Fact Friday - Why owls hoot\n\nx\n",
    "## What I did\n\nx\n\n## Fun fact\n\nx\n\n## Something I'm learning\n\nx\n",
    "## What I did:\n\nx\n\n## It's fun fact Friday\n\nx\n\n## SOMETHING I’M LEARNING\n\nx\n",
    "## What i did\n\nx\n\n## 3. Something I'm learning\n\nx\n\n## Fun factory\n\nx\n",
    "## Once only\n\nx\n\n## Somethign I'm learning\n\nx\n",
]


def groups_of(notes: list[str], minimum: int = 2, **values: object):  # type: ignore[no-untyped-def]
    return recurring([headings(body) for body in notes], settings(**values).rollup_list, minimum)


def test_variants_are_grouped_with_counts() -> None:
    found = groups_of(NOTES)
    summary = [(g.title, g.notes, [(s.text, s.notes) for s in g.spellings]) for g in found]
    assert summary == [
        ("What I did", 5, [("What I did", 4), ("What i did", 1)]),
        (
            "Fun Fact Friday",
            4,
            [("Fun Fact Friday", 2), ("Fun fact", 1), ("It's fun fact Friday", 1)],
        ),
        (
            "Something I'm learning",
            4,
            [
                ("Something I'm learning", 2),
                ("SOMETHING I’M LEARNING", 1),
                ("Somethign I'm learning", 1),
            ],
        ),
    ]
    # "Fun factory" and "Once only" are in one note each, and like nothing else.
    assert all("Fun factory" not in [s.text for s in g.spellings] for g in found)


def test_a_spelling_cut_at_a_dash_says_so() -> None:
    [fun] = [g for g in groups_of(NOTES) if g.title == "Fun Fact Friday"]
    assert [s.longer for s in fun.spellings] == [True, False, False]


def test_what_is_collected_already() -> None:
    found = {g.title: g for g in groups_of(NOTES)}
    learning = found["Something I'm learning"]
    assert learning.rollup == "learning"
    assert [s.collected for s in learning.spellings] == ["learning", "learning", ""]
    assert found["What I did"].rollup == ""
    fun = groups_of(NOTES, rollups={"fun": {"headings": ["Fun fact"]}})[1]
    assert fun.rollup == "fun"
    assert [s.collected for s in fun.spellings] == ["fun", "fun", ""]


def test_the_headings_needed_are_the_fewest_that_collect_every_variant() -> None:
    found = {g.title: g for g in groups_of(NOTES)}
    assert found["Fun Fact Friday"].needed == ("Fun fact", "It's fun fact Friday")
    assert found["What I did"].needed == ("What I did",)
    assert found["Something I'm learning"].needed == (
        "Something I'm learning",
        "Somethign I'm learning",
    )


def test_min_notes() -> None:
    assert [g.title for g in groups_of(NOTES, minimum=5)] == ["What I did"]
    assert "Once only" in [g.title for g in groups_of(NOTES, minimum=1)]


def test_near_spellings_and_numbers() -> None:
    notes = ["## Week 12\n\nx\n", "## Week 13\n\nx\n", "## Readign\n\nx\n"]
    notes += ["## Reading\n\nx\n"] * 2
    assert [(g.title, g.notes) for g in groups_of(notes)] == [("Reading", 3)]


def test_the_settings_block_is_ready_to_paste() -> None:
    values = {"rollups": {"books": {"headings": ["What I read"], "path": "reading"}}}
    block = settings_block(groups_of(NOTES, **values), settings(**values))
    assert block.startswith("plugins:\n  - weeknotes:\n")
    parsed = yaml.safe_load(block)
    assert parsed == {
        "plugins": [
            {
                "weeknotes": {
                    "learning_log": {
                        "headings": ["Something I'm learning", "Somethign I'm learning"]
                    },
                    "rollups": {
                        # A rollup with no recurring heading is kept as it is.
                        "books": {
                            "title": "What I read",
                            "headings": ["What I read"],
                            "path": "reading",
                        },
                        "fun-fact-friday": {
                            "title": "Fun Fact Friday",
                            "headings": ["Fun fact", "It's fun fact Friday"],
                        },
                        "what-i-did": {"title": "What I did", "headings": ["What I did"]},
                    },
                }
            }
        ]
    }
    # Loaded by the plugin's own settings, it collects every variant.
    loaded = settings(**parsed["plugins"][0]["weeknotes"])
    assert [g.rollup for g in groups_of(NOTES, **parsed["plugins"][0]["weeknotes"])] == [
        "what-i-did",
        "fun-fact-friday",
        "learning",
    ]
    assert loaded.rollup_list[0].key == "learning"


def test_keys_that_would_clash_get_another_name() -> None:
    notes = ["## People\n\nx\n", "## People\n\nx\n", "## 2024\n\nx\n", "## 2024\n\nx\n"]
    parsed = yaml.safe_load(settings_block(groups_of(notes), settings()))
    rollups = parsed["plugins"][0]["weeknotes"]["rollups"]
    assert sorted(rollups) == ["2024-section", "people-section"]
    settings(rollups=rollups)  # valid settings


def test_the_report() -> None:
    text = report(groups_of(NOTES), notes=len(NOTES), minimum=2)
    assert text.splitlines()[:4] == [
        "3 recurring headings in 6 notes (each in at least 2 notes):",
        "",
        "What I did: 5 notes, not collected",
        "     4  What I did",
    ]
    assert "     2  Fun Fact Friday …" in text
    assert "Something I'm learning: 4 notes, collected by learning_log" in text
    assert "     1  Somethign I'm learning  (not collected)" in text
    assert report([], notes=0, minimum=2) == "No heading is in at least 2 of 0 notes."


def test_a_heading_that_is_a_link_is_read_by_its_words() -> None:
    notes = [
        "## [Team news](https://example.org/team)\n\nx\n",
        "## Team news\n\nx\n",
        "## **[Team news][t]**\n\nx\n\n[t]: https://example.org/team\n",
    ]
    [group] = groups_of(notes, rollups={"team": {"headings": ["Team news"]}})
    assert group.title == "Team news" and group.notes == 3
    assert group.rollup == "team" and [s.collected for s in group.spellings] == ["team"]
    # A rollup proposed for it collects every one of them.
    [proposed] = groups_of(notes)
    assert proposed.needed == ("Team news",)
