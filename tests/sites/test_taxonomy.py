"""Taxonomy index and term pages, term links and "Læs også" on case pages."""

from __future__ import annotations

from tests.sitebuilder import SiteProject, case_text


def cards(soup) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.get_text() for a in soup.select(".mik-card__title a")]


def test_index_lists_every_term_with_its_count_and_links_its_page(site: SiteProject) -> None:
    site.write(
        {
            "cases/a.md": case_text(title="A", municipality=["Skive", "Viborg"]),
            "cases/b.md": case_text(title="B", municipality="Skive"),
            "cases/c.md": case_text(title="C", municipality="Skive", draft=True),
        }
    )
    built = site.build()
    index = built.soup("kommuner/index.html")
    rows = {
        li.a.get_text(): li.select_one(".mik-terms__count").get_text()
        for li in index.select("ul.mik-terms li")
    }
    assert len(rows) == 20
    assert rows["Skive"] == "2 cases"
    assert rows["Viborg"] == "1 case"
    assert rows["Ringkøbing-Skjern"] == "ingen cases endnu"
    link = index.find("a", string="Ringkøbing-Skjern")["href"]
    assert link == "ringkoebing-skjern/"
    assert built.exists("kommuner/ringkoebing-skjern/index.html")
    assert index.title.get_text().startswith("Kommuner")


def test_term_page_lists_its_cases_newest_first_and_paginates(site: SiteProject) -> None:
    site.plugin_options("midtikulturen/listing", per_page=2)
    site.write(
        {
            f"cases/c{day}.md": case_text(
                title=f"Case {day}", date=f"2021-06-{day:02d}", themes=["Børn og unge"]
            )
            for day in (1, 2, 3)
        }
    )
    site.write({"cases/other.md": case_text(title="Andet", themes=["Demokrati"])})
    built = site.build()
    first = built.soup("temaer/boern-og-unge/index.html")
    assert cards(first) == ["Case 3", "Case 2"]
    assert first.select_one(".mik-count").get_text() == (
        "3 cases med temaet Børn og unge · side 1 af 2"
    )
    assert first.select_one(".mik-up a")["href"] == "../"
    second = built.soup("temaer/boern-og-unge/page/2/index.html")
    assert cards(second) == ["Case 1"]
    assert "Børn og unge – side 2" in second.title.get_text()


def test_term_without_cases_says_so_in_danish(site: SiteProject) -> None:
    site.write({"cases/a.md": case_text()})
    page = site.build().soup("stoette/mikropuljen/index.html")
    assert page.select_one(".mik-empty").get_text() == (
        "Der er endnu ingen cases med hjælp fra Mikropuljen."
    )
    assert page.h1.get_text() == "Mikropuljen"


def test_editor_intro_of_a_term_page_stays_above_its_cases(site: SiteProject) -> None:
    site.write(
        {
            "cases/a.md": case_text(title="A", municipality="Skive"),
            "docs/kommuner/skive/index.md": "Skive har et rigt kulturliv.\n",
        }
    )
    page = site.build().soup("kommuner/skive/index.html")
    assert page.h1.get_text() == "Skive"
    intro = page.find("p", string="Skive har et rigt kulturliv.")
    assert intro is not None and intro.find_next("ul", class_="mik-cards") is not None
    assert cards(page) == ["A"]


def test_case_links_every_term_to_its_page(site: SiteProject) -> None:
    site.write(
        {
            "cases/a.md": case_text(
                municipality="Ringkøbing-Skjern",
                themes=["Børn og unge", "Land og by"],
                programmes=["Erasmus+"],
                support=["Genvej til Europa"],
            )
        }
    )
    built = site.build()
    facts = built.soup("cases/a/index.html").select_one("aside.mik-facts")
    links = {a.get_text(): a["href"] for a in facts.select("a")}
    assert links == {
        "Ringkøbing-Skjern": "../../kommuner/ringkoebing-skjern/",
        "Børn og unge": "../../temaer/boern-og-unge/",
        "Land og by": "../../temaer/land-og-by/",
        "Erasmus+": "../../programmer/erasmus/",
        "Genvej til Europa": "../../stoette/genvej-til-europa/",
    }
    for href in links.values():
        assert built.exists(f"cases/a/{href}index.html".replace("cases/a/../../", ""))


def test_read_also_prefers_shared_programme_and_theme_and_never_the_case_itself(
    site: SiteProject,
) -> None:
    site.write(
        {
            "cases/a.md": case_text(
                title="A", municipality="Skive", themes=["Demokrati"], programmes=["Erasmus+"]
            ),
            "cases/same-programme-theme.md": case_text(
                title="Samme program og tema",
                municipality="Aarhus",
                themes=["Demokrati"],
                programmes=["Erasmus+"],
            ),
            "cases/same-town.md": case_text(title="Samme kommune", municipality="Skive"),
            "cases/region.md": case_text(
                title="Hele regionen",
                municipality=["Region Midtjylland", "Skive"],
                themes=["Demokrati"],
            ),
            "cases/nothing.md": case_text(title="Intet til fælles", municipality="Odder"),
        }
    )
    page = site.build().soup("cases/a/index.html")
    section = page.select_one("section.mik-related")
    assert section.h2.get_text() == "Læs også"
    assert cards(section) == ["Samme program og tema", "Hele regionen", "Samme kommune"]


def test_term_pages_are_topics_in_search_and_stay_out_of_the_sidebar(site: SiteProject) -> None:
    site.write({"cases/a.md": case_text(title="Alpha", municipality="Skive")})
    site.plugin_options("midtikulturen/listing", per_page=1)
    site.write({"cases/b.md": case_text(title="Beta", municipality="Skive")})
    built = site.build()
    kinds = {r["url"]: r["meta"]["type"] for r in built.search_records()}
    assert kinds["/kommuner/skive/"] == "Emne"
    assert not [
        url
        for url in kinds
        if "/page/" in url or url in ("/kommuner/", "/temaer/", "/programmer/", "/stoette/")
    ]
    sidebar = built.soup("kommuner/skive/index.html").select(".md-nav--primary a")
    assert not any("skive" in a.get("href", "") for a in sidebar)
