"""Did-you-mean suggestions for near misses."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate most like `word`, ignoring case, or None when none is close.

    Of candidates that differ only in case, the one written most like `word` wins.
    """
    by_folded: dict[str, list[str]] = {}
    for candidate in sorted(set(candidates)):  # sorted: ties resolve the same every run
        by_folded.setdefault(candidate.casefold(), []).append(candidate)
    folded = word.casefold()
    if folded not in by_folded:
        match = difflib.get_close_matches(folded, list(by_folded), n=1, cutoff=cutoff)
        if not match:
            return None
        folded = match[0]
    return max(by_folded[folded], key=lambda c: difflib.SequenceMatcher(None, word, c).ratio())


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
        allowed = 0 if len(candidate) < 4 else 1 if len(candidate) < 8 else 2
        if distance <= allowed and (best is None or distance < best[0]):
            best = (distance, candidate)
    return best[1] if best else None
