"""What the search index holds of a page: its kind, weighted facts and metadata.

Each indexed page is handed to Pagefind as a small HTML document of its own, not as the page
readers get: the page's content (without its header and facts box, see `EXCLUDED`) inside
`data-pagefind-body`, after the title, description, organisation and terms in elements that
carry Pagefind weights. Metadata (kind, date, places) is shown with each result.

No Pagefind filters: Pagefind 1.5 writes its filter files in hash-map order, so a site with
filters is not byte-identical from one build to the next (Pagefind issue #638), and this
project's builds are reproducible. Topic pages are told apart by their `type` metadata.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from html import escape

from ..content.model import Case, Episode, Event, Guide, House
from ..content.terms import Term
from ..render.danish import long_date


class Kind(str, Enum):  # noqa: UP042 (like content.terms.Taxonomy)
    """What a search result is, in the words readers see."""

    CASE = "Case"
    GUIDE = "Guide"
    HOUSE = "Kulturhus"
    EPISODE = "Podcast"
    EVENT = "Arrangement"
    TOPIC = "Emne"
    PAGE = "Side"


EXCLUDED = (
    ".mik-case__header",
    ".mik-house__header",
    ".mik-guide > h1",
    ".mik-guide > .mik-lead",
    ".mik-episode__header",
    ".mik-event__header",
    ".mik-player",
    ".mik-chapters",
    ".mik-facts",
    ".headerlink",
    ".mik-cards",
    ".mik-terms",
    ".mik-deadline-list",
    ".mik-event-list",
    ".mik-more",
    ".mik-empty",
)
"""Parts of a page's content left out: what the document holds with its own weights, and the
lists that `listing` blocks put on editors' pages (they would make the front page match every
case's words)."""

TITLE_WEIGHT = 10
ORGANISATION_WEIGHT = 6
TERMS_WEIGHT = 5
DESCRIPTION_WEIGHT = 2
TOPIC_WEIGHT = 3
"""Pagefind weights (0-10, counted squared): body text is 1, an `<h2>` 6."""


@dataclass(frozen=True)
class Entry:
    """One indexed page: its kind, title, facts, and whether its content follows."""

    kind: Kind
    title: str
    description: str = ""
    day: date | None = None
    organisation: str = ""
    terms: tuple[Term, ...] = ()
    places: tuple[str, ...] = ()


def case_entry(case: Case) -> Entry:
    """A case: found by its title, organisation and every term it is tagged with."""
    m = case.meta
    return Entry(
        Kind.CASE,
        m.title,
        m.description,
        m.date,
        m.organisation,
        (*m.municipality, *m.programmes, *m.support, *m.themes),
        tuple(t.name for t in m.municipality),
    )


def guide_entry(guide: Guide) -> Entry:
    """A guide, dated by its last check, with its programme or regional offer and themes."""
    m = guide.meta
    terms = tuple(t for t in (m.programme, m.support) if t) + tuple(m.themes)
    return Entry(Kind.GUIDE, m.title, m.description, m.updated, "", terms)


def house_entry(house: House) -> Entry:
    """A culture house, in its municipality and town."""
    m = house.meta
    return Entry(
        Kind.HOUSE,
        m.title,
        m.description,
        None,
        "",
        (m.municipality,),
        (m.municipality.name,) if m.town == m.municipality.name else (m.town, m.municipality.name),
    )


def episode_entry(episode: Episode) -> Entry:
    """A podcast episode, with its series, municipalities and themes; its transcript is text."""
    m = episode.meta
    return Entry(
        Kind.EPISODE,
        m.title,
        m.description,
        m.date,
        "",
        (m.series, *m.terms),
        tuple(t.name for t in m.municipality),
    )


def event_entry(event: Event) -> Entry:
    """An event, dated by its first day, where it takes place."""
    m = event.meta
    places = tuple(p for p in (m.town, m.municipality.name if m.municipality else None) if p)
    return Entry(
        Kind.EVENT,
        m.title,
        m.description,
        m.start.day,
        m.organiser,
        m.terms,
        tuple(dict.fromkeys(places)),
    )


def topic_entry(term: Term, title: str) -> Entry:
    """A term's page (`/kommuner/viborg/`), found by the term's name."""
    return Entry(Kind.TOPIC, title, terms=(term,))


def page_entry(title: str) -> Entry:
    """An editor's page such as `/om/`, found by its own headings and text."""
    return Entry(Kind.PAGE, title)


def document(entry: Entry, content: str) -> str:
    """The HTML document Pagefind indexes for entry, whose page content is content."""
    parts = [
        '<!doctype html><html lang="da"><head><meta charset="utf-8">'
        f"<title>{escape(entry.title)}</title></head><body>"
    ]
    parts += _metadata(entry)
    parts.append("<main data-pagefind-body>")
    if entry.kind is Kind.TOPIC:
        parts.append(f'<h1 data-pagefind-weight="{TOPIC_WEIGHT}">{escape(entry.title)}</h1>')
    elif entry.kind is not Kind.PAGE:
        parts.append(f'<h1 data-pagefind-weight="{TITLE_WEIGHT}">{escape(entry.title)}</h1>')
        if entry.description:
            parts.append(
                f'<p data-pagefind-weight="{DESCRIPTION_WEIGHT}">{escape(entry.description)}</p>'
            )
        if entry.organisation:
            parts.append(
                f'<p data-pagefind-weight="{ORGANISATION_WEIGHT}">{escape(entry.organisation)}</p>'
            )
        if entry.terms:  # one element per term, so names never run together
            parts.append(
                f'<ul data-pagefind-weight="{TERMS_WEIGHT}">'
                + "".join(f"<li>{escape(t.name)}</li>" for t in entry.terms)
                + "</ul>"
            )
    parts.append(content)
    parts.append("</main></body></html>")
    return "".join(parts)


def _metadata(entry: Entry) -> list[str]:
    """Elements outside the indexed body that give the result's metadata."""
    meta = {"title": entry.title, "type": entry.kind.value}
    if entry.day:
        meta["dato"] = long_date(entry.day)
    if entry.places:
        meta["sted"] = ", ".join(entry.places)
    if entry.organisation:
        meta["organisation"] = entry.organisation
    if entry.kind is Kind.TOPIC and entry.terms:
        meta["emne"] = entry.terms[0].taxonomy.noun
    return [
        f'<span data-pagefind-meta="{key}">{escape(value)}</span>' for key, value in meta.items()
    ]
