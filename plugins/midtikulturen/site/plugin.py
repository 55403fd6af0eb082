"""The MkDocs plugin: the accessibility statement, `/was`, the footer link, Open Graph tags and the
published JSON Schemas."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import material
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File

from .. import order
from ..content.clock import today
from ..content.jsonschema import schema_files
from ..images.hooks import sharing_image
from ..state import COLLECTION
from .blocks import fill_slots, mark_blocks
from .config import SiteConfig
from .dates import last_changes, page_date
from .head import (
    OpenGraph,
    Picture,
    open_graph_tags,
    page_title,
    plain_text,
    with_head_tags,
)
from .material_fixes import PATCHES, PatchError, PatchingLoader
from .pages import REDIRECT_URI, BlockProblem, block_html, is_address, redirect_page
from .public import ConfigProblem, PublicInfo, read_public_info, reminders

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)
THEME = str(Path(__file__).parent / "theme")
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
STATEMENT_URL = "mik_statement_url"  # the Jinja global our footer template links to


class SitePlugin(BasePlugin[SiteConfig]):
    """Adds what every public page needs; it overrides Material's footer, not the project's."""

    info = PublicInfo()
    statement_url = ""
    _files: Files | None = None
    _dates: dict[str, date] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.info = read_public_info(config.extra)
        except ConfigProblem as problem:
            raise PluginError(str(problem)) from None
        dirs, custom = config.theme.dirs, config.theme.custom_dir
        if THEME not in dirs:
            dirs.insert(dirs.index(custom) + 1 if custom in dirs else 0, THEME)
        for reminder in reminders(self.info, today()):
            log.info(reminder)
        return config

    @event_priority(order.ADD_SITE_FILES)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.statement_url = self._statement_url(files)
        if any(file.dest_uri == REDIRECT_URI for file in files):
            raise PluginError(f"{REDIRECT_URI} is written by midtikulturen/site, which sends /was "
                              "to the accessibility statement: remove the page that has that URL.")
        files.append(File.generated(config, REDIRECT_URI,
                                    content=redirect_page(self.statement_url, config.site_url)))
        self._add_schemas(files, config)
        self._files = files
        collection = config.plugins.get(COLLECTION)
        self._dates = last_changes(collection.catalog, collection.config.cases_dir,
                                   collection.config.guides_dir) if (
                                       collection and collection.catalog) else {}
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.globals[STATEMENT_URL] = self.statement_url
        # Before sitemap.xml, which MkDocs makes before the pages; a site without dated content
        # keeps MkDocs' build date (the gzipped sitemap needs one date to stamp itself with).
        for file in files.documentation_pages() if self._dates else ():
            if file.page is not None:
                day = page_date(self._dates, file.src_uri)
                file.page.update_date = day.isoformat() if day else ""  # "": no <lastmod>
        if env.loader is not None and not isinstance(env.loader, PatchingLoader):
            env.loader = PatchingLoader(env.loader, MATERIAL_TEMPLATES)
            try:  # now, so that a Material update that moved a piece stops the build cleanly
                for name in dict.fromkeys(patch.template for patch in PATCHES):
                    env.loader.get_source(env, name)
            except PatchError as error:
                raise PluginError(str(error)) from None
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        markdown, names = mark_blocks(markdown)
        try:
            for name in names:
                block_html(name, self.info)
        except BlockProblem as problem:
            raise PluginError(f"docs/{page.file.src_uri}: {problem}") from None
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        return fill_slots(html, lambda name: block_html(name, self.info))

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return with_head_tags(output, open_graph_tags(self._open_graph(page, config)))

    def _add_schemas(self, files: Files, config: MkDocsConfig) -> None:
        """The content's JSON Schemas under /schemas/, made from this build's vocabulary."""
        collection = config.plugins.get(COLLECTION)
        found = collection.catalog if collection else None
        if not self.config.schemas or found is None:
            return
        for name, text in schema_files(found.vocabulary).items():
            uri = f"{self.config.schemas.strip('/')}/{name}"
            if files.get_file_from_path(uri):
                raise PluginError(f"{uri} is written by midtikulturen/site from the content's "
                                  "schemas: remove that file, or set the site plugin's "
                                  "`schemas:` to another folder.")
            files.append(File.generated(config, uri, content=text))

    def _statement_url(self, files: Files) -> str:
        """The statement's URL from the site root, or its absolute address in the WAS-Tool."""
        if is_address(self.config.statement):
            return self.config.statement
        if page := files.get_file_from_path(self.config.statement):
            return page.url
        raise PluginError(f"The accessibility statement docs/{self.config.statement} is missing: "
                          "write it, or set the site plugin's `statement:` to its address in "
                          "the WAS-Tool.")

    def _open_graph(self, page: Page, config: MkDocsConfig) -> OpenGraph:
        """The page's Open Graph values: an article for cases and guides, with a case's image."""
        collection = config.plugins.get(COLLECTION)
        found = collection.catalog if collection else None
        case = found.by_uri.get(page.file.src_uri) if found else None
        is_guide = bool(collection and page.file.src_uri in collection.guides)
        image = sharing_image(config, case)
        own_picture = bool(case and case.image_uri)
        description = page.meta.get("description")
        return OpenGraph(
            title=page_title(page.meta.get("title"), page.title, page.is_homepage,
                             config.site_name),
            site_name=config.site_name, locale=self.config.locale,
            type="article" if case or is_guide else "website",
            description=plain_text(description) if description else config.site_description,
            url=page.canonical_url,
            image=Picture(*image, alt=case.meta.image_alt if case and own_picture else
                          config.site_name) if image else None)
