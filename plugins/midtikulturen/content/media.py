"""Images recognised by their bytes, never by their names."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

HEAD_BYTES = 32


@dataclass(frozen=True)
class ImageKind:
    """A raster format the site publishes: its MIME type and the suffixes its files may have."""

    mime: str
    suffixes: tuple[str, ...]


JPEG = ImageKind("image/jpeg", (".jpg", ".jpeg"))
PNG = ImageKind("image/png", (".png",))
GIF = ImageKind("image/gif", (".gif",))
WEBP = ImageKind("image/webp", (".webp",))
AVIF = ImageKind("image/avif", (".avif",))
IMAGE_SUFFIXES = frozenset(s for kind in (JPEG, PNG, GIF, WEBP, AVIF) for s in kind.suffixes)
ALLOWED = "JPEG, PNG, WebP, AVIF eller GIF"


def sniff(head: bytes) -> ImageKind | None:
    """The image format whose signature head (a file's first bytes) starts with, if any."""
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[4:8] == b"ftyp" and (head[8:12] in (b"avif", b"avis") or (
            head[8:12] in (b"mif1", b"msf1") and b"avif" in head[12:HEAD_BYTES])):
        return AVIF
    return None


def image_kind(path: Path) -> ImageKind | str:
    """The format of the image file at path, or the Danish reason it is not a usable image."""
    try:
        with path.open("rb") as stream:
            head = stream.read(HEAD_BYTES)
    except OSError:
        return "filen kan ikke læses — gem den igen"
    kind = sniff(head)
    if kind is None:
        return (f"filen er ikke et billede i formatet {ALLOWED} (det ses på filens indhold, "
                "ikke dens navn) — gem billedet i et af de formater")
    suffix = posixpath.splitext(path.name)[1].lower()
    if suffix not in kind.suffixes:
        return (f"filen er et {kind.mime.removeprefix('image/').upper()}-billede, men hedder "
                f"'{suffix}' — omdøb den til '{path.stem}{kind.suffixes[0]}'")
    return kind
