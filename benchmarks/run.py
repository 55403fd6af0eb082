"""Build cost of the project's plugins against plain Material, scaling, `check` and memory.

Usage (from the repository root; takes the repository's mkdocs.yml, vocabularies.yml and docs/
as they are, so run it on the code you want to measure):

    NO_MKDOCS_2_WARNING=1 python3 benchmarks/run.py --quick      # N = 50, 200; 2 runs; < 3 min
    NO_MKDOCS_2_WARNING=1 python3 benchmarks/run.py              # N = 250, 1000, 4000; 3 runs
    python3 benchmarks/run.py --sizes 1000 --repeats 5 --json /tmp/bench.json
    python3 benchmarks/run.py --sizes 250 1000 --default-nav     # also show the quadratic nav
    git worktree add /tmp/before HEAD~5
    python3 benchmarks/run.py --sizes 1000 --against /tmp/before # this code beside earlier code

First the repository's mkdocs.yml, vocabularies.yml, docs/ and our package are copied
(`corpus.snapshot`) and every measured process imports `midtikulturen` from that copy
(PYTHONPATH), so a run measures one state of the code even while someone edits the
repository; the commit and the number of uncommitted changes are printed.

For each N, `corpus.py` writes N generated cases (with N/50 guides and N/20 houses) into a
temporary copy of the site, and the same bodies as ordinary pages into a plain-Material
baseline. Then each configuration runs as a whole process, alternating
full, baseline, check, cold check, first check, full, ... so that a slow patch of a noisy
machine hits
all of them alike; the median of the runs is reported:

1. full: `python3 -m mkdocs build -q -f full/mkdocs.yml -d <out>`, all project plugins, with
   the pictures' renditions in the cache (an unmeasured first build, timed and printed apart as
   "full, pictures not cached", makes them: one case in ten has a 3000 x 2000 JPEG);
2. baseline: the same command on the baseline (Material, same theme, search and Markdown
   settings; no project plugins; cases kept out of the sidebar with `nav:` + `not_in_nav:`);
3. check: `python3 -m midtikulturen --config full/mkdocs.yml check` (validation only), warm:
   one unmeasured run first fills its cache (in the user's cache folder), so unchanged files are
   not read again, as on an editor's machine or in the pre-commit hook; `check --no-cache`,
   cold, every file read and validated; and `check` with its cache removed first, as on a fresh
   clone in CI: every file
   read, validated and written to the cache (`check` shares a cold run's cases among one
   process per core, so its CPU time exceeds its wall time);
4. (with `--default-nav`, N <= 1000 only) the baseline with MkDocs' default navigation, which
   lists every page in every page's sidebar: the quadratic build the project avoids;
5. (with `--against DIR`) the full build of the same corpus with the code and settings of
   another checkout, such as a `git worktree` of an earlier commit, in the same alternation:
   "full/against" says whether a change made the build slower, on one noisy machine at once.

The built sites go to a folder in memory (/dev/shm) when there is one (`--output-dir`
chooses another). On ext4, a build that writes thousands of files a few seconds after the last
build deleted thousands (MkDocs empties the site folder first) pays for it: new inodes are
allocated past every inode freed in the last minute (`recently_deleted` in the kernel's
profile), system time that grew from 1 to 5 s across identical 1,000-case builds and that
grows with the number of files, so it punished the configuration with more files (ours: the
search index's fragments, the feeds, `/admin/`). A publishing build on CI writes once into an
empty folder and pays none of it. Measured side by side in session 9: full/baseline 1.67-1.97
on ext4, 1.49 in memory.

Time is wall-clock time from spawning the process to reaping it. Peak memory is the child's
own `ru_maxrss`, read from the rusage that `os.wait4` returns for that one process (the
per-process figure that a wrapper printing `getrusage(RUSAGE_CHILDREN)` or `/usr/bin/time -v`
would give; `RUSAGE_CHILDREN` deltas in this process would only give the maximum so far).
After the runs, the sizes of the two built sites are measured: search/search_index.json bytes
per case, the whole site, and the average HTML page (flat across N when no page lists all the
others).

It prints a table per N, the ratios full/baseline, check/full, time(4N)/time(N), memory
full/baseline, and PASS/MISS for the targets of issue #8: full <= 1.5 x baseline at N = 1000;
time(4000)/time(1000) <= 4.2 for the full build; check at 4000 >= 50 x faster than the full
build; peak memory full/baseline <= 1.3 at 4000. With --quick the targets are evaluated at the
sizes measured (and marked so).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import (  # noqa: E402
    add_repo_option,
    code_state,
    make_corpus,
    ram_folder,
    snapshot,
    write_baseline_site,
    write_full_site,
)

FULL, BASELINE, DEFAULT_NAV = "full", "baseline", "baseline, default nav"
CHECK, COLD_CHECK, FIRST_CHECK = "check", "check --no-cache", "check, no cache yet"
FIRST_FULL = "full, pictures not cached"
AGAINST = "full, other checkout"
OUT = {  # the folder each site-building configuration writes
    FULL: "out-full",
    BASELINE: "out-baseline",
    DEFAULT_NAV: "out-default-nav",
    AGAINST: "out-against",
}


@dataclass
class Run:
    """One process: wall time and CPU time (user + system) in seconds, peak RSS in MB."""

    seconds: float
    peak_mb: float
    cpu: float


@dataclass
class Measured:
    """Runs of one configuration at one N, and the size of what it built."""

    runs: list[Run] = field(default_factory=list)
    site_bytes: int = 0  # sizes stay 0 for `check`, which builds nothing
    index_bytes: int = 0
    html_pages: int = 0
    html_bytes: int = 0

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return statistics.median(r.peak_mb for r in self.runs)


def child_env(snap: Path) -> dict[str, str]:
    """The environment of every measured process: the snapshot's package comes first, and
    `check` keeps its cache in a folder of the benchmark's own."""
    path = os.pathsep.join(p for p in (str(snap / "plugins"), os.environ.get("PYTHONPATH")) if p)
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": path,
        "XDG_CACHE_HOME": str(user_cache(snap).parent),
    }


