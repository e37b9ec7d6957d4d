"""Did-you-mean suggestions for near misses."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate most like `word`, ignoring case, or None when none is close.

    Of candidates that differ only in case, the one written most like `word` wins.
    """
    return _Closest.of(tuple(candidates)).answer(word, cutoff)


class _Closest:
    """`closest` for one set of candidates, asked many times: the same misses come
    back note after note (an author's name not in the file, a theme spelt wrong),
    and each would be compared with every candidate again."""

    def __init__(self, candidates: tuple[str, ...]) -> None:
        self.by_folded: dict[str, list[str]] = {}
        for candidate in sorted(set(candidates)):  # sorted: ties resolve the same every run
            self.by_folded.setdefault(candidate.casefold(), []).append(candidate)
        self.answers: dict[tuple[str, float], str | None] = {}

    @staticmethod
    @functools.lru_cache(maxsize=64)
    def of(candidates: tuple[str, ...]) -> _Closest:
        return _Closest(candidates)

    def answer(self, word: str, cutoff: float) -> str | None:
        if (word, cutoff) not in self.answers:
            if len(self.answers) >= 4096:
                self.answers.clear()  # a bound on what is kept, not on what is right
            self.answers[word, cutoff] = self._search(word, cutoff)
        return self.answers[word, cutoff]

    def _search(self, word: str, cutoff: float) -> str | None:
        folded = word.casefold()
        if folded not in self.by_folded:
            match = difflib.get_close_matches(folded, list(self.by_folded), n=1, cutoff=cutoff)
            if not match:
                return None
            folded = match[0]
        spellings = self.by_folded[folded]
        return max(spellings, key=lambda c: difflib.SequenceMatcher(None, word, c).ratio())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance counting a swap of two neighbours as one edit."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            current[j] = min(
                previous[j] + 1,
                current[j - 1] + 1,
                previous[j - 1] + (char_a != char_b),
            )
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


def near_key(key: str, known: Iterable[str]) -> str | None:
    """The known key that `key` is a typo of, or None.

    Stricter than `closest`: a key belongs to another plugin unless it is one
    edit from ours (two for long keys), or ours in another case.
    """
    folded = key.casefold()
    best: tuple[int, str] | None = None
    for candidate in sorted(known):
        if candidate == key:
            return None
        distance = edit_distance(folded, candidate.casefold())
        if distance <= typo_reach(len(candidate)) and (best is None or distance < best[0]):
            best = (distance, candidate)
    return best[1] if best else None


def typo_reach(length: int) -> int:
    """How many edits a typo may be from a word of `length`: none for a short
    word, which is a name too often to guess from one letter; two for a long one."""
    return 0 if length < 4 else 1 if length < 8 else 2


# From this length on a word is indexed by pieces rather than by deletions, whose
# number grows with the square of the length.
_PIECES_FROM = 17


class TypoIndex:
    """The words within `typo_reach` edits of a given one (by `edit_distance`),
    found without comparing it with every word.

    Each word is indexed so that a typo of it must share a key with it, and only
    the words sharing a key are compared. A short word is indexed by every string
    its reach of deletions leaves (symmetric delete): `edit_distance` at most k
    means at most k deletions from each side leave the same string, as a swap is
    one deletion on each side. A long one is cut into 2k + 1 pieces: each edit
    spoils at most two (a swap across a cut), so one piece is intact in the typo,
    moved by at most k places.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self._exact: set[str] = set()
        self._deleted: dict[str, list[str]] = {}
        self._pieces: dict[tuple[int, int, str], list[str]] = {}
        self._reach = 0
        for word in set(words):
            reach = typo_reach(len(word))
            self._reach = max(self._reach, reach)
            if reach == 0:
                self._exact.add(word)
            elif len(word) < _PIECES_FROM:
                for variant in _deletions(word, reach):
                    self._deleted.setdefault(variant, []).append(word)
            else:
                for index, (start, end) in enumerate(_cuts(len(word), reach)):
                    self._pieces.setdefault((len(word), index, word[start:end]), []).append(word)

    def near(self, word: str) -> list[tuple[int, str]]:
        """Each (distance, indexed word) within the word's reach of `word`,
        `word` itself included at distance 0, in order."""
        found: set[str] = set()
        size = len(word)
        if word in self._exact:
            found.add(word)
        if size < _PIECES_FROM + self._reach and self._deleted:
            for variant in _deletions(word, self._reach):
                found.update(self._deleted.get(variant, ()))
        for length in range(max(_PIECES_FROM, size - self._reach), size + self._reach + 1):
            reach = typo_reach(length)
            if abs(length - size) > reach:
                continue
            for index, (start, end) in enumerate(_cuts(length, reach)):
                for shift in range(-reach, reach + 1):
                    if start + shift >= 0 and end + shift <= size:
                        piece = word[start + shift : end + shift]
                        found.update(self._pieces.get((length, index, piece), ()))
        near = []
        for candidate in found:
            distance = edit_distance(word, candidate)
            if distance <= typo_reach(len(candidate)):
                near.append((distance, candidate))
        return sorted(near)


def _deletions(word: str, most: int) -> set[str]:
    """`word` and every string left by deleting up to `most` of its letters."""
    found = {word}
    layer = {word}
    for _ in range(most):
        layer = {text[:i] + text[i + 1 :] for text in layer for i in range(len(text))}
        found |= layer
    return found


def _cuts(length: int, reach: int) -> list[tuple[int, int]]:
    """Where a word of `length` is cut into 2 * reach + 1 pieces."""
    count = 2 * reach + 1
    return [(i * length // count, (i + 1) * length // count) for i in range(count)]
