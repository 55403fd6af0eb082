"""The vendored Decap CMS bundle, checked file by file against its manifest.

Unpacking the xz archive takes about 0.15 s, so the unpacked tar is kept in the user's cache
folder (`user_cache.Outputs`) under a key of the manifest; what it holds is checked against
the manifest like a fresh unpacking, and a cache that fails the check is passed over for the
archive.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import lzma
import tarfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..user_cache import Outputs, output_key, outputs_folder

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
        listed = MANIFEST.read_bytes()
        manifest = json.loads(listed)
        expected: dict[str, str] = manifest["files"]
        key = output_key("decap-cms", listed)
        files = _files(Outputs(outputs_folder()).get_or_make(key, "tar", _unpacked))
        if _wrong(files, expected):
            files = _files(_unpacked())  # a damaged cache: the archive decides
    except (OSError, ValueError, tarfile.TarError, lzma.LZMAError) as error:
        raise BundleError(f"the vendored Decap CMS cannot be read ({error}): {REFRESH}") from None
    wrong = _wrong(files, expected)
    if wrong or MAIN not in files:
        raise BundleError(
            f"the vendored Decap CMS does not match {MANIFEST.name} "
            f"({', '.join(wrong) or MAIN}): {REFRESH}"
        )
    return Bundle(str(manifest["version"]), files, expected)


def _unpacked() -> bytes:
    """The vendored archive without its xz compression: a tar."""
    return lzma.decompress(ARCHIVE.read_bytes())


def _files(tar: bytes) -> dict[str, bytes]:
    """The files of a tar by name."""
    with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
        return {member.name: _read(archive, member) for member in archive.getmembers()}


def _wrong(files: dict[str, bytes], expected: dict[str, str]) -> list[str]:
    """The names of files missing, extra or altered against the manifest."""
    return sorted(
        name
        for name in expected.keys() | files.keys()
        if name not in files or sri(files[name]) != expected.get(name)
    )


def _read(archive: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    extracted = archive.extractfile(member)
    if extracted is None:
        raise ValueError(f"{member.name} is not a file")
    return extracted.read()
