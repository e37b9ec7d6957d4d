"""Links from the page being drawn to the site's other pages and files.

A listing links to the same people, themes, weeks and years many times over,
and most pages of a folder link to the same generated pages: links are kept
for the page being drawn, and those to generated pages for its folder too.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from urllib.parse import urlsplit

from mkdocs.structure.files import File, Files

from .rebase import FolderLinks, relative, split_dir, via_folder


class PageLinks:
    """Makes the links of one build's pages, one page at a time."""

    def __init__(self, files: Files, generated: frozenset[str]) -> None:
        self.files = files
        self._generated = generated
        self._site_urls: dict[str, str] = {}
        self._here: File | None = None
        self._here_dir: list[str] = []
        self._links: dict[str, str] = {}
        self._uri_links: dict[str, str] = {}  # the page's links, by src_uri
        self._folders: dict[str, str] = {}
        self._folder_links = FolderLinks()

    def url(self, src_uri: str | None, here: File) -> str:
        """A link from the page `here` to the page made from `src_uri`."""
        if src_uri is None:
            return ""
        if here is self._here:
            link = self._uri_links.get(src_uri)
            if link is not None:
                return link
        else:
            self._page(here)
        link = self._uri_link(src_uri, here)
        self._uri_links[src_uri] = link
        return link

    def _uri_link(self, src_uri: str, here: File) -> str:
        target = self._site_urls.get(src_uri)
        if target is None:
            # Our URIs are clean already: get_file_from_path would make a PurePath.
            file = self.files.src_uris.get(src_uri)
            if file is None:
                return ""
            target = self._site_urls[src_uri] = file.url
        return self._relative(target, here, src_uri in self._generated)

    def _page(self, here: File) -> None:
        """Start the page's caches afresh when the page changes."""
        if self._here is not here:
            self._here, self._links, self._uri_links, self._folders = here, {}, {}, {}
            self._here_dir = split_dir(here.url)

    def _relative(self, target: str, here: File, shared: bool = False) -> str:
        """A link from `here`, cached for the page; `shared` links (to generated
        pages, which every note links to) are also cached for the page's folder,
        and links to notes share the link to their year's folder."""
        self._page(here)
        link = self._links.get(target)
        if link is None:
            if shared:
                link = self._folder_links.link(target, self._here_dir)
            else:
                link = via_folder(target, self._here_dir, self._folders)
            self._links[target] = link
        return link

    def shared_link(self, target: str, here: File) -> str:
        """A link from the page `here` to the site path `target`, made once for
        all the pages of a folder: for what every page links to, such as a feed."""
        return self._relative(target, here, shared=True)

    def asset(self, url: str, here: File) -> str:
        """An avatar or image: absolute URLs as they are, others relative to docs_dir."""
        if not url or urlsplit(url).scheme or url.startswith(("/", "//", "data:")):
            return url
        return relative(posixpath.normpath(url), here.url)

    def links_from(self, here: File) -> Callable[[str], str]:
        """Links from the page `here` to site paths, cached for the page."""
        return lambda path: self._relative(path, here)
