"""What the search index holds, and that pages load our Danish query worker."""

from __future__ import annotations

import json

from tests.sitebuilder import SiteProject, case_text


def test_case_metadata_is_searchable_as_separate_words(site: SiteProject) -> None:
    site.write({"cases/a.md": case_text(title="Alfa", organisation="Kulturprinsen",
                                        programmes=["Erasmus+"], themes=["Bæredygtighed"]),
                "cases/kladde.md": case_text(title="Hemmelig kladde", draft=True)})
    docs = site.build().search_index()
    text = " ".join(d["text"] for d in docs if d["location"].startswith("cases/a/"))
    for words in ("Organisation Kulturprinsen", "Program Erasmus+", "Temaer Bæredygtighed"):
        assert words in text, text
    assert not any("Hemmelig" in d["title"] + d["text"] for d in docs)


def test_every_page_loads_material_search_through_the_danish_worker(site: SiteProject) -> None:
    site.write({"cases/a.md": case_text()})
    built = site.build()
    for path in ("index.html", "cases/a/index.html", "kommuner/index.html"):
        config = json.loads(built.soup(path).select_one("script#__config").string)
        worker, _, material = config["search"].partition("?")
        assert worker.endswith("assets/javascripts/workers/midtikulturen-search.js")
        folder = (built.root / path).parent / worker
        assert folder.resolve().is_file()
        assert (folder.resolve().parent / material).is_file(), material


def test_read_also_cards_do_not_make_a_case_a_hit_for_another_case(site: SiteProject) -> None:
    site.write({"cases/a.md": case_text(title="Alfa", themes=["Demokrati"]),
                "cases/b.md": case_text(title="Beta Unikaord", themes=["Demokrati"])})
    built = site.build()
    assert "Beta Unikaord" in built.soup("cases/a/index.html").select_one(".mik-related").text
    hits = {d["location"] for d in built.search_index() if "Unikaord" in d["title"] + d["text"]}
    assert hits == {"cases/b/"}
