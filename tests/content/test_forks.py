"""Sharing work among forked processes gives what working alone gives, even when a child fails."""

from __future__ import annotations

import os
from collections.abc import Sequence

import pytest

from midtikulturen.content.forks import can_fork, fork_slices

pytestmark = pytest.mark.skipif(not can_fork(), reason="this system does not fork safely")


def tagged(part: Sequence[int]) -> tuple[int, list[int]]:
    """The process that worked on part, and part squared."""
    return os.getpid(), [n * n for n in part]


@pytest.mark.parametrize(
    ("count", "processes", "head_start", "sizes"),
    [
        (10, 2, 0, [5, 5]),
        (10, 3, 0, [3, 3, 4]),
        (10, 2, 4, [3, 7]),  # this process does 4 items' worth besides: it takes fewer
        (10, 2, 30, [0, 10]),
        (1, 3, 0, [0, 0, 1]),
    ],
)
def test_slices_come_back_in_order_from_their_own_processes(
    count: int, processes: int, head_start: int, sizes: list[int]
) -> None:
    results = fork_slices(list(range(count)), tagged, processes, head_start)()
    assert [len(squares) for _, squares in results] == sizes
    assert [n for _, squares in results for n in squares] == [n * n for n in range(count)]
    assert results[0][0] == os.getpid()
    assert all(pid != os.getpid() for pid, _ in results[1:])


def test_a_failing_child_leaves_its_slice_to_this_process() -> None:
    parent = os.getpid()

    def fails_in_a_child(part: Sequence[int]) -> list[int]:
        if os.getpid() != parent:
            raise RuntimeError("a child that breaks")
        return [n + 1 for n in part]

    assert fork_slices([1, 2, 3, 4], fails_in_a_child, 2)() == [[2, 3], [4, 5]]


def test_an_error_is_raised_here_with_its_own_message() -> None:
    def always_fails(part: Sequence[int]) -> int:
        raise ValueError(f"slice {list(part)}")

    with pytest.raises(ValueError, match=r"slice \[1\]"):
        fork_slices([1, 2], always_fails, 2)()
