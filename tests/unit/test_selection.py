"""Which files are notes (include and exclude globs), dates from folders, summaries."""

from __future__ import annotations

import functools
import random
import threading
from collections import Counter

import pytest
from mkdocs.config.base import ValidationError

from mkdocs_weeknotes.command.schema import front_matter_schema
from mkdocs_weeknotes.reading.collection import collect
from mkdocs_weeknotes.reading.notedates import date_from_folders
from mkdocs_weeknotes.reading.selection import (
    EXCLUDED,
    GENERATED,
    INDEX_FILE,
    NOT_INCLUDED,
    WEEKNOTE_FALSE,
    Selector,
    literal_glob,
    matches,
    nothing_found,
    passed_over,
)
from mkdocs_weeknotes.reading.summary import first_paragraph
from tests.conftest import check, codes, settings

GLOBS = [
    # (glob, path relative to notes_dir, matches)
    ("*.md", "a.md", True),
    ("*.md", "2019/a.md", True),  # no '/': the file name, in any folder
    ("*.md", "a.markdown", False),
    ("*weeknotes*", "2020-07-10-weeknotes-10-july.md", True),
    ("*weeknotes*", "2020-07-10-project-update.md", False),
    ("*/*/index.md", "2018/27/index.md", True),
    ("*/*/index.md", "2018/index.md", False),  # '*' never crosses a folder
    ("*/*/index.md", "a/2018/27/index.md", False),  # a glob with '/' is the whole path
    ("2019/*.md", "2019/a.md", True),
    ("2019/*.md", "old/2019/a.md", False),
    ("/a.md", "a.md", True),  # a leading '/' anchors a bare name
    ("/a.md", "b/a.md", False),
    ("**/index.md", "index.md", True),  # '**' is any number of folders, none too
    ("**/index.md", "a/b/c/index.md", True),
    ("2019/**/*.md", "2019/a.md", True),
    ("2019/**/*.md", "2019/x/y/a.md", True),
    ("drafts", "drafts/a.md", True),  # a folder holds everything in it
    ("drafts/", "x/drafts/a.md", True),
    ("drafts", "drafts-2019.md", False),
    ("?.md", "a.md", True),
    ("?.md", "ab.md", False),
    ("[ab].md", "b.md", True),
    ("[!ab].md", "b.md", False),
    ("[!ab].md", "c.md", True),
    ("[0-9]*.md", "2019-a.md", True),
    ("[]x].md", "].md", True),  # ']' first in a set is one of its characters
    ("[ab.md", "[ab.md", True),  # an unclosed '[' is itself
    ("[z-a].md", "[z-a].md", True),  # and so is a set no character can match
    ("a.b", "axb", False),  # other characters are themselves
    ("(a)+.md", "(a)+.md", True),
]


@pytest.mark.parametrize(("glob", "path", "expected"), GLOBS)
def test_glob_matching(glob: str, path: str, expected: bool) -> None:
    assert matches(glob, path) is expected


def test_default_selection_is_every_md_file_but_folder_pages() -> None:
    selector = settings().selector
    assert selector.why_not("weeknotes/2019/2019-06-28-rob.md") is None
    assert selector.why_not("weeknotes/a.md") is None
    assert selector.why_not("weeknotes/2019/a.markdown") == NOT_INCLUDED
    assert selector.why_not("weeknotesx/a.md") == NOT_INCLUDED
    assert selector.why_not("about.md") == NOT_INCLUDED
    assert selector.why_not("weeknotes/2019/README.md") == INDEX_FILE
    assert selector.why_not("weeknotes/team/index.md") == INDEX_FILE
    # Where generated pages go: the latest page, year pages, themes, people, rollups.
    for uri in (
        "weeknotes/index.md",
        "weeknotes/2019/index.md",
        "weeknotes/themes/data.md",
        "weeknotes/people/rob/index.md",
        "weeknotes/learning/2019/index.md",
    ):
        assert selector.why_not(uri) == GENERATED, uri
    assert settings(notes_dir="").selector.why_not("a.md") is None


