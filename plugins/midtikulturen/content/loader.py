"""Read and validate every content file of a project, reporting all problems at once."""

from __future__ import annotations

import gc
import hashlib
import posixpath
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from .characters import control_problems
from .directives import Listing, has_listings, read_listings
from .episodes import episode_files
from .folders import published_file_problem, scan
from .frontmatter import after_front_matter, normalise_text, read_front_matter, story
from .image_rules import size_problem
from .layout import Layout
from .links import file_links, resolve
from .media import ImageKind, image_kind
from .model import Case, Collection, Episode, Event, Guide, House
from .paths import inside, slug_problem
from .placeholders import placeholder_problems
from .problems import ContentError, Problem
from .rawhtml import unsafe_markup
from .reserved import Reserved, reserved
from .schema import (
    CaseMeta,
    EpisodeMeta,
    EventMeta,
    GuideMeta,
    HouseMeta,
    case_rules,
    episode_rules,
    event_rules,
    house_rules,
)
from .site_files import Links, PageLinks, SiteFiles
from .validate import M, Rules, validate_meta
from .vocabulary import Vocabulary, load_vocabulary

INTRO = "index.md"
T = TypeVar("T")


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
    guides: tuple[Guide, ...] = ()
    houses: tuple[House, ...] = ()
    pages: dict[str, str] = field(default_factory=dict)
    episodes: tuple[Episode, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True)
class Parsed:
    """What a content file holds once read: metadata (None if invalid), problems, the body."""

    meta: Any
    problems: list[Problem]
    body: str = ""
    key_lines: dict[str, int] = field(default_factory=dict)  # of fields that name files
    links: Links = ()

    @property
    def image_line(self) -> int:
        """The line of the `image` field."""
        return self.key_lines.get("image", 1)


@dataclass
class ParseCache:
    """Files parsed and validated by the last load, reused while file and vocabulary match.

    `mkdocs serve` reloads all content on every save; only the saved file needs parsing again.
    """

    key: object = None
    entries: dict[tuple[str, str, bytes], Parsed] = field(default_factory=dict)
    used: dict[tuple[str, str, bytes], Parsed] = field(default_factory=dict)

    def begin(self, key: object) -> None:
        """Start a load; a different key (vocabulary, day) makes every entry stale."""
        self.entries = self.used if key == self.key else {}
        self.key, self.used = key, {}


@dataclass(frozen=True)
class Tree:
    """The content files of a project (project paths), found and checked before any is read."""

    cases: list[str]
    intro: str | None
    pages: list[str]
    guides: frozenset[str]
    houses: frozenset[str]
    files: list[str] = field(default_factory=list)
    generated: Reserved | None = None
    episodes: frozenset[str] = frozenset()
    events: frozenset[str] = frozenset()

    @property
    def items(self) -> frozenset[str]:
        """The pages that are content items with front matter of their own."""
        return self.guides | self.houses | self.episodes | self.events


def load_content(
    root: Path, layout: Layout, today: date, cache: ParseCache | None = None
) -> Content:
    """All content under root; raise ContentError listing every problem in every file.

    Listing blocks are read from the pages in the docs folder and keyed by their path inside
    it, as are the guides and houses. A cache from the previous load skips unchanged files.
    """
    with fewer_collections():
        vocabulary = read_vocabulary(root, layout)
        if cache is not None:
            cache.begin(vocabulary_key(root, layout, today))
        problems: list[Problem] = []
        tree = find_content(root, layout, vocabulary, problems)
        cases = []
        for path in tree.cases:
            source = read_path(root, path)
            found = (
                source
                if isinstance(source, Problem)
                else read_case(source, vocabulary, root, cache)
            )
            if isinstance(found, Case):
                cases.append(found)
            else:
                problems.extend([found] if isinstance(found, Problem) else found)
        pages = read_pages(root, layout, tree, vocabulary, today, problems, cache)
        entries = [
            Entry(
                c.src_uri,
                c.is_published(today),
                (*filter(None, [c.image_uri]), *c.files),
                PageLinks(c.src_uri, c.src_uri, c.links),
            )
            for c in cases
        ]
        entries += [
            Entry(
                g.src_uri,
                g.is_published(today),
                (),
                PageLinks(_project_path(layout, g.src_uri), g.src_uri, g.links),
            )
            for g in pages.guides
        ]
        entries += [
            Entry(
                h.page_uri,
                h.is_published(today),
                (),
                PageLinks(_project_path(layout, h.src_uri), h.page_uri, h.links),
            )
            for h in pages.houses
        ]
        items: list[Episode | Event] = [*pages.episodes, *pages.events]
        entries += [
            Entry(
                i.src_uri,
                i.is_published(today),
                (),
                PageLinks(_project_path(layout, i.src_uri), i.src_uri, i.links),
            )
            for i in items
        ]
        problems += check_links(layout, tree, entries, pages.links)
        if problems:
            raise ContentError(problems)
        return Content(
            vocabulary,
            Collection(tuple(cases)),
            pages.intro,
            pages.listings,
            pages.guides,
            pages.houses,
            pages.texts,
            pages.episodes,
            pages.events,
        )


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


