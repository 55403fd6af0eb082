"""The Danish labels editors see in the CMS, by front-matter field name."""

from __future__ import annotations

LABELS: dict[str, str] = {
    "title": "Titel",
    "description": "Resumé",
    "date": "Udgivelsesdato",
    "updated": "Opdateret",
    "organisation": "Organisation",
    "municipality": "Kommune",
    "themes": "Temaer",
    "programmes": "Programmer",
    "programme": "Program",
    "support": "Regional støtte",
    "period": "Periode",
    "partner_countries": "Partnerlande",
    "contributors": "Medvirkende",
    "image": "Billede",
    "image_alt": "Billedtekst",
    "sources": "Kilder",
    "draft": "Kladde",
    "funding": "Tilskud",
    "deadlines": "Ansøgningsfrister",
    "town": "By",
    "house_type": "Hustype",
    "ownership": "Ejerform",
    "opened": "Åbnet (år)",
    "staff_fte": "Ansatte (årsværk)",
    "volunteers": "Frivillige",
    "visitors_per_year": "Besøg om året",
    "facilities": "Faciliteter",
    "activities": "Aktiviteter",
    "location": "Placering",
    "series": "Podcastserie",
    "episode": "Afsnit nr.",
    "audio": "Lydfil",
    "duration": "Varighed",
    "chapters": "Kapitler",
    "houses": "Kulturhuse",
    "transcript": "Udskrift (fil)",
    "start": "Start",
    "end": "Slut",
    "place": "Sted",
    "online": "Online",
    "registration": "Tilmelding",
    "organiser": "Arrangør",
    "recording": "Optagelse",
}
"""Fields at the top of the front matter."""

NESTED_LABELS: dict[str, str] = {
    "start": "Første måned",
    "end": "Sidste måned",
    "name": "Navn",
    "role": "Rolle",
    "title": "Titel",
    "url": "Webadresse",
    "max_amount": "Højeste tilskud",
    "currency": "Valuta",
    "rate": "Andel i procent",
    "date": "Dato",
    "label": "Hvad fristen gælder",
    "lat": "Breddegrad",
    "lon": "Længdegrad",
    "chapters.start": "Start i lyden",
    "chapters.title": "Kapitlets titel",
}
"""Fields inside an object or a list item (a period, a source, a deadline, …)."""

SINGULAR: dict[str, str] = {
    "contributors": "person",
    "sources": "kilde",
    "deadlines": "frist",
    "chapters": "kapitel",
    "houses": "kulturhus",
}
"""What one item of a list field is called on its "Tilføj" button."""

COLLECTIONS: dict[str, tuple[str, str, str]] = {
    "case": (
        "Cases",
        "Case",
        "Historier om kulturprojekter i regionen. Hver case er en fil i mappen cases/.",
    ),
    "guide": (
        "Guides",
        "Guide",
        "Guides til europæisk og nordisk finansiering. Hver guide er en fil i mappen docs/guides/.",
    ),
    "kulturhus": (
        "Kulturhuse",
        "Kulturhus",
        "Kulturhusundersøgelsen: et hus pr. fil i mappen docs/kulturhuse/huse/.",
    ),
    "episode": (
        "Podcast",
        "Podcastafsnit",
        "Afsnit af sitets podcasts, med lydfil og udskrift. "
        "Hvert afsnit er en fil i mappen docs/podcast/.",
    ),
    "arrangement": (
        "Arrangementer",
        "Arrangement",
        "Kulturforum, seminarer og webinarer. Hvert arrangement er en fil i docs/arrangementer/.",
    ),
}
"""Each content type's label, singular label and description in the CMS."""

BODY = (
    "Tekst",
    "Skriv i Markdown: ## giver en mellemrubrik, **fed** og [link](https://…). "
    "Sitet bygger selv fakta, kilder og lister ud fra felterne ovenfor.",
)
"""The label and hint of the Markdown body."""
