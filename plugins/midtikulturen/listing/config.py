"""Options of the listing plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ..project import LISTING_OPTIONS as DEFAULTS


class ListingConfig(Config):
    """How the case listing is titled and paged."""

    title = c.Type(str, default=DEFAULTS["title"])
    per_page = c.Type(int, default=DEFAULTS["per_page"])
