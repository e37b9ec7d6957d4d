"""Validation results: one `Problem` per mistake, with a stable code and a line."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# Every code the plugin can report, with a one-line description. The docs page
# of problem codes is checked against this table by the test suite, so a code
# can never ship undocumented.
CODES: dict[str, str] = {
    "WN001": "the file is not valid UTF-8",
    "WN002": "YAML syntax error in the front matter",
    "WN003": "the front matter is not a mapping of keys to values",
    "WN004": "the front matter is opened with '---' but never closed",
    "WN005": "a key appears twice in the front matter",
    "WN006": "an unknown key that is close to a known one",
    "WN007": "a field listed in the `required` setting is missing",
    "WN008": "a value that expands to too many items through YAML aliases",
    "WN010": "a note that cannot be read: a broken link, a link loop, no permission",
    "WN011": "no notes under `notes_dir`: it is missing, empty, or every file is left out",
    "WN012": "a file that `include` selects where a generated page goes, so it is not a note",
    "WN101": "no date: neither a `date` key nor a YYYY-MM-DD file-name prefix",
    "WN102": "a date that is not a real calendar date",
    "WN103": "an author who is not in the authors file",
    "WN104": "authors that are not a name or a list of names",
    "WN105": "a week that does not start on the configured `week_start` day",
    "WN106": "a week that does not hold the note's date",
    "WN107": "themes that are not a list of text",
    "WN108": "a theme outside the configured `themes` vocabulary",
    "WN109": "a yes/no field (`draft`, `weeknote`) that is not true or false",
    "WN110": "a text field (`title`, `summary`) that is not text",
    "WN111": "both `author` and `authors` are set",
    "WN201": "two notes by the same person for the same week",
    "WN202": "notes that share a `ref` but are in one language, or of different weeks or people",
    "WN203": "a `lang` that is not a language code",
    "WN301": "the authors file cannot be read or is not valid YAML",
    "WN302": "the authors file does not have the expected shape",
    "WN303": "the authors file named in the settings does not exist",
    "WN304": "a key or author id appears twice in the authors file",
    "WN305": "an avatar that is not an http(s) or relative URL",
    "WN306": "an alias that is another person's id, name or alias",
    "WN401": "a page of the site stands where a generated index page would go",
    "WN402": "a file of the site stands where a feed or the stylesheet would be written",
    "WN501": "a bold line or paragraph that reads like a rollup heading but is not one",
    "WN502": "a heading spelt close to a rollup heading, so its section is not collected",
    "WN601": "feeds are switched on but the site has no `site_url`",
    "WN701": "an `active`, `until` or `away` value in the authors file that cannot be read",
    "WN710": "an `@name` in a note's text close to someone's handle, but nobody's",
    "WN711": "an embed marker with an unknown listing or option, or a value that cannot be used",
    "WN712": "an embed marker names a theme or person the site does not have",
}

# How much of a value a message quotes: enough to find it, never a whole file.
QUOTE_LIMIT = 60

# C0 and C1 controls, DEL, the Unicode line and paragraph separators and the
# bidirectional overrides: each could end a problem line early, or be taken by a
# terminal as a command (`ESC ] 0 ;` retitles it), or reorder what is shown.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def escape_controls(text: str) -> str:
    """`text` with every control character written as an escape such as `\\x1b`."""
    return _UNPRINTABLE.sub(_escaped, text)


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """`text` cut to `limit` characters, the last one an ellipsis when it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quote(text: str) -> str:
    """User text as a message quotes it: in quotes, short, and on one printable line."""
    return f"'{escape_controls(shorten(text))}'"


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file.

    `path` is relative to the directory of `mkdocs.yml` and uses forward
    slashes; `line` is 1-based. Ordering is by path, then line, then code, so
    sorted problems read top to bottom through each file.
    """

    path: str
    line: int
    code: str
    message: str
    hint: str = ""

    def __post_init__(self) -> None:
        if self.code not in CODES:  # a typo here would ship an undocumented code
            raise ValueError(f"unknown problem code {self.code!r}")

    def format(self) -> str:
        """The one-line form: `path:line: CODE message (hint)`.

        Control characters are escaped here too, so that even a file name with a
        newline or an escape in it gives one line that a terminal shows as it is.
        """
        text = f"{self.path}:{self.line}: {self.code} {self.message}"
        return escape_controls(f"{text} ({self.hint})" if self.hint else text)

    def __str__(self) -> str:
        return self.format()


# How a problem is reported, as the `validation` setting may set it for its code:
# a warning (the default; fails `mkdocs build --strict` and `weeknotes check`),
# an INFO line that fails neither, or nothing at all.
WARN, INFO, IGNORE = "warn", "info", "ignore"
LEVELS = (WARN, INFO, IGNORE)


def level_of(problem: Problem, levels: Mapping[str, str]) -> str:
    """The level `levels` (the `validation` setting) gives the problem's code."""
    return levels.get(problem.code, WARN)


def reported(problems: Iterable[Problem], levels: Mapping[str, str]) -> list[tuple[str, Problem]]:
    """Each problem that is reported at all, with its level, in the order given."""
    return [
        (level, problem) for problem in problems if (level := level_of(problem, levels)) != IGNORE
    ]
