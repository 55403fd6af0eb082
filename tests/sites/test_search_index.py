"""What the search index holds, and that pages load our Danish query worker."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from material.plugins.search.plugin import Parser, SearchIndex
from mkdocs.config import load_config

from midtikulturen.site.search_index import FastSearchIndex, sections, use_fast_search_index
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


TRICKY_PAGE = """\
---
title: Svære sider
---
Tekst før første overskrift med &amp; og <b>fed</b> skrift.

## Afsnit med `kode` og [link](https://example.org) { #afsnit }

- punkt
    - indlejret punkt

1. første

```python
print("<ikke html>")  # kommentar
```

| Kolonne | Anden |
| --- | --- |
| celle æøå | 2 |

<div class="admonition" markdown>
<h3 id="indlejret">Indlejret overskrift</h3>
<p>I en boks.</p>
</div>

Efter boksen.

<div data-search-exclude="">
<div>indre</div>
udenfor det indre, men i det skjulte
</div>

<!-- en kommentar -->
<abbr title="forkortelse">fk.</abbr>
<p>   </p>
<p><br/></p>

### Tom overskrift uden tekst

#### Sidste <sup>1</sup> og <sub>2</sub>
"""

MATERIAL_QUIRKS = [
    "",
    "bare tekst",
    "<h2 id='a'>Første</h2><p>x</p>",
    "<h1>Uden id</h1><p>a\nb</p><pre>  linje\n  to</pre>",
    "<div><h2 id='n'>I div</h2><p>inde</p></div><p>ude</p>",
    "<h2 id='p'>Titel<a class='headerlink' href='#p'>¶</a></h2>",
    "<div data-search-exclude><div>indre</div>efter</div><p>næste</p>",
    "<section data-search-exclude><h2 id='s'>Skjult</h2></section><h2 id='t'>Synlig</h2>",
    "<ul><li><p>a</p><ul><li>b</li></ul></li></ul><ol><li>  </li></ol>",
    "<table class='linenodiv'><tr><td>1</td></tr></table><p>kode</p>",
    "<p>a<!-- c -->\n<!-- d -->b</p><style>p{}</style><p>&lt;x&gt; &amp; &quot;</p>",
    "<p>a</p></span><p>b<img alt='x'>c<br>d</p>",
    "<p>a</p></div><p>b</p><h2 id='x'>T</h2><p>c</p>",
]


@pytest.mark.parametrize("html", MATERIAL_QUIRKS)
def test_sections_are_the_ones_materials_parser_finds(html: str) -> None:
    parser = Parser()
    parser.feed(html)
    parser.close()
    assert _dump(sections(html)) == _dump(parser.data)


def test_fast_index_writes_the_same_search_index_as_materials(site: SiteProject) -> None:
    site.write({"cases/a.md": case_text(title="Alfa & <Omega>", organisation="Kulturprinsen",
                                        themes=["Demokrati"]),
                "cases/b.md": case_text(title="Beta", themes=["Demokrati"]),
                "docs/svaer.md": TRICKY_PAGE,
                "docs/tilgaengelighed.md": "# Tilgængelighed\n"})
    site.config["plugins"].append("midtikulturen/site")
    site.config["markdown_extensions"] = [*site.config.get("markdown_extensions", []),
                                          "attr_list", "md_in_html", "tables",
                                          {"toc": {"permalink": True}}]
    fast = site.build().text("search/search_index.json")
    assert "svaer/#indlejret" in fast and "Alfa &amp; &lt;Omega&gt;" in fast
    slow = site.plugin_options("midtikulturen/site", fast_search_index=False).build()
    assert slow.text("search/search_index.json") == fast


def test_the_fast_index_replaces_only_materials_own_index_and_writer(site: SiteProject) -> None:
    config = site.write_config()
    plugins = load_config(str(config)).plugins
    search = plugins["material/search"]
    search.on_config(search_config := load_config(str(config)))
    writers = list(plugins.events["post_build"])
    use_fast_search_index(plugins)
    assert type(search.search_index) is FastSearchIndex
    assert len(plugins.events["post_build"]) == len(writers)
    assert search.on_post_build in writers and search.on_post_build not in plugins.events[
        "post_build"]
    use_fast_search_index(plugins)  # a rebuild under `serve`: nothing changes twice
    assert len(plugins.events["post_build"]) == len(writers)

    class ProjectIndex(SearchIndex):  # type: ignore[misc]
        pass

    search.search_index = ProjectIndex(**search.config)
    use_fast_search_index(plugins)
    assert type(search.search_index) is ProjectIndex
    assert search_config


def _dump(found: list[Any]) -> list[tuple[Any, ...]]:
    return [(s.el.tag, s.el.attrs, s.id, s.title, s.text, s.depth, s.is_excluded())
            for s in found]


@pytest.mark.parametrize("rebuilt, count", [(["cases/b/"], 1203), ([], 1204)],
                         ids=["one page rebuilt", "nothing rebuilt"])
def test_writing_under_dirty_reload_merges_as_material_does(tmp_path: Path, rebuilt: list[str],
                                                            count: int) -> None:
    config = {"lang": ["da"], "separator": " ", "pipeline": ["stemmer"], "fields": {}}

    def index(locations: list[str], text: str) -> Any:
        made = FastSearchIndex(**config)
        made.entries = [{"location": loc, "title": "Æ & <b>", "text": text} for loc in locations]
        return made

    many = [f"cases/x{number}/" for number in range(1200)]  # more than one slice
    prev = index(["cases/a/", "cases/b/", "cases/b/#del", *many, "cases/c/"], "gammel")
    expected = SearchIndex.generate_search_index(index(rebuilt, "ny"), prev)
    fast = index(rebuilt, "ny")
    fast.write(prev, str(tmp_path / "search" / "search_index.json"))
    assert (tmp_path / "search" / "search_index.json").read_text(encoding="utf-8") == expected
    assert len(json.loads(expected)["docs"]) == count
