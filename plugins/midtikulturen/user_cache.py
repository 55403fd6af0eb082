"""The user's cache folder: what the tools keep between runs, outside every project.

Nothing is kept inside the project, where a commit could plant it (see NOTES: #14): `check`'s
verdicts (`content/cache_file.py`), pictures' renditions (`images/cache.py`) and the outputs
below live here, each checked before it is used.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def user_cache_folder() -> Path:
    """This user's cache folder for the site's tools, shared by every project:
    `$XDG_CACHE_HOME/midtikulturen` (`~/.cache/midtikulturen`, `%LOCALAPPDATA%` on Windows)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    return (Path(base) if base else Path.home() / ".cache") / "midtikulturen"


def outputs_folder() -> Path:
    """Where outputs made from content are kept (see `Outputs`)."""
    return user_cache_folder() / "outputs"


class Outputs:
    """Files made from inputs that rarely change (the workbook of houses, the site's sharing
    picture), kept under a key digesting those inputs; each file's name also carries the
    digest of its own bytes, checked before it is used."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def get_or_make(self, key: str, suffix: str, make: Callable[[], bytes]) -> bytes:
        """The bytes stored under key, or make()'s, stored for the next build."""
        if self.folder is None:
            return make()
        for path in self.folder.glob(f"{key}-*.{suffix}"):
            try:
                data = path.read_bytes()
            except OSError:
                continue
            if path.name == self._name(key, suffix, data):
                return data
        data = make()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=self.folder, delete=False) as out:
                out.write(data)
            os.replace(out.name, self.folder / self._name(key, suffix, data))
        except OSError:
            pass  # a read-only cache folder: made again next time
        return data

    @staticmethod
    def _name(key: str, suffix: str, data: bytes) -> str:
        return f"{key}-{hashlib.blake2b(data, digest_size=12).hexdigest()}.{suffix}"


def output_key(*parts: str | bytes) -> str:
    """A key digesting parts (inputs and the code that turns them into the output)."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()
