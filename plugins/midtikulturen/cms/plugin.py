"""The MkDocs plugin: publish Decap CMS at /admin/ with a configuration made from the schemas."""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File

from .. import order
from ..state import collection_plugin, content_layout
from .bundle import BundleError, load_bundle
from .config import CmsConfig
from .decap import Backend, config_yaml, content_types, decap_config, save_rules
from .page import AdminPage, admin_files
from .preview import preview_settings

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = get_plugin_logger(__name__)
MATERIAL_CSS = re.compile(r"assets/stylesheets/(main|palette)\.[0-9a-f]+\.min\.css")


class CmsPlugin(BasePlugin[CmsConfig]):
    """Adds /admin/: the vendored Decap CMS, its generated config.yml and our admin script."""

    @event_priority(order.ADD_GENERATED)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        content = collection_plugin(config).content
        if content is None:
            raise PluginError(
                "midtikulturen/cms bygger på indholdet fra midtikulturen/collection — "
                "skriv midtikulturen/collection før midtikulturen/cms i mkdocs.yml"
            )
        try:
            bundle = load_bundle()
        except BundleError as error:
            raise PluginError(str(error)) from None
        if not self.config.repo:
            log.info(
                "Redigeringen på /%s/ har intet GitHub-repository: skriv `repo: ejer/navn` under "
                "midtikulturen/cms i mkdocs.yml (indtil da redigerer den kun lokalt).",
                self.config.folder,
            )
        backend = Backend(
            self.config.repo,
            self.config.branch,
            self.config.auth_url,
            self.config.local_proxy,
            config.site_url or "",
        )
        types = content_types(
            content.vocabulary, content_layout(config, collection_plugin(config).root)
        )
        settings = {
            "collections": save_rules(types),
            "preview": preview_settings(
                content.vocabulary,
                self._styles(files, config),
                _palette(config.theme.get("palette")),
                "../",
            ),
        }
        page = AdminPage(settings, backend)
        for path, data in admin_files(
            page, bundle, config_yaml(decap_config(types, backend))
        ).items():
            files.append(
                File.generated(config, posixpath.join(self.config.folder, path), content=data)
            )
        return files

    @staticmethod
    def _styles(files: Files, config: MkDocsConfig) -> list[str]:
        """The site's stylesheets from its root: Material's, then the extra ones."""
        material = sorted(
            (f.url for f in files if MATERIAL_CSS.fullmatch(f.src_uri)),
            key=lambda url: "palette" in url,
        )
        return material + [str(style) for style in config.extra_css]


def _palette(palette: Any) -> dict[str, str]:
    """The colour attributes of Material's first palette, as its pages set them on <body>."""
    first = palette[0] if isinstance(palette, list) and palette else palette
    if not isinstance(first, dict):
        return {}
    return {
        key: str(first[key]).replace(" ", "-")
        for key in ("scheme", "primary", "accent")
        if key in first
    }
