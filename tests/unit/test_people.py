"""People from real author strings: several in one string, other spellings, aliases."""

from __future__ import annotations

import pytest
import yaml

from mkdocs_weeknotes.command.people import authors_file, note_names, propose
from mkdocs_weeknotes.reading.authors import parse_authors
from mkdocs_weeknotes.reading.collection import Source, collect
from mkdocs_weeknotes.reading.frontmatter import read
from mkdocs_weeknotes.reading.names import split_names
from mkdocs_weeknotes.reading.notes import read_note
from tests.conftest import check, codes, settings

# --- splitting ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Kim and Soph", ["Kim", "Soph"]),
        ("Lucinda & James", ["Lucinda", "James"]),
        ("Owain, Samantha, Lucinda and Laura", ["Owain", "Samantha", "Lucinda", "Laura"]),
        ("Owain, Samantha, and Laura", ["Owain", "Samantha", "Laura"]),
        ("Kim+Soph", ["Kim", "Soph"]),
        ("Kim + Soph", ["Kim", "Soph"]),
        ("Kim and", ["Kim"]),
        ("Kim, , Soph,", ["Kim", "Soph"]),
        ("and Kim", ["Kim"]),
        ("Kim  and\tSoph", ["Kim", "Soph"]),
        # "and" inside a name, or "&" without spaces, never splits.
        ("Alexandra", ["Alexandra"]),
        ("Sandy Anderson", ["Sandy Anderson"]),
        ("Brandon Landers and Andy", ["Brandon Landers", "Andy"]),
        ("Marks&Spencer", ["Marks&Spencer"]),
        # A joining word is matched as written: a capital is a name's, not a join.
        ("Kim AND Soph", ["Kim AND Soph"]),
        # Nothing but separators: the text as it is, never nobody.
        ("and", ["and"]),
        # Welsh "a" is not a separator unless the setting adds it.
        ("James a Hannah", ["James a Hannah"]),
    ],
)
def test_split_names_by_default(text: str, people: list[str]) -> None:
    assert split_names(text) == people


def test_split_names_with_extra_separators() -> None:
    welsh = ("a",)
    assert split_names("James a Hannah", welsh) == ["James", "Hannah"]
    assert split_names("Owain, Siân a Dafydd", welsh) == ["Owain", "Siân", "Dafydd"]
    # A word separator is a whole word: not inside a name, nor a capital initial.
    assert split_names("Aled Davies", welsh) == ["Aled Davies"]
    assert split_names("Simon A Jones", welsh) == ["Simon A Jones"]
    assert split_names("Ana a Dana", (" a ",)) == ["Ana", "Dana"]
    assert split_names("Kim / Soph", ("/",)) == ["Kim", "Soph"]
    assert split_names("Kim/Soph", ("/",)) == ["Kim", "Soph"]


def test_author_separators_setting_is_checked() -> None:
    assert settings(author_separators=["a", "/"]).author_separators == ["a", "/"]
    with pytest.raises(Exception, match="author_separators"):
        settings(author_separators=["  "])
    with pytest.raises(Exception, match="author_separators"):
        settings(author_separators="a")


# --- free-text people ------------------------------------------------------------------


def free(text: str, **values: object) -> tuple[str, ...]:
    result = read_note(text, "weeknotes/2020-07-10-n.md", "n.md", settings(**values), None)
    assert result.problems == ()
    assert result.note is not None
    return result.note.authors


def test_free_text_string_of_several_people_is_those_people() -> None:
    assert free("---\nauthor: Kim and Soph\n---\n") == ("Kim", "Soph")
    assert free("---\nauthors: [Kim & Soph, Rob]\n---\n") == ("Kim", "Soph", "Rob")
    assert free("---\nauthor: Kim, Soph and Kim\n---\n") == ("Kim", "Soph")
    assert free("---\nauthor: James a Hannah\n---\n", author_separators=["a"]) == (
        "James",
        "Hannah",
    )
    assert free("---\nauthor: Tim Davies\n---\n") == ("Tim Davies",)


def test_each_person_of_a_joint_note_has_it_and_the_title_names_them() -> None:
    sources = [
        Source("weeknotes/2020-07-10-a.md", "a.md", b"---\nauthor: Lucinda & James\n---\n"),
        Source("weeknotes/2020-07-17-b.md", "b.md", b"---\nauthor: James\n---\n"),
        Source(
            "weeknotes/2020-07-24-c.md", "c.md", b"---\nauthor: Owain, James and Lucinda\n---\n"
        ),
    ]
    weeknotes = collect(sources, settings(), None)
    assert weeknotes.problems == ()
    assert sorted(weeknotes.people) == ["james", "lucinda", "owain"]
    by_person = {
        ident: [n.path for n in weeknotes.notes if ident in n.authors] for ident in weeknotes.people
    }
    assert by_person == {
        "james": ["a.md", "b.md", "c.md"],
        "lucinda": ["a.md", "c.md"],
        "owain": ["c.md"],
    }
    first = weeknotes.notes[0]
    assert first.authors == ("lucinda", "james")
    assert first.title == "Weeknote: Lucinda and James, w/c July 6, 2020"


