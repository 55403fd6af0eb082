"""What a site's pictures become: a clean copy at each picture's own address, and renditions."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from pathlib import Path

from ..content.problems import ContentError
from .cache import RenditionCache
from .pipeline import Failed, ImageSet, prepare
from .settings import Settings


def publish_pictures(
    root: Path, sources: Mapping[str, str], settings: Settings, cache: RenditionCache
) -> dict[str, ImageSet]:
    """The renditions of each picture by its address in the site; sources maps each picture's
    project path to that address. ContentError names every picture that cannot be read."""
    made = prepare(
        root,
        sources,
        settings,
        cache,
        {path: posixpath.dirname(uri) for path, uri in sources.items()},
    )
    failed = [result.problem for result in made.values() if isinstance(result, Failed)]
    if failed:
        raise ContentError(failed)
    return {sources[path]: result for path, result in made.items() if isinstance(result, ImageSet)}


def published_files(address: str, image: ImageSet) -> dict[str, Path]:
    """The files a picture publishes by their addresses: its clean copy at address (never the
    editor's own file), then each rendition."""
    return {address: image.copy.path, **{image.site_uri(r): r.path for r in image.renditions}}
