"""The default summary: a note's first paragraph of prose, as plain text."""

from __future__ import annotations

from mkdocs_weeknotes.reading.inline import plain_text
from mkdocs_weeknotes.reading.summary import first_paragraph
from tests.conftest import check


def test_first_paragraph_passes_over_what_is_not_prose() -> None:
    body = """\
# A title

![A photo](photo.jpg)

- a list item
- another

!!! note
    An admonition.

```python
code = "not prose"
```

> A quote.

| a | table |

It's been a **busy** week for [the team](team.md), with _snake_case_ intact.
Second line of the same paragraph.

Second paragraph.
"""
    assert first_paragraph(body) == (
        "It's been a busy week for the team, with snake_case intact. "
        "Second line of the same paragraph."
    )


def test_more_marker_and_empty_bodies() -> None:
    assert first_paragraph("<!--more-->\n\nAfter the marker.") is None
    assert first_paragraph("") is None
    assert first_paragraph("# Only a heading\n") is None


def test_long_paragraphs_are_cut_at_a_word() -> None:
    text = first_paragraph("word " * 100, limit=40)
    assert text is not None and text.endswith("…") and len(text) <= 41
    assert "wor…" not in text


def test_plain_text_of_inline_markdown() -> None:
    assert plain_text("A `code` <b>bold</b> [^1] <https://x.org> ![i](i.png)") == (
        "A code bold https://x.org"
    )


def test_front_matter_summary_wins_over_the_first_paragraph() -> None:
    given = check("---\ndate: 2019-06-28\nauthors: [rob]\nsummary: Given.\n---\nBody text.\n")
    assert given.note is not None and given.note.summary == "Given."
    default = check("---\ndate: 2019-06-28\nauthors: [rob]\n---\n# T\n\nBody *text*.\n")
    assert default.note is not None and default.note.summary == "Body text."


def test_a_paragraph_straight_under_a_heading_is_the_summary() -> None:
    # Markdown needs no blank line between a heading and its paragraph.
    assert first_paragraph("# Week 12\nWe shipped the form.\nAnd tested it.\n") == (
        "We shipped the form. And tested it."
    )
    assert first_paragraph("## What I did\n![A photo](a.jpg)\n\nThe visit.") == "The visit."
    assert first_paragraph("Intro line\n## Heading\nUnder it.") == "Intro line"
    # A setext heading's text is no paragraph either, and nor is its underline.
    assert first_paragraph("Week 12\n=======\nWe shipped.\n") == "We shipped."
    assert first_paragraph("Week 12\n---\nWe shipped.\n") == "We shipped."
    # A rule after a blank line is still a rule, and a list stays a list.
    assert first_paragraph("- a\n- b\n---\nAfter.\n") == "After."
    assert first_paragraph("- a\n- b\n* * *\nAfter.\n") == "After."
    assert first_paragraph("#hashtag\nText.\n") == "Text."
    # An attribute list under a heading is none of its words.
    assert first_paragraph("## Contents\n{: .no_toc }\n\n1. TOC\n{:toc}\n\nWords.") == "Words."