def test_an_include_glob_ending_in_index_md_makes_folder_pages_notes() -> None:
    selector = settings(include=["*/*/index.md"]).selector
    assert selector.why_not("weeknotes/2018/27/index.md") is None
    assert selector.why_not("weeknotes/2018/27/photos.md") == NOT_INCLUDED
    # Never a generated page's place, even when a glob selects it.
    assert selector.why_not("weeknotes/themes/planning/index.md") == GENERATED
    reading = settings(include=["*/*/index.md"], rollups={"reading": {"headings": ["Reading"]}})
    assert reading.selector.why_not("weeknotes/reading/2019/index.md") == GENERATED
    assert selector.why_not("weeknotes/2018/index.md") == GENERATED
    # A glob that does not end in the name leaves index.md files out.
    assert settings(include=["2018/**"]).selector.why_not("weeknotes/2018/27/index.md") == (
        INDEX_FILE
    )


def test_exclude_leaves_out_what_include_selected() -> None:
    selector = settings(notes_dir="_posts", exclude=["*project-update*", "drafts"]).selector
    assert selector.why_not("_posts/2020-07-10-weeknotes.md") is None
    assert selector.why_not("_posts/2020-07-13-project-update-x.md") == EXCLUDED
    assert selector.why_not("_posts/drafts/2020-07-10-weeknotes.md") == EXCLUDED


def test_a_year_folder_has_four_digits() -> None:
    selector = settings(include=["*.md", "*/index.md"]).selector
    # A folder of other digits holds notes like any other folder.
    for uri in ("7/index.md", "123/index.md", "20190/index.md", "٢٠١٩/index.md"):
        assert selector.why_not(f"weeknotes/{uri}") is None, uri
        assert selector.passed_over(f"weeknotes/{uri}") is None, uri
    assert selector.why_not("weeknotes/2019/index.md") == GENERATED
    # Without a glob that names index.md, it is the folder's page, as before.
    assert settings().selector.why_not("weeknotes/7/index.md") == INDEX_FILE


def test_hugos_section_page_is_a_folder_page() -> None:
    selector = settings(notes_dir="weeknote").selector
    assert selector.why_not("weeknote/_index.md") == INDEX_FILE
    assert selector.why_not("weeknote/2019/_index.md") == INDEX_FILE
    assert selector.why_not("weeknote/2018-05-04.md") is None
    # A glob that ends in the name makes it a note, as for index.md.
    named = settings(notes_dir="weeknote", include=["**/_index.md"]).selector
    assert named.why_not("weeknote/2019/_index.md") is None
    # Not a glob that ends in another name that happens to match it.
    assert settings(include=["*index.md"]).selector.why_not("weeknotes/_index.md") == INDEX_FILE
    assert settings(include=["*/index.md"]).selector.why_not("weeknotes/7/_index.md") == (
        NOT_INCLUDED
    )


def test_a_file_the_globs_select_where_a_generated_page_goes_is_passed_over() -> None:
    reading = {"reading": {"headings": ["Reading"]}}
    selector = settings(include=["*.md", "**/index.md"], rollups=reading).selector
    assert selector.passed_over("weeknotes/index.md") == (
        "the page of the latest weeks goes here",
        "/index.md",
    )
    assert selector.passed_over("weeknotes/2019/index.md") == (
        "the archive of 2019 goes here",
        "/2019/index.md",
    )
    folders = {
        "weeknotes/themes/data.md": "themes",
        "weeknotes/people/rob/index.md": "people",
        "weeknotes/weeks/2019-W01/x.md": "weeks",
        "weeknotes/reading/2019/index.md": "reading",
        "weeknotes/learning/notes.md": "learning",
    }
    for uri, folder in folders.items():
        assert selector.why_not(uri) == GENERATED, uri
        assert selector.passed_over(uri) == (
            f"'{folder}/' is a folder of generated pages",
            f"/{folder}",
        ), uri
    # Files the globs do not select are passed over silently, as before: they
    # are no notes by the settings' own word.
    default = settings().selector
    for uri in ("weeknotes/index.md", "weeknotes/2019/index.md", "weeknotes/themes/a/index.md"):
        assert default.why_not(uri) == GENERATED, uri
        assert default.passed_over(uri) is None, uri
    assert selector.passed_over("about.md") is None
    assert selector.passed_over("weeknotes/2019/a.md") is None  # a note
    # The glob each hint suggests leaves the file out, and then it is not reported.
    for uri in ["weeknotes/index.md", "weeknotes/2019/index.md", *folders]:
        place = selector.passed_over(uri)
        assert place is not None
        quiet = Selector("weeknotes", selector.include, (place[1],), selector.generated_folders)
        assert quiet.passed_over(uri) is None, uri
        assert quiet.why_not("weeknotes/2019/a.md") is None  # and nothing else


