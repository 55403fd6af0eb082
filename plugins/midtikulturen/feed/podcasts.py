"""The podcast feed of each series, from the published episodes: plain values for feedgen."""

from __future__ import annotations

import mimetypes
import posixpath
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, time
from pathlib import Path
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from ..content.catalog import Catalog
from ..content.media import audio_kind
from ..content.model import Episode
from ..content.terms import Taxonomy, Term
from ..images.artwork import kept_series_artwork
from ..plan.routes import series_artwork_uri, series_feed_uri
from ..user_cache import Outputs
from .feeds import Enclosure
from .podcast import Episode as FeedEpisode
from .podcast import Show, Transcript, render_podcast

DANISH_TIME = ZoneInfo("Europe/Copenhagen")


def feed_episode(
    episode: Episode, url_of: Callable[[str], str], docs: Path, chapters_uri: str | None
) -> FeedEpisode:
    """One episode as its series' feed lists it; url_of makes a source URI absolute."""
    page = url_of(episode.src_uri)
    return FeedEpisode(
        title=episode.meta.title,
        description=episode.meta.description,
        link=page,
        guid=page,
        published=datetime.combine(episode.meta.date, time(6), DANISH_TIME),
        enclosure=_enclosure(episode, url_of, docs),
        duration=episode.meta.duration,
        transcript=_transcript(episode, url_of, page),
        chapters_url=url_of(chapters_uri) if chapters_uri else None,
        number=episode.meta.episode,
        image_url=url_of(episode.image_uri) if episode.image_uri else None,
    )


def _enclosure(episode: Episode, url_of: Callable[[str], str], docs: Path) -> Enclosure:
    """The audio file's URL, size and type from its bytes; for audio elsewhere, size 0."""
    if not episode.audio_is_local:
        kind = mimetypes.guess_type(episode.audio)[0] or "audio/mpeg"
        return Enclosure(episode.audio, 0, kind)
    path = docs / episode.audio
    found = audio_kind(path)  # checked when the content was read
    mime = "audio/mpeg" if isinstance(found, str) else found.mime
    return Enclosure(url_of(episode.audio), path.stat().st_size, mime)


def _transcript(episode: Episode, url_of: Callable[[str], str], page: str) -> Transcript:
    """The transcript file, or the episode's page, which shows the transcript as text."""
    uri = episode.transcript_uri
    if uri is None:
        return Transcript(page, "text/html")
    return Transcript(url_of(uri), "text/vtt" if uri.endswith(".vtt") else "text/html")


def series_episodes(episodes: Sequence[Episode], series: Term) -> list[Episode]:
    """The episodes of series, newest first."""
    return sorted(
        (e for e in episodes if e.meta.series == series),
        key=lambda e: (e.meta.date, e.slug),
        reverse=True,
    )


def podcast_files(
    catalog: Catalog,
    podcast_dir: str,
    docs: Path,
    chapters: Mapping[str, str],
    url_of: Callable[[str], str],
    site: tuple[str, str, str, str],
    kept: Outputs,
) -> dict[str, bytes]:
    """The artwork and the feed of every series in the vocabulary (one without episodes too),
    by URI.

    url_of makes a source URI an absolute address; chapters are the chapters files' URIs by
    episode slug; site is the site's address, name, publisher and contact e-mail; kept holds
    artwork drawn by earlier builds.
    """
    site_url, site_name, author, email = site
    found: dict[str, bytes] = {}
    for series in catalog.vocabulary.terms[Taxonomy.SERIES]:
        artwork = series_artwork_uri(podcast_dir, series)
        found[artwork] = kept_series_artwork(series.name, site_name, kept)
        episodes = [
            feed_episode(e, url_of, docs, chapters.get(e.slug))
            for e in series_episodes(catalog.episodes, series)
        ]
        feed = series_feed_uri(podcast_dir, series)
        described = Show(
            title=series.name,
            description=f"{series.name}: en podcast fra {site_name}.",
            link=url_of(posixpath.join(podcast_dir, "index.md")),
            feed_url=urljoin(site_url, feed),
            image_url=url_of(artwork),
            author=author,
            owner_name=author,
            owner_email=email,
        )
        found[feed] = render_podcast(described, episodes)
    return found
