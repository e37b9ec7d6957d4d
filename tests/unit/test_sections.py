"""Rollup sections: matching headings, near misses, cutting HTML, moving links."""

from __future__ import annotations

import re

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_weeknotes.reading.sections import (
    Rollup,
    _heading_text,
    _text,
    cut_sections,
    find_sections,
    headings,
    near_misses,
    normalize,
    unfenced,
)
from mkdocs_weeknotes.rendering.rebase import move, move_url, relative, split_dir
from tests.conftest import check

LEARNING = Rollup("learning", "Learning log", ("Something I'm learning",), "learning")
READING = Rollup("reading", "Reading", ("What I've been reading", "What I’m reading"), "reading")


@pytest.mark.parametrize(
    "text",
    [
        "Something I'm learning",
        "Something I’m learning",
        "something i'm learning:",
        "Something I'm Learning",
        "  Something   I'm learning?  ",
        "Something I'm learning …",
    ],
)
def test_heading_variants_match(text: str) -> None:
    assert LEARNING.matches(text)


def test_other_headings_do_not_match() -> None:
    for text in ("Something I learned", "Things I'm learning", "Learning", "I'm learning"):
        assert not LEARNING.matches(text)
    assert normalize("What I’ve been reading?") == "what i've been reading"


def test_find_sections_at_any_level_outermost_only() -> None:
    body = (
        "## Something I’m learning\n\ntext\n\n### something i'm learning\n\nnested\n\n"
        "## Next\n\n### Something I'm Learning\n\nlevel three\n\n"
        "```\n## Something I'm learning\n```\n\n"
        "Setext heading\n==============\n\n"
        "    ## Something I'm learning (indented code)\n"
    )
    refs = find_sections(body, 6, [LEARNING])
    assert [(r.level, r.line) for r in refs] == [(2, 6), (3, 16)]
    assert [(h.level, h.text) for h in headings(body)][-1] == (1, "Setext heading")


def test_near_misses_bold_lines_and_lone_paragraphs() -> None:
    body = (
        "**What I’ve been reading**\n- a book\n\n"
        "What I'm reading\n\n"
        "Some prose that mentions what I've been reading in passing.\n\n"
        "__Something I'm learning:__\n\n"
        "## What I've been reading\n"
    )
    found = near_misses(body, 10, [LEARNING, READING])
    assert [(m.rollup, m.line, m.bold) for m in found] == [
        ("reading", 10, True),
        ("reading", 13, False),
        ("learning", 17, True),
    ]
    # The hint offers the author's own words as the heading.
    assert [m.heading for m in found] == [
        "What I’ve been reading",
        "What I'm reading",
        "Something I'm learning",
    ]


def test_wn501_near_miss_is_a_problem_with_a_hint() -> None:
    text = "---\ndate: 2019-06-28\nauthors: [rob]\n---\n\n**Something I'm learning**\n\nText.\n"
    result = check(text)
    assert [(p.code, p.line) for p in result.problems] == [("WN501", 6)]
    assert result.problems[0].hint == "make it a heading: ## Something I'm learning"


def test_notes_know_their_sections() -> None:
    text = "---\ndate: 2019-06-28\nauthors: [rob]\n---\n\n## Something I'm learning\n\nX.\n"
    result = check(text)
    assert result.note is not None
    assert [(s.rollup, s.line) for s in result.note.sections] == [("learning", 6)]


HTML = """\
<h1 id="title">Title</h1>
<h2 id="did">What I did<a class="headerlink" href="#did">&para;</a></h2>
<p>Did.</p>
<h2 id="learning">Something I&rsquo;m learning<a class="headerlink" href="#learning">&para;</a></h2>
<p>Learned<sup id="fnref:2"><a class="footnote-ref" href="#fn:2">2</a></sup>.<br>
<img src="../img/a.png" alt=""></p>
<div class="admonition note"><h3 id="inner">Inner</h3><p>In.</p></div>
<h3 id="deeper">Deeper</h3>
<p>Deeper text.</p>
<h2 id="next">Next</h2>
<p>Not this.</p>
<div class="footnote">
<hr>
<ol>
<li id="fn:1"><p>One.</p></li>
<li id="fn:2"><p>Two. <a class="footnote-backref" href="#fnref:2">&#8617;</a></p></li>
</ol>
</div>
"""


def test_cut_sections_takes_exactly_the_section() -> None:
    [section] = cut_sections(HTML, [LEARNING])
    assert section.anchor == "learning"
    assert section.heading == "Something I’m learning"
    assert "Learned" in section.html and "Deeper text." in section.html
    assert "Did." not in section.html and "Not this." not in section.html
    assert "One." not in section.html
    assert list(section.footnotes) == ["fn:2"]


def test_cut_sections_inside_a_container_and_around_raw_text() -> None:
    html = (
        '<div class="admonition"><p class="admonition-title">Note</p>'
        '<h2 id="a">Something I\'m learning</h2><p>Inside.</p></div>'
        "<p>Outside.</p>"
        '<h2 id="b">Something I\'m learning</h2>'
        "<script>document.write('<h2>not a heading</h2>')</script><p>After.</p><br/>"
        "<h1>Top</h1><p>Not this.</p>"
    )
    first, second = cut_sections(html, [LEARNING])
    # A heading inside a container ends where the container closes.
    assert first.anchor == "a" and first.html == "<p>Inside.</p>"
    assert second.anchor == "b" and "After." in second.html and "Top" not in second.html
    assert "not a heading" in second.html  # tags in a script are its text


