"""The site's own sharing picture, for pages without a picture: its name on its colour.

Drawn, not photographed, in the project's font (`lettering.py`), so the same bytes on every
machine.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from .lettering import drawable, fitted, font, wrapped
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
TITLE_SIZES = (96, 84, 72, 60)


def default_image(site_name: str, address: str, primary: str, settings: Settings) -> bytes:
    """A JPEG of the sharing size: the site's name large, a rule, and its address below."""
    width, height = settings.social
    picture = Image.new("RGB", (width, height), PRIMARY.get(primary, PRIMARY["indigo"]))
    draw = ImageDraw.Draw(picture)
    margin = width // 12
    y = height // 4
    face, lines = fitted(drawable(site_name), width - 2 * margin, TITLE_SIZES, 2)
    for line in lines:
        draw.text((margin, y), line, font=face, fill=WHITE)
        y += round(face.size * 1.2)
    y += 28
    draw.rectangle((margin, y, margin + 160, y + 8), fill=WHITE)
    small = font(44)
    for line in wrapped(drawable(address), small, width - 2 * margin)[:1]:
        draw.text((margin, y + 48), line, font=small, fill=WHITE)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=settings.jpeg_quality, optimize=True)
    return out.getvalue()
