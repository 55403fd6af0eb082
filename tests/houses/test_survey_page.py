"""The survey overview and a house's page, read back with an HTML parser."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Tag

from midtikulturen.content.model import House
from midtikulturen.content.terms import Taxonomy
from midtikulturen.houses.house_page import render_house
from midtikulturen.houses.survey import survey_statistics
from midtikulturen.houses.survey_page import houses, render_survey, share_percent
from midtikulturen.render.danish import number
from tests.render import VOCABULARY, make_house

HOUSES = [
    make_house(
        "a",
        municipality="Randers",
        house_type="kulturhus",
        ownership="forening",
        visitors_per_year=25000,
        staff_fte=2.5,
        facilities=["scene", "café"],
    ),
    make_house(
        "b",
        municipality="Favrskov",
        house_type="kulturhus",
        visitors_per_year=12000,
        facilities=["scene"],
    ),
    make_house("c", municipality="Randers", house_type="medborgerhus"),
    make_house("d", municipality="Randers"),
]


def overview(houses: list[House] = HOUSES) -> BeautifulSoup:
    pairs = [(f"../huse/{h.slug}/", h) for h in houses]
    html = render_survey(
        survey_statistics(houses, VOCABULARY),
        pairs,
        {kind: f"../kulturhuse.{kind}" for kind in ("xlsx", "csv", "json")},
    )
    return BeautifulSoup(html, "html.parser")


def text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).replace("\xa0", " ").split())


def section(soup: BeautifulSoup, heading: str) -> Tag:
    found = soup.find(lambda t: t.name in ("h2", "h3") and text(t) == heading)
    assert isinstance(found, Tag), f"no heading {heading!r}"
    parent = found.parent
    assert isinstance(parent, Tag)
    return parent


def table_rows(table: Tag) -> list[list[str]]:
    return [[text(cell) for cell in row.find_all(["th", "td"])] for row in table.select("tbody tr")]


def test_headings_are_danish_and_nested_under_the_intro() -> None:
    soup = overview()
    assert [text(h) for h in soup.find_all("h2")] == [
        "Kulturhusene i tal",
        "Alle huse",
        "Hent data",
    ]
    assert [text(h) for h in soup.find_all("h3")] == [
        "Huse pr. kommune",
        "Hustyper",
        "Ejerformer",
        "Faciliteter",
        "Aktiviteter",
        "Frivillige, ansatte og besøgende",
    ]
    assert not soup.find("h1")


def test_every_table_has_a_caption_and_scoped_headers() -> None:
    tables = overview().find_all("table")
    assert len(tables) == 5
    for table in tables:
        assert text(table.caption)
        assert all(th.get("scope") in ("col", "row") for th in table.find_all("th"))
        assert all(th.get("scope") == "col" for th in table.thead.find_all("th"))
        assert all(row.th.get("scope") == "row" for row in table.tbody.find_all("tr"))


def test_houses_by_municipality() -> None:
    figure = section(overview(), "Huse pr. kommune")
    assert table_rows(figure.table) == [["Favrskov", "1", "25 %"], ["Randers", "3", "75 %"]]
    assert "Bygger på 4 huse" in text(figure.table.caption)


def test_types_count_the_houses_that_give_one_and_show_the_rest_as_not_given() -> None:
    figure = section(overview(), "Hustyper")
    rows = table_rows(figure.table)
    assert rows[0] == ["kulturhus", "2", "67 %"]
    assert rows[1] == ["medborgerhus", "1", "33 %"]
    assert rows[-1] == ["ikke oplyst", "1", "–"]
    assert [r[0] for r in rows[:-1]] == [t.name for t in VOCABULARY.terms[Taxonomy.HOUSE_TYPES]]
    assert text(figure.table.caption) == "Hustyper. Bygger på 3 huse, der oplyser hustype."


def test_facilities_are_shares_of_the_houses_that_list_any() -> None:
    figure = section(overview(), "Faciliteter")
    rows = {r[0]: r[1:] for r in table_rows(figure.table)}
    assert rows["scene"] == ["2", "100 %"]
    assert rows["café"] == ["1", "50 %"]
    assert rows["ikke oplyst"] == ["2", "–"]
    assert "Bygger på 2 huse, der oplyser faciliteter" in text(figure.table.caption)


def test_each_figure_with_data_has_a_chart_named_like_its_heading() -> None:
    soup = overview()
    for heading in ("Huse pr. kommune", "Hustyper", "Ejerformer", "Faciliteter"):
        figure = section(soup, heading)
        svg = figure.find("svg")
        assert isinstance(svg, Tag), heading
        assert text(svg.title) == heading
        assert "Bygger på" in text(svg.desc)
        assert len(svg.find_all("g")) == len(figure.table.tbody.find_all("tr")) - (
            1 if figure.find(string="ikke oplyst") else 0
        )


def test_a_figure_no_house_gives_says_so_instead_of_a_table() -> None:
    figure = section(overview(), "Aktiviteter")
    assert not figure.find("table") and not figure.find("svg")
    assert text(figure) == "Aktiviteter Ingen af husene oplyser aktiviteter endnu."


def test_spreads_are_danish_numbers_with_what_they_are_based_on() -> None:
    rows = table_rows(section(overview(), "Frivillige, ansatte og besøgende").table)
    assert rows == [
        ["Frivillige", "ikke oplyst", "ikke oplyst", "0 huse", "4 huse"],
        ["Ansatte (årsværk)", "2,5", "2,5", "1 hus", "3 huse"],
        ["Besøgende pr. år", "18.500", "12.000–25.000", "2 huse", "2 huse"],
    ]


def test_every_house_is_linked_and_the_data_can_be_downloaded() -> None:
    soup = overview()
    links = [(a["href"], text(a)) for a in section(soup, "Alle huse").find_all("a")]
    assert links == [(f"../huse/{h.slug}/", h.meta.title) for h in HOUSES]
    downloads = [a["href"] for a in section(soup, "Hent data").find_all("a")]
    assert downloads == ["../kulturhuse.xlsx", "../kulturhuse.csv", "../kulturhuse.json"]
    excel = section(soup, "Hent data").find("li")
    assert "brug denne i Excel" in text(excel) and "0661" in text(excel)


def test_an_empty_survey_says_there_are_no_houses_yet() -> None:
    soup = overview([])
    assert "Der er endnu ingen huse i undersøgelsen." in text(soup)
    assert not soup.find("table") and not soup.find("svg")


def test_titles_from_files_are_escaped() -> None:
    hostile = make_house("x", title='<script>alert("x")</script>', town="<b>By</b>")
    soup = overview([hostile])
    assert not soup.find("script") and not soup.find("b")
    assert '<script>alert("x")</script>' in text(soup)
    assert not BeautifulSoup(render_house(hostile, "", None), "html.parser").find("script")


@pytest.mark.parametrize(
    ("value", "expected"),
    [(25000, "25.000"), (2.5, "2,5"), (1234567.5, "1.234.567,5"), (0, "0"), (40.0, "40")],
)
def test_numbers_are_written_the_danish_way(value: float, expected: str) -> None:
    assert number(value) == expected


@pytest.mark.parametrize(
    ("share", "expected"), [(0.25, "25 %"), (2 / 3, "67 %"), (1, "100 %"), (0, "0 %")]
)
def test_shares_are_whole_danish_percentages(share: float, expected: str) -> None:
    assert share_percent(share) == expected


def test_house_counts_agree_in_number() -> None:
    assert [houses(n) for n in (0, 1, 2, 1000)] == ["0 huse", "1 hus", "2 huse", "1.000 huse"]


FULL = make_house(
    "station-k",
    title="Station K",
    description="Kulturhus i en station.",
    municipality="Randers",
    town="Langå",
    house_type="kulturhus",
    ownership="selvejende",
    opened=2006,
    staff_fte=2.5,
    volunteers=40,
    visitors_per_year=25000,
    facilities=["scene", "café"],
    activities=["koncerter"],
    sources=[
        {"title": "Kulturforum 2021", "url": "https://www.kulturregion.dk/"},
        {"title": "Årsberetning"},
    ],
)


def house_page(house: House, href: str | None = "../../kommuner/randers/") -> BeautifulSoup:
    return BeautifulSoup(render_house(house, "<p class='body'>Historien.</p>", href), "html.parser")


def facts(soup: BeautifulSoup) -> dict[str, str]:
    aside = soup.find("aside", class_="mik-facts")
    assert isinstance(aside, Tag)
    return {text(dt): text(dt.find_next_sibling("dd")) for dt in aside.find_all("dt")}


def test_a_house_page_shows_every_fact_in_danish() -> None:
    soup = house_page(FULL)
    assert [text(h) for h in soup.find_all("h1")] == ["Station K"]
    assert text(soup.find(class_="mik-lead")) == "Kulturhus i en station."
    assert facts(soup) == {
        "Kommune": "Randers",
        "By": "Langå",
        "Hustype": "kulturhus",
        "Ejerform": "selvejende",
        "Åbnet": "2006",
        "Ansatte (årsværk)": "2,5",
        "Frivillige": "40",
        "Besøgende pr. år": "25.000",
        "Faciliteter": "scene, café",
        "Aktiviteter": "koncerter",
    }
    assert soup.select_one("dd a")["href"] == "../../kommuner/randers/"
    assert text(soup.select_one("p.body")) == "Historien."


def test_unknown_facts_read_ikke_oplyst_and_the_municipality_is_plain_without_a_page() -> None:
    soup = house_page(make_house("a", municipality="Skive", town="Skive"), href=None)
    shown = facts(soup)
    assert shown.pop("Kommune") == "Skive" and shown.pop("By") == "Skive"
    assert set(shown.values()) == {"ikke oplyst"}
    assert len(shown) == 8
    assert not soup.select("aside a")
    assert not soup.find(id="mik-kilder")


def test_sources_are_listed_under_kilder() -> None:
    soup = house_page(FULL)
    sources = section(soup, "Kilder")
    assert [(a["href"], text(a)) for a in sources.find_all("a")] == [
        ("https://www.kulturregion.dk/", "Kulturforum 2021")
    ]
    assert [text(li) for li in sources.find_all("li")] == ["Kulturforum 2021", "Årsberetning"]


def test_a_zero_is_a_fact_not_an_unknown() -> None:
    shown = facts(house_page(make_house("a", volunteers=0, staff_fte=0, visitors_per_year=0)))
    assert (shown["Frivillige"], shown["Ansatte (årsværk)"], shown["Besøgende pr. år"]) == (
        "0",
        "0",
        "0",
    )
