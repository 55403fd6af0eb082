"""A page's Open Graph values, from its metadata and the content it shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..images.hooks import sharing_image
from ..state import catalog_if_any, collection_plugin
from .head import OpenGraph, Picture, page_title, plain_text

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def page_open_graph(page: Page, config: MkDocsConfig, locale: str) -> OpenGraph:
    """An article for cases and guides, with a case's own picture; a website otherwise."""
    found = catalog_if_any(config)
    case = found.by_uri.get(page.file.src_uri) if found else None
    is_guide = found is not None and page.file.src_uri in collection_plugin(config).guides
    image = sharing_image(config, case)
    alt = case.meta.image_alt if case and case.image_uri else config.site_name
    description = page.meta.get("description")
    return OpenGraph(
        title=page_title(page.meta.get("title"), page.title, page.is_homepage, config.site_name),
        site_name=config.site_name,
        locale=locale,
        type="article" if case or is_guide else "website",
        description=plain_text(description) if description else config.site_description,
        url=page.canonical_url,
        image=Picture(*image, alt=alt) if image else None,
    )
