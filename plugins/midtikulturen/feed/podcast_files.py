"""The podcast feed and artwork of each series, as files of the build."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from mkdocs.structure.files import File, Files

from ..content.catalog import Catalog
from ..content.terms import Taxonomy
from ..render.artwork import square_png
from .podcast import render_podcast, series_feed_uri
from .podcasts import ARTWORK, feed_episode, series_episodes, show

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def add_podcast_feeds(
    files: Files, config: MkDocsConfig, catalog: Catalog, collection: Any
) -> None:
    """A feed per series in the vocabulary (one without episodes too), and the artwork."""
    options = collection.config
    site_url = config.site_url or ""
    podcast_dir = options.podcast_dir
    artwork = posixpath.join(podcast_dir, ARTWORK)
    files.append(File.generated(config, artwork, content=square_png()))

    def url_of(uri: str) -> str:
        found = files.get_file_from_path(uri)
        return urljoin(site_url, found.url if found else uri)

    docs = Path(config.docs_dir)
    extra: dict[str, Any] = dict(config.extra or {})
    contact = extra.get("contact") or {}
    author = config.site_author or config.site_name
    for series in catalog.vocabulary.terms[Taxonomy.SERIES]:
        episodes = [
            feed_episode(e, url_of, docs, collection.placed.chapters.get(e.slug))
            for e in series_episodes(catalog.episodes, series)
        ]
        feed = series_feed_uri(podcast_dir, series)
        described = show(
            series,
            f"{series.name}: en podcast fra {config.site_name}.",
            url_of(posixpath.join(podcast_dir, "index.md")),
            urljoin(site_url, feed),
            url_of(artwork),
            author,
            str(contact.get("email") or ""),
        )
        files.append(File.generated(config, feed, content=render_podcast(described, episodes)))
