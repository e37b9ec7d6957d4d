"""HTML written once and shown on many pages, its relative links made for each.

A learning entry is on the learning log and on its person's page; the same
HTML, except for the links, which are relative to the page that shows it.
Writing the HTML once with a hole for each link, and filling the holes for each
page, costs a join instead of a template or a regular expression per page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from markupsafe import escape


class Target(NamedTuple):
    """One link: a site path (`a/b/`, `img/x.png`), what follows it (`#id`), and
    whether the link is escaped when it goes in (it is, unless the HTML already is)."""

    path: str
    tail: str = ""
    escaped: bool = True


class Linked(NamedTuple):
    """Text, a link, text, a link, … text: `texts` has one item more than `targets`."""

    texts: tuple[str, ...]
    targets: tuple[Target, ...]

    def on(self, link: Callable[[str], str]) -> str:
        """The HTML for one page: `link` makes a site path relative to that page."""
        texts = self.texts
        out = [texts[0]]
        for index, target in enumerate(self.targets, 1):
            url = link(target.path) + target.tail
            out.append(str(escape(url)) if target.escaped else url)
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

    def link(self, path: str, tail: str = "", escaped: bool = True) -> None:
        self._texts.append("".join(self._current))
        self._current = []
        self._targets.append(Target(path, tail, escaped))

    def insert(self, linked: Linked) -> None:
        """Another `Linked`, holes and all."""
        for text, target in zip(linked.texts[:-1], linked.targets, strict=True):
            self.text(text)
            self.link(*target)
        self.text(linked.texts[-1])

    def done(self) -> Linked:
        return Linked((*self._texts, "".join(self._current)), tuple(self._targets))
