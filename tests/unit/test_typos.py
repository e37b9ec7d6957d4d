"""Near misses found through an index (suggest.TypoIndex): the same answers as
comparing a word with every other, without the time that takes on a big team."""

from __future__ import annotations

import difflib
import random
import string
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_weeknotes import suggest
from mkdocs_weeknotes.model import Person
from mkdocs_weeknotes.reading import mentions
from mkdocs_weeknotes.reading.authors import Authors
from mkdocs_weeknotes.reading.mentions import Handles, handles
from mkdocs_weeknotes.suggest import TypoIndex, edit_distance, typo_reach


def near_by_comparing_all(handle: str, keys: list[str]) -> str | None:
    """WN710's rule as it was first written: every key compared with the handle."""
    folded = handle.casefold()
    best: tuple[int, str] | None = None
    for key in sorted(keys):
        allowed = 0 if len(key) < 4 else 1 if len(key) < 8 else 2
        if abs(len(key) - len(folded)) > allowed:
            continue
        distance = edit_distance(folded, key)
        if 0 < distance <= allowed and (best is None or distance < best[0]):
            best = (distance, key)
    return best[1] if best else None


def typo(word: str, rng: random.Random, alphabet: str) -> str:
    """`word` with one or two random edits: a swap, a deletion, an insertion or a change."""
    for _ in range(rng.randint(1, 2)):
        i = rng.randrange(len(word) + 1)
        kind = rng.choice("sdic")
        if kind == "s" and i + 1 < len(word):
            word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif kind == "d" and i < len(word):
            word = word[:i] + word[i + 1 :]
        elif kind == "i":
            word = word[:i] + rng.choice(alphabet) + word[i:]
        elif i < len(word):
            word = word[:i] + rng.choice(alphabet) + word[i + 1 :]
    return word


# A small alphabet makes many words near each other, so ties and long words are tried.
_WORDS = st.text(alphabet="abcd-", min_size=1, max_size=24)


@settings(max_examples=300, deadline=None)
@given(keys=st.lists(_WORDS, min_size=1, max_size=30), handle=_WORDS, seed=st.integers(0, 2**16))
def test_the_index_finds_what_comparing_every_key_finds(
    keys: list[str], handle: str, seed: int
) -> None:
    rng = random.Random(seed)
    team = Handles({key: key for key in keys})
    # The handle as written, and typos of the keys, which are the near misses.
    for written in [handle, *(typo(rng.choice(keys), rng, "abcd-") for _ in range(5))]:
        assert team.near(written) == near_by_comparing_all(written, keys), written


@settings(max_examples=200, deadline=None)
@given(keys=st.lists(_WORDS, max_size=20), word=_WORDS)
def test_the_index_gives_every_word_within_reach(keys: list[str], word: str) -> None:
    expected = sorted(
        (edit_distance(word, key), key)
        for key in set(keys)
        if edit_distance(word, key) <= typo_reach(len(key))
    )
    assert TypoIndex(keys).near(word) == expected


def test_seeded_typos_of_long_and_short_handles() -> None:
    rng = random.Random(710)
    alphabet = string.ascii_lowercase[:6] + "._-"
    keys = ["".join(rng.choices(alphabet, k=rng.randint(3, 40))) for _ in range(100)]
    team = Handles({key: key for key in keys})
    for _ in range(300):
        written = typo(rng.choice(keys), rng, alphabet)
        assert team.near(written) == near_by_comparing_all(written, keys), written


def test_a_near_miss_is_answered_in_the_spelling_of_the_authors_file() -> None:
    team = handles([Person("Amira", "Amira Haddad", "amira", aliases=("AmiraH",))], False)
    assert team.near("amria") == "Amira"
    assert team.near("amirahh") == "AmiraH"
    assert team.near("zzzzzz") is None


def test_ten_thousand_handles_against_two_thousand_people_compare_few_pairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(17)
    people = []
    for n in range(2000):
        ident = "".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 12))) + str(n)
        alias = f"{ident}.{rng.choice(['team', 'org', 'x'])}"
        people.append(Person(ident, ident.title(), ident, aliases=(alias,)))
    team = handles(people, False)
    written = [typo(p.id, rng, string.ascii_lowercase) for p in rng.choices(people, k=5000)]
    written += [
        "".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 14))) for _ in range(5000)
    ]
    compared: list[int] = []
    counted = suggest.edit_distance

    def counting(a: str, b: str) -> int:
        compared.append(1)
        return counted(a, b)

    # Counted wherever WN710's rule compares two handles.
    monkeypatch.setattr(suggest, "edit_distance", counting)
    monkeypatch.setattr(mentions, "edit_distance", counting, raising=False)
    found = sum(team.near(handle) is not None for handle in written)
    # Comparing every handle with every person's two handles would be 40 million pairs.
    assert len(compared) < 3 * len(written), len(compared)
    assert found >= 4000  # most typos of an id are near misses of it


@pytest.fixture
def searches(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The words difflib is asked to find close matches for, in order."""
    asked: list[str] = []
    search = difflib.get_close_matches

    def counting(word: str, *args: Any, **kwargs: Any) -> list[str]:
        asked.append(word)
        return search(word, *args, **kwargs)

    monkeypatch.setattr(difflib, "get_close_matches", counting)
    return asked


def test_an_unknown_author_in_every_note_is_compared_with_the_team_once(
    searches: list[str],
) -> None:
    people = {
        f"person{n}": Person(f"person{n}", f"Person {n}", f"person{n}", aliases=(f"P{n}",))
        for n in range(2000)
    }
    authors = Authors(people)
    for _ in range(1000):  # one note each
        assert authors.resolve("Persn 1234") == (None, "person1234")
        assert authors.resolve("Zebedee") == (None, None)
    assert searches == ["persn 1234", "zebedee"]


def test_a_misspelt_theme_in_every_note_is_compared_with_the_themes_once(
    searches: list[str],
) -> None:
    themes = [f"theme-{n}" for n in range(500)] + [f"Theme {n}" for n in range(500)]
    for _ in range(1000):
        assert suggest.closest("Theme 12x", list(themes)) == "Theme 12"
    assert searches == ["theme 12x"]
