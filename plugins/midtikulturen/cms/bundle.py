"""The vendored Decap CMS bundle, checked file by file against its manifest."""

from __future__ import annotations

import base64
import hashlib
import json
import lzma
import tarfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

VENDOR = Path(__file__).parent / "vendor"
ARCHIVE, MANIFEST, LICENCE = (
    VENDOR / "decap-cms.tar.xz",
    VENDOR / "decap-cms.json",
    VENDOR / "LICENSE-decap-cms.txt",
)
MAIN = "decap-cms.js"
NOTICES = "decap-cms.js.LICENSE.txt"
REFRESH = "run `python3 tools/vendor_decap.py <version>` to vendor it again"


class BundleError(Exception):
    """The vendored bundle is missing or does not match its manifest."""


@dataclass(frozen=True)
class Bundle:
    """Decap CMS's files as /admin/ serves them, and their Subresource Integrity values."""

    version: str
    files: dict[str, bytes]
    integrity: dict[str, str]

    @property
    def folder(self) -> str:
        """The folder of the bundle under /admin/: versioned, so browsers never mix two."""
        return f"decap-cms-{self.version}"

    def licence(self) -> str:
        """Decap's own licence followed by the notices of the libraries in its bundle."""
        return (
            f"Decap CMS {self.version} (https://github.com/decaporg/decap-cms)\n\n"
            + LICENCE.read_text(encoding="utf-8")
            + "\n\nLibraries bundled in decap-cms.js:\n\n"
            + self.files[NOTICES].decode("utf-8")
        )


def sri(data: bytes) -> str:
    """The Subresource Integrity value (sha384) of data."""
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


@lru_cache(maxsize=1)
def load_bundle() -> Bundle:
    """The vendored bundle; raise BundleError if a file is missing, extra or altered."""
    try:
        manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
        with tarfile.open(ARCHIVE, "r:xz") as archive:
            files = {member.name: _read(archive, member) for member in archive.getmembers()}
    except (OSError, ValueError, tarfile.TarError, lzma.LZMAError) as error:
        raise BundleError(f"the vendored Decap CMS cannot be read ({error}): {REFRESH}") from None
    expected: dict[str, str] = manifest["files"]
    wrong = sorted(
        name
        for name in expected.keys() | files.keys()
        if name not in files or sri(files[name]) != expected.get(name)
    )
    if wrong or MAIN not in files:
        raise BundleError(
            f"the vendored Decap CMS does not match {MANIFEST.name} "
            f"({', '.join(wrong) or MAIN}): {REFRESH}"
        )
    return Bundle(str(manifest["version"]), files, expected)


def _read(archive: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    extracted = archive.extractfile(member)
    if extracted is None:
        raise ValueError(f"{member.name} is not a file")
    return extracted.read()
