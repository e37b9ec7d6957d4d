"""Text the direct writers escape themselves must come out as Jinja's escape makes it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from mkdocs_weeknotes.rendering.render import Renderer
from mkdocs_weeknotes.text import theme_title


@given(st.text())
def test_text_is_escaped_as_jinja_escapes_it(value: str) -> None:
    assert Renderer.text(value) == str(escape(value))


def test_plain_text_is_the_same_string() -> None:
    value = "Priya Nair: week 12"
    assert Renderer.text(value) is value
    assert Renderer.text("Fish & <chips> \"'") == "Fish &amp; &lt;chips&gt; &#34;&#39;"


def test_theme_titles_have_no_markup_or_straight_quotes() -> None:
    assert theme_title('Say "hi" <b>') == "Say \u201chi\u201d \u2039b\u203a"
    assert theme_title("Rob's 'week'") == "Rob\u2019s \u2018week\u2019"
    assert theme_title("A & B") == "A & B"
