"""Whole-site builds: the RSS and Atom feeds of the cases, and the links to them in every page."""

from __future__ import annotations

import logging
import re
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import feedparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree
from mkdocs.commands.build import build
from mkdocs.config import load_config
from PIL import Image

from tests.pictures import photo
from tests.sitebuilder import BuiltSite, SiteProject, case_text
from tests.sites.test_case_pages import PNG
from tests.sites.test_guides_and_houses import guide

ATOM = "{http://www.w3.org/2005/Atom}"
RFC_822 = re.compile(r"[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}")
RFC_3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")

CASES = {
    "cases/oldest.md": case_text(title="Ældst", date="2020-01-15", updated="2023-05-01"),
    "cases/middle.md": case_text(title="Midt", date="2021-06-03"),
    "cases/newest.md": case_text(title="Nyest", date="2022-02-28"),
    "cases/kladde.md": case_text(title="Kladde", date="2022-03-01", draft=True),
    "cases/fremtid.md": case_text(title="Fremtid", date="2099-01-01"),
}


def feeds(built: BuiltSite) -> tuple[Any, Any]:
    """The RSS and Atom feeds of a built site, parsed by feedparser, which must find no fault."""
    rss = feedparser.parse(built.root.joinpath("feed_rss.xml").read_bytes())
    atom = feedparser.parse(built.root.joinpath("feed_atom.xml").read_bytes())
    assert not rss.bozo, rss.get("bozo_exception")
    assert not atom.bozo, atom.get("bozo_exception")
    assert (rss.version, atom.version) == ("rss20", "atom10")
    return rss, atom


def text_of(detail: Any) -> str:
    """The text a feed reader shows for a feedparser text construct, plain or HTML."""
    if detail.type == "text/html":
        return BeautifulSoup(detail.value, "html.parser").get_text()
    assert detail.type == "text/plain", detail.type
    return str(detail.value)


def xml(built: BuiltSite, path: str) -> etree._Element:
    return etree.fromstring(built.root.joinpath(path).read_bytes())


def test_feeds_list_published_cases_newest_first_with_stable_absolute_ids(
    site: SiteProject,
) -> None:
    site.write(CASES)
    rss, atom = feeds(site.build())
    for feed in (rss, atom):
        assert [e.title for e in feed.entries] == ["Nyest", "Midt", "Ældst"]
        assert [e.id for e in feed.entries] == [
            f"https://example.org/cases/{slug}/" for slug in ("newest", "middle", "oldest")
        ]
        assert [e.link for e in feed.entries] == [e.id for e in feed.entries]
    assert {e.author for e in atom.entries} == {"Kulturprinsen"}
    assert [t.term for t in atom.entries[0].tags] == ["Viborg"]
    assert atom.feed.language == rss.feed.language == "da"


def test_drafts_and_future_cases_are_not_in_the_feeds(site: SiteProject) -> None:
    site.write(CASES)
    built = site.build()
    for name in ("feed_rss.xml", "feed_atom.xml"):
        text = built.text(name)
        assert "Kladde" not in text and "kladde" not in text
        assert "Fremtid" not in text and "fremtid" not in text


def test_dates_are_rfc_822_in_rss_and_rfc_3339_in_atom(site: SiteProject) -> None:
    site.write(CASES)
    built = site.build()
    channel = xml(built, "feed_rss.xml").find("channel")
    pub_dates = [item.findtext("pubDate") for item in channel.iter("item")]
    assert all(RFC_822.fullmatch(d) for d in pub_dates), pub_dates
    assert [parsedate_to_datetime(d) for d in pub_dates] == [
        datetime(2022, 2, 28, tzinfo=UTC),
        datetime(2021, 6, 3, tzinfo=UTC),
        datetime(2020, 1, 15, tzinfo=UTC),
    ]
    atom = xml(built, "feed_atom.xml")
    stamps = [e.text for e in atom.iter(f"{ATOM}updated", f"{ATOM}published")]
    assert stamps and all(RFC_3339.fullmatch(s) for s in stamps), stamps
    oldest = atom.findall(f"{ATOM}entry")[-1]
    assert oldest.findtext(f"{ATOM}published") == "2020-01-15T00:00:00+00:00"
    assert oldest.findtext(f"{ATOM}updated") == "2023-05-01T00:00:00+00:00"


def test_feed_date_is_the_last_change_of_its_newest_item_not_the_build_time(
    site: SiteProject,
) -> None:
    site.write(CASES)
    built = site.build()
    last_build = xml(built, "feed_rss.xml").findtext("channel/lastBuildDate")
    assert last_build == "Mon, 01 May 2023 00:00:00 +0000"
    assert xml(built, "feed_atom.xml").findtext(f"{ATOM}updated") == "2023-05-01T00:00:00+00:00"


