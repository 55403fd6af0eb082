"""Decap's local proxy, decap-server: installed from the project's package-lock, run on Node."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

PACKAGE = Path("tools") / "decap-server"
"""Where a project pins decap-server (package.json and package-lock.json), from its root."""
NODE_MAJOR = 20


class ProxyError(Exception):
    """decap-server cannot be installed or started; the message says how to fix it."""


def missing_node() -> str | None:
    """Why Node.js cannot run decap-server here, with the fix; None if it can."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        return (
            f"Node.js {NODE_MAJOR}+ with npm is missing: install it (Debian and Ubuntu: "
            "https://deb.nodesource.com/; Debian 12's own nodejs is too old)"
        )
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    if int(version.lstrip("v").split(".")[0] or 0) < NODE_MAJOR:
        return f"Node.js {version} is too old: decap-server needs Node {NODE_MAJOR} or newer"
    return None


def install(package: Path) -> None:
    """Install decap-server into package/node_modules with `npm ci`, unless it is there."""
    lock, installed = package / "package-lock.json", package / "node_modules" / ".package-lock.json"
    if not lock.is_file():
        raise ProxyError(f"{lock} is missing: run the command in the project's folder")
    if installed.is_file() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return
    result = subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=package,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode:
        raise ProxyError(f"`npm ci` in {package} failed:\n{result.stderr.strip()}")


def start(package: Path, repository: Path, port: int, mode: str = "fs") -> subprocess.Popen[str]:
    """Run decap-server on 127.0.0.1:port, saving into repository (fs: files, git: commits).

    It has no sign-in: anyone who reaches it can write the repository, so it listens on the
    loopback address only.
    """
    entry = package / "node_modules" / "decap-server" / "dist" / "index.js"
    env = {
        **os.environ,
        "GIT_REPO_DIRECTORY": str(repository.resolve()),
        "MODE": mode,
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "LOG_LEVEL": "warn",
    }
    return subprocess.Popen(
        ["node", str(entry)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )


def wait_until_up(url: str, process: subprocess.Popen[str], timeout: float = 20) -> None:
    """Wait until the proxy at url answers Decap's `info` request; raise ProxyError if not."""
    request = urllib.request.Request(
        url,
        data=json.dumps({"action": "info"}).encode(),
        headers={"Content-Type": "application/json"},
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read() if process.stderr else ""
            raise ProxyError(f"decap-server stopped: {error.strip()}")
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                if "repo" in json.load(response):
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError):
            time.sleep(0.1)
    raise ProxyError(f"decap-server did not answer at {url} within {timeout:.0f} s")


def stop(process: subprocess.Popen[Any]) -> None:
    """Stop a process started here, killing it if it does not end within ten seconds."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
