"""What a Danish public site needs on every page: the statement, `/was`, head and share tags."""

from __future__ import annotations

import gzip
import logging
import posixpath
import re
import struct
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from lxml import etree
from PIL import Image

from midtikulturen.images.plugin import SOCIAL_URI as SITE_PICTURE
from midtikulturen.site.head import OpenGraph, Picture, open_graph_tags, page_title
from tests.sitebuilder import BuiltSite, SiteProject, case_text
from tests.sites.test_case_pages import PNG
from tests.sites.test_guides_and_houses import guide
from tests.test_architecture import PACKAGE, imported_modules

HOSTILE = 'Kunst & "kultur" <b>'
HOSTILE_TEXT = "\"Citat\" & <i>mere</i> &amp; 'så'"
STATEMENT = """---
title: Tilgængelighedserklæring
description: Hvordan sitet lever op til WCAG 2.1 AA.
---

# Tilgængelighedserklæring

```opdateret
```

## Meld et problem

```kontakt
```
"""
CONTACT = {"name": HOSTILE, "email": "web@tilgaengelig.test", "phone": "+45 11 22 33 44"}
PURE_MODULES = ["blocks.py", "head.py", "pages.py", "public.py"]


def public_site(site: SiteProject, **contact: object) -> SiteProject:
    """site with the site plugin, a statement page and contact details in `extra`."""
    site.config["plugins"].append("midtikulturen/site")
    site.config["extra"] = {
        "contact": {**CONTACT, **contact},
        "accessibility": {"updated": "2026-11-26"},
    }
    return site.write({"docs/tilgaengelighed.md": STATEMENT, "docs/om.md": "# Om\n"})


def html_files(built: BuiltSite) -> list[str]:
    return sorted(p.relative_to(built.root).as_posix() for p in built.root.rglob("*.html"))


def resolve(built: BuiltSite, page: str, href: str) -> Path:
    """The file a link on page leads to, as a static web server finds it."""
    path = href.split("#")[0]
    target = (
        path.lstrip("/")
        if path.startswith("/")
        else posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    )
    found = built.root / target
    return found / "index.html" if path.endswith("/") or found.is_dir() else found


def og(page: BeautifulSoup) -> dict[str, str]:
    return {m["property"]: m["content"] for m in page.head.select('meta[property^="og:"]')}


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_page_links_the_statement_from_its_footer(
    site: SiteProject, directory_urls: bool
) -> None:
    public_site(site).write({"cases/a.md": case_text()})
    built = site.build(use_directory_urls=directory_urls)
    statement = built.root / (
        "tilgaengelighed/index.html" if directory_urls else "tilgaengelighed.html"
    )
    pages = [p for p in html_files(built) if p != "was/index.html"]
    assert "404.html" in pages and len(pages) > 10
    for path in pages:
        links = built.soup(path).select("footer .md-copyright a")
        found = [a["href"] for a in links if a.get_text(strip=True) == "Tilgængelighedserklæring"]
        assert len(found) == 1, path
        assert resolve(built, path, found[0]) == statement, (path, found[0])
    assert "Made with" in built.soup("index.html").select_one(".md-copyright").get_text()


@pytest.mark.parametrize("directory_urls", [True, False])
def test_was_sends_readers_to_the_statement(site: SiteProject, directory_urls: bool) -> None:
    built = public_site(site).build(use_directory_urls=directory_urls)
    statement_url = "tilgaengelighed/" if directory_urls else "tilgaengelighed.html"
    page = built.soup("was/index.html")
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
    delay, url = re.fullmatch(r"(\d+); url=(.+)", refresh).groups()  # type: ignore[union-attr]
    assert (delay, url) == ("0", "../" + statement_url)
    link = page.body.find("a")
    assert link.get_text() == "Tilgængelighedserklæring" and link["href"] == url
    assert resolve(built, "was/index.html", url) == built.root / (
        "tilgaengelighed/index.html" if directory_urls else "tilgaengelighed.html"
    )
    assert page.find("link", rel="canonical")["href"] == "https://example.org/" + statement_url
    assert page.html["lang"] == "da"
    assert page.title.get_text() == "Tilgængelighedserklæring"


