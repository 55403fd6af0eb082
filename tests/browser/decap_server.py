"""Decap CMS's local proxy (decap-server, pinned in tools/decap-server/) for the CMS tests."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from tests.sitebuilder import REPO

PACKAGE = REPO / "tools" / "decap-server"
ENTRY = PACKAGE / "node_modules" / "decap-server" / "dist" / "index.js"
INSTALLED = PACKAGE / "node_modules" / ".package-lock.json"
NODE_MAJOR = 20


def missing_node() -> str | None:
    """Why Node.js cannot run decap-server here, with the fix; None if it can."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        return (f"Node.js {NODE_MAJOR}+ with npm is missing: install it (Debian: "
                "https://deb.nodesource.com/ or `apt-get install -y nodejs npm` on a release "
                f"that ships Node {NODE_MAJOR}+)")
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout
    major = int(version.strip().lstrip("v").split(".")[0] or 0)
    if major < NODE_MAJOR:
        return f"Node.js {version.strip()} is too old: decap-server needs Node {NODE_MAJOR}+"
    return None


def install() -> None:
    """Install decap-server from the committed package-lock, unless it is installed already."""
    lock = PACKAGE / "package-lock.json"
    if INSTALLED.is_file() and INSTALLED.stat().st_mtime >= lock.stat().st_mtime:
        return
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=PACKAGE,
                   check=True, capture_output=True, timeout=300)


@contextmanager
def decap_server(repository: Path, port: int) -> Iterator[str]:
    """Run decap-server on 127.0.0.1:port writing files into repository; yield its API URL."""
    env = {**os.environ, "GIT_REPO_DIRECTORY": str(repository), "MODE": "fs",
           "PORT": str(port), "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "warn"}
    url = f"http://127.0.0.1:{port}/api/v1"
    process = subprocess.Popen(["node", str(ENTRY)], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    try:
        _wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(url: str, process: subprocess.Popen[str], timeout: float = 20) -> None:
    """Wait until the proxy answers Decap's `info` request."""
    request = urllib.request.Request(url, data=json.dumps({"action": "info"}).encode(),
                                     headers={"Content-Type": "application/json"})
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"decap-server exited: {process.stderr.read() if process.stderr else ''}")
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                if json.load(response).get("type") == "local_fs":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise RuntimeError(f"decap-server did not answer at {url} within {timeout} s")
