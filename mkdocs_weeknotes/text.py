"""Text fit to show: without the characters no page or feed may hold, and titles
as MkDocs themes print them. Used by every stage, from the settings on."""

from __future__ import annotations

import re

# C0 controls but tab, newline and CR, and lone surrogates: YAML's escapes ("\0",
# "\x1b", "\ud800") make them, and no page or feed may hold them (XML 1.0 forbids
# them, browsers show them as boxes, a surrogate cannot even be written as UTF-8).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def without_controls(text: str) -> str:
    """`text` without the control characters that no page or feed may hold."""
    return text if _UNPRINTABLE.search(text) is None else _UNPRINTABLE.sub("", text)


def theme_title(text: str) -> str:
    """A title as themes print it, unescaped: markup becomes look-alikes.

    MkDocs themes put `page.title` and nav titles into the HTML as they are, some
    inside `title="…"` attributes, so a `<` or a quote from front matter would be
    markup there; our own templates escape it properly. Angle brackets become
    ‹ ›, quotes become typographic ones. An `&` can only start a character
    reference, which makes no markup, so it is left as it is.
    """
    if _THEME_UNSAFE.search(text) is None:
        return text
    text = text.replace("<", "\u2039").replace(">", "\u203a")
    return _QUOTE.sub(_curly, text)


_THEME_UNSAFE = re.compile("[<>\"']")
_QUOTE = re.compile("[\"']")
_CURLY = {'"': ("\u201c", "\u201d"), "'": ("\u2018", "\u2019")}


def _curly(match: re.Match[str]) -> str:
    """An opening quote at the start or after a space or bracket, else a closing one."""
    start = match.start()
    before = match.string[start - 1] if start else " "
    opening, closing = _CURLY[match.group()]
    return opening if before.isspace() or before in "([{\u2039" else closing