def test_a_statement_in_the_was_tool_is_where_the_footer_and_was_lead(site: SiteProject) -> None:
    address = "https://was.digst.dk/example-org"
    public_site(site).plugin_options("midtikulturen/site", statement=address)
    (site.root / "docs/tilgaengelighed.md").unlink()
    built = site.build()
    assert (
        built.soup("om/index.html").find("a", string="Tilgængelighedserklæring")["href"] == address
    )
    redirect = built.soup("was/index.html")
    assert redirect.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={address}"
    assert redirect.find("link", rel="canonical")["href"] == address


def test_statement_shows_contact_and_date_from_mkdocs_yml(site: SiteProject) -> None:
    page = public_site(site).build().soup("tilgaengelighed/index.html")
    contact = page.select_one("ul.mik-contact")
    assert [li.get_text() for li in contact.select("li")] == [
        HOSTILE,
        "E-mail: web@tilgaengelig.test",
        "Telefon: +45 11 22 33 44",
    ]
    assert [a["href"] for a in contact.select("a")] == [
        "mailto:web@tilgaengelig.test",
        "tel:+4511223344",
    ]
    updated = page.select_one(".mik-updated time")
    assert (updated["datetime"], updated.get_text()) == ("2026-11-26", "26. november 2026")
    assert not page.select(".admonition.warning")
    assert "<b>" not in str(page.select_one("article"))


