"""Text drawn into the site's own pictures: the project's font, and lines that fit a width."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PIL import ImageFont

FONT = Path(__file__).parent / "fonts" / "DejaVuSans-Bold.ttf"
# What the font holds (fonts/README.md); any other character is left out of a picture.
COVERED = ((0x20, 0x7E), (0xA0, 0x17F), (0x2010, 0x2027), (0x2030, 0x203A), (0x20AC, 0x20AC))


@cache
def font(size: int) -> ImageFont.FreeTypeFont:
    """The project's font at size pixels, the same on every machine (Pillow's own has no æ, ø
    or å, and a system font would make the pictures differ from machine to machine)."""
    return ImageFont.truetype(str(FONT), size)


def drawable(text: str) -> str:
    """text without the characters the font cannot draw, spaces collapsed."""
    kept = "".join(c for c in text if any(low <= ord(c) <= high for low, high in COVERED))
    return " ".join(kept.split())


def wrapped(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """text broken into lines no wider than width, at spaces, and inside a word only where the
    word alone is wider than width."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and face.getlength(candidate) <= width:
            lines[-1] = candidate
            continue
        while len(word) > 1 and face.getlength(word) > width:
            fits = (n for n in range(len(word) - 1, 0, -1) if face.getlength(word[:n]) <= width)
            cut = next(fits, 1)
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    return lines


def fitted(
    text: str, width: int, sizes: tuple[int, ...], max_lines: int
) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest of sizes at which text fits width in max_lines without breaking a word,
    and its lines; else the smallest size, words broken, cut to max_lines."""
    for size in sizes:
        face = font(size)
        lines = wrapped(text, face, width)
        if len(lines) <= max_lines and all(face.getlength(w) <= width for w in text.split()):
            return face, lines
    face = font(sizes[-1])
    return face, wrapped(text, face, width)[:max_lines]
