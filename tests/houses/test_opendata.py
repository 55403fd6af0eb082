"""Open data: CSV and JSON hold the same houses, row by row, as the files say."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from midtikulturen.content.model import House
from midtikulturen.houses.opendata import houses_csv, houses_json
from tests.render import make_house

HEADERS = [
    "navn",
    "beskrivelse",
    "kommune",
    "kommunekode",
    "by",
    "hustype",
    "ejerform",
    "åbnet",
    "ansatte_årsværk",
    "frivillige",
    "besøg_pr_år",
    "faciliteter",
    "aktiviteter",
    "bredde",
    "længde",
    "side",
    "kilder",
]
FULL = make_house(
    "station-k",
    title="Station K",
    description='Kulturhus i en "gammel", stor station.',
    municipality="Randers",
    town="Langå",
    house_type="kulturhus",
    ownership="selvejende",
    opened=2006,
    staff_fte=2.5,
    volunteers=40,
    visitors_per_year=25000,
    facilities=["scene", "café", "værksteder"],
    activities=["koncerter", "foredrag"],
    location={"lat": 56.39, "lon": 9.92},
    sources=[
        {"title": "Kulturforum 2021", "url": "https://www.kulturregion.dk/"},
        {"title": "Årsberetning"},
    ],
)
SPARSE = make_house("slagteriet", title="Slagteriet", municipality="Holstebro", town="Holstebro")
HOUSES = [SPARSE, FULL, make_house("aa-huset", ownership="forening", staff_fte=1)]


def url_of(house: House) -> str:
    return f"https://www.midtikulturen.dk/kulturhuse/{house.slug}/"


def csv_rows(houses: list[House]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(houses_csv(houses, url_of), newline="")))


def json_records(houses: list[House]) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads(houses_json(houses, url_of))
    return records


def test_csv_has_danish_headers_in_order() -> None:
    reader = csv.reader(io.StringIO(houses_csv(HOUSES, url_of), newline=""))
    assert next(reader) == HEADERS


def test_csv_row_of_a_house_holds_its_facts() -> None:
    [row] = csv_rows([FULL])
    assert row == {
        "navn": "Station K",
        "beskrivelse": 'Kulturhus i en "gammel", stor station.',
        "kommune": "Randers",
        "kommunekode": "0730",
        "by": "Langå",
        "hustype": "kulturhus",
        "ejerform": "selvejende",
        "åbnet": "2006",
        "ansatte_årsværk": "2.5",
        "frivillige": "40",
        "besøg_pr_år": "25000",
        "faciliteter": "scene; café; værksteder",
        "aktiviteter": "koncerter; foredrag",
        "bredde": "56.39",
        "længde": "9.92",
        "side": "https://www.midtikulturen.dk/kulturhuse/station-k/",
        "kilder": "Kulturforum 2021 (https://www.kulturregion.dk/); Årsberetning",
    }


def test_json_record_of_a_house_holds_its_facts_under_front_matter_keys() -> None:
    [record] = json_records([FULL])
    assert record == {
        "slug": "station-k",
        "url": "https://www.midtikulturen.dk/kulturhuse/station-k/",
        "title": "Station K",
        "description": 'Kulturhus i en "gammel", stor station.',
        "municipality": "Randers",
        "municipality_code": "0730",
        "town": "Langå",
        "house_type": "kulturhus",
        "ownership": "selvejende",
        "opened": 2006,
        "staff_fte": 2.5,
        "volunteers": 40,
        "visitors_per_year": 25000,
        "facilities": ["scene", "café", "værksteder"],
        "activities": ["koncerter", "foredrag"],
        "location": {"lat": 56.39, "lon": 9.92},
        "sources": [
            {"title": "Kulturforum 2021", "url": "https://www.kulturregion.dk/"},
            {"title": "Årsberetning", "url": None},
        ],
    }


def test_unknown_values_are_empty_cells_and_nulls() -> None:
    [row] = csv_rows([SPARSE])
    [record] = json_records([SPARSE])
    unknown = [
        "hustype",
        "ejerform",
        "åbnet",
        "ansatte_årsværk",
        "frivillige",
        "besøg_pr_år",
        "faciliteter",
        "aktiviteter",
        "bredde",
        "længde",
        "kilder",
    ]
    assert {h: row[h] for h in unknown} == dict.fromkeys(unknown, "")
    assert {k for k, v in record.items() if v is None} == {
        "house_type",
        "ownership",
        "opened",
        "staff_fte",
        "volunteers",
        "visitors_per_year",
        "location",
    }
    assert record["facilities"] == record["activities"] == record["sources"] == []


def test_both_files_list_every_house_once_sorted_by_slug() -> None:
    expected = ["aa-huset", "slagteriet", "station-k"]
    assert [r["slug"] for r in json_records(HOUSES)] == expected
    assert [r["side"] for r in csv_rows(HOUSES)] == [
        f"https://www.midtikulturen.dk/kulturhuse/{s}/" for s in expected
    ]


def cell_of(value: Any) -> str:
    """What a JSON value looks like as a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(cell_of(v) for v in value)
    if isinstance(value, dict):
        return f"{value['title']} ({value['url']})" if value["url"] else value["title"]
    return str(value)


CSV_OF_JSON = {
    "navn": "title",
    "beskrivelse": "description",
    "kommune": "municipality",
    "kommunekode": "municipality_code",
    "by": "town",
    "hustype": "house_type",
    "ejerform": "ownership",
    "åbnet": "opened",
    "ansatte_årsværk": "staff_fte",
    "frivillige": "volunteers",
    "besøg_pr_år": "visitors_per_year",
    "faciliteter": "facilities",
    "aktiviteter": "activities",
    "side": "url",
    "kilder": "sources",
}


def test_csv_and_json_agree_row_by_row() -> None:
    rows, records = csv_rows(HOUSES), json_records(HOUSES)
    assert len(rows) == len(records) == len(HOUSES)
    for row, record in zip(rows, records, strict=False):
        for header, key in CSV_OF_JSON.items():
            assert row[header] == cell_of(record[key]), (header, record["slug"])
        location = record["location"] or {}
        assert (row["bredde"], row["længde"]) == (
            cell_of(location.get("lat")),
            cell_of(location.get("lon")),
        )
    assert set(CSV_OF_JSON) | {"bredde", "længde"} == set(HEADERS)


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+45 1234", "-1+1", "@SUM(A1)"])
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_defused(text: str) -> None:
    house = make_house("a", title=text, town=text, description=text)
    [row] = csv_rows([house])
    assert row["navn"] == row["by"] == row["beskrivelse"] == "'" + text
    [record] = json_records([house])
    assert record["title"] == record["town"] == record["description"] == text


def test_ordinary_text_is_left_alone_in_csv() -> None:
    [row] = csv_rows([make_house("a", title="Kulturhus = fællesskab")])
    assert row["navn"] == "Kulturhus = fællesskab"


def test_json_is_the_same_text_whatever_the_input_order_and_keeps_danish_letters() -> None:
    text = houses_json(HOUSES, url_of)
    assert text == houses_json(list(reversed(HOUSES)), url_of)
    assert houses_csv(HOUSES, url_of) == houses_csv(list(reversed(HOUSES)), url_of)
    assert "Langå" in text and "\\u" not in text
    assert text.endswith("\n")