def test_a_site_without_cases_has_valid_empty_feeds_with_a_fixed_date(site: SiteProject) -> None:
    built = site.build()
    rss, atom = feeds(built)
    assert rss.entries == atom.entries == []
    assert (
        xml(built, "feed_rss.xml").findtext("channel/lastBuildDate")
        == "Sat, 01 Jan 2000 00:00:00 +0000"
    )
    assert xml(built, "feed_atom.xml").findtext(f"{ATOM}updated") == "2000-01-01T00:00:00+00:00"


def test_building_twice_gives_identical_feeds(site: SiteProject) -> None:
    site.write(CASES)
    first = site.build()
    before = {
        name: first.root.joinpath(name).read_bytes() for name in ("feed_rss.xml", "feed_atom.xml")
    }
    second = site.build()
    assert {name: second.root.joinpath(name).read_bytes() for name in before} == before


@pytest.mark.expect_errors  # MkDocs warns that a dirty build may be inaccurate
def test_a_dirty_build_leaves_the_feeds_it_cannot_fill_as_they_were(
    site: SiteProject, caplog: pytest.LogCaptureFixture
) -> None:
    site.write(CASES)
    first = site.build()
    names = [p.relative_to(first.root) for p in first.root.rglob("feed_*.xml")]
    before = {name: first.root.joinpath(name).read_bytes() for name in names}
    time.sleep(0.01)
    site.write({"cases/middle.md": CASES["cases/middle.md"] + "Mere.\n"})
    with caplog.at_level(logging.INFO):
        build(load_config(str(site.write_config())), dirty=True)
    assert {name: first.root.joinpath(name).read_bytes() for name in names} == before
    assert any("feeds er ikke skrevet om" in r.getMessage() for r in caplog.records)
    assert "Mere." in first.text("cases/middle/index.html")


def test_special_characters_and_danish_letters_come_through(site: SiteProject) -> None:
    title = "Børn < voksne & \"alle\" > 'få' på Ærø"
    description = 'Kunst & kultur <for> "alle" i Ålborg, Østjylland og på Æbelø.'
    site.write(
        {"cases/a.md": case_text(title=title, description=description, organisation="Æble & Co")}
    )
    rss, atom = feeds(site.build(site_description=description))
    for feed in (rss, atom):
        assert feed.entries[0].title == title
        assert text_of(feed.entries[0].summary_detail) == description
        assert text_of(feed.feed.subtitle_detail) == description
        assert feed.entries[0].author == "Æble & Co"


def test_markup_in_metadata_stays_text(site: SiteProject) -> None:
    """RSS titles are plain text; feedparser guesses HTML from `</i>`, so read the XML there."""
    hostile = '<script>alert("x")</script> & <i>kursiv</i>'
    site.write({"cases/a.md": case_text(title=hostile, description=hostile)})
    built = site.build()
    rss, atom = feeds(built)
    assert atom.entries[0].title == hostile
    assert text_of(atom.entries[0].summary_detail) == hostile
    assert text_of(rss.entries[0].summary_detail) == hostile
    assert xml(built, "feed_rss.xml").findtext("channel/item/title") == hostile


def test_links_keep_their_rel_and_type(site: SiteProject) -> None:
    site.write({"cases/a.md": case_text()})
    built = site.build()
    atom = xml(built, "feed_atom.xml")
    assert [dict(link.attrib) for link in atom.findall(f"{ATOM}link")] == [
        {
            "href": "https://example.org/feed_atom.xml",
            "rel": "self",
            "type": "application/atom+xml",
        },
        {"href": "https://example.org/", "rel": "alternate", "type": "text/html"},
    ]
    assert [dict(link.attrib) for link in atom.findall(f"{ATOM}entry/{ATOM}link")] == [
        {"href": "https://example.org/cases/a/", "rel": "alternate", "type": "text/html"}
    ]
    channel = xml(built, "feed_rss.xml").find("channel")
    assert [dict(link.attrib) for link in channel.findall(f"{ATOM}link")] == [
        {"href": "https://example.org/feed_rss.xml", "rel": "self", "type": "application/rss+xml"}
    ]
    assert channel.findtext("link") == "https://example.org/"
    assert channel.find("item/guid").attrib == {"isPermaLink": "true"}


