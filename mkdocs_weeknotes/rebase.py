"""Moving a fragment of one page's HTML onto another page, links still working.

Relative `href` and `src` were written for the note's URL; they are rewritten
for the page that shows the fragment. Ids get a prefix, so that fragments from
many notes never collide with each other or with the page; `#anchor` links to
an id inside the fragment follow it, and the others point back to the note.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit, urlunsplit

_URL_ATTR = re.compile(r'(\s(?:href|src))="([^"]*)"')
_ID_ATTR = re.compile(r'(\sid)="([^"]*)"')


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


def move_url(url: str, from_page_url: str, to_page_url: str) -> str:
    """A relative link written on one page, as the same target seen from another."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("/", "#")) or not parts.path:
        return url
    target = posixpath.normpath(posixpath.join(url_dir(from_page_url), parts.path))
    if target.startswith(".."):
        return url  # above the site root: not ours to judge
    if parts.path.endswith("/"):
        target += "/"
    moved = relative(target, to_page_url)
    return urlunsplit(("", "", moved, parts.query, parts.fragment))


def move_fragment(html: str, from_page_url: str, to_page_url: str, prefix: str) -> str:
    """Rewrite links and ids of `html` for showing it on the page at `to_page_url`."""
    ids = {match.group(2) for match in _ID_ATTR.finditer(html)}
    note_link = relative(from_page_url or "./", to_page_url) if from_page_url else "./"

    def url(match: re.Match[str]) -> str:
        attribute, value = match.group(1), match.group(2)
        if value.startswith("#"):
            anchor = value[1:]
            if anchor in ids:
                return f'{attribute}="#{prefix}{anchor}"'
            return f'{attribute}="{note_link}{value}"'
        return f'{attribute}="{move_url(value, from_page_url, to_page_url)}"'

    html = _URL_ATTR.sub(url, html)
    return _ID_ATTR.sub(lambda m: f'{m.group(1)}="{prefix}{m.group(2)}"', html)