def test_passed_over_is_wn012_with_the_glob_that_leaves_it_out() -> None:
    problem = passed_over(
        "docs/weeknotes/themes/data.md", ("'themes/' is a folder of generated pages", "/themes")
    )
    assert problem.format() == (
        "docs/weeknotes/themes/data.md:1: WN012 not read as a note, though include selects it:"
        " 'themes/' is a folder of generated pages (if it is a note, move it elsewhere;"
        " if not, add '/themes' to exclude)"
    )


@pytest.mark.parametrize("path", ["/a[b]*?.md", "/x/[!a].md", "/**/a.md", "/[]].md"])
def test_a_literal_glob_matches_its_path_alone(path: str) -> None:
    glob = literal_glob(path)
    assert matches(glob, path.lstrip("/"))
    assert not matches(glob, "ab.md") and not matches(glob, "x/b.md") and not matches(glob, "a.md")


# Globs of many stars: each tried at every length against every length of the
# next, these take longer than anyone waits (the first one, minutes at 40 characters).
PATHOLOGICAL = [
    ("*a*a*a*a*a*a*a*a*a*a*b", "a" * 5000 + ".md", False),
    ("*a*a*a*a*a*a*a*a*a*a*b", "a" * 5000 + "b", True),
    ("*a*a*a*a*a*a*a*a*a*a*b", "/".join(["a" * 60] * 80), False),
    ("x/*a*a*a*a*a*a*a*a*a*a*b/y", "x/" + "a" * 3000 + "/y", False),
    ("**/a/**/a/**/a/**/a/**/a/**/a/**/b", "/".join(["a"] * 1500), False),
    ("**/a/**/a/**/a/**/a/**/a/**/a/**/b", "/".join(["a"] * 1500) + "/b", True),
    ("**/**/**/**/**/**/**/**/**/**/b", "/".join(["a"] * 1500), False),
    ("*?*?*?*?*?*?*?*?*?*?*?*?*?*?*[!a]", "a" * 5000, False),
    ("**/*a*a*a*a*a*/**/*a*a*a*a*b", "/".join(["a" * 50] * 200), False),
]


def test_globs_of_many_stars_take_one_pass_over_long_names() -> None:
    results: dict[int, bool] = {}

    def run() -> None:
        for number, (glob, path, _) in enumerate(PATHOLOGICAL):
            results[number] = matches(glob, path)

    # A thread, so a glob that backtracks fails the test instead of hanging it;
    # the limit is generous: the whole list takes milliseconds.
    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), f"still matching {PATHOLOGICAL[len(results)][0]!r}"
    assert [results[n] for n in range(len(PATHOLOGICAL))] == [e for *_, e in PATHOLOGICAL]


def _every_way(glob: str, path: str) -> bool:
    """Whether `glob` matches `path`, by trying every way, as the settings page
    says globs are read: slow, but plain. For globs of letters, '.', '?', '*' and '/'."""
    parts = glob.strip("/").split("/")
    if "/" not in glob.rstrip("/"):
        parts = ["**", *parts]
    names = path.split("/")

    @functools.cache
    def name(glob: str, text: str) -> bool:
        if not glob:
            return not text
        if glob[0] == "*":
            return name(glob[1:], text) or (bool(text) and name(glob, text[1:]))
        return bool(text) and glob[0] in ("?", text[0]) and name(glob[1:], text[1:])

    @functools.cache
    def rest(i: int, j: int) -> bool:
        """parts[i:] against names[j:]; a glob that matches a folder holds all in it."""
        if parts[i] == "**":
            if i == len(parts) - 1:
                return i == 0 or j < len(names)  # anything below
            return any(rest(i + 1, k) for k in range(j, len(names)))
        if j >= len(names) or not name(parts[i], names[j]):
            return False
        return i == len(parts) - 1 or (j + 1 < len(names) and rest(i + 1, j + 1))

    return rest(0, 0)