def read_vocabulary(root: Path, layout: Layout) -> Vocabulary:
    """The project's vocabulary file, which must lie inside the project."""
    path = root / layout.vocabulary_file
    if path.exists() and not inside(root, path):
        raise ContentError([Problem(layout.vocabulary_file, 1, _LINK_OUT)])
    return load_vocabulary(path, layout.vocabulary_file)


def vocabulary_key(root: Path, layout: Layout, today: date) -> tuple[bytes, date]:
    """What every cached validation depends on besides the file itself."""
    return (root / layout.vocabulary_file).read_bytes(), today


_LINK_OUT = (
    "filen er en genvej (et symbolsk link) til noget uden for projektet — læg selve "
    "filen i projektet i stedet for genvejen"
)


def find_content(
    root: Path, layout: Layout, vocabulary: Vocabulary, problems: list[Problem]
) -> Tree:
    """Every content file of the project; what is misplaced or unsafe goes to problems.

    Cases lie directly in the cases folder, guides and houses directly in theirs; no file in
    docs may take the address of a page the site generates.
    """
    found = scan(root, layout.cases_dir, published=False)
    problems += found.problems
    cases, intro = [], None
    for path in found.pages:
        folder, name = posixpath.split(path)
        if folder != layout.cases_dir:
            problems.append(Problem(path, 1, _misplaced("cases", layout.cases_dir, name)))
        elif name == INTRO:
            intro = path
        else:
            cases.append(path)
    if layout.docs_dir is None:
        return Tree(
            cases, intro, [], frozenset(), frozenset(), generated=reserved(layout, vocabulary, ())
        )
    docs = scan(root, layout.docs_dir, layout.excluded)
    problems += docs.problems
    kinds: dict[str, list[str]] = {}
    for kind, folder in (
        ("guides", layout.guides_dir),
        ("kulturhuse", layout.houses_dir),
        ("podcastafsnit", layout.podcast_dir),
        ("arrangementer", layout.events_dir),
    ):
        inner = posixpath.join(layout.docs_dir, folder)
        kinds[kind] = []
        for path in docs.pages:
            if path.startswith(inner + "/"):
                place, name = posixpath.split(path)
                if place == inner and name != INTRO:
                    kinds[kind].append(path)
                elif place != inner and kind != "podcastafsnit":  # transcripts may lie deeper
                    problems.append(Problem(path, 1, _misplaced(kind, inner, name)))
    taken = reserved(
        layout,
        vocabulary,
        (_stem(p) for p in kinds["kulturhuse"]),
        (_stem(p) for p in kinds["arrangementer"]),
        (_stem(p) for p in kinds["podcastafsnit"]),
    )
    for path in [*docs.pages, *docs.files]:
        if what := taken.taken(_inside(path, layout.docs_dir), layout.directory_urls):
            problems.append(
                Problem(
                    path,
                    1,
                    f"filen får samme adresse på sitet som {what}, "
                    "som sitet laver selv — omdøb eller flyt filen",
                )
            )
    return Tree(
        cases,
        intro,
        docs.pages,
        frozenset(kinds["guides"]),
        frozenset(kinds["kulturhuse"]),
        docs.files,
        taken,
        frozenset(kinds["podcastafsnit"]),
        frozenset(kinds["arrangementer"]),
    )


