"""The document Pagefind indexes for a page: weights, metadata, and escaped text."""

from __future__ import annotations

from datetime import date

from bs4 import BeautifulSoup

from midtikulturen.content.terms import Taxonomy, Term
from midtikulturen.search.documents import (
    ORGANISATION_WEIGHT,
    TERMS_WEIGHT,
    TITLE_WEIGHT,
    Entry,
    Kind,
    document,
    page_entry,
    topic_entry,
)

VIBORG = Term(Taxonomy.MUNICIPALITIES, "Viborg")
ERASMUS = Term(Taxonomy.PROGRAMMES, "Erasmus+")
HOSTILE = 'Kunst & <b>fed</b> "citat" </script>'


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def weight_of(soup: BeautifulSoup, text: str) -> float:
    """The Pagefind weight of the element whose own text is text."""
    element = soup.find(string=text).find_parent(attrs={"data-pagefind-weight": True})
    return float(element["data-pagefind-weight"])


def test_a_case_is_found_by_weighted_title_organisation_and_terms() -> None:
    entry = Entry(
        Kind.CASE,
        "Global Roots",
        "Et partnerskab.",
        date(2021, 6, 3),
        "Kulturprinsen",
        (VIBORG, ERASMUS),
        ("Viborg",),
    )
    soup = parse(document(entry, "<p>Historien om projektet.</p>"))
    body = soup.select_one("[data-pagefind-body]")
    assert weight_of(body, "Global Roots") == TITLE_WEIGHT
    assert weight_of(body, "Kulturprinsen") == ORGANISATION_WEIGHT
    assert [li.get_text() for li in body.select("ul li")] == ["Viborg", "Erasmus+"]
    assert weight_of(body, "Erasmus+") == TERMS_WEIGHT
    assert body.find("p", string="Historien om projektet.") is not None
    meta = {e["data-pagefind-meta"]: e.get_text() for e in soup.select("[data-pagefind-meta]")}
    assert meta == {
        "title": "Global Roots",
        "type": "Case",
        "dato": "3. juni 2021",
        "sted": "Viborg",
        "organisation": "Kulturprinsen",
    }
    assert not soup.select("[data-pagefind-body] [data-pagefind-meta]"), (
        "metadata must not be indexed as body text"
    )
    assert soup.html["lang"] == "da"


def test_text_is_escaped_and_stays_text() -> None:
    soup = parse(document(Entry(Kind.CASE, HOSTILE, HOSTILE, organisation=HOSTILE), ""))
    assert not soup.select("b") and not soup.select("script")
    assert soup.select_one("h1").get_text() == HOSTILE
    assert soup.select_one('[data-pagefind-meta="title"]').get_text() == HOSTILE


def test_a_topic_is_named_by_its_term_with_a_low_weight_and_a_page_keeps_its_own_title() -> None:
    soup = parse(document(topic_entry(VIBORG, "Viborg"), "<p>Indledning.</p>"))
    assert float(soup.h1["data-pagefind-weight"]) < TITLE_WEIGHT
    assert soup.select_one('[data-pagefind-meta="emne"]').get_text() == "kommune"
    assert soup.select_one('[data-pagefind-meta="type"]').get_text() == "Emne"
    page = parse(document(page_entry("Om sitet"), "<h1>Om sitet</h1><p>Tekst.</p>"))
    assert len(page.select("h1")) == 1
    assert not page.select("[data-pagefind-weight]")
