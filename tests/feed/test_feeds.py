"""The pure feed modules: feedgen behind one function, item HTML and `<head>` links."""

from __future__ import annotations

import ast
from datetime import UTC, date, datetime
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from midtikulturen.feed import feeds
from midtikulturen.feed.feeds import Channel, FeedItem, FeedWriter, render_feeds
from midtikulturen.feed.items import at_midnight_utc
from midtikulturen.feed.markup import FeedLink, standalone_html, with_feed_links

FEED = Path(__file__).resolve().parents[2] / "plugins" / "midtikulturen" / "feed"
PACKAGE = FEED.parent
CHANNEL = Channel(
    title="Viborg",
    description="Cases fra Viborg",
    link="https://e.org/kommuner/viborg/",
    rss_url="https://e.org/kommuner/viborg/rss.xml",
    atom_url="https://e.org/kommuner/viborg/atom.xml",
)
BASE = "https://e.org/cases/a/"


def item(slug: str, day: int, **fields: object) -> FeedItem:
    url = f"https://e.org/cases/{slug}/"
    values: dict[str, object] = {
        "title": slug,
        "link": url,
        "id": url,
        "summary": f"Om {slug}",
        "published": datetime(2021, 6, day, tzinfo=UTC),
        **fields,
    }
    return FeedItem(**values)  # type: ignore[arg-type]


def imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_feed_writers_import_feedgen() -> None:
    users = {
        p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py") if "feedgen" in imports(p)
    }
    assert users == {"feed/feeds.py", "feed/podcast.py"}  # site and term feeds; podcasts


@pytest.mark.parametrize("name", ["feeds.py", "items.py", "markup.py", "podcast.py"])
def test_pure_feed_modules_do_not_import_mkdocs(name: str) -> None:
    assert not {"mkdocs", "material"} & imports(FEED / name)


def test_any_channel_is_one_call_and_its_self_links_differ_by_format() -> None:
    rss, atom = render_feeds(CHANNEL, [item("b", 4), item("a", 3)])
    parsed_rss, parsed_atom = feedparser.parse(rss), feedparser.parse(atom)
    assert not parsed_rss.bozo and not parsed_atom.bozo
    for feed in (parsed_rss, parsed_atom):
        assert [e.title for e in feed.entries] == ["b", "a"]
        assert feed.feed.link == "https://e.org/kommuner/viborg/"
    assert [(link.rel, link.href) for link in parsed_atom.feed.links if link.rel == "self"] == [
        ("self", "https://e.org/kommuner/viborg/atom.xml")
    ]
    assert b'href="https://e.org/kommuner/viborg/rss.xml" rel="self"' in rss


def test_feed_date_is_the_latest_change_even_of_an_older_item() -> None:
    older_but_updated = item("a", 3, updated=datetime(2022, 1, 1, tzinfo=UTC))
    rss, atom = render_feeds(CHANNEL, [item("b", 4), older_but_updated])
    assert feedparser.parse(atom).feed.updated == "2022-01-01T00:00:00+00:00"
    assert b"<lastBuildDate>Sat, 01 Jan 2022 00:00:00 +0000</lastBuildDate>" in rss


def test_rendering_does_not_depend_on_the_clock() -> None:
    items = [item("b", 4), item("a", 3)]
    assert render_feeds(CHANNEL, items) == render_feeds(CHANNEL, items)
    assert render_feeds(CHANNEL, []) == render_feeds(CHANNEL, [])


def test_a_shared_writer_gives_each_feed_the_bytes_of_its_own_document() -> None:
    items = [
        item("e", 9, author="Kulturprinsen", content="<p>&lt;æ&gt;</p>"),
        item("d", 8),
        item("c", 7, categories=("Skive", "Demokrati")),
        item("b", 6, content="<p>b</p>"),
        item("a", 5, author="Bibliotek & Co"),
    ]
    with FeedWriter(batch=2) as writer:
        for each in reversed(items):
            writer.add(each)
        for subset in (items, items[1:4], items[1:2], [], items[::2]):
            ids = [each.id for each in subset]
            expected = render_feeds(CHANNEL, subset)
            assert (
                writer.document(CHANNEL, ids, rss=True),
                writer.document(CHANNEL, ids, rss=False),
            ) == expected
    for rss in (True, False):  # the same bytes as feedgen writing the document in one go
        generator = feeds._generator(CHANNEL, items[1:4], rss=rss)
        root = etree.fromstring(
            generator.rss_str() if rss else generator.atom_str(),
            etree.XMLParser(remove_blank_text=True),
        )
        etree.cleanup_namespaces(root)
        assert render_feeds(CHANNEL, items[1:4])[not rss] == feeds._serialise(root)
    rss_without_authors, _ = render_feeds(CHANNEL, items[1:4])
    rss_with_an_author, _ = render_feeds(CHANNEL, items[:2])
    assert b"xmlns:dc=" not in rss_without_authors and b"<dc:creator>" not in rss_without_authors
    assert b"xmlns:dc=" in rss_with_an_author
    for document in render_feeds(CHANNEL, items):
        assert not feedparser.parse(document).bozo


