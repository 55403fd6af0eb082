"""The HTML of the culture-house survey's overview: its figures as tables and charts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..content.model import House
from ..render.danish import number, percent
from ..render.templates import render
from .charts import bar_chart
from .survey import Distribution, Spread, Survey

FIGURES = (
    ("kommuner", "Huse pr. kommune", "Kommune", "i hver kommune", None),
    ("hustyper", "Hustyper", "Hustype", "af hver hustype", "hustype"),
    ("ejerformer", "Ejerformer", "Ejerform", "med hver ejerform", "ejerform"),
    ("faciliteter", "Faciliteter", "Facilitet", "med hver facilitet", "faciliteter"),
    ("aktiviteter", "Aktiviteter", "Aktivitet", "med hver aktivitet", "aktiviteter"),
)


@dataclass(frozen=True)
class Figure:
    """A distribution with the Danish words the overview shows it under.

    `what` completes "antal huse …" (`af hver hustype`); `noun` names the field in "der
    oplyser hustype" and is None when every house gives it.
    """

    key: str
    heading: str
    column: str
    what: str
    noun: str | None
    distribution: Distribution

    @property
    def basis(self) -> str:
        """What completes "Bygger på 3 huse": `, der oplyser hustype`, or nothing."""
        return f", der oplyser {self.noun}" if self.noun else ""

    @property
    def chart(self) -> Markup:
        """The distribution as a bar chart of counts, labelled with count and share."""
        dist = self.distribution
        rows = [(c.term.name, float(c.count)) for c in dist.counts] if dist.based_on else []
        description = (
            f"Bjælkediagram: antal huse {self.what}, med andelen i parentes. "
            f"Bygger på {houses(dist.based_on)}{self.basis}. Tallene står også "
            "i tabellen."
        )
        return bar_chart(
            f"mik-diagram-{self.key}",
            self.heading,
            description,
            rows,
            lambda v: f"{number(v)} ({share_percent(v / dist.based_on)})",
        )


@dataclass(frozen=True)
class SpreadRow:
    """A row of the spread table: what is counted and its spread, if any house gives it."""

    label: str
    spread: Spread | None


def share_percent(share: float) -> str:
    """A share between 0 and 1 as a whole Danish percentage: `25 %`."""
    return percent(round(share * 100))


def houses(n: int) -> str:
    """`1 hus`, `3 huse`."""
    return f"{number(n)} hus" if n == 1 else f"{number(n)} huse"


def render_survey(
    survey: Survey, houses_with_href: Sequence[tuple[str, House]], data_hrefs: Mapping[str, str]
) -> str:
    """The overview below the editor's intro: figures, the houses in the given order, data.

    data_hrefs links the open data by kind: `xlsx`, `csv` and `json`.
    """
    return render(
        "survey.html",
        survey=survey,
        figures=figures(survey),
        spreads=spread_rows(survey),
        houses_with_href=houses_with_href,
        data=data_hrefs,
        share_percent=share_percent,
        houses=houses,
    )


def figures(survey: Survey) -> list[Figure]:
    """The distributions of the overview, in the order shown."""
    distributions = (
        survey.by_municipality,
        survey.by_type,
        survey.by_ownership,
        survey.facilities,
        survey.activities,
    )
    pairs = zip(FIGURES, distributions, strict=True)
    return [Figure(*words, distribution=dist) for words, dist in pairs]


def spread_rows(survey: Survey) -> list[SpreadRow]:
    """The rows of the spread table."""
    return [
        SpreadRow("Frivillige", survey.volunteers),
        SpreadRow("Ansatte (årsværk)", survey.staff_fte),
        SpreadRow("Besøgende pr. år", survey.visitors_per_year),
    ]
