"""Where one full build spends its time, by phase of our plugins, without a profiler.

Usage (from the repository root):

    NO_MKDOCS_2_WARNING=1 python3 benchmarks/phases.py             # N = 1000
    python3 benchmarks/phases.py --n 4000 --seed 8
    python3 benchmarks/phases.py --profile 40    # cProfile instead: top 40 by cumulative time,
                                                 # then our own functions by cumulative time
    python3 benchmarks/phases.py --memory 20     # tracemalloc instead: what the build holds
                                                 # when post_build starts, by file and line

Copies the site's sources and our package (`corpus.snapshot`), generates the N-case site of
`corpus.py`, loads it with `mkdocs.config.load_config` and runs
`mkdocs.commands.build.build` once in this process, into a folder in /dev/shm when there is
room (`corpus.ram_folder`). For that build only, accumulating timers
(wall time and this process's CPU time) are monkeypatched in memory around:

- every `on_*` event method of every midtikulturen plugin (found through the `mkdocs.plugins`
  entry points, so a new plugin is included): `on_files`, `on_page_markdown`,
  `on_page_content`, `on_post_page`, `on_post_build`, ...;
- key functions, wherever a module of the package has imported them: `load_content`
  (reading and validating; YAML and pydantic below it), `build_catalog` (taxonomy and related
  cases), page, listing, survey and guide rendering, the data files, feed items and
  `render_feeds`, our Jinja `render`;
- Material's search plugin (`on_page_context`, `on_post_build`) and MkDocs' per-page steps
  (`_populate_page`: read + Markdown; `_build_page`: theme template + write).

The report is a tree: each row's parent is the timed function that called it (observed, not
assumed), "(rest)" rows are a step's own time outside its timed children, and the share is of
the CPU time of `build()`. A summary groups the figures into the phases of issue #8.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import importlib
import io
import logging
import os
import pkgutil
import pstats
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import (  # noqa: E402
    add_repo_option,
    code_state,
    make_corpus,
    ram_folder,
    snapshot,
    write_full_site,
)

BUILD = "MkDocs: build()"
MIN_SHARE = 0.001  # rows below 0.1 % of the build are folded into "(rest)"
REST = {
    BUILD: "(rest: config events, files, static files, anchors ...)",
    "MkDocs: _populate_page (read + Markdown)": "(rest: reading and Markdown -> HTML)",
    "MkDocs: _build_page (theme template + write)": "(rest: Material's template and writing)",
}


@dataclass
class Timer:
    """Accumulated calls, wall and CPU seconds of one wrapped callable, and who called it."""

    calls: int = 0
    wall: float = 0.0
    cpu: float = 0.0
    parents: Counter[str] = field(default_factory=Counter)
    active: int = 0


TIMERS: dict[str, Timer] = {}
STACK: list[str] = []
PATHS: dict[tuple[str, ...], Timer] = {}  # the same figures by call path: (build, ..., key)


def timed(key: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """func with its calls, wall time and CPU time added to TIMERS[key]."""
    timer = TIMERS.setdefault(key, Timer())

    @functools.wraps(func)  # keeps `mkdocs_priority` of event methods
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        timer.calls += 1
        if timer.active:  # recursion: counted once, in the outer call
            return func(*args, **kwargs)
        timer.parents[STACK[-1] if STACK else ""] += 1
        timer.active += 1
        STACK.append(key)
        path = PATHS.setdefault(tuple(STACK), Timer())
        path.calls += 1
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            spent_wall, spent_cpu = time.perf_counter() - wall, time.process_time() - cpu
            timer.wall += spent_wall
            timer.cpu += spent_cpu
            path.wall += spent_wall
            path.cpu += spent_cpu
            STACK.pop()
            timer.active -= 1

    wrapper.__timed__ = True  # type: ignore[attr-defined]
    return wrapper


# Defining module, function name, label. Each is wrapped in every module that imported it.
FUNCTIONS = [
    ("midtikulturen.content.loader", "load_content", "load_content: reading and validating"),
    ("midtikulturen.content.frontmatter", "read_front_matter", "read_front_matter: YAML"),
    ("midtikulturen.content.validate", "validate_meta", "validate_meta: pydantic"),
    ("midtikulturen.content.directives", "read_listings", "read_listings: blocks in docs/"),
    ("midtikulturen.content.catalog", "build_catalog", "build_catalog: taxonomy and related"),
    ("midtikulturen.content.taxonomy", "index_terms", "index_terms: taxonomy"),
    ("midtikulturen.content.related", "related_cases", 'related_cases: "Læs også"'),
    ("midtikulturen.collection.item_files", "add_cases", "add_cases: case pages as files"),
    ("midtikulturen.render.calendar", "deadlines_calendar", "deadlines_calendar: frister.ics"),
    ("midtikulturen.render.case_page", "render_case", "render_case: case page"),
    ("midtikulturen.render.guide_page", "render_guide", "render_guide: guide page"),
    ("midtikulturen.houses.house_page", "render_house", "render_house: house page"),
    ("midtikulturen.plan.listings", "plan_pages", "plan_pages: listing and term pages"),
    ("midtikulturen.render.filters", "filter_data", "filter_data: cases/index.json"),
    ("midtikulturen.houses.opendata", "houses_csv", "houses_csv: data file"),
    ("midtikulturen.houses.opendata", "houses_json", "houses_json: data file"),
    ("midtikulturen.render.listings", "render_listing", "render_listing: listing pages"),
    ("midtikulturen.render.listings", "render_entries", "render_entries: term index pages"),
    ("midtikulturen.render.filters", "render_filter", "render_filter: the case filter"),
    ("midtikulturen.plan.term_sections", "term_sections", "term_sections: guides, houses on terms"),
    ("midtikulturen.render.blocks", "render_block", "render_block: listing blocks"),
    ("midtikulturen.render.guide_lists", "render_guides_page", "render_guides_page"),
    ("midtikulturen.houses.survey_page", "render_survey", "render_survey: survey page"),
    ("midtikulturen.feed.plan", "plan_feeds", "plan_feeds"),
    ("midtikulturen.feed.markup", "standalone_html", "standalone_html: feed item content"),
    ("midtikulturen.feed.items", "case_item", "case_item"),
    ("midtikulturen.feed.markup", "with_feed_links", "with_feed_links: <head> links"),
    ("midtikulturen.feed.feeds", "render_feeds", "render_feeds: feedgen RSS + Atom"),
    ("midtikulturen.feed.feeds", "FeedWriter.flush", "FeedWriter.flush: items to XML, spooled"),
    ("midtikulturen.feed.feeds", "FeedWriter.write", "FeedWriter.write: a feed from the spool"),
    ("midtikulturen.search.documents", "document", "document: a page's search document"),
    ("midtikulturen.search.indexer", "Staging.write", "Staging.write: the document to /dev/shm"),
    (
        "material.plugins.search.plugin",
        "SearchPlugin.on_page_context",
        "Material search: on_page_context (parses each page)",
    ),
    (
        "material.plugins.search.plugin",
        "SearchPlugin.on_post_build",
        "Material search: on_post_build (writes the index)",
    ),
    ("mkdocs.commands.build", "build", BUILD),
    ("mkdocs.commands.build", "get_navigation", "MkDocs: get_navigation"),
    ("mkdocs.commands.build", "_populate_page", "MkDocs: _populate_page (read + Markdown)"),
    ("mkdocs.commands.build", "_build_page", "MkDocs: _build_page (theme template + write)"),
]

# Issue #8's phases: label -> keys whose CPU time adds up to it (keys are never nested in
# each other within one phase).
PHASES: list[tuple[str, list[str], list[str]]] = [
    ("reading and validating", ["load_content: reading and validating"], []),
    ("taxonomy and related cases", ["build_catalog: taxonomy and related"], []),
    (
        "case, guide and house pages (rest of the collection plugin)",
        ["collection.*"],
        [
            "load_content: reading and validating",
            "build_catalog: taxonomy and related",
            "deadlines_calendar: frister.ics",
        ],
    ),
    (
        "listings (listing, term, pagination pages, blocks)",
        ["listing.*"],
        [
            "render_survey: survey page",
            "houses_csv: data file",
            "houses_json: data file",
            "filter_data: cases/index.json",
        ],
    ),
    ("survey", ["render_survey: survey page"], []),
    (
        "data files (CSV, JSON, filter data, calendar)",
        [
            "houses_csv: data file",
            "houses_json: data file",
            "filter_data: cases/index.json",
            "deadlines_calendar: frister.ics",
        ],
        [],
    ),
    ("feeds", ["feed.*"], []),
    ("site plugin (head tags, blocks)", ["site.*"], []),
]


def install_timers() -> list[str]:
    """Wrap plugin events and key functions; the names that no longer exist."""
    from importlib.metadata import entry_points

    import midtikulturen

    modules = [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(midtikulturen.__path__, "midtikulturen.")
        if not info.name.endswith("__main__")
    ]
    missing: list[str] = []
    for entry in entry_points(group="mkdocs.plugins"):
        if not entry.name.startswith("midtikulturen/"):
            continue
        cls = entry.load()
        short = entry.name.split("/", 1)[1]
        for name, method in list(vars(cls).items()):
            if name.startswith("on_") and callable(method):
                setattr(cls, name, timed(f"{short}.{name}", method))
    for module_name, name, label in FUNCTIONS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            missing.append(f"{module_name}.{name}")
            continue
        owner_name, _, attr = name.rpartition(".")
        owner = getattr(module, owner_name) if owner_name else module
        original = getattr(owner, attr, None)
        if original is None:
            missing.append(f"{module_name}.{name}")
            continue
        wrapped = timed(label, original)
        setattr(owner, attr, wrapped)
        if not owner_name:
            for other in modules:
                if getattr(other, attr, None) is original:
                    setattr(other, attr, wrapped)
    return missing


def build_once(config_file: Path, site_dir: Path) -> float:
    """Load the config and build once; the seconds load_config took."""
    from mkdocs.commands import build as build_module
    from mkdocs.config import load_config

    started = time.perf_counter()
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    loaded = time.perf_counter() - started
    build_module.build(config)
    return loaded


def _matches(key: str, patterns: list[str]) -> bool:
    return any(key == p or (p.endswith(".*") and key.startswith(p[:-1])) for p in patterns)


def report(loaded: float, n: int) -> None:
    """Print the tree of timed steps, then issue #8's phases."""
    total = TIMERS[BUILD]
    print(
        f"\nOne full build of {n} cases in this process: load_config {loaded:.2f} s, "
        f"build() {total.wall:.2f} s wall, {total.cpu:.2f} s CPU\n"
    )
    children: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for path in PATHS:
        if len(path) > 1:
            children.setdefault(path[:-1], []).append(path)
    header = (
        f"{'step (indented: called by the row above)':<84} {'calls':>6} {'wall s':>7} "
        f"{'CPU s':>7} {'share':>6}"
    )
    print(header)
    print("-" * len(header))

    def row(label: str, calls: int | str, wall: float, cpu: float, depth: int) -> None:
        print(
            f"{('  ' * depth + label)[:84]:<84} {calls!s:>6} {wall:7.2f} {cpu:7.2f} "
            f"{100 * cpu / total.cpu:5.1f}%"
        )

    def walk(path: tuple[str, ...], depth: int) -> None:
        timer = PATHS[path]
        row(path[-1], timer.calls, timer.wall, timer.cpu, depth)
        kids = sorted(children.get(path, []), key=lambda k: -PATHS[k].cpu)
        for kid in kids:
            if PATHS[kid].cpu >= MIN_SHARE * total.cpu:
                walk(kid, depth + 1)
        if kids:
            rest_wall = timer.wall - sum(PATHS[k].wall for k in kids)
            rest_cpu = timer.cpu - sum(PATHS[k].cpu for k in kids)
            folded = any(PATHS[k].cpu < MIN_SHARE * total.cpu for k in kids)
            label = REST.get(path[-1], "(rest)")
            row(
                label[:-1] + ", and rows under 0.1 %)" if folded else label,
                "",
                rest_wall,
                rest_cpu,
                depth + 1,
            )

    walk((BUILD,), 0)
    print("-" * len(header))
    ours = [k for k in TIMERS if "." in k and k.split(".")[1].startswith("on_") and TIMERS[k].calls]
    row(
        "our plugins: every event method together",
        "",
        sum(TIMERS[k].wall for k in ours),
        sum(TIMERS[k].cpu for k in ours),
        0,
    )
    print("\nIssue #8's phases (CPU seconds, share of build())")
    for label, keys, minus in PHASES:
        include = [k for k in TIMERS if _matches(k, keys) and TIMERS[k].calls]
        exclude = [k for k in TIMERS if _matches(k, minus) and TIMERS[k].calls]
        cpu = sum(TIMERS[k].cpu for k in include) - sum(TIMERS[k].cpu for k in exclude)
        print(f"  {label:<62} {cpu:7.2f} s {100 * cpu / total.cpu:5.1f}%")
    search = sum(
        TIMERS[k].cpu for k in TIMERS if k.startswith(("Material search", "FastSearchIndex.write"))
    )
    print(
        f"  {'Material search plugin (our sections and writer inside)':<62} {search:7.2f} s "
        f"{100 * search / total.cpu:5.1f}%"
    )


