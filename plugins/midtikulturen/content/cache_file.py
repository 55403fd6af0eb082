"""The parse cache kept on disk between runs of `midtikulturen check`.

A file is parsed and validated again only when its text, the vocabulary, the day or the code
that validates it changed. The cache is the project's own file (`.cache/` is not committed);
it is read with pickle, so it is trusted as the project's code is.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import pydantic

from .loader import ParseCache

CACHE_FILE = Path(".cache") / "midtikulturen" / "content.pickle"


@lru_cache(maxsize=1)
def code_fingerprint() -> bytes:
    """What the cached results depend on besides the content: this package, pydantic, Python."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{sys.version}|{pydantic.VERSION}".encode())
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.name.encode() + module.read_bytes())
    return digest.digest()


def load_cache(path: Path) -> ParseCache:
    """The cache saved at path by the same code, or an empty one."""
    try:
        with path.open("rb") as stored:
            fingerprint, key, used, pickled = pickle.load(stored)
        if fingerprint != code_fingerprint():
            return ParseCache()
        for more in pickled:
            used.update(pickle.loads(more))
    except Exception:  # missing, unreadable, or written by other code: start afresh
        return ParseCache()
    return ParseCache(key=key, used=used, saved=True)


def save_cache(cache: ParseCache, path: Path) -> None:
    """Save what the last load used at path, unless it is what was loaded; never fails.

    Entries that forked processes parsed are saved as they pickled them.
    """
    if cache.saved and not cache.pickled and cache.used.keys() == cache.entries.keys():
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as out:
            pickle.dump((code_fingerprint(), cache.key, cache.used, cache.pickled), out,
                        protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, path)
    except OSError:
        pass  # a read-only checkout still checks, only without the cache
