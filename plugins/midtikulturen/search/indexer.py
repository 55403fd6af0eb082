"""Pagefind's command-line indexer, run once per build in the background.

The pages' search documents (`documents.py`) are written to a staging folder, each at its
page's place in the site (`cases/a/index.html`), and `pagefind --site` indexes that folder in
its own process while MkDocs renders and writes the pages; the build waits for it at the end.

Not Pagefind's `--service`: up to 1.5 it answers `WriteFiles` once its writes are queued, not
done, and on the end of its input it calls `exit`, so a client that closes it right after the
answer can leave a file empty or cut short (Pagefind issue #1271). The command-line indexer
returns from `main`, which lets its runtime finish every write, and `check_output` refuses an
index that is not whole anyway.
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
        raise PagefindError("Pagefind's binary is missing: install the project again "
                            "(`python3 -m pip install -e .` brings `pagefind[bin]`).")
    return Path(found)


class Indexer:
    """One run of `pagefind --site` over documents, writing the index to an output folder."""

    def __init__(self, config: Mapping[str, Any], documents: Mapping[str, str],
                 output: Path, executable: Path | None = None) -> None:
        """Write documents (HTML by the path of their page in the site) and start Pagefind.

        config holds Pagefind's options as in its `pagefind.json`. output is emptied first:
        Pagefind leaves an index file alone when one of that name exists.
        """
        self.output = output
        self.pages = len(documents)
        self._staging = Path(tempfile.mkdtemp(prefix="midtikulturen-pagefind-"))
        self._log: IO[bytes] | None = None
        self._process: subprocess.Popen[bytes] | None = None
        try:
            site = self._staging / "site"
            for path, html in documents.items():
                target = site / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(html, encoding="utf-8")
            site.mkdir(exist_ok=True)
            (self._staging / "pagefind.json").write_text(json.dumps(dict(config)),
                                                         encoding="utf-8")
            shutil.rmtree(output, ignore_errors=True)
            self._log = (self._staging / "pagefind.log").open("w+b")
            self._process = subprocess.Popen(
                [str(executable or pagefind_executable()), "--site", "site",
                 "--output-path", str(output.resolve()), "--quiet"],
                cwd=self._staging, stdin=subprocess.DEVNULL, stdout=self._log,
                stderr=subprocess.STDOUT, env=_environment())
        except BaseException:
            self.close()
            raise

    def finish(self) -> None:
        """Wait for Pagefind, check the index it wrote, and remove the staging folder."""
        try:
            assert self._process is not None
            if self._process.wait() != 0:
                raise PagefindError(f"Pagefind failed ({self._process.returncode}): "
                                    f"{self._output_text()}")
            check_output(self.output)
        finally:
            self.close()

    def close(self) -> None:
        """Stop Pagefind if it still runs and remove the staging folder."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        if self._log is not None:
            self._log.close()
        shutil.rmtree(self._staging, ignore_errors=True)

    def _output_text(self) -> str:
        assert self._log is not None
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
    if missing or not hashes:
        raise PagefindError(f"Pagefind wrote no metadata file for {missing or 'any language'}")
    for path in folder.rglob("*.pf_*"):
        try:
            gzip.decompress(path.read_bytes())
        except (OSError, EOFError, zlib.error) as error:
            raise PagefindError(f"Pagefind's {path.relative_to(folder)} is not whole: "
                                f"{error}") from None