def test_globs_match_as_trying_every_way_would() -> None:
    chance = random.Random(24)
    globs = ["a", "b", ".", "?", "*", "**", "/", "/**/"]
    for _ in range(4000):
        glob = "".join(chance.choices(globs, k=chance.randint(1, 7)))
        if not glob.strip("/"):
            continue
        names = ["".join(chance.choices("ab.", k=chance.randint(1, 4))) for _ in range(4)]
        path = "/".join(names[: chance.randint(1, 4)])
        assert matches(glob, path) is _every_way(glob, path), (glob, path)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"include": []}, "at least one glob"),
        ({"include": [""]}, "is not a glob"),
        ({"exclude": ["../other/*.md"]}, "climbs out of notes_dir"),
        ({"summary_keys": []}, "at least one"),
    ],
)
def test_wrong_globs_are_configuration_errors(values: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        settings(**values)


def test_backslashes_in_globs_are_folders() -> None:
    assert settings(include=["2018\\*\\index.md"]).include == ["2018/*/index.md"]


def test_weeknote_false_still_leaves_a_selected_file_out() -> None:
    result = check("---\nweeknote: false\n---\n# About\n", name="weeknotes/2018/27/index.md")
    assert result.note is None and result.problems == ()


# --- dates from folders -------------------------------------------------------------


def test_dates_from_folders() -> None:
    assert date_from_folders(["2018", "27"]) == ("2018/27", (2018, 27), "week")
    assert date_from_folders(["2018", "07", "06"]) == ("2018/07/06", (2018, 7, 6), "date")
    assert date_from_folders(["2018-07-06-review"]) == ("2018-07-06", (2018, 7, 6), "date")
    assert date_from_folders(["2018"]) is None
    assert date_from_folders(["team", "notes"]) is None
    assert date_from_folders([""]) is None


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("weeknotes/2018/27/index.md", "2018-07-02"),  # the Monday of ISO week 27
        ("weeknotes/2020/1/index.md", "2019-12-30"),  # ISO week 1 may start in December
        ("weeknotes/2018/07/06/index.md", "2018-07-06"),
        ("weeknotes/2018-07-06-review/index.md", "2018-07-06"),
        ("weeknotes/2018/27/2018-07-05.md", "2018-07-05"),  # the file name comes first
    ],
)
def test_a_note_without_a_date_takes_its_folders_date(name: str, date: str) -> None:
    result = check("# A week\n", name=name, required=["date"])
    assert result.note is not None and str(result.note.date) == date
    assert result.problems == ()


def test_the_front_matter_date_wins_over_the_folders() -> None:
    result = check("---\ndate: 2018-07-13\n---\n", name="weeknotes/2018/27/index.md", required=[])
    assert result.note is not None and str(result.note.date) == "2018-07-13"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "weeknotes/2018/54/index.md",
            "WN102 the folder's week 2018/54 is not a real week (2018 has 52 ISO weeks)",
        ),
        (
            "weeknotes/2020/54/index.md",
            "WN102 the folder's week 2020/54 is not a real week (2020 has 53 ISO weeks)",
        ),
        (
            "weeknotes/2018/02/30/index.md",
            "WN102 the folder's date 2018/02/30 is not a real date (February 2018 has 28 days)",
        ),
        (
            "weeknotes/0000/5/index.md",
            "WN102 the folder's week 0000/5 is not a real week (the years start at 1)",
        ),
        (
            "weeknotes/team/index.md",
            "WN101 the note has no date (add 'date: YYYY-MM-DD' or start the file name with"
            " the date)",
        ),
    ],
)
def test_a_folder_date_that_is_not_real_is_a_problem(name: str, message: str) -> None:
    result = check("# A week\n", name=name, required=["date"])
    assert [p.format().split(": ", 1)[1] for p in result.problems] == [message]


