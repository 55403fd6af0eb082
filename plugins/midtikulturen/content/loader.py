"""Read and validate every content file of a project, reporting all problems at once."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .directives import Listing, has_listings, read_listings
from .frontmatter import FrontMatter, normalise_text, read_front_matter
from .model import Case, Collection
from .problems import ContentError, Problem
from .schema import CaseMeta, case_rules
from .slugs import is_slug, slugify
from .validate import validate_meta
from .vocabulary import Vocabulary, load_vocabulary

INTRO = "index.md"


@dataclass(frozen=True)
class Source:
    """A content file as read from disk: its project-relative path and normalised text."""

    path: str
    text: str


@dataclass(frozen=True)
class Content:
    """Everything the site is built from, validated."""

    vocabulary: Vocabulary
    collection: Collection
    intro: str | None
    listings: dict[str, tuple[Listing, ...]] = field(default_factory=dict)


def load_content(root: Path, cases_dir: str, vocabulary_file: str,
                 docs_dir: str | None = None) -> Content:
    """All content under root; raise ContentError listing every problem in every file.

    Listing blocks are read from the pages in docs_dir and keyed by their path inside it.
    """
    vocabulary = load_vocabulary(root / vocabulary_file, vocabulary_file)
    sources, problems = read_sources(root, cases_dir)
    listings = read_page_listings(root, docs_dir, vocabulary, problems) if docs_dir else {}
    cases: list[Case] = []
    for source in sources:
        result = read_case(source, vocabulary, root)
        if isinstance(result, Case):
            cases.append(result)
        else:
            problems.extend(result)
    intro = None
    if (root / cases_dir / INTRO).is_file():
        read = read_source(root, root / cases_dir / INTRO)
        if isinstance(read, Problem):
            problems.append(read)
        else:
            intro = read.text
    if problems:
        raise ContentError(problems)
    return Content(vocabulary, Collection(tuple(cases)), intro, listings)


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
    for path in sorted((root / folder).glob("*.md")):
        if path.name == INTRO:
            continue
        read = read_source(root, path)
        if isinstance(read, Problem):
            problems.append(read)
        else:
            sources.append(read)
    return sources, problems


def read_source(root: Path, path: Path) -> Source | Problem:
    """The normalised text of the file at path, or why it cannot be read as UTF-8."""
    rel = path.relative_to(root).as_posix()
    raw = path.read_bytes()
    try:
        return Source(rel, normalise_text(raw))
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Problem(rel, line, "filen er ikke gemt som UTF-8 — gem den igen med tegnsættet "
                                  "UTF-8 i din editor")


def read_case(source: Source, vocabulary: Vocabulary, root: Path) -> Case | list[Problem]:
    """A validated case, or every problem in its source."""
    problems = _slug_problems(source.path)
    front = read_front_matter(source.path, source.text)
    if isinstance(front, Problem):
        return [*problems, front]
    meta, meta_problems = validate_meta(source.path, front, CaseMeta, vocabulary, case_rules)
    problems += meta_problems
    if meta is None:
        return problems
    image_uri = None
    if meta.image:
        image_uri = _resolve(source.path, meta.image)
        if image_uri is None or not (root / image_uri).is_file():
            problems.append(Problem(source.path, front.doc.line_of(("image",)),
                                    f"billedet '{meta.image}' findes ikke — læg det i "
                                    "cases/images/ og skriv fx `image: images/navn.jpg`"))
    if problems:
        return problems
    slug = PurePosixPath(source.path).stem
    return Case(slug, source.path, meta, _body(front), image_uri)


def _slug_problems(path: str) -> list[Problem]:
    stem = PurePosixPath(path).stem
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


def _body(front: FrontMatter) -> str:
    """The Markdown body, starting with a newline so it can never be read as front matter."""
    return "\n" + front.body.lstrip("\n")