def _misplaced(kind: str, folder: str, name: str) -> str:
    return (
        f"{kind} skal ligge direkte i {folder}/, ikke i en undermappe — flyt filen til "
        f"{folder}/{name}"
    )


@dataclass(frozen=True)
class Pages:
    """The content besides the cases: their intro, listing blocks, guides, houses, and the
    text of every other page in docs as it was checked, by its path inside docs."""

    intro: str | None
    listings: dict[str, tuple[Listing, ...]]
    guides: tuple[Guide, ...]
    houses: tuple[House, ...]
    texts: dict[str, str]
    links: list[PageLinks]
    episodes: tuple[Episode, ...] = ()
    events: tuple[Event, ...] = ()


def read_pages(
    root: Path,
    layout: Layout,
    tree: Tree,
    vocabulary: Vocabulary,
    today: date,
    problems: list[Problem],
    cache: ParseCache | None = None,
) -> Pages:
    """Every valid page besides the cases; the problems of the others go to problems."""
    guides: list[Guide] = []
    houses: list[House] = []
    episodes: list[Episode] = []
    events: list[Event] = []
    listings: dict[str, tuple[Listing, ...]] = {}
    texts: dict[str, str] = {}
    links: list[PageLinks] = []
    intro = None
    for source in read_page_sources(root, layout, tree, vocabulary, problems, listings, links):
        if source.path == tree.intro:
            intro = source.text
        elif source.path in tree.guides:
            keep(read_guide(source, vocabulary, layout, cache), guides, problems)
        elif source.path in tree.houses:
            keep(read_house(source, vocabulary, layout, today, cache), houses, problems)
        elif source.path in tree.episodes:
            keep(read_episode(source, vocabulary, layout, tree, cache), episodes, problems)
        elif source.path in tree.events:
            keep(read_event(source, vocabulary, layout, cache), events, problems)
        else:
            texts[_inside(source.path, layout.docs_dir or "")] = source.text
    problems += cross_reference_problems(layout, tree, episodes, events)
    return Pages(
        intro,
        listings,
        tuple(sorted(guides, key=lambda g: g.slug)),
        tuple(sorted(houses, key=lambda h: h.slug)),
        texts,
        links,
        tuple(sorted(episodes, key=lambda e: (e.meta.date, e.slug), reverse=True)),
        tuple(sorted(events, key=lambda e: (e.meta.start, e.slug))),
    )


def read_page_sources(
    root: Path,
    layout: Layout,
    tree: Tree,
    vocabulary: Vocabulary,
    problems: list[Problem],
    listings: dict[str, tuple[Listing, ...]],
    links: list[PageLinks],
) -> Iterator[Source]:
    """Each page of docs and the cases' intro, read once and checked as a whole.

    Its listing blocks go to listings, by its path inside docs (the intro's: the cases
    listing page's), and the file links of pages other than guides and houses to links;
    what is unsafe or unreadable in it goes to problems.
    """
    for path in [*([tree.intro] if tree.intro else []), *tree.pages]:
        source = read_path(root, path)
        if isinstance(source, Problem):
            problems.append(source)
            continue
        body, first_line = after_front_matter(source.text)  # metadata is escaped, not refused
        problems += control_problems(path, source.text)
        problems += unsafe_markup(path, body, first_line)
        page = (
            f"{layout.cases_dir}/{INTRO}"
            if path == tree.intro
            else _inside(path, layout.docs_dir or "")
        )
        if has_listings(source.text):
            found, page_problems = read_listings(path, source.text, vocabulary)
            listings[page] = found
            problems += page_problems
        if path not in tree.items:
            links.append(PageLinks(path, page, _offset(file_links(body), first_line)))
        yield source


