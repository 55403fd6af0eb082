"""The site's own sharing picture, for pages without a picture: its name on its colour.

Drawn, not photographed. The text uses Pillow's bundled font (the same bytes on every
machine); where it lacks a letter of the text (it has no æ, ø, å), DejaVu Sans from the
system is used if it is installed.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .settings import Settings

# Material for MkDocs' primary colours (`theme.palette.primary`), as its stylesheet sets them.
PRIMARY = {
    "indigo": "#4051b5",
    "blue": "#2094f3",
    "teal": "#009485",
    "green": "#4cae4f",
    "deep-purple": "#7e56c2",
    "purple": "#ab47bd",
    "red": "#ef5552",
    "pink": "#e92063",
    "black": "#000000",
    "blue-grey": "#546d78",
    "brown": "#795649",
}
WHITE = (255, 255, 255)
SYSTEM_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
)
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def default_image(site_name: str, address: str, primary: str, settings: Settings) -> bytes:
    """A JPEG of the sharing size: the site's name large, a rule, and its address below."""
    width, height = settings.social
    picture = Image.new("RGB", (width, height), PRIMARY.get(primary, PRIMARY["indigo"]))
    draw = ImageDraw.Draw(picture)
    margin = width // 12
    y = height // 4
    title_font = font_for(site_name, 104)
    for line in textwrap.wrap(site_name, 18)[:2]:
        draw.text((margin, y), line, font=title_font, fill=WHITE)
        y += 124
    y += 28
    draw.rectangle((margin, y, margin + 160, y + 8), fill=WHITE)
    if address:
        draw.text((margin, y + 48), address, font=font_for(address, 44), fill=WHITE)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=settings.jpeg_quality, optimize=True)
    return out.getvalue()


def font_for(text: str, size: int) -> Font:
    """Pillow's bundled font at size, or DejaVu Sans where only that has every letter of text."""
    bundled = ImageFont.load_default(size=size)
    if has_glyphs(bundled, text):
        return bundled
    for path in SYSTEM_FONTS:
        if path.is_file():
            return ImageFont.truetype(str(path), size)
    return bundled


def has_glyphs(font: Font, text: str) -> bool:
    """Whether font draws every letter of text (a missing one is drawn as the missing glyph)."""
    missing = bytes(font.getmask("\uffff"))
    return all(bytes(font.getmask(char)) != missing for char in set(text) if not char.isspace())
