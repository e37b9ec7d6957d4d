"""The addresses notes had on a Jekyll site, for redirects to their MkDocs pages.

Jekyll makes a post's address from a permalink pattern (`_config.yml`'s
`permalink`, or a post's own) filled from the post's date, file name and
categories. `weeknotes redirects` prints, for each note, mkdocs-redirects'
`redirect_maps` entry from that old address to the note's Markdown file.
"""

from __future__ import annotations

import datetime
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import yaml

from ..weeks import weekday_name

# Jekyll's named styles.
STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}

# Jekyll's names for months and days are English whatever the site's language
# (weekday_name's are too).
_MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)

_DATE_PARTS: dict[str, Callable[[datetime.date], str]] = {
    "year": lambda d: f"{d.year:04d}",
    "short_year": lambda d: f"{d.year % 100:02d}",
    "month": lambda d: f"{d.month:02d}",
    "i_month": lambda d: str(d.month),
    "short_month": lambda d: _MONTHS[d.month - 1][:3],
    "long_month": lambda d: _MONTHS[d.month - 1],
    "day": lambda d: f"{d.day:02d}",
    "i_day": lambda d: str(d.day),
    "y_day": lambda d: f"{d.timetuple().tm_yday:03d}",
    "w_year": lambda d: str(d.isocalendar()[0]),
    "week": lambda d: f"{d.isocalendar()[1]:02d}",
    "w_day": lambda d: str(d.isoweekday()),
    "short_day": lambda d: weekday_name(d)[:3],
    "long_day": weekday_name,
}
_OTHER_PARTS = ("title", "slug", "name", "categories", "output_ext")
KNOWN = (*_DATE_PARTS, *_OTHER_PARTS)

_PLACEHOLDER = re.compile(r":([a-z_]+)")
# A Jekyll post's file name: its date, then the title Jekyll puts in addresses.
_POST_NAME = re.compile(r"\d{2,4}-\d{1,2}-\d{1,2}-(.+)\.[^.]+")
_NOT_ALNUM = re.compile(r"[^0-9A-Za-z]+")
_NOT_PRETTY = re.compile(r"[^0-9A-Za-z._~!$&'()+,;=@]+")


class PermalinkError(ValueError):
    """A permalink pattern that cannot be filled."""


@dataclass(frozen=True)
class Post:
    """What Jekyll makes a post's address from."""

    src_uri: str
    date: datetime.date
    title: str
    slug: str
    name: str
    categories: tuple[str, ...]
    permalink: str | None = None


def template(pattern: str) -> str:
    """A permalink setting as a pattern: a style's name is its pattern."""
    pattern = STYLES.get(pattern, pattern)
    if not pattern.startswith("/"):
        styles = ", ".join(STYLES)
        raise PermalinkError(
            f"{pattern!r} is not a permalink: a permalink starts with '/', or is one of {styles}"
        )
    for match in _PLACEHOLDER.finditer(pattern):
        if match.group(1) not in KNOWN:
            known = ", ".join(f":{name}" for name in KNOWN)
            raise PermalinkError(
                f"{match.group(0)!r} in {pattern!r} is not a placeholder this command fills; "
                f"it fills {known}"
            )
    return pattern


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _categories(src_uri: str, values: Mapping[str, object]) -> tuple[str, ...]:
    """Folders above `_posts`, then `category` (one) or else `categories` (a list,
    or a string of words), lowercased, each once: as Jekyll puts them in addresses."""
    folders = src_uri.split("/")
    found: list[object] = []
    if "_posts" in folders:
        found += folders[: folders.index("_posts")]
    single, plural = values.get("category"), values.get("categories")
    if single is not None:
        found += single if isinstance(single, list) else [single]
    elif isinstance(plural, str):
        found += plural.split()
    elif isinstance(plural, list):
        found += plural
    seen: dict[str, None] = {}
    for category in found:
        if category is not None and _text(category).strip():
            seen.setdefault(_text(category).lower(), None)
    return tuple(seen)


