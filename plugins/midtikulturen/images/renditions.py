"""Resized copies of a picture in modern formats, without its metadata (GPS positions!).

Only what the pixels need survives: the EXIF orientation is applied, colours are converted to
sRGB, and EXIF, XMP, ICC profiles and comments are left out of every file written.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps

from ..content.image_rules import MAX_PIXELS
from .settings import AVIF, COPY_NAME, GIF, JPEG, PNG, SOCIAL_NAME, WEBP, Settings

_SRGB = ImageCms.createProfile("sRGB")
_PILLOW_FORMAT = {AVIF: "AVIF", WEBP: "WEBP", JPEG: "JPEG"}


@dataclass(frozen=True)
class Encoded:
    """One rendition: its name (a width, or SOCIAL_NAME), size, MIME type and bytes."""

    name: str
    width: int
    height: int
    mime: str
    data: bytes


class BadImage(Exception):
    """The picture cannot be decoded, or is too large to decode safely."""


def widths_for(width: int, settings: Settings) -> tuple[int, ...]:
    """The rendition widths for a source width: never wider than the source.

    A source narrower than the largest width gets its own width as the last rendition,
    unless a smaller one is within a tenth of it.
    """
    chosen = [w for w in settings.widths if w <= width]
    if width < settings.widths[-1] and not any(w >= width * 0.9 for w in chosen):
        chosen.append(width)
    return tuple(chosen)


def make_renditions(
    data: bytes, settings: Settings, social: bool = True, keep: str | None = None
) -> list[Encoded]:
    """Every rendition of the picture in data: each width in each format, and the sharing crop.

    keep is the source's own MIME type: where the settings do not make that format (PNG,
    GIF), the widest size is also encoded in it (COPY_NAME), to publish at the source's
    own address, which pages may link to.
    """
    picture = decode(data, max(settings.widths))
    made, larger = [], picture
    for width in sorted(widths_for(picture.width, settings), reverse=True):
        height = max(1, round(picture.height * width / picture.width))
        resized = _clean(larger.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=2.0))
        larger = resized  # each width from the next larger one: a third of the work
        for mime in settings.formats:
            made.append(Encoded(str(width), width, height, mime, encode(resized, mime, settings)))
    made.sort(key=lambda e: (e.width, settings.formats.index(e.mime)))
    if keep in (PNG, GIF):
        widest = made[-1]
        copy = (
            picture.resize(
                (widest.width, widest.height), Image.Resampling.LANCZOS, reducing_gap=2.0
            )
            if picture.width != widest.width
            else picture
        )
        made.append(
            Encoded(
                COPY_NAME, widest.width, widest.height, keep, encode(_clean(copy), keep, settings)
            )
        )
    if social:
        crop = _clean(
            ImageOps.fit(picture, settings.social, Image.Resampling.LANCZOS, centering=(0.5, 0.4))
        )
        made.append(Encoded(SOCIAL_NAME, *settings.social, JPEG, encode(crop, JPEG, settings)))
    return made


def decode(data: bytes, largest: int) -> Image.Image:
    """The picture upright, in sRGB, as RGB or RGBA; JPEGs decoded at a reduced scale when
    even the largest rendition needs only half of their pixels."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as opened:
                if opened.width * opened.height > MAX_PIXELS:
                    raise BadImage(f"{opened.width} × {opened.height} pixels is too many")
                if opened.format == "JPEG":  # square: the EXIF orientation may turn it
                    opened.draft("RGB", (largest, largest))
                opened.seek(0)  # an animated image shows its first frame
                picture = ImageOps.exif_transpose(opened)
                return _srgb(picture)
    except (
        OSError,
        ValueError,
        SyntaxError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as error:
        raise BadImage(str(error)) from None


def _srgb(picture: Image.Image) -> Image.Image:
    alpha = picture.mode in ("RGBA", "LA", "PA") or (
        picture.mode == "P" and "transparency" in picture.info
    )
    mode = "RGBA" if alpha else "RGB"
    profile = picture.info.get("icc_profile")
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            converted = ImageCms.profileToProfile(
                picture.convert(mode), source, _SRGB, outputMode=mode
            )
            if converted is not None:
                return _clean(converted)
        except ImageCms.PyCMSError:
            pass  # a broken profile: the pixels are taken as sRGB
    return _clean(picture.convert(mode))


def _clean(picture: Image.Image) -> Image.Image:
    """picture without the metadata Pillow carries along in `info` (EXIF, XMP, ICC, …)."""
    picture.info = {}
    return picture


def encode(picture: Image.Image, mime: str, settings: Settings) -> bytes:
    """picture as a file of type mime, with no metadata; JPEG puts transparency on white."""
    out = io.BytesIO()
    if mime == JPEG:
        if picture.mode == "RGBA":
            white = Image.new("RGB", picture.size, (255, 255, 255))
            white.paste(picture, mask=picture.getchannel("A"))
            picture = white
        picture.save(out, "JPEG", quality=settings.jpeg_quality, optimize=True, progressive=True)
    elif mime == PNG:
        picture.save(out, "PNG", optimize=True)
    elif mime == GIF:
        picture.convert("RGB").save(out, "GIF")
    elif mime == WEBP:
        picture.save(out, "WEBP", quality=settings.webp_quality, method=4)
    else:
        picture.save(
            out, _PILLOW_FORMAT[mime], quality=settings.avif_quality, speed=settings.avif_speed
        )
    return out.getvalue()
