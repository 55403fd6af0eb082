"""The site as plain data: every page (source URI, title, description, HTML body) and every other
file (URI, bytes or a file to copy), made from the catalog and mkdocs.yml without MkDocs.

Each page's body is what a MkDocs build puts inside the theme: the same renderers in the order
the plugins call them (story, pictures, the item's page, listings, the statement's blocks,
"Læs også"). What only the MkDocs build adds is left out: the search index, `<head>` links
and tags, `/was`, the JSON Schemas, `/admin/`, the sitemap and the 404 page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from ..content.catalog import Catalog
from ..content.directives import replace_listings
from ..content.folders import scan
from ..content.frontmatter import read_front_matter
from ..content.loader import Content
from ..content.media import IMAGE_SUFFIXES
from ..content.model import Case, Guide
from ..content.problems import ContentError, Problem
from ..content.reserved import ASSETS
from ..feed.feeds import Enclosure, FeedWriter
from ..feed.items import story_item
from ..feed.plan import FeedSpec, own_feed, plan_feeds
from ..feed.podcast import chapter_files
from ..feed.podcasts import podcast_files
from ..images.cache import RenditionCache
from ..images.pictures import BuildPictures
from ..images.publish import publish_pictures, published_files
from ..plan.calendars import deadlines_file, event_calendar_files
from ..plan.item_pages import Build, Item, item_html
from ..plan.listing_paths import ListingPaths
from ..plan.listings import plan_pages
from ..plan.page_html import SLOT, ListingPages, PageLinks
from ..plan.placed import Placed
from ..plan.routes import linker, relative, root_href, url_of
from ..project import Project
from ..render.cards import use_thumbnails
from ..render.case_page import with_related
from ..render.filters import filter_data
from ..render.opendata import houses_csv, houses_json
from ..render.spreadsheet import houses_xlsx
from ..site.blocks import fill_slots, mark_blocks
from ..site.pages import REDIRECT_URI, BlockProblem, block_html, is_address, redirect_page
from ..site.public import ConfigProblem, read_public_info
from ..user_cache import Outputs, outputs_folder
from .markdown import PageRenderer
from .settings import ExportSettings

ASSET_FOLDER = Path(__file__).resolve().parent.parent / "assets"
ASSET_NAMES = ("midtikulturen.css", "podcast.js", "filter.js")
HEADING = re.compile(r"^#\s", re.MULTILINE)  # as the listing plugin tells a page's own heading
Body = bytes | Path


@dataclass(frozen=True)
class PlannedPage:
    """A page of the site: its source URI, title and description as plain text, and its body."""

    uri: str
    title: str
    description: str | None
    html: str


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
    site_url, site_name = settings.site_url, settings.site_name

    def address(uri: str) -> str:
        return url_of(uri, layout.directory_urls)

    def absolute(uri: str) -> str:
        return urljoin(site_url, address(uri))

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

    pictures, files = _pictures(project, settings, catalog, cache)
    pictures.case_pages = {
        case.image_uri: address(case.src_uri) for case in catalog.cases if case.image_uri
    }
    for name in ASSET_NAMES:
        files[ASSETS + name] = ASSET_FOLDER / name
    calendar_uri, calendar = deadlines_file(
        catalog.guides, address, site_url, site_name, layout.guides_dir
    )
    files[calendar_uri] = calendar
    calendars = event_calendar_files(
        catalog.events, address, site_url, site_name, layout.events_dir
    )
    files.update(dict(calendars.values()))
    chapters = chapter_files(catalog.episodes, layout.podcast_dir)
    files.update({uri: text.encode() for uri, text in chapters.values()})
    contact = (settings.config.get("extra") or {}).get("contact") or {}
    files.update(
        podcast_files(
            catalog,
            layout.podcast_dir,
            project.root / (layout.docs_dir or ""),
            {slug: uri for slug, (uri, _) in chapters.items()},
            absolute,
            (site_url, site_name, settings.publisher, str(contact.get("email") or "")),
        )
    )
    files[paths.filter_data] = filter_data(
        catalog.cases, lambda case: address(case.src_uri)
    ).encode()
    house_url = lambda house: absolute(house.page_uri)  # noqa: E731
    files[paths.open_data("csv")] = houses_csv(catalog.houses, house_url).encode()
    files[paths.open_data("json")] = houses_json(catalog.houses, house_url).encode()
    files[paths.open_data("xlsx")] = houses_xlsx(
        catalog.houses, house_url, Outputs(outputs_folder())
    )
    if settings.site is not None:
        files[REDIRECT_URI] = _redirect(settings.site["statement"], sources, address, site_url)
    feed = settings.feed
    feeds = plan_feeds(
        catalog,
        site_name,
        str(settings.config.get("site_description") or site_name),
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

    placed = Placed(
        items,
        {},
        calendar_uri,
        {key: uri for key, (uri, _) in calendars.items()},
        {slug: uri for slug, (uri, _) in chapters.items()},
    )
    pages = _Pages(
        settings,
        catalog,
        PageRenderer(
            settings.extensions,
            settings.extension_configs,
            published.__contains__,
            layout.directory_urls,
        ),
        Build(catalog, placed, layout, project.root, project.guide_max_age_months),
        ListingPages(
            catalog,
            paths,
            listing_pages,
            catalog.today,
            calendar_uri,
            placed.event_calendars,
        ),
        pictures,
        published.__contains__,
        layout.directory_urls,
        feeds,
        feed_files,
    )
    use_thumbnails(pictures.thumbnails())
    try:
        planned = [
            pages.page(uri, sources.get(uri), items.get(uri)) for uri in sorted({*sources, *items})
        ]
    finally:
        use_thumbnails(None)
    files.update(pages.feed_documents())
    return SitePlan(planned, files)


def _pictures(
    project: Project, settings: ExportSettings, catalog: Catalog, cache: RenditionCache
) -> tuple[BuildPictures, dict[str, Body]]:
    """The pictures' renditions, and every file of docs and of the published cases by URI; a
    picture is never copied as the editor saved it (see `images.publish`)."""
    layout = project.layout
    docs = layout.docs_dir
    sources: dict[str, str] = {}  # project path -> URI
    for path in scan(project.root, docs, layout.excluded).files if docs else []:
        sources[path] = posixpath.relpath(path, docs)
    for case in catalog.cases:
        for uri in (*filter(None, [case.image_uri]), *case.files):
            sources[uri] = uri
    pictures = {path: uri for path, uri in sources.items() if _is_picture(uri)}
    files: dict[str, Body] = {
        uri: project.root / path for path, uri in sources.items() if path not in pictures
    }
    made = BuildPictures(settings.pictures, Outputs(None))
    made.sets.update(publish_pictures(project.root, pictures, settings.pictures, cache))
    for uri, image in made.sets.items():
        files.update(published_files(uri, image))
    return made, files


def _redirect(
    statement: str, sources: dict[str, str], address: Callable[[str], str], site_url: str
) -> bytes:
    """`/was`, which sends readers on to the accessibility statement, as the site plugin makes
    it."""
    if not is_address(statement) and statement not in sources:
        raise ContentError(
            [
                Problem(
                    f"docs/{statement}",
                    1,
                    "tilgængelighedserklæringen findes ikke — skriv den, eller sæt `statement:` "
                    "under midtikulturen/site i mkdocs.yml til dens adresse i WAS-Tool",
                )
            ]
        )
    target = statement if is_address(statement) else address(statement)
    return redirect_page(target, site_url).encode()


def _is_picture(uri: str) -> bool:
    return posixpath.splitext(uri)[1].lower() in IMAGE_SUFFIXES


@dataclass
class _Pages:
    """Renders each page as the MkDocs plugins would, and collects the stories for the feeds."""

    settings: ExportSettings
    catalog: Catalog
    renderer: PageRenderer
    build: Build
    listings: ListingPages
    pictures: BuildPictures
    exists: Callable[[str], bool]
    directory_urls: bool
    feeds: dict[str, FeedSpec]
    feed_files: dict[str, list[tuple[str, str, str]]]

    def __post_init__(self) -> None:
        self.writer = FeedWriter()
        self.ids: dict[str, str] = {}
        self.blocks = self.settings.site is not None

    def page(self, uri: str, source: str | None, item: Item | None) -> PlannedPage:
        """The page made from uri: an item's, or one with a Markdown source (front matter and
        all)."""
        meta: dict[str, Any] = {}
        if item is not None:
            markdown = item.body
        else:
            front = read_front_matter(uri, source or "")
            if isinstance(front, Problem):
                markdown = source or ""
            else:
                meta = front.doc.data if isinstance(front.doc.data, dict) else {}
                markdown = front.body
        title = meta.get("title") if isinstance(meta.get("title"), str) else None
        listing = self.listings.pages.get(uri)
        if listing and title is None and not HEADING.search(markdown):
            title = listing.page_title
        if uri in self.catalog.listings:
            markdown = replace_listings(markdown, SLOT)
        names: list[str] = []
        if self.blocks:
            markdown, names = mark_blocks(markdown)
        rendered = self.renderer.render(markdown, uri)
        html = rendered.html
        page_url = url_of(uri, self.directory_urls)
        find = linker(uri, self.exists, self.directory_urls)
        links = PageLinks(
            _certain(find, uri), find, root_href(page_url), self._feeds(uri, page_url)
        )
        if isinstance(item, (Case, Guide)):
            self._add_story(item, html)
        html = self.pictures.in_page(html, page_url)
        if item is not None:
            html = item_html(
                item,
                html,
                links.href,
                find,
                self.build,
                lambda case: self.pictures.case_picture(case, page_url),
            )
        if not listing:
            html = self.listings.html(html, uri, links)
        if names:
            html = self._blocks(html, uri)
        if listing:
            html = self.listings.html(html, uri, links)
        if isinstance(item, Case) and (related := self.catalog.related.get(item.slug)):
            html = with_related(html, [(links.href(other.src_uri), other) for other in related])
        if item is not None:
            return PlannedPage(uri, item.meta.title, item.meta.description, html)
        description = meta.get("description")
        return PlannedPage(
            uri,
            title
            or rendered.heading
            or _nav_title(self.settings.config.get("nav"), uri)
            or _named(uri),
            description if isinstance(description, str) else None,
            html,
        )

    def _feeds(self, uri: str, page_url: str) -> Callable[[], list[tuple[str, str, str]]]:
        spec = own_feed(self.feeds, uri)
        found = self.feed_files[spec.folder] if spec else []
        return lambda: [(name, relative(path, page_url), kind) for name, path, kind in found]

    def _add_story(self, item: Case | Guide, story: str) -> None:
        url = urljoin(self.settings.site_url, url_of(item.src_uri, self.directory_urls))
        enclosure = None
        if isinstance(item, Case) and (
            found := self.pictures.enclosure(item, self.settings.site_url)
        ):
            enclosure = Enclosure(*found)
        feed_item = story_item(item, url, story, self.settings.publisher, enclosure)
        self.writer.add(feed_item)
        self.ids[item.src_uri] = feed_item.id

    def _blocks(self, html: str, uri: str) -> str:
        """html with the accessibility statement's blocks filled from mkdocs.yml's `extra`."""
        try:
            info = read_public_info(self.settings.config.get("extra") or {})
            return fill_slots(html, lambda name: block_html(name, info))
        except (BlockProblem, ConfigProblem) as problem:
            raise ContentError([Problem(f"docs/{uri}", 1, str(problem))]) from None

    def feed_documents(self) -> dict[str, Body]:
        """Every RSS and Atom feed, once every page's story has been added."""
        documents: dict[str, Body] = {}
        with self.writer:
            for spec in self.feeds.values():
                ids = [self.ids[item.src_uri] for item in spec.items]
                (_, rss_path, _), (_, atom_path, _) = self.feed_files[spec.folder]
                channel = spec.channel(
                    self.settings.site_url, rss_path, atom_path, self.settings.publisher
                )
                documents[rss_path] = self.writer.document(channel, ids, rss=True)
                documents[atom_path] = self.writer.document(channel, ids, rss=False)
        return documents


def _certain(find: Callable[[str], str | None], uri: str) -> Callable[[str], str]:
    """find, for links that must resolve: a missing target is a fault of ours, not the editor's."""

    def href(target: str) -> str:
        found = find(target)
        if found is None:
            raise RuntimeError(f"{uri} links to {target}, which the export does not hold")
        return found

    return href


def _nav_title(nav: Any, uri: str) -> str | None:
    """The title mkdocs.yml's `nav` gives the page made from uri, if it names it."""
    if isinstance(nav, list):
        for entry in nav:
            found = _nav_title(entry, uri)
            if found:
                return found
    elif isinstance(nav, dict):
        for title, target in nav.items():
            if target == uri:
                return str(title)
            found = _nav_title(target, uri)
            if found:
                return found
    return None


def _named(uri: str) -> str:
    """A title from the file's name, as MkDocs makes one: `om-sitet.md` → `Om sitet`."""
    stem = posixpath.splitext(posixpath.basename(uri))[0]
    if stem in ("index", "README") and posixpath.dirname(uri):
        stem = posixpath.basename(posixpath.dirname(uri))
    title = stem.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title