def read_episode(
    source: Source,
    vocabulary: Vocabulary,
    layout: Layout,
    tree: Tree,
    cache: ParseCache | None = None,
) -> Episode | list[Problem]:
    """A validated podcast episode with its audio, transcript and image, or its problems."""
    parsed = parse(source, EpisodeMeta, vocabulary, episode_rules, cache)
    if parsed.meta is None:
        return parsed.problems
    docs = layout.docs_dir or ""
    (audio, transcript, image), found = episode_files(
        source.path, docs, parsed.meta, parsed.body, parsed.key_lines, frozenset(tree.files)
    )
    if parsed.problems or found:
        return [*parsed.problems, *found]
    return Episode(
        _stem(source.path),
        _inside(source.path, docs),
        parsed.meta,
        parsed.body,
        audio,
        transcript,
        image,
        parsed.links,
        parsed.key_lines.get("houses", 1),
    )


def read_event(
    source: Source, vocabulary: Vocabulary, layout: Layout, cache: ParseCache | None = None
) -> Event | list[Problem]:
    """A validated event, or every problem in its source."""
    parsed = parse(source, EventMeta, vocabulary, event_rules, cache)
    if parsed.meta is None or parsed.problems:
        return parsed.problems
    return Event(
        _stem(source.path),
        _inside(source.path, layout.docs_dir or ""),
        parsed.meta,
        parsed.body,
        parsed.links,
        parsed.key_lines.get("recording", 1),
    )


def cross_reference_problems(
    layout: Layout, tree: Tree, episodes: list[Episode], events: list[Event]
) -> list[Problem]:
    """A problem for each house an episode names and each recording an event names that the
    project has no file for."""
    docs = layout.docs_dir or ""
    house_slugs = {_stem(path) for path in tree.houses}
    episode_slugs = {_stem(path) for path in tree.episodes}
    problems = []
    for episode in episodes:
        for slug in episode.meta.houses:
            if slug not in house_slugs:
                problems.append(
                    Problem(
                        _project_path(layout, episode.src_uri),
                        episode.houses_line,
                        f"`houses`: '{slug}' er ikke et "
                        f"kulturhus — skriv filnavnet (uden .md) på et hus i "
                        f"{docs}/{layout.houses_dir}/",
                    )
                )
    for event in events:
        recording = event.meta.recording
        if recording and "://" not in recording and recording not in episode_slugs:
            problems.append(
                Problem(
                    _project_path(layout, event.src_uri),
                    event.recording_line,
                    f"`recording`: '{recording}' er ikke et podcastafsnit — "
                    "skriv afsnittets filnavn uden .md, eller en https-adresse "
                    "til optagelsen",
                )
            )
        elif recording and not recording.startswith(("https://",)) and "://" in recording:
            problems.append(
                Problem(
                    _project_path(layout, event.src_uri),
                    event.recording_line,
                    "`recording`: en adresse skal begynde med https://",
                )
            )
    return problems


def keep(result: T | list[Problem], items: list[T], problems: list[Problem]) -> None:
    """Add result to items if it is an item, else its problems to problems."""
    if isinstance(result, list):
        problems += result
    else:
        items.append(result)


def read_path(root: Path, rel: str) -> Source | Problem:
    """The normalised text of the file at project path rel, or why it is not UTF-8."""
    raw = (root / rel).read_bytes()
    try:
        return Source(rel, normalise_text(raw))
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Problem(
            rel,
            line,
            "filen er ikke gemt som UTF-8 — gem den igen med tegnsættet UTF-8 i din editor",
        )


def read_guide(
    source: Source, vocabulary: Vocabulary, layout: Layout, cache: ParseCache | None = None
) -> Guide | list[Problem]:
    """A validated guide, or every problem in its source."""
    parsed = parse(source, GuideMeta, vocabulary, None, cache)
    if parsed.meta is None or parsed.problems:
        return parsed.problems
    return Guide(
        _stem(source.path),
        _inside(source.path, layout.docs_dir or ""),
        parsed.meta,
        parsed.body,
        parsed.links,
    )


