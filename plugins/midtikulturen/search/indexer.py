"""Pagefind's command-line indexer, run once per build in the background.

Each page's search document (`documents.py`) is written to a staging folder as the page is
rendered, at the page's place in the site (`cases/a/index.html`). Once every page is rendered,
`pagefind --site` indexes that folder in its own process while MkDocs renders the templates
and writes the pages; the build waits for it at the end and checks what it wrote.

Not Pagefind's `--service`: up to 1.5 it answers `WriteFiles` once its writes are queued, not
done, and at the end of its input it calls `exit`, so a client that closes it right after the
answer can leave a file empty or cut short (Pagefind issue #1271: an empty
`pagefind-entry.json`, and a search that fails to load). The command-line indexer returns from
`main`, which lets its runtime finish every write, and `check_output` refuses an index that is
not whole all the same.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import tempfile
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any


class PagefindError(Exception):
    """Pagefind could not be started, failed, or left an index that is not whole."""


def pagefind_executable() -> Path:
    """The Pagefind binary of the `pagefind[bin]` package (or `PAGEFIND_BINARY_PATH`)."""
    from pagefind.service import get_executable

    found = get_executable()
    if found is None:
        raise PagefindError(
            "Pagefind's binary is missing: install the project again "
            "(`python3 -m pip install -e .` brings `pagefind[bin]`)."
        )
    return Path(found)


SHARED_MEMORY = Path("/dev/shm")
ROOMY = 1 << 30
"""Free bytes a memory-backed folder needs to be used: a document is ~10 KB, 100,000 pages 1 GB."""


def scratch_dir() -> str | None:
    """Where the staging folder goes: Linux's memory-backed /dev/shm when it has room and
    `TMPDIR` is not set (creating a folder and a file per page costs ~0.7 ms on a slow disk or
    a sandboxed file system, ~0.02 ms there); otherwise the usual temporary folder."""
    if os.environ.get("TMPDIR"):
        return None
    try:
        stat = os.statvfs(SHARED_MEMORY)
    except OSError:
        return None
    roomy = stat.f_bavail * stat.f_frsize >= ROOMY
    return str(SHARED_MEMORY) if roomy and os.access(SHARED_MEMORY, os.W_OK | os.X_OK) else None


class Staging:
    """A temporary folder of search documents, each at its page's path in the site.

    It outlives a build under `mkdocs serve --dirty`, where unchanged pages are not rendered
    again and keep the documents written before.
    """

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="midtikulturen-pagefind-", dir=scratch_dir()))
        self.site = self.root / "site"
        self.site.mkdir()
        self._paths: set[str] = set()

    def write(self, path: str, html: str) -> None:
        """Store the document of the page written at path (`cases/a/index.html`)."""
        target = self.site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        self._paths.add(path)

    def remove(self, path: str) -> None:
        """Drop the document at path, if any (the page is no longer indexed)."""
        if path in self._paths:
            (self.site / path).unlink(missing_ok=True)
            self._paths.discard(path)

    def keep_only(self, paths: set[str]) -> None:
        """Drop the documents of pages that are gone."""
        for path in self._paths - paths:
            self.remove(path)

    def __len__(self) -> int:
        return len(self._paths)

    def close(self) -> None:
        """Remove the folder."""
        shutil.rmtree(self.root, ignore_errors=True)


class Indexer:
    """One run of `pagefind --site` over a staging folder, writing the index to output."""

    def __init__(
        self,
        staging: Staging,
        config: Mapping[str, Any],
        output: Path,
        executable: Path | None = None,
    ) -> None:
        """Start Pagefind with config (its options as in `pagefind.json`).

        output is emptied first: Pagefind leaves an index file alone when one of that name
        exists, so a stale file would stay.
        """
        self.output = output
        self.pages = len(staging)
        (staging.root / "pagefind.json").write_text(json.dumps(dict(config)), encoding="utf-8")
        shutil.rmtree(output, ignore_errors=True)
        self._log: IO[bytes] = tempfile.TemporaryFile()
        try:
            self._process = subprocess.Popen(
                [
                    str(executable or pagefind_executable()),
                    "--site",
                    staging.site.name,
                    "--output-path",
                    str(output.resolve()),
                    "--quiet",
                ],
                cwd=staging.root,
                stdin=subprocess.DEVNULL,
                stdout=self._log,
                stderr=subprocess.STDOUT,
                env=_environment(),
            )
        except BaseException:
            self._log.close()
            raise

    def finish(self) -> None:
        """Wait for Pagefind and check the index it wrote."""
        try:
            if self._process.wait() != 0:
                raise PagefindError(
                    f"Pagefind failed ({self._process.returncode}): {self._output_text()}"
                )
            check_output(self.output)
        finally:
            self._log.close()

    def close(self) -> None:
        """Stop Pagefind if it still runs."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._log.close()

    def _output_text(self) -> str:
        self._log.seek(0)
        text = self._log.read()[-4000:].decode("utf-8", "replace").strip()
        return text or "no message"


def _environment() -> dict[str, str]:
    """This process's environment without `PAGEFIND_*` settings, which Pagefind would read
    as options: the index depends on the site alone."""
    return {key: value for key, value in os.environ.items() if not key.startswith("PAGEFIND_")}


def check_output(folder: Path) -> None:
    """Raise PagefindError unless folder holds a whole Pagefind index: a readable entry file
    naming a metadata file for each language, and every compressed file complete."""
    try:
        entry = json.loads((folder / "pagefind-entry.json").read_bytes())
        hashes = [language["hash"] for language in entry["languages"].values()]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise PagefindError(f"Pagefind's pagefind-entry.json is not whole: {error}") from None
    missing = [h for h in hashes if not (folder / f"pagefind.{h}.pf_meta").is_file()]
    if missing:
        raise PagefindError(f"Pagefind wrote no metadata file for {', '.join(missing)}")
    for path in folder.rglob("*.pf_*"):
        try:
            gzip.decompress(path.read_bytes())
        except (OSError, EOFError, zlib.error) as error:
            raise PagefindError(
                f"Pagefind's {path.relative_to(folder)} is not whole: {error}"
            ) from None
