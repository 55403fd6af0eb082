"""Options of the collection plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CollectionConfig(Config):
    """Where the content lives: cases and vocabulary relative to mkdocs.yml, the rest in docs."""

    cases_dir = c.Type(str, default="cases")
    vocabulary = c.Type(str, default="vocabularies.yml")
    guides_dir = c.Type(str, default="guides")
    houses_dir = c.Type(str, default="kulturhuse/huse")
    guide_max_age_months = c.Type(int, default=12)
