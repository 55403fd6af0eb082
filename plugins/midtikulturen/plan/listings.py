"""Which listing pages exist: pure functions over the catalog."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..content.catalog import Catalog
from ..content.model import Case
from ..content.taxonomy import SECTIONS, TaxonomySection, term_folder
from ..content.terms import Term


@dataclass(frozen=True)
class ListingPage:
    """One page of a paginated list of cases: `/cases/page/2/` or `/kommuner/skive/`."""

    folder: str
    title: str
    about: str
    number: int
    count: int
    items: tuple[Case, ...]
    total: int
    term: Term | None = None

    @property
    def src_uri(self) -> str:
        """Where the page sits among the site's sources."""
        return self.uri_of(self.number)

    def uri_of(self, number: int) -> str:
        """The source URI of page number of the same listing: `cases/page/2.md`."""
        return f"{self.folder}/index.md" if number == 1 else f"{self.folder}/page/{number}.md"

    @property
    def page_title(self) -> str:
        """The page's title, with its number after the first page."""
        return self.title if self.number == 1 else f"{self.title} – side {self.number}"


@dataclass(frozen=True)
class TermsPage:
    """The index of one taxonomy, `/kommuner/`: every term with its number of cases."""

    section: TaxonomySection
    entries: tuple[tuple[Term, int], ...]

    @property
    def src_uri(self) -> str:
        """Where the page sits among the site's sources."""
        return f"{self.section.folder}/index.md"

    @property
    def page_title(self) -> str:
        """The page's title."""
        return self.section.title


Page = ListingPage | TermsPage


def paginate(
    folder: str,
    items: tuple[Case, ...],
    per_page: int,
    title: str = "Cases",
    about: str = "",
    term: Term | None = None,
) -> list[ListingPage]:
    """The pages of a listing of items, per_page at a time; an empty listing has one page."""
    count = max(1, math.ceil(len(items) / per_page))
    return [
        ListingPage(
            folder,
            title,
            about,
            number,
            count,
            items[(number - 1) * per_page : number * per_page],
            len(items),
            term,
        )
        for number in range(1, count + 1)
    ]


def plan_pages(
    catalog: Catalog, cases_folder: str, per_page: int, title: str = "Cases"
) -> list[Page]:
    """Every listing page of the site: all cases, each taxonomy's index and each term."""
    pages: list[Page] = [*paginate(cases_folder, catalog.cases, per_page, title)]
    for section in SECTIONS:
        terms = catalog.terms.terms(section.taxonomy)
        pages.append(
            TermsPage(section, tuple((term, len(catalog.terms.cases_of(term))) for term in terms))
        )
        for term in terms:
            pages += paginate(
                term_folder(term),
                catalog.terms.cases_of(term),
                per_page,
                term.name,
                section.about(term),
                term,
            )
    return pages
