"""Old Jekyll addresses of notes, and the redirect_maps that keep them working."""

from __future__ import annotations

import datetime
import ntpath
import posixpath
import re

import pytest

from mkdocs_weeknotes.outputs.permalinks import (
    STYLES,
    PermalinkError,
    Post,
    jekyll_file,
    jekyll_url,
    post_of,
    redirect_key,
    redirect_maps,
    redirects_block,
    template,
)

DAY = datetime.date(2020, 7, 10)


def post(src_uri: str = "_posts/2020-07-10-weeknotes-10-july.md", **values: object) -> Post:
    return post_of(src_uri, DAY, values)


def test_jekylls_default_style_is_categories_date_and_title_with_html() -> None:
    assert template("date") == "/:categories/:year/:month/:day/:title:output_ext"
    url = jekyll_url("date", post(category="weeknotes"))
    assert url == "/weeknotes/2020/07/10/weeknotes-10-july.html"


def test_no_categories_leaves_no_empty_folder() -> None:
    assert jekyll_url("date", post()) == "/2020/07/10/weeknotes-10-july.html"
    assert jekyll_url("none", post()) == "/weeknotes-10-july.html"


def test_the_other_builtin_styles() -> None:
    assert jekyll_url("pretty", post()) == "/2020/07/10/weeknotes-10-july/"
    assert jekyll_url("ordinal", post()) == "/2020/192/weeknotes-10-july.html"
    assert jekyll_url("weekdate", post()) == "/2020/W28/Fri/weeknotes-10-july.html"


def test_categories_as_jekyll_makes_them() -> None:
    # Folders above _posts first, then the keys; `category` is one category, a
    # `categories` string is split at spaces; lowercased, each once.
    blog = "blog/_posts/2020-07-10-weeknotes-10-july.md"
    assert post(blog, categories="Team notes").categories == ("blog", "team", "notes")
    assert post(category="Team notes").categories == ("team notes",)
    assert post(categories=["Team", "team", "Lantern"]).categories == ("team", "lantern")
    assert jekyll_url("/:categories/:title/", post(categories="a b")) == "/a/b/weeknotes-10-july/"


def test_custom_patterns_and_date_placeholders() -> None:
    pattern = "/notes/:short_year/:i_month/:i_day/:long_month-:short_month/:slug"
    assert jekyll_url(pattern, post()) == "/notes/20/7/10/July-Jul/weeknotes-10-july"


def test_slug_key_and_the_posts_own_permalink() -> None:
    assert jekyll_url("pretty", post(slug="Ten July")) == "/2020/07/10/Ten-July/"
    assert jekyll_url("/:slug/", post(slug="Ten July")) == "/ten-july/"
    assert jekyll_url("date", post(permalink="/weeknotes/latest/")) == "/weeknotes/latest/"


def test_unknown_placeholders_are_refused_with_the_known_ones() -> None:
    with pytest.raises(PermalinkError, match=r"':hour' .*:year"):
        template("/:year/:hour/:title/")
    with pytest.raises(PermalinkError, match="a permalink starts with"):
        template("weekly")


def test_the_file_jekyll_writes_for_each_address() -> None:
    assert jekyll_file("/2020/07/10/x/") == "2020/07/10/x/index.html"
    assert jekyll_file("/2020/07/10/x.html") == "2020/07/10/x.html"
    assert jekyll_file("/2020/07/10/x") == "2020/07/10/x.html"


def test_redirect_keys_give_that_file_with_either_url_style() -> None:
    assert redirect_key("2020/x/index.html", use_directory_urls=True) == "2020/x/index.md"
    assert redirect_key("2020/x/index.html", use_directory_urls=False) == "2020/x/index.md"
    assert redirect_key("2020/x.html", use_directory_urls=False) == "2020/x.md"
    # No Markdown name gives x.html with directory URLs; mkdocs-redirects takes
    # the .html name as it is.
    assert redirect_key("2020/x.html", use_directory_urls=True) == "2020/x.html"


