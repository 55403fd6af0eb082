"""A podcast's RSS 2.0 feed with the iTunes and Podcasting 2.0 namespaces: only feedgen here."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import lxml.etree as etree
from feedgen.feed import FeedGenerator

from ..content.model import Episode as EpisodeItem
from ..content.reserved import chapters_uri
from ..content.schema import Chapter
from .feeds import NO_ITEMS_DATE, Enclosure

PODCAST_NS = "https://podcastindex.org/namespace/1.0"
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
CHAPTERS_TYPE = "application/json+chapters"


@dataclass(frozen=True)
class Show:
    """A podcast series as its feed describes it; every URL is absolute."""

    title: str
    description: str
    link: str
    feed_url: str
    image_url: str
    author: str
    owner_name: str
    owner_email: str
    category: str = "Society & Culture"
    language: str = "da"


@dataclass(frozen=True)
class Transcript:
    """Where an episode's transcript is, and its MIME type (text/vtt, text/html)."""

    url: str
    type: str


@dataclass(frozen=True)
class Episode:
    """One episode in a podcast feed; dates are timezone-aware, URLs absolute."""

    title: str
    description: str
    link: str
    guid: str
    published: datetime
    enclosure: Enclosure
    duration: int  # seconds
    transcript: Transcript
    chapters_url: str | None = None
    number: int | None = None
    image_url: str | None = None


def render_podcast(show: Show, episodes: Sequence[Episode]) -> bytes:
    """The show's feed with episodes in the order given (newest first).

    feedgen 1.0 writes `itunes:explicit` as yes/no; Apple's current rules and the validators
    want true/false, and feedgen has no Podcasting 2.0 elements, so both are set on its tree.
    """
    fg = FeedGenerator()
    fg.load_extension("podcast")
    fg.title(show.title)
    fg.description(show.description)
    fg.link(href=show.feed_url, rel="self", type="application/rss+xml")
    fg.link(href=show.link, rel="alternate")  # feedgen takes RSS's <link> from the last one
    fg.language(show.language)
    fg.generator("Midt i Kulturen")
    fg.image(show.image_url, title=show.title, link=show.link)
    fg.podcast.itunes_author(show.author)
    if show.owner_email:
        fg.podcast.itunes_owner(show.owner_name, show.owner_email)
    fg.podcast.itunes_category(show.category)
    fg.podcast.itunes_image(show.image_url)
    fg.podcast.itunes_explicit("no")
    fg.podcast.itunes_type("episodic")
    newest = episodes[0].published if episodes else NO_ITEMS_DATE  # never the clock
    fg.lastBuildDate(newest)
    fg.pubDate(newest)
    for episode in episodes:
        entry = fg.add_entry(order="append")
        entry.title(episode.title)
        entry.description(episode.description)
        entry.link(href=episode.link)
        entry.guid(episode.guid, permalink=False)
        entry.pubDate(episode.published)
        entry.enclosure(
            episode.enclosure.url, str(episode.enclosure.length), episode.enclosure.type
        )
        entry.podcast.itunes_duration(episode.duration)
        entry.podcast.itunes_explicit("no")
        entry.podcast.itunes_episode_type("full")
        if episode.number:
            entry.podcast.itunes_episode(episode.number)
        if episode.image_url:
            entry.podcast.itunes_image(episode.image_url)
    root = fg._create_rss()[0]  # the tree rss_str() prints (see feeds._tree)
    _finish(root, episodes)
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")


def _finish(root: etree._Element, episodes: Sequence[Episode]) -> None:
    """Set explicit to true/false and add each item's transcript and chapters."""
    for explicit in root.iter(f"{{{ITUNES_NS}}}explicit"):
        explicit.text = "true" if explicit.text == "yes" else "false"
    items = root.findall("./channel/item")
    for item, episode in zip(items, episodes, strict=False):
        transcript = etree.SubElement(
            item, f"{{{PODCAST_NS}}}transcript", nsmap={"podcast": PODCAST_NS}
        )
        transcript.set("url", episode.transcript.url)
        transcript.set("type", episode.transcript.type)
        transcript.set("language", "da")
        if episode.chapters_url:
            chapters = etree.SubElement(item, f"{{{PODCAST_NS}}}chapters")
            chapters.set("url", episode.chapters_url)
            chapters.set("type", CHAPTERS_TYPE)
    etree.cleanup_namespaces(
        root,
        top_nsmap={"podcast": PODCAST_NS},
        keep_ns_prefixes=["podcast", "itunes", "atom", "content"],
    )


def chapters_document(title: str, chapters: Sequence[Chapter]) -> str:
    """The chapters of an episode in the Podcasting 2.0 JSON chapters format."""
    return (
        json.dumps(
            {
                "version": "1.2.0",
                "title": title,
                "chapters": [
                    {"startTime": chapter.start, "title": chapter.title} for chapter in chapters
                ],
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )


def chapter_files(episodes: Iterable[EpisodeItem], podcast_dir: str) -> dict[str, tuple[str, str]]:
    """The chapters file of each episode with chapters, as (source URI, text) by its slug."""
    return {
        episode.slug: (
            chapters_uri(podcast_dir, episode.slug),
            chapters_document(episode.meta.title, episode.meta.chapters),
        )
        for episode in episodes
        if episode.meta.chapters
    }
