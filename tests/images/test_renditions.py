"""Renditions: the widths asked for, never wider than the source, and no metadata at all."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from midtikulturen.images.cache import RenditionCache, SourceDigests, entry_key
from midtikulturen.images.pipeline import Failed, ImageSet, prepare
from midtikulturen.images.renditions import (
    BadImage,
    decode,
    make_renditions,
    widths_for,
)
from midtikulturen.images.settings import (
    AVIF,
    COPY_NAME,
    JPEG,
    PNG,
    SOCIAL_NAME,
    WEBP,
    Settings,
)
from tests.pictures import photo, png

SETTINGS = Settings()
# Long enough not to occur by chance in compressed pixels (b"GPS" does, now and then).
METADATA_MARKERS = (
    b"Exif\x00\x00",
    b"Telefonfabrikken",
    b"http://ns.adobe.com/xap",
    b"ICC_PROFILE",
    b"iCCP",
    b"eXIf",
)


@pytest.mark.parametrize(
    ("width", "expected"),
    [
        (3000, (480, 960, 1600)),
        (1600, (480, 960, 1600)),
        (1500, (480, 960, 1500)),
        (1000, (480, 960)),
        (700, (480, 700)),
        (500, (480,)),
        (300, (300,)),
    ],
)
def test_widths_never_exceed_the_source(width: int, expected: tuple[int, ...]) -> None:
    assert widths_for(width, SETTINGS) == expected


def test_a_phone_photo_loses_its_gps_position_and_every_other_tag() -> None:
    made = make_renditions(photo(3000, 2000, gps=True), SETTINGS)
    assert [(e.name, e.mime) for e in made] == [
        (str(w), m) for w in (480, 960, 1600) for m in (AVIF, WEBP, JPEG)
    ] + [(SOCIAL_NAME, JPEG)]
    for encoded in made:
        for marker in METADATA_MARKERS:
            assert marker not in encoded.data, (encoded.name, encoded.mime, marker)
        with Image.open(io.BytesIO(encoded.data)) as opened:
            assert not opened.getexif(), (encoded.name, encoded.mime)
            assert not opened.getexif().get_ifd(0x8825), "a GPS position"
            assert "icc_profile" not in opened.info and "xmp" not in opened.info
            assert opened.size == (encoded.width, encoded.height)
            assert opened.get_format_mimetype() == encoded.mime
    assert (made[-1].width, made[-1].height) == (1200, 630)


def test_a_turned_photo_is_published_upright() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was held upright: rotate 90° clockwise to show
    out = io.BytesIO()
    Image.new("RGB", (1200, 800), (10, 200, 10)).save(out, "JPEG", exif=exif)
    made = make_renditions(out.getvalue(), SETTINGS, social=False)
    assert {(e.width, e.height) for e in made} == {(480, 720), (800, 1200)}


def test_an_embedded_colour_profile_is_applied_then_dropped() -> None:
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    out = io.BytesIO()
    Image.new("RGB", (800, 600), (200, 40, 40)).save(out, "JPEG", icc_profile=srgb.tobytes())
    for encoded in make_renditions(out.getvalue(), SETTINGS, social=False):
        with Image.open(io.BytesIO(encoded.data)) as opened:
            assert "icc_profile" not in opened.info
            red, green, blue = opened.convert("RGB").getpixel((400, 300))
            assert abs(red - 200) < 8 and green < 60 and blue < 60


def test_transparency_stays_in_webp_and_lies_on_white_in_jpeg() -> None:
    out = io.BytesIO()
    Image.new("RGBA", (700, 500), (0, 0, 0, 0)).save(out, "PNG")
    made = {(e.name, e.mime): e for e in make_renditions(out.getvalue(), SETTINGS, keep=PNG)}
    with Image.open(io.BytesIO(made["700", WEBP].data)) as webp:
        assert webp.mode == "RGBA" and webp.getpixel((5, 5))[3] == 0
    with Image.open(io.BytesIO(made["700", JPEG].data)) as jpeg:
        assert jpeg.getpixel((5, 5)) == (255, 255, 255)
    copy = made[COPY_NAME, PNG]
    assert (copy.width, copy.height) == (700, 500) and copy.data.startswith(b"\x89PNG")


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, photo(800, 600)[:3000]])
def test_a_damaged_picture_is_a_bad_image(data: bytes) -> None:
    with pytest.raises(BadImage):
        decode(data, 1600)


def test_prepare_reuses_a_sound_cache_entry_and_remakes_a_tampered_one(tmp_path: Path) -> None:
    (tmp_path / "cases/images").mkdir(parents=True)
    (tmp_path / "cases/images/a.jpg").write_bytes(photo(1000, 700))
    cache = RenditionCache(tmp_path / "cache")
    first = prepare(tmp_path, ["cases/images/a.jpg"], SETTINGS, cache)["cases/images/a.jpg"]
    assert isinstance(first, ImageSet)
    assert [r.width for r in first.widths(JPEG)] == [480, 960]
    assert first.site_uri(first.largest) == f"cases/images/a-960w-{first.tag}.jpg"
    assert first.site_uri(first.social) == f"cases/images/a-1200x630-{first.tag}.jpg"
    stamp = {r.path: r.path.stat().st_mtime_ns for r in first.renditions}
    again = prepare(tmp_path, ["cases/images/a.jpg"], SETTINGS, cache)["cases/images/a.jpg"]
    assert again == first and {r.path: r.path.stat().st_mtime_ns for r in again.renditions} == stamp

    planted = Image.new("RGB", (960, 672), (0, 0, 0))
    out = io.BytesIO()
    planted.save(out, "JPEG")
    first.largest.path.write_bytes(out.getvalue())  # the same name, other bytes
    remade = prepare(tmp_path, ["cases/images/a.jpg"], SETTINGS, cache)["cases/images/a.jpg"]
    assert isinstance(remade, ImageSet)
    assert remade.largest.path.read_bytes() != out.getvalue()
    manifest = json.loads((remade.largest.path.parent / "manifest.json").read_text())
    assert {r["name"] for r in manifest["renditions"]} == {"480", "960", SOCIAL_NAME}


def test_the_cache_key_follows_bytes_and_settings() -> None:
    data = photo(700, 500)
    assert entry_key(data, SETTINGS.fingerprint) == entry_key(data, Settings().fingerprint)
    assert entry_key(data, SETTINGS.fingerprint) != entry_key(data + b"\x00", SETTINGS.fingerprint)
    assert SETTINGS.fingerprint != Settings(webp_quality=60).fingerprint


def test_prepare_reports_a_picture_that_does_not_decode(tmp_path: Path) -> None:
    (tmp_path / "b.png").write_bytes(png(700, 500)[:200])
    found = prepare(tmp_path, ["b.png"], SETTINGS, RenditionCache(tmp_path / "cache"))
    assert isinstance(found["b.png"], Failed)


def test_a_source_rewritten_with_its_old_size_and_time_is_read_again(tmp_path: Path) -> None:
    picture = tmp_path / "a.jpg"
    picture.write_bytes(b"\xff\xd8\xff" + b"a" * 100)
    digests = SourceDigests(tmp_path / "cache")
    first = digests.digest(picture)
    digests.save()
    stamp = picture.stat()
    picture.write_bytes(b"\xff\xd8\xff" + b"b" * 100)  # same size
    os.utime(picture, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # same modification time
    again = SourceDigests(tmp_path / "cache")
    assert again.known and again.digest(picture) != first
    assert SourceDigests(tmp_path / "cache").digest(tmp_path / "a.jpg") == again.digest(picture)


def test_entries_unused_for_90_days_are_pruned_once_a_day(tmp_path: Path) -> None:
    (tmp_path / "a.jpg").write_bytes(photo(700, 500))
    (tmp_path / "b.jpg").write_bytes(photo(700, 500, seed=2))
    cache = RenditionCache(tmp_path / "cache")
    found = prepare(tmp_path, ["a.jpg", "b.jpg"], SETTINGS, cache)
    old, kept = (found[name] for name in ("a.jpg", "b.jpg"))
    assert isinstance(old, ImageSet) and isinstance(kept, ImageSet)
    long_ago = 1_000_000_000  # 2001
    os.utime(old.largest.path.parent / "manifest.json", (long_ago, long_ago))
    assert cache.prune() == 1
    assert not old.largest.path.exists() and kept.largest.path.exists()
    os.utime(kept.largest.path.parent / "manifest.json", (long_ago, long_ago))
    assert cache.prune() == 0, "at most once a day"