def user_cache(snap: Path) -> Path:
    """Where `check` keeps its verdicts during the benchmark."""
    return snap.parent / "user-cache" / "midtikulturen"


def check_snapshot(snap: Path) -> None:
    """Stop unless the processes import midtikulturen from the snapshot."""
    probe = "import midtikulturen; print(midtikulturen.__file__)"
    found = subprocess.run(
        [sys.executable, "-c", probe], env=child_env(snap), capture_output=True, text=True
    ).stdout.strip()
    if not found.startswith(str(snap)):
        sys.exit(f"midtikulturen is imported from {found}, not from the snapshot {snap}")


def run_process(command: list[str], log: Path, env: dict[str, str]) -> Run:
    """Run command as its own process; its wall time and its own peak RSS."""
    with log.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(
            f"{' '.join(command)} failed ({process.returncode}):\n"
            + log.read_text(encoding="utf-8", errors="replace")[-4000:]
        )
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)  # maxrss: KB


def site_sizes(site: Path, n: int, measured: Measured) -> None:
    """Record the size of the built site, its search index and its HTML pages."""
    files = [p for p in site.rglob("*") if p.is_file()]
    html = [p for p in files if p.suffix == ".html"]
    measured.site_bytes = sum(p.stat().st_size for p in files)
    # Material's one JSON file, or Pagefind's folder (a phone fetches only some of its chunks).
    index = site / "search" / "search_index.json"
    pagefind = [p for p in files if p.is_relative_to(site / "pagefind")]
    measured.index_bytes = (
        index.stat().st_size if index.is_file() else sum(p.stat().st_size for p in pagefind)
    )
    measured.html_pages = len(html)
    measured.html_bytes = sum(p.stat().st_size for p in html)


