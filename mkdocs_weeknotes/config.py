"""The plugin's settings, validated by MkDocs' own config machinery."""

from __future__ import annotations

import datetime
import functools
import posixpath
import re
import string
from collections.abc import Mapping
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, tokenize_pattern
from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from .problems import CODES, LEVELS
from .reading.sections import Rollup
from .reading.selection import Selector
from .slugs import slugify, spellings
from .suggest import closest
from .text import without_controls
from .words import ENGLISH, ENGLISH_PLURALS, KEYS, Words

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Fields a site may list in `required`.
REQUIRABLE = ("title", "date", "week", "authors", "themes", "summary")

# The learning log's rollup key, and the folders of other generated pages under notes_dir.
LEARNING = "learning"
RESERVED = ("themes", "people", "weeks")
ANOTHER = "give it another 'path'"


class _Label(c.Type[str]):
    """Text shown on pages, such as a title: kept as written, less control characters."""

    def __init__(self, default: str | None = None) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        return without_controls(super().run_validation(value))


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


class _Separators(c.ListOfItems[str]):
    """Extra words or marks between the names in one author string, such as Welsh `a`."""

    def __init__(self) -> None:
        super().__init__(c.Type(str), default=[])

    def run_validation(self, value: object) -> list[str]:
        if not isinstance(value, list):  # one text would be read letter by letter
            raise ValidationError(f"must be a list of text, such as [a], not {value!r}")
        separators = super().run_validation(value)
        for separator in separators:
            if not separator.strip():
                raise ValidationError("a separator must have something besides spaces")
        return separators


class _Whole(c.Type[int]):
    """A whole number of at least `minimum`, and at most `maximum` if given."""

    def __init__(self, default: int, minimum: int = 0, maximum: int | None = None) -> None:
        super().__init__(int, default=default)
        self.minimum = minimum
        self.maximum = maximum

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool):  # bool is an int to Python, never to a user
            raise ValidationError(f"Expected a whole number but received: {value!r}")
        number = super().run_validation(value)
        if number < self.minimum:
            raise ValidationError(f"must be {self.minimum} or more, not {number}")
        if self.maximum is not None and number > self.maximum:
            raise ValidationError(f"must be {self.maximum} or less, not {number}")
        return number


class _Locale(c.Optional[str]):
    """A locale Babel knows, such as `en_GB` or `fr`; None follows `theme.language`."""

    def __init__(self) -> None:
        super().__init__(c.Type(str))

    def run_validation(self, value: object) -> str | None:
        text = super().run_validation(value)
        if text is not None and parse_locale(text) is None:
            raise ValidationError(f"{text!r} is not a locale that dates can be written in")
        return text


