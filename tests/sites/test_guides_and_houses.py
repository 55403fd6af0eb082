"""Guides and culture houses in a whole build: pages, calendar, survey data and term pages."""

from __future__ import annotations

import csv
import io
import json
import logging
import zipfile

import pytest
import yaml
from icalendar import Calendar
from openpyxl import load_workbook

from midtikulturen.content.clock import today
from tests.sitebuilder import SiteProject


def front(body: str = "Teksten.\n", **fields: object) -> str:
    return f"---\n{yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)}---\n{body}"


def guide(**fields: object) -> str:
    base: dict[str, object] = {
        "title": "Creative Europe",
        "description": "Kort om programmet.",
        "updated": today().isoformat(),
        "programme": "Creative Europe",
    }
    return front(**{**base, **fields})


def house(**fields: object) -> str:
    base: dict[str, object] = {
        "title": "Station K",
        "description": "Et kulturhus.",
        "municipality": "Randers",
        "town": "Langå",
        "house_type": None,
        "ownership": None,
    }
    return front(**{**base, **fields})


def test_guide_fact_box_marks_closed_deadlines_in_danish(site: SiteProject) -> None:
    site.write(
        {
            "docs/guides/ce.md": guide(
                funding={"max_amount": 200000, "currency": "EUR", "rate": 80},
                deadlines=[
                    {"date": "2000-05-13", "label": "Gammel frist"},
                    {"date": "2099-01-02", "label": "Ny frist"},
                ],
            )
        }
    )
    page = site.build().soup("guides/ce/index.html")
    facts = {
        dt.get_text(): " ".join(dt.find_next_sibling("dd").get_text().split())
        for dt in page.select("aside.mik-facts dt")
    }
    assert facts["Program"] == "Creative Europe"
    assert facts["Højeste tilskud"] == "200.000 €"
    assert facts["Tilskuddets andel"] == "op til 80 %"
    assert facts["Frister"] == "13. maj 2000: Gammel frist (lukket) 2. januar 2099: Ny frist"
    assert page.select_one("aside.mik-facts a")["href"] == "../../programmer/creative-europe/"
    assert not page.select(".mik-stale")