def default_nav_config(baseline_config: Path) -> Path:
    """The baseline's mkdocs.yml without `nav:` and `not_in_nav:`: MkDocs' default sidebar."""
    text = baseline_config.read_text(encoding="utf-8")
    lines, skip = [], False
    for line in text.splitlines():
        if line.startswith(("nav:", "not_in_nav:")):
            skip = True
            continue
        if skip and (line.startswith((" ", "-")) or not line.strip()):
            continue
        skip = False
        lines.append(line)
    path = baseline_config.with_name("mkdocs-default-nav.yml")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def measure(
    n: int,
    repeats: int,
    seed: int,
    work: Path,
    snap: Path,
    default_nav: bool,
    against: Path | None = None,
    outputs: Path | None = None,
) -> dict[str, Measured]:
    """Generate the corpus for n, run the configurations alternately, measure the sites;
    the built sites go under outputs (default: the corpus' folder)."""
    folder = work / f"n{n}"
    built = (outputs or work) / f"n{n}"
    corpus = make_corpus(n, seed, vocabulary_file=snap / "vocabularies.yml")
    full_cfg = write_full_site(corpus, folder / "full", repo=snap)
    base_cfg = write_baseline_site(corpus, folder / "baseline", repo=snap)
    print(
        f"\nN = {n}: {len(corpus.cases)} cases ({corpus.words // len(corpus.cases)} words on "
        f"average), {len(corpus.guides)} guides, {len(corpus.houses)} houses; "
        f"{repeats} runs of each, alternating",
        flush=True,
    )
    python = sys.executable

    def mkdocs_build(config: Path, name: str) -> list[str]:
        return [
            python,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            str(config),
            "-d",
            str(built / OUT[name]),
        ]

    commands = {
        FULL: mkdocs_build(full_cfg, FULL),
        BASELINE: mkdocs_build(base_cfg, BASELINE),
        CHECK: [python, "-m", "midtikulturen", "--config", str(full_cfg), "check"],
        COLD_CHECK: [
            python,
            "-m",
            "midtikulturen",
            "--config",
            str(full_cfg),
            "check",
            "--no-cache",
        ],
        FIRST_CHECK: [python, "-m", "midtikulturen", "--config", str(full_cfg), "check"],
    }
    if against:
        other_cfg = write_full_site(corpus, folder / "against", repo=against)
        commands[AGAINST] = mkdocs_build(other_cfg, AGAINST)
        # The other code's renditions are made unmeasured, as this code's are below.
        run_process(commands[AGAINST], folder / "against-first.log", child_env(against))
    run_process(commands[CHECK], folder / "check-warm-up.log", child_env(snap))  # fills the cache
    shutil.rmtree(user_cache(snap) / "images", ignore_errors=True)
    first = run_process(commands[FULL], folder / "full-first.log", child_env(snap))
    print(
        f"  first full build, every picture made: {first.seconds:7.2f} s "
        f"(CPU {first.cpu:6.2f} s) {first.peak_mb:7.1f} MB; the runs below reuse them",
        flush=True,
    )
    if default_nav:
        commands[DEFAULT_NAV] = mkdocs_build(default_nav_config(base_cfg), DEFAULT_NAV)
    results = {name: Measured() for name in commands}
    envs = {name: child_env(against if name == AGAINST and against else snap) for name in commands}
    for repeat in range(repeats):
        for name, command in commands.items():
            if name == FIRST_CHECK:  # check's verdicts only; the pictures stay cached
                for verdicts in user_cache(snap).glob("check-*.json"):
                    verdicts.unlink()
            log = folder / f"{name.replace(' ', '_').replace(',', '')}.log"
            run = run_process(command, log, envs[name])
            results[name].runs.append(run)
            print(
                f"  run {repeat + 1}/{repeats} {name:<22} {run.seconds:7.2f} s "
                f"(CPU {run.cpu:6.2f} s) {run.peak_mb:7.1f} MB",
                flush=True,
            )
    for name, out in OUT.items():
        if name in results:
            site_sizes(built / out, n, results[name])
    results[FIRST_FULL] = Measured([first])
    return results


