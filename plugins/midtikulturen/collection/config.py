"""Options of the collection plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ..project import COLLECTION_OPTIONS as DEFAULTS


class CollectionConfig(Config):
    """Where the content lives: cases and vocabulary relative to mkdocs.yml, the rest in docs."""

    cases_dir = c.Type(str, default=DEFAULTS["cases_dir"])
    vocabulary = c.Type(str, default=DEFAULTS["vocabulary"])
    guides_dir = c.Type(str, default=DEFAULTS["guides_dir"])
    houses_dir = c.Type(str, default=DEFAULTS["houses_dir"])
    podcast_dir = c.Type(str, default=DEFAULTS["podcast_dir"])
    events_dir = c.Type(str, default=DEFAULTS["events_dir"])
    guide_max_age_months = c.Type(int, default=DEFAULTS["guide_max_age_months"])
