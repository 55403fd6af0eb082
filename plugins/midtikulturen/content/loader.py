"""Read and validate every content file of a project, reporting all problems at once."""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import posixpath
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any, Iterable, TypeVar

from .directives import Listing, has_listings, read_listings
from .frontmatter import normalise_text, read_front_matter, story
from .model import Case, Collection, Guide, House
from .problems import ContentError, Problem
from .schema import CaseMeta, GuideMeta, HouseMeta, case_rules, house_rules
from .slugs import is_slug, slugify
from .validate import M, Rules, validate_meta
from .vocabulary import Vocabulary, load_vocabulary

INTRO = "index.md"


@dataclass(frozen=True)
class Source:
    """A content file as read from disk: its project-relative path and normalised text."""

    path: str
    text: str


@dataclass(frozen=True)
class Layout:
    """Where a project keeps its content, relative to the project root."""

    cases_dir: str = "cases"
    vocabulary_file: str = "vocabularies.yml"
    docs_dir: str | None = "docs"
    guides_dir: str = "guides"
    houses_dir: str = "kulturhuse/huse"


@dataclass(frozen=True)
class Content:
    """Everything the site is built from, validated."""

    vocabulary: Vocabulary
    collection: Collection
    intro: str | None
    listings: dict[str, tuple[Listing, ...]] = field(default_factory=dict)
    guides: tuple[Guide, ...] = ()
    houses: tuple[House, ...] = ()


@dataclass(frozen=True)
class Parsed:
    """What a content file holds once read: metadata (None if invalid), problems, the body."""

    meta: Any
    problems: list[Problem]
    body: str = ""
    image_line: int = 1


@dataclass
class ParseCache:
    """Files parsed and validated by the last load, reused while file and vocabulary match.

    `mkdocs serve` reloads all content on every save; only the saved file needs parsing again.
    """

    key: object = None
    entries: dict[tuple[str, str, bytes], Parsed] = field(default_factory=dict)
    used: dict[tuple[str, str, bytes], Parsed] = field(default_factory=dict)
    pickled: list[bytes] = field(default_factory=list)  # more of used, from forked processes
    saved: bool = False  # entries are what a file on disk holds

    def begin(self, key: object) -> None:
        """Start a load; a different key (vocabulary, day) makes every entry stale."""
        if key != self.key:
            self.saved = False
        self.entries = self.used if key == self.key else {}
        self.key, self.used, self.pickled = key, {}, []

    def pack(self, paths: set[str]) -> bytes:
        """What this load parsed of the files at paths, pickled and no longer in used."""
        packed = {key: self.used.pop(key) for key in [k for k in self.used if k[1] in paths]}
        return pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL)


def load_content(root: Path, layout: Layout, today: date,
                 cache: ParseCache | None = None) -> Content:
    """All content under root; raise ContentError listing every problem in every file.

    Listing blocks are read from the pages in the docs folder and keyed by their path inside
    it, as are the guides and houses. A cache from the previous load skips unchanged files.
    """
    with fewer_collections():
        vocabulary = read_vocabulary(root, layout, today, cache)
        sources, problems = read_sources(root, layout.cases_dir)
        cases = _collect(problems, (read_case(s, vocabulary, root, cache) for s in sources),
                         Case)
        pages = read_pages(root, layout, vocabulary, today, cache, problems)
        if problems:
            raise ContentError(problems)
        return Content(vocabulary, Collection(tuple(cases)), pages.intro, pages.listings,
                       pages.guides, pages.houses)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect garbage less often while thousands of lasting objects are made.

    Each collection scans every object made so far, and none of these form cycles; a tenth
    of `check`'s time went to collections that found nothing.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], 50_000), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def read_vocabulary(root: Path, layout: Layout, today: date,
                    cache: ParseCache | None) -> Vocabulary:
    """The project's vocabulary; the cache starts a load keyed by it and the day."""
    vocabulary_path = root / layout.vocabulary_file
    vocabulary = load_vocabulary(vocabulary_path, layout.vocabulary_file)
    if cache is not None:
        cache.begin((vocabulary_path.read_bytes(), today))
    return vocabulary


