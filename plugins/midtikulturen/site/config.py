"""Options of the site plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ..project import SITE_OPTIONS as DEFAULTS


class SiteConfig(Config):
    """Where the accessibility statement is, the locale social previews announce, and where
    the JSON Schemas are published."""

    statement = c.Type(str, default=DEFAULTS["statement"])
    """A page in docs, or the absolute address of the statement made in the WAS-Tool."""
    locale = c.Type(str, default=DEFAULTS["locale"])
    schemas = c.Type(str, default=DEFAULTS["schemas"])
    """The folder of the site that holds the JSON Schemas of the content; empty: none."""
