"""The `weeknotes` command: new, check and schema, run as a user runs them."""

from __future__ import annotations

import datetime
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
import yaml

from mkdocs_weeknotes.words import Words
from tests.conftest import ROOT, SITES, copy_site, mkdocs_build, weeknotes


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the project's own example site."""
    site = tmp_path / "example"
    site.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", site)
    shutil.copytree(ROOT / "docs", site / "docs")
    shutil.copytree(ROOT / "overrides", site / "overrides")
    return site


def test_new_writes_a_note_that_check_and_strict_build_accept(
    example: Path, tmp_path: Path
) -> None:
    done = weeknotes("new", "--author", "sam", "--date", "2026-11-20", cwd=example / "docs")
    assert done.returncode == 0, done.stderr
    note = example / "docs" / "weeknotes" / "2026" / "2026-11-20-sam.md"
    assert note.is_file() and done.stdout.strip().endswith("2026-11-20-sam.md")
    text = note.read_text(encoding="utf-8")
    assert text.startswith("---\ndate: 2026-11-20\nauthors: [sam]\n---\n")
    assert "## Something I'm learning" in text
    checked = weeknotes("check", cwd=example)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    build = mkdocs_build(example, tmp_path, "--strict")
    assert build.exit_code == 0, build.output
    again = weeknotes("new", "--author", "sam", "--date", "2026-11-20", cwd=example)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert note.read_text(encoding="utf-8") == text


def test_new_refuses_what_the_site_would_reject(example: Path) -> None:
    same_week = weeknotes("new", "--author", "sam", "--date", "2026-10-06", cwd=example)
    assert same_week.returncode == 1 and "already a note for the week" in same_week.stderr
    unknown = weeknotes("new", "--author", "samm", cwd=example)
    assert unknown.returncode == 2 and "did you mean 'sam'?" in unknown.stderr
    theme = weeknotes(
        "new", "--author", "sam", "--date", "2026-11-20", "--theme", "nope", cwd=example
    )
    assert theme.returncode == 2 and "WN108" in theme.stderr
    assert not (example / "docs/weeknotes/2026/2026-11-20-sam.md").exists()
    nobody = weeknotes("new", "--date", "2026-11-20", cwd=example)
    assert nobody.returncode == 2 and "pass --author" in nobody.stderr
    bad_date = weeknotes("new", "--author", "sam", "--date", "20/11/2026", cwd=example)
    assert bad_date.returncode == 2


def test_new_says_why_a_date_or_an_author_is_refused(example: Path) -> None:
    no_day = weeknotes("new", "--author", "sam", "--date", "2026-02-30", cwd=example)
    assert no_day.returncode == 2
    assert "February 2026 has 28 days" in no_day.stderr
    assert "write it as YYYY-MM-DD" not in no_day.stderr
    stranger = weeknotes("new", "--author", "bob", "--date", "2026-11-20", cwd=example)
    assert stranger.returncode == 2
    known = sorted(yaml.safe_load((example / "docs/weeknotes/.authors.yml").read_text())["authors"])
    assert f"one of: {', '.join(known)}" in stranger.stderr


def test_new_quotes_what_yaml_would_misread(example: Path) -> None:
    done = weeknotes(
        "new",
        "--author",
        "nadia",
        "--date",
        "2026-11-20",
        "--title",
        'Fish & "chips": a <note>',
        "--summary",
        "yes",
        "--theme",
        "data",
        cwd=example,
    )
    assert done.returncode == 0, done.stderr
    text = (example / "docs/weeknotes/2026/2026-11-20-nadia.md").read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == 'Fish & "chips": a <note>'
    assert front["summary"] == "yes" and front["themes"] == ["data"]


def test_new_uses_the_sites_own_template(example: Path) -> None:
    (example / "note-template.md").write_text(
        "---\ndate: {{ date }}\nauthors: [{{ authors|join(', ') }}]\n---\n\n# Our own\n"
    )
    config = (example / "mkdocs.yml").read_text()
    (example / "mkdocs.yml").write_text(
        config.replace(
            "      locale: en_GB\n",
            "      locale: en_GB\n      new_note_template: note-template.md\n"
            '      new_note_path: "{year}/{author}-{week}.md"\n',
        )
    )
    done = weeknotes("new", "--author", "priya", "--date", "2026-11-20", cwd=example)
    assert done.returncode == 0, done.stderr
    text = (example / "docs/weeknotes/2026/priya-2026-11-16.md").read_text()
    assert "# Our own" in text


