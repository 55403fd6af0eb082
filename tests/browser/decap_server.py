"""Decap CMS's local proxy (decap-server, pinned in tools/decap-server/) for the CMS tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from midtikulturen.cms import local
from tests.sitebuilder import REPO

PACKAGE = REPO / local.PACKAGE


def install() -> None:
    """Install decap-server from the committed package-lock, unless it is installed already."""
    local.install(PACKAGE)


@contextmanager
def decap_server(repository: Path, port: int) -> Iterator[str]:
    """Run decap-server on 127.0.0.1:port writing files into repository; yield its API URL."""
    url = f"http://127.0.0.1:{port}/api/v1"
    process = local.start(PACKAGE, repository, port)
    try:
        local.wait_until_up(url, process)
        yield url
    finally:
        local.stop(process)
