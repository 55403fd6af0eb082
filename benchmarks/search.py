"""Search on a slowed phone: Pagefind (the full site) against Material's lunr (the baseline).

Usage (from the repository root; builds both sites per N unless --sites gives built ones):

    NO_MKDOCS_2_WARNING=1 python3 benchmarks/search.py                 # N = 1000, 4000
    python3 benchmarks/search.py --sizes 1000 --runs 5 --query Viborg --query Erasmus+
    python3 benchmarks/search.py --sites /tmp/sites                     # n1000/full, ...

For each N, `corpus.py` writes the full site and the plain-Material baseline (as `run.py`
does); both are built and served from this machine by an HTTP server that gzips text as
GitHub Pages does. Debian's Chromium, driven by Playwright, then emulates a phone (360 x 740,
touch) with the Chrome DevTools Protocol: `Network.emulateNetworkConditions` at 1.6 Mbit/s
down, 750 kbit/s up and 150 ms latency, and `Emulation.setCPUThrottlingRate` 4x (which slows
the page's main thread only, not workers: Pagefind and lunr search in workers, so their
search time is understated). For each run, in a fresh browser context (empty cache):

1. open the front page and wait for its `load` event;
2. tap the header's search button at once, type the query, and time until the first result is
   in the list (`performance.now()` in the page, from the tap);
3. record every response's bytes on the wire (Playwright's `request.sizes()`, which also sees
   the requests of Pagefind's and lunr's workers, throttled alike) started before the tap and
   from the tap to the first result, the sitemap's bytes, and the main thread's long tasks
   (PerformanceObserver `longtask`, over 50 ms) in both phases.

Runs alternate between the two sites and the median of each figure is printed, per N and
query, with the ratio baseline/full for the time to the first result.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import (  # noqa: E402
    REPO,
    code_state,
    make_corpus,
    snapshot,
    write_baseline_site,
    write_full_site,
)

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
NETWORK = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1_600_000 / 8,
    "uploadThroughput": 750_000 / 8,
}
CPU_SLOWDOWN = 4
TIMEOUT_MS = 180_000
COMPRESSED = {".html", ".js", ".css", ".json", ".xml", ".svg", ".txt", ".map"}
SEARCH_PARTS = ("/pagefind/", "search_index", "/workers/", "/lunr/", "search.js", "search.css")
SITES = {"full": "Pagefind (full site)", "baseline": "Material lunr (baseline)"}
RESULT = {"full": ".mik-search-hit__link", "baseline": ".md-search-result__item"}

LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
}).observe({type: "longtask", buffered: true});
"""
WAIT_FOR_RESULT = """selector => new Promise(resolve => {
  const start = window.__tap;
  const done = () => resolve(performance.now() - start);
  if (document.querySelector(selector)) return done();
  new MutationObserver((_, observer) => {
    if (document.querySelector(selector)) { observer.disconnect(); done(); }
  }).observe(document.body, {childList: true, subtree: true});
})"""


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves a site as GitHub Pages does: text gzipped for clients that accept it."""

    cache: dict[Path, bytes] = {}

    def log_message(self, format: str, *args: Any) -> None:
        """Log nothing."""

    def send_head(self) -> Any:  # noqa: D102 - SimpleHTTPRequestHandler's hook
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            path.suffix not in COMPRESSED
            or not path.is_file()
            or "gzip" not in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        body = self.cache.get(path)
        if body is None:
            body = self.cache[path] = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve root with gzip on a free local port; yield its base URL."""
    handler = partial(GzipHandler, directory=str(root))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}/"
        finally:
            server.shutdown()


@dataclass
class Run:
    """One reader's first search on one site."""

    seconds: float
    load_bytes: int
    search_bytes: int
    sitemap_bytes: int
    load_long_ms: float
    search_long_ms: float
    search_long_count: int
    index_bytes: int  # of the search-related responses, over both phases


@dataclass
class Figures:
    """Runs of one site, N and query."""

    runs: list[Run] = field(default_factory=list)

    def median(self, name: str) -> float:
        return statistics.median(getattr(r, name) for r in self.runs)