def test_placeholder_contact_is_flagged_on_the_page_and_in_the_log(
    site: SiteProject, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    public_site(site, email="tilgaengelighed@example.org", phone=None)
    site.config["extra"]["contact"].pop("phone")
    page = site.build(strict=True).soup("tilgaengelighed/index.html")
    warning = " ".join(page.select_one(".admonition.warning").get_text().split())
    assert (
        "pladsholderen tilgaengelighed@example.org og et telefonnummer under extra.contact"
        in warning
    )
    reminders = [
        r.getMessage()
        for r in caplog.records
        if r.levelno == logging.INFO and "Påmindelse: tilgængelighedserklæringen" in r.getMessage()
    ]
    assert len(reminders) == 2


def test_a_statement_older_than_a_year_is_reminded(
    site: SiteProject, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    public_site(site)
    site.config["extra"]["accessibility"]["updated"] = "2020-01-31"
    site.build(strict=True)
    assert any("sidst opdateret 31. januar 2020" in r.getMessage() for r in caplog.records)


@pytest.mark.expect_errors
def test_mistakes_in_the_contact_stop_the_build_with_every_problem(
    site: SiteProject, caplog: pytest.LogCaptureFixture
) -> None:
    public_site(site)
    site.config["extra"] = {
        "contact": {"name": "Redaktionen", "emial": "a@b.dk", "phone": 11223344},
        "accessibility": {"updated": "2026-13-01"},
    }
    site.build_fails()
    report = "\n".join(r.getMessage() for r in caplog.records)
    assert "mkdocs.yml: extra: ukendt felt `contact.emial` — mente du `email`?" in report
    assert "`contact.phone` skal være tekst, ikke tallet 11223344" in report
    assert "findes ikke i kalenderen" in report


@pytest.mark.expect_errors
def test_a_contact_block_without_contact_details_stops_the_build(
    site: SiteProject, caplog: pytest.LogCaptureFixture
) -> None:
    public_site(site)
    del site.config["extra"]
    site.build_fails()
    assert any(
        "docs/tilgaengelighed.md: blokken `opdateret` kræver" in r.getMessage()
        for r in caplog.records
    )


@pytest.mark.expect_errors
def test_a_missing_statement_page_stops_the_build(
    site: SiteProject, caplog: pytest.LogCaptureFixture
) -> None:
    public_site(site)
    (site.root / "docs/tilgaengelighed.md").unlink()
    site.build_fails()
    assert any("docs/tilgaengelighed.md findes ikke" in r.getMessage() for r in caplog.records)


def test_head_tags_carry_a_hostile_title_escaped_exactly_once(site: SiteProject) -> None:
    public_site(site).write({"cases/a.md": case_text(title=HOSTILE, description=HOSTILE_TEXT)})
    built = site.build()
    page = built.soup("cases/a/index.html")
    assert page.html["lang"] == "da"
    assert page.title.get_text() == f"{HOSTILE} - Testsite"
    assert page.find("meta", attrs={"name": "description"})["content"] == HOSTILE_TEXT
    assert page.find("link", rel="canonical")["href"] == "https://example.org/cases/a/"
    assert og(page) == {
        "og:title": HOSTILE,
        "og:type": "article",
        "og:url": "https://example.org/cases/a/",
        "og:image": f"https://example.org/{SITE_PICTURE}",
        "og:image:type": "image/jpeg",
        "og:image:width": "1200",
        "og:image:height": "630",
        "og:image:alt": "Testsite",
        "og:description": HOSTILE_TEXT,
        "og:site_name": "Testsite",
        "og:locale": "da_DK",
    }
    assert "Kunst &amp;amp;" not in built.text("cases/a/index.html")


def test_og_image_is_the_cases_crop_or_else_the_sites_own_picture(site: SiteProject) -> None:
    public_site(site).write(
        {
            "cases/med-billede.md": case_text(
                title="Med billede", image="images/roots.png", image_alt="Børn & ler"
            ),
            "cases/uden.md": case_text(title="Uden billede"),
            "cases/images/roots.png": PNG,
            "docs/guides/ce.md": guide(),
        }
    )
    built = site.build(site_url="https://example.org/sti/")
    page = built.soup("cases/med-billede/index.html")
    pictured = og(page)
    image = pictured["og:image"].removeprefix("https://example.org/sti/")
    assert re.fullmatch(r"cases/images/roots-1200x630-[0-9a-f]{8}\.jpg", image)
    with Image.open(built.root / image) as shared:
        assert (shared.format, shared.size) == ("JPEG", (1200, 630))
    assert (pictured["og:image:width"], pictured["og:image:height"]) == ("1200", "630")
    assert pictured["og:image:alt"] == "Børn & ler"
    assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
    for path in ("cases/uden/index.html", "guides/ce/index.html", "index.html"):
        tags = og(built.soup(path))
        assert (tags["og:image"], tags["og:image:alt"]) == (
            f"https://example.org/sti/{SITE_PICTURE}",
            "Testsite",
        ), path
    with Image.open(built.root / SITE_PICTURE) as own:
        assert (own.format, own.size) == ("JPEG", (1200, 630))
    guide_tags = og(built.soup("guides/ce/index.html"))
    assert guide_tags["og:type"] == "article"
    front = og(built.soup("index.html"))
    assert (front["og:type"], front["og:title"], front["og:url"]) == (
        "website",
        "Testsite",
        "https://example.org/sti/",
    )
    assert og(built.soup("om/index.html"))["og:title"] == "Om"


def test_without_site_url_no_absolute_address_is_made_up(site: SiteProject) -> None:
    public_site(site).config["plugins"].remove("midtikulturen/feed")  # it needs site_url
    built = site.build(site_url=None)
    tags = og(built.soup("om/index.html"))
    assert "og:url" not in tags and tags["og:title"] == "Om"
    assert not built.soup("was/index.html").find("link", rel="canonical")


def test_a_projects_own_theme_overrides_beat_the_plugins(site: SiteProject) -> None:
    public_site(site).write({"overrides/partials/copyright.html": "<p class=own>Vores</p>"})
    site.config["theme"]["custom_dir"] = "overrides"
    page = site.build().soup("om/index.html")
    assert page.select_one("footer .own").get_text() == "Vores"


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        (
            OpenGraph(
                HOSTILE,
                "S & co",
                "da_DK",
                description=HOSTILE_TEXT,
                image=Picture("https://x/a b.jpg", 1200, 630, "image/jpeg", '"alt"'),
            ),
            {
                "og:title": HOSTILE,
                "og:type": "website",
                "og:image": "https://x/a b.jpg",
                "og:image:type": "image/jpeg",
                "og:image:width": "1200",
                "og:image:height": "630",
                "og:image:alt": '"alt"',
                "og:description": HOSTILE_TEXT,
                "og:site_name": "S & co",
                "og:locale": "da_DK",
            },
        ),
        (
            OpenGraph("T", "S", "da_DK"),
            {"og:title": "T", "og:type": "website", "og:site_name": "S", "og:locale": "da_DK"},
        ),
    ],
)
def test_open_graph_tags_parse_back_to_their_values(
    graph: OpenGraph, expected: dict[str, str]
) -> None:
    head = BeautifulSoup(f"<head>{open_graph_tags(graph)}</head>", "lxml")
    assert og(head) == expected


