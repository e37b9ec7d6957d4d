"""Reading built HTML in tests: links, ids, and which notes a listing shows."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, url)
        self.ids: set[str] = set()
        self.note_links: list[str] = []
        self.classes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        for attribute in ("href", "src"):
            if attribute in values:
                self.links.append((tag, attribute, values[attribute]))
        classes = values.get("class", "").split()
        self.classes.extend(classes)
        if tag == "a" and "wn-note-title" in classes:
            self.note_links.append(values.get("href", ""))


def parse(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


def page_dir(site: Path, page: Path) -> str:
    """The site-relative folder a page's relative links start from."""
    return posixpath.dirname(page.relative_to(site).as_posix())


def resolve(site: Path, page: Path, url: str) -> tuple[Path, str] | None:
    """A relative link from `page` as (file in the site, fragment); None if external."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("/", "mailto:", "data:")):
        return None
    if not parts.path:
        return page, parts.fragment
    target = posixpath.normpath(posixpath.join(page_dir(site, page), unquote(parts.path)))
    path = site / target
    if url.split("#")[0].endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, parts.fragment


def broken_links(site: Path, page: Path) -> list[str]:
    """Every relative href and src of `page` that points at no file or no anchor."""
    broken = []
    for tag, attribute, url in parse(page.read_text(encoding="utf-8")).links:
        found = resolve(site, page, url)
        if found is None:
            continue
        target, fragment = found
        if not target.is_file():
            broken.append(f"{tag} {attribute}={url}: no file {target}")
        elif (
            fragment
            and target.suffix == ".html"
            and fragment not in parse(target.read_text(encoding="utf-8")).ids
        ):
            broken.append(f"{tag} {attribute}={url}: no id {fragment}")
    return broken


def listed_notes(site: Path, page: Path) -> list[str]:
    """The notes a listing page links to, as the stems of their source files."""
    stems = []
    for url in parse(page.read_text(encoding="utf-8")).note_links:
        found = resolve(site, page, url)
        assert found is not None, url
        target = found[0]
        name = target.parent.name if target.name == "index.html" else target.stem
        stems.append(name)
    return stems
