"""The words on our pages: one catalogue per language, overrides, and no stray English."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from mkdocs.config.base import ValidationError

from mkdocs_weeknotes.planning.generated import plan_pages
from mkdocs_weeknotes.reading.collection import Source, collect
from mkdocs_weeknotes.words import CATALOGUES, ENGLISH, ENGLISH_PLURALS, PLURALS, Words
from tests.conftest import settings

PACKAGE = Path(__file__).parents[2] / "mkdocs_weeknotes"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("language", sorted(CATALOGUES))
def test_every_language_has_every_word_with_the_same_placeholders(language: str) -> None:
    words = CATALOGUES[language]
    assert set(words) == set(ENGLISH)
    for key, text in words.items():
        # Translations may drop the lower-cased title for the title as written.
        allowed = _fields(ENGLISH[key]) | ({"title"} if key == "whole_rollup" else set())
        assert _fields(text) <= allowed and text.strip(), (key, text)
        assert bool(_fields(text)) == bool(_fields(ENGLISH[key])), key
    assert set(PLURALS[language]) == set(ENGLISH_PLURALS)
    for forms in PLURALS[language].values():
        assert "other" in forms


def test_plural_forms_follow_the_language() -> None:
    assert Words("en").count("notes", 1) == "1 note"
    assert Words("en").count("notes", 0) == "0 notes"
    assert Words("fr").count("notes", 0) == "0 note"  # French counts nothing in the singular
    assert Words("de").count("notes", 2) == "2 Notizen"
    assert Words("cy").count("notes", 1) == "1 nodyn"
    assert Words("cy").count("notes", 3) == "3 o nodiadau"


def test_a_language_without_a_catalogue_is_english_and_regions_share_theirs() -> None:
    assert Words("ja").week_commencing == "Week commencing"
    assert Words("de_AT").week_commencing == "Woche ab"
    assert Words("fr-CA").week_commencing == "Semaine du"
    assert Words("").week_commencing == "Week commencing"


def test_the_site_language_and_locale_choose_the_words() -> None:
    options = settings()
    assert options.catalogue.latest_title == "Latest weeknotes"
    options.use_language("nl")
    assert options.catalogue.latest_title == "Nieuwste weeknotities"
    assert options.rollup_list[0].title == "Leerlogboek"
    assert options.nav_label == "Weeknotities"
    # The locale setting wins over the theme's language.
    options = settings(locale="es")
    options.use_language("nl")
    assert options.catalogue.week_commencing == "Semana del"


def test_overrides_replace_single_words_and_plural_forms() -> None:
    options = settings(
        locale="cy",
        words={
            "week_commencing": "Wythnos",
            "notes": {"one": "{count} cofnod", "other": "{count} o gofnodion"},
            "problems": "Problems: {count}",
        },
    )
    words = options.catalogue
    assert words.week_commencing == "Wythnos"
    assert words.archive == "Archif"
    assert words.count("notes", 1) == "1 cofnod" and words.count("notes", 7) == "7 o gofnodion"
    assert words.count("problems", 2) == "Problems: 2"


def test_an_unknown_word_is_a_config_error_with_did_you_mean() -> None:
    with pytest.raises(ValidationError, match="'week_comencing' is not a word of ours") as err:
        settings(words={"week_comencing": "Week of"})
    assert "did you mean 'week_commencing'?" in str(err.value)


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ({"page_of": "Page {page}"}, r"\{page\} is not one of them"),
        ({"draft": "Draft {x}"}, "takes no placeholders"),
        ({"draft": ["Draft"]}, "must be text"),
        ({"notes": {"lots": "{count}"}}, "'lots' is not a plural form"),
        ({"fallback_title": "{people.__class__}"}, "not a valid text"),
    ],
)
def test_bad_overrides_are_config_errors(words: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        settings(words=words)


def test_generated_titles_and_fallback_titles_are_in_the_site_language() -> None:
    options = settings(locale="de")
    note = Source(
        "weeknotes/2019/2019-06-28-rob.md",
        "docs/weeknotes/2019/2019-06-28-rob.md",
        b"---\ndate: 2019-06-28\nauthor: [Rob, Liz]\n---\nText.\n",
    )
    weeknotes = collect([note], options, None)
    assert weeknotes.notes[0].title == "Wochennotiz: Rob und Liz, Woche ab 24. Juni 2019"
    titles = {spec.kind: spec.title for spec in plan_pages(weeknotes, options, False).pages}
    assert titles["latest"] == "Neueste Wochennotizen"
    assert titles["year"] == "Wochennotizen 2019"
    assert titles["themes"] == "Themen" and titles["people"] == "Personen"
    assert titles["rollup"] == "Lerntagebuch"


# What a template may hold outside Jinja's tags and HTML's: spaces and punctuation.
_JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
_HTML_TAG = re.compile(r"<[^>]*>")
# Character references (`&larr;`) are symbols, written by name.
_REFERENCE = re.compile(r"&[a-z]+;")


@pytest.mark.parametrize(
    "template",
    sorted(p.relative_to(PACKAGE).as_posix() for p in (PACKAGE / "templates").rglob("*.html")),
)
def test_templates_hold_no_words_of_their_own(template: str) -> None:
    source = (PACKAGE / template).read_text("utf-8")
    # Attributes may only hold words through Jinja too (aria-label="{{ words.pages }}").
    for value in re.findall(r'aria-label="([^"]*)"|alt="([^"]*)"|title="([^"]*)"', source):
        assert not re.search("[A-Za-z]", _JINJA.sub("", "".join(value))), value
    text = _REFERENCE.sub(" ", _HTML_TAG.sub(" ", _JINJA.sub(" ", source)))
    assert not re.search("[A-Za-z]{2,}", text), re.findall("[A-Za-z]{2,}", text)
    # Quoted strings inside expressions are no place for words either.
    for expression in re.findall(r"\{\{(.*?)\}\}|\{%(.*?)%\}", source):
        for quoted in re.findall(r'"([^"]*)"', "".join(expression)):
            if re.fullmatch(r"[a-z_/.\-]*", quoted):
                continue  # a key of the catalogue, or a template's name
            assert not re.search("[A-Za-z]{2,}", quoted), quoted


@pytest.mark.parametrize(
    "module",
    [
        "rendering/render.py",
        "rendering/views.py",
        "rendering/entries.py",
        "rendering/picture_views.py",
        "rendering/page_listings.py",
        "rendering/decorations.py",
        "rendering/note_parts.py",
        "planning/generated.py",
        "planning/syndication.py",
        "outputs/export.py",
        "outputs/feedfiles.py",
    ],
)
def test_the_writers_hold_none_of_our_words(module: str) -> None:
    source = (PACKAGE / module).read_text("utf-8")
    code = "\n".join(
        line for line in source.splitlines() if not line.lstrip().startswith(("#", '"""'))
    )
    texts = [*ENGLISH.values(), *(f for forms in ENGLISH_PLURALS.values() for f in forms.values())]
    for text in texts:
        words = " ".join(re.findall("[A-Za-z]+", text.split("{")[0]))
        if len(words) < 4 or (words.islower() and " " not in words):
            # "by", "and", "latest": too short or too like a name in code to tell
            continue
        assert f'"{words}' not in code and f"'{words}" not in code, (module, words)
        assert f">{words}" not in code and f"## {words}" not in code, (module, words)


def test_every_word_is_documented() -> None:
    page = (PACKAGE.parent / "docs" / "settings.md").read_text("utf-8")
    for key in (*ENGLISH, *ENGLISH_PLURALS):
        assert f"| `{key}` |" in page, key
