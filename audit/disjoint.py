"""Disjoint sets (union-find) over the indices 0..n-1.

Two stages group things that belong together by joining pairs: the name variants of a
document (`audit.names.variants`) and the findings of one defect (`audit.merge`).
"""

from __future__ import annotations


class DisjointSets:
    """Union-find with path halving; `groups()` lists the members of each set in index order."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        """Put `i` and `j` in one set, rooted at the smaller of the two roots (stable groups)."""
        a, b = self.root(i), self.root(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[int]]:
        members: dict[int, list[int]] = {}
        for index in range(len(self.parent)):
            members.setdefault(self.root(index), []).append(index)
        return list(members.values())