def test_check_reports_every_problem_in_each_format() -> None:
    site = SITES / "broken"
    text = weeknotes("check", cwd=site / "docs" / "weeknotes")
    assert text.returncode == 1
    lines = text.stdout.splitlines()
    assert len(lines) == 6
    assert "docs/weeknotes/2019-06-24-rob.md:4: WN103 unknown author 'robb'" in lines[0]
    github = weeknotes("check", "--format", "github", cwd=site)
    assert github.returncode == 1
    assert github.stdout.splitlines()[0] == (
        "::error file=docs/weeknotes/2019-06-24-rob.md,line=4,title=WN103::"
        "unknown author 'robb' (did you mean 'rob'?)"
    )
    data = json.loads(weeknotes("check", "--format", "json", cwd=site).stdout)
    assert [(p["code"], p["line"]) for p in data][:2] == [("WN103", 4), ("WN102", 3)]


def test_check_exit_statuses(tmp_path: Path) -> None:
    assert weeknotes("check", cwd=SITES / "clean").returncode == 0
    assert weeknotes("check", cwd=tmp_path).returncode == 2  # no mkdocs.yml anywhere up
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    (tmp_path / "docs").mkdir()
    plain = weeknotes("check", cwd=tmp_path)
    assert plain.returncode == 2 and "does not use the weeknotes plugin" in plain.stderr
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - weeknotes:\n      week_start: funday\n"
    )
    bad = weeknotes("check", cwd=tmp_path)
    assert bad.returncode == 2 and "week_start" in bad.stderr
    named = weeknotes("check", "-f", str(SITES / "clean" / "mkdocs.yml"), cwd=tmp_path)
    assert named.returncode == 0


def _front_matter(path: Path) -> dict[str, object]:
    """Front matter as an editor's YAML support sees it: dates are text."""
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1]) or {}
    return {k: v.isoformat() if isinstance(v, datetime.date) else v for k, v in data.items()}


def test_schema_accepts_every_example_note_and_rejects_an_unknown_author() -> None:
    done = weeknotes("schema", cwd=ROOT)
    assert done.returncode == 0, done.stderr
    schema = json.loads(done.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    notes = sorted((ROOT / "docs" / "weeknotes").rglob("20*.md"))
    assert len(notes) >= 12
    for note in notes:
        errors = [e.message for e in validator.iter_errors(_front_matter(note))]
        assert errors == [], note
    bad = _front_matter(notes[0]) | {"authors": ["samm"]}
    assert not validator.is_valid(bad)
    assert not validator.is_valid(_front_matter(notes[0]) | {"themes": ["nope"]})
    assert not validator.is_valid(_front_matter(notes[0]) | {"draft": "yes"})


def test_export_writes_pages_that_plain_mkdocs_builds(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "learning", site)
    done = weeknotes("export", "--out", str(site / "docs"), cwd=site)
    assert done.returncode == 0, done.stderr
    learning = (site / "docs/weeknotes/learning/index.md").read_text(encoding="utf-8")
    assert "LEARN-A" in learning and "NEXT-SECTION-TEXT" not in learning
    assert "[^2-1]: FOOTNOTE-TEXT" in learning
    # Without the plugin, MkDocs builds the exported pages; --strict fails on any
    # link that does not resolve.
    config = (site / "mkdocs.yml").read_text()
    start = config.index("  - weeknotes:")
    end = config.index("markdown_extensions:")
    (site / "mkdocs.yml").write_text(config[:start] + config[end:])
    build = mkdocs_build(site, tmp_path, "--strict")
    assert build.exit_code == 0, build.output
    assert (build.site_dir / "weeknotes/themes/research/index.html").is_file()
    assert "LEARN-D2" in (build.site_dir / "weeknotes/learning/index.html").read_text()


def test_hostile_notes_give_one_safe_line_each_and_the_build_finishes(tmp_path: Path) -> None:
    site = tmp_path / "clean"
    shutil.copytree(SITES / "clean", site)
    notes = site / "docs" / "weeknotes" / "2019"
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
        for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
    )
    (notes / "2019-07-19-rob.md").write_text(
        f"---\ndate: 2019-07-19\nauthors: [rob]\n{bomb}draft: *i\nweeknote: *i\n---\nBody\n"
    )
    (notes / "2019-07-26-rob\x1b]0;owned\x07\nx\x9b.md").write_text(
        '---\ndate: 2019-07-26\nauthors: ["liz\\e[2J\\u2028\\x9b"]\n---\nBody\n'
    )
    text = weeknotes("check", cwd=site)
    assert text.returncode == 1
    lines = text.stdout.splitlines()
    assert len(lines) == 8  # e to i, draft and weeknote, and the unknown author
    assert all(line.isprintable() for line in lines), lines
    assert "2019-07-19-rob.md:13: WN008 'draft' holds more than 10,000 items" in text.stdout
    # The value's C0 controls are left out when it is read; what is left is escaped.
    assert "rob\\x1b]0;owned\\x07\\nx\\x9b.md:3: WN103 unknown author 'liz[2J\\u2028\\x9b'" in (
        text.stdout
    )
    data = weeknotes("check", "--format", "json", cwd=site).stdout
    assert data.isascii() or all(c.isprintable() or c == "\n" for c in data)
    assert json.loads(data)[-1]["path"].endswith("owned\x07\nx\x9b.md")  # raw, JSON-escaped
    built = mkdocs_build(site, tmp_path)
    assert built.exit_code == 0
    assert len(built.problem_lines()) == 8


