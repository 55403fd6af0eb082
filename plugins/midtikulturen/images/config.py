"""Options of the images plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ImagesConfig(Config):
    """Which widths pictures are published in, in which formats, and whether to cache them."""

    widths = c.ListOfItems(c.Type(int), default=[480, 960, 1600])
    avif = c.Type(bool, default=True)
    """Also publish AVIF (smaller than WebP; about half of the first build's picture work)."""
    cache = c.Type(bool, default=True)
    """Keep renditions in the user's cache folder between builds (see images/cache.py)."""
