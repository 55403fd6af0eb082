"""The site as plain data: every page (source URI, title, description, HTML body) and every other
file (URI, bytes or a file to copy), made from the catalog and mkdocs.yml without MkDocs.

Each page's body is what a MkDocs build puts inside the theme (`pages.py`); the other files
are those the plugins add (`files.py`). What only the MkDocs build adds is left out: the
search index, `<head>` links and tags, `/admin/`, the sitemap and the 404 page (Zensical makes
its own search index, sitemap and 404 page).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content.catalog import Catalog
from ..content.loader import Content
from ..content.problems import ContentError, Problem
from ..content.reserved import ASSETS
from ..feed.plan import plan_feeds
from ..images.cache import RenditionCache
from ..plan.item_pages import Build, Item
from ..plan.listing_paths import ListingPaths
from ..plan.listings import plan_pages
from ..plan.page_html import ListingPages
from ..plan.placed import Placed
from ..plan.routes import url_of
from ..project import Project
from ..render.cards import Cards
from .files import Body, content_files, made_files
from .markdown import PageRenderer
from .pages import PageMaker, PlannedPage
from .settings import ExportSettings


@dataclass(frozen=True)
class SitePlan:
    """Every page of the site, and every other file by its URI (bytes, or a file to copy)."""

    pages: list[PlannedPage]
    files: dict[str, Body]

    @property
    def assets(self) -> list[str]:
        """Our stylesheets and scripts, for the theme to load on every page."""
        return [uri for uri in self.files if uri.startswith(ASSETS)]


def plan_site(
    project: Project,
    settings: ExportSettings,
    content: Content,
    catalog: Catalog,
    cache: RenditionCache,
) -> SitePlan:
    """The site as a build on catalog's day would make it, its pictures' renditions kept in
    cache (files of the plan may lie there); ContentError for what stops it."""
    layout = project.layout
    paths = ListingPaths(
        layout.cases_dir,
        layout.guides_dir,
        layout.houses_dir,
        layout.podcast_dir,
        layout.events_dir,
    )

    def address(uri: str) -> str:
        return url_of(uri, layout.directory_urls)

    items: dict[str, Item] = {
        **{case.src_uri: case for case in catalog.cases},
        **{guide.src_uri: guide for guide in catalog.guides},
        **{house.page_uri: house for house in catalog.houses},
        **{episode.src_uri: episode for episode in catalog.episodes},
        **{event.src_uri: event for event in catalog.events},
    }
    listing_pages = {
        page.src_uri: page
        for page in plan_pages(
            catalog, layout.cases_dir, settings.listing["per_page"], settings.listing["title"]
        )
    }
    sources = dict(content.pages)  # the editor's own pages, front matter included
    for uri, title in paths.sections:
        sources.setdefault(uri, f"# {title}\n")
    for uri in listing_pages:
        sources.setdefault(uri, content.intro if uri == paths.cases and content.intro else "")

    pictures, files = content_files(project, settings, catalog, cache)
    pictures.case_pages = {
        case.image_uri: address(case.src_uri) for case in catalog.cases if case.image_uri
    }
    cards = Cards(pictures.thumbnails())
    made = made_files(project, settings, catalog, paths, address, set(sources), cards)
    refuse_taken(project, files, made.files)
    files.update(made.files)
    feed = settings.feed
    feeds = plan_feeds(
        catalog,
        settings.site_name,
        str(settings.config.get("site_description") or settings.site_name),
        layout.cases_dir,
        layout.guides_dir,
        feed["max_entries"],
        feed["max_entries_per_term"],
    )
    feed_files = {
        folder: spec.files(feed["rss_path"], feed["atom_path"]) for folder, spec in feeds.items()
    }
    published = set(sources) | set(items) | set(files)
    published |= {path for found in feed_files.values() for _, path, _ in found}
    placed = Placed(items, {}, made.deadlines_calendar, made.event_calendars, made.chapters)
    maker = PageMaker(
        settings,
        catalog,
        PageRenderer(
            settings.extensions,
            settings.extension_configs,
            published.__contains__,
            layout.directory_urls,
        ),
        Build(catalog, placed, layout, project.root, project.guide_max_age_months, cards),
        ListingPages(
            catalog,
            paths,
            listing_pages,
            catalog.today,
            placed.deadlines_calendar,
            placed.event_calendars,
            cards,
        ),
        pictures,
        published.__contains__,
        layout.directory_urls,
        feeds,
        feed_files,
    )
    try:
        planned = [
            maker.page(uri, sources.get(uri), items.get(uri)) for uri in sorted({*sources, *items})
        ]
        files.update(maker.feed_documents())
    finally:
        maker.close()
    return SitePlan(planned, files)


def refuse_taken(project: Project, own: dict[str, Body], made: dict[str, Body]) -> None:
    """Raise ContentError if a file of the project's has the address of one the site makes."""
    taken = sorted(uri for uri in made if uri in own)
    if taken:
        raise ContentError(
            [
                Problem(
                    _project_path(project, own[uri], uri),
                    1,
                    f"sitet laver selv {uri} — giv filen et andet navn, eller læg den i en "
                    "anden mappe",
                )
                for uri in taken
            ]
        )


def _project_path(project: Project, body: Body, uri: str) -> str:
    """body's path in the project (a content file's), or its address if it has none."""
    if isinstance(body, Path) and body.is_relative_to(project.root):
        return body.relative_to(project.root).as_posix()
    return uri
