"""Feed items from content: what a case or a guide says in a feed."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from ..content.model import Case, Guide
from .feeds import Enclosure, FeedItem
from .markup import standalone_html


def at_midnight_utc(day: date) -> datetime:
    """The start of day in UTC: feeds need a point in time, front matter gives a date."""
    return datetime.combine(day, time(0), tzinfo=UTC)


def case_item(case: Case, url: str, content: str, enclosure: Enclosure | None = None) -> FeedItem:
    """The feed item of a case whose page is at the absolute url, with content as its HTML."""
    meta = case.meta
    return FeedItem(
        title=meta.title,
        link=url,
        id=url,
        summary=meta.description,
        published=at_midnight_utc(meta.date),
        updated=at_midnight_utc(meta.updated) if meta.updated else None,
        content=content,
        categories=tuple(term.name for term in meta.terms),
        author=meta.organisation,
        enclosure=enclosure,
    )


def guide_item(guide: Guide, url: str, content: str, author: str | None = None) -> FeedItem:
    """The feed item of a guide at the absolute url: dated when its facts were checked,
    written by author (the site's publisher)."""
    meta = guide.meta
    return FeedItem(
        title=meta.title,
        link=url,
        id=url,
        summary=meta.description,
        published=at_midnight_utc(meta.updated),
        content=content,
        categories=tuple(term.name for term in meta.terms),
        author=author,
    )


def story_item(
    item: Case | Guide, url: str, story: str, publisher: str, enclosure: Enclosure | None = None
) -> FeedItem:
    """The feed item of a case or guide whose page is at the absolute url, with its story (the
    page's rendered Markdown) made to stand alone; guides are written by the publisher."""
    content = standalone_html(story, url)
    if isinstance(item, Case):
        return case_item(item, url, content, enclosure)
    return guide_item(item, url, content, publisher)
