"""Relative links: the folder-shared cache gives exactly what `relative` gives."""

from __future__ import annotations

import posixpath
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_weeknotes.rendering.rebase import (
    FolderLinks,
    has_scheme,
    move,
    move_url,
    relative,
    split_dir,
    via_folder,
)

# A few names, so that pages and targets often share folders.
_PART = st.sampled_from(["notes", "2019", "a", "b", "people", "rob", "index.html", "x.png"])
_PATH = st.lists(_PART, max_size=4).map("/".join)


@given(st.lists(st.tuples(_PATH, _PATH, st.booleans(), st.booleans()), min_size=1, max_size=30))
def test_folder_links_match_relative(cases: list[tuple[str, str, bool, bool]]) -> None:
    links = FolderLinks()  # one cache for every case: entries must never mix
    for page, target, page_is_dir, target_is_dir in cases:
        page_url = page + "/" if page and page_is_dir else page
        target_url = target + "/" if target and target_is_dir else target
        from_dir = split_dir(page_url)
        assert links.link(target_url, from_dir) == relative(target_url, page_url), (
            page_url,
            target_url,
        )


def test_relative_agrees_with_posixpath() -> None:
    pages = ["", "notes/", "notes/2019/a/", "notes/2019/a.html", "notes/people/rob/"]
    targets = ["notes/", "notes/2019/a/", "notes/2019/b/", "notes/people/", "img/x.png"]
    for page in pages:
        base = posixpath.join("/", "/".join(split_dir(page)))
        for target in targets:
            expected = posixpath.relpath(posixpath.join("/", target), base)
            got = relative(target, page)
            assert posixpath.normpath(got) == expected, (page, target)
            assert got.endswith("/") == target.endswith("/") or got in ("./", "../")


def _reference_move(url: str, from_page_url: str, to_page_url: str) -> str:
    """What a link becomes, by the long way round through posixpath."""
    if not url or url.startswith(("/", "#", "?")) or ":" in url.split("/", 1)[0]:
        return url
    cut = min([i for i in (url.find("?"), url.find("#")) if i != -1] or [len(url)])
    path, tail = url[:cut], url[cut:]
    target = posixpath.normpath(posixpath.join("/".join(split_dir(from_page_url)), path))
    if target.startswith(".."):
        return url
    here = posixpath.join("/", "/".join(split_dir(to_page_url)))
    return posixpath.relpath(posixpath.join("/", target), here), tail


_URL = st.lists(st.sampled_from(["..", ".", "a", "b", "img.png", ""]), min_size=1, max_size=5).map(
    "/".join
)


@given(_URL, st.sampled_from(["", "?x=1", "#part", "?q#f"]), _PATH, _PATH)
def test_move_url_points_at_the_same_target(url: str, tail: str, page: str, other: str) -> None:
    from_url, to_url = page + "/" if page else "", other + "/" if other else ""
    moved = move_url(url + tail, from_url, to_url)
    expected = _reference_move(url + tail, from_url, to_url)
    if isinstance(expected, str):
        assert moved == expected
        return
    path, rest = expected
    assert moved.endswith(rest)
    assert posixpath.normpath(moved[: len(moved) - len(rest)] or ".") == path


def test_moving_a_fragment_asks_for_each_relative_link() -> None:
    html = (
        '<p id="a"><a href="../b/#c">b</a> <img src="img/x.png"> <a href="#a">up</a>'
        ' <a href="#gone">note</a> <a href="https://x.org/">out</a>'
        ' <a href="../../../../up">?</a></p>'
    )
    asked: list[str] = []

    def link(path: str) -> str:
        asked.append(path)
        return relative(path, "", ["notes", "learning"])

    shown = move(html, "notes/2019/a/", "e-", link)
    # Relative links and anchors that leave the fragment; the rest stays as it is.
    assert asked == ["notes/2019/b/", "notes/2019/a/img/x.png", "notes/2019/a/"]
    assert shown == _onto(html, "notes/2019/a/", "notes/learning/", "e-")
    assert 'id="e-a"' in shown and 'href="#e-a"' in shown and 'href="../../../../up"' in shown
    assert 'href="../2019/b/#c"' in shown and 'src="../2019/a/img/x.png"' in shown
    assert 'href="../2019/a/#gone"' in shown and 'href="https://x.org/"' in shown


