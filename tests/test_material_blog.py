"""Material's blog plugin and this one, reading one folder of posts side by side.

The fixture is a small Material blog: posts in `docs/blog/posts/` with Material's
own keys (`date`, including its `created`/`updated` form, `authors`,
`categories`, `draft`, `slug`, `readtime`) and authors in Material's
`.authors.yml`. Material builds its blog from them; this plugin reads the same
files as weeknotes, with themes from `categories`.

Two layouts are built:

- `posts-folder` (`mkdocs.yml`): `notes_dir: blog/posts`, Material's posts folder
  itself. Material's blog resolves its posts late in `on_files` (priority -50);
  the plugin reads the notes before that and adds its generated pages after it,
  so Material never mistakes them for posts.
- `blog-folder` (`mkdocs-blog-dir.yml`): `notes_dir: blog`, one level up. The notes
  are the same files; the plugin's pages sit beside Material's instead of among
  its posts, and its latest-weeks listing is added to Material's blog index page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SITES, Build, copy_site, mkdocs_build
from tests.htmlcheck import broken_links, listed_notes, parse, resolve

pytest.importorskip("material", reason="Material for MkDocs is not installed")

SITE = SITES / "material-blog"

# Material's URLs for the published posts (the draft has none): date, then the
# slug of the title, or the post's own `slug`.
POSTS = {
    "2024-03-01-amara.md": "blog/2024/03/01/five-interviews-and-a-wall-of-sticky-notes/",
    "2024-03-08-ben.md": "blog/2024/03/08/cleaning-the-address-data/",
    "2024-03-08-chloe.md": "blog/2024/03/08/planning-together/",
    "2024-03-15-amara.md": "blog/2024/03/15/sharing-what-we-heard/",
    "2024-03-22-chloe.md": "blog/2024/03/22/a-retro-with-no-slides/",
}
DRAFT = "half-written-the-data-dictionary"

# Each of our theme pages (a Material category) lists its posts newest first, by
# the last folder of Material's URL for the post.
BY_CATEGORY = {
    "data": ["sharing-what-we-heard", "cleaning-the-address-data"],
    "user-research": ["sharing-what-we-heard", "five-interviews-and-a-wall-of-sticky-notes"],
    "ways-of-working": [
        "a-retro-with-no-slides",
        "cleaning-the-address-data",
        "planning-together",
    ],
}
BY_PERSON = {
    "amara": [
        "sharing-what-we-heard",
        "planning-together",
        "five-interviews-and-a-wall-of-sticky-notes",
    ],
    "ben": ["cleaning-the-address-data"],
    "chloe": ["a-retro-with-no-slides", "planning-together"],
}
# The learning sections: post, then a phrase of the section's text.
LEARNING = [
    ("a-retro-with-no-slides", "Short retros, held every week"),
    ("sharing-what-we-heard", "Quotes land better than charts"),
    ("cleaning-the-address-data", "Postcodes change more often than I thought."),
    ("five-interviews-and-a-wall-of-sticky-notes", "Silence is a question too"),
]

POSTS_FOLDER = pytest.param(("mkdocs.yml", "blog/posts"), id="posts-folder")
BLOG_FOLDER = pytest.param(("mkdocs-blog-dir.yml", "blog"), id="blog-folder")
LAYOUTS = [POSTS_FOLDER, BLOG_FOLDER]


@pytest.fixture(scope="module", params=LAYOUTS)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    config, ours = request.param
    build = mkdocs_build(SITE, tmp_path_factory.mktemp("material-blog"), "--strict", config=config)
    assert build.exit_code == 0, build.output
    build.ours = ours  # type: ignore[attr-defined]
    return build


def ours(build: Build, path: str = "") -> Path:
    """One of this plugin's pages, under the notes folder of the layout."""
    folder: str = build.ours  # type: ignore[attr-defined]
    return build.site_dir / folder / path / "index.html"


def test_both_plugins_build_strict_with_no_warnings(built: Build) -> None:
    assert built.warnings() == []
    assert "Traceback" not in built.output


