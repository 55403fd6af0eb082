"""Options of the cms plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from .decap import LOCAL_PROXY


class CmsConfig(Config):
    """Where the CMS saves: the GitHub repository, its branch and the sign-in helper."""

    enabled = c.Type(bool, default=True)
    repo = c.Type(str, default="")
    """`owner/name` of the site's repository on GitHub."""
    branch = c.Type(str, default="main")
    auth_url = c.Type(str, default="")
    """The address of the OAuth helper that signs editors in with GitHub (Decap's `base_url`)."""
    local_proxy = c.Type(str, default=LOCAL_PROXY)
    """Where decap-server listens when the CMS runs on this machine (`midtikulturen edit`)."""
    folder = c.Type(str, default="admin")