def test_redirect_maps_are_sorted_and_clashes_are_set_aside() -> None:
    posts = [
        post("_posts/2020-07-10-b.md"),
        post("_posts/2020-07-10-a.md"),
        post("_posts/old/2020-07-10-a.md"),
    ]
    maps, clashes = redirect_maps(posts, "pretty", use_directory_urls=True)
    assert list(maps.items()) == [
        ("2020/07/10/a/index.md", "_posts/2020-07-10-a.md"),
        ("2020/07/10/b/index.md", "_posts/2020-07-10-b.md"),
    ]
    assert clashes == [("2020/07/10/a/index.md", "_posts/old/2020-07-10-a.md")]


def test_the_block_to_paste_into_mkdocs_yml() -> None:
    maps = {"2020/07/10/a/index.md": "_posts/2020-07-10-a.md"}
    text = redirects_block(maps, [("2020/07/10/a/index.md", "_posts/old/2020-07-10-a.md")])
    assert text == (
        "# The old addresses of 1 note, for mkdocs-redirects.\n"
        "# Left out: _posts/old/2020-07-10-a.md had the same old address as"
        " _posts/2020-07-10-a.md.\n"
        "plugins:\n"
        "  - redirects:\n"
        "      redirect_maps:\n"
        "        2020/07/10/a/index.md: _posts/2020-07-10-a.md\n"
    )
    assert "--strict" in redirects_block({"2020/a.html": "_posts/a.md"}, [])
    assert redirects_block({}, []).endswith("      redirect_maps: {}\n")


def test_parts_of_dots_only_are_dropped_as_jekyll_drops_them() -> None:
    assert jekyll_url("date", post(permalink="/../../etc/x/")) == "/etc/x/"
    assert jekyll_url("date", post(permalink="/a/./b/../c.html")) == "/a/b/c.html"
    assert jekyll_url("date", post(permalink="/a/b/..")) == "/a/b"
    assert jekyll_url("date", post(permalink="/../")) == "/"
    url = jekyll_url("date", post(categories=["..", "a/../../b", "...", "c.d"]))
    assert url == "/a/b/c.d/2020/07/10/weeknotes-10-july.html"
    # A backslash is a '/' to a browser, and to Windows where the file is written.
    assert jekyll_url("date", post(permalink="/..\\..\\etc\\x\\")) == "/etc/x/"


HOSTILE: list[dict[str, object]] = [
    {"permalink": "/../../etc/x/"},
    {"permalink": "/../../../../etc/passwd"},
    {"permalink": "/a/../../../b.html"},
    {"permalink": "/..\\..\\etc\\x"},
    {"permalink": "/.../...././/x/"},
    {"permalink": "/:categories/../:title/"},
    {"permalink": "/.."},
    {"categories": ["..", "a/../../b"]},
    {"categories": ".. ../.. ... ..\\.."},
    {"category": "../../../tmp"},
    {"category": ["..", "..", "/"]},
    {"slug": ".."},
    {"slug": "../../x"},
    {"permalink": "/:categories/:slug/:name/", "categories": [".."], "slug": ".."},
]


@pytest.mark.parametrize("values", HOSTILE, ids=[str(v) for v in HOSTILE])
def test_no_old_address_leads_out_of_the_site(values: dict[str, object]) -> None:
    posts = [post(**values), post("_posts/2020-07-10-...md", **values)]
    for pattern in (*STYLES, "/:categories/:title/", "/:slug/:name:output_ext"):
        for directory_urls in (True, False):
            maps, clashes = redirect_maps(posts, pattern, use_directory_urls=directory_urls)
            for key in [*maps, *(key for key, _ in clashes)]:
                parts = re.split(r"[/\\]", key)
                assert not any(part and not part.strip(".") for part in parts), key
                for path in (posixpath, ntpath):
                    normal = path.normpath(path.join("site", key))
                    assert normal.startswith(path.join("site", "")), (key, normal)
