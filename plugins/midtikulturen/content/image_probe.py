"""An image's size read from its header alone: no decoding, no imaging library.

`midtikulturen check` runs this for every case image, so it reads a few hundred bytes per
file (a JPEG's segments are skipped by their lengths) and imports nothing heavy.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .media import AVIF, GIF, JPEG, PNG, WEBP, ImageKind

MAX_SEGMENTS = 512  # a JPEG's segments before its frame header; real files have a dozen
MAX_BOXES = 256
ROTATED = frozenset({5, 6, 7, 8})  # EXIF orientations that swap width and height
_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})


@dataclass(frozen=True)
class Size:
    """Pixels as shown: width and height after the EXIF orientation is applied."""

    width: int
    height: int

    @property
    def pixels(self) -> int:
        """How many pixels decoding the image makes."""
        return self.width * self.height


class Unreadable(Exception):
    """The header does not give a size: the file is cut short or damaged."""


def image_size(path: Path, kind: ImageKind) -> Size:
    """The size of the image at path, whose format kind is known from its bytes."""
    with path.open("rb") as stream:
        try:
            if kind is JPEG:
                return _jpeg(stream)
            if kind is PNG:
                return _fixed(stream, 16, ">II")
            if kind is GIF:
                return _fixed(stream, 6, "<HH")
            if kind is WEBP:
                return _webp(stream)
            if kind is AVIF:
                return _avif(stream)
        except (struct.error, ValueError) as error:
            raise Unreadable(str(error)) from None
    raise Unreadable(f"no size reader for {kind.mime}")


def _read(stream: BinaryIO, n: int) -> bytes:
    data = stream.read(n)
    if len(data) < n:
        raise Unreadable("the file ends inside its header")
    return data


def _fixed(stream: BinaryIO, offset: int, layout: str) -> Size:
    stream.seek(offset)
    width, height = struct.unpack(layout, _read(stream, struct.calcsize(layout)))
    return Size(width, height)


def _jpeg(stream: BinaryIO) -> Size:
    """The frame header's size, turned by the EXIF orientation in APP1 if there is one."""
    stream.seek(2)
    orientation = 1
    for _ in range(MAX_SEGMENTS):
        marker = _read(stream, 2)
        while marker[0] == 0xFF and marker[1] == 0xFF:  # fill bytes before a marker
            marker = marker[1:] + _read(stream, 1)
        if marker[0] != 0xFF:
            raise Unreadable("no JPEG marker where one should be")
        code = marker[1]
        if code == 0x01 or 0xD0 <= code <= 0xD7:
            continue
        if code in (0xD9, 0xDA):
            break  # end of image or start of scan: no frame header came first
        (length,) = struct.unpack(">H", _read(stream, 2))
        if length < 2:
            raise Unreadable("a JPEG segment is shorter than its own length field")
        if code in _SOF:
            _, height, width = struct.unpack(">BHH", _read(stream, 5))
            return Size(height, width) if orientation in ROTATED else Size(width, height)
        if code == 0xE1 and orientation == 1:
            body = _read(stream, length - 2)
            orientation = exif_orientation(body)
        else:
            stream.seek(length - 2, 1)
    raise Unreadable("no JPEG frame header")


def exif_orientation(app1: bytes) -> int:
    """The orientation tag (1–8) of an APP1 segment's EXIF data; 1 if it has none."""
    if not app1.startswith(b"Exif\x00\x00") or len(app1) < 14:
        return 1
    tiff = app1[6:]
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None:
        return 1
    (first,) = struct.unpack(order + "I", tiff[4:8])
    if first + 2 > len(tiff):
        return 1
    (count,) = struct.unpack(order + "H", tiff[first : first + 2])
    for index in range(min(count, 512)):
        at = first + 2 + 12 * index
        entry = tiff[at : at + 12]
        if len(entry) < 12:
            break
        tag, kind = struct.unpack(order + "HH", entry[:4])
        if tag == 0x0112 and kind == 3:
            (value,) = struct.unpack(order + "H", entry[8:10])
            return value if 1 <= value <= 8 else 1
    return 1


def _webp(stream: BinaryIO) -> Size:
    head = _read(stream, 30)
    chunk = head[12:16]
    if chunk == b"VP8 ":
        width, height = struct.unpack("<HH", head[26:30])
        return Size(width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L":
        (bits,) = struct.unpack("<I", head[21:25])
        return Size((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X":
        return Size(
            int.from_bytes(head[24:27], "little") + 1, int.from_bytes(head[27:30], "little") + 1
        )
    raise Unreadable("an unknown WebP chunk comes first")


def _avif(stream: BinaryIO) -> Size:
    """The first `ispe` property (the primary image's, as encoders write it), turned by `irot`."""
    size, turns = None, 0
    for box, body in _boxes(stream, ("meta", "iprp", "ipco")):
        if box == b"ispe" and size is None:
            size = struct.unpack(">II", body[4:12])
        elif box == b"irot" and body:
            turns = body[0] & 3
    if size is None:
        raise Unreadable("no AVIF image size (ispe)")
    width, height = size
    return Size(height, width) if turns % 2 else Size(width, height)


def _boxes(stream: BinaryIO, path: tuple[str, ...]) -> list[tuple[bytes, bytes]]:
    """The boxes inside the nested boxes named by path (ISO base media file format)."""
    stream.seek(0)
    end = stream.seek(0, 2)
    stream.seek(0)
    start, depth, found = 0, 0, []
    for _ in range(MAX_BOXES):
        if start + 8 > end:
            break
        stream.seek(start)
        length, name = struct.unpack(">I4s", _read(stream, 8))
        header = 8
        if length == 1:
            (length,) = struct.unpack(">Q", _read(stream, 8))
            header = 16
        elif length == 0:
            length = end - start
        if length < header:
            raise Unreadable("an AVIF box is shorter than its header")
        if depth < len(path) and name == path[depth].encode():
            depth += 1
            start += header + (4 if name == b"meta" else 0)  # meta is a full box
            continue
        if depth == len(path):
            found.append((name, _read(stream, min(length - header, 64))))
        start += length
    return found
