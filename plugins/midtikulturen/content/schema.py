"""Front-matter schemas: one declaration per content type."""

from __future__ import annotations

import datetime as dt

from typing import Annotated, Literal

from pydantic import Field

from .fields import (CountryCode, IsoDate, Month, Strict, Teaser, Text, Url, term_of, terms_of,
                     tuple_of)
from .terms import Taxonomy, Term


class Period(Strict):
    """When a project ran, by month."""

    start: Month = Field(description="Første måned (ÅÅÅÅ-MM)")
    end: Month | None = Field(None, description="Sidste måned (ÅÅÅÅ-MM)")


class Contributor(Strict):
    """A person shown under "Medvirkende"."""

    name: Text = Field(description="Personens navn")
    role: Text | None = Field(None, description="Rolle og organisation")


class Source(Strict):
    """A source shown under "Kilder"; a source without a web address has only a title."""

    title: Text = Field(description="Kildens titel")
    url: Url | None = Field(None, description="Kildens webadresse")


class CaseMeta(Strict):
    """The front matter of a case story in `cases/`."""

    title: Text = Field(description="Casens titel")
    description: Teaser = Field(
        description="Kort resumé, højst 300 tegn; vises i lister, feeds og søgning")
    date: IsoDate = Field(
        description="Udgivelsesdato (ÅÅÅÅ-MM-DD); en fremtidig dato udgiver casen den dag")
    updated: IsoDate | None = Field(None, description="Dato for seneste væsentlige ændring")
    organisation: Text = Field(description="Hvem stod bag casen")
    municipality: terms_of(  # type: ignore[valid-type]
        Taxonomy.MUNICIPALITIES, one_allowed=True) = Field(
            description="Kommune(r) fra vocabularies.yml")
    themes: terms_of(Taxonomy.THEMES) = Field(  # type: ignore[valid-type]
        (), description="Temaer fra vocabularies.yml")
    programmes: terms_of(Taxonomy.PROGRAMMES) = Field(  # type: ignore[valid-type]
        (), description="EU- og nordiske programmer fra vocabularies.yml")
    support: terms_of(Taxonomy.SUPPORT) = Field(  # type: ignore[valid-type]
        (), description="Regionale tilbud, der hjalp, fra vocabularies.yml")
    period: Period | None = Field(
        None, description="Projektets periode: start og slut (ÅÅÅÅ-MM)")
    partner_countries: tuple_of(CountryCode) = Field(  # type: ignore[valid-type]
        (), description="Partnerlande som landekoder med to bogstaver, fx SE")
    contributors: tuple_of(Contributor) = Field(  # type: ignore[valid-type]
        (), description="Medvirkende: navn og rolle")
    image: Text | None = Field(None, description="Billede i cases/images/, fx images/navn.jpg")
    image_alt: Text | None = Field(
        None, description="Beskrivelse af billedet til skærmlæsere (kræves med image)")
    sources: tuple_of(Source) = Field(  # type: ignore[valid-type]
        (), description="Kilder: titel og webadresse")
    draft: bool = Field(False, description="true: casen vises ingen steder endnu")

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every taxonomy term of the case, municipalities first."""
        return (*self.municipality, *self.programmes, *self.support, *self.themes)

    @property
    def last_change(self) -> dt.date:
        """The date of the last substantial change: `updated`, or else `date`."""
        return self.updated or self.date


def case_rules(meta: CaseMeta) -> list[tuple[tuple[str, ...], str]]:
    """Rules across fields, as (field path, message) pairs."""
    problems: list[tuple[tuple[str, ...], str]] = []
    if meta.image and not meta.image_alt:
        problems.append((("image",), "et billede skal have en billedtekst til skærmlæsere — "
                                     "tilføj `image_alt:` med en kort beskrivelse af billedet"))
    if meta.image_alt and not meta.image:
        problems.append((("image_alt",), "`image_alt` uden `image` — tilføj billedet eller "
                                         "slet `image_alt`"))
    if meta.updated and meta.updated < meta.date:
        problems.append((("updated",), f"`updated` ({meta.updated}) ligger før `date` "
                                       f"({meta.date}) — ret en af de to datoer"))
    if meta.period and meta.period.end and meta.period.end < meta.period.start:
        problems.append((("period", "end"), "projektet slutter, før det starter — ret "
                                            "`start` eller `end`"))
    if len(set(meta.municipality)) < len(meta.municipality):
        problems.append((("municipality",), "samme kommune står flere gange — slet den ene"))
    return problems


class Funding(Strict):
    """What a programme grants: the largest amount and the funder's share."""

    max_amount: Annotated[int, Field(ge=1, le=10**12)] = Field(
        description="Højeste tilskud (heltal)")
    currency: Literal["EUR", "DKK"] = Field(description="EUR eller DKK")
    rate: Annotated[int, Field(
        ge=1, le=100)] | None = Field(None, description="Tilskuddets højeste andel i procent")


