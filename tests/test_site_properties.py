"""Whole small sites built from generated notes, authors files and settings.

Whatever goes in, a build must end without an exception, every problem must be
one `path:line: CODE message` line, no `<` or `"` from the input may reach a
page or a feed unescaped, and nothing may be written outside `site_dir`.

The suite runs a few examples; `WEEKNOTES_SITE_EXAMPLES=2000` runs many more.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config

# The markers: input reached a page or a feed raw if the first is found anywhere,
# or if either makes an element or an attribute of its own.
TAG = "<wnx>"
QUOTE = '"wnq'
PIECES = [
    TAG,
    QUOTE,
    "Rob",
    "Liz Okafor",
    " and ",
    ", ",
    "&amp;",
    "&",
    "'",
    "’",
    "\x00",
    "\x1b]0;T\x07",
    "\n",
    "\u2028",
    "  ",
    "ß",
    "日本語" * 30,
    "a" * 300,
    "{people}",
    "{{ x }}",
    "{% raw %}",
    "javascript:alert(1)",
    "data:text/html,<b>",
    "../../etc",
    "/",
    "\\",
    "*a",
    "&a",
    ": ",
    "- ",
    "#",
    "[",
    "]",
    "|",
    "<!--",
    "]]>",
]
text = st.lists(st.sampled_from(PIECES), min_size=0, max_size=4).map("".join)
DATES = ["2019-06-24", "2019-06-28", "2019-07-01", "2019-06-31", "0001-01-01", "9999-12-31", ""]
IDS = ["rob", "liz", "sam"]
BODY = (
    "Some words.\n\n## Something I'm learning\n\nA thing.\n\n## What I've been reading\n\nA book.\n"
)

PROBLEM_LINE = re.compile(r"[^\x00-\x1f\x7f]+:[1-9]\d*: WN\d{3} [^\x00-\x1f\x7f]+")
PREFIX = "mkdocs_weeknotes: "


def scalar(value: Any, raw: bool) -> str:
    """A YAML value: JSON (which YAML reads) or, sometimes, raw text on one line."""
    if raw and isinstance(value, str):
        return value.replace("\n", " ")
    return json.dumps(value, ensure_ascii=False)


@st.composite
def notes(draw: st.DrawFn) -> dict[str, str]:
    found: dict[str, str] = {}
    for number in range(draw(st.integers(1, 5))):
        lines = []
        raw = draw(st.booleans()) and draw(st.booleans())
        if draw(st.booleans()):
            lines.append(f"title: {scalar(draw(text), raw)}")
        date = draw(st.sampled_from(DATES))
        if date:
            lines.append(f"date: {date}")
        if draw(st.booleans()):
            lines.append(f"week: {draw(st.sampled_from(DATES))}")
        people = draw(st.lists(st.one_of(st.sampled_from(IDS), text), max_size=3))
        key = draw(st.sampled_from(["authors", "author"]))
        lines.append(f"{key}: {scalar(people, raw)}")
        if draw(st.booleans()):
            lines.append(f"themes: {scalar(draw(st.lists(text, max_size=3)), raw)}")
        for key in ("summary", "description"):
            if draw(st.booleans()):
                lines.append(f"{key}: {scalar(draw(text), raw)}")
        if draw(st.booleans()):
            lines.append(f"draft: {draw(st.sampled_from(['true', 'false', 'yes', '[]']))}")
        body = BODY
        name = f"2019-06-{24 + number:02d}-note.md"
        found[name] = "---\n" + "\n".join(lines) + "\n---\n\n" + body
    return found


@st.composite
def authors_files(draw: st.DrawFn) -> str | None:
    if draw(st.integers(0, 4)) == 0:
        return None
    people = {}
    for ident in draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=3, unique=True)):
        person: dict[str, Any] = {"name": draw(text) or ident}
        if draw(st.booleans()):
            person["description"] = draw(text)
        if draw(st.booleans()):
            person["avatar"] = draw(
                st.sampled_from(["img/a.png", "https://example.org/a.png", " JavaScript:x", ""])
            )
        people[ident] = person
    return yaml.safe_dump({"authors": people}, allow_unicode=True)


@st.composite
def site_settings(draw: st.DrawFn) -> dict[str, Any]:
    options: dict[str, Any] = {
        "nav_title": draw(text) or "Weeknotes",
        "week_start": draw(st.sampled_from(["monday", "sunday", "friday"])),
        "learning_log": {"title": draw(text) or "Learning log"},
    }
    if draw(st.booleans()):
        options["themes"] = {"data": draw(text) or "Data", "skills": draw(text) or "Skills"}
    if draw(st.booleans()):
        options["rollups"] = {
            "reading": {"headings": ["What I've been reading"], "title": draw(text) or "Reading"}
        }
    if draw(st.booleans()):
        options["title_format"] = "{people} – {week}"
    return options


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, [name for name, _value in attrs]))


def markup(output: str, suffix: str) -> list[tuple[str, list[str]]]:
    """Each element's name and attribute names: from an HTML page, or from a feed,
    which must be well-formed XML."""
    if suffix == ".xml":
        return [
            (element.tag.rpartition("}")[2], list(element.attrib))
            for element in ElementTree.fromstring(output.encode()).iter()
        ]
    parser = _Tags()
    parser.feed(output)
    return parser.found


@contextmanager
def captured() -> Iterator[list[logging.LogRecord]]:
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield records
    finally:
        logger.removeHandler(handler)


def snapshot(folder: Path, leave_out: Path) -> dict[str, tuple[int, int]]:
    """Every file under `folder` but `leave_out`, with its size and modification time."""
    found = {}
    for root, _dirs, files in os.walk(folder):
        if Path(root) == leave_out or leave_out in Path(root).parents:
            continue
        for name in files:
            stat = (Path(root) / name).lstat()
            found[os.path.join(root, name)] = (stat.st_size, stat.st_mtime_ns)
    return found


def build_site(
    folder: Path,
    notes_text: dict[str, str],
    authors: str | None,
    options: dict[str, Any],
    theme: str,
    directory_urls: bool,
) -> tuple[Path, list[logging.LogRecord]]:
    docs = folder / "docs"
    (docs / "weeknotes" / "2019").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    for name, source in notes_text.items():
        (docs / "weeknotes" / "2019" / name).write_text(source, encoding="utf-8")
    if authors is not None:
        (docs / "weeknotes" / ".authors.yml").write_text(authors, encoding="utf-8")
    config = {
        "site_name": "Team",
        "site_url": "https://example.org/team/",
        "use_directory_urls": directory_urls,
        "theme": {"name": theme},
        "plugins": ["search", {"weeknotes": options}],
    }
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    site_dir = folder / "site"
    before = snapshot(folder, site_dir)
    with captured() as records:
        build(load_config(config_file=str(folder / "mkdocs.yml"), site_dir=str(site_dir)))
    assert snapshot(folder, site_dir) == before, "a file outside site_dir changed"
    return site_dir, records


EXAMPLES = int(os.environ.get("WEEKNOTES_SITE_EXAMPLES", "25"))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    # A build takes a good part of a second: shrinking one would take many minutes,
    # and the failing site is printed whole without it.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    notes_text=notes(),
    authors=authors_files(),
    options=site_settings(),
    theme=st.sampled_from(["mkdocs", "readthedocs", "material"]),
    directory_urls=st.booleans(),
)
def test_any_small_site_builds_safely(
    notes_text: dict[str, str],
    authors: str | None,
    options: dict[str, Any],
    theme: str,
    directory_urls: bool,
) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        site_dir, records = build_site(folder, notes_text, authors, options, theme, directory_urls)
        for record in records:
            message = record.getMessage()
            if message.startswith(PREFIX):
                line = message[len(PREFIX) :]
                assert PROBLEM_LINE.fullmatch(line), repr(line)
        for path in site_dir.rglob("*"):
            if path.suffix not in (".html", ".xml"):
                continue
            output = path.read_text(encoding="utf-8", errors="replace")
            assert TAG not in output, (path, output[max(output.find(TAG) - 200, 0) :][:400])
            for name, attributes in markup(output, path.suffix):
                assert name != "wnx", path
                assert not any("wnq" in attribute for attribute in attributes), (path, name)
            assert "\x00" not in output, path
        for path in folder.rglob("*"):
            assert path.resolve().is_relative_to(folder.resolve())