_URL = st.sampled_from(
    [
        "#x",
        "#fn:1",
        "#gone",
        "../a/",
        "img/x.png",
        "https://x.org/?a=1&amp;b",
        "",
        "?q",
        "y.html#a",
        "../../../../../up",
        "./",
        "mailto:x@y.org",
        "/abs",
    ]
)
_ID = st.sampled_from(["x", "fn:1", "fnref:1", "z"])
_PIECE = st.one_of(
    _URL.map(lambda url: f'<a href="{url}">'),
    _URL.map(lambda url: f'<img alt="" src="{url}">'),
    _URL.map(lambda url: f'<a\nclass="c"\thref="{url}">'),
    _URL.map(lambda url: f'<a data-href="{url}">'),
    _ID.map(lambda ident: f'<p id="{ident}">'),
    _ID.map(lambda ident: f'<div\nid="{ident}" data-id="{ident}">'),
    # Text may hold anything but an unclosed quote, which only broken HTML has.
    st.sampled_from(["text", " ", "\n", "</a>", "</p>", "href=", "id=", " src", '"quoted"']),
)


def _onto(html: str, source: str, page: str, prefix: str) -> str:
    """`html` from the page at `source`, moved onto the page at `page`."""
    to_dir = split_dir(page)
    return move(html, source, prefix, lambda path: relative(path, "", to_dir))


def _two_passes(html: str, from_url: str, to_url: str, prefix: str) -> str:
    """Moving a fragment as two regular-expression passes: the plain way."""
    ids = {m.group(2) for m in re.finditer(r'(\sid)="([^"]*)"', html)}
    to_dir = split_dir(to_url)
    note_link = relative(from_url or "./", "", to_dir) if from_url else "./"

    def url(match: re.Match[str]) -> str:
        attribute, value = match.group(1), match.group(2)
        if value.startswith("#"):
            if value[1:] in ids:
                return f'{attribute}="#{prefix}{value[1:]}"'
            return f'{attribute}="{note_link}{value}"'
        return f'{attribute}="{move_url(value, from_url, to_url)}"'

    html = re.sub(r'(\s(?:href|src))="([^"]*)"', url, html)
    return re.sub(r'(\sid)="([^"]*)"', lambda m: f'{m.group(1)}="{prefix}{m.group(2)}"', html)


@given(
    st.lists(_PIECE, max_size=12).map("".join),
    st.sampled_from(["notes/2019/a/", "notes/2019/a.html", "index.html", ""]),
    st.sampled_from(["notes/learning/", "notes/people/rob/page/2/", "", "x.html"]),
)
def test_moving_a_fragment_matches_two_plain_passes(html: str, source: str, page: str) -> None:
    assert _onto(html, source, page, "e-") == _two_passes(html, source, page, "e-")


@given(st.lists(st.tuples(_PATH, st.booleans()), min_size=1, max_size=30), _PATH)
def test_links_via_a_folder_match_relative(cases: list[tuple[str, bool]], page: str) -> None:
    from_dir = split_dir(page + "/" if page else page)
    folders: dict[str, str] = {}  # one page: every case shares its folder links
    for target, is_dir in cases:
        target_url = target + "/" if target and is_dir else target
        assert via_folder(target_url, from_dir, folders) == relative(target_url, "", from_dir), (
            page,
            target_url,
        )


# Python-Markdown writes an e-mail autolink, `<a@b.org>`, as character references.
_OBFUSCATED = "".join(f"&#{ord(c)};" for c in "mailto:a@b.org")


@pytest.mark.parametrize(
    "url",
    [
        _OBFUSCATED,
        "&#x6d;&#x61;ilto:a@b.org",
        "mailto:a@b.org",
        "tel:+441234567",
        "data:image/png;base64,iVBORw0KGgo=",
        "sms:123",
        "HTTPS://x.org/",
        "git+ssh://x.org/r",
    ],
)
def test_a_url_with_a_scheme_is_left_as_it_is(url: str) -> None:
    assert has_scheme(url)
    assert move_url(url, "notes/2019/a/", "notes/learning/") == url
    html = f'<p><a href="{url}">x</a><img src="{url}"></p>'
    assert _onto(html, "notes/2019/a/", "notes/weeks/2019-W26/", "e-") == html


@pytest.mark.parametrize("url", ["a/b.md", "../x/", "2019:notes/", "page?a=1&amp;b=2:3", "&amp;x"])
def test_a_relative_url_has_no_scheme(url: str) -> None:
    assert not has_scheme(url)
