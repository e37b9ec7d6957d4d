"""Several people named in one author string: `Kim and Soph`, `Owain, Sam & Laura`."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

# What teams write between names. A separator that is a word, or written with
# spaces around it, is matched only as a whole word: "and" never splits
# "Alexandra", and "&" splits "Lucinda & James" but not "Marks&Spencer".
DEFAULT_SEPARATORS = (",", " and ", " & ", "+")


def split_names(text: str, extra: Sequence[str] = ()) -> list[str]:
    """The people named in `text`, in order; empty parts (a trailing "and", a
    doubled comma) are dropped. Text that is nothing but separators is kept whole,
    so that a name is never lost."""
    parts = [part.strip() for part in _splitter(tuple(extra)).split(text)]
    names = [part for part in parts if part]
    return names or [text.strip()]


@functools.lru_cache(maxsize=8)
def _splitter(extra: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = [_pattern(separator) for separator in (*DEFAULT_SEPARATORS, *extra)]
    # One run of separators, such as the Oxford comma's ", and ", is one split.
    return re.compile(f"(?:{'|'.join(alternatives)})+")


def _pattern(separator: str) -> str:
    core = separator.strip()
    # A word is matched as written: "A" in "Simon A Jones" is an initial, not Welsh "a".
    before = r"(?<!\S)" if separator[:1].isspace() or core[:1].isalnum() else ""
    after = r"(?!\S)" if separator[-1:].isspace() or core[-1:].isalnum() else ""
    inner = r"\s+".join(re.escape(word) for word in core.split())
    return rf"\s*{before}{inner}{after}\s*"


def several_pattern(extra: Sequence[str] = ()) -> str:
    """A regular expression, the same in Python and JavaScript (for editors' JSON
    Schema support), that finds a separator in a string naming several people."""
    found = []
    for separator in (*DEFAULT_SEPARATORS, *extra):
        core = separator.strip()
        before = "(^|\\s)" if separator[:1].isspace() or core[:1].isalnum() else ""
        after = "(\\s|$)" if separator[-1:].isspace() or core[-1:].isalnum() else ""
        found.append(before + "\\s+".join(_escape(word) for word in core.split()) + after)
    return "|".join(found)


def _escape(text: str) -> str:
    # Only what is special in both: JavaScript's Unicode mode refuses `\&` or `\-`.
    return "".join(f"\\{char}" if char in _SPECIAL else char for char in text)


_SPECIAL = frozenset("^$\\.*+?()[]{}|/")