def test_every_page_links_both_feeds_in_its_head(site: SiteProject) -> None:
    site.write(
        {"cases/a.md": case_text(), "docs/om/index.md": "# Om\n", "docs/dybt/x/y.md": "# Y\n"}
    )
    built = site.build()
    pages = [p for p in built.root.rglob("*.html") if p.name != "404.html"]
    assert len(pages) >= 5
    for page in pages:
        head = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").head
        site_links = head.select('link[rel="alternate"][type]')[:2]
        links = {link["type"]: link for link in site_links}
        assert set(links) == {"application/rss+xml", "application/atom+xml"}, page
        assert links["application/rss+xml"]["title"] == "Testsite – RSS"
        assert links["application/atom+xml"]["title"] == "Testsite – Atom"
        targets = {(page.parent / link["href"]).resolve() for link in links.values()}
        assert targets == {built.root / "feed_rss.xml", built.root / "feed_atom.xml"}, page
        assert not any(link["href"].startswith(("http:", "https:", "/")) for link in links.values())


def test_feed_titles_in_the_head_are_escaped(site: SiteProject) -> None:
    built = site.build(site_name='Kunst & "kultur" <i>')
    head = built.soup("index.html").head
    titles = [link["title"] for link in head.select('link[rel="alternate"][type]')]
    assert titles[:2] == ['Kunst & "kultur" <i> – RSS', 'Kunst & "kultur" <i> – Atom']


@pytest.mark.parametrize(
    "site_url, directory_urls, page",
    [
        ("https://example.org/", True, "cases/a/"),
        ("https://example.org/midtikulturen/", True, "cases/a/"),
        ("https://example.org/midtikulturen/", False, "cases/a.html"),
    ],
)
def test_item_links_and_content_urls_follow_site_url_and_url_style(
    site: SiteProject, site_url: str, directory_urls: bool, page: str
) -> None:
    body = (
        "## Baggrund\n\nSe også [Beta](b.md) og [afsnittet](#baggrund).\n\n![Ler](images/ler.png)\n"
    )
    site.write(
        {
            "cases/a.md": case_text(
                body=body, title="Alfa", date="2021-06-04", image="images/ler.png", image_alt="Ler"
            ),
            "cases/b.md": case_text(title="Beta", date="2021-06-03"),
            "cases/images/ler.png": PNG,
        }
    )
    built = site.build(site_url=site_url, use_directory_urls=directory_urls)
    rss, atom = feeds(built)
    beta = "cases/b/" if directory_urls else "cases/b.html"
    for feed in (rss, atom):
        assert [e.link for e in feed.entries] == [site_url + page, site_url + beta]
        assert feed.feed.link == site_url
    for entry in rss.entries:
        path = entry.link.removeprefix(site_url)
        assert built.exists(path + "index.html" if path.endswith("/") else path)
    assert [link["href"] for link in atom.feed.links] == [site_url + "feed_atom.xml", site_url]
    content = BeautifulSoup(atom.entries[0].content[0].value, "lxml")
    assert [a["href"] for a in content.select("a")] == [
        site_url + beta,
        site_url + page + "#baggrund",
    ]
    image = content.select_one("img")["src"]
    assert image == site_url + "cases/images/ler.png"
    assert built.exists(image.removeprefix(site_url))
    assert content.h2.get_text() == "Baggrund", "the heading permalink ¶ was not removed"
    assert "mik-case" not in atom.entries[0].content[0].value, "content is the bare story"


def test_max_entries_keeps_the_newest(site: SiteProject) -> None:
    site.write(CASES)
    site.plugin_options("midtikulturen/feed", max_entries=2)
    rss, atom = feeds(site.build())
    assert [e.title for e in rss.entries] == [e.title for e in atom.entries] == ["Nyest", "Midt"]


@pytest.mark.expect_errors
def test_a_site_without_site_url_fails_with_the_fix(
    site: SiteProject, caplog: pytest.LogCaptureFixture
) -> None:
    site.write({"cases/a.md": case_text()})
    site.build_fails(site_url=None)
    report = "\n".join(r.getMessage() for r in caplog.records)
    assert "mkdocs.yml: nyhedsfeeds kræver `site_url`" in report
    assert "Traceback" not in report
    assert not Path(site.root, "site", "feed_rss.xml").exists()


def test_case_image_is_an_enclosure_of_a_resized_jpeg_with_its_real_length(
    site: SiteProject,
) -> None:
    site.write(
        {
            "cases/med-billede.md": case_text(
                title="Med billede", image="images/a.png", image_alt="Et billede"
            ),
            "cases/images/a.png": photo(2000, 1500, fmt="PNG"),
            "cases/uden.md": case_text(title="Uden billede", date="2020-01-01"),
        }
    )
    site.config["site_url"] = "https://example.org/midtikulturen/"
    built = site.build()
    rss, atom = feeds(built)
    for feed in (rss, atom):
        with_image, without = feed.entries
        [(href, length, kind)] = [(e.href, int(e.length), e.type) for e in with_image.enclosures]
        path = href.removeprefix("https://example.org/midtikulturen/")
        assert re.fullmatch(r"cases/images/a-960w-[0-9a-f]{8}\.jpg", path)
        assert (length, kind) == ((built.root / path).stat().st_size, "image/jpeg")
        with Image.open(built.root / path) as enclosed:
            assert (enclosed.format, enclosed.size) == ("JPEG", (960, 720))
        assert not without.enclosures


