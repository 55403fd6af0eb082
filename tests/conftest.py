"""Shared fixtures: a tiny real site in a temporary folder, and no unexpected warnings."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sitebuilder import SiteProject


@pytest.fixture
def site(tmp_path: Path) -> SiteProject:
    return SiteProject(tmp_path)


@pytest.fixture(autouse=True)
def own_cache_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The user's cache folder, where `check` keeps its verdicts, apart for each test."""
    folder = tmp_path_factory.mktemp("user-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


@pytest.fixture(autouse=True)
def no_unexpected_warnings(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """Fail a test on any warning it does not ask for with the `expect_errors` marker."""
    yield
    if request.node.get_closest_marker("expect_errors"):
        return
    noisy = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING]
    assert not noisy, "unexpected warnings:\n" + "\n".join(r.getMessage() for r in noisy)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "expect_errors: the test expects logged errors")
