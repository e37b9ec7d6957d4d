"""The authors file: Material's format, read with lines."""

from __future__ import annotations

import pytest

from mkdocs_weeknotes.reading.authors import parse_authors


def problems(data: bytes) -> list[tuple[str, int]]:
    return [(p.code, p.line) for p in parse_authors(data, "a.yml").problems]


def test_people_with_name_description_avatar() -> None:
    authors = parse_authors(
        b"authors:\n  rob:\n    name: Rob Miller\n    description: Head\n"
        b"    avatar: rob.png\n    slug: ignored-by-us\n",
        "a.yml",
    )
    assert authors.problems == ()
    person = authors.people["rob"]
    assert (person.name, person.description, person.avatar, person.slug) == (
        "Rob Miller",
        "Head",
        "rob.png",
        "rob",
    )


def test_resolve_ids_names_and_suggestions() -> None:
    authors = parse_authors(b"authors:\n  rob:\n    name: Rob Miller\n", "a.yml")
    assert authors.resolve("rob") == ("rob", None)
    assert authors.resolve("ROB") == ("rob", None)
    assert authors.resolve("rob miller") == ("rob", None)
    assert authors.resolve("robb") == (None, "rob")
    assert authors.resolve("Rob Millar") == (None, "rob")
    assert authors.resolve("zz") == (None, None)


def test_malformed_files_are_problems_with_lines() -> None:
    assert problems(b"authors: [\n") == [("WN301", 1)]
    assert problems(b"") == [("WN302", 1)]
    assert problems(b"people:\n  rob: {}\n") == [("WN302", 1)]
    assert problems(b"authors:\n  rob: Rob\n") == [("WN302", 2)]
    assert problems(b"authors:\n  rob:\n    description: x\n") == [("WN302", 2)]
    assert problems(b"authors:\n  rob:\n    name: [a]\n") == [("WN302", 2), ("WN302", 3)]
    assert problems(b"authors:\n  '..':\n    name: Dots\n") == [("WN302", 2)]
    same = b"authors:\n  rob:\n    name: R\n  Rob:\n    name: R2\n"
    assert problems(same) == [("WN302", 4)]
    assert problems(b"authors:\n  rob:\n    name: R\xe9mi\n") == [("WN001", 3)]


@pytest.mark.parametrize(
    "avatar",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        '"  javascript:alert(1)"',
        '"java\\tscript:alert(1)"',
        '"java\\nscript:alert(1)"',
        '"\\x01javascript:alert(1)"',
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "file:///etc/passwd",
    ],
)
def test_avatars_other_than_http_or_relative_are_problems(avatar: str) -> None:
    data = f"authors:\n  rob:\n    name: Rob\n    avatar: {avatar}\n".encode()
    authors = parse_authors(data, "a.yml")
    assert [(p.code, p.line) for p in authors.problems] == [("WN305", 4)]
    assert authors.people["rob"].avatar == ""  # initials are shown instead


@pytest.mark.parametrize(
    "avatar",
    [
        "https://example.org/a.png",
        "HTTP://example.org/a.png",
        "img/rob.png",
        "/img/rob.png",
        "//cdn.example.org/a.png",
        "rob.png?x=a:b",
        "a b.png",
    ],
)
def test_http_and_relative_avatars_are_kept(avatar: str) -> None:
    data = f"authors:\n  rob:\n    name: Rob\n    avatar: '{avatar}'\n".encode()
    authors = parse_authors(data, "a.yml")
    assert authors.problems == ()
    assert authors.people["rob"].avatar == avatar


@pytest.mark.parametrize("brk", ["\u2028", "\u2029", "\x85"])
def test_line_breaks_only_yaml_counts_do_not_move_the_authors_files_lines(brk: str) -> None:
    people = (
        f'authors:\n  rob:\n    name: "Rob{brk}Miller"\n    description: "a{brk}b{brk}c"\n'
        "  liz:\n    nmae: Liz\n  rob:\n    name: Again\n"
    )
    found = parse_authors(people.encode(), "a.yml").problems
    assert [(p.code, p.line) for p in found] == [("WN302", 5), ("WN304", 7)]
    broken = parse_authors(f'authors:\n  rob: {{name: "R{brk}M"}}\n  liz: [1\n'.encode(), "a.yml")
    assert [(p.code, p.line) for p in broken.problems] == [("WN301", 3)]
