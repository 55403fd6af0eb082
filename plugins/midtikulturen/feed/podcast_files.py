"""The podcast feed and artwork of each series, as files of the build."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from mkdocs.structure.files import File, Files

from ..content.catalog import Catalog
from ..user_cache import Outputs, outputs_folder
from .podcasts import podcast_files

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def add_podcast_feeds(
    files: Files, config: MkDocsConfig, catalog: Catalog, collection: Any
) -> None:
    """A feed per series in the vocabulary (one without episodes too), and the artwork."""
    site_url = config.site_url or ""

    def url_of(uri: str) -> str:
        found = files.get_file_from_path(uri)
        return urljoin(site_url, found.url if found else uri)

    contact = dict(config.extra or {}).get("contact") or {}
    made = podcast_files(
        catalog,
        collection.config.podcast_dir,
        Path(config.docs_dir),
        collection.placed.chapters,
        url_of,
        (
            site_url,
            config.site_name,
            config.site_author or config.site_name,
            str(contact.get("email") or ""),
        ),
        Outputs(outputs_folder()),
    )
    for uri, content in made.items():
        files.append(File.generated(config, uri, content=content))
