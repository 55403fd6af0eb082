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
    max_entries_per_term = c.Type(int, default=DEFAULTS["max_entries_per_term"])  # 0: all


def settings_problem(config: FeedConfig, site_url: str | None) -> str | None:
    """What is wrong with the feed options in mkdocs.yml, in Danish; None if nothing."""
    if not site_url:
        return (
            "mkdocs.yml: nyhedsfeeds kræver `site_url` (fx `site_url: https://www.midtikulturen.dk/`),"
            " da feedlæsere skal have hele adresser"
        )
    if config.max_entries < 1 or config.max_entries_per_term < 0:
        return (
            "mkdocs.yml: under midtikulturen/feed skal `max_entries` være mindst 1 og"
            " `max_entries_per_term` mindst 0 (0: alle) — ret tallene"
        )
    if config.rss_path == config.atom_path:
        return (
            "mkdocs.yml: `rss_path` og `atom_path` under midtikulturen/feed skal være"
            " forskellige filer"
        )
    return None