def print_table(n: int, results: dict[str, Measured]) -> None:
    """One table for one N."""
    print(f"\nResults for N = {n} (median of {len(results[FULL].runs)} runs)")
    header = (
        f"{'configuration':<22} {'time s':>7} {'runs s':<23} {'CPU s':>7} {'peak MB':>8} "
        f"{'site MB':>8} {'pages':>6} {'KB/page':>8} {'index B/case':>13}"
    )
    print(header)
    print("-" * len(header))
    for name, m in results.items():
        runs = " ".join(f"{r.seconds:.2f}" for r in m.runs)
        sizes = (
            ""
            if not m.site_bytes
            else f" {m.site_bytes / 1e6:8.1f} {m.html_pages:6d} "
            f"{m.html_bytes / 1e3 / max(1, m.html_pages):8.1f} "
            f"{m.index_bytes / n:13.0f}"
        )
        print(f"{name:<22} {m.seconds:7.2f} {runs:<23} {m.cpu:7.2f} {m.peak_mb:8.1f}{sizes}")
    full, base, check = results[FULL], results[BASELINE], results[CHECK]
    cold, first = results[COLD_CHECK], results[FIRST_CHECK]
    print(
        f"ratios: full/baseline time {full.seconds / base.seconds:.2f} "
        f"(CPU {full.cpu / base.cpu:.2f}); "
        f"check/full {check.seconds / full.seconds:.3f} "
        f"(check {full.seconds / check.seconds:.1f}x faster; CPU {full.cpu / check.cpu:.1f}x; "
        f"cold {full.seconds / cold.seconds:.1f}x, first {full.seconds / first.seconds:.1f}x); "
        f"peak memory full/baseline {full.peak_mb / base.peak_mb:.2f}; "
        f"search index full/baseline {full.index_bytes / max(1, base.index_bytes):.2f}; "
        f"site full/baseline {full.site_bytes / max(1, base.site_bytes):.2f}"
    )
    if FIRST_FULL in results:
        made = results[FIRST_FULL]
        print(
            f"first build, pictures made: {made.seconds:.2f} s = "
            f"{made.seconds / base.seconds:.2f} x baseline, {made.seconds - full.seconds:+.1f} s "
            f"over a rebuild with them cached (CPU {made.cpu - full.cpu:+.1f} s)"
        )
    if AGAINST in results:
        other = results[AGAINST]
        print(
            f"this code / the other checkout, full build: time {full.seconds / other.seconds:.2f} "
            f"(CPU {full.cpu / other.cpu:.2f}), peak memory {full.peak_mb / other.peak_mb:.2f}"
        )
    if DEFAULT_NAV in results:
        d = results[DEFAULT_NAV]
        print(
            f"default nav / baseline: time {d.seconds / base.seconds:.2f}, "
            f"site {d.site_bytes / max(1, base.site_bytes):.2f}"
        )