# --- digest, schema and status --------------------------------------------------------


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """A copy of the team-week site: Amir and Rob wrote in 2026-W47, Liz did not."""
    return copy_site("team-week", tmp_path)


WEEK = ("--week", "2026-W47")


@pytest.mark.parametrize("command", [["digest", *WEEK], ["schema"]])
def test_output_files_never_replace_the_sites_sources(
    team: Path, tmp_path: Path, command: list[str]
) -> None:
    note = team / "docs/weeknotes/2026/2026-11-20-rob.md"
    authors = team / "docs/weeknotes/.authors.yml"
    elsewhere = tmp_path / "elsewhere.md"
    elsewhere.write_text("mine\n")
    linked = tmp_path / "linked.md"
    linked.symlink_to(note)
    sources = [note, authors, team / "mkdocs.yml", team / "docs/index.md"]
    before = {path: path.read_bytes() for path in [*sources, elsewhere]}
    for target in [*sources, linked]:
        for force in ([], ["--force"]):
            done = weeknotes(*command, "-o", str(target), *force, cwd=team)
            assert done.returncode == 2, (target, force, done.stderr)
            assert "nothing was written" in done.stderr and "never" in done.stderr, done.stderr
    kept = weeknotes(*command, "-o", str(elsewhere), cwd=team)
    assert kept.returncode == 2 and "pass --force" in kept.stderr
    assert {path: path.read_bytes() for path in before} == before
    replaced = weeknotes(*command, "-o", str(elsewhere), "--force", cwd=team)
    assert replaced.returncode == 0, replaced.stderr
    assert elsewhere.read_text() != "mine\n" and note.read_bytes() == before[note]
    fresh = team / "out" / "fresh.txt"
    assert weeknotes(*command, "-o", str(fresh), cwd=team).returncode == 0
    assert fresh.read_text() == elsewhere.read_text()


def test_status_stops_on_an_authors_file_that_gives_nobody(team: Path) -> None:
    authors = team / "docs/weeknotes/.authors.yml"
    authors.write_text("authors: [rob\n")  # not YAML
    for style in ("text", "json", "github"):
        done = weeknotes("status", *WEEK, "--format", style, cwd=team)
        assert done.returncode == 2, (style, done.stdout)
        assert "docs/weeknotes/.authors.yml:" in done.stderr and "WN301" in done.stderr
        assert "authors file has problems" in done.stderr and done.stdout == ""
    # An authors file the settings name, but missing.
    authors.unlink()
    config = team / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  - weeknotes\n", "  - weeknotes:\n      authors_file: t.yml\n")
    )
    missing = weeknotes("status", *WEEK, cwd=team)
    assert missing.returncode == 2 and "WN303" in missing.stderr, missing.stderr
    assert "Not yet" not in missing.stdout


