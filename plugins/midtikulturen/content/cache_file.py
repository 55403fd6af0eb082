"""The verdicts of `midtikulturen check` kept between runs, as plain JSON outside the project.

The file lives in the user's cache folder, under a name bound to the checkout, so nothing
anyone commits can feed `check` a verdict; it holds only JSON, so reading it cannot run code.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import pydantic

from ..user_cache import user_cache_folder
from .check import Verdicts

FORMAT = 1


def cache_path(root: Path) -> Path:
    """Where the verdicts of the project at root are kept: the user's cache folder."""
    name = hashlib.blake2b(os.path.realpath(root).encode(), digest_size=10).hexdigest()
    return user_cache_folder() / f"check-{name}.json"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """What the verdicts depend on besides the content: this package, pydantic, Python."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{sys.version}|{pydantic.VERSION}".encode())
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.name.encode() + module.read_bytes())
    return digest.hexdigest()


def load_verdicts(path: Path, root: Path) -> tuple[Verdicts, str | None]:
    """The verdicts stored at path for the project at root, and a notice if the file was unfit.

    A file written by other code starts afresh silently; one that is damaged or belongs to
    another project is ignored with a notice.
    """
    try:
        stored = json.loads(path.read_bytes())
    except FileNotFoundError:
        return Verdicts(), None
    except (OSError, ValueError):
        return Verdicts(), f"cachen {path} kunne ikke læses og bliver lavet forfra"
    if not isinstance(stored, dict) or stored.get("format") != FORMAT:
        return Verdicts(), f"cachen {path} har et ukendt format og bliver lavet forfra"
    if stored.get("code") != code_fingerprint():
        return Verdicts(), None
    entries, key = stored.get("entries"), stored.get("key")
    if (
        stored.get("root") != os.path.realpath(root)
        or not isinstance(entries, dict)
        or (not isinstance(key, str))
    ):
        return Verdicts(), f"cachen {path} hører ikke til dette projekt og bliver lavet forfra"
    return Verdicts(key=key, stored=entries), None


def save_verdicts(verdicts: Verdicts, path: Path, root: Path) -> None:
    """Save the verdicts the last check used at path, unless nothing changed; never fails."""
    if verdicts.used.keys() == verdicts.stored.keys():
        return
    document = {
        "format": FORMAT,
        "code": code_fingerprint(),
        "root": os.path.realpath(root),
        "key": verdicts.key,
        "entries": verdicts.used,
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, delete=False
        ) as out:
            json.dump(document, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(out.name, path)
    except OSError:
        pass  # a read-only home still checks, only without the cache
