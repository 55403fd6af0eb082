"""Lighthouse on a phone for every kind of page: performance, accessibility, best practices, SEO.

Usage (from the repository root; needs `npm ci --prefix tools/validators` and Debian's
Chromium at /usr/bin/chromium):

    NO_MKDOCS_2_WARNING=1 python3 benchmarks/lighthouse.py               # one run per page
    python3 benchmarks/lighthouse.py --runs 3 --json /tmp/lighthouse.json   # median of 3

The repository's site is built the way the browser tests build it (`tests/browser/
repository.py`: a copy in which the case Global Roots shows a generated 3000 × 2000 picture)
with `site_url` set to the local address it is then served at, so canonical links, the
sitemap and instant navigation behave as on the real host. The server gzips text, as GitHub
Pages does. Lighthouse 12 (pinned in tools/validators) runs Chromium headless with its default
mobile settings (a mid-range phone, simulated slow 4G, 4× slower CPU) on each page in turn,
and the scores of the four categories are printed per page (the median of the runs), with the
audits that cost points.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from tests.browser.repository import build_site  # noqa: E402
from tests.browser.server import QuietHandler, free_port  # noqa: E402

LIGHTHOUSE = REPO / "tools" / "validators" / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {
    "front page": "",
    "all cases": "cases/",
    "a case with a picture": "cases/global-roots/",
    "a term": "kommuner/viborg/",
    "guides": "guides/",
    "a guide": "guides/creative-europe-samarbejdsprojekter/",
    "the survey": "kulturhuse/",
    "a culture house": "kulturhuse/station-k/",
    "the editors' guide": "redaktoer/",
    "events": "arrangementer/",
    "an event": "arrangementer/kulturforum-2021/",
    "the podcast": "podcast/",
}
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}


class GzipHandler(QuietHandler):
    """Serves text gzipped when the browser accepts it, as GitHub Pages does."""

    def send_head(self) -> Any:
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's own address
            target = target / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and target.suffix in COMPRESSED and target.is_file()):
            return super().send_head()
        body = gzip.compress(target.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(root: Path, port: int) -> Iterator[str]:
    """Serve root gzipped at http://127.0.0.1:port/ in a thread."""
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(GzipHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        thread.join()


def lighthouse(url: str, out: Path) -> dict[str, Any]:
    """Lighthouse's report on url (mobile, its default throttling)."""
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run "
        "--disable-background-networking --disable-component-update --disable-sync",
    ]
    subprocess.run(
        command,
        check=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        timeout=300,
    )
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report


def scores(report: dict[str, Any]) -> dict[str, int]:
    """The four category scores, 0–100."""
    return {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}


def failing(report: dict[str, Any]) -> list[str]:
    """The audits that cost points in the four categories, with what they measured."""
    found = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                shown = audit.get("displayValue", "")
                found.append(f"{name}: {ref['id']} {audit['score']:.2f} {shown}".rstrip())
    return found


def metrics(report: dict[str, Any]) -> dict[str, float]:
    """First and largest contentful paint, blocking time (ms), layout shift, bytes (KB)."""
    audits = report["audits"]
    return {
        "FCP ms": audits["first-contentful-paint"]["numericValue"],
        "LCP ms": audits["largest-contentful-paint"]["numericValue"],
        "TBT ms": audits["total-blocking-time"]["numericValue"],
        "CLS": audits["cumulative-layout-shift"]["numericValue"],
        "KB": audits["total-byte-weight"]["numericValue"] / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    """Build, serve, run Lighthouse on each page, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per page (median)")
    parser.add_argument("--json", type=Path, help="also write every score to this file")
    parser.add_argument("--pages", nargs="+", help="only these paths, e.g. cases/")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        sys.exit(f"{LIGHTHOUSE} is missing: run `npm ci --prefix tools/validators`")
    pages = {k: v for k, v in PAGES.items() if not args.pages or v in args.pages}
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="mik-lighthouse-") as work:
        port = free_port()
        site = Path(work) / "site"
        build_site(site, site_url=f"http://127.0.0.1:{port}/")
        with serve(site, port) as base:
            for label, path in pages.items():
                runs = [
                    lighthouse(base + path, Path(work) / f"report-{i}.json")
                    for i in range(args.runs)
                ]
                table = [scores(r) for r in runs]
                median = {c: statistics.median(t[c] for t in table) for c in CATEGORIES}
                middle = runs[
                    sorted(range(len(runs)), key=lambda i: table[i]["performance"])[len(runs) // 2]
                ]
                results[label] = {
                    "path": path,
                    "scores": median,
                    "runs": table,
                    "metrics": metrics(middle),
                    "failing": failing(middle),
                }
                shown = " ".join(f"{median[c]:>4g}" for c in CATEGORIES)
                figures = " ".join(
                    f"{k} {v:.0f}" if k != "CLS" else f"{k} {v:.3f}"
                    for k, v in metrics(middle).items()
                )
                print(f"{label:<22} /{path:<46} {shown}   {figures}", flush=True)
                for line in failing(middle):
                    print(f"{'':<24}{line}")
    print(f"\ncolumns: {', '.join(CATEGORIES)} (median of {args.runs} run(s) per page)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
