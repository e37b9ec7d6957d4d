"""The Atom writer against ElementTree, which writes the same feed from a tree."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_weeknotes.outputs.feeds import ATOM, Feed, FeedEntry, absolute_html, atom, clean


def tree_atom(feed: Feed) -> bytes:
    """The same feed built as an ElementTree and serialised by it: the oracle."""
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: clean(v) for k, v in attrs.items()})
        if text is not None:
            element.text = clean(text)
        return element

    def stamp(day: datetime.date) -> str:
        return f"{day.isoformat()}T00:00:00Z"

    add(root, "title", feed.title)
    add(root, "id", feed.url)
    add(root, "link", rel="self", type="application/atom+xml", href=feed.url)
    add(root, "link", rel="alternate", type="text/html", href=feed.page_url)
    newest = max((entry.updated for entry in feed.entries), default=None)
    add(root, "updated", stamp(newest) if newest else "1970-01-01T00:00:00Z")
    add(add(root, "author"), "name", feed.site_name)
    add(root, "generator", "mkdocs-weeknotes")
    for item in feed.entries:
        entry = add(root, "entry")
        add(entry, "title", item.title)
        add(entry, "id", item.url)
        add(entry, "link", rel="alternate", type="text/html", href=item.url)
        add(entry, "published", stamp(item.published))
        add(entry, "updated", stamp(item.updated))
        for name, uri in item.authors:
            person = add(entry, "author")
            add(person, "name", name)
            if uri:
                add(person, "uri", uri)
        for term, label in item.categories:
            add(entry, "category", term=term, label=label)
        if item.content:
            add(entry, "content", item.content, type="html")
        add(entry, "summary", item.summary or item.title)
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode")
    return f"<?xml version='1.0' encoding='utf-8'?>\n{text}\n".encode()


# Text that XML must escape, that it cannot hold at all, and that is only spaces.
AWKWARD = st.lists(
    st.sampled_from([*"aZ é&<>\"'\r\n\t\x00\x0b\ufffe\ud800;#/", "&amp;", "]]>"]),
    max_size=12,
).map("".join)
DAYS = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2030, 12, 31))
PAIRS = st.lists(st.tuples(AWKWARD, AWKWARD), max_size=2).map(tuple)
ENTRIES = st.builds(
    FeedEntry,
    **dict.fromkeys(("title", "url", "summary", "content"), AWKWARD),
    published=DAYS,
    updated=DAYS,
    authors=PAIRS,
    categories=PAIRS,
)
FEEDS = st.builds(
    Feed,
    **dict.fromkeys(("title", "url", "page_url", "site_name"), AWKWARD),
    entries=st.lists(ENTRIES, max_size=3).map(tuple),
)


@settings(max_examples=300)
@given(FEEDS)
def test_the_feed_is_what_elementtree_writes(feed: Feed) -> None:
    assert atom(feed) == tree_atom(feed)


@settings(max_examples=100)
@given(FEEDS)
def test_the_feed_parses_and_keeps_its_text(feed: Feed) -> None:
    root = ET.fromstring(atom(feed))
    # A parser turns each line end in text into "\n", as XML says it must.
    title = clean(feed.title).replace("\r\n", "\n").replace("\r", "\n")
    assert root.findtext(f"{{{ATOM}}}title", "") == title
    assert len(root.findall(f"{{{ATOM}}}entry")) == len(feed.entries)


def test_an_empty_feed() -> None:
    feed = Feed("Team & co", "https://x.org/feed.xml", "https://x.org/", "<Team>")
    assert atom(feed).decode() == (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        f'<feed xmlns="{ATOM}">\n'
        "  <title>Team &amp; co</title>\n"
        "  <id>https://x.org/feed.xml</id>\n"
        '  <link rel="self" type="application/atom+xml" href="https://x.org/feed.xml" />\n'
        '  <link rel="alternate" type="text/html" href="https://x.org/" />\n'
        "  <updated>1970-01-01T00:00:00Z</updated>\n"
        "  <author>\n"
        "    <name>&lt;Team&gt;</name>\n"
        "  </author>\n"
        "  <generator>mkdocs-weeknotes</generator>\n"
        "</feed>\n"
    )


def test_absolute_html_leaves_urls_with_a_scheme_alone() -> None:
    # Python-Markdown writes an e-mail autolink, `<a@b.org>`, as character references.
    mail = "".join(f"&#{ord(c)};" for c in "mailto:a@b.org")
    html = (
        f'<a href="{mail}">a</a><a href="tel:+1">t</a><img src="data:image/png;base64,AA==">'
        '<a href="../b/">b</a><img src="x.png"><a href="//cdn.example/x">c</a>'
    )
    made = absolute_html(html, "https://example.org/notes/2019/a/")
    assert f'href="{mail}"' in made and 'href="tel:+1"' in made
    assert 'src="data:image/png;base64,AA=="' in made and 'href="//cdn.example/x"' in made
    assert 'href="https://example.org/notes/2019/b/"' in made
    assert 'src="https://example.org/notes/2019/a/x.png"' in made
