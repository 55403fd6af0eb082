"""Validate all content without keeping the cases: what `midtikulturen check` runs."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from .forks import fork_slices, processes_for
from .loader import (Layout, ParseCache, fewer_collections, read_case, read_pages, read_path,
                     read_vocabulary, source_paths)
from .model import Case, Guide
from .problems import ContentError, Problem
from .vocabulary import Vocabulary

CASES_PER_PROCESS = 400  # below this, starting a process costs more than it saves


@dataclass(frozen=True)
class Checked:
    """What a check found valid: how many cases and houses, and the guides (for reminders)."""

    cases: int
    guides: tuple[Guide, ...]
    houses: int


@dataclass(frozen=True)
class _Tally:
    """What checking a slice of the cases found; parsed holds its cache entries, pickled."""

    valid: int
    problems: list[Problem]
    parsed: bytes | None = None


def check_content(root: Path, layout: Layout, today: date, cache: ParseCache | None = None,
                  per_process: int = CASES_PER_PROCESS) -> Checked:
    """Validate all content as `load_content` does; raise ContentError listing every problem.

    Where the cache has nothing to offer, the cases are shared among one process per core.
    """
    with fewer_collections():
        vocabulary = read_vocabulary(root, layout, today, cache)
        paths = source_paths(root, layout.cases_dir)
        cold = cache is None or not cache.entries
        processes = processes_for(len(paths), per_process) if cold else 1
        work = partial(_check_cases, root, vocabulary, cache, processes > 1)
        finish = fork_slices(paths, work, processes,
                             head_start=_page_count(root, layout) if processes > 1 else 0)
        problems: list[Problem] = []
        pages = read_pages(root, layout, vocabulary, today, cache, problems)
        tallies = finish()
        problems += [problem for tally in tallies for problem in tally.problems]
        if cache is not None:
            cache.pickled += [tally.parsed for tally in tallies if tally.parsed is not None]
        if problems:
            raise ContentError(problems)
        return Checked(sum(tally.valid for tally in tallies), pages.guides, len(pages.houses))


def _page_count(root: Path, layout: Layout) -> int:
    """How many guides and houses there are to read besides the cases."""
    if layout.docs_dir is None:
        return 0
    return sum(len(source_paths(root, posixpath.join(layout.docs_dir, folder)))
               for folder in (layout.guides_dir, layout.houses_dir))


def _check_cases(root: Path, vocabulary: Vocabulary, cache: ParseCache | None, pack: bool,
                 paths: Sequence[str]) -> _Tally:
    """Read and validate the cases at paths; with pack, return what was cached of them pickled.

    A forked process sends its cache entries back that way; this one packs its own while the
    others finish.
    """
    valid, problems = 0, []
    for path in paths:
        source = read_path(root, path)
        if isinstance(source, Problem):
            problems.append(source)
            continue
        result = read_case(source, vocabulary, root, cache)
        if isinstance(result, Case):
            valid += 1
        else:
            problems += result
    return _Tally(valid, problems, cache.pack(set(paths)) if pack and cache else None)