def test_status_and_digest_print_what_check_finds_first(team: Path) -> None:
    (team / "docs/weeknotes/2026/2026-11-19-liz.md").write_text(
        "---\ndate: 2026-11-19\nauthors: [lizz]\ntitle: Mine\n---\nWords.\n"
    )
    checked = weeknotes("check", cwd=team)
    assert checked.returncode == 1 and "WN103 unknown author 'lizz'" in checked.stdout
    for command in (["status"], ["digest"], ["digest", "--format", "html"]):
        done = weeknotes(*command, *WEEK, cwd=team)
        assert done.stderr.startswith(checked.stdout), (command, done.stderr)
        assert "weeknotes: 1 problem" in done.stderr
    assert "Not yet: Liz Okafor" in weeknotes("status", *WEEK, cwd=team).stdout


def test_a_note_with_only_its_headings_is_started_not_written(team: Path) -> None:
    started = weeknotes("new", "--author", "liz", "--date", "2026-11-19", cwd=team)
    assert started.returncode == 0, started.stderr
    done = weeknotes("status", *WEEK, cwd=team)
    assert done.returncode == 1, done.stdout
    assert "Not yet: Liz Okafor (started)" in done.stdout
    assert "Liz" not in done.stdout.split("Written:")[1].split("\n")[0]
    data = json.loads(weeknotes("status", *WEEK, "--format", "json", cwd=team).stdout)
    assert data["missing"] == [{"id": "liz", "name": "Liz Okafor"}]
    assert data["started"] == [
        {"id": "liz", "name": "Liz Okafor", "notes": ["docs/weeknotes/2026/2026-11-19-liz.md"]}
    ]
    # A comment is not words either; one sentence under a heading is.
    note = team / "docs/weeknotes/2026/2026-11-19-liz.md"
    note.write_text(note.read_text() + "\n<!-- fill this in -->\n")
    assert weeknotes("status", *WEEK, cwd=team).returncode == 1
    note.write_text(note.read_text().replace("## What went well\n", "## What went well\n\nTea.\n"))
    written = weeknotes("status", *WEEK, cwd=team)
    assert written.returncode == 0, written.stdout
    assert "Written: Amir <Hussain>, Liz Okafor, Rob Miller" in written.stdout


HOSTILE = "Evil\n::error file=x::owned\r\x9b[2J\u202eeviL"


def test_text_outputs_give_names_and_titles_one_printable_line_each(team: Path) -> None:
    authors = team / "docs/weeknotes/.authors.yml"
    authors.write_text(
        authors.read_text().replace("name: Liz Okafor", f"name: {json.dumps(HOSTILE)}")
    )
    (team / "docs/weeknotes/2026/2026-11-19-liz.md").write_text(
        f"---\ndate: 2026-11-19\nauthors: [liz]\ntitle: {json.dumps(HOSTILE)}\n"
        f"summary: {json.dumps(HOSTILE)}\nthemes: [{json.dumps(HOSTILE)}]\n---\nWords.\n"
    )
    escaped = "Evil\\n::error file=x::owned\\r\\x9b[2J\\u202eeviL"
    outputs = [weeknotes("status", *WEEK, cwd=team)]
    outputs += [weeknotes("status", "--week", "2026-W48", "--format", "github", cwd=team)]
    outputs += [
        weeknotes("digest", *WEEK, "--format", style, cwd=team)
        for style in ("text", "markdown", "html")
    ]
    for done in outputs:
        assert done.returncode in (0, 1), done.stderr
        assert all(line.isprintable() for line in done.stdout.splitlines()), done.stdout
        assert not any(line.startswith("::error") for line in done.stdout.splitlines())
        assert "\\x9b" in done.stdout and "owned" in done.stdout
    assert escaped in outputs[0].stdout and escaped in outputs[2].stdout
    assert outputs[2].stdout.count(escaped) == 4  # title, name, summary and theme