# --- summaries ----------------------------------------------------------------------


def test_description_is_a_summary_when_there_is_no_summary() -> None:
    described = check("---\ndate: 2019-06-28\nauthors: [rob]\ndescription: Said.\n---\nBody.\n")
    assert described.note is not None and described.note.summary == "Said."
    assert described.problems == ()
    both = check(
        "---\ndate: 2019-06-28\nauthors: [rob]\ndescription: D.\nsummary: S.\n---\nBody.\n"
    )
    assert both.note is not None and both.note.summary == "S."


def test_summary_keys_are_a_setting() -> None:
    text = "---\ndate: 2019-06-28\nauthors: [rob]\nsummary: S.\nexcerpt: E.\n---\nBody.\n"
    result = check(text, summary_keys=["excerpt", "summary"])
    assert result.note is not None and result.note.summary == "E."
    only = check(text.replace("excerpt: E.\n", ""), summary_keys=["excerpt"])
    assert only.note is not None and only.note.summary == "Body."


def test_a_description_that_is_not_text_falls_back_to_the_next_key() -> None:
    result = check(
        "---\ndate: 2019-06-28\nauthors: [rob]\ndescription: [a]\n---\nFirst paragraph.\n"
    )
    assert result.note is not None and result.note.summary == "First paragraph."
    assert codes(result) == [("WN110", 4)]


def test_summary_key_typos_and_the_required_setting() -> None:
    typo = check("---\ndate: 2019-06-28\nauthors: [rob]\ndescripton: D.\n---\n")
    assert [p.hint for p in typo.problems] == ["did you mean 'description'?"]
    required = check(
        "---\ndate: 2019-06-28\nauthors: [rob]\ndescription: D.\n---\n",
        required=["date", "authors", "summary"],
    )
    assert required.problems == ()


def test_an_automatic_summary_decodes_character_references() -> None:
    body = "Tom &amp; Jerry&#39;s&nbsp;day, `a &amp; b`, &lt;b&gt;, &#x1F600; &copy R&D &bogus;\n"
    assert first_paragraph(body) == "Tom & Jerry's day, a &amp; b, <b>, 😀 &copy R&D &bogus;"


def test_the_schema_has_every_summary_key() -> None:
    options = settings(required=["date", "authors", "summary"])
    schema = front_matter_schema(options, collect([], options, None))
    assert {"summary", "description"} <= set(schema["properties"])
    assert {"anyOf": [{"required": ["summary"]}, {"required": ["description"]}]} in schema["allOf"]
    assert "summary" not in schema.get("required", [])


# --- no notes -----------------------------------------------------------------------


def test_no_notes_says_what_was_looked_at() -> None:
    selector = settings(include=["*/*/index.md"]).selector
    missing = nothing_found("docs/weeknotes", False, Counter(), selector, ("_posts", 12))
    assert missing.format() == (
        "docs/weeknotes:1: WN011 no notes: the notes folder does not exist"
        " (set notes_dir to the folder that holds the notes, such as '_posts' (12 Markdown files))"
    )
    empty = nothing_found("docs/weeknotes", True, Counter(), selector)
    assert empty.message == "no notes: the notes folder has no Markdown files"
    skipped = Counter({NOT_INCLUDED: 12, WEEKNOTE_FALSE: 3})
    line = nothing_found("docs/weeknotes", True, skipped, selector).format()
    assert line == (
        "docs/weeknotes:1: WN011 no notes among 15 Markdown files under it: 12 not selected"
        " by include ['*/*/index.md'], 3 with 'weeknote: false' (change 'include' to select"
        " the notes)"
    )
    one = nothing_found("docs/weeknotes", True, Counter({WEEKNOTE_FALSE: 1}), selector)
    assert one.message.startswith("no notes among 1 Markdown file under it")
    assert one.hint == "remove 'weeknote: false' from the notes"
