"""Moving a fragment of one page's HTML onto another page, links still working.

Relative `href` and `src` were written for the note's URL; they are rewritten
for the page that shows the fragment. Ids get a prefix, so that fragments from
many notes never collide with each other or with the page; `#anchor` links to
an id inside the fragment follow it, and the others point back to the note.
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from collections.abc import Callable

# Starts with the attribute's name, which the regular expression engine finds
# much faster than a pattern that starts with whitespace; `_attributes` checks
# for the whitespace. One pattern for the three, so a fragment is read once.
_VALUE = re.compile(r'(id|href|src)="([^"]*)"')
# A URL's scheme (RFC 3986): `mailto:`, `tel:`, `data:`, `https:`.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def has_scheme(url: str) -> bool:
    """Whether a URL as written in an attribute starts with a scheme, also when its
    characters are references: Markdown writes `<a@b.org>` as `&#109;&#97;…`."""
    head = url[:200]  # a scheme is short, a data: URL can be long
    if "&" in head:
        head = html_lib.unescape(head)
    elif ":" not in head:
        return False  # most relative links: no pattern needed
    return _SCHEME.match(head) is not None


def url_dir(page_url: str) -> str:
    """The folder a page's relative links start from: `a/b/` for `a/b/` and `a/b.html`."""
    if not page_url or page_url.endswith("/"):
        return page_url.rstrip("/")
    return posixpath.dirname(page_url)


def split_dir(page_url: str) -> list[str]:
    """The folders of the place a page's relative links start from."""
    return [part for part in url_dir(page_url).split("/") if part and part != "."]


def relative(target: str, from_page_url: str, from_dir: list[str] | None = None) -> str:
    """A site path (`a/b/`, `img/x.png`) as a link from the page at `from_page_url`.

    Plain string work on normalised site paths: this runs for every link of every
    listing, and `posixpath.relpath` costs many times more. `from_dir` may carry
    `split_dir(from_page_url)` when the caller already has it.
    """
    trailing = target.endswith("/") or target in ("", ".")
    if target in (".", "./"):
        target = ""
    to_parts = [part for part in target.split("/") if part]
    from_parts = split_dir(from_page_url) if from_dir is None else from_dir
    common = 0
    limit = min(len(to_parts), len(from_parts))
    while common < limit and to_parts[common] == from_parts[common]:
        common += 1
    parts = [".."] * (len(from_parts) - common) + to_parts[common:]
    if not parts:
        return "./"
    return "/".join(parts) + ("/" if trailing else "")


class FolderLinks:
    """Relative links from many pages, shared by the pages of one folder.

    The notes of a year sit side by side (`notes/2019/a/`, `notes/2019/b/`), and
    their links to anything outside their own folders are the same: one `../`
    more than the link from the folder that holds them. Their headers and
    footers link to the same people, themes and years, so most links are made
    once per folder instead of once per note.

    Only the links of the last few folders are kept: pages are drawn folder by
    folder, and a big archive's paged listings have a folder each.
    """

    FOLDERS = 8

    def __init__(self) -> None:
        self._links: dict[tuple[str, ...], dict[str, str]] = {}

    def link(self, target: str, from_dir: list[str]) -> str:
        """`relative(target, …)` from a page whose folders are `from_dir`."""
        if not from_dir:
            return relative(target, "", from_dir)
        last = len(from_dir) - 1
        target_parts = target.split("/")
        if len(target_parts) > last and target_parts[last] == from_dir[last]:
            return relative(target, "", from_dir)  # may be inside the page's own folder
        folder = tuple(from_dir[:last])
        links = self._links.get(folder)
        if links is None:
            if len(self._links) >= self.FOLDERS:
                del self._links[next(iter(self._links))]  # the folder met longest ago
            links = self._links[folder] = {}
        link = links.get(target)
        if link is None:
            link = links[target] = relative(target, "", from_dir[:last])
        if link == "./":  # the folder itself: rare, and left to `relative`
            return relative(target, "", from_dir)
        return "../" + link


def via_folder(target: str, from_dir: list[str], folders: dict[str, str]) -> str:
    """`relative(target, …)` from a page whose folders are `from_dir`, for a target
    among others in one folder (the notes of a year).

    A list of notes links to many notes of the same few years: the link to each
    year's folder is made once per page, in `folders`, and each note's link is
    that and its own name.
    """
    trimmed = target.rstrip("/")
    folder, _, leaf = trimmed.rpartition("/")
    if not folder or not leaf or "/".join([*from_dir, ""]).startswith(trimmed + "/"):
        return relative(target, "", from_dir)  # at the top, or the page is inside it
    base = folders.get(folder)
    if base is None:
        base = folders[folder] = relative(folder + "/", "", from_dir)
    own = leaf + "/" if target.endswith("/") else leaf
    return own if base == "./" else base + own


def move_url(url: str, from_page_url: str, to_page_url: str) -> str:
    """A relative link written on one page, as the same target seen from another."""
    resolved = _resolve(url, split_dir(from_page_url))
    if resolved is None:
        return url
    target, tail = resolved
    return relative(target, "", split_dir(to_page_url)) + tail


def _resolve(url: str, from_dir: list[str]) -> tuple[str, str] | None:
    """The site path a relative link written in `from_dir` points at, and its
    `?query#anchor`; None for a link that stays as it is wherever it is shown."""
    # Plain string work, as in `relative`: every link of every learning section.
    if not url or url[0] in "/#?":
        return None  # absolute, or this very page
    first = url.split("/", 1)[0]
    if ":" in first or ("&" in first and has_scheme(url)):
        return None  # a scheme (https:, mailto:), maybe as character references
    cut = len(url)
    for mark in "?#":
        found = url.find(mark)
        if found != -1 and found < cut:
            cut = found
    path, tail = url[:cut], url[cut:]
    parts = list(from_dir)
    for part in path.split("/"):
        if part == "..":
            if not parts:
                return None  # above the site root: not ours to judge
            parts.pop()
        elif part and part != ".":
            parts.append(part)
    target = "/".join(parts) + ("/" if path.endswith("/") and parts else "")
    return target or "./", tail


def move(html: str, from_page_url: str, prefix: str, link: Callable[[str], str]) -> str:
    """`html` from the page at `from_page_url`, for another page: `link` makes a
    site path relative to that page.

    Ids get `prefix`. A link to one of those ids follows it; other `#anchor`
    links point back to the note; relative links are made anew.
    """
    found = _attributes(html)
    own = {match.group(2) for match in found if match.group(1) == "id"}
    from_dir = split_dir(from_page_url)
    out = []
    last = 0
    for match in found:
        name, value = match.group(1, 2)
        out.append(html[last : match.start(2)])
        last = match.end(2)
        if name == "id":
            out.append(prefix + value)
        elif value.startswith("#"):
            if value[1:] in own:
                out.append(f"#{prefix}{value[1:]}")
            elif from_page_url:
                out.append(link(from_page_url) + value)
            else:
                out.append(f"./{value}")
        else:
            resolved = _resolve(value, from_dir)
            out.append(value if resolved is None else link(resolved[0]) + resolved[1])
    out.append(html[last:])
    return "".join(out)


def _attributes(html: str) -> list[re.Match[str]]:
    """The `id`, `href` and `src` attributes of `html`, in order: the matches that
    follow whitespace, as attributes do."""
    found = []
    position = 0
    while (match := _VALUE.search(html, position)) is not None:
        start = match.start()
        if start and html[start - 1].isspace():
            found.append(match)
            position = match.end()
        else:  # `data-id="…"`: look again from the next character, not past it
            position = start + 1
    return found