@dataclass(frozen=True)
class Pages:
    """The content besides the cases: their intro, listing blocks, guides and houses."""

    intro: str | None
    listings: dict[str, tuple[Listing, ...]]
    guides: tuple[Guide, ...]
    houses: tuple[House, ...]


def read_pages(root: Path, layout: Layout, vocabulary: Vocabulary, today: date,
               cache: ParseCache | None, problems: list[Problem]) -> Pages:
    """Every valid page besides the cases; the problems of the others go to problems."""
    guides: list[Guide] = []
    houses: list[House] = []
    listings: dict[str, tuple[Listing, ...]] = {}
    if layout.docs_dir is not None:
        docs = layout.docs_dir
        listings = read_page_listings(root, docs, vocabulary, problems)
        guide_sources, found = read_sources(root, posixpath.join(docs, layout.guides_dir))
        problems += found
        guides = _collect(problems, (read_guide(s, vocabulary, docs, cache)
                                     for s in guide_sources), Guide)
        house_sources, found = read_sources(root, posixpath.join(docs, layout.houses_dir))
        problems += found
        houses = _collect(problems, (read_house(s, vocabulary, docs, today, cache)
                                     for s in house_sources), House)
    intro = None
    if (root / layout.cases_dir / INTRO).is_file():
        read = read_source(root, root / layout.cases_dir / INTRO)
        if isinstance(read, Problem):
            problems.append(read)
        else:
            intro = read.text
    return Pages(intro, listings, tuple(sorted(guides, key=lambda g: g.slug)),
                 tuple(sorted(houses, key=lambda h: h.slug)))


T = TypeVar("T")


def _collect(problems: list[Problem], results: Iterable[T | list[Problem]],
             kind: type[T]) -> list[T]:
    """The items among results; their problems are added to problems."""
    items: list[T] = []
    for result in results:
        if isinstance(result, kind):
            items.append(result)
        else:
            problems.extend(result)  # type: ignore[arg-type]
    return items


def read_page_listings(root: Path, docs_dir: str, vocabulary: Vocabulary,
                       problems: list[Problem]) -> dict[str, tuple[Listing, ...]]:
    """The listing blocks of every page in docs_dir by page path; problems go to problems."""
    listings: dict[str, tuple[Listing, ...]] = {}
    folder = root / docs_dir
    for path in sorted(folder.rglob("*.md")):
        read = read_source(root, path)
        if isinstance(read, Problem):
            problems.append(read)
            continue
        if has_listings(read.text):
            found, page_problems = read_listings(read.path, read.text, vocabulary)
            listings[path.relative_to(folder).as_posix()] = found
            problems.extend(page_problems)
    return listings


def read_sources(root: Path, folder: str) -> tuple[list[Source], list[Problem]]:
    """The Markdown files of folder (its intro excepted), and problems with their encoding."""
    sources: list[Source] = []
    problems: list[Problem] = []
    for path in source_paths(root, folder):
        read = read_path(root, path)
        if isinstance(read, Problem):
            problems.append(read)
        else:
            sources.append(read)
    return sources, problems


def source_paths(root: Path, folder: str) -> list[str]:
    """The project paths of the Markdown files in folder (its intro excepted), sorted."""
    try:
        with os.scandir(root / folder) as entries:
            names = sorted(entry.name for entry in entries
                           if entry.name.endswith(".md") and entry.name != INTRO
                           and entry.is_file())
    except FileNotFoundError:
        names = []
    return [posixpath.join(folder, name) for name in names]


def read_source(root: Path, path: Path) -> Source | Problem:
    """The normalised text of the file at path, or why it cannot be read as UTF-8."""
    return read_path(root, path.relative_to(root).as_posix())


def read_path(root: Path, rel: str) -> Source | Problem:
    """The normalised text of the file at project path rel, or why it is not UTF-8."""
    raw = (root / rel).read_bytes()
    try:
        return Source(rel, normalise_text(raw))
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Problem(rel, line, "filen er ikke gemt som UTF-8 — gem den igen med tegnsættet "
                                  "UTF-8 i din editor")


