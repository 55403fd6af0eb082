"""Under `mkdocs serve`, drafts and future items have a page with a note; the build has none."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from bs4 import BeautifulSoup

from tests.sitebuilder import SiteProject, case_text

GUIDE = (
    "---\ntitle: Kladdeguide\ndescription: D\nupdated: 2026-01-05\ndraft: true\n---\n"
    "Guidens tekst.\n"
)


@contextmanager
def serving(site: SiteProject, *options: str) -> Iterator[str]:
    """`mkdocs serve` of site on a free local port (without live reload unless options say);
    its address."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    site.write_config()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            *(options or ["--no-livereload"]),
            "-a",
            f"127.0.0.1:{port}",
        ],
        cwd=site.root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    address = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(address, timeout=1).close()
                break
            except (urllib.error.URLError, ConnectionError) as error:
                if server.poll() is not None:
                    output = server.stderr.read() if server.stderr else "no output"
                    raise AssertionError(output) from error
                time.sleep(0.1)
        yield address
    finally:
        server.terminate()
        server.wait(timeout=30)


def page(url: str) -> tuple[int, BeautifulSoup]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, BeautifulSoup(response.read(), "lxml")
    except urllib.error.HTTPError as error:
        return error.code, BeautifulSoup(error.read(), "lxml")


def test_serve_shows_drafts_and_future_items_only_at_their_own_address(site: SiteProject) -> None:
    site.write(
        {
            "cases/kladde.md": case_text("Kladdens tekst.", title="Kladden", draft=True),
            "cases/senere.md": case_text("Senere.", title="Senere", date="2099-06-03"),
            "cases/udgivet.md": case_text("Udgivet.", title="Udgivet"),
            "docs/guides/kladde.md": GUIDE,
        }
    )
    with serving(site) as address:
        status, draft = page(address + "cases/kladde/")
        assert status == 200
        assert draft.h1 and draft.h1.get_text(strip=True) == "Kladden"
        assert "Kladde – vises ikke på sitet" in draft.select_one(".mik-preview").get_text()
        status, future = page(address + "cases/senere/")
        assert status == 200
        assert "Planlagt til 3. juni 2099" in future.select_one(".mik-preview").get_text()
        status, guide = page(address + "guides/kladde/")
        assert status == 200 and guide.select_one(".mik-preview")
        status, published = page(address + "cases/udgivet/")
        assert status == 200 and not published.select_one(".mik-preview")
        listing = page(address + "cases/")[1].get_text()
        assert "Udgivet" in listing and "Kladden" not in listing and "Senere" not in listing
        feed = urllib.request.urlopen(address + "feed_rss.xml", timeout=30).read().decode()
        assert "Kladden" not in feed and "Kladdeguide" not in feed
    built = site.build()
    for path in ("cases/kladde/index.html", "cases/senere/index.html", "guides/kladde/index.html"):
        assert not built.exists(path)
    assert not built.soup("cases/udgivet/index.html").select_one(".mik-preview")


def eventually(check: Callable[[], bool], seconds: float = 60) -> None:
    """Wait until check() holds; fail after seconds."""
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "the server never showed it"
        time.sleep(0.2)


def test_serve_shows_problems_in_the_browser_until_they_are_fixed(site: SiteProject) -> None:
    site.write({"cases/a.md": case_text("Historien.", title="Alfa")})
    with serving(site, "--livereload") as address:
        assert page(address + "cases/a/")[0] == 200
        site.write({"cases/a.md": case_text("Historien.", title="Alfa", municipality="Vibrog")})
        eventually(lambda: "Vibrog" in page(address + "cases/a/")[1].get_text())
        status, shown = page(address + "cases/a/")
        assert shown.h1 and shown.h1.get_text() == "Sitet kan ikke bygges"
        assert [li.get_text() for li in shown.select("li")] == [
            "cases/a.md:6: `municipality`: 'Vibrog' er ikke en kendt kommune — mente du "
            "'Viborg'? (en ny værdi tilføjes i vocabularies.yml under municipalities)"
        ]
        assert "/livereload/" in shown.select_one("script").get_text()
        site.write({"cases/a.md": case_text("Historien.", title="Alfa")})
        eventually(lambda: page(address + "cases/a/")[0] == 200)
        assert page(address + "cases/a/")[1].h1.get_text(strip=True) == "Alfa"


def test_serve_starts_on_broken_content_and_shows_its_problems_until_fixed(
    site: SiteProject,
) -> None:
    site.write({"cases/a.md": case_text("Historien.", title="Alfa", date="3/6/2024")})
    with serving(site, "--livereload") as address:
        status, shown = page(address + "cases/a/")
        assert shown.h1 and shown.h1.get_text() == "Sitet kan ikke bygges"
        assert any(li.get_text().startswith("cases/a.md:") for li in shown.select("li"))
        assert page(address)[1].h1.get_text() == "Sitet kan ikke bygges"
        site.write({"cases/a.md": case_text("Historien.", title="Alfa")})
        eventually(lambda: page(address + "cases/a/")[0] == 200)
        assert page(address + "cases/a/")[1].h1.get_text(strip=True) == "Alfa"
