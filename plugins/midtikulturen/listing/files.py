"""The files the listing plugin adds: listing pages, the filter's script and data, open data."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from ..content.catalog import Catalog
from ..houses.opendata import houses_csv, houses_json
from ..houses.spreadsheet import houses_xlsx
from ..plan.listing_paths import ListingPaths
from ..plan.listings import Page, TermsPage
from ..render.filters import filter_data
from ..state import cards
from ..user_cache import Outputs, outputs_folder

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

ASSETS = Path(__file__).parent.parent / "assets"
SCRIPT = "assets/midtikulturen/filter.js"


def add_files(
    files: Files,
    config: MkDocsConfig,
    catalog: Catalog,
    layout: ListingPaths,
    pages: Sequence[Page],
    intro: str | None,
) -> None:
    """Every listing page an editor has not written, and the listings' data files."""
    files.append(File.generated(config, SCRIPT, abs_src_path=str(ASSETS / "filter.js")))
    files.append(
        File.generated(
            config,
            layout.filter_data,
            content=filter_data(
                catalog.cases, lambda case: url_of(files, case.src_uri), cards(config).data
            ),
        )
    )
    for uri, title in layout.sections:
        if not files.get_file_from_path(uri):
            files.append(File.generated(config, uri, content=f"# {title}\n"))
    site_url = config.site_url or ""
    house_url = lambda h: urljoin(site_url, url_of(files, h.page_uri))  # noqa: E731
    files.append(
        File.generated(
            config, layout.open_data("csv"), content=houses_csv(catalog.houses, house_url)
        )
    )
    files.append(
        File.generated(
            config, layout.open_data("json"), content=houses_json(catalog.houses, house_url)
        )
    )
    files.append(
        File.generated(
            config,
            layout.open_data("xlsx"),
            content=houses_xlsx(catalog.houses, house_url, Outputs(outputs_folder())),
        )
    )
    for page in pages:
        if files.get_file_from_path(page.src_uri):
            continue
        in_nav = isinstance(page, TermsPage) or page.src_uri == layout.cases
        files.append(
            File.generated(
                config,
                page.src_uri,
                content=intro if page.src_uri == layout.cases and intro else "",
                inclusion=InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV,
            )
        )


def url_of(files: Files, src_uri: str) -> str:
    """The site-root URL of the page made from src_uri."""
    found = files.get_file_from_path(src_uri)
    if found is None:
        raise PluginError(f"intern fejl: ingen side for {src_uri} — meld fejlen til udviklerne")
    return found.url
