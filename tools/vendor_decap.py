"""Vendor Decap CMS: fetch a pinned `decap-cms` from npm and pack what /admin/ serves.

    python3 tools/vendor_decap.py 3.16.3

npm checks the package against the registry's sha512 integrity; this script then writes
`plugins/midtikulturen/cms/vendor/decap-cms.tar.xz` (the main bundle, its lazy-loaded chunks
and WebAssembly files, and their licence notices) and `decap-cms.json` (the version, npm's
integrity and each file's sha384, which the build checks and the admin page's `integrity`
attribute uses). The archive is deterministic: running the script again for the same version
changes nothing, so a reviewer can reproduce it. Needs Node's npm; the site's build does not.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import lzma
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent / "plugins" / "midtikulturen" / "cms" / "vendor"
ARCHIVE, MANIFEST = VENDOR / "decap-cms.tar.xz", VENDOR / "decap-cms.json"


def served(name: str) -> bool:
    """Whether a file of the package's dist/ folder belongs in /admin/ (no source maps)."""
    return (
        name == "decap-cms.js"
        or name.endswith(".decap-cms.js")
        or name.endswith(".wasm")
        or name == "decap-cms.js.LICENSE.txt"
    )


def sha384(data: bytes) -> str:
    """A Subresource Integrity value of data."""
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def fetch(version: str, folder: Path) -> tuple[dict[str, bytes], str]:
    """The served files of decap-cms@version, by name, and npm's integrity of the package."""
    result = subprocess.run(
        [
            "npm",
            "pack",
            f"decap-cms@{version}",
            "--json",
            "--silent",
            "--pack-destination",
            str(folder),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    packed = json.loads(result.stdout)[0]
    files: dict[str, bytes] = {}
    with tarfile.open(folder / packed["filename"]) as package:
        for member in package.getmembers():
            name = member.name.removeprefix("package/dist/")
            if member.isfile() and member.name.startswith("package/dist/") and served(name):
                extracted = package.extractfile(member)
                assert extracted is not None
                files[name] = extracted.read()
    return files, str(packed["integrity"])


def pack(files: dict[str, bytes]) -> bytes:
    """A reproducible xz-compressed tar of files: sorted, no times, no owners."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        for name in sorted(files):
            info = tarfile.TarInfo(name)
            info.size, info.mode, info.mtime = len(files[name]), 0o644, 0
            archive.addfile(info, io.BytesIO(files[name]))
    return lzma.compress(buffer.getvalue(), preset=9 | lzma.PRESET_EXTREME)


def main(argv: list[str] | None = None) -> int:
    """Fetch, check and write the vendored bundle and its manifest."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version", help="the exact decap-cms version, e.g. 3.16.3")
    version = parser.parse_args(argv).version
    with tempfile.TemporaryDirectory() as folder:
        files, integrity = fetch(version, Path(folder))
    if "decap-cms.js" not in files:
        print(f"decap-cms@{version} has no dist/decap-cms.js", file=sys.stderr)
        return 1
    VENDOR.mkdir(parents=True, exist_ok=True)
    ARCHIVE.write_bytes(pack(files))
    manifest = {
        "package": "decap-cms",
        "version": version,
        "npm_integrity": integrity,
        "files": {name: sha384(files[name]) for name in sorted(files)},
    }
    MANIFEST.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"decap-cms {version}: {len(files)} files, {ARCHIVE.stat().st_size:,} bytes packed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
