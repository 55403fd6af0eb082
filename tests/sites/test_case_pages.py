"""Whole-site builds: case pages, the listing, and what drafts and future cases leave out."""

from __future__ import annotations

from typing import Any

import pytest
from mkdocs.utils import meta as mkdocs_meta

from tests.pictures import photo, png
from tests.sitebuilder import SiteProject, case_text

PNG = png(640, 427)  # a case's main picture must be at least 600 pixels wide
JPEG = photo(640, 427)  # a JPEG wide enough for a case's main picture

FULL_CASE = case_text(
    body="## Baggrund\n\nHistorien om projektet.\n",
    title="Global Roots",
    description="Et strategisk partnerskab.",
    date="2021-06-03",
    updated="2022-11-01",
    organisation="Kulturprinsen",
    municipality=["Viborg", "Aarhus"],
    themes=["Børn og unge"],
    programmes=["Erasmus+"],
    support=["Genvej til Europa"],
    period={"start": "2020-10", "end": "2022-10"},
    partner_countries=["SE", "HU", "NO"],
    contributors=[{"name": "Maria Bach-Boserup", "role": "Projektleder"}],
    image="images/roots.png",
    image_alt="Børn arbejder med ler",
    sources=[
        {"title": "Global Roots", "url": "https://kulturprinsen.dk/en/projekter/global-roots/"},
        {"title": "Præsentation (2021)"},
    ],
)


def facts(soup) -> dict[str, str]:  # type: ignore[no-untyped-def]
    box = soup.select_one("aside.mik-facts dl")
    return {
        dt.get_text(strip=True): " ".join(dt.find_next_sibling("dd").get_text().split())
        for dt in box.find_all("dt")
    }


def test_case_page_shows_every_field_in_danish(site: SiteProject) -> None:
    site.write({"cases/global-roots.md": FULL_CASE, "cases/images/roots.png": PNG})
    page = site.build().soup("cases/global-roots/index.html")

    assert page.select_one(".mik-case__header h1").get_text() == "Global Roots"
    assert page.select_one(".mik-lead").get_text() == "Et strategisk partnerskab."
    times = {t["datetime"]: t.get_text() for t in page.select(".mik-byline time")}
    assert times == {"2021-06-03": "3. juni 2021", "2022-11-01": "1. november 2022"}
    assert facts(page) == {
        "Organisation": "Kulturprinsen",
        "Kommuner": "Viborg, Aarhus",
        "Periode": "oktober 2020 – oktober 2022",
        "Program": "Erasmus+",
        "Regional støtte": "Genvej til Europa",
        "Temaer": "Børn og unge",
        "Partnerlande": "Sverige, Ungarn, Norge",
    }
    people = page.select_one(".mik-contributors")
    assert people.h2.get_text() == "Medvirkende"
    assert [li.get_text() for li in people.select("li")] == ["Maria Bach-Boserup, Projektleder"]
    sources = page.select_one(".mik-sources")
    assert sources.h2.get_text() == "Kilder"
    assert [(li.get_text(), li.a["href"] if li.a else None) for li in sources.select("li")] == [
        ("Global Roots", "https://kulturprinsen.dk/en/projekter/global-roots/"),
        ("Præsentation (2021)", None),
    ]
    assert page.select_one(".mik-case__body h2").get_text(strip=True).startswith("Baggrund")
    assert (
        page.find("meta", attrs={"name": "description"})["content"] == "Et strategisk partnerskab."
    )
    assert page.title.get_text() == "Global Roots - Testsite"
    assert page.html["lang"] == "da"


