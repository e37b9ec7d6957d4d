"""Relative links: the folder-shared cache gives exactly what `relative` gives."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_weeknotes.linked import Linked, Target, Writer
from mkdocs_weeknotes.rebase import (
    FolderLinks,
    fragment,
    move_fragment,
    move_url,
    relative,
    split_dir,
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


def test_a_fragment_is_written_once_and_linked_from_any_page() -> None:
    html = (
        '<p id="a"><a href="../b/#c">b</a> <img src="img/x.png"> <a href="#a">up</a>'
        ' <a href="#gone">note</a> <a href="https://x.org/">out</a>'
        ' <a href="../../../../up">?</a></p>'
    )
    written = fragment(html, "notes/2019/a/", "e-")
    # Relative links and anchors that leave the fragment are holes; the rest is text.
    assert [t.path for t in written.targets] == [
        "notes/2019/b/",
        "notes/2019/a/img/x.png",
        "notes/2019/a/",
    ]
    assert all(not t.escaped for t in written.targets)
    for page in ("notes/learning/", "notes/people/rob/", "index.html", ""):
        to_dir = split_dir(page)
        shown = written.on(lambda path, to_dir=to_dir: relative(path, "", to_dir))
        assert shown == move_fragment(html, "notes/2019/a/", page, "e-")
    assert 'id="e-a"' in shown and 'href="#e-a"' in shown and 'href="../../../../up"' in shown
    # Writing it into a larger piece keeps every hole.
    out = Writer()
    out.text("<div>")
    out.link("notes/", "#top")
    out.insert(written)
    out.text("</div>")
    whole = out.done()
    assert len(whole.targets) == 4 and len(whole.texts) == 5
    link = lambda path: relative(path, "", ["notes", "learning"])  # noqa: E731
    assert whole.on(link) == "<div>../#top" + written.on(link) + "</div>"


def test_escaped_links_are_escaped_once() -> None:
    linked = Linked(('<a href="', '">x</a>'), (Target("a&b/", "?q=1&r"),))
    assert linked.on(lambda path: path) == '<a href="a&amp;b/?q=1&amp;r">x</a>'
