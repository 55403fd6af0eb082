"""Front-matter schemas: one declaration per content type."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from .fields import (
    Clock,
    CountryCode,
    IsoDate,
    Moment,
    Month,
    Strict,
    Teaser,
    Text,
    Url,
    term_of,
    terms_of,
    tuple_of,
)
from .terms import Taxonomy, Term

Found = list[tuple[tuple[str | int, ...], str]]  # a rule's problems: (field path, message)


class Period(Strict):
    """When a project ran, by month."""

    start: Month = Field(description="Første måned (ÅÅÅÅ-MM)")
    end: Month | None = Field(None, description="Sidste måned (ÅÅÅÅ-MM)")


class Contributor(Strict):
    """A person shown under "Medvirkende"."""

    name: Text = Field(description="Personens navn")
    role: Text | None = Field(None, description="Rolle og organisation")


class Citation(Strict):
    """A source cited under "Kilder"; one without a web address has only a title."""

    title: Text = Field(description="Kildens titel")
    url: Url | None = Field(None, description="Kildens webadresse")


class CaseMeta(Strict):
    """The front matter of a case story in `cases/`."""

    title: Text = Field(description="Casens titel")
    description: Teaser = Field(
        description="Kort resumé, højst 300 tegn; vises i lister, feeds og søgning"
    )
    date: IsoDate = Field(
        description="Udgivelsesdato (ÅÅÅÅ-MM-DD); en fremtidig dato udgiver casen den dag"
    )
    updated: IsoDate | None = Field(None, description="Dato for seneste væsentlige ændring")
    organisation: Text = Field(description="Hvem stod bag casen")
    municipality: terms_of(  # type: ignore[valid-type]
        Taxonomy.MUNICIPALITIES, one_allowed=True
    ) = Field(description="Kommune(r) fra vocabularies.yml")
    themes: terms_of(Taxonomy.THEMES) = Field(  # type: ignore[valid-type]
        (), description="Temaer fra vocabularies.yml"
    )
    programmes: terms_of(Taxonomy.PROGRAMMES) = Field(  # type: ignore[valid-type]
        (), description="EU- og nordiske programmer fra vocabularies.yml"
    )
    support: terms_of(Taxonomy.SUPPORT) = Field(  # type: ignore[valid-type]
        (), description="Regionale tilbud, der hjalp, fra vocabularies.yml"
    )
    period: Period | None = Field(None, description="Projektets periode: start og slut (ÅÅÅÅ-MM)")
    partner_countries: tuple_of(CountryCode) = Field(  # type: ignore[valid-type]
        (), description="Partnerlande som landekoder med to bogstaver, fx SE"
    )
    contributors: tuple_of(Contributor) = Field(  # type: ignore[valid-type]
        (), description="Medvirkende: navn og rolle"
    )
    image: Text | None = Field(None, description="Billede i cases/images/, fx images/navn.jpg")
    image_alt: Text | None = Field(
        None, description="Beskrivelse af billedet til skærmlæsere (kræves med image)"
    )
    sources: tuple_of(Citation) = Field(  # type: ignore[valid-type]
        (), description="Kilder: titel og webadresse"
    )
    draft: bool = Field(False, description="true: casen vises ingen steder endnu")

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every taxonomy term of the case, municipalities first."""
        return (*self.municipality, *self.programmes, *self.support, *self.themes)

    @property
    def last_change(self) -> dt.date:
        """The date of the last substantial change: `updated`, or else `date`."""
        return self.updated or self.date