# --- with an authors file --------------------------------------------------------------

TEAM = b"""\
authors:
  owain:
    name: Owain Price
  samantha:
    name: Samantha Reed
    aliases: [Sam, Sammy R]
  laura:
    name: Laura Ngata
    aliases: Laurie
"""


def test_each_part_of_a_string_is_resolved_by_id_name_or_alias() -> None:
    result = check(
        "---\ndate: 2019-06-28\nauthor: Owain Price, sam and LAURIE\n---\n",
        authors=parse_authors(TEAM, "a.yml"),
    )
    assert result.problems == ()
    assert result.note is not None and result.note.authors == ("owain", "samantha", "laura")


def test_aliases_resolve_ignoring_case_and_suggest() -> None:
    authors = parse_authors(TEAM, "a.yml")
    assert authors.people["samantha"].aliases == ("Sam", "Sammy R")
    assert authors.people["laura"].aliases == ("Laurie",)
    assert authors.resolve("sammy r") == ("samantha", None)
    assert authors.resolve("Sammy Q") == (None, "samantha")


def test_a_whole_string_that_is_someone_is_not_split() -> None:
    data = TEAM + b"  kim-and-soph:\n    name: Kim and Soph\n"
    result = check(
        "---\ndate: 2019-06-28\nauthor: Kim and Soph\n---\n", authors=parse_authors(data, "a.yml")
    )
    assert result.problems == ()
    assert result.note is not None and result.note.authors == ("kim-and-soph",)


def test_wn103_names_each_unknown_person_of_a_string() -> None:
    result = check(
        "---\ndate: 2019-06-28\nauthor: Owian, Samantha and Zed\n---\n",
        authors=parse_authors(TEAM, "a.yml"),
    )
    assert codes(result) == [("WN103", 3), ("WN103", 3)]
    lines = [p.format() for p in result.problems]
    assert lines == [
        "docs/weeknotes/2019/2019-06-28-rob.md:3: WN103 unknown author 'Owian' in"
        " 'Owian, Samantha and Zed' (did you mean 'owain'?)",
        "docs/weeknotes/2019/2019-06-28-rob.md:3: WN103 unknown author 'Zed' in"
        " 'Owian, Samantha and Zed' (add them to the authors file)",
    ]
    assert result.note is not None and result.note.authors == ("samantha",)


def test_wn103_for_one_unknown_name_is_as_before() -> None:
    result = check(
        "---\ndate: 2019-06-28\nauthors: [Owian]\n---\n", authors=parse_authors(TEAM, "a.yml")
    )
    assert [p.format().split(": ", 1)[1] for p in result.problems] == [
        "WN103 unknown author 'Owian' (did you mean 'owain'?)"
    ]


def test_wn306_an_alias_two_people_share_or_another_persons_id_or_name() -> None:
    data = TEAM + (
        b"  sam:\n"
        b"    name: Sam Obi\n"
        b"    aliases:\n"
        b"      - Sammy R\n"
        b"      - Laura Ngata\n"
        b"      - owain\n"
        b"      - sam obi\n"
    )
    authors = parse_authors(data, "a.yml")
    assert [(p.code, p.line) for p in authors.problems] == [
        ("WN306", 6),
        ("WN306", 13),
        ("WN306", 14),
        ("WN306", 15),
    ]
    messages = [p.message for p in authors.problems]
    assert messages == [
        "alias 'Sam' of 'samantha' is the id of 'sam'",
        "alias 'Sammy R' of 'sam' is also an alias of 'samantha'",
        "alias 'Laura Ngata' of 'sam' is the name of 'laura'",
        "alias 'owain' of 'sam' is the id of 'owain'",
    ]
    # The id or name wins over an alias; a shared alias stays with the first person.
    assert authors.resolve("Sam") == ("sam", None)
    assert authors.resolve("Sammy R") == ("samantha", None)
    assert authors.resolve("Laura Ngata") == ("laura", None)


def test_aliases_that_are_not_names_are_wn302() -> None:
    authors = parse_authors(b"authors:\n  rob:\n    name: Rob\n    aliases: {a: 1}\n", "a.yml")
    assert [(p.code, p.line) for p in authors.problems] == [("WN302", 4)]
    assert authors.people["rob"].aliases == ()
    blank = parse_authors(b"authors:\n  rob:\n    name: Rob\n    aliases: [R, '']\n", "a.yml")
    assert [(p.code, p.line) for p in blank.problems] == [("WN302", 4)]
    assert blank.people["rob"].aliases == ("R",)


# --- a proposed authors file -----------------------------------------------------------


def proposal(*notes: list[str]) -> dict[str, tuple[str, tuple[str, ...], int]]:
    return {p.id: (p.name, p.aliases, p.notes) for p in propose(notes)}


