"""Options of the feed plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class FeedConfig(Config):
    """Where the feeds are written, relative to the site root, and how long they are."""

    rss_path = c.Type(str, default="feed_rss.xml")
    atom_path = c.Type(str, default="feed_atom.xml")
    max_entries = c.Type(int, default=50)