def evaluate(all_results: dict[int, dict[str, Measured]], quick: bool) -> list[tuple[str, bool]]:
    """PASS/MISS for the issue's targets, at the sizes the targets name when measured."""
    sizes = sorted(all_results)
    mid = 1000 if 1000 in sizes else sizes[-1]
    big = 4000 if 4000 in sizes else sizes[-1]

    def note(at: int, wanted: int) -> str:
        return "" if at == wanted else f" [measured at N={at}, target at {wanted}]"

    lines: list[tuple[str, bool]] = []
    at = all_results[mid]
    full_base = at[FULL].seconds / at[BASELINE].seconds
    lines.append(
        (
            f"full build (pictures cached) <= 1.5 x baseline at N=1000: {full_base:.2f} "
            f"(CPU time {at[FULL].cpu / at[BASELINE].cpu:.2f}){note(mid, 1000)}",
            full_base <= 1.5,
        )
    )
    low = big // 4 if big // 4 in sizes else (sizes[-2] if len(sizes) > 1 else None)
    if low:
        growth = all_results[big][FULL].seconds / all_results[low][FULL].seconds
        cpu_growth = all_results[big][FULL].cpu / all_results[low][FULL].cpu
        lines.append(
            (
                f"time({big})/time({low}) <= 4.2 for the full build "
                f"({big // low}x the cases): {growth:.2f} (CPU time {cpu_growth:.2f})"
                f"{'' if (low, big) == (1000, 4000) else ' [target: 1000 -> 4000]'}",
                growth <= 4.2 * (big / low) / 4,
            )
        )
    for name, what in (
        (CHECK, "unchanged files cached"),
        (COLD_CHECK, "cold, every file read"),
        (FIRST_CHECK, "cold, filling the cache"),
    ):
        speed = all_results[big][FULL].seconds / all_results[big][name].seconds
        cpu_speed = all_results[big][FULL].cpu / all_results[big][name].cpu
        lines.append(
            (
                f"{name} ({what}) >= 50 x faster than the full build at N=4000: "
                f"{speed:.1f}x (CPU time {cpu_speed:.1f}x){note(big, 4000)}",
                speed >= 50,
            )
        )
    check_seconds = all_results[big][CHECK].seconds
    lines.append(
        (
            f"check (unchanged files cached) under 1 s at N=4000: {check_seconds:.2f} s"
            f"{note(big, 4000)}",
            check_seconds < 1,
        )
    )
    memory = all_results[big][FULL].peak_mb / all_results[big][BASELINE].peak_mb
    lines.append(
        (
            f"peak memory full/baseline <= 1.3 at N=4000: {memory:.2f} "
            f"({all_results[big][FULL].peak_mb:.0f} MB / "
            f"{all_results[big][BASELINE].peak_mb:.0f} MB){note(big, 4000)}",
            memory <= 1.3,
        )
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    """Measure, print the tables, ratios and targets."""
    parser = argparse.ArgumentParser(
        description="Benchmark the full build against plain Material (issue #8)."
    )
    parser.add_argument("--quick", action="store_true", help="N = 50, 200 and 2 runs each")
    parser.add_argument(
        "--sizes", type=int, nargs="+", help="numbers of cases (default 250 1000 4000)"
    )
    parser.add_argument("--repeats", type=int, help="runs per configuration (default 3)")
    parser.add_argument("--seed", type=int, default=8, help="corpus seed (default 8)")
    add_repo_option(parser)
    parser.add_argument(
        "--default-nav",
        action="store_true",
        help="also build the baseline with MkDocs' default sidebar (N <= 1000)",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        help="keep the sites here (default: a temporary folder, removed afterwards)",
    )
    parser.add_argument(
        "--against",
        type=Path,
        help="also build with this checkout's code (e.g. a worktree of an earlier commit)",
    )
    parser.add_argument(
        "--output-dir",
        type=Path,
        help="where the built sites go (default: a folder in /dev/shm when there is one, else "
        "beside the corpus); see the module's docstring",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([50, 200] if args.quick else [250, 1000, 4000])
    repeats = args.repeats or (2 if args.quick else 3)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="mik-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    outputs = args.output_dir or ram_folder("mik-bench-sites-")
    started = time.perf_counter()
    all_results: dict[int, dict[str, Measured]] = {}
    try:
        snap = snapshot(work / "repo", args.repo)
        check_snapshot(snap)
        other = None
        if args.against:
            other = snapshot(work / "against" / "repo", args.against)
            check_snapshot(other)
            print(f"Against {code_state(args.against)} (snapshot in {other})")
        print(
            f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
            f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}; sources in {work}, "
            f"built sites in {outputs or work}\n"
            f"Measuring {code_state(args.repo)} (snapshot in {snap})"
        )
        for n in sizes:
            all_results[n] = measure(
                n, repeats, args.seed, work, snap, args.default_nav and n <= 1000, other, outputs
            )
            print_table(n, all_results[n])
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
        if outputs is not None and args.output_dir is None:
            shutil.rmtree(outputs, ignore_errors=True)
    print("\nSummary (median wall seconds, CPU seconds in brackets; peak MB)")
    print(
        f"{'N':>6} {'full':>16} {'baseline':>16} {'check':>14} {'check cold':>14} "
        f"{'check first':>14} "
        f"{'full/base':>10} {'check/full':>11} {'mem full':>9} {'mem base':>9} "
        f"{'mem ratio':>10}"
    )
    for n, r in all_results.items():
        print(
            f"{n:>6} {r[FULL].seconds:7.2f} ({r[FULL].cpu:6.2f}) "
            f"{r[BASELINE].seconds:7.2f} ({r[BASELINE].cpu:6.2f}) "
            f"{r[CHECK].seconds:6.2f} ({r[CHECK].cpu:5.2f}) "
            f"{r[COLD_CHECK].seconds:6.2f} ({r[COLD_CHECK].cpu:5.2f}) "
            f"{r[FIRST_CHECK].seconds:6.2f} ({r[FIRST_CHECK].cpu:5.2f}) "
            f"{r[FULL].seconds / r[BASELINE].seconds:10.2f} "
            f"{r[CHECK].seconds / r[FULL].seconds:11.3f} {r[FULL].peak_mb:9.1f} "
            f"{r[BASELINE].peak_mb:9.1f} {r[FULL].peak_mb / r[BASELINE].peak_mb:10.2f}"
        )
    for low in sizes:
        for high in sizes:
            if high == 4 * low:
                for name in (FULL, BASELINE):
                    hi, lo = all_results[high][name], all_results[low][name]
                    print(
                        f"time({high})/time({low}) {name}: {hi.seconds / lo.seconds:.2f} "
                        f"(CPU {hi.cpu / lo.cpu:.2f})"
                    )
    print(
        "\nTargets (issues #8 and #19, and the developers' guide)"
        + (" — quick mode, small N: indicative only" if args.quick else "")
    )
    for text, ok in evaluate(all_results, args.quick):
        print(f"  {'PASS' if ok else 'MISS'}  {text}")
    print(
        f"\n(total {time.perf_counter() - started:.0f} s; load average now "
        f"{' '.join(f'{x:.1f}' for x in os.getloadavg())})"
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    str(n): {name: asdict(m) for name, m in r.items()}
                    for n, r in all_results.items()
                },
                indent=2,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