@pytest.mark.parametrize(
    ("meta_title", "title", "is_homepage", "expected"),
    [
        ("Kunst &amp; &quot;kultur&quot; &lt;b&gt;", "ignored", False, HOSTILE),
        (None, "Om &amp; <code>os</code>", False, "Om & os"),
        (None, "Forside", True, "Site"),
        (None, None, False, "Site"),
    ],
)
def test_page_title_is_plain_text_as_materials_title_shows_it(
    meta_title: str | None, title: str | None, is_homepage: bool, expected: str
) -> None:
    assert page_title(meta_title, title, is_homepage, "Site") == expected


@pytest.mark.parametrize("name", PURE_MODULES)
def test_site_plugin_logic_does_not_import_mkdocs(name: str) -> None:
    names = imported_modules(PACKAGE / "site" / name)
    assert not {n for n in names if n.split(".")[0] in ("mkdocs", "material")}, names


def test_sitemap_dates_each_page_by_its_content_not_by_the_build(site: SiteProject) -> None:
    public_site(site).write(
        {
            "cases/a.md": case_text(
                title="A", date="2021-06-03", updated="2023-02-01", municipality="Skive"
            ),
            "cases/b.md": case_text(title="B", date="2022-05-04", municipality="Skive"),
            "cases/c.md": case_text(title="C", date="2020-01-02", municipality="Viborg"),
            "docs/guides/ce.md": guide(updated="2024-03-05"),
        }
    )
    built = site.build()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = etree.fromstring((built.root / "sitemap.xml").read_bytes())
    dates = {
        u.findtext("s:loc", namespaces=ns).removeprefix("https://example.org/"): u.findtext(
            "s:lastmod", namespaces=ns
        )
        for u in root.findall("s:url", ns)
    }
    assert dates["cases/a/"] == "2023-02-01" and dates["cases/b/"] == "2022-05-04"
    assert dates["guides/ce/"] == "2024-03-05"
    assert dates["kommuner/skive/"] == "2023-02-01" and dates["kommuner/viborg/"] == "2020-01-02"
    assert dates["cases/"] == "2023-02-01" and dates["guides/"] == "2024-03-05"
    assert dates[""] == "2024-03-05"
    assert dates["om/"] is None, "a page without a date of its own gets no <lastmod>"
    with gzip.open(built.root / "sitemap.xml.gz") as packed:
        assert packed.read() == (built.root / "sitemap.xml").read_bytes()
    with (built.root / "sitemap.xml.gz").open("rb") as raw:
        stamp = struct.unpack("<I", raw.read(8)[4:8])[0]
    assert datetime.fromtimestamp(stamp, UTC).date().isoformat() == "2024-03-05"