class Deadline(Strict):
    """An application deadline shown on a guide and in "Kommende frister"."""

    date: IsoDate = Field(description="Fristens dato (ÅÅÅÅ-MM-DD)")
    label: Text = Field(description="Hvad fristen gælder")


class GuideMeta(Strict):
    """The front matter of a funding guide in `docs/guides/`."""

    title: Text = Field(description="Guidens titel")
    description: Teaser = Field(description="Kort resumé, højst 300 tegn")
    updated: IsoDate = Field(
        description="Hvornår oplysningerne sidst blev tjekket (ÅÅÅÅ-MM-DD)")
    programme: term_of(Taxonomy.PROGRAMMES) | None = Field(None, # type: ignore[valid-type]
        description="Programmet fra vocabularies.yml")
    support: term_of(Taxonomy.SUPPORT) | None = Field(None, # type: ignore[valid-type]
        description="Regionalt tilbud fra vocabularies.yml")
    funding: Funding | None = Field(None, description="Højeste tilskud, valuta og andel")
    deadlines: tuple_of(Deadline) = Field(  # type: ignore[valid-type]
        (), description="Ansøgningsfrister: dato og tekst")
    themes: terms_of(Taxonomy.THEMES) = Field(  # type: ignore[valid-type]
        (), description="Temaer fra vocabularies.yml")
    sources: tuple_of(Source) = Field(  # type: ignore[valid-type]
        (), description="Kilder: titel og webadresse")
    draft: bool = Field(False, description="true: guiden vises ingen steder endnu")

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every taxonomy term of the guide."""
        return tuple(t for t in (self.programme, self.support) if t) + self.themes


class Location(Strict):
    """A point in WGS84 degrees."""

    lat: Annotated[float, Field(ge=-90, le=90)] = Field(description="Breddegrad (WGS84)")
    lon: Annotated[float, Field(ge=-180, le=180)] = Field(description="Længdegrad (WGS84)")


NonNegative = Annotated[int, Field(ge=0, le=10**9)]


class HouseMeta(Strict):
    """The front matter of a culture house in `docs/kulturhuse/huse/`.

    `house_type` and `ownership` must be written but may be left empty: "ikke oplyst".
    """

    title: Text = Field(description="Husets navn")
    description: Teaser = Field(description="Kort resumé, højst 300 tegn")
    municipality: term_of(Taxonomy.MUNICIPALITIES) = Field(  # type: ignore[valid-type]
        description="Husets kommune fra vocabularies.yml")
    town: Text = Field(description="By")
    house_type: term_of(Taxonomy.HOUSE_TYPES) | None = Field(  # type: ignore[valid-type]
        description="Hustype fra vocabularies.yml; tom: ikke oplyst")
    ownership: term_of(Taxonomy.OWNERSHIP) | None = Field(  # type: ignore[valid-type]
        description="Ejerform fra vocabularies.yml; tom: ikke oplyst")
    opened: Annotated[int, Field(ge=1000, le=2100)] | None = Field(None, description="Åbningsår")
    staff_fte: Annotated[float, Field(ge=0, le=100_000, allow_inf_nan=False)] | None = Field(
        None, description="Lønnede ansatte i årsværk")
    volunteers: NonNegative | None = Field(None, description="Antal frivillige")
    visitors_per_year: NonNegative | None = Field(None, description="Besøg om året")
    facilities: terms_of(Taxonomy.FACILITIES) = Field(  # type: ignore[valid-type]
        (), description="Faciliteter fra vocabularies.yml")
    activities: terms_of(Taxonomy.ACTIVITIES) = Field(  # type: ignore[valid-type]
        (), description="Aktiviteter fra vocabularies.yml")
    location: Location | None = Field(
        None, description="Placering: bredde- og længdegrad; skal ligge i Danmark")
    sources: tuple_of(Source) = Field(  # type: ignore[valid-type]
        (), description="Kilder: titel og webadresse")
    draft: bool = Field(False, description="true: huset vises ingen steder endnu")

    @property
    def terms(self) -> tuple[Term, ...]:
        """The house's municipality, the only taxonomy with pages that houses share."""
        return (self.municipality,)


def house_rules(meta: HouseMeta, today: dt.date) -> list[tuple[tuple[str, ...], str]]:
    """Rules across fields and against today's date, as (field path, message) pairs."""
    problems: list[tuple[tuple[str, ...], str]] = []
    if meta.opened and meta.opened > today.year:
        problems.append((("opened",), f"{meta.opened} ligger i fremtiden — skriv det år, huset "
                                      "åbnede, eller slet feltet"))
    if meta.location and not (54.5 <= meta.location.lat <= 57.8
                              and 8.0 <= meta.location.lon <= 15.2):
        problems.append((("location",), f"({meta.location.lat}, {meta.location.lon}) ligger ikke "
                                        "i Danmark — skriv bredde- og længdegrad i grader, fx "
                                        "`{lat: 56.39, lon: 9.92}`"))
    return problems