class _Blocks(HTMLParser):
    """The tags of rendered Markdown, and the text of each list item."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.items: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "li":
            self.items.append("")

    def handle_data(self, data: str) -> None:
        if self.items:
            self.items[-1] += data


PLAIN = "Fixing the room. (Again!) 1-2 done, 50% + more: snake_case & Q&A, C# 3.0 - ok?"
MARKUP = [
    "*bold* __strong__ `code` [link](x) <b>tag</b> <https://x.org> &amp; ~~gone~~ {: .big}",
    "# Heading",
    "1. Not a list",
    "---",
    "> Not a quote",
    "- Not an item",
    "Setext? ===",
    "Closing ##",
    "back\\slash \\*",
    "!!! note",
    "a | b",
]


def test_the_markdown_digest_escapes_only_what_markdown_reads(team: Path) -> None:
    markdown = pytest.importorskip("markdown")
    notes = team / "docs/weeknotes/2026"
    people = "authors:\n  rob: {name: Rob}\n  amir: {name: Amir}\n"
    for number, value in enumerate([PLAIN, *MARKUP]):
        quoted = json.dumps(value)
        (notes / f"2026-11-19-p{number}.md").write_text(
            f"---\ndate: 2026-11-19\nauthors: [p{number}]\ntitle: {quoted}\n"
            f"summary: {quoted}\n---\nWords.\n"
        )
        people += f"  p{number}: {{name: '*Person_ {number}*'}}\n"
    (notes.parent / ".authors.yml").write_text(people)
    done = weeknotes("digest", *WEEK, cwd=team)
    assert done.returncode == 0, done.stderr
    # An ordinary sentence is written as it is, without backslashes.
    assert f"[{PLAIN}](<" in done.stdout and f"\n  {PLAIN}\n" in done.stdout
    assert done.stdout.startswith("# Team week site: the week 2026-W47\n")
    for extensions in ([], ["tables", "attr_list", "admonition"]):
        parsed = _Blocks()
        parsed.feed(markdown.markdown(done.stdout, extensions=extensions))
        # One heading, one list, and only the bold and links the digest makes.
        assert parsed.tags.count("h1") == 1 and parsed.tags.count("ul") == 1
        assert not set(parsed.tags) & {"em", "code", "h2", "ol", "hr", "blockquote", "table"}
        assert parsed.tags.count("strong") == parsed.tags.count("li") == 3 + len(MARKUP)
        assert not {"b", "div"} & set(parsed.tags)
        items = [" ".join(item.split()) for item in parsed.items]
        for number, value in enumerate([PLAIN, *MARKUP]):
            assert f"{value} by *Person_ {number}* {value}" in items, (extensions, value)


def test_status_and_new_speak_the_sites_language(team: Path) -> None:
    config = team / "mkdocs.yml"
    config.write_text(config.read_text() + "theme:\n  name: mkdocs\n  locale: cy\n")
    words = Words("cy")
    done = weeknotes("new", "--author", "liz", "--date", "2026-11-19", cwd=team)
    assert done.returncode == 0, done.stderr
    note = (team / "docs/weeknotes/2026/2026-11-19-liz.md").read_text()
    for key in ("heading_did", "heading_went_well", "heading_was_hard"):
        assert f"\n## {words[key]}\n" in note
        assert Words("en")[key] not in note
    status = weeknotes("status", *WEEK, cwd=team)
    lines = status.stdout.splitlines()
    assert lines[0] == f"{words.format('iso_week', week='2026-W47')} (2026-11-16 i 2026-11-22)"
    assert lines[1] == f"{words.status_written} Amir <Hussain>, Rob Miller"
    started = words.format("status_started", person="Liz Okafor")
    assert lines[2] == f"{words.status_not_yet} {started}"
    assert lines[3] == f"{words.away} -"
    assert "Written" not in status.stdout and "started" not in status.stdout
    github = weeknotes("status", *WEEK, "--format", "github", cwd=team).stdout
    assert github == f"::warning title={lines[0].split(' (')[0]}::{words.wrote_nothing} {started}\n"
