"""Sizes read from image headers agree with Pillow's, for every format and orientation."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageOps

from midtikulturen.content.image_probe import Size, Unreadable, image_size
from midtikulturen.content.image_rules import MAX_PIXELS, problem_of
from midtikulturen.content.media import image_kind
from tests.pictures import photo

RED = (200, 30, 30)


def saved(
    fmt: str, size: tuple[int, int] = (1234, 567), mode: str = "RGB", **options: object
) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, RED if mode == "RGB" else (*RED, 128)).save(out, fmt, **options)
    return out.getvalue()


def exif(orientation: int) -> Image.Exif:
    found = Image.Exif()
    found[0x0112] = orientation
    return found


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.jpg", saved("JPEG"), Size(1234, 567)),
        ("a.jpg", saved("JPEG", progressive=True), Size(1234, 567)),
        ("a.jpg", photo(900, 600, gps=True), Size(900, 600)),
        ("turned.jpg", saved("JPEG", exif=exif(6)), Size(567, 1234)),
        ("mirrored.jpg", saved("JPEG", exif=exif(2)), Size(1234, 567)),
        ("a.png", saved("PNG"), Size(1234, 567)),
        ("a.gif", saved("GIF"), Size(1234, 567)),
        ("lossy.webp", saved("WEBP"), Size(1234, 567)),
        ("lossless.webp", saved("WEBP", lossless=True), Size(1234, 567)),
        ("alpha.webp", saved("WEBP", mode="RGBA"), Size(1234, 567)),
        ("a.avif", saved("AVIF"), Size(1234, 567)),
    ],
)
def test_header_size_is_the_size_pillow_shows(
    tmp_path: Path, name: str, data: bytes, expected: Size
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    kind = image_kind(path)
    assert not isinstance(kind, str), kind
    assert image_size(path, kind) == expected
    with Image.open(path) as opened:
        assert ImageOps.exif_transpose(opened).size == (expected.width, expected.height)


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xd8\xff\xe0\x00",
        b"\xff\xd8\xff\xd9",
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40,
        b"\x89PNG\r\n\x1a\n\x00\x00",
        b"RIFF\x00\x00\x00\x00WEBPVP8Z",
    ],
)
def test_a_header_cut_short_or_damaged_is_unreadable(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / (
        "a.png" if data.startswith(b"\x89") else "a.webp" if data.startswith(b"RIFF") else "a.jpg"
    )
    path.write_bytes(data)
    kind = image_kind(path)
    assert not isinstance(kind, str)
    with pytest.raises(Unreadable):
        image_size(path, kind)


def test_the_pixel_limit_is_pillows() -> None:
    assert MAX_PIXELS == Image.MAX_IMAGE_PIXELS


@pytest.mark.parametrize(
    ("size", "main", "words"),
    [
        (Size(600, 10), True, None),
        (Size(599, 4000), True, "kun 599 pixels bredt"),
        (Size(599, 4000), False, None),
        (Size(10_000, 9_000), False, "10.000 × 9.000 pixels (90 megapixel)"),
        (Size(9_459, 9_459), False, None),  # 89.47 megapixel: just under the limit
        (Size(0, 10), False, "ingen pixels"),
    ],
)
def test_rules_refuse_narrow_main_pictures_and_bombs(
    size: Size, main: bool, words: str | None
) -> None:
    problem = problem_of(size, main)
    assert (problem is None) == (words is None), problem
    assert words is None or words in (problem or "")
