"""Validate all content as the build does, keeping only verdicts: `midtikulturen check`."""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from .forks import fork_slices, processes_for
from .layout import Layout
from .loader import (
    Entry,
    Source,
    case_files,
    case_image,
    check_links,
    content_digest,
    cross_reference_problems,
    fewer_collections,
    find_content,
    keep,
    parse_source,
    read_episode,
    read_event,
    read_page_sources,
    read_path,
    read_vocabulary,
    vocabulary_key,
)
from .model import Episode, Event
from .problems import ContentError, Problem
from .schema import CaseMeta, GuideMeta, HouseMeta, case_rules, house_rules
from .site_files import Links, PageLinks
from .vocabulary import Vocabulary

CASES_PER_PROCESS = 400  # below this, starting a process costs more than it saves

Raw = list[Any]  # a verdict as JSON: [[[line, message], …], image, updated, links, published]


@dataclass(frozen=True)
class Verdict:
    """What validating one file found: its problems and what `check` needs besides."""

    problems: tuple[tuple[int, str], ...]
    image: tuple[str, int] | None = None  # a valid case's `image` as written, and its line
    updated: str | None = None  # a valid guide's `updated`, as ÅÅÅÅ-MM-DD
    links: Links = ()  # the body's file links: (line, target)
    published: bool = False  # whether readers see it on the day

    def raw(self) -> Raw:
        """The verdict as plain JSON values."""
        return [
            [list(p) for p in self.problems],
            list(self.image) if self.image else None,
            self.updated,
            [list(link) for link in self.links],
            self.published,
        ]

    @classmethod
    def from_raw(cls, raw: Any) -> Verdict | None:
        """The verdict raw holds, or None if it is not one (a damaged cache file)."""
        try:
            problems, image, updated, links, published = raw
            verdict = cls(
                tuple((int(line), str(text)) for line, text in problems),
                (str(image[0]), int(image[1])) if image is not None else None,
                str(updated) if updated is not None else None,
                tuple((int(line), str(target)) for line, target in links),
                published is True,
            )
            if verdict.updated is not None:
                date.fromisoformat(verdict.updated)
        except (TypeError, ValueError, IndexError):
            return None
        return verdict


@dataclass
class Verdicts:
    """Verdicts of files by content, kept between runs of `check` (see cache_file).

    A file is validated again only when its text, the vocabulary, the day or this code changed.
    """

    key: str = ""
    stored: dict[str, Any] = field(default_factory=dict)  # as read: checked only when used
    used: dict[str, Raw] = field(default_factory=dict)

    def begin(self, key: str) -> None:
        """Start a check; a different key (vocabulary, day) makes every stored verdict stale."""
        if key != self.key:
            self.stored = {}
        self.key, self.used = key, {}

    def get(self, entry: str) -> Verdict | None:
        """The stored verdict of entry (see `entry_key`), if there is a sound one."""
        raw = self.stored.get(entry)
        if raw is None or (verdict := Verdict.from_raw(raw)) is None:
            return None
        self.used[entry] = raw
        return verdict


@dataclass(frozen=True)
class Checked:
    """What a check found valid: how many cases and houses, and each guide's `updated`."""

    cases: int
    guides: tuple[tuple[str, date], ...]
    houses: int
    episodes: int = 0
    events: int = 0


@dataclass(frozen=True)
class _Tally:
    """What checking a slice of the cases found, and the verdicts it made (from a child)."""

    valid: int
    problems: list[Problem]
    entries: list[Entry]
    verdicts: dict[str, Raw] | None = None


