"""MkDocs glue: publish every picture as resized renditions, never the editor's own file."""

from __future__ import annotations

import posixpath
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from ..content.media import IMAGE_SUFFIXES
from ..glue import catalog
from ..render.cards import Thumbnails, use_thumbnails
from .body import with_pictures
from .cache import Outputs, RenditionCache, cache_folder, output_key, outputs_folder
from .config import ImagesConfig
from .html import MAIN_SIZES, picture, thumbnail
from .pipeline import Failed, ImageSet, prepare
from .settings import AVIF, JPEG, WEBP, Settings

if TYPE_CHECKING:
    from markupsafe import Markup
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from ..content.model import Case

SOCIAL_URI = "assets/midtikulturen/deling-1200x630.jpg"
MAX_WIDTH = 4096


class ImagesPlugin(BasePlugin[ImagesConfig]):
    """Makes the renditions of the build's pictures and answers the other plugins about them."""

    sets: dict[str, ImageSet] = {}  # by the picture's address in the site (its src_uri)
    case_pages: dict[str, str] = {}  # a case's picture address -> its page's URL, for cards
    social_uri = SOCIAL_URI
    _scratch: tempfile.TemporaryDirectory[str] | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        widths = tuple(sorted(set(self.config.widths)))
        if not widths or widths[0] < 1 or widths[-1] > MAX_WIDTH:
            raise PluginError(f"The images plugin's `widths` must be 1 to {MAX_WIDTH} pixels.")
        formats = (AVIF, WEBP, JPEG) if self.config.avif else (WEBP, JPEG)
        self.settings = Settings(widths=widths, formats=formats)
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.outputs = Outputs(outputs_folder() if self.config.cache else None)
        if self.config.cache:
            self.cache = RenditionCache(cache_folder())
        else:  # this build's own folder, removed when MkDocs shuts down
            self._scratch = self._scratch or tempfile.TemporaryDirectory(
                prefix="midtikulturen-images-")
            self.cache = RenditionCache(Path(self._scratch.name))
        self.sets, self.case_pages = {}, {}
        use_thumbnails(None)
        return config

    @event_priority(-5)  # after the collection plugin placed the case pages and their pictures
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        pictures = {path: f for f in files
                    if posixpath.splitext(f.src_uri)[1].lower() in IMAGE_SUFFIXES
                    and not f.inclusion.is_excluded() and (path := self._project_path(f))}
        made = prepare(self.root, pictures, self.settings, self.cache,
                       {path: posixpath.dirname(f.src_uri) for path, f in pictures.items()})
        failed = [result for result in made.values() if isinstance(result, Failed)]
        if failed:
            raise PluginError("\n".join(
                f"{f.source}:1: billedet kan ikke læses ({f.reason}) — gem det igen fra dit "
                "billedprogram" for f in failed))
        for path, result in made.items():
            assert isinstance(result, ImageSet)
            original = pictures[path]
            files.remove(original)
            files.append(File.generated(config, original.src_uri,
                                        abs_src_path=str(result.copy.path)))
            for rendition in result.renditions:
                files.append(File.generated(config, result.site_uri(rendition),
                                            abs_src_path=str(rendition.path)))
            self.sets[original.src_uri] = result
        files.append(File.generated(config, SOCIAL_URI, content=self._site_picture(config)))
        self.case_pages = {case.image_uri: page.url for case in catalog(config).cases
                           if case.image_uri and (page := files.get_file_from_path(case.src_uri))}
        use_thumbnails(Thumbnails(self._thumbnail, self._thumbnail_data))
        self.cache.prune()
        return files

    def on_shutdown(self) -> None:
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None

    @event_priority(40)  # after the feed took the story (plain `<img>`), before the case page
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        def replace(src: str, alt: str) -> Markup | None:
            if urlsplit(src).scheme or src.startswith("/"):
                return None
            target = posixpath.normpath(posixpath.join(_folder(page.url), unquote(src)))
            image = self.sets.get(target)
            if image is None:
                return None
            return picture(image, lambda r: get_relative_url(image.site_uri(r), page.url),
                           alt=alt, sizes=MAIN_SIZES)
        return with_pictures(html, replace)

    def case_picture(self, case: Case, page_url: str) -> Markup | None:
        """The main picture of a case page at page_url (a URL from the site's root)."""
        image = self.sets.get(case.image_uri or "")
        if image is None:
            return None
        return picture(image, lambda r: get_relative_url(image.site_uri(r), page_url),
                       alt=case.meta.image_alt or "", main=True)

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

    def _site_picture(self, config: MkDocsConfig) -> bytes:
        """The site's own sharing picture, drawn once for its name, address and colour."""
        name, address = config.site_name, urlsplit(config.site_url or "").hostname or ""
        primary = _primary(config)
        code = (Path(__file__).parent / "social.py").read_bytes()
        key = output_key("sharing", name, address, primary, self.settings.fingerprint, code)

        def draw() -> bytes:
            from .social import default_image  # Pillow: only when the picture is not kept

            return default_image(name, address, primary, self.settings)

        return self.outputs.get_or_make(key, "jpg", draw)

    def _thumbnail(self, case: Case) -> Markup | None:
        image = self.sets.get(case.image_uri or "")
        page_url = self.case_pages.get(case.image_uri or "")
        if image is None or page_url is None:
            return None
        return thumbnail(image, lambda r: Thumbnails.BASE + get_relative_url(
            image.site_uri(r), page_url))

    def _thumbnail_data(self, case: Case) -> dict[str, object] | None:
        image = self.sets.get(case.image_uri or "")
        if image is None:
            return None
        narrowest = {mime: image.widths(mime)[0] for mime in self.settings.formats}
        jpeg = narrowest[JPEG]
        return {"width": jpeg.width, "height": jpeg.height,
                "sources": {mime: image.site_uri(r) for mime, r in narrowest.items()}}

    def _project_path(self, file: File) -> str | None:
        """The project path of a file read from disk; None for one made in memory or elsewhere."""
        if not file.abs_src_path:
            return None
        path = Path(file.abs_src_path).resolve()
        return path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else None


def _folder(url: str) -> str:
    """The folder a page's relative links start from: `cases/a/` → `cases/a`."""
    return url.rstrip("/") if url.endswith("/") or not url else posixpath.dirname(url)


def _primary(config: MkDocsConfig) -> str:
    palette = config.theme.get("palette") or {}
    first = palette[0] if isinstance(palette, list) and palette else palette
    return str(first.get("primary", "indigo")) if isinstance(first, dict) else "indigo"
