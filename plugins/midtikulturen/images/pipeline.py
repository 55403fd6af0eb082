"""The renditions of every picture a build shows, from the cache or made in parallel."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..content.media import HEAD_BYTES, sniff
from ..content.problems import Problem
from ..content.slugs import slugify
from .cache import RenditionCache, SourceDigests, Stored, entry_key
from .settings import COPY_NAME, JPEG, SOCIAL_NAME, SUFFIX, Settings


@dataclass(frozen=True)
class ImageSet:
    """A picture's renditions and where the site publishes them: `cases/images/x-960w-ab12.webp`.

    `folder` and `stem` (as a slug) come from the source's project path, `tag` from its cache
    key, so a replaced picture gets new addresses and no browser shows the old one.
    """

    source: str
    folder: str
    stem: str
    tag: str
    mime: str
    renditions: tuple[Stored, ...]

    def site_uri(self, rendition: Stored) -> str:
        """Where rendition is published, from the site's root."""
        label = {SOCIAL_NAME: "1200x630", COPY_NAME: "kopi"}.get(
            rendition.name, f"{rendition.name}w"
        )
        name = f"{self.stem}-{label}-{self.tag}.{SUFFIX[rendition.mime]}"
        return posixpath.join(self.folder, name)

    @property
    def responsive(self) -> tuple[Stored, ...]:
        """The renditions of the page (all widths, all formats), narrowest first."""
        return tuple(r for r in self.renditions if r.name not in (SOCIAL_NAME, COPY_NAME))

    @property
    def social(self) -> Stored | None:
        """The sharing crop (Open Graph), if it was made."""
        return next((r for r in self.renditions if r.name == SOCIAL_NAME), None)

    def widths(self, mime: str) -> tuple[Stored, ...]:
        """The renditions of one format, narrowest first."""
        return tuple(sorted((r for r in self.responsive if r.mime == mime), key=lambda r: r.width))

    @property
    def copy(self) -> Stored:
        """What is published at the source's own address: the widest rendition in its format."""
        same = self.widths(self.mime)
        return same[-1] if same else next(r for r in self.renditions if r.name == COPY_NAME)

    @property
    def largest(self) -> Stored:
        """The widest JPEG: its size is the picture's shape for `width` and `height`."""
        return self.widths(JPEG)[-1]

    def nearest(self, width: int, mime: str = JPEG) -> Stored:
        """The narrowest rendition of mime at least width wide, or the widest there is."""
        found = self.widths(mime)
        return next((r for r in found if r.width >= width), found[-1])


@dataclass(frozen=True)
class Failed:
    """A picture that could not be decoded: its project path and why (for the editor)."""

    source: str
    reason: str

    @property
    def problem(self) -> Problem:
        """What the editor is told."""
        return Problem(
            self.source,
            1,
            f"billedet kan ikke læses ({self.reason}) — gem det igen fra dit billedprogram",
        )


def prepare(
    root: Path,
    sources: Iterable[str],
    settings: Settings,
    cache: RenditionCache,
    site_folder: dict[str, str] | None = None,
    workers: int | None = None,
) -> dict[str, ImageSet | Failed]:
    """The renditions of each source (project paths under root), from cache or made anew.

    site_folder maps a source to the site folder its renditions go to (default: the source's
    own folder). Pictures not in the cache are made on a pool of threads: Pillow releases the
    interpreter's lock while it decodes, resizes and encodes.
    """
    folders = site_folder or {}
    unique = sorted(set(sources))
    if not unique:
        return {}
    digests = SourceDigests(cache.folder)
    keys = {uri: entry_key(digests.digest(root / uri), settings.fingerprint) for uri in unique}
    jobs = workers or min(len(unique), os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = dict(
            zip(
                unique,
                pool.map(lambda uri: _one(root, uri, keys[uri], settings, cache, folders), unique),
                strict=True,
            )
        )
    digests.save()
    return results


def _one(
    root: Path,
    uri: str,
    key: str,
    settings: Settings,
    cache: RenditionCache,
    folders: dict[str, str],
) -> ImageSet | Failed:
    stored = cache.get(key)
    with (root / uri).open("rb") as stream:
        head = stream.read(HEAD_BYTES)
    kind = sniff(head)
    if kind is None:
        return Failed(uri, "not an image")
    if stored is None:
        from .renditions import (  # Pillow: only to make renditions
            BadImage,
            make_renditions,
        )

        data = (root / uri).read_bytes()
        if entry_key(data, settings.fingerprint) != key:
            return Failed(uri, "the file changed during the build")
        try:
            stored = cache.put(key, make_renditions(data, settings, keep=kind.mime))
        except BadImage as error:
            return Failed(uri, str(error))
    folder = folders.get(uri, posixpath.dirname(uri))
    stem = slugify(posixpath.splitext(posixpath.basename(uri))[0]) or "billede"
    return ImageSet(uri, folder, stem, key[:8], kind.mime, tuple(stored))