def read_guide(source: Source, vocabulary: Vocabulary, docs_dir: str,
               cache: ParseCache | None = None) -> Guide | list[Problem]:
    """A validated guide, or every problem in its source."""
    parsed = _parse(source, GuideMeta, vocabulary, None, cache)
    if parsed.meta is None or parsed.problems:
        return parsed.problems
    return Guide(_stem(source.path), _inside(source.path, docs_dir), parsed.meta,
                 parsed.body)


def read_house(source: Source, vocabulary: Vocabulary, docs_dir: str, today: date,
               cache: ParseCache | None = None) -> House | list[Problem]:
    """A validated culture house, or every problem in its source."""
    parsed = _parse(source, HouseMeta, vocabulary, lambda m: house_rules(m, today), cache)
    if parsed.meta is None or parsed.problems:
        return parsed.problems
    return House(_stem(source.path), _inside(source.path, docs_dir), parsed.meta,
                 parsed.body)


def _inside(path: str, folder: str) -> str:
    """path relative to folder: `docs/guides/a.md` → `guides/a.md`."""
    return PurePosixPath(path).relative_to(folder).as_posix()


def read_case(source: Source, vocabulary: Vocabulary, root: Path,
              cache: ParseCache | None = None) -> Case | list[Problem]:
    """A validated case, or every problem in its source."""
    parsed = _parse(source, CaseMeta, vocabulary, case_rules, cache)
    meta, problems = parsed.meta, list(parsed.problems)
    if meta is None:
        return problems
    image_uri = None
    if meta.image:
        image_uri = _resolve(source.path, meta.image)
        if image_uri is None or not (root / image_uri).is_file():
            problems.append(Problem(source.path, parsed.image_line,
                                    f"billedet '{meta.image}' findes ikke — læg det i "
                                    "cases/images/ og skriv fx `image: images/navn.jpg`"))
    if problems:
        return problems
    slug = _stem(source.path)
    return Case(slug, source.path, meta, image_uri)


def _parse(source: Source, schema: type[M], vocabulary: Vocabulary, rules: Rules[M] | None,
           cache: ParseCache | None) -> Parsed:
    """The front matter, metadata (None if invalid) and problems of source, from cache if seen."""
    if cache is None:
        return _parse_source(source, schema, vocabulary, rules)
    key = (schema.__name__, source.path,
           hashlib.blake2b(source.text.encode(), digest_size=16).digest())
    parsed = cache.entries.get(key) or _parse_source(source, schema, vocabulary, rules)
    cache.used[key] = parsed
    return parsed


def _parse_source(source: Source, schema: type[M], vocabulary: Vocabulary,
                  rules: Rules[M] | None) -> Parsed:
    problems = _slug_problems(source.path)
    front = read_front_matter(source.path, source.text)
    if isinstance(front, Problem):
        return Parsed(None, [*problems, front])
    meta, found = validate_meta(source.path, front, schema, vocabulary, rules)
    body = "" if schema is CaseMeta else story(front.body)  # a case's page reads its own file
    return Parsed(meta, problems + found, body, front.doc.line_of_key("image"))


def _slug_problems(path: str) -> list[Problem]:
    stem = _stem(path)
    if is_slug(stem):
        return []
    proposal = slugify(stem) or "et-navn"
    return [Problem(path, 1, f"filnavnet '{stem}.md' kan ikke bruges i en webadresse — omdøb "
                             f"filen til '{proposal}.md' (små bogstaver a-z, tal og bindestreg; "
                             "æ→ae, ø→oe, å→aa)")]


def _resolve(src_path: str, relative: str) -> str | None:
    """The project path of a file referenced relative to src_path, if it stays in its folder."""
    folder = posixpath.dirname(src_path)
    joined = posixpath.normpath(posixpath.join(folder, relative))
    return joined if joined.startswith(folder + "/") and "://" not in relative else None


def _stem(path: str) -> str:
    """The file name without its extension: `cases/a.md` → `a`."""
    return posixpath.splitext(posixpath.basename(path))[0]