def measure_once(browser: Any, base_url: str, kind: str, query: str) -> Run:
    """Open the front page on a slowed phone, search at once, and measure."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.add_init_script(LONG_TASKS)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    started: dict[Any, str] = {}
    received: list[tuple[str, int, str]] = []
    phase = ["load"]
    page.on("request", lambda r: started.__setitem__(r, phase[0]))
    page.on(
        "requestfinished",
        lambda r: received.append((r.url, _wire_bytes(r), started.get(r, phase[0]))),
    )
    page.goto(base_url, wait_until="load")
    phase[0] = "search"
    load_tasks = page.evaluate("window.__longTasks.length")
    page.evaluate("window.__tap = performance.now()")
    page.locator('label.md-header__button[for="__search"]').click()
    field_ = page.locator("input.md-search__input")
    field_.fill(query)
    field_.press("End")  # Material searches on keyup
    seconds = page.evaluate(WAIT_FOR_RESULT, RESULT[kind]) / 1000
    tasks = page.evaluate("window.__longTasks")
    phase[0] = "after"
    context.close()
    load_long = sum(d for _, d in tasks[:load_tasks])
    search_long = [d for _, d in tasks[load_tasks:]]
    return Run(
        seconds=seconds,
        load_bytes=sum(n for _, n, p in received if p == "load"),
        search_bytes=sum(n for _, n, p in received if p == "search"),
        sitemap_bytes=sum(n for u, n, p in received if u.endswith("sitemap.xml") and p != "after"),
        load_long_ms=load_long,
        search_long_ms=sum(search_long),
        search_long_count=len(search_long),
        index_bytes=sum(
            n for u, n, p in received if p != "after" and any(part in u for part in SEARCH_PARTS)
        ),
    )


def _wire_bytes(request: Any) -> int:
    """A response's size on the wire: headers and encoded body (workers' requests too)."""
    sizes = request.sizes()
    return int(sizes["responseHeadersSize"]) + max(0, int(sizes["responseBodySize"]))


def build_sites(n: int, seed: int, folder: Path, snap: Path) -> dict[str, Path]:
    """Write and build the full site and the baseline for n cases; their output folders."""
    corpus = make_corpus(n, seed, vocabulary_file=snap / "vocabularies.yml")
    configs = {
        "full": write_full_site(corpus, folder / "full", repo=snap),
        "baseline": write_baseline_site(corpus, folder / "baseline", repo=snap),
    }
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": os.pathsep.join(
            p for p in (str(snap / "plugins"), os.environ.get("PYTHONPATH")) if p
        ),
    }
    out = {}
    for name, config in configs.items():
        out[name] = folder / f"out-{name}"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "-q",
                "-f",
                str(config),
                "-d",
                str(out[name]),
            ],
            env=env,
            check=True,
        )
    return out


def main(argv: list[str] | None = None) -> int:
    """Build or take the sites, measure each search, print the medians."""
    parser = argparse.ArgumentParser(description="Search on a slowed phone (issue #17).")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000])
    parser.add_argument("--runs", type=int, default=3, help="runs per site (default 3)")
    parser.add_argument("--query", action="append", help="query typed (default: Viborg)")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--repo", type=Path, default=REPO)
    parser.add_argument(
        "--sites",
        type=Path,
        help="built sites: <dir>/n<N>/out-full and out-baseline (skips building)",
    )
    parser.add_argument("--workdir", type=Path, help="keep the built sites here")
    args = parser.parse_args(argv)
    queries = args.query or ["Viborg"]
    from playwright.sync_api import sync_playwright

    work = args.workdir or Path(tempfile.mkdtemp(prefix="mik-search-"))
    results: dict[tuple[int, str, str], Figures] = {}
    try:
        snap = None if args.sites else snapshot(work / "repo", args.repo)
        print(
            f"Measuring {code_state(args.repo)}; phone: 360x740, CPU {CPU_SLOWDOWN}x, "
            f"1.6 Mbit/s, 150 ms; load average "
            f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}",
            flush=True,
        )
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for n in args.sizes:
                if args.sites:
                    sites = {k: args.sites / f"n{n}" / f"out-{k}" for k in SITES}
                else:
                    assert snap is not None
                    sites = build_sites(n, args.seed, work / f"n{n}", snap)
                with serve(sites["full"]) as full_url, serve(sites["baseline"]) as base_url:
                    bases = {"full": full_url, "baseline": base_url}
                    for query in queries:
                        for run in range(args.runs):
                            for kind in SITES:
                                measured = measure_once(browser, bases[kind], kind, query)
                                results.setdefault((n, query, kind), Figures()).runs.append(
                                    measured
                                )
                                print(
                                    f"  N={n} {query!r} {kind:<8} run {run + 1}: "
                                    f"{measured.seconds:6.2f} s to the first result, "
                                    f"{measured.search_bytes / 1e3:8.1f} KB after the tap",
                                    flush=True,
                                )
            browser.close()
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    print("\nMedians (KB on the wire, gzip; long tasks on the main thread, CPU 4x)")
    header = (
        f"{'N':>5} {'query':<10} {'site':<26} {'first result s':>14} "
        f"{'page load KB':>12} {'of it sitemap':>13} {'after tap KB':>12} "
        f"{'search KB':>10} {'long tasks load ms':>18} {'after tap ms (n)':>17}"
    )
    print(header)
    print("-" * len(header))
    for (n, query, kind), figures in results.items():
        print(
            f"{n:>5} {query:<10} {SITES[kind]:<26} {figures.median('seconds'):14.2f} "
            f"{figures.median('load_bytes') / 1e3:12.1f} "
            f"{figures.median('sitemap_bytes') / 1e3:13.1f} "
            f"{figures.median('search_bytes') / 1e3:12.1f} "
            f"{figures.median('index_bytes') / 1e3:10.1f} "
            f"{figures.median('load_long_ms'):18.0f} "
            f"{figures.median('search_long_ms'):11.0f} ({figures.median('search_long_count'):.0f})"
        )
    for n in args.sizes:
        for query in queries:
            full, base = results.get((n, query, "full")), results.get((n, query, "baseline"))
            if full and base:
                print(
                    f"N={n} {query!r}: time to first result baseline/full "
                    f"{base.median('seconds') / full.median('seconds'):.1f}x"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