def test_stale_guide_is_noted_and_reminded_without_failing_a_strict_build(
    site: SiteProject, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    site.write({"docs/guides/ce.md": guide(updated="2020-01-01")})
    page = site.build(strict=True).soup("guides/ce/index.html")
    assert "Oplysningerne kan være forældede" in page.select_one(".mik-stale").get_text()
    assert any(
        "docs/guides/ce.md blev sidst tjekket 1. januar 2020" in r.getMessage()
        and r.levelno == logging.INFO
        for r in caplog.records
    )


def test_guides_page_groups_by_programme_and_calendar_parses(site: SiteProject) -> None:
    site.write(
        {
            "docs/guides/ce.md": guide(deadlines=[{"date": "2099-01-02", "label": "Frist, A & B"}]),
            "docs/guides/micro.md": guide(
                title="Mikropuljen", programme=None, support="Mikropuljen"
            ),
            "docs/guides/draft.md": guide(title="Kladde", draft=True),
        }
    )
    built = site.build()
    overview = built.soup("guides/index.html")
    groups = {
        s.h2.get_text(): [a.get_text() for a in s.select(".mik-card__title a")]
        for s in overview.select("section.mik-guide-group")
    }
    assert groups == {"Creative Europe": ["Creative Europe"], "Regionale tilbud": ["Mikropuljen"]}
    assert not built.exists("guides/draft/index.html")
    calendar = Calendar.from_ical((built.root / "guides/frister.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Frist, A & B – Creative Europe"]
    assert events[0]["uid"] == "ce-20990102-1@example.org"
    assert events[0].decoded("dtstart").isoformat() == "2099-01-02"
    assert str(events[0]["url"]) == "https://example.org/guides/ce/"
    again = SiteProject(site.root).build()
    assert (again.root / "guides/frister.ics").read_bytes() == (
        built.root / "guides/frister.ics"
    ).read_bytes()


def test_house_pages_data_files_and_municipality_page_agree(site: SiteProject) -> None:
    site.write(
        {
            "docs/kulturhuse/huse/station-k.md": house(volunteers=40, facilities=["scene"]),
            "docs/kulturhuse/huse/slagteriet.md": house(
                title="=Slagteriet",
                municipality="Holstebro",
                town="Holstebro",
                ownership="selvejende",
            ),
            "docs/kulturhuse/huse/kladde.md": house(title="Kladde", draft=True),
        }
    )
    built = site.build()
    page = built.soup("kulturhuse/station-k/index.html")
    assert page.h1.get_text() == "Station K"
    assert not built.exists("kulturhuse/huse/station-k/index.html")
    assert not built.exists("kulturhuse/kladde/index.html")
    rows = list(csv.DictReader(io.StringIO(built.text("kulturhuse/kulturhuse.csv"))))
    data = json.loads(built.text("kulturhuse/kulturhuse.json"))
    records = data["houses"] if isinstance(data, dict) else data
    assert sorted(r["navn"] for r in rows) == ["'=Slagteriet", "Station K"]
    assert sorted(r["title"] for r in records) == ["=Slagteriet", "Station K"]
    overview = built.soup("kulturhuse/index.html")
    listed = {
        a.get_text()
        for a in overview.select("a")
        if "station-k" in a.get("href", "") or "slagteriet" in a.get("href", "")
    }
    assert listed == {"Station K", "=Slagteriet"}
    assert overview.find("a", href="kulturhuse.csv") and overview.find("a", href="kulturhuse.json")
    randers = built.soup("kommuner/randers/index.html")
    assert [a.get_text() for a in randers.select(".mik-houses a")] == ["Station K"]


@pytest.mark.expect_errors
def test_house_mistakes_are_reported_with_lines(
    site: SiteProject, caplog: pytest.LogCaptureFixture
) -> None:
    site.write(
        {
            "docs/kulturhuse/huse/x.md": house(
                opened=2099, volunteers=-3, location={"lat": 40.0, "lon": 9.9}, house_type="kulthus"
            ).replace("ownership: null\n", "")
        }
    )
    site.build_fails()
    report = "\n".join(r.getMessage() for r in caplog.records)
    assert "docs/kulturhuse/huse/x.md:" in report
    assert "'kulthus' er ikke en kendt hustype — mente du 'kulturhus'?" in report
    assert "feltet `ownership` mangler" in report
    assert "`volunteers` skal være mindst 0" in report
    assert "Traceback" not in report


def test_open_data_agrees_with_every_house_page_cell_by_cell(site: SiteProject) -> None:
    site.write(
        {
            "docs/kulturhuse/huse/a.md": house(
                title="Aa-huset",
                house_type="kulturhus",
                ownership="kommunal",
                opened=2006,
                staff_fte=2.5,
                volunteers=40,
                visitors_per_year=25000,
                facilities=["scene", "café"],
                activities=["koncerter"],
            ),
            "docs/kulturhuse/huse/b.md": house(title="Bee", municipality="Skive", town="Skive"),
        }
    )
    built = site.build()
    rows = list(csv.DictReader(io.StringIO(built.text("kulturhuse/kulturhuse.csv"))))
    records = json.loads(built.text("kulturhuse/kulturhuse.json"))
    assert [r["navn"] for r in rows] == [r["title"] for r in records] == ["Aa-huset", "Bee"]
    columns = {
        "Kommune": "kommune",
        "By": "by",
        "Hustype": "hustype",
        "Ejerform": "ejerform",
        "Åbnet": "åbnet",
        "Ansatte (årsværk)": "ansatte_årsværk",
        "Frivillige": "frivillige",
        "Besøgende pr. år": "besøg_pr_år",
        "Faciliteter": "faciliteter",
        "Aktiviteter": "aktiviteter",
    }
    for row, record in zip(rows, records, strict=False):
        assert row["side"] == record["url"]
        page = built.soup(record["url"].removeprefix("https://example.org/") + "index.html")
        assert page.h1.get_text() == row["navn"]
        shown = {
            dt.get_text(): " ".join(dt.find_next_sibling("dd").get_text().split())
            for dt in page.select("aside.mik-facts dt")
        }
        for label, column in columns.items():
            expected = row[column].replace("; ", ", ") or "ikke oplyst"
            if column in ("ansatte_årsværk", "frivillige", "besøg_pr_år") and row[column]:
                expected = (
                    f"{float(row[column]):,.1f}".rstrip("0")
                    .rstrip(".")
                    .replace(",", "X")
                    .replace(".", ",")
                    .replace("X", ".")
                )
            assert shown[label] == expected, (row["navn"], label)


def test_the_workbook_holds_the_csvs_rows_with_codes_as_text_and_numbers_as_numbers(
    site: SiteProject,
) -> None:
    site.write(
        {
            "docs/kulturhuse/huse/a.md": house(
                title="Aa-huset",
                municipality="Holstebro",
                town="Holstebro",
                house_type="kulturhus",
                ownership="kommunal",
                opened=2006,
                staff_fte=2.5,
                volunteers=40,
                visitors_per_year=25000,
                facilities=["scene", "café"],
                location={"lat": 56.36, "lon": 8.62},
            ),
            "docs/kulturhuse/huse/b.md": house(
                title='=HYPERLINK("https://x.test")', municipality="Skive", town="Skive"
            ),
        }
    )
    built = site.build()
    rows = list(csv.reader(io.StringIO(built.text("kulturhuse/kulturhuse.csv"))))
    book = load_workbook(built.root / "kulturhuse/kulturhuse.xlsx")
    sheet = book["Kulturhuse"]
    cells = [list(row) for row in sheet.iter_rows()]
    assert [c.value for c in cells[0]] == rows[0]
    assert len(cells) == len(rows) == 3
    header = rows[0]
    aa = {name: cell for name, cell in zip(header, cells[1], strict=False)}
    assert (aa["kommunekode"].value, aa["kommunekode"].data_type) == ("0661", "s")
    assert (aa["åbnet"].value, aa["ansatte_årsværk"].value, aa["besøg_pr_år"].value) == (
        2006,
        2.5,
        25000,
    )
    assert (aa["bredde"].value, aa["længde"].value) == (56.36, 8.62)
    assert aa["hustype"].value == "kulturhus" and aa["ejerform"].value == "kommunal"
    hostile = {name: cell for name, cell in zip(header, cells[2], strict=False)}
    assert hostile["navn"].value == '=HYPERLINK("https://x.test")'
    assert hostile["navn"].data_type == "s", "text that looks like a formula stays text"
    assert hostile["hustype"].value is None  # not given: an empty cell
    for row, workbook_row in zip(rows[1:], cells[1:], strict=False):
        assert [c.value for c in workbook_row][:2] == [row[0].removeprefix("'"), row[1]]
    sheet_xml = zipfile.ZipFile(built.root / "kulturhuse/kulturhuse.xlsx").read(
        "xl/worksheets/sheet1.xml"
    )
    assert b"<f>" not in sheet_xml
