"""The pictures of one build: what pages, cards, feeds and link previews show of them."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from markupsafe import Markup

from ..content.model import Case
from ..plan.routes import relative
from ..render.cards import Thumbnails
from ..user_cache import Outputs, output_key
from .body import with_pictures
from .html import MAIN_SIZES, picture, thumbnail
from .pipeline import ImageSet
from .settings import JPEG, Settings

SOCIAL_URI = "assets/midtikulturen/deling-1200x630.jpg"


@dataclass
class BuildPictures:
    """Every picture of the build by its address in the site (its src_uri), and the URL of
    the page of each case whose main picture it is."""

    settings: Settings
    outputs: Outputs
    sets: dict[str, ImageSet] = field(default_factory=dict)
    case_pages: dict[str, str] = field(default_factory=dict)

    def thumbnails(self) -> Thumbnails:
        """The cards' thumbnails from these pictures."""
        return Thumbnails(self._thumbnail, self._thumbnail_data)

    def case_picture(self, case: Case, page_url: str) -> Markup | None:
        """The main picture of a case page at page_url (a URL from the site's root)."""
        image = self.sets.get(case.image_uri or "")
        if image is None:
            return None
        return picture(
            image,
            lambda r: relative(image.site_uri(r), page_url),
            alt=case.meta.image_alt or "",
            main=True,
        )

    def in_page(self, html: str, page_url: str) -> str:
        """html of the page at page_url with each `<img>` of a published picture (a relative
        link) as a `<picture>` of its renditions."""

        def replace(src: str, alt: str) -> Markup | None:
            if urlsplit(src).scheme or src.startswith("/"):
                return None
            target = posixpath.normpath(posixpath.join(_folder(page_url), unquote(src)))
            image = self.sets.get(target)
            if image is None:
                return None
            return picture(
                image, lambda r: relative(image.site_uri(r), page_url), alt=alt, sizes=MAIN_SIZES
            )

        return with_pictures(html, replace)

    def enclosure(self, case: Case, site_url: str) -> tuple[str, int, str] | None:
        """A case picture for feed readers: the 960 px JPEG's address, length and type."""
        image = self.sets.get(case.image_uri or "")
        if image is None:
            return None
        chosen = image.nearest(960, JPEG)
        return urljoin(site_url, image.site_uri(chosen)), chosen.length, chosen.mime

    def sharing(self, case: Case | None, site_url: str) -> tuple[str, int, int, str]:
        """The picture link previews show: the case's crop, or the site's own; with its size."""
        image = self.sets.get(case.image_uri or "") if case else None
        social = image.social if image else None
        if image is None or social is None:
            width, height = self.settings.social
            return urljoin(site_url, SOCIAL_URI), width, height, JPEG
        return urljoin(site_url, image.site_uri(social)), social.width, social.height, JPEG

    def _thumbnail(self, case: Case) -> Markup | None:
        image = self.sets.get(case.image_uri or "")
        page_url = self.case_pages.get(case.image_uri or "")
        if image is None or page_url is None:
            return None
        return thumbnail(image, lambda r: Thumbnails.BASE + relative(image.site_uri(r), page_url))

    def _thumbnail_data(self, case: Case) -> dict[str, object] | None:
        image = self.sets.get(case.image_uri or "")
        if image is None:
            return None
        narrowest = {mime: image.widths(mime)[0] for mime in self.settings.formats}
        jpeg = narrowest[JPEG]
        return {
            "width": jpeg.width,
            "height": jpeg.height,
            "sources": {mime: image.site_uri(r) for mime, r in narrowest.items()},
        }


def site_picture_of(config: Any, pictures: BuildPictures) -> bytes:
    """The site's own sharing picture, drawn once for its name, address and colour."""
    name, address = config.site_name, urlsplit(config.site_url or "").hostname or ""
    primary = _primary(config)
    code = b"".join(
        (Path(__file__).parent / drawn_by).read_bytes()
        for drawn_by in ("social.py", "lettering.py", "fonts/DejaVuSans-Bold.ttf")
    )
    key = output_key("sharing", name, address, primary, pictures.settings.fingerprint, code)

    def draw() -> bytes:
        from .social import default_image  # Pillow: only when the picture is not kept

        return default_image(name, address, primary, pictures.settings)

    return pictures.outputs.get_or_make(key, "jpg", draw)


def _primary(config: Any) -> str:
    palette = config.theme.get("palette") or {}
    first = palette[0] if isinstance(palette, list) and palette else palette
    return str(first.get("primary", "indigo")) if isinstance(first, dict) else "indigo"


def _folder(url: str) -> str:
    """The folder a page's relative links start from: `cases/a/` → `cases/a`."""
    return url.rstrip("/") if url.endswith("/") or not url else posixpath.dirname(url)
