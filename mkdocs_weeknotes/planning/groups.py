"""Groups of things joined pair by pair (a union-find), named the same every run."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable


class Groups:
    """Keys joined pair by pair; each group is named by its least key, so that the
    same pairs give the same groups whatever order they are joined in."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {key: key for key in keys}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, one: str, two: str) -> None:
        first, second = sorted((self.find(one), self.find(two)))
        self.parent[second] = first

    def sets(self) -> dict[str, list[str]]:
        """Each group's keys in order, by the group's name."""
        found: dict[str, list[str]] = defaultdict(list)
        for key in sorted(self.parent):
            found[self.find(key)].append(key)
        return dict(found)
