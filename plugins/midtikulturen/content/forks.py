"""Share work on many items among forked processes, where the system can fork safely."""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

Child = tuple[int, int]  # process id, read end of the pipe it writes its result to


def processes_for(count: int, per_process: int) -> int:
    """How many processes count items are best shared among: one per core, per_process each."""
    if not can_fork():
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, count // max(per_process, 1)))


def can_fork() -> bool:
    """Whether this process may fork without exec.

    Not on Windows (no fork), not on macOS (its system libraries do not survive a fork without
    exec) and not beside other threads (they vanish in the child, with any lock they hold).
    """
    return hasattr(os, "fork") and sys.platform != "darwin" and threading.active_count() == 1


def fork_slices(
    items: Sequence[T], work: Callable[[Sequence[T]], R], processes: int, head_start: int = 0
) -> Callable[[], list[R]]:
    """Start work on consecutive slices of items, all slices but the first in child processes.

    The function returned works the first slice here and returns every slice's result in
    order; call it after doing other work meanwhile, for which the first slice is head_start
    items shorter. A child that fails leaves its slice to this process, so the result never
    depends on forking (and a real error is raised here, with its traceback).
    """
    total = len(items) + head_start
    bounds = [
        min(len(items), max(0, total * index // processes - head_start))
        for index in range(processes + 1)
    ]
    slices = [items[start:end] for start, end in zip(bounds, bounds[1:], strict=False)]
    children = [_fork(work, part) for part in slices[1:]]

    def finish() -> list[R]:
        results = [work(slices[0])]
        for part, child in zip(slices[1:], children, strict=False):
            sent = _result_of(child)
            results.append(work(part) if sent is None else sent[0])
        return results

    return finish


def _fork(work: Callable[[Sequence[T]], R], part: Sequence[T]) -> Child | None:
    """A child process computing work on part, or None if the system cannot start one."""
    try:
        read, write = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid:
        os.close(write)
        return pid, read
    status = 1
    try:
        os.close(read)
        with os.fdopen(write, "wb") as out:
            pickle.dump((work(part),), out, protocol=pickle.HIGHEST_PROTOCOL)
        status = 0
    finally:
        os._exit(status)  # never return into the parent's code, nor run its exit handlers


def _result_of(child: Child | None) -> tuple[Any] | None:
    """What child computed, in a 1-tuple, once it exited; None if there is none or it failed."""
    if child is None:
        return None
    pid, read = child
    with os.fdopen(read, "rb") as stream:
        data = stream.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        return None
    sent: tuple[Any] = pickle.loads(data)
    return sent
