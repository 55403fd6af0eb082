"""The HTML of an item's page: the rendered story inside what its type shows around it."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from ..content.catalog import Catalog
from ..content.layout import Layout
from ..content.model import Case, Episode, Event, Guide, House
from ..content.taxonomy import term_uri
from ..houses.house_page import render_house
from ..render.cards import Cards
from ..render.case_page import render_case, with_related
from ..render.event_page import render_event
from ..render.guide_page import render_guide
from ..render.podcast_page import (
    TranscriptFile,
    TranscriptLine,
    render_episode,
    vtt_lines,
)
from ..render.preview import preview_banner, preview_note
from .placed import Item, Placed
from .routes import series_feed_uri

Href = Callable[[str], str]
MaybeHref = Callable[[str], "str | None"]


@dataclass(frozen=True)
class Build:
    """What every item page of one build is made with."""

    catalog: Catalog
    placed: Placed
    layout: Layout
    root: Path
    guide_max_age_months: int
    cards: Cards


def with_related_cases(build: Build, item: Item | None, html: str, href: Href) -> str:
    """A case page's HTML with "Læs også" when the case has related cases; any other page's
    as it is."""
    related = build.catalog.related.get(item.slug) if isinstance(item, Case) else None
    if not related:
        return html
    return with_related(html, [(href(other.src_uri), other) for other in related], build.cards)


def item_html(
    item: Item,
    html: str,
    href: Href,
    maybe_href: MaybeHref,
    build: Build,
    picture: Callable[[Case], Markup | None] = lambda case: None,
) -> str:
    """The page content of item around html (its rendered story), with links from href and a
    case's main picture from picture."""
    today = build.catalog.today
    term_href = lambda term: maybe_href(term_uri(term))  # noqa: E731
    if isinstance(item, Guide):
        html = render_guide(
            item,
            html,
            today,
            build.guide_max_age_months,
            term_href,
            href(build.placed.deadlines_calendar),
        )
    elif isinstance(item, House):
        html = render_house(item, html, term_href(item.meta.municipality))
    elif isinstance(item, Episode):
        html = _episode(item, html, href, maybe_href, build)
    elif isinstance(item, Event):
        calendar = build.placed.event_calendars.get(item.slug)
        html = render_event(
            item,
            html,
            today=today,
            term_href=term_href,
            calendar_href=href(calendar) if calendar else "",
            recording=_recording(item, build, maybe_href),
        )
    else:
        html = render_case(
            item,
            html,
            image=picture(item),
            has_related=bool(build.catalog.related.get(item.slug)),
            term_href=term_href,
        )
    note = preview_note(item, today) if item.src_uri in build.placed.previews else None
    return preview_banner(note) + html if note else html


def _episode(episode: Episode, html: str, href: Href, maybe_href: MaybeHref, build: Build) -> str:
    layout = build.layout
    houses = {house.slug: house for house in build.catalog.houses}
    return render_episode(
        episode,
        html,
        audio_url=href(episode.audio) if episode.audio_is_local else episode.audio,
        series_href=maybe_href(f"{layout.podcast_dir}/index.md"),
        feed_href=maybe_href(series_feed_uri(layout.podcast_dir, episode.meta.series)),
        houses=[
            (houses[slug].meta.title, maybe_href(houses[slug].page_uri))
            if slug in houses
            else (slug, None)
            for slug in episode.meta.houses
        ],
        term_href=lambda term: maybe_href(term_uri(term)),
        transcript=_transcript(episode, href, build),
    )


def _transcript(episode: Episode, href: Href, build: Build) -> TranscriptFile | None:
    """The transcript file's text, where the episode keeps its transcript in a file."""
    if not episode.transcript_uri:
        return None
    path = build.root / (build.layout.docs_dir or "") / episode.transcript_uri
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    if posixpath.splitext(episode.transcript_uri)[1] == ".vtt":
        lines = vtt_lines(text)
    else:
        lines = tuple(
            TranscriptLine(None, " ".join(paragraph.split()))
            for paragraph in text.split("\n\n")
            if paragraph.strip()
        )
    return TranscriptFile(href(episode.transcript_uri), lines)


def _recording(event: Event, build: Build, maybe_href: MaybeHref) -> tuple[str, str] | None:
    """The link to an event's recording: its episode's page, or the address given."""
    recording = event.meta.recording
    if not recording:
        return None
    if "://" in recording:
        return "Se optagelsen", recording
    episode = next((e for e in build.catalog.episodes if e.slug == recording), None)
    href = maybe_href(episode.src_uri) if episode else None
    return (f"Lyt til optagelsen: {episode.meta.title}", href) if episode and href else None
