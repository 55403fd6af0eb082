"""The culture houses as open data: CSV with Danish headers and JSON with the front-matter keys.

Both hold the same houses in the same order (by slug) with the same values, so a row of one
always matches the record of the other; unknown values are empty cells and nulls.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from typing import Any

from ..content.model import House

UrlOf = Callable[[House], str]
Record = dict[str, Any]

CSV_HEADERS = (
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
)
LIST_SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def house_records(houses: Sequence[House], url_of: UrlOf) -> list[Record]:
    """One record per house, sorted by slug, keyed as in the front matter."""
    return [_record(h, url_of(h)) for h in sorted(houses, key=lambda h: h.slug)]


def houses_json(houses: Sequence[House], url_of: UrlOf) -> str:
    """The houses as a JSON array of records, sorted by slug; the same text on every run."""
    return json.dumps(house_records(houses, url_of), ensure_ascii=False, indent=1) + "\n"


def houses_csv(houses: Sequence[House], url_of: UrlOf) -> str:
    """The houses as CSV text, one row per house, sorted by slug, under Danish headers."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADERS)
    writer.writerows([guard(cell) for cell in csv_row(r)] for r in house_records(houses, url_of))
    return out.getvalue()


def row_values(record: Record) -> list[Any]:
    """The cells of a record in the order of CSV_HEADERS, typed: numbers, text or None."""
    location = record["location"] or {}
    return [
        record["title"],
        record["description"],
        record["municipality"],
        record["municipality_code"],
        record["town"],
        record["house_type"],
        record["ownership"],
        record["opened"],
        record["staff_fte"],
        record["volunteers"],
        record["visitors_per_year"],
        LIST_SEPARATOR.join(record["facilities"]),
        LIST_SEPARATOR.join(record["activities"]),
        location.get("lat"),
        location.get("lon"),
        record["url"],
        LIST_SEPARATOR.join(_source_text(s) for s in record["sources"]),
    ]


def csv_row(record: Record) -> list[str]:
    """The CSV cells of a record, in the order of CSV_HEADERS, before the formula guard."""
    return ["" if v is None else str(v) for v in row_values(record)]


def guard(cell: str) -> str:
    """The cell with a leading `'` if a spreadsheet would read it as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _record(house: House, url: str) -> Record:
    m = house.meta
    return {
        "slug": house.slug,
        "url": url,
        "title": m.title,
        "description": m.description,
        "municipality": m.municipality.name,
        "municipality_code": m.municipality.code,
        "town": m.town,
        "house_type": m.house_type.name if m.house_type else None,
        "ownership": m.ownership.name if m.ownership else None,
        "opened": m.opened,
        "staff_fte": m.staff_fte,
        "volunteers": m.volunteers,
        "visitors_per_year": m.visitors_per_year,
        "facilities": [t.name for t in m.facilities],
        "activities": [t.name for t in m.activities],
        "location": {"lat": m.location.lat, "lon": m.location.lon} if m.location else None,
        "sources": [{"title": s.title, "url": s.url} for s in m.sources],
    }


def _source_text(source: Record) -> str:
    return f"{source['title']} ({source['url']})" if source["url"] else str(source["title"])