def post_of(src_uri: str, date: datetime.date, values: Mapping[str, object]) -> Post:
    """A note as a Jekyll post: `date` as the note has it (the `date` key wins over
    the file name, as in Jekyll), `values` its front matter."""
    stem = posixpath.splitext(posixpath.basename(src_uri))[0]
    match = _POST_NAME.fullmatch(posixpath.basename(src_uri))
    from_name = match.group(1) if match else stem
    slug_key = _text(values.get("slug")).strip()
    title = _NOT_PRETTY.sub("-", slug_key).strip("-") if slug_key else from_name
    slug = _NOT_ALNUM.sub("-", slug_key or from_name).strip("-").lower()
    name = _NOT_ALNUM.sub("-", stem).strip("-").lower()
    permalink = _text(values.get("permalink")).strip() or None
    return Post(src_uri, date, title, slug, name, _categories(src_uri, values), permalink)


def jekyll_url(pattern: str, post: Post) -> str:
    """The address Jekyll gives `post` with the site's permalink `pattern`."""
    used = template(post.permalink or pattern)
    others = {
        "title": post.title,
        "slug": post.slug,
        "name": post.name,
        "categories": "/".join(post.categories),
        "output_ext": ".html",
    }

    def fill(match: re.Match[str]) -> str:
        key = match.group(1)
        part = _DATE_PARTS.get(key)
        return part(post.date) if part else others[key]

    return _sanitized(_PLACEHOLDER.sub(fill, used))


def _sanitized(url: str) -> str:
    """`url` as Jekyll cleans it: no empty part and no part of dots only (`.`,
    `..`, `...`), so that no address climbs out of the site, whatever a
    `permalink` or the categories say. A backslash is a `/` too, as browsers
    read it in an address, and as Windows would where the redirect is written."""
    parts = [part for part in re.split(r"[/\\]", url) if part.strip(".")]
    clean = "/" + "/".join(parts)
    return clean + "/" if parts and url.endswith(("/", "\\")) else clean


def jekyll_file(url: str) -> str:
    """The file Jekyll writes for an address, relative to the site's root."""
    path = url.lstrip("/")
    if not path or path.endswith("/"):
        return path + "index.html"
    return path if path.endswith(".html") else path + ".html"


def redirect_key(file: str, *, use_directory_urls: bool) -> str:
    """The `redirect_maps` key that makes mkdocs-redirects write `file`.

    `x/index.md` gives `x/index.html` with either URL style and `x.md` gives
    `x.html` without directory URLs. With them no Markdown name gives
    `x.html`, and the plugin takes the name as it is (with a warning).
    """
    stem, extension = posixpath.splitext(file)
    if extension == ".html" and (posixpath.basename(stem) == "index" or not use_directory_urls):
        return stem + ".md"
    return file


def redirect_maps(
    posts: Iterable[Post], pattern: str, *, use_directory_urls: bool
) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """`redirect_maps` from each post's old address to its file, sorted, and the
    posts whose old address another post (first by path) already has."""
    template(pattern)  # a wrong pattern is refused even for a site with no posts
    maps: dict[str, str] = {}
    clashes: list[tuple[str, str]] = []
    for post in sorted(posts, key=lambda p: p.src_uri):
        key = redirect_key(
            jekyll_file(jekyll_url(pattern, post)), use_directory_urls=use_directory_urls
        )
        if key in maps:
            clashes.append((key, post.src_uri))
        else:
            maps[key] = post.src_uri
    return dict(sorted(maps.items())), clashes


def redirects_block(maps: Mapping[str, str], clashes: Iterable[tuple[str, str]]) -> str:
    """`maps` as settings to paste into mkdocs.yml, with a comment on what is left out."""
    notes = f"{len(maps)} note{'' if len(maps) == 1 else 's'}"
    lines = [f"# The old addresses of {notes}, for mkdocs-redirects."]
    lines += [
        f"# Left out: {source} had the same old address as {maps[key]}." for key, source in clashes
    ]
    if any(key.endswith(".html") for key in maps):
        # mkdocs-redirects writes such a name as it is, but warns that it is not
        # Markdown, and a warning fails `mkdocs build --strict`.
        lines.append(
            "# mkdocs-redirects warns about each .html name; with 'use_directory_urls: false'"
        )
        lines.append("# they are .md names, and --strict builds pass.")
    lines += ["plugins:", "  - redirects:"]
    if not maps:
        return "\n".join([*lines, "      redirect_maps: {}", ""])
    lines.append("      redirect_maps:")
    text = yaml.safe_dump(dict(maps), allow_unicode=True, sort_keys=False, width=4096)
    lines += [f"        {line}" for line in text.splitlines()]
    return "\n".join([*lines, ""])