def case_rules(meta: CaseMeta) -> Found:
    """Rules across fields, as (field path, message) pairs."""
    problems: Found = []
    if meta.image and not meta.image_alt:
        problems.append(
            (
                ("image",),
                "et billede skal have en billedtekst til skærmlæsere — "
                "tilføj `image_alt:` med en kort beskrivelse af billedet",
            )
        )
    if meta.image_alt and not meta.image:
        problems.append(
            (("image_alt",), "`image_alt` uden `image` — tilføj billedet eller slet `image_alt`")
        )
    if meta.updated and meta.updated < meta.date:
        problems.append(
            (
                ("updated",),
                f"`updated` ({meta.updated}) ligger før `date` "
                f"({meta.date}) — ret en af de to datoer",
            )
        )
    if meta.period and meta.period.end and meta.period.end < meta.period.start:
        problems.append(
            (("period", "end"), "projektet slutter, før det starter — ret `start` eller `end`")
        )
    if len(set(meta.municipality)) < len(meta.municipality):
        problems.append((("municipality",), "samme kommune står flere gange — slet den ene"))
    return problems


class Funding(Strict):
    """What a programme grants: the largest amount and the funder's share."""

    max_amount: Annotated[int, Field(ge=1, le=10**12)] = Field(
        description="Højeste tilskud (heltal)"
    )
    currency: Literal["EUR", "DKK"] = Field(description="EUR eller DKK")
    rate: Annotated[int, Field(ge=1, le=100)] | None = Field(
        None, description="Tilskuddets højeste andel i procent"
    )


class Deadline(Strict):
    """An application deadline shown on a guide and in "Kommende frister"."""

    date: IsoDate = Field(description="Fristens dato (ÅÅÅÅ-MM-DD)")
    label: Text = Field(description="Hvad fristen gælder")


class GuideMeta(Strict):
    """The front matter of a funding guide in `docs/guides/`."""

    title: Text = Field(description="Guidens titel")
    description: Teaser = Field(description="Kort resumé, højst 300 tegn")
    updated: IsoDate = Field(description="Hvornår oplysningerne sidst blev tjekket (ÅÅÅÅ-MM-DD)")
    programme: term_of(Taxonomy.PROGRAMMES) | None = Field(  # type: ignore[valid-type]
        None,
        description="Programmet fra vocabularies.yml",
    )
    support: term_of(Taxonomy.SUPPORT) | None = Field(  # type: ignore[valid-type]
        None,
        description="Regionalt tilbud fra vocabularies.yml",
    )
    funding: Funding | None = Field(None, description="Højeste tilskud, valuta og andel")
    deadlines: tuple_of(Deadline) = Field(  # type: ignore[valid-type]
        (), description="Ansøgningsfrister: dato og tekst"
    )
    themes: terms_of(Taxonomy.THEMES) = Field(  # type: ignore[valid-type]
        (), description="Temaer fra vocabularies.yml"
    )
    sources: tuple_of(Citation) = Field(  # type: ignore[valid-type]
        (), description="Kilder: titel og webadresse"
    )
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
        description="Husets kommune fra vocabularies.yml"
    )
    town: Text = Field(description="By")
    house_type: term_of(Taxonomy.HOUSE_TYPES) | None = Field(  # type: ignore[valid-type]
        description="Hustype fra vocabularies.yml; tom: ikke oplyst"
    )
    ownership: term_of(Taxonomy.OWNERSHIP) | None = Field(  # type: ignore[valid-type]
        description="Ejerform fra vocabularies.yml; tom: ikke oplyst"
    )
    opened: Annotated[int, Field(ge=1000, le=2100)] | None = Field(None, description="Åbningsår")
    staff_fte: Annotated[float, Field(ge=0, le=100_000, allow_inf_nan=False)] | None = Field(
        None, description="Lønnede ansatte i årsværk"
    )
    volunteers: NonNegative | None = Field(None, description="Antal frivillige")
    visitors_per_year: NonNegative | None = Field(None, description="Besøg om året")
    facilities: terms_of(Taxonomy.FACILITIES) = Field(  # type: ignore[valid-type]
        (), description="Faciliteter fra vocabularies.yml"
    )
    activities: terms_of(Taxonomy.ACTIVITIES) = Field(  # type: ignore[valid-type]
        (), description="Aktiviteter fra vocabularies.yml"
    )
    location: Location | None = Field(
        None, description="Placering: bredde- og længdegrad; skal ligge i Danmark"
    )
    sources: tuple_of(Citation) = Field(  # type: ignore[valid-type]
        (), description="Kilder: titel og webadresse"
    )
    draft: bool = Field(False, description="true: huset vises ingen steder endnu")

    @property
    def terms(self) -> tuple[Term, ...]:
        """The house's municipality, the only taxonomy with pages that houses share."""
        return (self.municipality,)


