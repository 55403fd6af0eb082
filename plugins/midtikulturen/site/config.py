"""Options of the site plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SiteConfig(Config):
    """Where the accessibility statement is, the locale social previews announce, and where
    the JSON Schemas are published."""

    statement = c.Type(str, default="tilgaengelighed.md")
    """A page in docs, or the absolute address of the statement made in the WAS-Tool."""
    locale = c.Type(str, default="da_DK")
    schemas = c.Type(str, default="schemas")
    """The folder of the site that holds the JSON Schemas of the content; empty: none."""
