"""The HTML of podcast pages: an episode with its player, chapters and transcript; the series."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..content.model import Episode
from ..content.terms import Term
from .templates import render

_CUE_TIME = re.compile(r"^(?:(\d+):)?(\d{2}):(\d{2})\.\d{3}\s+-->")


@dataclass(frozen=True)
class TranscriptLine:
    """A line of a transcript file, with where it starts in the audio if the file says."""

    start: int | None
    text: str


@dataclass(frozen=True)
class TranscriptFile:
    """A transcript kept as a file: where it is published, and its text by line."""

    href: str
    lines: tuple[TranscriptLine, ...]


def vtt_lines(text: str) -> tuple[TranscriptLine, ...]:
    """The cues of a WebVTT file as lines of text, each with its start in seconds."""
    lines: list[TranscriptLine] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()):
        rows = block.split("\n")
        timing = next((i for i, row in enumerate(rows) if "-->" in row), None)
        if timing is None:
            continue  # the header, a NOTE or a STYLE block
        match = _CUE_TIME.match(rows[timing].strip())
        start = (int(match[1] or 0) * 3600 + int(match[2]) * 60 + int(match[3])) if match else None
        spoken = " ".join(re.sub(r"<[^>]*>", "", row).strip() for row in rows[timing + 1 :])
        if spoken:
            lines.append(TranscriptLine(start, spoken))
    return tuple(lines)


def render_episode(
    episode: Episode,
    body_html: str,
    *,
    audio_url: str,
    series_href: str | None,
    feed_href: str | None,
    houses: Sequence[tuple[str, str | None]],
    term_href: Callable[[Term], str | None],
    transcript: TranscriptFile | None,
) -> str:
    """The episode page's content: header, player (nothing loads before play), chapters that
    seek, facts, the transcript as text, the body and sources."""
    return render(
        "episode.html",
        episode=episode,
        body=Markup(body_html),
        audio_url=audio_url,
        series_href=series_href,
        feed_href=feed_href,
        houses=houses,
        term_href=term_href,
        transcript=transcript,
    )


@dataclass(frozen=True)
class ShowListing:
    """A series on the podcast page: its name, feed, and episodes as (href, episode)."""

    name: str
    feed_href: str | None
    episodes: tuple[tuple[str, Episode], ...]


def render_podcast_index(shows: Sequence[ShowListing]) -> str:
    """`/podcast/`: each series with its feed and its episodes, newest first."""
    return render(
        "podcast.html",
        shows=[
            {
                "name": show.name,
                "feed_href": show.feed_href,
                "episodes": [
                    {
                        "href": href,
                        "title": e.meta.title,
                        "date": e.meta.date,
                        "duration": e.meta.duration,
                        "description": e.meta.description,
                    }
                    for href, e in show.episodes
                ],
            }
            for show in shows
        ],
    )
