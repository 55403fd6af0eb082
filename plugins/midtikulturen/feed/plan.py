"""Which feeds the site has: the whole site, each content type and each taxonomy term."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

from ..content.catalog import Catalog
from ..content.model import Case, Guide
from ..content.taxonomy import SECTIONS, term_folder
from .feeds import ATOM_TYPE, RSS_TYPE, Channel

_LISTING_PAGE = re.compile(r"^(?P<folder>.+)/(?:index|page/\d+)\.md$")


@dataclass(frozen=True)
class FeedSpec:
    """One feed: the folder it follows ("" for the whole site), its words and its cases."""

    folder: str
    title: str
    description: str
    items: tuple[Case | Guide, ...]

    def path(self, name: str) -> str:
        """Where the feed file called name lives in the site: `kommuner/skive/feed_rss.xml`."""
        return posixpath.join(self.folder, name)

    def files(self, rss_path: str, atom_path: str) -> list[tuple[str, str, str]]:
        """The feed's files as (name, path from the site root, MIME type), given the site's."""
        if self.folder:
            rss_path = self.path(posixpath.basename(rss_path))
            atom_path = self.path(posixpath.basename(atom_path))
        return [("RSS", rss_path, RSS_TYPE), ("Atom", atom_path, ATOM_TYPE)]

    def channel(self, site_url: str, rss_path: str, atom_path: str, author: str) -> Channel:
        """What a feed reader is told of this feed, with absolute URLs."""
        return Channel(
            title=self.title,
            description=self.description,
            link=urljoin(site_url, self.folder + "/" if self.folder else ""),
            rss_url=urljoin(site_url, rss_path),
            atom_url=urljoin(site_url, atom_path),
            author=author,
        )


def plan_feeds(
    catalog: Catalog,
    site_name: str,
    site_description: str,
    cases_dir: str,
    guides_dir: str,
    site_limit: int,
    term_limit: int,
) -> dict[str, FeedSpec]:
    """Every feed by folder, items newest first; a limit of 0 means every published item."""

    def cut(items: tuple[Case | Guide, ...], limit: int) -> tuple[Case | Guide, ...]:
        ordered = tuple(sorted(items, key=lambda i: (-_day(i).toordinal(), i.src_uri)))
        return ordered[:limit] if limit else ordered

    feeds = {
        "": FeedSpec(
            "", site_name, site_description, cut((*catalog.cases, *catalog.guides), site_limit)
        ),
        cases_dir: FeedSpec(
            cases_dir,
            f"{site_name}: cases",
            f"Nye cases på {site_name}",
            cut(catalog.cases, site_limit),
        ),
        guides_dir: FeedSpec(
            guides_dir,
            f"{site_name}: guides",
            f"Nye og opdaterede guides på {site_name}",
            cut(catalog.guides, site_limit),
        ),
    }
    for section in SECTIONS:
        for term in catalog.terms.terms(section.taxonomy):
            about = section.about(term)
            feeds[term_folder(term)] = FeedSpec(
                term_folder(term),
                f"{site_name}: {term.name}",
                f"Nye cases og guides {about} på {site_name}",
                cut((*catalog.terms.cases_of(term), *catalog.terms.guides_of(term)), term_limit),
            )
    return feeds


def _day(item: Case | Guide) -> date:
    return item.meta.date if isinstance(item, Case) else item.meta.updated


def folder_of_listing(src_uri: str) -> str | None:
    """The folder a listing page belongs to: `kommuner/skive/page/2.md` → `kommuner/skive`."""
    match = _LISTING_PAGE.match(src_uri)
    return match["folder"] if match else None


def own_feed(feeds: Mapping[str, FeedSpec], src_uri: str) -> FeedSpec | None:
    """The feed that follows the listing page made from src_uri, such as a term's own feed."""
    folder = folder_of_listing(src_uri)
    return feeds.get(folder) if folder else None