def profile(config_file: Path, site_dir: Path, top: int) -> None:
    """cProfile one build; the top functions by cumulative time, then ours."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    profiler = cProfile.Profile()
    profiler.enable()
    build(config)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats(top)
    print(out.getvalue())
    entries = stats.stats.items()  # type: ignore[attr-defined]
    ranked = sorted(entries, key=lambda kv: kv[1][3], reverse=True)
    ours_in_top = [
        (rank, key)
        for rank, (key, _) in enumerate(ranked[:top], start=1)
        if "midtikulturen" in key[0]
    ]
    print(
        f"Ours among the top {top} by cumulative time: "
        + ", ".join(
            f"#{rank} {key[0].split('midtikulturen/', 1)[-1]}:{key[1]} {key[2]}"
            for rank, key in ours_in_top
        )
    )
    ours = [(key, value) for key, value in ranked if "midtikulturen" in key[0]]
    print(f"\nOur functions by cumulative time (top {top}):")
    for (path, line, name), (_, calls, own, cumulative, _) in ours[:top]:
        short = path.split("midtikulturen/", 1)[-1]
        print(f"  {cumulative:7.2f} s cum {own:6.2f} s own {calls:8d} calls  {short}:{line} {name}")


def memory(config_file: Path, site_dir: Path, top: int) -> None:
    """tracemalloc over one build; what is allocated and still held when post_build starts."""
    import tracemalloc

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import PluginCollection

    held: list[tracemalloc.Snapshot] = []
    original = PluginCollection.on_post_build

    def on_post_build(self: PluginCollection, *, config: Any) -> Any:
        held.append(tracemalloc.take_snapshot())
        return original(self, config=config)

    PluginCollection.on_post_build = on_post_build  # type: ignore[method-assign]
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    tracemalloc.start(1)
    build(config)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    snapshot_ = held[0].filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
    total = sum(stat.size for stat in snapshot_.statistics("filename"))
    print(
        f"\ntracemalloc: peak {peak / 1e6:.1f} MB of Python allocations during build(); "
        f"{total / 1e6:.1f} MB held when post_build starts, by file:"
    )
    for stat in snapshot_.statistics("filename")[:top]:
        name = stat.traceback[0].filename.split("site-packages/")[-1].split("plugins/")[-1]
        print(f"  {stat.size / 1e6:8.1f} MB {stat.count:9d} blocks  {name}")
    print("by line:")
    for stat in snapshot_.statistics("lineno")[:top]:
        frame = stat.traceback[0]
        name = frame.filename.split("site-packages/")[-1].split("plugins/")[-1]
        print(f"  {stat.size / 1e6:8.1f} MB {stat.count:9d} blocks  {name}:{frame.lineno}")


def main(argv: list[str] | None = None) -> int:
    """Generate the site, time one build by phase (or profile it), print the breakdown."""
    parser = argparse.ArgumentParser(description="Time one full build by phase of our plugins.")
    parser.add_argument("--n", type=int, default=1000, help="number of cases (default 1000)")
    parser.add_argument("--seed", type=int, default=8)
    add_repo_option(parser)
    parser.add_argument(
        "--workdir",
        type=Path,
        help="keep the generated sources here (default: temporary); the built site goes to "
        "/dev/shm when there is room, and is removed",
    )
    parser.add_argument(
        "--profile",
        type=int,
        metavar="TOP",
        nargs="?",
        const=40,
        help="run cProfile instead and print the top TOP functions (40)",
    )
    parser.add_argument(
        "--memory",
        type=int,
        metavar="TOP",
        nargs="?",
        const=20,
        help="run tracemalloc instead: what the build holds when post_build "
        "starts, top TOP files and lines (20)",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="mik-phases-"))
    memory_folder = ram_folder("mik-phases-site-")
    out = memory_folder / "out" if memory_folder else work / "out"
    try:
        snap = snapshot(work / "repo", args.repo)
        sys.path.insert(0, str(snap / "plugins"))  # before anything imports midtikulturen
        print(
            f"Measuring {code_state(args.repo)}, load average "
            f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}"
        )
        corpus = make_corpus(args.n, args.seed, vocabulary_file=snap / "vocabularies.yml")
        config_file = write_full_site(corpus, work / "full", repo=snap)
        if args.profile:
            profile(config_file, out, args.profile)
        elif args.memory:
            memory(config_file, out, args.memory)
        else:
            missing = install_timers()
            if missing:
                print("not found (renamed or moved?): " + ", ".join(missing))
            import midtikulturen

            assert str(snap) in midtikulturen.__file__, midtikulturen.__file__
            report(build_once(config_file, out), n=args.n)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
        if memory_folder is not None:
            shutil.rmtree(memory_folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
