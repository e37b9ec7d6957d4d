"""Mentions: `@id` in a note's text, found in the source and linked in the HTML."""

from __future__ import annotations

import pytest

from mkdocs_weeknotes.reading.authors import parse_authors
from mkdocs_weeknotes.reading.collection import Source, collect
from mkdocs_weeknotes.reading.mentions import find, link_mentions
from tests.conftest import check, codes, settings

TEAM = parse_authors(
    b"authors:\n"
    b"  rob: {name: Rob Miller, aliases: [Robert, Rob M]}\n"
    b"  liz: {name: Liz Okafor}\n"
    b"  amira: {name: Amira Haddad, aliases: [amira.h]}\n",
    "docs/weeknotes/.authors.yml",
)


def note(body: str, **values: object) -> tuple[tuple[str, ...], list[tuple[str, int]]]:
    result = check(f"---\ndate: 2019-06-28\nauthors: [rob]\n---\n{body}", authors=TEAM, **values)
    assert result.note is not None
    return result.note.mentions, codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "Talked to @liz today.",
        "(@liz)",
        "Thanks, @Liz!",
        "**@liz** said so.",
        "Ask @liz.",
        "@liz's idea",
        "- @liz: research plan",
        "> @liz wrote",
        "_@liz_ said so.",
        "*@liz* said so.",
        "__@liz__ and ***@liz***",
        "Thanks _@liz_, and (_@liz_).",
        "~~@liz~~",
        "Ask @liz, or @liz; (@liz) and @liz!",
    ],
)
def test_a_mention_is_found_in_text(text: str) -> None:
    assert note(text) == (("liz",), [])


@pytest.mark.parametrize(
    "text",
    [
        "Mail liz@example.org or rob@x.org",
        "[write to me](mailto:liz@example.org)",
        "See https://social.example/@liz and www.example.org/@liz",
        "Follow @liz@social.example on Mastodon",
        "`@liz` in inline code",
        "``code with ` and @liz``",
        "```\n@liz in a fenced block\n```",
        "~~~python\n@liz\n~~~",
        "Before.\n\n    @liz in an indented block",
        "[@liz](https://twitter.com/liz) is a link already",
        "<span title='@liz'>hover</span>",
        "<!-- @liz in a comment -->",
        "npm install @liz/package",
        "word@liz",
        "Mail me_@liz.org or a*@liz*",
        "`_@liz_` and ``**@liz**``",
        "```\n_@liz_ in a fenced block\n```",
        "Before.\n\n    *@liz* in an indented block",
        "@liz_é",
    ],
)
def test_code_emails_urls_and_words_are_not_mentions(text: str) -> None:
    assert note(text) == ((), [])


def test_ids_and_aliases_without_spaces_match_in_any_case() -> None:
    mentions, problems = note("@ROBERT and @Amira.H and @amira and @Liz")
    # Rob wrote the note: his own mention is no mention of him.
    assert mentions == ("amira", "liz") and problems == []


def test_a_list_continuation_is_text_not_code() -> None:
    assert note("- item\n\n    continued with @liz\n") == (("liz",), [])


def test_a_near_miss_is_a_problem_with_did_you_mean_on_its_line() -> None:
    result = check(
        "---\ndate: 2019-06-28\nauthors: [rob]\n---\nHello.\n\nThanks @amria and @lizz.\n",
        authors=TEAM,
    )
    assert [str(p) for p in result.problems] == [
        "docs/weeknotes/2019/2019-06-28-rob.md:7: WN710 '@amria' mentions nobody on the team"
        " (did you mean '@amira'?)",
    ]
    # `@lizz` is one letter from a three-letter id: too short to guess at, and no problem.


def test_a_handle_close_to_nobody_is_someone_elsewhere() -> None:
    assert note("Read @MaxRashbrooke and @ConnectedByData on this.") == ((), [])


def test_the_setting_switches_mentions_off() -> None:
    assert note("Thanks @liz and @amria", mentions=False) == ((), [])


def test_without_an_authors_file_mentions_match_peoples_slugs() -> None:
    options = settings()
    sources = [
        Source(
            "weeknotes/2019/a.md",
            "docs/weeknotes/2019/a.md",
            b"---\ndate: 2019-06-28\nauthor: Tim Davies\n---\n@Maria and @Tim, @jeni-tennison!\n",
        ),
        Source(
            "weeknotes/2019/b.md",
            "docs/weeknotes/2019/b.md",
            b"---\ndate: 2019-06-28\nauthor: Jeni Tennison\n---\nWith @tim-davies.\n",
        ),
    ]
    weeknotes = collect(sources, options, None)
    assert [n.mentions for n in weeknotes.notes] == [("jeni-tennison",), ("tim-davies",)]
    assert weeknotes.problems == ()


def test_find_gives_each_mention_its_line() -> None:
    found = find("One.\n\nTwo @a and @b.\n@c", 10)
    assert [(f.handle, f.line) for f in found] == [("a", 12), ("b", 12), ("c", 13)]


def test_links_skip_code_links_and_attributes() -> None:
    html = (
        '<p>Hi @liz and @nobody, <a href="/x/@liz">@liz</a> <code>@liz</code></p>'
        '<pre><code>@liz</code></pre><img alt="@liz"><p title="@liz">me@liz.org</p>'
    )
    people = {"liz": ("../people/liz/", "Liz &amp; co")}
    out = link_mentions(html, people.get)
    assert out == html.replace(
        "Hi @liz", 'Hi <a class="wn-mention" href="../people/liz/" title="Liz &amp; co">@liz</a>', 1
    )


def test_a_mention_in_emphasis_is_no_near_miss_and_ends_before_the_emphasis() -> None:
    # `_@amira_` once read as the handle `amira_`, a near miss of `amira`.
    assert note("Thanks _@amira_ and __@Amira.H__.") == (("amira",), [])
    assert [f.handle for f in find("_@rob_smith_, **@rob.m**. (_@a-b_)", 1)] == [
        "rob_smith",
        "rob.m",
        "a-b",
    ]


def test_a_mention_in_rendered_emphasis_is_linked_inside_it() -> None:
    people = {"liz": ("../people/liz/", "Liz")}
    out = link_mentions("<p><em>@liz</em>, <strong>@liz</strong>. _@liz_ me_@liz</p>", people.get)
    link = '<a class="wn-mention" href="../people/liz/" title="Liz">@liz</a>'
    assert out == f"<p><em>{link}</em>, <strong>{link}</strong>. _{link}_ me_@liz</p>"