def test_materials_blog_reads_an_authors_file_with_aliases_without_a_word(
    built: Build,
) -> None:
    authors = (SITE / "docs" / "blog" / ".authors.yml").read_text(encoding="utf-8")
    assert "aliases: [Ben K, Benjamin Kowalski]" in authors
    assert "alias" not in built.output.lower()
    post = built.page(POSTS["2024-03-08-ben.md"] + "index.html")
    assert "Ben Kowalski" in post


def test_materials_blog_pages_are_built(built: Build) -> None:
    index = built.page("blog/index.html")
    assert parse(index).classes.count("md-post--excerpt") == len(POSTS)
    assert "3 min read" in index  # the post's own `readtime`
    for url in POSTS.values():
        assert (built.site_dir / url / "index.html").is_file(), url
    post = built.page(POSTS["2024-03-01-amara.md"] + "index.html")
    assert "Five interviews and a wall of sticky notes" in post
    assert "Amara Osei" in post
    for page in ("archive/2024", "category/data", "category/user-research"):
        assert (built.site_dir / "blog" / page / "index.html").is_file(), page
    # Material gives each post its own URL; nothing is left at the source path.
    assert not (built.site_dir / "blog" / "posts" / "2024-03-01-amara").exists()


def test_the_blog_index_keeps_its_text_and_title(built: Build) -> None:
    index = built.page("blog/index.html")
    assert "What the team is up to, week by week." in index
    assert "<title>Blog - Side by side</title>" in index


def test_the_draft_is_on_no_page_of_either_plugin(built: Build) -> None:
    assert not list(built.site_dir.rglob(f"*{DRAFT}*"))
    for page in built.site_dir.rglob("*.html"):
        assert "data dictionary" not in page.read_text("utf-8"), page


def test_our_pages_are_built_and_link_to_materials_post_urls(built: Build) -> None:
    for path in ("", "themes", "people", "learning", "2024"):
        page = ours(built, path)
        assert page.is_file(), page
        assert broken_links(built.site_dir, page) == [], page
    latest = listed_notes(built.site_dir, ours(built))
    assert sorted(latest) == sorted(url.rstrip("/").rsplit("/", 1)[1] for url in POSTS.values())


def test_theme_pages_list_the_posts_of_each_category(built: Build) -> None:
    themes = ours(built, "themes").read_text("utf-8")
    for label, count in [("Data", 2), ("User research", 2), ("Ways of working", 3)]:
        assert f'>{label}</a> <span class="wn-count">{count}</span>' in themes, label
    for slug, posts in BY_CATEGORY.items():
        assert listed_notes(built.site_dir, ours(built, f"themes/{slug}")) == posts, slug


def test_people_pages_list_each_authors_posts(built: Build) -> None:
    people = ours(built, "people").read_text("utf-8")
    for name in ("Amara Osei", "Ben Kowalski", "Chloé Martin"):
        assert name in people
    for person, posts in BY_PERSON.items():
        assert listed_notes(built.site_dir, ours(built, f"people/{person}")) == posts, person


def test_learning_log_has_each_section_linked_to_its_post(built: Build) -> None:
    page = ours(built, "learning")
    html = page.read_text("utf-8")
    sources = [
        href
        for tag, attribute, href in parse(html).links
        if tag == "a" and attribute == "href" and "#something-i" in href
    ]
    found = []
    for href in sources:
        target = resolve(built.site_dir, page, href)
        assert target is not None and target[0].is_file(), href
        found.append(target[0].parent.name)
    assert found == [post for post, _ in LEARNING]
    positions = [html.index(text) for _, text in LEARNING]
    assert positions == sorted(positions)  # newest first
    assert "Nothing to learn this week" not in html
    assert "must not be published" not in html


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_typo_in_a_post_is_reported(tmp_path: Path, layout: tuple[str, str]) -> None:
    """Material's blog must not hide its posts from the checks."""
    site = copy_site("material-blog", tmp_path)
    post = site / "docs" / "blog" / "posts" / "2024-03-22-chloe.md"
    post.write_text(post.read_text("utf-8").replace("categories:", "categoris:"), "utf-8")
    build = mkdocs_build(site, tmp_path, config=layout[0])
    assert build.exit_code == 0, build.output
    assert build.problem_lines() == [
        "docs/blog/posts/2024-03-22-chloe.md:4:"
        " WN006 unknown key 'categoris' (did you mean 'categories'?)"
    ]
