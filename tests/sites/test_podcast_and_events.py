"""Podcast episodes and events in a whole build: pages, the podcast feed, the calendars."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import feedparser
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar
from lxml import etree
from PIL import Image

from tests.media import WEBVTT, silent_mp3
from tests.sitebuilder import BuiltSite, SiteProject
from tests.sites.test_case_pages import JPEG

PODCAST = "{https://podcastindex.org/namespace/1.0}"
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
SERIES = "Kulturhusene i lokalsamfundet"
FEED = "podcast/kulturhusene-i-lokalsamfundet.xml"
AUDIO = silent_mp3(3)


def front(body: str, **fields: object) -> str:
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + f"\n---\n{body}"


def episode(
    title: str, day: str, body: str = "## Udskrift\n\nHej og velkommen.\n", **fields: object
) -> str:
    return front(
        body,
        title=title,
        description=f"Om {title}.",
        date=day,
        series=SERIES,
        audio="audio/a.mp3",
        duration="00:03",
        **fields,
    )


def event(title: str, start: str, **fields: object) -> str:
    return front(
        "Om dagen.\n",
        title=title,
        description=f"Om {title}.",
        start=start,
        organiser="Europæisk Kulturregion",
        **fields,
    )


def podcast_site(site: SiteProject) -> BuiltSite:
    site.write(
        {
            "docs/podcast/audio/a.mp3": AUDIO,
            "docs/podcast/audio/b.vtt": WEBVTT,
            "docs/podcast/audio/cover.jpg": JPEG,
            "docs/podcast/foerste.md": episode(
                "Første afsnit",
                "2024-05-01",
                episode=1,
                municipality=["Skive"],
                houses=["fjordstjernen"],
                chapters=[
                    {"start": "00:00", "title": "Velkommen"},
                    {"start": "00:02", "title": "Huset"},
                ],
            ),
            "docs/podcast/andet.md": episode(
                "Andet afsnit",
                "2024-06-01",
                body="Uden udskrift i teksten.\n",
                episode=2,
                transcript="audio/b.vtt",
                image="audio/cover.jpg",
                image_alt="Et billede",
            ),
            "docs/podcast/kladde.md": episode("Kladden", "2024-06-02", draft=True),
            "docs/podcast/senere.md": episode("Senere", "2099-06-02"),
            "docs/kulturhuse/huse/fjordstjernen.md": front(
                "Huset.\n",
                title="Fjordstjernen",
                description="Et hus.",
                municipality="Skive",
                town="Glyngøre",
                house_type=None,
                ownership=None,
            ),
            "docs/arrangementer/vinter.md": event(
                "Vintermøde",
                "2099-03-28 10:00",
                end="2099-03-28 16:00",
                town="Skive",
                municipality="Skive",
            ),
            "docs/arrangementer/sommer.md": event(
                "Sommermøde", "2099-04-01 10:30", end="2099-04-01 12:00", online=True
            ),
            "docs/arrangementer/fortid.md": event(
                "Kulturforum",
                "2021-06-03",
                place="Maltfabrikken",
                town="Ebeltoft",
                municipality="Syddjurs",
                recording="foerste",
            ),
            "docs/arrangementer/to-dage.md": event(
                "To dage", "2099-05-06", end="2099-05-07", town="Viborg"
            ),
            "docs/arrangementer/kladde.md": event(
                "Kladdemøde", "2099-05-06", town="Viborg", draft=True
            ),
        }
    )
    return site.build(strict=True)


def test_episode_page_has_a_player_that_loads_nothing_chapters_and_the_transcript(
    site: SiteProject,
) -> None:
    built = podcast_site(site)
    page = built.soup("podcast/foerste/index.html")
    audio = page.select_one("audio#mik-lyd")
    assert audio["preload"] == "none" and audio["src"] == "../audio/a.mp3"
    assert audio.has_attr("controls")
    assert [
        (a["data-mik-seek"], a.get_text(" ", strip=True)) for a in page.select(".mik-chapters a")
    ] == [("0", "0:00 Velkommen"), ("2", "0:02 Huset")]
    assert "Hej og velkommen." in page.select_one(".mik-episode__body").get_text()
    facts = page.select_one("aside.mik-facts")
    assert facts.find("a", string="Skive")["href"] == "../../kommuner/skive/"
    assert facts.find("a", string="Fjordstjernen")["href"] == "../../kulturhuse/fjordstjernen/"
    assert page.select_one(".mik-subscribe a")["href"] == "../kulturhusene-i-lokalsamfundet.xml"
    second = built.soup("podcast/andet/index.html")
    transcript = second.select_one(".mik-transcript")
    assert [p.get_text(" ", strip=True) for p in transcript.select("p")][:2] == [
        "0:00 Velkommen til afsnittet.",
        "0:02 Tak fordi du lyttede.",
    ]
    assert not built.exists("podcast/kladde/index.html")
    assert not built.exists("podcast/senere/index.html")


def test_series_page_lists_published_episodes_newest_first(site: SiteProject) -> None:
    page = podcast_site(site).soup("podcast/index.html")
    show = page.select_one(".mik-show")
    assert show.h2.get_text() == SERIES
    assert [a.get_text() for a in show.select(".mik-episode-list > li > a")] == [
        "Andet afsnit",
        "Første afsnit",
    ]


def test_podcast_feed_validates_and_carries_itunes_and_podcasting_2_0(site: SiteProject) -> None:
    built = podcast_site(site)
    raw = (built.root / FEED).read_bytes()
    parsed = feedparser.parse(raw)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.title == SERIES and parsed.feed.language == "da"
    assert [e.title for e in parsed.entries] == ["Andet afsnit", "Første afsnit"]
    first = parsed.entries[1]
    assert first.enclosures[0]["length"] == str(len(AUDIO))
    assert first.enclosures[0]["type"] == "audio/mpeg"
    assert first.enclosures[0]["href"] == "https://example.org/podcast/audio/a.mp3"
    assert first.id == "https://example.org/podcast/foerste/"
    root = etree.fromstring(raw)
    channel = root.find("channel")
    assert channel.findtext(f"{ITUNES}explicit") == "false"
    artwork = channel.find(f"{ITUNES}image").get("href")
    assert artwork == "https://example.org/podcast/kulturhusene-i-lokalsamfundet.png"
    with Image.open(built.root / "podcast" / "kulturhusene-i-lokalsamfundet.png") as picture:
        assert (picture.format, picture.mode, picture.size) == ("PNG", "RGB", (1400, 1400))
    assert channel.find(f"{ITUNES}category").get("text") == "Society & Culture"
    items = {item.findtext("title"): item for item in channel.findall("item")}
    assert items["Første afsnit"].findtext(f"{ITUNES}duration") == "3"
    assert items["Første afsnit"].findtext(f"{ITUNES}explicit") == "false"
    transcript = items["Første afsnit"].find(f"{PODCAST}transcript")
    assert (transcript.get("url"), transcript.get("type")) == (
        "https://example.org/podcast/foerste/",
        "text/html",
    )
    transcript = items["Andet afsnit"].find(f"{PODCAST}transcript")
    assert (transcript.get("url"), transcript.get("type")) == (
        "https://example.org/podcast/audio/b.vtt",
        "text/vtt",
    )
    chapters = items["Første afsnit"].find(f"{PODCAST}chapters")
    assert chapters.get("type") == "application/json+chapters"
    document = json.loads(built.text("podcast/foerste.chapters.json"))
    assert document["chapters"] == [
        {"startTime": 0, "title": "Velkommen"},
        {"startTime": 2, "title": "Huset"},
    ]
    assert items["Andet afsnit"].find(f"{PODCAST}chapters") is None
    assert b"Kladden" not in raw and b"Senere" not in raw


def test_events_page_lists_coming_events_first_then_past_ones_by_year(site: SiteProject) -> None:
    built = podcast_site(site)
    page = built.soup("arrangementer/index.html")
    lists = page.select(".mik-event-list")
    coming = [a.get_text() for a in lists[0].select("a")]
    assert coming == ["Vintermøde", "Sommermøde", "To dage"]
    assert page.select_one("#mik-tidligere-2021").get_text() == "Tidligere arrangementer 2021"
    assert [a.get_text() for a in lists[1].select("a")] == ["Kulturforum"]
    assert "Kladdemøde" not in page.get_text()
    when = [s.get_text() for s in page.select(".mik-event-entry__when")]
    assert when[:3] == [
        "lørdag 28. marts 2099 kl. 10–16",
        "onsdag 1. april 2099 kl. 10.30–12",
        "6.–7. maj 2099",
    ]
    past = built.soup("arrangementer/fortid/index.html")
    recording = past.find("dt", string="Optagelse").find_next_sibling("dd").a
    assert recording["href"] == "../../podcast/foerste/"
    assert past.select_one(".mik-calendar a")["href"] == "../fortid.ics"
    skive = built.soup("kommuner/skive/index.html").select_one(".mik-term-extra")
    assert [a.get_text() for a in skive.select(".mik-event-list a")] == ["Vintermøde"]


def utc(value: object) -> datetime:
    assert isinstance(value, datetime)
    return value.astimezone(UTC)


def test_calendars_keep_danish_time_across_the_summer_time_change(site: SiteProject) -> None:
    built = podcast_site(site)
    text = built.text("arrangementer/arrangementer.ics")
    calendar = Calendar.from_ical(text)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Copenhagen"
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Vintermøde", "Sommermøde", "Kulturforum", "To dage"}
    winter, summer = events["Vintermøde"], events["Sommermøde"]
    assert utc(winter["DTSTART"].dt) == datetime(2099, 3, 28, 9, 0, tzinfo=UTC)
    assert utc(summer["DTSTART"].dt) == datetime(2099, 4, 1, 8, 30, tzinfo=UTC)
    assert events["To dage"]["DTSTART"].dt == date(2099, 5, 6)
    assert events["To dage"]["DTEND"].dt == date(2099, 5, 8)
    assert str(events["Kulturforum"]["LOCATION"]) == "Maltfabrikken, Ebeltoft"
    second = {e.summary: e for e in IcsCalendarStream.calendar_from_ics(text).timeline}
    assert utc(second["Vintermøde"].dtstart) == datetime(2099, 3, 28, 9, 0, tzinfo=UTC)
    assert utc(second["Sommermøde"].dtstart) == datetime(2099, 4, 1, 8, 30, tzinfo=UTC)
    assert second["To dage"].dtend == date(2099, 5, 8)
    skive = Calendar.from_ical(built.text("kommuner/skive/arrangementer.ics"))
    assert [str(e["SUMMARY"]) for e in skive.walk("VEVENT")] == ["Vintermøde"]
    own = Calendar.from_ical(built.text("arrangementer/sommer.ics"))
    assert [str(e["UID"]) for e in own.walk("VEVENT")] == ["sommer@example.org"]
