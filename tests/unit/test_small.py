"""Slugs, suggestions, problems and settings."""

from __future__ import annotations

import pytest
from mkdocs.config.base import ValidationError

from mkdocs_weeknotes.config import load_settings
from mkdocs_weeknotes.problems import Problem
from mkdocs_weeknotes.slugs import slugify
from mkdocs_weeknotes.suggest import closest, edit_distance, near_key


def test_problem_format() -> None:
    problem = Problem("docs/a.md", 4, "WN103", "unknown author 'robb'", "did you mean 'rob'?")
    assert str(problem) == "docs/a.md:4: WN103 unknown author 'robb' (did you mean 'rob'?)"
    assert Problem("a.md", 1, "WN101", "no date").format() == "a.md:1: WN101 no date"
    with pytest.raises(ValueError):
        Problem("a.md", 1, "WN999", "undocumented")


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Data Science", "data-science"),
        ("data-science", "data-science"),
        ("  Data   science! ", "data-science"),
        ("../../../../tmp/x", "tmp-x"),
        ("Café", "café"),
        ("ＡＩ", "ai"),
        ("日本語", "日本語"),
        ("a/b\\c.d", "a-b-c-d"),
        ("!!!", ""),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug
    assert "/" not in slug and "." not in slug and "\\" not in slug


def test_suggestions() -> None:
    assert closest("robb", ["rob", "liz"]) == "rob"
    assert closest("zzz", ["rob", "liz"]) is None
    assert edit_distance("themse", "themes") == 1
    assert edit_distance("kitten", "sitting") == 3
    known = ["title", "date", "authors", "themes", "summary", "weeknote"]
    assert near_key("themse", known) == "themes"
    assert near_key("sumary", known) == "summary"
    assert near_key("subtitle", known) is None
    assert near_key("tags", known) is None


def test_every_setting_has_a_default() -> None:
    settings = load_settings()
    assert settings.notes_dir == "weeknotes"
    assert settings.authors_path == "weeknotes/.authors.yml"
    assert settings.theme_keys == ["themes"]
    assert settings.required == ["date", "authors"]
    assert settings.themes == {}
    assert settings.on_invalid == "warn"
    assert settings.week_start == "monday" and settings.week_start_index == 0
    assert settings.week_grace_days == 7
    assert settings.learning_log.headings == ["Something I'm learning"]
    assert load_settings({"notes_dir": "posts"}).authors_path == "posts/.authors.yml"
    assert load_settings({"notes_dir": "./"}).notes_dir == ""


@pytest.mark.parametrize(
    "values",
    [
        {"notes_dir": "../outside"},
        {"notes_dir": 3},
        {"authors_file": "/etc/passwd"},
        {"theme_keys": "themes"},
        {"theme_keys": []},
        {"required": ["titel"]},
        {"themes": ["a"]},
        {"on_invalid": "explode"},
        {"week_start": "funday"},
        {"week_grace_days": -1},
        {"week_grace_days": True},
        {"title_format": "{nobody}"},
        {"learning_log": {"headings": []}},
    ],
)
def test_wrong_settings_are_config_errors(values: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        load_settings(values)


@pytest.mark.parametrize(
    "text",
    ["a" * 300, "日" * 86, "Café " * 60, "x-" * 200],
    ids=["latin", "cjk", "words", "hyphens"],
)
def test_long_slugs_are_bounded_stable_and_distinct(text: str) -> None:
    # A file name is at most 255 bytes: a slug must fit, with room for "-2" pagers.
    slug = slugify(text)
    assert len(slug.encode("utf-8")) <= 80
    assert slug == slugify(text)  # no randomness: the same name, the same address
    assert slugify(text + "b") != slug  # a shared long prefix still gives two slugs
    assert slug == slugify(text.upper())  # what made two names alike still does
    assert slug.startswith(slugify(text[:10])[:5])
    assert not slug.endswith("-") and "--" not in slug


def test_short_slugs_are_unchanged() -> None:
    assert slugify("b" * 80) == "b" * 80
