"""Problems found in editors' files, each tied to a file and a line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an editor must fix: where it is, what is wrong and how to fix it."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def format_problems(problems: Iterable[Problem]) -> str:
    """A report of every problem, sorted by file and line, with a Danish summary first."""
    ordered = sorted(set(problems))
    files = {p.path for p in ordered}
    noun = "fil" if len(files) == 1 else "filer"
    head = f"{len(ordered)} problem(er) i {len(files)} {noun} skal rettes, før sitet kan bygges:"
    return "\n".join([head, *(f"  {p}" for p in ordered)])


class ContentError(Exception):
    """Raised when content has problems; carries all of them."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(set(problems)))
        super().__init__(format_problems(self.problems))
