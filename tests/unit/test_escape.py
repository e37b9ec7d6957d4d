"""Text the direct writers escape themselves must come out as Jinja's escape makes it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from mkdocs_weeknotes.render import Renderer


@given(st.text())
def test_text_is_escaped_as_jinja_escapes_it(value: str) -> None:
    assert Renderer.text(value) == str(escape(value))


def test_plain_text_is_the_same_string() -> None:
    value = "Priya Nair: week 12"
    assert Renderer.text(value) is value
    assert Renderer.text("Fish & <chips> \"'") == "Fish &amp; &lt;chips&gt; &#34;&#39;"