def read_house(
    source: Source,
    vocabulary: Vocabulary,
    layout: Layout,
    today: date,
    cache: ParseCache | None = None,
) -> House | list[Problem]:
    """A validated culture house, or every problem in its source."""
    parsed = parse(source, HouseMeta, vocabulary, lambda m: house_rules(m, today), cache)
    if parsed.meta is None or parsed.problems:
        return parsed.problems
    return House(
        _stem(source.path),
        _inside(source.path, layout.docs_dir or ""),
        parsed.meta,
        parsed.body,
        parsed.links,
    )


def _inside(path: str, folder: str) -> str:
    """path relative to folder: `docs/guides/a.md` → `guides/a.md`."""
    return PurePosixPath(path).relative_to(folder).as_posix() if folder else path


def read_case(
    source: Source, vocabulary: Vocabulary, root: Path, cache: ParseCache | None = None
) -> Case | list[Problem]:
    """A validated case, or every problem in its source."""
    parsed = parse(source, CaseMeta, vocabulary, case_rules, cache)
    meta = parsed.meta
    if meta is None:
        return parsed.problems
    image = case_image(root, source.path, meta.image, parsed.image_line) if meta.image else None
    files, file_problems = case_files(root, source.path, parsed.links)
    problems = [*parsed.problems, *([image] if isinstance(image, Problem) else []), *file_problems]
    if problems:
        return problems
    uri, kind = image if isinstance(image, tuple) else (None, None)
    return Case(
        _stem(source.path),
        source.path,
        meta,
        parsed.body,
        uri,
        kind.mime if kind else None,
        files,
        parsed.links,
    )


def case_files(root: Path, path: str, links: Links) -> tuple[tuple[str, ...], list[Problem]]:
    """The files in its own folder that a case's body links to, or why they cannot be shown.

    Links to pages are checked with the rest of the site (`check_links`).
    """
    folder = posixpath.dirname(path)
    files: list[str] = []
    problems = []
    for line, target in links:
        uri = resolve(path, target)
        if uri is None or uri.endswith(".md") or not uri.startswith(folder + "/"):
            continue
        if not (root / uri).is_file():
            hint = _same_but_case(root, uri)
            fix = (
                f"mente du '{posixpath.relpath(hint, folder)}'? Store og små bogstaver "
                "betyder noget på webserveren"
                if hint
                else f"ret stien, eller læg filen i {folder}/images/"
            )
            problems.append(Problem(path, line, f"'{target}' findes ikke — {fix}"))
        elif not inside(root, root / uri):
            problems.append(
                Problem(
                    path,
                    line,
                    f"'{target}' er en genvej (et symbolsk link) til noget uden for projektet",
                )
            )
        elif problem := published_file_problem(root, uri):
            problems.append(Problem(path, line, f"'{target}': {problem}"))
        else:
            files.append(uri)
    return tuple(dict.fromkeys(files)), problems


@dataclass(frozen=True)
class Entry:
    """A content item as links see it: its page, whether it is published, the files it
    publishes besides, and the links in its body."""

    page: str
    published: bool
    files: tuple[str, ...]
    links: PageLinks


def check_links(
    layout: Layout, tree: Tree, entries: list[Entry], pages: list[PageLinks]
) -> list[Problem]:
    """A problem for every link in a published page to something the site will not hold."""
    site = SiteFiles()
    docs = layout.docs_dir or ""
    site.add([_inside(p, docs) for p in tree.pages if p not in tree.items])
    site.add([_inside(f, docs) for f in tree.files])
    for entry in entries:
        site.add((entry.page, *entry.files), entry.published)
    assert tree.generated is not None
    return site.problems(
        [*pages, *(e.links for e in entries if e.published)], tree.generated, layout.directory_urls
    )


def _project_path(layout: Layout, uri: str) -> str:
    """The project path of a page inside docs: `guides/a.md` → `docs/guides/a.md`."""
    return posixpath.join(layout.docs_dir or "", uri)


def _offset(links: list[tuple[int, str]], first_line: int) -> Links:
    """links found in a body, with lines counted in its file."""
    return tuple((first_line + line, target) for line, target in links)


