"""Options of the search plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ..project import SEARCH_OPTIONS as DEFAULTS


class SearchConfig(Config):
    """Where the index goes in the built site."""

    folder = c.Type(str, default=DEFAULTS["folder"])
    """The index's folder in the site, loaded by the browser only once search is opened."""
