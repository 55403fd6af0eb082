"""Pictures in whole builds: responsive markup, thumbnails, no metadata, the cache, errors."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest
from PIL import Image

from midtikulturen.content.media import IMAGE_SUFFIXES
from midtikulturen.images.cache import entry_key
from midtikulturen.images.settings import Settings
from tests.pictures import photo
from tests.sitebuilder import BuiltSite, SiteProject, case_text

PHOTO = photo(3000, 2000, gps=True)
LISTING = "# Forside\n\n```listing\nshow: cases\nlimit: 3\n```\n"


def pictured_site(site: SiteProject) -> SiteProject:
    """Two cases with a phone photo (GPS in its EXIF) and one without, a front-page listing,
    and a page with the same kind of photo in its text."""
    shared = {"themes": ["Børn og unge"], "municipality": "Viborg"}
    return site.write(
        {
            "cases/global-roots.md": case_text(
                "## Baggrund\n\nHistorien.\n",
                title="Global Roots",
                date="2021-06-03",
                image="images/roots.jpg",
                image_alt="Børn arbejder med ler",
                **shared,
            ),
            "cases/ler.md": case_text(
                title="Ler",
                date="2021-05-01",
                image="images/ler.jpg",
                image_alt="Ler på et bord",
                **shared,
            ),
            "cases/uden.md": case_text(title="Uden billede", date="2021-04-01", **shared),
            "cases/images/roots.jpg": PHOTO,
            "cases/images/ler.jpg": photo(1200, 900, seed=2),
            "docs/index.md": LISTING,
            "docs/om.md": "# Om\n\n![Huset set fra haven](billeder/hus.jpg)\n",
            "docs/billeder/hus.jpg": photo(2000, 1500, seed=3, gps=True),
        }
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = pictured_site(SiteProject(tmp_path_factory.mktemp("pictures")))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
        return project.build()


def candidates(srcset: str) -> list[tuple[str, int]]:
    return [
        (url, int(width.removesuffix("w")))
        for url, width in (item.split() for item in srcset.split(", "))
    ]


def test_the_case_page_shows_a_responsive_picture_loaded_first(built: BuiltSite) -> None:
    page = built.soup("cases/global-roots/index.html")
    picture = page.select_one(".mik-case__image picture")
    img = picture.img
    assert (img["width"], img["height"], img["alt"]) == ("1600", "1067", "Børn arbejder med ler")
    assert img["fetchpriority"] == "high" and not img.has_attr("loading")
    assert [w for _, w in candidates(img["srcset"])] == [480, 960, 1600]
    assert [s["type"] for s in picture.select("source")] == ["image/avif", "image/webp"]
    for source in [img, *picture.select("source")]:
        assert source["sizes"].endswith("calc(100vw - 32px)")
        for url, width in candidates(source["srcset"]):
            with Image.open(built.root / "cases/global-roots" / url) as shown:
                assert shown.width == width
    assert page.select_one(".mik-case__header h1").get_text() == "Global Roots"
    assert not page.select("article article"), "the case must not nest an article"


def test_cards_show_a_lazy_thumbnail_and_no_hole_without_one(built: BuiltSite) -> None:
    for path, prefix in (
        ("cases/index.html", "cases"),
        ("index.html", ""),
        ("temaer/boern-og-unge/index.html", "temaer/boern-og-unge"),
    ):
        cards = {c.a.get_text(): c for c in built.soup(path).select(".mik-card")}
        assert set(cards) == {"Global Roots", "Ler", "Uden billede"}, path
        img = cards["Global Roots"].select_one("picture.mik-card__picture img")
        assert (img["alt"], img["loading"], img["decoding"]) == ("", "lazy", "async")
        [(url, width)] = candidates(img["srcset"])
        assert width == 480 and (built.root / prefix / url).resolve().is_file(), (path, url)
        assert "mik-card--picture" in cards["Global Roots"]["class"]
        assert not cards["Uden billede"].select("picture")
        assert "mik-card--picture" not in cards["Uden billede"]["class"]
    related = built.soup("cases/global-roots/index.html").select_one(".mik-related")
    img = related.select_one(".mik-card__picture img")
    assert (built.root / "cases/global-roots" / img["src"]).resolve().is_file()


def test_the_filter_data_carries_the_thumbnail(built: BuiltSite) -> None:
    records = {r["title"]: r for r in json.loads(built.text("cases/index.json"))["cases"]}
    picture = records["Global Roots"]["picture"]
    assert (picture["width"], picture["height"]) == (480, 320)
    assert all(built.exists(url) for url in picture["sources"].values())
    assert "picture" not in records["Uden billede"]


def test_a_picture_in_a_page_text_becomes_a_lazy_picture(built: BuiltSite) -> None:
    picture = built.soup("om/index.html").select_one(".md-content picture")
    img = picture.img
    assert (img["alt"], img["loading"]) == ("Huset set fra haven", "lazy")
    assert (built.root / "om" / img["src"]).resolve().is_file()
    with Image.open(built.root / "billeder/hus.jpg") as copy:  # links to the file still work
        assert copy.size == (1600, 1200)


def test_no_published_file_carries_metadata_or_an_original(built: BuiltSite) -> None:
    with Image.open(io.BytesIO(PHOTO)) as source:
        assert source.getexif().get_ifd(0x8825), "the source has a GPS position to lose"
    pictures = [p for p in built.root.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES]
    assert len(pictures) > 20
    for path in pictures:
        data = path.read_bytes()
        assert b"Exif\x00\x00" not in data and b"Telefonfabrikken" not in data, path
        assert data != PHOTO
        with Image.open(path) as opened:
            assert not opened.getexif() and not opened.getexif().get_ifd(0x8825), path


def test_a_rebuild_from_the_cache_publishes_the_same_bytes(site: SiteProject) -> None:
    site.write(
        {
            "cases/a.md": case_text(image="images/a.png", image_alt="Et billede"),
            "cases/images/a.png": photo(700, 500, fmt="PNG"),
        }
    )
    first = site.build()
    before = {
        p.relative_to(first.root): p.read_bytes()
        for p in first.root.rglob("*")
        if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES
    }
    second = site.build()
    after = {
        p.relative_to(second.root): p.read_bytes()
        for p in second.root.rglob("*")
        if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES
    }
    assert after == before


def test_renditions_are_linked_from_the_cache_and_one_changed_in_place_is_made_again(
    site: SiteProject, own_cache_folder: Path
) -> None:
    site.write(
        {
            "cases/a.md": case_text(image="images/a.jpg", image_alt="Et billede"),
            "cases/images/a.jpg": photo(900, 600),
        }
    )
    first = site.build()
    cached = {p.stat().st_ino: p for p in (own_cache_folder / "midtikulturen").rglob("*")}
    renditions = [p for p in (first.root / "cases" / "images").iterdir() if "w-" in p.name]
    assert renditions and all(p.stat().st_ino in cached for p in renditions)
    published = {p.name: p.read_bytes() for p in renditions}
    with renditions[0].open("r+b") as damaged:  # the cache's file too: the same inode
        damaged.write(b"\0" * 64)
    assert cached[renditions[0].stat().st_ino].read_bytes()[:64] == b"\0" * 64
    second = site.build()
    assert {p: (second.root / "cases" / "images" / p).read_bytes() for p in published} == published


def test_the_cache_lives_in_the_users_cache_folder_not_the_project(
    site: SiteProject, own_cache_folder: Path
) -> None:
    site.write(
        {
            "cases/a.md": case_text(image="images/a.jpg", image_alt="Et billede"),
            "cases/images/a.jpg": photo(700, 500),
        }
    ).build()
    assert list((own_cache_folder / "midtikulturen" / "images").rglob("manifest.json"))
    assert not (site.root / ".cache").exists()


@pytest.mark.expect_errors
def test_a_picture_that_does_not_decode_stops_the_build_with_its_path(
    site: SiteProject, caplog: pytest.LogCaptureFixture
) -> None:
    site.write(
        {
            "cases/a.md": case_text(image="images/a.jpg", image_alt="Et billede"),
            "cases/images/a.jpg": photo(900, 600)[:4000],
        }
    )
    site.build_fails()
    report = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)
    assert "cases/images/a.jpg:1: billedet kan ikke læses" in report


@pytest.mark.expect_errors
def test_a_build_without_the_images_plugin_publishes_no_case_picture(
    site: SiteProject, caplog: pytest.LogCaptureFixture
) -> None:
    site.config["plugins"].remove("midtikulturen/images")
    site.write(
        {
            "cases/a.md": case_text(image="images/a.jpg", image_alt="Et billede"),
            "cases/images/a.jpg": PHOTO,
        }
    )
    site.build_fails()
    assert "tilføj 'midtikulturen/images' under `plugins:`" in caplog.text


def test_without_the_cache_nothing_is_kept_between_builds(
    site: SiteProject, own_cache_folder: Path
) -> None:
    site.plugin_options("midtikulturen/images", cache=False, avif=False, widths=[480, 800])
    site.write(
        {
            "cases/a.md": case_text(image="images/a.jpg", image_alt="Et billede"),
            "cases/images/a.jpg": photo(900, 600),
        }
    )
    built = site.build()
    img = built.soup("cases/a/index.html").select_one(".mik-case__image img")
    assert [w for _, w in candidates(img["srcset"])] == [480, 800]
    assert [s["type"] for s in img.find_parent("picture").select("source")] == ["image/webp"]
    assert not (own_cache_folder / "midtikulturen" / "images").exists()


def test_files_planted_where_a_project_cache_would_be_are_never_published(
    site: SiteProject,
) -> None:
    picture = photo(900, 600)
    key = entry_key(picture, Settings().fingerprint)
    planted = io.BytesIO()
    Image.new("RGB", (900, 600), (255, 0, 0)).save(planted, "JPEG")
    for folder in (".cache/midtikulturen/images", ".cache/images", ".cache"):
        entry = site.root / folder / key[:2] / key
        entry.mkdir(parents=True)
        (entry / "900.jpg").write_bytes(planted.getvalue())
        (entry / "manifest.json").write_text(json.dumps({"format": 1, "key": key}))
    site.write(
        {
            "cases/a.md": case_text(image="images/a.jpg", image_alt="Et billede"),
            "cases/images/a.jpg": picture,
        }
    )
    built = site.build()
    published = [p.read_bytes() for p in (built.root / "cases/images").iterdir()]
    assert published and planted.getvalue() not in published
    with Image.open(built.root / "cases/images/a.jpg") as copy:
        assert copy.getpixel((450, 300)) != (255, 0, 0)
