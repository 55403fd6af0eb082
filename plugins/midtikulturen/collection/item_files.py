"""Which files of the build carry the content: case pages, guides, house pages, the calendar."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from mkdocs.structure.files import File, Files, InclusionLevel

from ..content.catalog import Catalog
from ..content.guides import is_stale
from ..content.layout import Layout
from ..content.loader import Content
from ..content.model import Case, Episode, Event, Guide, House
from ..feed.podcast import chapter_files
from ..plan.calendars import deadlines_file, event_calendar_files
from ..plan.placed import Item, Placed
from ..render.danish import long_date

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def add_cases(files: Files, config: MkDocsConfig, cases: Iterable[Case], root: Path) -> None:
    """A page per case, out of the sidebar, and the images and files they show.

    The page is read from the case's own file, so `mkdocs serve --dirty` rebuilds only the
    cases that changed; the front matter MkDocs reads there is replaced by ours.
    """
    for case in cases:
        files.append(
            File.generated(
                config,
                case.src_uri,
                abs_src_path=str(root / case.src_uri),
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
        )
        for uri in dict.fromkeys((*filter(None, [case.image_uri]), *case.files)):
            if not files.get_file_from_path(uri):  # two cases may show the same picture
                files.append(File.generated(config, uri, abs_src_path=str(root / uri)))


Page = TypeVar("Page", Guide, Episode, Event)


def place_pages(
    files: Files, items: Iterable[Page], today: date, previews: bool = False
) -> dict[str, Page]:
    """Items that are the editor's own pages in docs (guides, episodes, events), by page: out of
    the sidebar; unpublished ones leave the build unless previews are shown."""
    pages = {}
    for item in items:
        file = files.get_file_from_path(item.src_uri)
        if file is None:
            continue
        if not item.is_published(today) and not previews:
            files.remove(file)
            continue
        file.inclusion = InclusionLevel.NOT_IN_NAV
        pages[item.src_uri] = item
    return pages


def place_houses(
    files: Files, config: MkDocsConfig, content: Content, today: date, previews: bool = False
) -> dict[str, House]:
    """Houses by page: each moves from `kulturhuse/huse/x.md` to `/kulturhuse/x/`; drafts
    only where previews are shown."""
    pages = {}
    for house in content.houses:
        if file := files.get_file_from_path(house.src_uri):
            files.remove(file)
        if house.is_published(today) or previews:
            uri = house.page_uri
            files.append(
                File.generated(config, uri, content=house.body, inclusion=InclusionLevel.NOT_IN_NAV)
            )
            pages[uri] = house
    return pages


def add_calendar(
    files: Files, config: MkDocsConfig, guides: dict[str, Guide], guides_dir: str
) -> str:
    """The deadlines calendar file; returns its source URI."""
    uri, calendar = deadlines_file(
        tuple(guides.values()),
        lambda src_uri: url_of_page(files, src_uri),
        config.site_url or "",
        config.site_name,
        guides_dir,
    )
    files.append(File.generated(config, uri, content=calendar))
    return uri


def add_event_calendars(
    files: Files, config: MkDocsConfig, events: Sequence[Event], events_dir: str
) -> dict[str, str]:
    """The calendars of events: all of them, each one's own, and each municipality's.

    Returns the source URI of each calendar by what it covers: "" for all, an event's slug,
    or a municipality term's folder.
    """
    calendars = event_calendar_files(
        events,
        lambda src_uri: url_of_page(files, src_uri),
        config.site_url or "",
        config.site_name,
        events_dir,
    )
    for uri, calendar in calendars.values():
        files.append(File.generated(config, uri, content=calendar))
    return {key: uri for key, (uri, _) in calendars.items()}


def add_chapters(
    files: Files, config: MkDocsConfig, episodes: Iterable[Episode], podcast_dir: str
) -> dict[str, str]:
    """A Podcasting 2.0 chapters file per episode with chapters; their URIs by episode slug."""
    found = chapter_files(episodes, podcast_dir)
    for uri, document in found.values():
        files.append(File.generated(config, uri, content=document))
    return {slug: uri for slug, (uri, _) in found.items()}


def url_of_page(files: Files, src_uri: str) -> str:
    """The site-root URL of the page or file made from src_uri."""
    found = files.get_file_from_path(src_uri)
    return found.url if found else src_uri


def place_content(
    files: Files,
    config: MkDocsConfig,
    content: Content,
    catalog: Catalog,
    root: Path,
    layout: Layout,
    previews: bool,
) -> Placed:
    """Every item's page in files (the unpublished ones too with previews), and the calendars
    and chapter files that go with them."""
    today = catalog.today
    add_cases(files, config, content.collection.cases if previews else catalog.cases, root)
    pages: dict[str, Item] = {
        **place_pages(files, content.guides, today, previews),
        **place_houses(files, config, content, today, previews),
        **place_pages(files, content.episodes, today, previews),
        **place_pages(files, content.events, today, previews),
        **{
            case.src_uri: case for case in (content.collection.cases if previews else catalog.cases)
        },
    }
    unpublished = {uri: item for uri, item in pages.items() if not item.is_published(today)}
    published = {uri: item for uri, item in pages.items() if uri not in unpublished}
    guides = {uri: g for uri, g in published.items() if isinstance(g, Guide)}
    return Placed(
        published,
        unpublished,
        add_calendar(files, config, guides, layout.guides_dir),
        add_event_calendars(files, config, catalog.events, layout.events_dir),
        add_chapters(
            files, config, [e for e in pages.values() if isinstance(e, Episode)], layout.podcast_dir
        ),
    )


def stale_reminders(guides: Iterable[Guide], today: date, max_age_months: int) -> list[str]:
    """A reminder for each guide whose facts were last checked too long ago."""
    return [
        f"Påmindelse: docs/{guide.src_uri} blev sidst tjekket "
        f"{long_date(guide.meta.updated)} — tjek oplysningerne og ret `updated`"
        for guide in guides
        if is_stale(guide.meta.updated, today, max_age_months)
    ]


def add_assets(files: Files, config: MkDocsConfig, folder: Path, uris: Iterable[str]) -> None:
    """Our own stylesheets and scripts at uris, from the package's folder of assets."""
    for uri in uris:
        files.append(
            File.generated(config, uri, abs_src_path=str(folder / posixpath.basename(uri)))
        )
