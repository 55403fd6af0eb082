"""A podcast series' artwork: its name in white on the site's colour, a square PNG."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw

from ..user_cache import Outputs, output_key
from .lettering import FONT, drawable, fitted, font, wrapped

INDIGO = (0x30, 0x3F, 0x9F)  # Material's indigo 700, the site's primary colour
WHITE = (0xFF, 0xFF, 0xFF)
SIZE = 1400  # Apple Podcasts: 1400-3000 px square, JPEG or PNG, RGB
MARGIN = 120
TITLE_SIZES = (136, 120, 104, 92, 80, 70, 60)  # the largest that fits in MAX_LINES is used
MAX_LINES = 5
SITE_NAME_SIZE = 60
LINE_HEIGHT = 1.18


def kept_series_artwork(series: str, site_name: str, kept: Outputs) -> bytes:
    """series_artwork, drawn once and kept for later builds (about 0.07 s each)."""
    code = [(Path(__file__).parent / name).read_bytes() for name in ("artwork.py", "lettering.py")]
    key = output_key("artwork", series, site_name, FONT.read_bytes(), *code)
    return kept.get_or_make(key, "png", lambda: series_artwork(series, site_name))


def series_artwork(series: str, site_name: str) -> bytes:
    """The artwork of a series as PNG bytes: the series' name large, the site's name below a
    rule; the same bytes for the same names."""
    width = SIZE - 2 * MARGIN
    image = Image.new("RGB", (SIZE, SIZE), INDIGO)
    draw = ImageDraw.Draw(image)
    face, lines = fitted(drawable(series), width, TITLE_SIZES, MAX_LINES)
    step = round(face.size * LINE_HEIGHT)
    for number, line in enumerate(lines):
        draw.text((MARGIN, MARGIN + 80 + number * step), line, font=face, fill=WHITE)
    small = font(SITE_NAME_SIZE)
    bottom = SIZE - MARGIN - small.size
    draw.rectangle((MARGIN, bottom - 30, MARGIN + 160, bottom - 20), WHITE)
    for line in wrapped(drawable(site_name), small, width)[:1]:
        draw.text((MARGIN, bottom), line, font=small, fill=WHITE)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()