def check_content(
    root: Path,
    layout: Layout,
    today: date,
    cache: Verdicts | None = None,
    per_process: int = CASES_PER_PROCESS,
) -> Checked:
    """Validate all content as `load_content` does; raise ContentError listing every problem.

    Where the cache has nothing to offer, the cases are shared among one process per core.
    """
    with fewer_collections():
        vocabulary = read_vocabulary(root, layout)
        if cache is not None:
            cache.begin(
                hashlib.blake2b(
                    repr(vocabulary_key(root, layout, today)).encode(), digest_size=16
                ).hexdigest()
            )
        problems: list[Problem] = []
        tree = find_content(root, layout, vocabulary, problems)
        cold = cache is None or not cache.stored
        processes = processes_for(len(tree.cases), per_process) if cold else 1
        work = partial(_check_cases, root, vocabulary, today, cache, processes > 1)
        finish = fork_slices(
            tree.cases,
            work,
            processes,
            head_start=(len(tree.guides) + len(tree.houses) if processes > 1 else 0),
        )
        guides, houses = [], 0
        episodes: list[Episode] = []
        events: list[Event] = []
        entries: list[Entry] = []
        links: list[PageLinks] = []
        for source in read_page_sources(root, layout, tree, vocabulary, problems, {}, links):
            if source.path in tree.guides or source.path in tree.houses:
                kind = "guide" if source.path in tree.guides else "house"
                verdict = _verdict(kind, source, vocabulary, today, cache)
                problems += [Problem(source.path, line, text) for line, text in verdict.problems]
                if verdict.updated and not verdict.problems:
                    guides.append((source.path, date.fromisoformat(verdict.updated)))
                houses += source.path in tree.houses and not verdict.problems
                entries.append(_page_entry(layout, source.path, verdict))
            elif source.path in tree.episodes:
                keep(read_episode(source, vocabulary, layout, tree), episodes, problems)
            elif source.path in tree.events:
                keep(read_event(source, vocabulary, layout), events, problems)
        items: list[Episode | Event] = [*episodes, *events]
        entries += [
            Entry(
                item.src_uri,
                item.is_published(today),
                (),
                PageLinks(f"{layout.docs_dir}/{item.src_uri}", item.src_uri, item.links),
            )
            for item in items
        ]
        problems += cross_reference_problems(layout, tree, episodes, events)
        tallies = finish()
        problems += [problem for tally in tallies for problem in tally.problems]
        if cache is not None:
            for tally in tallies:
                cache.used.update(tally.verdicts or {})
        entries += [entry for tally in tallies for entry in tally.entries]
        problems += check_links(layout, tree, entries, links)
        if problems:
            raise ContentError(problems)
        return Checked(
            sum(tally.valid for tally in tallies), tuple(guides), houses, len(episodes), len(events)
        )


def _page_entry(layout: Layout, path: str, verdict: Verdict) -> Entry:
    """A guide's or house's page as links see it."""
    page = path.removeprefix(f"{layout.docs_dir}/")
    if path.startswith(f"{layout.docs_dir}/{layout.houses_dir}/"):
        page = f"{layout.survey_dir}/{posixpath.basename(path)}"
    return Entry(page, verdict.published, (), PageLinks(path, page, verdict.links))


def _check_cases(
    root: Path,
    vocabulary: Vocabulary,
    today: date,
    cache: Verdicts | None,
    send: bool,
    paths: Sequence[str],
) -> _Tally:
    """Validate the cases at paths; with send (in a child process), return the verdicts made."""
    valid, problems, entries = 0, [], []
    made: dict[str, Raw] | None = {} if send else None
    for path in paths:
        source = read_path(root, path)
        if isinstance(source, Problem):
            problems.append(source)
            continue
        verdict = _verdict("case", source, vocabulary, today, cache, made)
        found = [Problem(path, line, text) for line, text in verdict.problems]
        image = case_image(root, path, *verdict.image) if verdict.image else None
        found += [image] if isinstance(image, Problem) else []
        files, file_problems = case_files(root, path, verdict.links)
        found += file_problems
        if not found:
            shown = (image[0],) if isinstance(image, tuple) else ()
            entries.append(
                Entry(
                    path, verdict.published, (*shown, *files), PageLinks(path, path, verdict.links)
                )
            )
        problems += found
        valid += not found
    return _Tally(valid, problems, entries, made)


def _verdict(
    kind: str,
    source: Source,
    vocabulary: Vocabulary,
    today: date,
    cache: Verdicts | None,
    made: dict[str, Raw] | None = None,
) -> Verdict:
    """The verdict on a case, guide or house (which needs today), from the cache if it has one.

    A new verdict goes to made where given (a child process sends it), else to the cache.
    """
    entry = entry_key(kind, source)
    if cache is not None and (stored := cache.get(entry)) is not None:
        return stored
    verdict = _judge(kind, source, vocabulary, today)
    if cache is not None:
        (made if made is not None else cache.used)[entry] = verdict.raw()
    return verdict


def entry_key(kind: str, source: Source) -> str:
    """The cache key of a verdict: what the file is, where, and a digest of its text."""
    return f"{kind}:{source.path}:{content_digest(source.text).hex()}"


def _judge(kind: str, source: Source, vocabulary: Vocabulary, today: date) -> Verdict:
    if kind == "case":
        parsed = parse_source(source, CaseMeta, vocabulary, case_rules)
    elif kind == "guide":
        parsed = parse_source(source, GuideMeta, vocabulary, None)
    else:
        parsed = parse_source(source, HouseMeta, vocabulary, lambda m: house_rules(m, today))
    meta = parsed.meta
    problems = tuple((p.line, p.message) for p in parsed.problems)
    image = (meta.image, parsed.image_line) if kind == "case" and meta and meta.image else None
    updated = meta.updated.isoformat() if kind == "guide" and meta else None
    published = meta is not None and not meta.draft and (kind != "case" or meta.date <= today)
    return Verdict(problems, image, updated, parsed.links, published)