def test_case_listing_shows_links_to_subscribe(site: SiteProject) -> None:
    site.write(CASES)
    site.plugin_options("midtikulturen/listing", per_page=2)
    built = site.build(use_directory_urls=True)
    for path in ("cases/index.html", "cases/page/2/index.html"):
        links = built.soup(path).select(".mik-subscribe a")
        assert [a.get_text() for a in links] == ["RSS", "Atom"]
        for link in links:
            assert ((built.root / path).parent / link["href"]).resolve().is_file()


def test_each_term_and_the_cases_have_their_own_feeds_linked_from_their_pages(
    site: SiteProject,
) -> None:
    site.write(
        {
            "cases/skive-old.md": case_text(
                title="Skive gammel", date="2020-01-01", municipality="Skive"
            ),
            "cases/skive-new.md": case_text(
                title="Skive & ny",
                date="2021-01-01",
                municipality=["Skive", "Viborg"],
                programmes=["Erasmus+"],
            ),
            "cases/aarhus.md": case_text(title="Aarhus", date="2022-01-01", municipality="Aarhus"),
        }
    )
    site.plugin_options("midtikulturen/listing", per_page=1)
    built = site.build()
    rss, atom = (
        feedparser.parse(built.text(f"kommuner/skive/{name}"))
        for name in ("feed_rss.xml", "feed_atom.xml")
    )
    for feed in (rss, atom):
        assert not feed.bozo, feed.bozo_exception
        assert feed.feed.title == "Testsite: Skive"
        assert [e.title for e in feed.entries] == ["Skive & ny", "Skive gammel"]
        assert feed.entries[0].id == "https://example.org/cases/skive-new/"
    assert feedparser.parse(built.text("programmer/erasmus/feed_atom.xml")).entries[0].title == (
        "Skive & ny"
    )
    empty = feedparser.parse(built.text("stoette/mikropuljen/feed_rss.xml"))
    assert not empty.bozo and empty.entries == []
    assert len(feedparser.parse(built.text("cases/feed_rss.xml")).entries) == 3

    for path in ("kommuner/skive/index.html", "kommuner/skive/page/2/index.html"):
        page = built.soup(path)
        head = {
            link["title"]: link["href"] for link in page.head.select('link[rel="alternate"][type]')
        }
        assert head["Testsite: Skive – RSS"].endswith("feed_rss.xml")
        subscribe = page.select(".mik-subscribe a")
        assert [a.get_text() for a in subscribe] == ["RSS", "Atom"]
        assert "Følg nye cases fra Skive" in page.select_one(".mik-subscribe").get_text()
        for href in [*head.values(), *(a["href"] for a in subscribe)]:
            assert ((built.root / path).parent / href).resolve().is_file(), href
    case_head = built.soup("cases/aarhus/index.html").head
    assert len(case_head.select('link[rel="alternate"][type]')) == 2


def test_the_404_page_links_the_site_feeds_from_the_site_root(site: SiteProject) -> None:
    site.config["site_url"] = "https://example.org/midtikulturen/"
    built = site.build()
    head = built.soup("404.html").head
    links = {link["type"]: link["href"] for link in head.select('link[rel="alternate"][type]')}
    assert links == {
        "application/rss+xml": "/midtikulturen/feed_rss.xml",
        "application/atom+xml": "/midtikulturen/feed_atom.xml",
    }


def test_every_atom_feed_and_entry_has_an_author_as_rfc_4287_requires(site: SiteProject) -> None:
    site.write({**CASES, "docs/guides/ce.md": guide()})
    built = site.build(site_author="Europæisk Kulturregion")
    atom = "{http://www.w3.org/2005/Atom}"
    feeds_found = sorted(built.root.rglob("feed_atom.xml"))
    assert len(feeds_found) > 5
    for path in feeds_found:
        root = etree.parse(str(path)).getroot()
        assert root.findtext(f"{atom}author/{atom}name") == "Europæisk Kulturregion", path
        for entry in root.iter(f"{atom}entry"):
            assert entry.findtext(f"{atom}author/{atom}name"), (path, entry.findtext(f"{atom}id"))
    guide_entry = next(
        e
        for e in etree.parse(str(built.root / "guides/feed_atom.xml"))
        .getroot()
        .iter(f"{atom}entry")
    )
    assert guide_entry.findtext(f"{atom}author/{atom}name") == "Europæisk Kulturregion"
