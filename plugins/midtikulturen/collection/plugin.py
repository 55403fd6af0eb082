"""MkDocs glue: load and validate content, add a page per published case."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, InclusionLevel

from ..content.catalog import Catalog, build_catalog
from ..content.clock import today
from ..content.loader import Content, Layout, load_content
from ..content.problems import ContentError
from ..content.taxonomy import term_uri
from ..glue import linker, optional_linker
from ..render.case_page import render_case
from ..render.head import page_meta
from .config import CollectionConfig

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

ASSETS = Path(__file__).parent.parent / "assets"
STYLESHEET = "assets/midtikulturen/midtikulturen.css"


class CollectionPlugin(BasePlugin[CollectionConfig]):
    """Holds the validated content of the current build for the other plugins."""

    content: Content | None = None
    catalog: Catalog | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.content, self.catalog = None, None
        config.extra_css.append(STYLESHEET)
        return config

    @event_priority(0)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs_dir = Path(config.docs_dir).resolve()
        try:
            self.content = load_content(self.root, Layout(
                self.config.cases_dir, self.config.vocabulary, _relative(docs_dir, self.root),
                self.config.guides_dir, self.config.houses_dir), today())
        except ContentError as error:
            raise PluginError(str(error)) from None
        self.catalog = build_catalog(self.content, today())
        for case in self.catalog.cases:
            files.append(File.generated(config, case.src_uri, content=case.body,
                                        inclusion=InclusionLevel.NOT_IN_NAV))
            if case.image_uri:
                files.append(File.generated(config, case.image_uri,
                                            abs_src_path=str(self.root / case.image_uri)))
        files.append(File.generated(config, STYLESHEET,
                                    abs_src_path=str(ASSETS / "midtikulturen.css")))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        if self.catalog and (case := self.catalog.by_uri.get(page.file.src_uri)):
            page.meta.update(page_meta(case.meta.title, case.meta.description))
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        if not self.catalog or not (case := self.catalog.by_uri.get(page.file.src_uri)):
            return html
        href, maybe_href = linker(files, page), optional_linker(files, page)
        return render_case(
            case, html,
            image_url=href(case.image_uri) if case.image_uri else None,
            related=[(href(c.src_uri), c) for c in self.catalog.related[case.slug]],
            term_href=lambda term: maybe_href(term_uri(term)))

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: object) -> LiveReloadServer:
        server.watch(str(self.root / self.config.cases_dir))
        server.watch(str(self.root / self.config.vocabulary))
        return server


def _relative(path: Path, root: Path) -> str | None:
    """path relative to root, or None when it lies outside the project."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return None
