"""`mkdocs serve` rebuilds when an editor saves a case outside `docs/`."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request

from tests.browser.server import free_port
from tests.sitebuilder import SiteProject, case_text


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.3)
    return False


def test_saving_a_case_rebuilds_its_page(site: SiteProject) -> None:
    site.write({"cases/a.md": case_text(title="Første udgave")})
    port = free_port()
    site.write_config(site_url=f"http://127.0.0.1:{port}/")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=site.root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/cases/a/"
        assert wait_for(url, "Første udgave"), "the served page never appeared"
        site.write({"cases/a.md": case_text(title="Anden udgave")})
        assert wait_for(url, "Anden udgave"), "the page was not rebuilt after the case changed"
    finally:
        server.terminate()
        server.wait(timeout=10)
