"""Generated pictures for tests and benchmarks: shapes and grain drawn by Pillow, no photos.

`photo()` gives a JPEG with the detail of a photograph (soft shapes, a gradient and grain,
so it compresses like one); `gps=True` adds what a phone writes: an EXIF GPS position,
the camera's make and model, and an orientation.
"""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFilter

GPS_LATITUDE = (56.0, 27.0, 35.12)  # 56°27'35.12" N: Viborg


def picture(width: int, height: int, seed: int = 1) -> Image.Image:
    """An RGB picture of soft coloured shapes on a gradient, with grain."""
    rng = random.Random(seed)
    gradient = Image.linear_gradient("L").resize((width, height))
    base = Image.merge(
        "RGB",
        (
            gradient,
            gradient.transpose(Image.Transpose.ROTATE_90).resize((width, height)),
            Image.new("L", (width, height), rng.randrange(60, 200)),
        ),
    )
    draw = ImageDraw.Draw(base)
    for _ in range(60):
        x, y = rng.randrange(width), rng.randrange(height)
        r = rng.randrange(max(2, width // 40), max(3, width // 6))
        draw.ellipse(
            (x - r, y - r, x + r, y + r),
            fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)),
        )
    base = base.filter(ImageFilter.GaussianBlur(max(1, width // 300)))
    grain = Image.effect_noise((width, height), 40).convert("RGB")
    return Image.blend(base, grain, 0.15)


def photo(
    width: int = 3000, height: int = 2000, seed: int = 1, gps: bool = False, fmt: str = "JPEG"
) -> bytes:
    """The picture as a file of fmt; with gps, carrying a phone's EXIF (position included)."""
    out = io.BytesIO()
    options: dict[str, object] = {"quality": 90} if fmt in ("JPEG", "WEBP", "AVIF") else {}
    if gps:
        exif = Image.Exif()
        exif[0x010F] = "Telefonfabrikken"  # Make
        exif[0x0110] = "Model 7"  # Model
        exif[0x0112] = 1  # Orientation
        exif[0x8825] = {1: "N", 2: GPS_LATITUDE, 3: "E", 4: (9.0, 24.0, 1.0)}
        options["exif"] = exif
    picture(width, height, seed).save(out, fmt, **options)
    return out.getvalue()


def png(width: int, height: int, seed: int = 1) -> bytes:
    """The picture as a PNG."""
    return photo(width, height, seed, fmt="PNG")