def case_image(root: Path, path: str, image: str, line: int) -> tuple[str, ImageKind] | Problem:
    """The project path and format of a case's image, or why it cannot be shown."""
    uri = _resolve(path, image)
    folder = posixpath.dirname(path)
    if uri is None or not (root / uri).is_file():
        hint = _same_but_case(root, uri) if uri else None
        fix = (
            f"mente du `image: {posixpath.relpath(hint, folder)}`? Store og små bogstaver "
            "betyder noget på webserveren"
            if hint
            else f"læg det i {folder}/images/ og skriv fx `image: images/navn.jpg`"
        )
        return Problem(path, line, f"billedet '{image}' findes ikke — {fix}")
    if not inside(root, root / uri):
        return Problem(
            path,
            line,
            f"billedet '{image}' er en genvej (et symbolsk link) til "
            "noget uden for projektet — læg selve billedet i projektet",
        )
    kind = image_kind(root / uri)
    if isinstance(kind, str):
        return Problem(path, line, f"billedet '{image}': {kind}")
    if problem := size_problem(root / uri, kind, main=True):  # from the header: check stays fast
        return Problem(path, line, f"billedet '{image}': {problem}")
    return uri, kind


def _same_but_case(root: Path, uri: str) -> str | None:
    """The project path of a file named uri but for upper and lower case, if there is one."""
    folder, name = posixpath.split(uri)
    try:
        names = [p.name for p in (root / folder).iterdir()]
    except OSError:
        return None
    return next((posixpath.join(folder, n) for n in names if n.lower() == name.lower()), None)


def parse(
    source: Source,
    schema: type[M],
    vocabulary: Vocabulary,
    rules: Rules[M] | None,
    cache: ParseCache | None = None,
) -> Parsed:
    """The front matter, metadata (None if invalid) and problems of source, from cache if seen."""
    if cache is None:
        return parse_source(source, schema, vocabulary, rules)
    key = (schema.__name__, source.path, content_digest(source.text))
    parsed = cache.entries.get(key) or parse_source(source, schema, vocabulary, rules)
    cache.used[key] = parsed
    return parsed


def content_digest(text: str) -> bytes:
    """A short digest of a file's text, to tell whether it changed."""
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


def parse_source(
    source: Source, schema: type[M], vocabulary: Vocabulary, rules: Rules[M] | None
) -> Parsed:
    """Parse and validate source; a case's body is also checked for what may not be shown."""
    problems = [Problem(source.path, 1, problem)] if (problem := slug_problem(source.path)) else []
    front = read_front_matter(source.path, source.text)
    if isinstance(front, Problem):
        return Parsed(None, [*problems, front])
    meta, found = validate_meta(source.path, front, schema, vocabulary, rules)
    if meta is not None and not getattr(meta, "draft", True):
        found += placeholder_problems(source.path, front.doc, front.body, front.body_line)
    if schema is CaseMeta:  # the other pages are checked whole, with the docs
        found += control_problems(source.path, front.body, front.body_line)
        found += unsafe_markup(source.path, front.body, front.body_line)
    keys = _LINE_KEYS.get(schema, ("image",))
    return Parsed(
        meta,
        problems + found,
        story(front.body),
        {key: front.doc.line_of_key(key) for key in keys},
        _offset(file_links(front.body), front.body_line),
    )


_LINE_KEYS: dict[type, tuple[str, ...]] = {
    EpisodeMeta: ("title", "audio", "transcript", "image", "houses"),
    EventMeta: ("title", "recording"),
}


def _resolve(src_path: str, relative: str) -> str | None:
    """The project path of a file referenced relative to src_path, if it stays in its folder."""
    folder = posixpath.dirname(src_path)
    joined = posixpath.normpath(posixpath.join(folder, relative))
    return joined if joined.startswith(folder + "/") and "://" not in relative else None


def _stem(path: str) -> str:
    """The file name without its extension: `cases/a.md` → `a`."""
    return posixpath.splitext(posixpath.basename(path))[0]
