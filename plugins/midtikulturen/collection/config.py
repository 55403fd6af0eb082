"""Options of the collection plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CollectionConfig(Config):
    """Where the content lives, relative to mkdocs.yml."""

    cases_dir = c.Type(str, default="cases")
    vocabulary = c.Type(str, default="vocabularies.yml")