def house_rules(meta: HouseMeta, today: dt.date) -> Found:
    """Rules across fields and against today's date, as (field path, message) pairs."""
    problems: Found = []
    if meta.opened and meta.opened > today.year:
        problems.append(
            (
                ("opened",),
                f"{meta.opened} ligger i fremtiden — skriv det år, huset åbnede, eller slet feltet",
            )
        )
    if meta.location and not (
        54.5 <= meta.location.lat <= 57.8 and 8.0 <= meta.location.lon <= 15.2
    ):
        problems.append(
            (
                ("location",),
                f"({meta.location.lat}, {meta.location.lon}) ligger ikke "
                "i Danmark — skriv bredde- og længdegrad i grader, fx "
                "`{lat: 56.39, lon: 9.92}`",
            )
        )
    return problems


TRANSCRIPTS_REQUIRED_FROM = dt.date(2020, 9, 23)  # the web accessibility law's date for audio
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]


class Chapter(Strict):
    """A chapter of an episode: where it starts in the audio, and its title."""

    start: Clock = Field(description="Hvor kapitlet starter: TT:MM:SS eller MM:SS")
    title: Text = Field(description="Kapitlets titel")


class EpisodeMeta(Strict):
    """The front matter of a podcast episode in `docs/podcast/`."""

    title: Text = Field(description="Afsnittets titel")
    description: Teaser = Field(description="Kort resumé, højst 300 tegn")
    date: IsoDate = Field(
        description="Udgivelsesdato (ÅÅÅÅ-MM-DD); en fremtidig dato udgiver afsnittet den dag"
    )
    series: term_of(Taxonomy.SERIES) = Field(  # type: ignore[valid-type]
        description="Podcastserien fra vocabularies.yml"
    )
    episode: Annotated[int, Field(ge=1, le=10_000)] | None = Field(
        None, description="Afsnittets nummer i serien"
    )
    audio: Text = Field(
        description="Lydfilen i docs/podcast/audio/ (MP3, M4A, Ogg eller Opus), "
        "eller en https-adresse"
    )
    duration: Clock = Field(description="Varighed: TT:MM:SS")
    chapters: tuple_of(Chapter) = Field(  # type: ignore[valid-type]
        (), description="Kapitler: start og titel"
    )
    municipality: terms_of(  # type: ignore[valid-type]
        Taxonomy.MUNICIPALITIES, one_allowed=True
    ) = Field((), description="Kommune(r) fra vocabularies.yml")
    houses: tuple_of(Slug) = Field(  # type: ignore[valid-type]
        (), description="Kulturhuse, som afsnittet handler om: deres filnavne uden .md"
    )
    themes: terms_of(Taxonomy.THEMES) = Field(  # type: ignore[valid-type]
        (), description="Temaer fra vocabularies.yml"
    )
    contributors: tuple_of(Contributor) = Field(  # type: ignore[valid-type]
        (), description="Medvirkende: navn og rolle"
    )
    image: Text | None = Field(
        None, description="Afsnittets billede (kvadratisk), fx audio/navn.jpg"
    )
    image_alt: Text | None = Field(None, description="Beskrivelse af billedet (kræves med image)")
    transcript: Text | None = Field(
        None, description="Udskriften som .vtt- eller .md-fil; ellers er teksten udskriften"
    )
    sources: tuple_of(Citation) = Field(  # type: ignore[valid-type]
        (), description="Kilder: titel og webadresse"
    )
    draft: bool = Field(False, description="true: afsnittet vises ingen steder endnu")

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every taxonomy term of the episode, municipalities first."""
        return (*self.municipality, *self.themes)


def episode_rules(meta: EpisodeMeta) -> Found:
    """Rules across an episode's fields, as (field path, message) pairs."""
    problems = _image_rules(meta.image, meta.image_alt)
    starts = [chapter.start for chapter in meta.chapters]
    if starts != sorted(starts):
        problems.append(
            (("chapters",), "kapitlerne står ikke i rækkefølge — sortér dem efter start")
        )
    for index, start in enumerate(starts):
        if start >= meta.duration:
            problems.append(
                (
                    ("chapters", index, "start"),
                    "kapitlet starter efter afsnittets slutning — ret `start` eller `duration`",
                )
            )
    return problems


