"""The MkDocs plugin: publish every picture as resized renditions, never the editor's own file."""

from __future__ import annotations

import posixpath
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from .. import order
from ..content.media import IMAGE_SUFFIXES
from ..content.problems import ContentError
from ..state import cards, catalog
from ..user_cache import Outputs, outputs_folder
from .cache import RenditionCache, cache_folder
from .config import ImagesConfig
from .linked_file import LinkedFile
from .pictures import SOCIAL_URI, BuildPictures, site_picture_of
from .publish import publish_pictures, published_files
from .settings import settings_of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


class ImagesPlugin(BasePlugin[ImagesConfig]):
    """Makes the renditions of the build's pictures and answers the other plugins about them."""

    pictures: BuildPictures | None = None
    social_uri = SOCIAL_URI
    _scratch: tempfile.TemporaryDirectory[str] | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            settings = settings_of(self.config.widths, self.config.avif)
        except ValueError as error:
            raise PluginError(str(error)) from None
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
        try:
            sets = publish_pictures(
                self.root,
                {path: f.src_uri for path, f in pictures.items()},
                self.pictures.settings,
                self.cache,
            )
        except ContentError as error:
            raise PluginError("\n".join(map(str, error.problems))) from None
        originals = {f.src_uri: f for f in pictures.values()}
        for uri, image in sets.items():
            files.remove(originals[uri])
            for address, made in published_files(uri, image).items():
                files.append(LinkedFile.generated(config, address, abs_src_path=str(made)))
            self.pictures.sets[uri] = image
        files.append(
            File.generated(config, SOCIAL_URI, content=site_picture_of(config, self.pictures))
        )
        self.pictures.case_pages = {
            case.image_uri: page.url
            for case in catalog(config).cases
            if case.image_uri and (page := files.get_file_from_path(case.src_uri))
        }
        cards(config).show(self.pictures.thumbnails())
        self.cache.prune()
        return files

    def on_shutdown(self) -> None:
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None

    @event_priority(order.PICTURES_IN_STORY)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.pictures.in_page(html, page.url) if self.pictures else html

    def _project_path(self, file: File) -> str | None:
        """The project path of a file read from disk; None for one made in memory or elsewhere."""
        if not file.abs_src_path:
            return None
        path = Path(file.abs_src_path).resolve()
        return path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else None
