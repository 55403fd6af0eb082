"""How pictures are resized and encoded: one value, part of every cache key."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

AVIF, WEBP, JPEG = "image/avif", "image/webp", "image/jpeg"
PNG, GIF = "image/png", "image/gif"
SUFFIX = {AVIF: "avif", WEBP: "webp", JPEG: "jpg", PNG: "png", GIF: "gif"}
SOCIAL_NAME = "social"  # the sharing crop's rendition name (widths name the others)
COPY_NAME = "copy"  # the widest size in the source's own format, where that is not made


@dataclass(frozen=True)
class Settings:
    """Widths of the renditions, their formats best first, qualities, the sharing image's size.

    JPEG comes last: it is the `<img>` every browser can show, and the one feeds enclose.
    """

    widths: tuple[int, ...] = (480, 960, 1600)
    formats: tuple[str, ...] = (AVIF, WEBP, JPEG)
    avif_quality: int = 55
    avif_speed: int = 6
    webp_quality: int = 75
    jpeg_quality: int = 80
    social: tuple[int, int] = (1200, 630)  # Open Graph's recommended size, 1.91:1

    @cached_property
    def fingerprint(self) -> str:
        """What a rendition depends on besides its source: these values and the code."""
        import PIL

        digest = hashlib.blake2b(repr(self).encode(), digest_size=16)
        digest.update(PIL.__version__.encode())
        digest.update((Path(__file__).parent / "renditions.py").read_bytes())
        return digest.hexdigest()


MAX_WIDTH = 4096


def settings_of(widths: Sequence[int], avif: bool) -> Settings:
    """The settings the images plugin's options ask for; ValueError says in Danish what is
    wrong with them."""
    chosen = tuple(sorted(set(widths)))
    if not chosen or chosen[0] < 1 or chosen[-1] > MAX_WIDTH:
        raise ValueError(
            f"mkdocs.yml: `widths` under midtikulturen/images skal være 1 til {MAX_WIDTH} pixels"
        )
    return Settings(widths=chosen, formats=(AVIF, WEBP, JPEG) if avif else (WEBP, JPEG))