def test_case_image_has_its_alt_text_and_resolves(site: SiteProject) -> None:
    site.write({"cases/global-roots.md": FULL_CASE, "cases/images/roots.png": PNG})
    for directory_urls in (True, False):
        built = site.build(use_directory_urls=directory_urls)
        page_path = "cases/global-roots/index.html" if directory_urls else "cases/global-roots.html"
        img = built.soup(page_path).select_one(".mik-case__image picture img")
        assert img["alt"] == "Børn arbejder med ler"
        folder = (built.root / page_path).parent
        assert (folder / img["src"]).resolve().is_file()
        sources = img.find_parent("picture").select("source")
        srcsets = [img["srcset"], *(source["srcset"] for source in sources)]
        assert len(srcsets) == 3
        for candidate in ", ".join(srcsets).split(", "):
            assert (folder / candidate.split(" ")[0]).resolve().is_file(), candidate
        assert built.exists("cases/images/roots.png")  # a clean copy, for links in stories
        assert (built.root / "cases/images/roots.png").read_bytes() != PNG


def test_markup_in_metadata_is_shown_as_text(site: SiteProject) -> None:
    hostile = '<script>alert("x")</script> & "Kultur" <b>fed</b>'
    site.write(
        {
            "cases/hostile.md": case_text(
                title=hostile,
                description=hostile,
                organisation=hostile,
                contributors=[{"name": hostile}],
                sources=[{"title": hostile, "url": 'https://a.dk/?a=1&b="2"'}],
            )
        }
    )
    built = site.build()
    page = built.soup("cases/hostile/index.html")
    assert page.select_one(".mik-case__header h1").get_text() == hostile
    assert page.select_one(".mik-lead").get_text() == hostile
    assert page.title.get_text() == f"{hostile} - Testsite"
    assert page.find("meta", attrs={"name": "description"})["content"] == hostile
    assert page.select_one(".mik-sources a")["href"] == 'https://a.dk/?a=1&b="2"'
    assert not page.select(".mik-case b"), "markup from metadata was rendered"
    scripts = [s.get_text() for s in page.find_all("script")]
    assert not any("alert" in s for s in scripts)
    listing = built.soup("cases/index.html")
    assert listing.select_one(".mik-card__title a").get_text() == hostile
    assert not listing.select(".mik-card b")
    indexed = {r["url"]: r for r in built.search_records()}
    assert indexed["/cases/hostile/"]["meta"]["title"] == hostile


def test_listing_is_newest_first_and_paginated(site: SiteProject) -> None:
    site.write(
        {
            f"cases/c{day}.md": case_text(title=f"Case {day}", date=f"2021-06-0{day}")
            for day in range(1, 6)
        }
    )
    site.plugin_options("midtikulturen/listing", per_page=2)
    for directory_urls in (True, False):
        built = site.build(use_directory_urls=directory_urls)
        suffix = "/index.html" if directory_urls else ".html"
        pages = ["cases/index.html", f"cases/page/2{suffix}", f"cases/page/3{suffix}"]
        titles = []
        for path in pages:
            soup = built.soup(path)
            for link in soup.select(".mik-card__title a"):
                titles.append(link.get_text())
                assert ((built.root / path).parent / link["href"]).resolve().exists() or (
                    (built.root / path).parent / link["href"] / "index.html"
                ).resolve().exists()
            links = [a["href"] for a in soup.select(".mik-pagination a, .mik-browse a")]
            links.append(soup.select_one("form.mik-filter")["data-src"])
            for href in links:
                target = ((built.root / path).parent / href).resolve()
                assert target.is_file() or (target / "index.html").is_file(), (path, href)
            root = (built.root / path).parent / soup.select_one("form.mik-filter")["data-root"]
            assert root.resolve() == built.root.resolve(), path
        assert titles == ["Case 5", "Case 4", "Case 3", "Case 2", "Case 1"]
        assert not built.exists(f"cases/page/4{suffix}")
    second = built.soup(f"cases/page/2{suffix}")
    assert second.select_one(".mik-pagination [aria-current=page]").get_text() == "2"
    assert second.select_one("h1").get_text() == "Cases – side 2"
    assert second.select_one(".mik-card time")["datetime"] == "2021-06-03"


