"""Pagefind's index in whole builds: what it holds, as what, and where the dialog finds it."""

from __future__ import annotations

import json

import pytest

from tests.sitebuilder import SiteProject, case_text
from tests.sites.test_guides_and_houses import guide, house


def kinds(records: list[dict]) -> dict[str, str]:
    return {r["url"]: r["meta"]["type"] for r in records}


def test_items_topics_and_pages_are_indexed_and_listings_are_not(site: SiteProject) -> None:
    site.plugin_options("midtikulturen/listing", per_page=1)
    site.write(
        {
            "cases/a.md": case_text(title="Alpha", municipality="Skive", programmes=["Erasmus+"]),
            "cases/b.md": case_text(title="Beta", municipality="Skive"),
            "docs/guides/creative-europe.md": guide(),
            "docs/kulturhuse/huse/station-k.md": house(),
            "docs/om.md": "# Om sitet\n\nHvem vi er.\n",
            "docs/skjult.md": "---\nsearch:\n  exclude: true\n---\n# Skjult\n",
        }
    )
    built = site.build()
    found = kinds(built.search_records())
    assert found == {
        "/cases/a/": "Case",
        "/cases/b/": "Case",
        "/guides/creative-europe/": "Guide",
        "/kulturhuse/station-k/": "Kulturhus",
        "/": "Side",
        "/om/": "Side",
        **{
            url: "Emne"
            for url in found
            if url.startswith(("/kommuner/", "/temaer/", "/programmer/", "/stoette/"))
        },
    }
    assert {"/kommuner/skive/", "/programmer/erasmus/"} <= set(found)
    assert not [url for url in found if "/page/" in url]
    assert not built.exists("search/search_index.json"), "Material's lunr index was written"
    case = next(r for r in built.search_records() if r["url"] == "/cases/a/")
    assert case["meta"]["sted"] == "Skive" and case["meta"]["dato"] == "3. juni 2021"
    assert case["content"].count("Alpha") == 1, "the title is indexed once, with its weight"


def test_term_pages_index_their_introduction_not_their_list(site: SiteProject) -> None:
    site.write(
        {
            "cases/a.md": case_text(title="Unikatitel", municipality="Skive"),
            "docs/kommuner/skive/index.md": "# Skive\n\nKommunen ved fjorden.\n",
        }
    )
    topic = next(r for r in site.build().search_records() if r["url"] == "/kommuner/skive/")
    assert "fjorden" in topic["content"]
    assert "Unikatitel" not in topic["content"]


def test_related_cases_and_listing_blocks_stay_out_of_a_page(site: SiteProject) -> None:
    site.write(
        {
            "cases/a.md": case_text(title="Alpha", municipality="Skive", themes=["Demokrati"]),
            "cases/b.md": case_text(title="Betaord", municipality="Skive", themes=["Demokrati"]),
            "docs/index.md": "# Forside\n\n```listing\nshow: cases\n```\n",
        }
    )
    built = site.build()
    assert "mik-related" in built.text("cases/a/index.html")
    records = {r["url"]: r for r in built.search_records()}
    assert "Betaord" not in records["/cases/a/"]["content"]
    assert "Betaord" not in records["/"]["content"]


def test_the_page_loads_nothing_of_the_index_and_names_the_dialog(site: SiteProject) -> None:
    site.write({"cases/a.md": case_text()})
    built = site.build()
    soup = built.soup("cases/a/index.html")
    dialog = soup.select_one(".md-search[role=dialog]")
    assert dialog["aria-label"] == "Søg på sitet"
    assert dialog["data-mik-search"] == "pagefind/"
    assert soup.select_one("#mik-search-status")["aria-live"] == "polite"
    assert not soup.find("form", attrs={"name": "search"}), "Material would mount its search"
    scripts = [s.get("src", "") for s in soup.find_all("script")]
    assert "../../assets/midtikulturen/search.js" in scripts
    assert not [s for s in scripts if "pagefind" in s]
    files = {p.name for p in (built.root / "pagefind").iterdir()}
    assert {"pagefind.js", "pagefind-entry.json", "wasm.da.pagefind", "index", "fragment"} <= files
    assert not [name for name in files if "-ui" in name or "unknown" in name]
    entry = json.loads(built.text("pagefind/pagefind-entry.json"))
    assert list(entry["languages"]) == ["da"]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_urls_are_relative_to_a_site_under_a_sub_path(
    site: SiteProject, directory_urls: bool
) -> None:
    site.write({"cases/a.md": case_text()})
    built = site.build(site_url="https://example.org/midt/", use_directory_urls=directory_urls)
    urls = set(kinds(built.search_records()))
    assert ("/cases/a/" if directory_urls else "/cases/a.html") in urls
    assert built.exists("pagefind/pagefind.js")


@pytest.mark.expect_errors
def test_without_materials_search_plugin_the_build_says_what_to_add(
    site: SiteProject, caplog: pytest.LogCaptureFixture
) -> None:
    site.config["plugins"].remove("search")
    site.build_fails()
    assert "list `- search` before `- midtikulturen/search`" in caplog.text
