"""Options of the feed plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ..project import FEED_OPTIONS as DEFAULTS


class FeedConfig(Config):
    """What the feed files are called and how long the feeds are.

    The site feeds live at rss_path and atom_path from the site root; the feeds of a content
    type or a term use the same file names in its folder (`kommuner/skive/feed_rss.xml`).
    """

    rss_path = c.Type(str, default=DEFAULTS["rss_path"])
    atom_path = c.Type(str, default=DEFAULTS["atom_path"])
    max_entries = c.Type(int, default=DEFAULTS["max_entries"])
    max_entries_per_term = c.Type(int, default=DEFAULTS["max_entries_per_term"])  # 0: every published item
