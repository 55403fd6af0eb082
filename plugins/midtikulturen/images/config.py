"""Options of the images plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ..project import IMAGES_OPTIONS as DEFAULTS


class ImagesConfig(Config):
    """Which widths pictures are published in, in which formats, and whether to cache them."""

    widths = c.ListOfItems(c.Type(int), default=DEFAULTS["widths"])
    avif = c.Type(bool, default=DEFAULTS["avif"])
    """Also publish AVIF (smaller than WebP; about half of the first build's picture work)."""
    cache = c.Type(bool, default=DEFAULTS["cache"])
    """Keep renditions in the user's cache folder between builds (see images/cache.py)."""