def test_propose_groups_spellings_of_one_person() -> None:
    notes = [["Simon R Jones"]] * 8 + [["Simon Jones", "Soph"]] * 3 + [["Sophie"]] * 2
    notes += [["Shaun"]] * 4 + [["Shuan", "shaun"]] + [["Kim", "simon r jones"]]
    assert proposal(*notes) == {
        "kim": ("Kim", (), 1),
        "shaun": ("Shaun", ("Shuan",), 5),
        "simon-r-jones": ("Simon R Jones", ("Simon Jones",), 12),
        "soph": ("Soph", ("Sophie",), 5),
    }


def test_propose_keeps_apart_what_may_be_two_people() -> None:
    # Two common spellings one letter apart are two people, not a typo.
    notes = [["Sophie"]] * 3 + [["Sophia"]] * 3
    # A short name that starts two longer ones could be either: left alone.
    notes += [["Dan"], ["Danny Price"], ["Daniel Okoro"]]
    # Short names are never typos of each other.
    notes += [["Kim"], ["Tim"]]
    # Same first word only is not enough.
    notes += [["Sam Obi"], ["Sam Reed"]]
    assert sorted(proposal(*notes)) == [
        "dan",
        "daniel-okoro",
        "danny-price",
        "kim",
        "sam-obi",
        "sam-reed",
        "sophia",
        "sophie",
        "tim",
    ]


def test_a_first_name_joins_the_one_person_it_starts() -> None:
    notes = [["Simon R Jones"], ["Simon R Jones"], ["Simon Jones"], ["Simon"]]
    assert proposal(*notes) == {"simon-r-jones": ("Simon R Jones", ("Simon", "Simon Jones"), 4)}
    # With a Simone as well, "Simon" could be either.
    notes += [["Simone Obi"]]
    assert sorted(proposal(*notes)) == ["simon", "simon-r-jones", "simone-obi"]


def test_the_name_is_the_commonest_spelling_and_ties_are_stable() -> None:
    assert proposal(["Soph"], ["Soph"], ["Sophie"]) == {"soph": ("Soph", ("Sophie",), 3)}
    assert proposal(["Sophie"], ["Soph"]) == proposal(["Soph"], ["Sophie"])


def test_proposed_file_is_material_yaml_with_counts() -> None:
    notes = [["Simon R Jones"]] * 2 + [["Simon Jones"], ["Null"], ["O'Neil: Tom"], ["Kim"]]
    text = authors_file(propose(notes), len(notes))
    lines = text.splitlines()
    assert "authors:" in lines
    assert "  simon-r-jones:  # 3 notes: Simon R Jones 2, Simon Jones 1" in lines
    assert "    aliases: [Simon Jones]" in lines
    assert "  kim:  # 1 note" in lines
    data = yaml.safe_load(text)
    assert data["authors"]["null"] == {"name": "Null"}
    assert data["authors"]["o-neil-tom"] == {"name": "O'Neil: Tom"}
    assert data["authors"]["simon-r-jones"] == {
        "name": "Simon R Jones",
        "aliases": ["Simon Jones"],
    }
    assert list(data["authors"]) == sorted(data["authors"])
    # The file proposed reads back without a problem, and every spelling is someone.
    authors = parse_authors(text.encode(), "a.yml")
    assert authors.problems == ()
    assert authors.resolve("simon jones") == ("simon-r-jones", None)


def test_a_proposal_with_nobody_is_still_a_file() -> None:
    assert yaml.safe_load(authors_file(propose([]), 0)) == {"authors": {}}


def test_names_of_a_note_are_split_as_a_build_splits_them() -> None:
    fm = read("---\nauthor: James a Hannah, Owain\n---\n", "a.md")
    assert note_names(fm, ("a",)) == ["James", "Hannah", "Owain"]
    both = read("---\nauthor: Kim\nauthors: [Rob & Liz, '', 3]\n---\n", "a.md")
    assert note_names(both, ()) == ["Rob", "Liz"]
    assert note_names(read("---\nauthors: {a: 1}\n---\n", "a.md"), ()) == []


def test_the_schema_accepts_aliases_and_strings_of_several_people() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from mkdocs_weeknotes.command.schema import front_matter_schema

    options = settings(author_separators=["a"])
    weeknotes = collect([], options, parse_authors(TEAM, "a.yml"))
    validator = jsonschema.Draft202012Validator(front_matter_schema(options, weeknotes))
    for good in ["Sammy R", "Owain, Laurie and Sam", "Laura & Sam", "Sam a Laura", ["Sam+Owain"]]:
        assert validator.is_valid({"date": "2019-06-28", "author": good}), good
    for bad in ["Sammy Q", "Sandy Anderson", "Sam Adams", "Sam&Laura"]:
        assert not validator.is_valid({"date": "2019-06-28", "author": bad}), bad