def test_editor_intro_stays_above_the_listing(site: SiteProject) -> None:
    site.write(
        {
            "cases/index.md": "# Erfaringer\n\nIndledning fra redaktionen.\n",
            "cases/a.md": case_text(),
        }
    )
    soup = site.build().soup("cases/index.html")
    content = soup.select_one(".md-content article")
    assert content.h1.get_text(strip=True).startswith("Erfaringer")
    intro = content.find("p", string="Indledning fra redaktionen.")
    assert intro is not None
    assert intro.find_next("div", class_="mik-listing") is not None
    assert soup.title.get_text() == "Erfaringer - Testsite"


def test_empty_collection_still_has_a_listing(site: SiteProject) -> None:
    soup = site.build().soup("cases/index.html")
    assert soup.select_one(".mik-empty").get_text() == "Der er endnu ingen cases."


def test_drafts_and_future_cases_appear_nowhere(site: SiteProject) -> None:
    site.write(
        {
            "cases/public.md": case_text(title="Offentlig"),
            "cases/kladde.md": case_text(
                title="Kladde", draft=True, image="images/k.png", image_alt="Kladdebillede"
            ),
            "cases/fremtid.md": case_text(title="Fremtid", date="2099-01-01"),
            "cases/images/k.png": PNG,
        }
    )
    built = site.build()
    assert built.exists("cases/public/index.html")
    for slug in ("kladde", "fremtid"):
        assert not built.exists(f"cases/{slug}/index.html")
        assert slug not in built.sitemap()
        assert not any(slug in r["url"] for r in built.search_records())
        assert slug not in built.text("cases/index.html")
    assert not built.exists("cases/images/k.png")
    listed = [a.get_text() for a in built.soup("cases/index.html").select(".mik-card__title a")]
    assert listed == ["Offentlig"]


def test_cases_stay_out_of_the_sidebar_and_listings_out_of_search(site: SiteProject) -> None:
    site.write({f"cases/c{n}.md": case_text(title=f"Case {n}") for n in range(3)})
    site.plugin_options("midtikulturen/listing", per_page=2)
    built = site.build(nav=[{"Forside": "index.md"}, {"Cases": "cases/index.md"}])
    sidebar = built.soup("cases/c0/index.html").select(".md-nav--primary a.md-nav__link")
    assert not [a for a in sidebar if "c1" in a.get("href", "")]
    locations = {r["url"] for r in built.search_records()}
    assert "/cases/c0/" in locations
    assert not {"/cases/", "/cases/page/2/"} & locations
    assert "cases/c2/" in built.sitemap().replace("https://example.org/", "")


def test_hand_written_page_metadata_is_escaped_where_material_prints_it(site: SiteProject) -> None:
    site.write(
        {
            "docs/om.md": '---\ntitle: Kunst & <b>kultur</b> "nu"\n'
            "description: Alt om <script>x</script> & mere\n---\nTekst.\n"
        }
    )
    page = site.build().soup("om/index.html")
    assert page.title.get_text().startswith('Kunst & <b>kultur</b> "nu"')
    assert page.select_one('meta[name="description"]')["content"] == (
        "Alt om <script>x</script> & mere"
    )
    assert page.h1.get_text() == 'Kunst & <b>kultur</b> "nu"'
    assert not page.select("h1 b, title b")
    assert not any(script.get_text() == "x" for script in page.select("script"))


def test_mkdocs_does_not_parse_a_case_or_guide_front_matter_again(
    site: SiteProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    original = mkdocs_meta.get_data

    def recording(doc: str) -> tuple[str, dict[str, Any]]:
        seen.append(doc)
        return original(doc)

    monkeypatch.setattr(mkdocs_meta, "get_data", recording)
    site.write(
        {
            "cases/a.md": case_text(body="---\n\nHistorien efter en streg."),
            "docs/guides/g.md": "---\ntitle: G\ndescription: D\nupdated: 2026-01-01\n---\nTekst.\n",
        }
    )
    built = site.build()
    assert not [doc for doc in seen if "organisation:" in doc or "updated:" in doc]
    assert "Historien efter en streg." in built.text("cases/a/index.html")
    assert built.soup("cases/a/index.html").select_one(".mik-case__body hr") is not None
