"""A plain square picture in the site's colour, for podcast artwork where none is given."""

from __future__ import annotations

import struct
import zlib

INDIGO = (0x30, 0x3F, 0x9F)  # Material's indigo 700, the site's primary colour


def square_png(size: int = 1400, colour: tuple[int, int, int] = INDIGO) -> bytes:
    """A size × size PNG of one colour: the same bytes every time."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    row = b"\x00" + bytes(colour) * size
    pixels = zlib.compress(row * size, 9)
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
