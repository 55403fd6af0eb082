"""The MkDocs plugin: publish every picture as resized renditions, never the editor's own file."""

from __future__ import annotations

import posixpath
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from .. import order
from ..content.media import IMAGE_SUFFIXES
from ..render.cards import use_thumbnails
from ..state import catalog
from ..user_cache import Outputs, outputs_folder
from .body import with_pictures
from .cache import RenditionCache, cache_folder
from .config import ImagesConfig
from .html import MAIN_SIZES, picture
from .pictures import SOCIAL_URI, BuildPictures, site_picture_of
from .pipeline import Failed, ImageSet, prepare
from .settings import AVIF, JPEG, WEBP, Settings

if TYPE_CHECKING:
    from markupsafe import Markup
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


MAX_WIDTH = 4096


class ImagesPlugin(BasePlugin[ImagesConfig]):
    """Makes the renditions of the build's pictures and answers the other plugins about them."""

    pictures: BuildPictures | None = None
    social_uri = SOCIAL_URI
    _scratch: tempfile.TemporaryDirectory[str] | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        widths = tuple(sorted(set(self.config.widths)))
        if not widths or widths[0] < 1 or widths[-1] > MAX_WIDTH:
            raise PluginError(
                "mkdocs.yml: `widths` under midtikulturen/images skal være 1 til "
                f"{MAX_WIDTH} pixels"
            )
        formats = (AVIF, WEBP, JPEG) if self.config.avif else (WEBP, JPEG)
        settings = Settings(widths=widths, formats=formats)
        self.root = Path(config.config_file_path or ".").resolve().parent
        outputs = Outputs(outputs_folder() if self.config.cache else None)
        if self.config.cache:
            self.cache = RenditionCache(cache_folder())
        else:  # this build's own folder, removed when MkDocs shuts down
            self._scratch = self._scratch or tempfile.TemporaryDirectory(
                prefix="midtikulturen-images-"
            )
            self.cache = RenditionCache(Path(self._scratch.name))
        self.pictures = BuildPictures(settings, outputs)
        use_thumbnails(None)
        return config

    @event_priority(order.SWAP_PICTURES)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        pictures = {
            path: f
            for f in files
            if posixpath.splitext(f.src_uri)[1].lower() in IMAGE_SUFFIXES
            and not f.inclusion.is_excluded()
            and (path := self._project_path(f))
        }
        assert self.pictures is not None
        made = prepare(
            self.root,
            pictures,
            self.pictures.settings,
            self.cache,
            {path: posixpath.dirname(f.src_uri) for path, f in pictures.items()},
        )
        failed = [result for result in made.values() if isinstance(result, Failed)]
        if failed:
            raise PluginError(
                "\n".join(
                    f"{f.source}:1: billedet kan ikke læses ({f.reason}) — gem det igen fra dit "
                    "billedprogram"
                    for f in failed
                )
            )
        for path, result in made.items():
            assert isinstance(result, ImageSet)
            original = pictures[path]
            files.remove(original)
            files.append(
                File.generated(config, original.src_uri, abs_src_path=str(result.copy.path))
            )
            for rendition in result.renditions:
                files.append(
                    File.generated(
                        config, result.site_uri(rendition), abs_src_path=str(rendition.path)
                    )
                )
            self.pictures.sets[original.src_uri] = result
        files.append(
            File.generated(config, SOCIAL_URI, content=site_picture_of(config, self.pictures))
        )
        self.pictures.case_pages = {
            case.image_uri: page.url
            for case in catalog(config).cases
            if case.image_uri and (page := files.get_file_from_path(case.src_uri))
        }
        use_thumbnails(self.pictures.thumbnails())
        self.cache.prune()
        return files

    def on_shutdown(self) -> None:
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None

    @event_priority(order.PICTURES_IN_STORY)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        def replace(src: str, alt: str) -> Markup | None:
            if urlsplit(src).scheme or src.startswith("/"):
                return None
            target = posixpath.normpath(posixpath.join(_folder(page.url), unquote(src)))
            image = self.pictures.sets.get(target) if self.pictures else None
            if image is None:
                return None
            return picture(
                image,
                lambda r: get_relative_url(image.site_uri(r), page.url),
                alt=alt,
                sizes=MAIN_SIZES,
            )

        return with_pictures(html, replace)

    def _project_path(self, file: File) -> str | None:
        """The project path of a file read from disk; None for one made in memory or elsewhere."""
        if not file.abs_src_path:
            return None
        path = Path(file.abs_src_path).resolve()
        return path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else None


def _folder(url: str) -> str:
    """The folder a page's relative links start from: `cases/a/` → `cases/a`."""
    return url.rstrip("/") if url.endswith("/") or not url else posixpath.dirname(url)
