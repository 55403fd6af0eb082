"""A podcast series' artwork: its name in white on the site's colour, a square PNG."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = Path(__file__).parent / "fonts" / "DejaVuSans-Bold.ttf"
# What the font holds (fonts/README.md); any other character is left out of the picture.
COVERED = ((0x20, 0x7E), (0xA0, 0x17F), (0x2010, 0x2027), (0x2030, 0x203A), (0x20AC, 0x20AC))

INDIGO = (0x30, 0x3F, 0x9F)  # Material's indigo 700, the site's primary colour
WHITE = (0xFF, 0xFF, 0xFF)
SIZE = 1400  # Apple Podcasts: 1400-3000 px square, JPEG or PNG, RGB
MARGIN = 120
TITLE_SIZES = (136, 120, 104, 92, 80, 70, 60)  # the largest that fits in MAX_LINES is used
MAX_LINES = 5
SITE_NAME_SIZE = 60
LINE_HEIGHT = 1.18


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    """The project's font (fonts/README.md) at size pixels: the same on every machine."""
    return ImageFont.truetype(str(FONT), size)


def drawable(text: str) -> str:
    """text without the characters the font cannot draw, spaces collapsed."""
    kept = "".join(c for c in text if any(low <= ord(c) <= high for low, high in COVERED))
    return " ".join(kept.split())


def wrapped(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """text broken into lines no wider than width, at spaces, and inside a word only where the
    word alone is wider than width."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= width:
            lines[-1] = candidate
            continue
        while len(word) > 1 and font.getlength(word) > width:
            fits = (n for n in range(len(word) - 1, 0, -1) if font.getlength(word[:n]) <= width)
            cut = next(fits, 1)
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    return lines


def _title_lines(title: str, width: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest font whose wrapped title fits width in MAX_LINES, and those lines."""
    for size in TITLE_SIZES:
        font = _font(size)
        lines = wrapped(title, font, width)
        whole = all(font.getlength(word) <= width for word in title.split())
        if whole and len(lines) <= MAX_LINES:
            return font, lines
    font = _font(TITLE_SIZES[-1])
    return font, wrapped(title, font, width)[:MAX_LINES]


def series_artwork(series: str, site_name: str) -> bytes:
    """The artwork of a series as PNG bytes: the series' name large, the site's name below a
    rule; the same bytes for the same names."""
    width = SIZE - 2 * MARGIN
    image = Image.new("RGB", (SIZE, SIZE), INDIGO)
    draw = ImageDraw.Draw(image)
    font, lines = _title_lines(drawable(series), width)
    step = round(font.size * LINE_HEIGHT)
    for number, line in enumerate(lines):
        draw.text((MARGIN, MARGIN + 80 + number * step), line, font=font, fill=WHITE)
    small = _font(SITE_NAME_SIZE)
    bottom = SIZE - MARGIN - small.size
    draw.rectangle((MARGIN, bottom - 30, MARGIN + 160, bottom - 20), WHITE)
    for line in wrapped(drawable(site_name), small, width)[:1]:
        draw.text((MARGIN, bottom), line, font=small, fill=WHITE)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()
