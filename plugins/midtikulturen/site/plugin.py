"""The MkDocs plugin: the accessibility statement and `/was`, the footer, Open Graph tags, page
dates for the sitemap and the published JSON Schemas."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import material
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from .. import order
from ..content.clock import today
from ..state import catalog_if_any, collection_plugin
from .additions import add_redirect, add_schemas, statement_url
from .blocks import fill_slots, mark_blocks
from .config import SiteConfig
from .dates import last_changes, page_date
from .head import open_graph_tags, with_head_tags
from .material_fixes import PATCHES, PatchError, PatchingLoader
from .open_graph import page_open_graph
from .pages import BlockProblem, block_html
from .public import ConfigProblem, PublicInfo, read_public_info, reminders
from .shared_nav import GLOBAL as SHARED_NAV
from .shared_nav import PATCHES as SHARED_NAV_PATCHES
from .shared_nav import USES as SHARED_NAV_USES
from .shared_nav import shared_nav

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)
THEME = str(Path(__file__).parent / "theme")
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
STATEMENT_URL = "mik_statement_url"  # the Jinja global our footer template links to
TEMPLATE_PATCHES = PATCHES + SHARED_NAV_PATCHES


class SitePlugin(BasePlugin[SiteConfig]):
    """Adds what every public page needs; it overrides Material's footer, not the project's."""

    info = PublicInfo()
    statement_url = ""
    _dates: dict[str, date] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.info = read_public_info(config.extra)
        except ConfigProblem as problem:
            raise PluginError(str(problem)) from None
        dirs, custom = config.theme.dirs, config.theme.custom_dir
        if THEME not in dirs:
            dirs.insert(dirs.index(custom) + 1 if custom in dirs else 0, THEME)
        return config

    @event_priority(order.ADD_SITE_FILES)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.statement_url = statement_url(files, self.config.statement)
        add_redirect(files, config, self.statement_url)
        self._dates = {}
        found = catalog_if_any(config)
        for reminder in reminders(self.info, found.today if found else today()):
            log.info(reminder)
        if found:
            if self.config.schemas:
                add_schemas(files, config, self.config.schemas, found)
            options = collection_plugin(config).config
            self._dates = last_changes(found, options.cases_dir, options.guides_dir)
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
            env.loader = PatchingLoader(env.loader, MATERIAL_TEMPLATES, TEMPLATE_PATCHES)
            try:  # now, so that a Material update that moved a piece stops the build cleanly
                for name in dict.fromkeys(patch.template for patch in TEMPLATE_PATCHES):
                    env.loader.get_source(env, name)
            except PatchError as error:
                raise PluginError(str(error)) from None
        loader = env.loader
        env.globals[SHARED_NAV] = shared_nav(
            isinstance(loader, PatchingLoader)
            and all(loader.from_material(env, name) for name in SHARED_NAV_USES)
        )
        return env

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        markdown, names = mark_blocks(markdown)
        try:
            for name in names:
                block_html(name, self.info)
        except BlockProblem as problem:
            raise PluginError(f"docs/{page.file.src_uri}: {problem}") from None
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return fill_slots(html, lambda name: block_html(name, self.info))

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        graph = page_open_graph(page, config, self.config.locale)
        return with_head_tags(output, open_graph_tags(graph))
