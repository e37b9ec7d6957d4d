"""HTML shown on many pages, with its relative links made for each.

A learning section is shown on the learning log and on its person's page, away
from the note it was written in. Its HTML is read once into text and holes,
one hole for each relative link; each page that shows it fills the holes with
links from itself, which costs a join instead of another pass over the HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple


class Target(NamedTuple):
    """One link: a site path (`a/b/`, `img/x.png`) and what follows it (`#id`)."""

    path: str
    tail: str = ""


class Linked(NamedTuple):
    """Text, a link, text, a link, … text: `texts` has one item more than `targets`."""

    texts: tuple[str, ...]
    targets: tuple[Target, ...]

    def on(self, link: Callable[[str], str]) -> str:
        """The HTML for one page: `link` makes a site path relative to that page."""
        texts = self.texts
        out = [texts[0]]
        for index, target in enumerate(self.targets, 1):
            out.append(link(target.path))
            out.append(target.tail)
            out.append(texts[index])
        return "".join(out)


class Writer:
    """Builds a `Linked` from text and links in the order they appear."""

    def __init__(self) -> None:
        self._texts: list[str] = []
        self._current: list[str] = []
        self._targets: list[Target] = []

    def text(self, *parts: str) -> None:
        self._current.extend(parts)

    def link(self, path: str, tail: str = "") -> None:
        self._texts.append("".join(self._current))
        self._current = []
        self._targets.append(Target(path, tail))

    def done(self) -> Linked:
        return Linked((*self._texts, "".join(self._current)), tuple(self._targets))
