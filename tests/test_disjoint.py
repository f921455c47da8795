"""Union-find: the groups partition the indices, and every joined pair shares a group."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from audit.disjoint import DisjointSets

PAIRS = st.integers(min_value=1, max_value=40).flatmap(
    lambda n: st.tuples(st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=60))
)


@given(PAIRS)
def test_disjoint_groups_partition_and_keep_joined_pairs_together(case: tuple[int, list[tuple[int, int]]]) -> None:
    size, pairs = case
    sets = DisjointSets(size)
    for a, b in pairs:
        sets.join(a, b)
    groups = sets.groups()
    assert sorted(i for group in groups for i in group) == list(range(size))
    where = {i: n for n, group in enumerate(groups) for i in group}
    assert all(where[a] == where[b] for a, b in pairs)
    assert all(group == sorted(group) for group in groups)
    assert [group[0] for group in groups] == sorted(group[0] for group in groups)


def test_disjoint_unjoined_indices_stay_alone() -> None:
    sets = DisjointSets(4)
    sets.join(3, 1)
    assert sets.groups() == [[0], [1, 3], [2]]
