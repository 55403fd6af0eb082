"""Options of the site plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SiteConfig(Config):
    """Where the accessibility statement is, and the locale social previews announce."""

    statement = c.Type(str, default="tilgaengelighed.md")
    """A page in docs, or the absolute address of the statement made in the WAS-Tool."""
    locale = c.Type(str, default="da_DK")
