"""Renditions kept between builds in the user's cache folder, each checked before it is used.

The cache lives outside the project (as `check`'s verdicts do, see `content.cache_file`): a
manifest inside the project could be committed together with the files it vouches for, so
checking files against it would prove nothing. Here only this user's own builds write; an
entry is found by a digest of the source's bytes and of the settings, and each file is read
back and compared with the size and BLAKE2 digest its manifest (plain JSON) records, so a
damaged or half-written entry is made again rather than published.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ..user_cache import user_cache_folder
from .renditions import Encoded
from .settings import SUFFIX

FORMAT = 1
MANIFEST = "manifest.json"
KEEP_DAYS = 90  # an entry no build has used for this long is removed


@dataclass(frozen=True)
class Stored:
    """A rendition in the cache: its name, size, MIME type, file and length in bytes."""

    name: str
    width: int
    height: int
    mime: str
    path: Path
    length: int


def cache_folder() -> Path:
    """Where renditions are kept: the user's cache folder, shared by every project."""
    return user_cache_folder() / "images"


def entry_key(source: bytes | str, fingerprint: str) -> str:
    """The cache key of a source's renditions: from its bytes (or their digest, see
    `SourceDigests`) and the settings."""
    digest = hashlib.blake2b(
        source.encode()
        if isinstance(source, str)
        else hashlib.blake2b(source, digest_size=20).hexdigest().encode(),
        digest_size=20,
    )
    digest.update(fingerprint.encode())
    return digest.hexdigest()


class SourceDigests:
    """Digests of source pictures by file, so a rebuild need not read them all again.

    A digest is reused only while the file's size, modification and change times, inode and
    device are the same: any write to the file changes its change time, which no tool can
    set back. Kept as plain JSON beside the renditions.
    """

    def __init__(self, folder: Path) -> None:
        self.path = folder / "sources.json"
        try:
            found = json.loads(self.path.read_bytes())
            self.known: dict[str, list[object]] = found if isinstance(found, dict) else {}
        except (OSError, ValueError):
            self.known = {}
        self.used: dict[str, list[object]] = {}

    def digest(self, path: Path) -> str:
        """The BLAKE2 digest (hex) of the bytes of the file at path."""
        real = os.path.realpath(path)
        status = os.stat(real)
        stamp: list[object] = [
            status.st_size,
            status.st_mtime_ns,
            status.st_ctime_ns,
            status.st_ino,
            status.st_dev,
        ]
        entry = self.known.get(real)
        if (
            isinstance(entry, list)
            and len(entry) == 6
            and entry[:5] == stamp
            and isinstance(entry[5], str)
        ):
            found = entry[5]
        else:
            found = file_digest(Path(real))
        self.used[real] = [*stamp, found]
        return found

    def save(self) -> None:
        """Keep the digests used by this build (never fails: the cache is only a help)."""
        if self.used == self.known:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", dir=self.path.parent, delete=False, encoding="utf-8"
            ) as out:
                json.dump(self.used, out)
            os.replace(out.name, self.path)
        except OSError:
            pass


def file_digest(path: Path) -> str:
    """The BLAKE2 digest of the file at path."""
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, lambda: hashlib.blake2b(digest_size=20)).hexdigest()


class RenditionCache:
    """The entries under one folder, one subfolder per key."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, key: str) -> list[Stored] | None:
        """The renditions stored under key, if the entry is whole and every file matches."""
        entry = self.folder / key[:2] / key
        try:
            manifest = json.loads((entry / MANIFEST).read_bytes())
            os.utime(entry / MANIFEST)  # used now: `prune` keeps it
            if manifest.get("format") != FORMAT or manifest.get("key") != key:
                return None
            found = []
            for item in manifest["renditions"]:
                path = entry / _file_name(str(item["name"]), str(item["mime"]))
                if path.stat().st_size != item["length"] or file_digest(path) != item["digest"]:
                    return None
                found.append(
                    Stored(
                        str(item["name"]),
                        int(item["width"]),
                        int(item["height"]),
                        str(item["mime"]),
                        path,
                        int(item["length"]),
                    )
                )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        return found

    def put(self, key: str, made: list[Encoded]) -> list[Stored]:
        """Store the renditions under key, replacing what was there; their stored files."""
        entry = self.folder / key[:2] / key
        building = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=_made(self.folder / key[:2])))
        stored, records = [], []
        for item in made:
            path = building / _file_name(item.name, item.mime)
            path.write_bytes(item.data)
            records.append(
                {
                    "name": item.name,
                    "width": item.width,
                    "height": item.height,
                    "mime": item.mime,
                    "length": len(item.data),
                    "digest": hashlib.blake2b(item.data, digest_size=20).hexdigest(),
                }
            )
            stored.append(
                Stored(
                    item.name, item.width, item.height, item.mime, entry / path.name, len(item.data)
                )
            )
        (building / MANIFEST).write_text(
            json.dumps({"format": FORMAT, "key": key, "renditions": records}, indent=1),
            encoding="utf-8",
        )
        if entry.exists():
            shutil.rmtree(entry, ignore_errors=True)
        try:
            os.replace(building, entry)
        except OSError:  # another build stored the same entry meanwhile: theirs is as good
            shutil.rmtree(building, ignore_errors=True)
        return stored

    def prune(self, days: int = KEEP_DAYS) -> int:
        """Remove the entries no build has used for days, at most once a day; how many."""
        stamp = self.folder / ".pruned"
        now = time.time()
        try:
            if now - stamp.stat().st_mtime < 86_400:
                return 0
        except OSError:
            pass
        removed = 0
        for manifest in self.folder.glob(f"*/*/{MANIFEST}"):
            try:
                if now - manifest.stat().st_mtime > days * 86_400:
                    shutil.rmtree(manifest.parent)
                    removed += 1
            except OSError:
                continue
        try:
            stamp.parent.mkdir(parents=True, exist_ok=True)
            stamp.touch()
        except OSError:
            pass
        return removed


def _made(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _file_name(name: str, mime: str) -> str:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"bad rendition name {name!r}")
    return f"{name}.{SUFFIX[mime]}"
