"""A JSON Schema (draft 2020-12) of a site's front matter, for editors.

Editors' YAML support reads `2019-06-28` as text, so dates are strings with
`format: date` here. Authors and, with a vocabulary, themes are enums, so an
editor can complete them and flag a misspelling as it is typed.
"""

from __future__ import annotations

from typing import Any

from ..config import WeeknotesConfig
from ..reading.collection import Weeknotes
from ..reading.names import several_pattern

DRAFT = "https://json-schema.org/draft/2020-12/schema"
_DATE = {"type": "string", "pattern": r"^\d{4}-\d{1,2}-\d{1,2}([Tt ].*)?$"}


def _one_or_many(item: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "description": description,
        "anyOf": [item, {"type": "array", "items": item}, {"type": "null"}],
    }


def front_matter_schema(settings: WeeknotesConfig, weeknotes: Weeknotes) -> dict[str, Any]:
    names: list[str] = []
    if weeknotes.has_authors_file:
        for person in weeknotes.people.values():
            names.extend([person.id, person.name, *person.aliases])
    author: dict[str, Any] = (
        {"type": "string", "enum": sorted(set(names))} if names else {"type": "string"}
    )
    if names:
        # A string naming several people ("Kim and Soph") is checked in the build,
        # person by person; an editor only learns that it is such a string.
        several = {"type": "string", "pattern": several_pattern(settings.author_separators)}
        author = {"anyOf": [author, several]}
    vocabulary = settings.vocabulary
    theme: dict[str, Any] = {"type": "string", "minLength": 1}
    if vocabulary:
        theme = {"type": "string", "enum": sorted(set(vocabulary) | set(vocabulary.values()))}
    properties: dict[str, Any] = {
        "title": {"description": "The note's title", "type": ["string", "number"]},
        "date": {
            "description": "Publication date, YYYY-MM-DD (or Material's created/updated)",
            "anyOf": [
                {**_DATE, "format": "date"},
                _DATE,
                {
                    "type": "object",
                    "required": ["created"],
                    "properties": {"created": _DATE, "updated": _DATE},
                },
            ],
        },
        "week": {"description": "The week commencing, YYYY-MM-DD", **_DATE},
        "authors": _one_or_many(author, "Who wrote the note: ids from the authors file"),
        "author": _one_or_many(author, "One author (or several)"),
        "draft": {"description": "Left out of the built site", "type": "boolean"},
        "weeknote": {"description": "false: this file is not a weeknote", "type": "boolean"},
        "lang": {
            "description": "The note's language, such as cy, when it is a translation",
            "type": "string",
        },
        "ref": {
            "description": "Shared by a note and its translations",
            "type": ["string", "number"],
        },
    }
    for key in settings.theme_keys:
        properties[key] = _one_or_many(theme, "Themes the note is filed under")
    for key in settings.summary_keys:
        properties[key] = {
            "description": "One sentence for index pages and feeds",
            "type": ["string", "number", "null"],
        }
    # Title may be an H1, date the file name; the summary may be under any of its keys.
    required = ["week"] if "week" in settings.required else []
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": "https://mkdocs-weeknotes.invalid/front-matter.schema.json",
        "title": "Weeknote front matter",
        "type": "object",
        "properties": properties,
        # Other plugins' keys are allowed, as in a build.
        "additionalProperties": True,
        "not": {"required": ["author", "authors"]},
    }
    if required:
        schema["required"] = required
    if "authors" in settings.required:
        schema["anyOf"] = [{"required": ["authors"]}, {"required": ["author"]}]
    for name, keys in (("themes", settings.theme_keys), ("summary", settings.summary_keys)):
        if name in settings.required:
            schema.setdefault("allOf", []).append({"anyOf": [{"required": [key]} for key in keys]})
    return schema
