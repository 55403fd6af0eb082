"""Where the listing pages and data files of a site live, from the collection's options."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass


@dataclass(frozen=True)
class ListingPaths:
    """The source URIs of the overview pages and the data files the listings produce."""

    cases_dir: str
    guides_dir: str
    houses_dir: str
    podcast_dir: str = "podcast"
    events_dir: str = "arrangementer"

    @property
    def cases(self) -> str:
        """`/cases/`: every case, with the filter."""
        return f"{self.cases_dir}/index.md"

    @property
    def filter_data(self) -> str:
        """The data the case filter reads in the browser."""
        return f"{self.cases_dir}/index.json"

    @property
    def guides(self) -> str:
        """`/guides/`: the guides by programme."""
        return posixpath.join(self.guides_dir, "index.md")

    @property
    def survey_dir(self) -> str:
        """The survey's folder, where the house pages also live: `kulturhuse`."""
        return posixpath.dirname(self.houses_dir)

    @property
    def survey(self) -> str:
        """`/kulturhuse/`: the survey's overview."""
        return posixpath.join(self.survey_dir, "index.md")

    def open_data(self, kind: str) -> str:
        """The houses as open data: `kulturhuse/kulturhuse.csv`, `.json` or `.xlsx`."""
        return posixpath.join(self.survey_dir, f"kulturhuse.{kind}")

    @property
    def podcast(self) -> str:
        """`/podcast/`: every series with its episodes."""
        return posixpath.join(self.podcast_dir, "index.md")

    @property
    def events(self) -> str:
        """`/arrangementer/`: coming events, then past ones by year."""
        return posixpath.join(self.events_dir, "index.md")

    @property
    def sections(self) -> tuple[tuple[str, str], ...]:
        """The overview pages the site makes where an editor has written none, with titles."""
        return (
            (self.guides, "Guides"),
            (self.survey, "Kulturhuse"),
            (self.podcast, "Podcast"),
            (self.events, "Arrangementer"),
        )

    @property
    def overviews(self) -> dict[str, str]:
        """The overview pages that section lists link to, by what they hold."""
        return {
            "guides": self.guides,
            "houses": self.survey,
            "events": self.events,
            "podcast": self.podcast,
        }