def _image_rules(image: str | None, alt: str | None) -> Found:
    if image and not alt:
        return [
            (
                ("image",),
                "et billede skal have en billedtekst til skærmlæsere — tilføj "
                "`image_alt:` med en kort beskrivelse af billedet",
            )
        ]
    if alt and not image:
        return [
            (("image_alt",), "`image_alt` uden `image` — tilføj billedet eller slet `image_alt`")
        ]
    return []


class EventMeta(Strict):
    """The front matter of an event in `docs/arrangementer/`."""

    title: Text = Field(description="Arrangementets titel")
    description: Teaser = Field(description="Kort resumé, højst 300 tegn")
    start: Moment = Field(
        description="Start: ÅÅÅÅ-MM-DD TT:MM i dansk tid, eller kun datoen for en hel dag"
    )
    end: Moment | None = Field(None, description="Slut: ÅÅÅÅ-MM-DD TT:MM (eller en dato)")
    place: Text | None = Field(None, description="Stedet, fx Maltfabrikken")
    town: Text | None = Field(None, description="By")
    municipality: term_of(Taxonomy.MUNICIPALITIES) | None = Field(  # type: ignore[valid-type]
        None, description="Kommunen fra vocabularies.yml"
    )
    online: bool = Field(False, description="true: arrangementet foregår online")
    registration: Url | None = Field(None, description="Tilmelding: webadresse")
    organiser: Text = Field(description="Arrangør")
    themes: terms_of(Taxonomy.THEMES) = Field(  # type: ignore[valid-type]
        (), description="Temaer fra vocabularies.yml"
    )
    recording: Text | None = Field(
        None,
        description="Optagelsen bagefter: et podcastafsnits filnavn uden .md, eller en "
        "https-adresse til en video",
    )
    sources: tuple_of(Citation) = Field(  # type: ignore[valid-type]
        (), description="Kilder: titel og webadresse"
    )
    draft: bool = Field(False, description="true: arrangementet vises ingen steder endnu")

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every taxonomy term of the event, its municipality first."""
        return (*([self.municipality] if self.municipality else []), *self.themes)


def event_rules(meta: EventMeta) -> Found:
    """Rules across an event's fields, as (field path, message) pairs."""
    problems: Found = []
    if meta.end and meta.end.all_day != meta.start.all_day:
        problems.append(
            (
                ("end",),
                "start og slut skal begge have klokkeslæt, eller begge være "
                "kun en dato (en heldagsbegivenhed)",
            )
        )
    elif meta.end and meta.end < meta.start:
        problems.append(
            (
                ("end",),
                f"arrangementet slutter ({meta.end}) før det starter "
                f"({meta.start}) — ret `start` eller `end`",
            )
        )
    if not meta.online and not (meta.place or meta.town or meta.municipality):
        problems.append(
            (
                ("place",),
                "skriv hvor arrangementet foregår (`place`, `town` eller "
                "`municipality`), eller `online: true`",
            )
        )
    return problems
