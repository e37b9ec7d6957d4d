"""The plugin's settings, validated by MkDocs' own config machinery."""

from __future__ import annotations

import datetime
import posixpath
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from .slugs import slugify

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Fields a site may list in `required`.
REQUIRABLE = ("title", "date", "week", "authors", "themes", "summary")

DEFAULT_TITLE_FORMAT = "Weeknote: {people}, w/c {week}"


class _RelativeDir(c.Type[str]):
    """A folder inside `docs_dir`: relative, never climbing out with '..'."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value).replace("\\", "/").strip()
        normal = posixpath.normpath(text) if text else "."
        if posixpath.isabs(normal) or normal == ".." or normal.startswith("../"):
            raise ValidationError(f"must be a folder inside docs_dir, not {value!r}")
        return "" if normal == "." else normal


class _OptionalRelativeFile(c.Optional[str]):
    """A file inside `docs_dir`, or None for the default."""

    def __init__(self) -> None:
        super().__init__(c.Type(str))

    def run_validation(self, value: object) -> str | None:
        text = super().run_validation(value)
        if text is None:
            return None
        normal = posixpath.normpath(text.replace("\\", "/"))
        if posixpath.isabs(normal) or normal == ".." or normal.startswith("../"):
            raise ValidationError(f"must be a file inside docs_dir, not {value!r}")
        return normal


class _Whole(c.Type[int]):
    """A whole number of at least `minimum`."""

    def __init__(self, default: int, minimum: int = 0) -> None:
        super().__init__(int, default=default)
        self.minimum = minimum

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool):  # bool is an int to Python, never to a user
            raise ValidationError(f"Expected a whole number but received: {value!r}")
        number = super().run_validation(value)
        if number < self.minimum:
            raise ValidationError(f"must be {self.minimum} or more, not {number}")
        return number


class _TitleFormat(c.Type[str]):
    """A `str.format` pattern; checked once here so that no note can crash on it."""

    def __init__(self) -> None:
        super().__init__(str, default=DEFAULT_TITLE_FORMAT)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        sample = datetime.date(2019, 6, 24)
        try:
            text.format(people="Rob Miller", week=sample, date=sample)
        except (KeyError, IndexError, ValueError, AttributeError) as err:
            raise ValidationError(
                f"{text!r} is not a valid title format ({err}); "
                "the placeholders are {people}, {week} and {date}"
            ) from err
        return text


class _NonEmptyList(c.ListOfItems[str]):
    def __init__(self, default: list[str]) -> None:
        super().__init__(c.Type(str), default=default)

    def run_validation(self, value: object) -> list[str]:
        items = super().run_validation(value)
        if not items:
            raise ValidationError("must list at least one entry")
        return items


class LearningLogConfig(Config):
    """Settings of the learning log: which headings start a learning section."""

    headings = _NonEmptyList(["Something I'm learning"])


class WeeknotesConfig(Config):
    """Every setting of the plugin, each with a default."""

    enabled = c.Type(bool, default=True)
    notes_dir = _RelativeDir("weeknotes")
    # None: `<notes_dir>/.authors.yml`, used when it exists.
    authors_file = _OptionalRelativeFile()
    theme_keys = _NonEmptyList(["themes"])
    required = c.ListOfItems(c.Choice(REQUIRABLE), default=["date", "authors"])
    themes = c.DictOfItems(c.Type(str), default={})
    on_invalid = c.Choice(("warn", "error"), default="warn")
    week_start = c.Choice(WEEKDAYS, default="monday")
    week_grace_days = _Whole(7)
    title_format = _TitleFormat()
    learning_log = c.SubConfig(LearningLogConfig)

    @property
    def week_start_index(self) -> int:
        """`week_start` as Python's weekday number (Monday is 0)."""
        return WEEKDAYS.index(self.week_start)

    @property
    def vocabulary(self) -> dict[str, str]:
        """The `themes` setting keyed by slug, whatever case or spacing its keys use."""
        return {slugify(key): label for key, label in self.themes.items() if slugify(key)}

    @property
    def authors_path(self) -> str:
        """The authors file, relative to docs_dir."""
        if self.authors_file is not None:
            return str(self.authors_file)
        return posixpath.join(self.notes_dir, ".authors.yml") if self.notes_dir else ".authors.yml"


def load_settings(values: dict[str, Any] | None = None) -> WeeknotesConfig:
    """Validated settings from a plain dict, as MkDocs would make them.

    For tests and tools that use the core without building a site.
    """
    config = WeeknotesConfig()
    config.load_dict(dict(values or {}))
    errors, _warnings = config.validate()
    if errors:
        raise ValidationError("; ".join(f"{key}: {err}" for key, err in errors))
    return config
