"""Pagefind's run: a whole index or a clear error, never a half-written one."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from midtikulturen.search.indexer import (
    Indexer,
    PagefindError,
    Staging,
    check_output,
    scratch_dir,
)
from tests.sitebuilder import SiteProject, case_text


@pytest.fixture
def index(site: SiteProject) -> Path:
    """A real index of a small site."""
    site.write({"cases/a.md": case_text(title="Alpha"), "cases/b.md": case_text(title="Beta")})
    return site.build().root / "pagefind"


def test_a_whole_index_passes(index: Path) -> None:
    check_output(index)


def test_an_empty_entry_file_is_refused(index: Path) -> None:
    """What Pagefind's service left when it was closed before its last write."""
    (index / "pagefind-entry.json").write_bytes(b"")
    with pytest.raises(PagefindError, match="pagefind-entry.json is not whole"):
        check_output(index)


def test_a_file_cut_short_is_refused(index: Path) -> None:
    fragment = next((index / "fragment").iterdir())
    data = fragment.read_bytes()
    assert gzip.decompress(data)
    fragment.write_bytes(data[: len(data) // 2])
    with pytest.raises(PagefindError, match=f"fragment/{fragment.name} is not whole"):
        check_output(index)


def test_a_missing_metadata_file_is_refused(index: Path) -> None:
    entry = json.loads((index / "pagefind-entry.json").read_text(encoding="utf-8"))
    (index / f"pagefind.{entry['languages']['da']['hash']}.pf_meta").unlink()
    with pytest.raises(PagefindError, match="no metadata file"):
        check_output(index)


def test_pagefind_settings_in_the_environment_do_not_change_the_index(
    site: SiteProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    site.write({"cases/a.md": case_text()})
    monkeypatch.setenv("PAGEFIND_FORCE_LANGUAGE", "en")
    monkeypatch.setenv("PAGEFIND_EXCLUDE_SELECTORS", '["main"]')
    built = site.build()
    entry = json.loads(built.text("pagefind/pagefind-entry.json"))
    assert list(entry["languages"]) == ["da"]
    assert any("Alpha" in r["content"] for r in built.search_records())


def test_a_failing_pagefind_says_what_it_printed(tmp_path: Path) -> None:
    script = tmp_path / "pagefind"
    script.write_text("#!/bin/sh\necho 'Error: no room on the disk' >&2\nexit 3\n")
    script.chmod(0o755)
    staging = Staging()
    try:
        staging.write("index.html", "<html><body>x</body></html>")
        indexer = Indexer(staging, {}, tmp_path / "out", executable=script)
        with pytest.raises(PagefindError, match=r"failed \(3\): Error: no room on the disk"):
            indexer.finish()
    finally:
        staging.close()
    assert not staging.root.exists()


def test_staging_keeps_only_the_pages_still_there() -> None:
    staging = Staging()
    try:
        for path in ("index.html", "cases/a/index.html", "cases/b/index.html"):
            staging.write(path, "<p>x</p>")
        staging.remove("cases/a/index.html")
        staging.keep_only({"index.html", "cases/a/index.html"})
        found = sorted(str(p.relative_to(staging.site)) for p in staging.site.rglob("*.html"))
        assert found == ["index.html"]
        assert len(staging) == 1
    finally:
        staging.close()


def test_a_build_leaves_no_staging_folder(
    site: SiteProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr("tempfile.tempdir", None)
    site.write({"cases/a.md": case_text()})
    site.build()
    assert list(temp.iterdir()) == []


@pytest.mark.parametrize(
    ("tmpdir", "free", "expected"),
    [
        ("", 8 << 30, "/dev/shm"),
        ("", 64 << 20, None),  # Docker's default /dev/shm is 64 MB
        ("/var/tmp", 8 << 30, None),  # an explicit TMPDIR wins
    ],
    ids=["roomy shared memory", "small shared memory", "TMPDIR set"],
)
def test_the_staging_folder_is_in_memory_when_there_is_room(
    monkeypatch: pytest.MonkeyPatch, tmpdir: str, free: int, expected: str | None
) -> None:
    monkeypatch.setenv("TMPDIR", tmpdir)
    monkeypatch.setattr(
        "os.statvfs",
        lambda path: os.statvfs_result(
            (4096, 4096, free // 4096, free // 4096, free // 4096, 0, 0, 0, 0, 255)
        ),
    )
    monkeypatch.setattr("os.access", lambda path, mode: True)
    assert scratch_dir() == expected
