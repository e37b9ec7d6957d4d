"""The automatic nav: one section holds our pages, in the order the contract gives."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mkdocs.structure import StructureItem
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..text import theme_title
from .generated import PageSpec


def arrange(nav: Navigation, files: Files, generated: Mapping[str, PageSpec], label: str) -> None:
    """The section holding our pages in the nav gets them in order, and `label`."""
    # Our pages in the nav, ranked as the contract orders them: Latest, Themes,
    # People, then each rollup, not by folder name.
    rank = {
        files.get_file_from_path(uri): _NAV_RANK[spec.kind]
        for uri, spec in generated.items()
        if spec.in_nav
    }
    last = len(_NAV_RANK)  # a site's own pages in the folder follow ours
    for section in _sections(nav.items):
        children = section.children
        if not any(isinstance(c, Page) and c.file in rank for c in children):
            continue
        flat: list[StructureItem] = []
        for child in children:
            only = _only_page(child)
            if only is not None and only.file in rank:
                # A section holding only our index page is that page.
                only.parent = section
                flat.append(only)
            else:
                flat.append(child)
        section.children = sorted(
            flat,
            key=lambda item: rank.get(item.file, last) if isinstance(item, Page) else last,
        )
        section.title = theme_title(label)
        _relink(nav)
        return


_NAV_RANK = {"latest": 0, "themes": 1, "people": 2, "rollup": 3}


def _relink(nav: Navigation) -> None:
    """The pages' order, and each page's previous and next, as the nav now shows them."""
    pages: list[Page] = []

    def walk(items: Sequence[StructureItem]) -> None:
        for item in items:
            if isinstance(item, Page):
                pages.append(item)
            elif isinstance(item, Section):
                walk(item.children)

    walk(nav.items)
    nav.pages[:] = pages
    for index, page in enumerate(pages):
        page.previous_page = pages[index - 1] if index else None
        page.next_page = pages[index + 1] if index + 1 < len(pages) else None


def _sections(items: Sequence[StructureItem]) -> list[Section]:
    found: list[Section] = []
    for item in items:
        if isinstance(item, Section):
            found.append(item)
            found.extend(_sections(item.children))
    return found


def _only_page(item: StructureItem) -> Page | None:
    if isinstance(item, Section) and len(item.children) == 1:
        child = item.children[0]
        return child if isinstance(child, Page) else None
    return None
