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
    if head[4:8] == b"ftyp" and (
        head[8:12] in (b"avif", b"avis")
        or (head[8:12] in (b"mif1", b"msf1") and b"avif" in head[12:HEAD_BYTES])
    ):
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
        return (
            f"filen er ikke et billede i formatet {ALLOWED} (det ses på filens indhold, "
            "ikke dens navn) — gem billedet i et af de formater"
        )
    suffix = posixpath.splitext(path.name)[1].lower()
    if suffix not in kind.suffixes:
        return (
            f"filen er et {kind.mime.removeprefix('image/').upper()}-billede, men hedder "
            f"'{suffix}' — omdøb den til '{path.stem}{kind.suffixes[0]}'"
        )
    return kind


@dataclass(frozen=True)
class AudioKind:
    """An audio format the site publishes: its MIME type and the suffixes its files may have."""

    mime: str
    suffixes: tuple[str, ...]


MP3 = AudioKind("audio/mpeg", (".mp3",))
M4A = AudioKind("audio/mp4", (".m4a",))
OGG = AudioKind("audio/ogg", (".ogg", ".oga"))
OPUS = AudioKind("audio/ogg", (".opus",))
AUDIO_SUFFIXES = frozenset(s for kind in (MP3, M4A, OGG, OPUS) for s in kind.suffixes)
AUDIO_ALLOWED = "MP3, M4A, Ogg eller Opus"


def sniff_audio(head: bytes) -> AudioKind | None:
    """The audio format whose signature head (a file's first bytes) starts with, if any."""
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return MP3
    if head[4:8] == b"ftyp" and head[8:12] in (b"M4A ", b"M4B ", b"mp42", b"isom", b"mp41"):
        return M4A
    if head.startswith(b"OggS"):
        return OPUS if b"OpusHead" in head else OGG
    return None


def audio_kind(path: Path) -> AudioKind | str:
    """The format of the audio file at path, or the Danish reason it is not usable audio."""
    try:
        with path.open("rb") as stream:
            head = stream.read(64)
    except OSError:
        return "filen kan ikke læses — gem den igen"
    kind = sniff_audio(head)
    if kind is None:
        return (
            f"filen er ikke lyd i formatet {AUDIO_ALLOWED} (det ses på filens indhold, ikke "
            "dens navn) — gem lyden i et af de formater"
        )
    suffix = posixpath.splitext(path.name)[1].lower()
    if suffix not in kind.suffixes:
        return (
            f"filen er lyd af typen {kind.mime}, men hedder '{suffix}' — omdøb den til "
            f"'{path.stem}{kind.suffixes[0]}'"
        )
    return kind