def test_an_item_added_again_replaces_the_old_one() -> None:
    with FeedWriter() as writer:
        writer.add(item("a", 3, summary="Gammel"))
        writer.flush()
        writer.add(item("a", 3, summary="Ny"))
        assert "a" not in writer and "https://e.org/cases/a/" in writer
        rss = writer.document(CHANNEL, ["https://e.org/cases/a/"], rss=True)
    assert [e.summary for e in feedparser.parse(rss).entries] == ["Ny"]


def test_naive_dates_are_refused() -> None:
    with pytest.raises(ValueError):
        render_feeds(CHANNEL, [item("a", 3, published=datetime(2021, 6, 3))])


def test_a_date_is_midnight_utc() -> None:
    assert at_midnight_utc(date(2021, 6, 3)) == datetime(2021, 6, 3, tzinfo=UTC)


@pytest.mark.parametrize(
    "fragment, expected",
    [
        ('<p><a href="../b/">B</a></p>', '<p><a href="https://e.org/cases/b/">B</a></p>'),
        (
            '<p><img alt="x" src="../images/x.png"></p>',
            '<p><img alt="x" src="https://e.org/cases/images/x.png"></p>',
        ),
        ('<a href="#baggrund">x</a>', '<a href="https://e.org/cases/a/#baggrund">x</a>'),
        ('<a href="https://a.dk/?a=1&amp;b=2">x</a>', '<a href="https://a.dk/?a=1&amp;b=2">x</a>'),
        ('<a href="mailto:a@b.dk">a@b.dk</a>', '<a href="mailto:a@b.dk">a@b.dk</a>'),
        (
            '<h2 id="baggrund">Baggrund'
            '<a class="headerlink" href="#baggrund" title="Link">¶</a></h2>',
            '<h2 id="baggrund">Baggrund</h2>',
        ),
        ("Løs &amp; <em>æøå</em> &lt;tag&gt;", "Løs &amp; <em>æøå</em> &lt;tag&gt;"),
        ("<p>a</p>\n<p>b</p>", "<p>a</p>\n<p>b</p>"),
        ("", ""),
        ("<a href='../c/'>C</a>", "<a href='https://e.org/cases/c/'>C</a>"),
        (
            '<a href="x.html?a=1&amp;b=2">x</a>',
            '<a href="https://e.org/cases/a/x.html?a=1&amp;b=2">x</a>',
        ),
        ('<p data-href="../x">Skriv src="y" her</p>', '<p data-href="../x">Skriv src="y" her</p>'),
        ('<img alt="a" src="x.png">', '<img alt="a" src="https://e.org/cases/a/x.png">'),
    ],
    ids=[
        "relative link",
        "image",
        "fragment",
        "absolute",
        "mailto",
        "permalink",
        "text",
        "two",
        "empty",
        "single quotes",
        "entity in a relative link",
        "not an attribute",
        "second attribute",
    ],
)
def test_standalone_html(fragment: str, expected: str) -> None:
    assert standalone_html(fragment, BASE) == expected


def test_feed_links_go_at_the_end_of_the_head_escaped() -> None:
    page = "<html><head><title>x</title></head><body></head></body></html>"
    links = [FeedLink("application/rss+xml", 'A & "B" <c>', "../feed_rss.xml")]
    assert with_feed_links(page, links) == (
        '<html><head><title>x</title><link rel="alternate " type="application/rss+xml" '
        'title="A &amp; &quot;B&quot; &lt;c&gt;" href="../feed_rss.xml"></head>'
        "<body></head></body></html>"
    )
