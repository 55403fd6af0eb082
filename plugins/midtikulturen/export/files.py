"""The exported site's files besides its pages: the content's own files, pictures' renditions,
calendars, chapters, podcast feeds, the filter's data, open data, `/was`, the content's JSON
Schemas and our assets."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from ..content.catalog import Catalog
from ..content.folders import scan
from ..content.jsonschema import schema_files
from ..content.media import IMAGE_SUFFIXES
from ..content.problems import ContentError, Problem
from ..content.reserved import ASSETS
from ..feed.podcast import chapter_files
from ..feed.podcasts import podcast_files
from ..houses.opendata import houses_csv, houses_json
from ..houses.spreadsheet import houses_xlsx
from ..images.cache import RenditionCache
from ..images.pictures import BuildPictures
from ..images.publish import publish_pictures, published_files
from ..plan.calendars import deadlines_file, event_calendar_files
from ..plan.listing_paths import ListingPaths
from ..project import Project
from ..render.cards import Cards
from ..render.filters import filter_data
from ..site.pages import REDIRECT_URI, is_address, redirect_page
from ..user_cache import Outputs, outputs_folder
from .settings import ExportSettings

ASSET_FOLDER = Path(__file__).resolve().parent.parent / "assets"
ASSET_NAMES = ("midtikulturen.css", "podcast.js", "filter.js")
Body = bytes | Path


@dataclass(frozen=True)
class MadeFiles:
    """The files made from the catalog by URI, and the URIs pages link to: the deadlines
    calendar, the events' calendars (by "", an event's slug or a term's folder) and the
    chapters (by episode slug)."""

    files: dict[str, Body]
    deadlines_calendar: str
    event_calendars: dict[str, str]
    chapters: dict[str, str]


def content_files(
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


def made_files(
    project: Project,
    settings: ExportSettings,
    catalog: Catalog,
    paths: ListingPaths,
    address: Callable[[str], str],
    pages: set[str],
    cards: Cards,
) -> MadeFiles:
    """Every file the site makes from the catalog, but the site's and terms' feeds, which need
    the pages' stories; address gives a source URI's URL from the site's root, pages are the
    source URIs of the site's pages, cards give the filter's data its thumbnails."""
    layout = project.layout
    site_url, site_name = settings.site_url, settings.site_name

    def absolute(uri: str) -> str:
        return urljoin(site_url, address(uri))

    files: dict[str, Body] = {ASSETS + name: ASSET_FOLDER / name for name in ASSET_NAMES}
    calendar_uri, calendar = deadlines_file(
        catalog.guides, address, site_url, site_name, layout.guides_dir
    )
    files[calendar_uri] = calendar
    calendars = event_calendar_files(
        catalog.events, address, site_url, site_name, layout.events_dir
    )
    files.update(dict(calendars.values()))
    chapters = {
        slug: (uri, text.encode())
        for slug, (uri, text) in chapter_files(catalog.episodes, layout.podcast_dir).items()
    }
    files.update(dict(chapters.values()))
    contact = (settings.config.get("extra") or {}).get("contact") or {}
    files.update(
        podcast_files(
            catalog,
            layout.podcast_dir,
            project.root / (layout.docs_dir or ""),
            {slug: uri for slug, (uri, _) in chapters.items()},
            absolute,
            (site_url, site_name, settings.publisher, str(contact.get("email") or "")),
            Outputs(outputs_folder()),
        )
    )
    files[paths.filter_data] = filter_data(
        catalog.cases, lambda case: address(case.src_uri), cards.data
    ).encode()
    house_url = lambda house: absolute(house.page_uri)  # noqa: E731
    files[paths.open_data("csv")] = houses_csv(catalog.houses, house_url).encode()
    files[paths.open_data("json")] = houses_json(catalog.houses, house_url).encode()
    files[paths.open_data("xlsx")] = houses_xlsx(
        catalog.houses, house_url, Outputs(outputs_folder())
    )
    if settings.site is not None:
        files[REDIRECT_URI] = _redirect(settings.site["statement"], pages, address, site_url)
        if folder := settings.site["schemas"].strip("/"):
            for name, text in schema_files(catalog.vocabulary).items():
                files[f"{folder}/{name}"] = text.encode()
    return MadeFiles(
        files,
        calendar_uri,
        {key: uri for key, (uri, _) in calendars.items()},
        {slug: uri for slug, (uri, _) in chapters.items()},
    )


def _redirect(
    statement: str, pages: set[str], address: Callable[[str], str], site_url: str
) -> bytes:
    """`/was`, which sends readers on to the accessibility statement, as the site plugin makes
    it."""
    if not is_address(statement) and statement not in pages:
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
