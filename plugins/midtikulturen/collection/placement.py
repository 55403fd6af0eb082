"""Which files of the build carry the content: case pages, guides, house pages, the calendar."""

from __future__ import annotations

import posixpath
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Iterable
from urllib.parse import urljoin, urlsplit

from mkdocs.structure.files import File, Files, InclusionLevel

from ..content.loader import Content
from ..content.model import Case, Guide, House
from ..render.calendar import deadlines_calendar

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

CALENDAR_NAME = "frister.ics"


def add_cases(files: Files, config: MkDocsConfig, cases: Iterable[Case], root: Path) -> None:
    """A page per case, out of the sidebar, and the images and files they show.

    The page is read from the case's own file, so `mkdocs serve --dirty` rebuilds only the
    cases that changed; the front matter MkDocs reads there is replaced by ours.
    """
    for case in cases:
        files.append(File.generated(config, case.src_uri, abs_src_path=str(root / case.src_uri),
                                    inclusion=InclusionLevel.NOT_IN_NAV))
        for uri in dict.fromkeys((*filter(None, [case.image_uri]), *case.files)):
            if not files.get_file_from_path(uri):  # two cases may show the same picture
                files.append(File.generated(config, uri, abs_src_path=str(root / uri)))


def place_guides(files: Files, content: Content, today: date,
                 previews: bool = False) -> dict[str, Guide]:
    """Guides by page, out of the sidebar; drafts leave the build unless previews are shown."""
    pages = {}
    for guide in content.guides:
        file = files.get_file_from_path(guide.src_uri)
        if file is None:
            continue
        if not guide.is_published(today) and not previews:
            files.remove(file)
            continue
        file.inclusion = InclusionLevel.NOT_IN_NAV
        pages[guide.src_uri] = guide
    return pages


def place_houses(files: Files, config: MkDocsConfig, content: Content, today: date,
                 previews: bool = False) -> dict[str, House]:
    """Houses by page: each moves from `kulturhuse/huse/x.md` to `/kulturhuse/x/`; drafts
    only where previews are shown."""
    pages = {}
    for house in content.houses:
        if file := files.get_file_from_path(house.src_uri):
            files.remove(file)
        if house.is_published(today) or previews:
            uri = house.page_uri
            files.append(File.generated(config, uri, content=house.body,
                                        inclusion=InclusionLevel.NOT_IN_NAV))
            pages[uri] = house
    return pages


def add_calendar(files: Files, config: MkDocsConfig, guides: dict[str, Guide],
                 guides_dir: str) -> str:
    """The deadlines calendar file; returns its source URI."""
    site_url = config.site_url or "http://127.0.0.1:8000/"
    urls = {g.slug: urljoin(site_url, f.url) for uri, g in guides.items()
            if (f := files.get_file_from_path(uri))}
    uri = posixpath.join(guides_dir, CALENDAR_NAME)
    calendar = deadlines_calendar(tuple(guides.values()), lambda g: urls[g.slug],
                                  urlsplit(site_url).hostname or "localhost",
                                  f"{config.site_name}: ansøgningsfrister")
    files.append(File.generated(config, uri, content=calendar))
    return uri