def test_moving_a_fragment_rewrites_links_and_ids() -> None:
    [section] = cut_sections(HTML, [LEARNING])
    to_dir = split_dir("weeknotes/learning/")
    moved = move(section.html, "weeknotes/2019/x/", "e-", lambda path: relative(path, "", to_dir))
    assert 'src="../2019/img/a.png"' in moved
    assert 'id="e-deeper"' in moved and 'id="e-fnref:2"' in moved
    assert 'href="../2019/x/#fn:2"' in moved  # the footnote is not in this fragment


def test_urls_between_pages() -> None:
    assert move_url("../../img/a.png", "weeknotes/2019/x/", "weeknotes/learning/2019/") == (
        "../../img/a.png"
    )
    assert move_url("../img/a.png", "weeknotes/2019/x/", "weeknotes/learning/2019/") == (
        "../../2019/img/a.png"
    )
    assert move_url("y.html#a", "weeknotes/x.html", "weeknotes/learning/index.html") == (
        "../y.html#a"
    )
    assert move_url("https://x.org/a", "a/", "b/") == "https://x.org/a"
    assert move_url("/abs", "a/", "b/") == "/abs"
    assert relative("weeknotes/2019/x/", "weeknotes/learning/") == "../2019/x/"
    assert relative("weeknotes/learning/", "weeknotes/learning/") == "./"


def _reference_headings(body: str) -> list[tuple[int, str, int]]:
    """Headings the slow way: every line outside fences, one at a time."""
    lines = body.split("\n")
    kept = dict(unfenced(lines))
    found = []
    for index, line in kept.items():
        atx = re.match(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$", line)
        if atx:
            found.append((len(atx.group(1)), _heading_text(atx.group(2) or ""), index + 1))
            continue
        setext = re.match(r"^ {0,3}(=+|-+)[ \t]*$", line)
        previous = lines[index - 1] if index and index - 1 in kept else ""
        if (
            setext
            and previous.strip()
            and not previous.startswith(("    ", "\t"))
            and not re.match(r"^ {0,3}#{1,6}(?:[ \t]|$)", previous)
            and not (setext.group(1)[0] == "-" and previous.lstrip().startswith(("-", "*", "+")))
        ):
            found.append((1 if setext.group(1)[0] == "=" else 2, _heading_text(previous), index))
    return found


_LINE = st.sampled_from(
    [
        "",
        "Some text",
        "## Something I'm learning",
        "# Title #",
        "####### seven",
        "#nospace",
        "===",
        "---",
        "- item",
        "  --- ",
        "- - -",
        "==\t",
        "-",
        "```",
        "~~~",
        "````",
        "    ## indented",
        "   ### three spaces",
        "**Something I'm learning:**",
        "Something I’m learning",
        "\tTabbed",
    ]
)


@given(st.lists(_LINE, max_size=25).map("\n".join))
def test_headings_and_near_misses_match_a_line_by_line_reading(body: str) -> None:
    assert [(h.level, h.text, h.line) for h in headings(body)] == _reference_headings(body)
    misses = near_misses(body, 1, [LEARNING])
    lines = body.split("\n")
    kept = dict(unfenced(lines))
    for miss in misses:
        assert miss.line - 1 in kept and lines[miss.line - 1].strip() == miss.text


# Headings as people type them, with what a reader sees of each.
_TYPED = [
    ("[Something I'm learning](https://example.org/log)", "Something I'm learning"),
    ("[Something I'm learning][log]", "Something I'm learning"),
    ("![An icon](icon.png) Something I'm learning", "Something I'm learning"),
    ("**[Something I'm learning](x.md)** {#learn}", "Something I'm learning"),
    ("`Something` I'm _learning_", "Something I'm learning"),
    ("Something I'm learning[^1]", "Something I'm learning"),
    ("<span>Something</span> I&rsquo;m learning", "Something I’m learning"),
    ("Something I'm learning \\*", "Something I'm learning *"),
    ("Mail <a@b.org>", "Mail a@b.org"),
    ("snake_case_heading", "snake_case_heading"),
]


@pytest.mark.parametrize(("typed", "seen"), _TYPED)
def test_a_heading_is_read_as_a_reader_sees_it(typed: str, seen: str) -> None:
    body = f"## {typed}\n\nLearned.\n\n[^1]: A note.\n\n[log]: https://example.org/log\n"
    [heading] = headings(body)
    assert heading.text == seen
    # The rendered heading reads the same: a build matches what the source matched.
    html = markdown.markdown(body, extensions=["attr_list", "footnotes", "toc"])
    rendered = re.search(r"<h2[^>]*>(.*?)</h2>", html)
    assert rendered is not None
    assert normalize(_text(rendered.group(1))) == normalize(seen)
    if LEARNING.matches(seen):
        [ref] = find_sections(body, 1, [LEARNING])
        [section] = cut_sections(html, [LEARNING])
        assert ref.rollup == section.rollup == "learning" and "Learned." in section.html
