"""What the other plugins ask about pictures: one function per question, by plugin name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..feed.feeds import Enclosure
from ..state import required_plugin

if TYPE_CHECKING:
    from markupsafe import Markup
    from mkdocs.config.defaults import MkDocsConfig

    from ..content.model import Case
    from .plugin import ImagesPlugin

IMAGES = "midtikulturen/images"


def images_plugin(config: MkDocsConfig) -> ImagesPlugin:
    """The images plugin of this build: without it, no picture may be published."""
    found: ImagesPlugin = required_plugin(
        config,
        IMAGES,
        " efter 'midtikulturen/collection' — det er det plugin, der udgiver billederne "
        "(skaleret og uden GPS-position og andre metadata)",
    )
    return found


def case_picture(config: MkDocsConfig, case: Case, page_url: str) -> Markup | None:
    """The `<picture>` of a case's main picture on its page at page_url, if it has one."""
    pictures = images_plugin(config).pictures
    return pictures.case_picture(case, page_url) if case.image_uri and pictures else None


def case_enclosure(config: MkDocsConfig, case: Case) -> Enclosure | None:
    """The case's picture as a feed enclosure (a resized JPEG), if it has one."""
    if not case.image_uri:
        return None
    pictures = images_plugin(config).pictures
    found = pictures.enclosure(case, config.site_url or "") if pictures else None
    return Enclosure(*found) if found else None


def sharing_image(config: MkDocsConfig, case: Case | None) -> tuple[str, int, int, str] | None:
    """The absolute address, width, height and type of the picture a page shares, if the
    images plugin is in the build: a case's crop, or else the site's own picture."""
    plugin = config.plugins.get(IMAGES)
    if plugin is None or plugin.pictures is None or not config.site_url:
        return None
    found: tuple[str, int, int, str] = plugin.pictures.sharing(case, config.site_url)
    return found
