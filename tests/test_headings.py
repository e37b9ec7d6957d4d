"""Headings as people type them, in a built site, and `weeknotes sections`."""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import SITES, mkdocs_build, weeknotes

SITE = SITES / "headings"
LEARNING = ["LEARN-EMOJI", "LEARN-CAPS", "LEARN-NUMBERED"]
FUN = ["FUN-PLAIN", "FUN-FRIDAY"]
NEITHER = ["NEAR-MISS-TEXT", "FUN-ITS", "FACTORY-TEXT", "DID-ADA-1", "DID-BO-2"]


@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs-flat.yml"])
def test_rollups_collect_headings_as_written(
    theme: str, config: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    build = mkdocs_build(SITE, tmp_path_factory.mktemp("headings"), theme=theme, config=config)
    assert build.exit_code == 0, build.output
    assert "Traceback" not in build.output
    learning = build.page("weeknotes/learning/index.html")
    fun = build.page("weeknotes/fun/index.html")
    for marker in LEARNING:
        assert learning.count(marker) == 1, marker
        assert marker not in fun, marker
    for marker in FUN:
        assert fun.count(marker) == 1, marker
        assert marker not in learning, marker
    for marker in NEITHER:
        assert marker not in learning and marker not in fun, marker
    assert build.problem_lines() == [
        "docs/weeknotes/2024/2024-03-15-bo.md:10: WN502 heading 'Somethign I'm learning' is"
        " close to 'Something I'm learning' but is not collected (did you mean"
        " 'Something I'm learning'? or add it to learning_log.headings)"
    ]


def test_sections_lists_the_recurring_headings_and_the_settings_for_them() -> None:
    done = weeknotes("sections", cwd=SITE)
    assert done.returncode == 0, done.stderr
    report, _, block = done.stdout.partition("\nplugins:\n")
    assert report.splitlines()[:4] == [
        "3 recurring headings in 4 notes (each in at least 2 notes):",
        "",
        "Something I'm learning: 4 notes, collected by learning_log",
        "     2  Something I'm learning",
    ]
    assert "     1  Somethign I'm learning  (not collected)" in report
    assert "Fun fact: 3 notes, collected by rollups.fun" in report
    assert "     1  It's fun fact Friday  (not collected)" in report
    assert "What I did: 4 notes, not collected" in report
    settings = yaml.safe_load("plugins:\n" + block)["plugins"][0]["weeknotes"]
    assert settings == {
        "learning_log": {"headings": ["Something I'm learning", "Somethign I'm learning"]},
        "rollups": {
            "fun": {"title": "Fun facts", "headings": ["Fun fact", "It's fun fact Friday"]},
            "what-i-did": {"title": "What I did", "headings": ["What I did"]},
        },
    }


def test_sections_min() -> None:
    done = weeknotes("sections", "--min", "4", cwd=SITE)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("2 recurring headings in 4 notes (each in at least 4 notes):")
    assert "Fun fact" not in done.stdout.split("plugins:")[0]
    bad = weeknotes("sections", "--min", "0", cwd=SITE)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_the_documented_example_is_the_fixture_output() -> None:
    done = weeknotes("sections", cwd=SITE)
    docs = (SITE.parents[2] / "docs" / "command.md").read_text(encoding="utf-8")
    assert f"$ weeknotes sections\n{done.stdout}```" in docs
