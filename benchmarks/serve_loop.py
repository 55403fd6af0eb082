"""The editor's loop: time from saving a case to the rebuilt page under `mkdocs serve`.

Usage (from the repository root):

    NO_MKDOCS_2_WARNING=1 python3 benchmarks/serve_loop.py            # 1,000 cases, 3 edits
    python3 benchmarks/serve_loop.py --n 4000 --edits 5
    python3 benchmarks/serve_loop.py --dirty         # `serve --dirty --no-strict` (MkDocs
                                                     # warns on dirty builds, strict aborts)

Generates the N-case site of `corpus.py` in a temporary folder and starts
`python3 -m mkdocs serve --dev-addr 127.0.0.1:<free port>` on it (live reload on, MkDocs'
default, which is also what makes our plugin watch `cases/`), with `TMPDIR` in /dev/shm when
there is room, so the folder MkDocs builds into and serves from is in memory
(`corpus.ram_folder`). When the first case's page is served, it appends a sentence with a
unique token to one case file at a time and polls that case's page over HTTP every 50 ms
until the token is in it. The time from the write to the
first response containing it is one edit; the median of the edits is printed, with the
rebuild times MkDocs logged ("Documentation built in ...") so the rest is visible: the
watcher's polling (0.5 s), MkDocs' 0.1 s settle time and the HTTP round trip. The server is
stopped with SIGINT (MkDocs' own shutdown), then SIGTERM if it has not exited.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import (  # noqa: E402
    add_repo_option,
    code_state,
    make_corpus,
    ram_folder,
    repository_layout,
    snapshot,
    write_full_site,
)

POLL = 0.05
BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    """The page at url, or "" while the server is not answering."""
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float, server: subprocess.Popen[bytes]) -> float | None:
    """Poll url every 50 ms until it contains text; the moment it did, or None (also when
    the server has exited)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and server.poll() is None:
        if text in fetch(url):
            return time.monotonic()
        time.sleep(POLL)
    return None


def stop(server: subprocess.Popen[bytes]) -> None:
    """Stop the server we started: SIGINT first (clean shutdown), then SIGTERM, then SIGKILL."""
    for sig, grace in ((signal.SIGINT, 20), (signal.SIGTERM, 10)):
        if server.poll() is not None:
            return
        server.send_signal(sig)
        try:
            server.wait(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            continue
    server.kill()
    server.wait()


def main(argv: list[str] | None = None) -> int:
    """Start the server, edit cases one at a time, print the time to each rebuilt page."""
    parser = argparse.ArgumentParser(description="Time the editor's save-to-page loop.")
    parser.add_argument("--n", type=int, default=1000, help="number of cases (default 1000)")
    parser.add_argument("--edits", type=int, default=3, help="edits to time (default 3)")
    parser.add_argument("--seed", type=int, default=8)
    add_repo_option(parser)
    parser.add_argument(
        "--dirty",
        action="store_true",
        help="run `mkdocs serve --dirty "
        "--no-strict` (MkDocs warns on every dirty build, which fails a strict "
        "one)",
    )
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait per step")
    parser.add_argument("--keep-log", action="store_true", help="print the server's log")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="mik-serve-"))
    served = ram_folder("mik-serve-site-")  # the server's TMPDIR
    log_path = work / "serve.log"
    server: subprocess.Popen[bytes] | None = None
    try:
        snap = snapshot(work / "repo", args.repo)
        corpus = make_corpus(args.n, args.seed, vocabulary_file=snap / "vocabularies.yml")
        config_file = write_full_site(corpus, work / "site", repo=snap)
        cases_dir = work / "site" / repository_layout(snap)[0]
        pythonpath = os.pathsep.join(
            p for p in (str(snap / "plugins"), os.environ.get("PYTHONPATH")) if p
        )
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "-f",
            str(config_file),
            "--dev-addr",
            f"127.0.0.1:{port}",
            *(["--dirty", "--no-strict"] if args.dirty else []),
        ]
        print(
            f"Measuring {code_state(args.repo)}; {args.n} cases; {' '.join(command[1:])}",
            flush=True,
        )
        started = time.monotonic()
        with log_path.open("wb") as log:
            server = subprocess.Popen(
                command,
                cwd=config_file.parent,
                stdout=log,
                stderr=subprocess.STDOUT,
                env={
                    **os.environ,
                    "NO_MKDOCS_2_WARNING": "1",
                    "PYTHONPATH": pythonpath,
                    **({"TMPDIR": str(served)} if served else {}),
                },
            )
        first = corpus.cases[0]
        if (
            wait_for(f"{base}cases/{first.slug}/", first.title.split()[0], args.timeout, server)
            is None
        ):
            raise SystemExit(
                "the server never served the first case:\n"
                + log_path.read_text(errors="replace")[-3000:]
            )
        print(f"server up after {time.monotonic() - started:.2f} s (first build)", flush=True)
        time.sleep(1.0)  # let the watcher take its first snapshot of the files
        results: list[float] = []
        for edit in range(args.edits):
            case = corpus.cases[edit % len(corpus.cases)]
            token = f"Redaktionen tilføjede denne sætning (måling {edit + 1}, {time.time_ns()})."
            path = cases_dir / f"{case.slug}.md"
            saved = time.monotonic()
            with path.open("a", encoding="utf-8") as file:
                file.write(f"\n{token}\n")
            seen = wait_for(f"{base}cases/{case.slug}/", token, args.timeout, server)
            if seen is None:
                raise SystemExit(
                    f"cases/{case.slug}.md: the new sentence never appeared:\n"
                    + log_path.read_text(errors="replace")[-3000:]
                )
            results.append(seen - saved)
            print(
                f"  edit {edit + 1}: cases/{case.slug}.md -> page updated after "
                f"{results[-1]:.2f} s",
                flush=True,
            )
            time.sleep(1.0)
    finally:
        if server is not None:
            stop(server)
        log_text = log_path.read_text(errors="replace") if log_path.exists() else ""
        builds = [float(s) for s in BUILT.findall(log_text)]
        if args.keep_log:
            print(log_text)
        shutil.rmtree(work, ignore_errors=True)
        if served is not None:
            shutil.rmtree(served, ignore_errors=True)
    rebuilds = builds[1:]
    print(
        f"\nsave -> rebuilt page, median of {len(results)}: {statistics.median(results):.2f} s "
        f"(each: {', '.join(f'{r:.2f}' for r in results)})"
    )
    if rebuilds:
        print(
            f"MkDocs' own rebuild times: {', '.join(f'{b:.2f}' for b in rebuilds)} s (median "
            f"{statistics.median(rebuilds):.2f} s); the first build took {builds[0]:.2f} s"
        )
    print(f"server stopped (exit status {server.returncode if server else '-'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
