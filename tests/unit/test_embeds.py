"""Embed markers: where a marker is one, and where it is text the page shows."""

from __future__ import annotations

import markdown

from mkdocs_weeknotes.reading import embeds

SOURCE = """\
# Home

<!-- weeknotes: latest limit=2 -->

The syntax, shown as code:

```
<!-- weeknotes: latest limit=2 -->
```

    <!-- weeknotes: latest limit=2 -->

<pre>
<!-- weeknotes: latest limit=2 -->
<!-- weeknotes: latset -->
</pre>

Inline, <code><!-- weeknotes: latest limit=2 --></code> and `<!-- weeknotes: latest -->`.

<PRE class="x"><!-- weeknotes: latest limit=2 -->
</PRE>

<!-- weeknotes: week -->
"""


def _mark(html: str) -> str:
    return embeds.replace_markers(html, lambda match: f"[{embeds.key(match.group(1))}]")


def test_markers_in_code_are_not_markers() -> None:
    found = embeds.find(SOURCE, "index.md", {}, {})
    # The misspelt marker inside <pre> is documentation, not a problem.
    assert found.problems == ()
    assert sorted(found.embeds) == ["latest limit=2", "week"]


def test_markers_in_rendered_code_stay_as_they_are() -> None:
    html = markdown.markdown(SOURCE, extensions=["fenced_code"])
    marked = _mark(html)
    # The two markers outside code, and only they, are replaced.
    assert marked.count("[latest limit=2]") == 1 and marked.count("[week]") == 1
    assert marked.count("<!-- weeknotes: latest limit=2 -->") == 3  # <pre>, <code>, <PRE>
    assert "<!-- weeknotes: latset -->" in marked
    assert marked.count("&lt;!-- weeknotes: latest") == 3  # escaped by Markdown


def test_a_page_without_code_has_every_marker_replaced() -> None:
    html = "<p>a</p>\n<!-- weeknotes: latest -->\n<p>b</p><!--weeknotes:  week  -->"
    assert _mark(html) == "<p>a</p>\n[latest]\n<p>b</p>[week]"
