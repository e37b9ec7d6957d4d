"""Compiled templates kept across builds: reused, yet never stale."""

from __future__ import annotations

from jinja2 import DictLoader, Environment
from jinja2.bccache import Bucket

from mkdocs_weeknotes.rendering.templatecache import CompiledTemplates


class Counting(CompiledTemplates):
    compiled = 0

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled += 1
        super().dump_bytecode(bucket)


def render(cache: CompiledTemplates, templates: dict[str, str], **settings: bool) -> str:
    """A new environment each time, as MkDocs makes one per build."""
    env = Environment(loader=DictLoader(templates), bytecode_cache=cache, **settings)
    return env.get_template("page.html").render(name="<Liz>")


def test_a_template_is_compiled_once_for_every_build() -> None:
    cache = Counting()
    for _ in range(3):
        assert render(cache, {"page.html": "Hello {{ name }}"}) == "Hello <Liz>"
    assert cache.compiled == 1


def test_a_changed_template_is_compiled_again() -> None:
    cache = Counting()
    assert render(cache, {"page.html": "Hello {{ name }}"}) == "Hello <Liz>"
    assert render(cache, {"page.html": "Bye {{ name }}"}) == "Bye <Liz>"
    assert cache.compiled == 2


def test_environments_that_compile_differently_do_not_share_code() -> None:
    cache = Counting()
    source = {"page.html": "{% if name %}\n  {{ name }}\n{% endif %}\n"}
    plain = render(cache, source)
    trimmed = render(cache, source, trim_blocks=True, lstrip_blocks=True)
    escaped = render(cache, source, autoescape=True)
    assert (plain, trimmed, escaped) == ("\n  <Liz>\n", "  <Liz>\n", "\n  &lt;Liz&gt;\n")
    assert cache.compiled == 3


def test_a_filter_the_environment_lacks_still_fails_as_jinja_says() -> None:
    cache = Counting()
    source = {"page.html": "{{ name|shout }}"}
    env = Environment(loader=DictLoader(source), bytecode_cache=cache)
    env.filters["shout"] = str.upper
    assert env.get_template("page.html").render(name="liz") == "LIZ"
    bare = Environment(loader=DictLoader(source), bytecode_cache=cache)
    try:
        bare.get_template("page.html")
    except Exception as error:  # Jinja's own compile-time error, not a runtime one
        assert "shout" in str(error)
    else:
        raise AssertionError("a template with an unknown filter compiled")


def test_the_oldest_templates_go_first() -> None:
    cache = Counting(limit=2)
    templates = {"a.html": "a", "b.html": "b", "c.html": "c"}
    for name in ("a.html", "b.html", "c.html", "a.html", "c.html"):
        Environment(loader=DictLoader(templates), bytecode_cache=cache).get_template(name)
    assert cache.compiled == 4  # a.html was dropped for c.html, c.html was kept


def test_translations_compiled_one_way_are_not_given_to_the_other() -> None:
    cache = Counting()
    source = {"page.html": "{% trans %}Hello{% endtrans %}"}
    outputs = []
    for newstyle in (False, True, False):
        env = Environment(
            loader=DictLoader(source), bytecode_cache=cache, extensions=["jinja2.ext.i18n"]
        )
        env.install_null_translations(newstyle=newstyle)  # type: ignore[attr-defined]
        outputs.append(env.get_template("page.html").render())
    assert outputs == ["Hello", "Hello", "Hello"]
    assert cache.compiled == 2
