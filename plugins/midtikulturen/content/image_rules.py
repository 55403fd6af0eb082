"""What makes an image unfit for the site, from its header: Danish reasons for editors.

`midtikulturen check` and the build apply the same rules (`content.loader.case_image` for a
case's main image, `content.folders` for every image published from docs/).
"""

from __future__ import annotations

from pathlib import Path

from .image_probe import Size, Unreadable, image_size
from .media import ImageKind

# Pillow's own limit (`PIL.Image.MAX_IMAGE_PIXELS`; a test keeps them equal): an image with
# more pixels may be a decompression bomb, a small file that fills the memory when decoded.
MAX_PIXELS = 89_478_485
MIN_MAIN_WIDTH = 600  # a case's main image fills the column: 600 px is the least that looks sharp


def size_problem(path: Path, kind: ImageKind, main: bool = False) -> str | None:
    """Why the image at path cannot be shown, if it cannot; main: it is a case's main image."""
    try:
        size = image_size(path, kind)
    except (OSError, Unreadable):
        return (
            "billedets størrelse kan ikke læses, så filen er nok beskadiget — gem "
            "billedet igen fra dit billedprogram"
        )
    return problem_of(size, main)


def problem_of(size: Size, main: bool = False) -> str | None:
    """Why an image of size cannot be shown, if it cannot."""
    if size.width < 1 or size.height < 1:
        return "billedet har ingen pixels — gem billedet igen fra dit billedprogram"
    if size.pixels > MAX_PIXELS:
        return (
            f"billedet er {_n(size.width)} × {_n(size.height)} pixels "
            f"({_megapixels(size.pixels)} "
            f"megapixel), mere end de {_megapixels(MAX_PIXELS)} megapixel, sitet kan "
            "behandle — gem en mindre udgave, fx 3000 pixels bred"
        )
    if main and size.width < MIN_MAIN_WIDTH:
        return (
            f"billedet er kun {size.width} pixels bredt; et hovedbillede skal være mindst "
            f"{MIN_MAIN_WIDTH} pixels bredt for at stå skarpt — brug en større udgave"
        )
    return None


def _megapixels(pixels: int) -> str:
    return f"{pixels / 1e6:.0f}"


def _n(number: int) -> str:
    """A whole number as Danes write it: `30.000`."""
    return f"{number:,}".replace(",", ".")