def parse_locale(name: str) -> Locale | None:
    """Babel's locale for `en_GB`, `en-GB` or `en`; None if unknown."""
    try:
        return Locale.parse(name.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return None


# Babel's own formats; anything else is read as a CLDR pattern.
_DATE_STYLES = ("short", "medium", "long", "full")


@functools.lru_cache(maxsize=4096)
def _shown_date(day: datetime.date, pattern: str, language: str) -> str:
    # Babel is slow, and a site has few distinct dates.
    locale = parse_locale(language) or parse_locale("en")
    return str(format_date(day, pattern, locale=locale))


class _DateFormat(c.Type[str]):
    """Babel's `short`, `medium`, `long`, `full`, or a CLDR pattern like `d MMMM y`."""

    def __init__(self) -> None:
        super().__init__(str, default="long")

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        if text in _DATE_STYLES:
            return text
        # Babel reads these without complaint and writes garbled or empty dates.
        if "%" in text:
            reason = f"a strftime format; in CLDR that is {_cldr_of(text)!r}"
        elif text.count("'") % 2:
            reason = "a quote (') that is never closed hides the rest; write '' for a quote mark"
        elif not any(kind == "field" for kind, _ in tokenize_pattern(text)):
            reason = "no day, month or year in it; letters outside quotes are the fields"
        else:
            try:
                format_date(datetime.date(2019, 6, 24), text, locale="en")
                return text
            except (ValueError, KeyError, AttributeError) as err:
                reason = str(err)
        raise ValidationError(
            f"{text!r} is not a date format ({reason}); "
            f"use {', '.join(_DATE_STYLES)} or a CLDR pattern such as 'd MMMM y'"
        )


# The strftime directives people write in dates, and their CLDR fields.
_STRFTIME_TO_CLDR = {
    "d": "dd", "-d": "d", "e": "d", "m": "MM", "-m": "M", "b": "MMM", "B": "MMMM",
    "y": "yy", "Y": "y", "a": "EEE", "A": "EEEE", "j": "DDD",
}  # fmt: skip
_STRFTIME = re.compile(r"%(-?[A-Za-z%])")


def _cldr_of(text: str) -> str:
    """A strftime date format in CLDR's terms, or the usual pattern if it holds
    a directive with no simple equivalent."""
    parts = []
    for index, piece in enumerate(_STRFTIME.split(text)):
        if index % 2:
            if piece not in _STRFTIME_TO_CLDR:
                return "d MMMM y"
            parts.append(_STRFTIME_TO_CLDR[piece])
        elif piece:
            # Text is quoted when it holds letters, which CLDR would read as fields.
            quoted = piece.replace("'", "''")
            parts.append(f"'{quoted}'" if re.search(r"[A-Za-z']", piece) else piece)
    pattern = "".join(parts)
    return "d MMMM y" if "%" in pattern else pattern


# A strftime directive with a width ('%999999999Y') can ask for any amount of memory.
_STRFTIME_WIDTH = re.compile(r"%[-_0^#]*[1-9]")


def _check_pattern(text: str, fields: Mapping[str, bool], what: str) -> None:
    """Allow only `fields` as placeholders of a `str.format` pattern, plainly named.

    `fields` maps each name to whether it is a date, which alone takes a format
    (strftime's, without widths). No attribute or index access, no conversion, no
    nested placeholder: a setting must not reach into Python objects or ask for a
    huge string.
    """
    names = [f"{{{name}}}" for name in fields]
    listed = f"{', '.join(names[:-1])} and {names[-1]}"
    if not text.strip():
        raise ValidationError(f"the {what} is empty; the placeholders are {listed}")
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as err:
        parsed, reason = [], str(err)
    else:
        reason = ""
    for _literal, name, spec, conversion in parsed:
        if name is None or reason:
            continue
        if name not in fields:
            reason = f"{{{name}}} is not one of them"
        elif conversion:
            reason = f"'!{conversion}' in {{{name}}} is not allowed"
        elif not spec:
            continue
        elif not fields[name]:
            reason = f"only dates take a format, not {{{name}}}"
        elif "{" in spec or "}" in spec:
            reason = f"a placeholder inside {{{name}}} is not allowed"
        elif _STRFTIME_WIDTH.search(spec):
            reason = f"a width after '%' in {{{name}}} is not allowed"
    if reason:
        raise ValidationError(
            f"{text!r} is not a valid {what} ({reason}); the placeholders are {listed}"
        )


# The placeholders of each pattern, and whether each is a date.
_TITLE_FIELDS = {"people": False, "week": True, "date": True}
_PATH_FIELDS = {"date": True, "week": True, "year": False, "author": False}


class _TitleFormat(c.Optional[str]):
    """A `str.format` pattern; checked once here so that no note can crash on it.
    None: the site's language's words (`fallback_title`)."""

    def __init__(self) -> None:
        super().__init__(c.Type(str))

    def run_validation(self, value: object) -> str | None:
        text = super().run_validation(value)
        if text is not None:
            _check_pattern(text, _TITLE_FIELDS, "title format")
        return text


def _placeholders(text: str) -> dict[str, bool]:
    """The placeholders of one of our own words, none of them a date."""
    return {name: False for _, name, _, _ in string.Formatter().parse(text) if name}


class _Words(c.Type[dict]):  # type: ignore[type-arg]
    """The site's own text for some of the words on its pages, by key.

    Each keeps to the placeholders of the word it replaces; a word that follows a
    number (`notes`) takes one text, or one per plural form (`one`, `other`…).
    """

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict[str, str | dict[str, str]]:
        words = super().run_validation(value)
        checked: dict[str, str | dict[str, str]] = {}
        for key, text in words.items():
            if key not in KEYS:
                near = closest(str(key), KEYS)
                hint = f"did you mean {near!r}? " if near else ""
                raise ValidationError(
                    f"{key!r} is not a word of ours ({hint}the keys are listed in the docs)"
                )
            if key in ENGLISH_PLURALS:
                forms = text if isinstance(text, dict) else {"other": text}
                fields = _placeholders(ENGLISH_PLURALS[key]["other"])
                for form, each in forms.items():
                    if form not in _PLURAL_FORMS:
                        raise ValidationError(
                            f"words {key!r}: {form!r} is not a plural form"
                            f" ({', '.join(_PLURAL_FORMS)})"
                        )
                    _check_word(key, each, fields)
                checked[key] = {
                    str(form): without_controls(str(each)) for form, each in forms.items()
                }
                continue
            fields = _TITLE_FIELDS if key == "fallback_title" else _placeholders(ENGLISH[key])
            _check_word(key, text, fields)
            checked[key] = without_controls(text)
        return checked


_PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")


def _check_word(key: str, text: object, fields: Mapping[str, bool]) -> None:
    if not isinstance(text, str):
        raise ValidationError(f"words {key!r} must be text, not {text!r}")
    if fields:
        _check_pattern(text, fields, f"text for words {key!r}")
    elif "{" in text or "}" in text:
        raise ValidationError(
            f"words {key!r} takes no placeholders; write {{{{ and }}}} for braces, not {text!r}"
        )


class _Validation(c.Type[dict]):  # type: ignore[type-arg]
    """How each problem code is reported, as MkDocs' own `validation` sets its
    checks: `warn`, `info` or `ignore`; a code not listed is a warning."""

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict[str, str]:
        levels: dict[str, str] = {}
        for key, level in super().run_validation(value).items():
            code = str(key).strip().upper()
            if code not in CODES:
                near = closest(str(key), CODES)
                hint = f"did you mean {near!r}? " if near else ""
                raise ValidationError(
                    f"{key!r} is not a problem code ({hint}the codes are listed in the docs)"
                )
            if level not in LEVELS:
                raise ValidationError(
                    f"{key}: {level!r} is not a level; use one of {', '.join(LEVELS)}"
                )
            levels[code] = level
        return levels


class _NotePath(c.Type[str]):
    """Where `weeknotes new` writes a note, under notes_dir, as a `str.format` pattern."""

    def __init__(self) -> None:
        super().__init__(str, default="{date:%Y}/{date}-{author}.md")

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        _check_pattern(text, _PATH_FIELDS, "path pattern")
        sample = datetime.date(2019, 6, 24)
        if not text.format(date=sample, week=sample, year=2019, author="rob").endswith(".md"):
            raise ValidationError(f"{text!r} must end in .md")
        return text


class _NonEmptyList(c.ListOfItems[str]):
    def __init__(self, default: list[str]) -> None:
        super().__init__(c.Type(str), default=default)

    def run_validation(self, value: object) -> list[str]:
        items = super().run_validation(value)
        if not items:
            raise ValidationError("must list at least one entry")
        return items


class _Globs(c.ListOfItems[str]):
    """Globs relative to notes_dir (see reading/selection.py), written with forward slashes."""

    def __init__(self, default: list[str], at_least_one: bool = False) -> None:
        super().__init__(c.Type(str), default=default)
        self.at_least_one = at_least_one

    def run_validation(self, value: object) -> list[str]:
        globs = [glob.replace("\\", "/").strip() for glob in super().run_validation(value)]
        if self.at_least_one and not globs:
            raise ValidationError("must list at least one glob, such as '*.md'")
        for glob in globs:
            if not glob.strip("/"):
                raise ValidationError(f"{glob!r} is not a glob; write one such as '*.md'")
            if ".." in glob.split("/"):
                raise ValidationError(
                    f"{glob!r} climbs out of notes_dir with '..'; globs are relative to notes_dir"
                )
        return globs


class _Themes(c.DictOfItems[str]):
    """The theme vocabulary: each key must make a slug, and no two the same one."""

    def __init__(self) -> None:
        super().__init__(_Label(), default={})

    def run_validation(self, value: object) -> dict[str, str]:
        themes = super().run_validation(value)
        seen: dict[str, str] = {}
        for key in themes:
            slug = slugify(key)
            if not slug:
                raise ValidationError(
                    f"the theme {key!r} has no letters or digits, so no page; give it a name"
                )
            if slug in seen:
                raise ValidationError(
                    f"the themes {seen[slug]!r} and {key!r} are the same theme ({slug!r}); keep one"
                )
            seen[slug] = key
        return themes


class LearningLogConfig(Config):
    """The learning log: the default rollup, of "Something I'm learning" sections."""

    enabled = c.Type(bool, default=True)
    headings = _NonEmptyList(["Something I'm learning"])
    # None: the site's language's words (`learning_log`).
    title = c.Optional(_Label())
    path = _RelativeDir("learning")
    # Rollup pages repeat every note's text; left out of search unless asked.
    search = c.Type(bool, default=False)
    on_theme_pages = c.Type(bool, default=False)


class RollupConfig(Config):
    """Another recurring section to collect, such as "What I've been reading"."""

    headings = _NonEmptyList([])
    title = c.Optional(_Label())
    # A folder under notes_dir; "" means the rollup's key as a slug.
    path = _RelativeDir("")
    search = c.Type(bool, default=False)


class _Rollups(c.DictOfItems[RollupConfig]):
    """Each rollup's settings, checked as MkDocs checks the learning log's."""

    def __init__(self) -> None:
        super().__init__(c.SubConfig(RollupConfig), default={})

    def run_validation(self, value: object) -> dict[str, RollupConfig]:
        if not isinstance(value, dict):
            return super().run_validation(value)
        rollups: dict[str, RollupConfig] = {}
        for key, item in value.items():
            # MkDocs gives this option a new list of warnings before each check,
            # so the SubConfig's own list, shared in DictOfItems' __init__, is one
            # nobody reads: each rollup's warnings are collected here instead.
            self.option_type.warnings = []
            try:
                rollups.update(super().run_validation({key: item}))
            except ValidationError as err:
                raise ValidationError(f"rollup {key!r}: {err}") from err
            self.warnings.extend(f"rollup {key!r}: {w}" for w in self.option_type.warnings)
        return rollups


class FeedsConfig(Config):
    """Atom feeds for the team, each theme, each person and each rollup."""

    # None: on when the site has a `site_url` (feeds need absolute links).
    enabled = c.Optional(c.Type(bool))
    length = _Whole(20, minimum=1)
    content = c.Choice(("summary", "full"), default="summary")


PICTURE_MOST = 104


class PicturesConfig(Config):
    """The pictures on index pages; each can be switched off."""

    # Who wrote which week: on the latest page and the people page.
    rhythm = c.Type(bool, default=True)
    # At most two years: a picture, not an archive (the year pages are that).
    rhythm_weeks = _Whole(12, minimum=1, maximum=PICTURE_MOST)
    # A person's weeks over the last year, on their page.
    person_weeks = c.Type(bool, default=True)
    # A theme's notes per month, on its page and the themes page.
    theme_timeline = c.Type(bool, default=True)
    timeline_months = _Whole(12, minimum=1, maximum=PICTURE_MOST)


class WeeknotesConfig(Config):
    """Every setting of the plugin, each with a default."""

    enabled = c.Type(bool, default=True)
    notes_dir = _RelativeDir("weeknotes")
    # Which files under notes_dir are notes, and where a note's summary is read.
    include = _Globs(["*.md"], at_least_one=True)
    exclude = _Globs([])
    summary_keys = _NonEmptyList(["summary", "description"])
    # None: `<notes_dir>/.authors.yml`, used when it exists.
    authors_file = _OptionalRelativeFile()
    # Added to `,`, ` and `, ` & ` and `+` to split an author string into people.
    author_separators = _Separators()
    theme_keys = _NonEmptyList(["themes"])
    required = c.ListOfItems(c.Choice(REQUIRABLE), default=["date", "authors"])
    themes = _Themes()
    on_invalid = c.Choice(("warn", "error"), default="warn")
    # Per problem code: reported as a warning, at INFO (not failing --strict), or not at all.
    validation = _Validation()
    week_start = c.Choice(WEEKDAYS, default="monday")
    week_grace_days = _Whole(7)
    title_format = _TitleFormat()
    learning_log = c.SubConfig(LearningLogConfig)
    rollups = _Rollups()
    feeds = c.SubConfig(FeedsConfig)
    # Index pages.
    # None: the site's language's words (`nav_title`).
    nav_title = c.Optional(_Label())
    latest_weeks = _Whole(6, minimum=1)
    page_size = _Whole(50, minimum=1)
    # Listings repeat every note's title and summary; left out of search unless asked.
    search_listings = c.Type(bool, default=False)
    pictures = c.SubConfig(PicturesConfig)
    date_format = _DateFormat()
    locale = _Locale()
    words = _Words()
    stylesheet = c.Type(bool, default=True)
    # Problems at the top of a note's own page: in `mkdocs serve` only, always, or never.
    show_problems = c.Choice(("serve", "always", "never"), default="serve")
    # `@id` in a note's text links to that person's page (see reading/mentions.py).
    mentions = c.Type(bool, default=True)
    # The `weeknotes new` command.
    new_note_path = _NotePath()
    new_note_template = c.Optional(c.Type(str))

    # The theme's language, set for each build (see `use_language`); `locale` wins.
    site_language = ""

    def use_language(self, language: str) -> None:
        """Take the theme's language for the words on pages, unless `locale` is set."""
        if language != self.site_language:
            self.site_language = language
            # Both hold words of the language.
            self.__dict__.pop("catalogue", None)
            self.__dict__.pop("rollup_list", None)

    @property
    def language(self) -> str:
        """The language of the site's pages: `locale`, else the theme's, else English."""
        return self.locale or self.site_language or "en"

    def shown_date(self, day: datetime.date) -> str:
        """A date as the site's pages show it: `date_format` in the site's locale."""
        return _shown_date(day, self.date_format, self.language)

    @functools.cached_property
    def catalogue(self) -> Words:
        """The words of the site's pages, in its language, with its own `words`."""
        return Words(self.language, self.words)

    @property
    def nav_label(self) -> str:
        return self.nav_title or self.catalogue.nav_title

    @property
    def week_start_index(self) -> int:
        """`week_start` as Python's weekday number (Monday is 0)."""
        return WEEKDAYS.index(self.week_start)

    @functools.cached_property
    def rollup_list(self) -> tuple[Rollup, ...]:
        """Every rollup, the learning log first; keys and folders are unique."""
        found: list[Rollup] = []
        log = self.learning_log
        if log.enabled:
            found.append(
                Rollup(
                    LEARNING,
                    log.title or self.catalogue.learning_log,
                    tuple(log.headings),
                    log.path or LEARNING,
                    log.search,
                )
            )
        for key, rollup in sorted(self.rollups.items()):
            path = rollup.path or slugify(key)
            title = rollup.title or rollup.headings[0]
            found.append(Rollup(key, title, tuple(rollup.headings), path, rollup.search))
        return tuple(found)

    def validate(self) -> tuple[list[tuple[str, Exception]], list[tuple[str, str]]]:
        failed, warnings = super().validate()
        if not failed:
            for rollup in self.rollup_list:
                taken = self._taken(rollup)
                if taken:
                    failed.append(
                        (
                            "learning_log" if rollup.key == LEARNING else "rollups",
                            ValidationError(taken),
                        )
                    )
        return failed, warnings

    def _taken(self, rollup: Rollup) -> str:
        """Why a rollup cannot have its folder (or its name), or "" if it can.

        Its pages go in the folder and a year folder under it, beside themes/,
        people/ and the year archives: none of those may hold another's folder.
        """
        path = rollup.path
        name = _rollup_name(rollup)
        if not path:
            return f"{name} has no folder, as its name has no letters or digits; give it a 'path'"
        top = path.split("/")[0]
        if top in RESERVED or top.isdigit():
            what = f"the {top} pages" if top in RESERVED else f"the archive of {top}"
            where = "is" if top == path else "is inside"
            return f"the folder {path!r} of {name} {where} the folder of {what}; {ANOTHER}"
        for other in self.rollup_list:
            if other is rollup:
                break
            other_name = _rollup_name(other)
            if rollup.key == other.key:
                return f"{name} has the learning log's name; give it another"
            if path == other.path:
                return f"the folder {path!r} of {name} is taken by {other_name}; {ANOTHER}"
            for inner, outer, inner_name, outer_name in (
                (path, other.path, name, other_name),
                (other.path, path, other_name, name),
            ):
                if inner.startswith(outer + "/"):
                    return (
                        f"the folder {inner!r} of {inner_name} is inside the folder"
                        f" {outer!r} of {outer_name}; {ANOTHER}"
                    )
        return ""

    @functools.cached_property
    def selector(self) -> Selector:
        """Which files are notes; the folders of generated pages never hold one."""
        folders = RESERVED + tuple(rollup.path for rollup in self.rollup_list)
        return Selector(self.notes_dir, tuple(self.include), tuple(self.exclude), folders)

    @functools.cached_property
    def vocabulary(self) -> dict[str, str]:
        """The `themes` setting keyed by slug, whatever case or spacing its keys use."""
        return {slugify(key): label for key, label in self.themes.items() if slugify(key)}

    @functools.cached_property
    def theme_spellings(self) -> dict[str, str]:
        """Each way a theme of the vocabulary may be written, as a slug: its label's
        slug and its own, to the theme's slug."""
        return spellings(self.vocabulary)

    @property
    def authors_path(self) -> str:
        """The authors file, relative to docs_dir."""
        if self.authors_file is not None:
            return str(self.authors_file)
        return posixpath.join(self.notes_dir, ".authors.yml") if self.notes_dir else ".authors.yml"


def _rollup_name(rollup: Rollup) -> str:
    return "the learning log" if rollup.key == LEARNING else f"the rollup '{rollup.key}'"


def rollup_setting(key: str) -> str:
    """Where a rollup is set in mkdocs.yml: `learning_log` or `rollups.<key>`."""
    return "learning_log" if key == LEARNING else f"rollups.{key}"


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
