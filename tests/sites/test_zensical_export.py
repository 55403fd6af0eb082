"""`midtikulturen export` builds with Zensical: every page type, links, feeds, data and calendars.

Zensical is pinned in tools/zensical/requirements.txt and installed into its own environment,
tools/zensical/.venv (`.ci/run` does it); `MIK_SKIP_ZENSICAL=1` skips these tests on a machine
without it. One project is exported and built once for the module: the export in-process, then
`zensical build` (not `--strict`: see CHAPTER_WARNING), and the same project with `mkdocs build`
to compare the pages.
"""

from __future__ import annotations

import fcntl
import io
import json
import os
import posixpath
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from midtikulturen.cli import main
from midtikulturen.content.jsonschema import schema_file_names
from tests.media import WEBVTT, silent_mp3
from tests.sitebuilder import REPO, BuiltSite, SiteProject, case_text
from tests.sites.test_case_pages import JPEG, facts
from tests.sites.test_guides_and_houses import guide, house
from tests.sites.test_podcast_and_events import FEED, episode, event
from tests.sites.test_public_pages import HOSTILE, public_site

ZENSICAL = REPO / "tools" / "zensical" / ".venv" / "bin" / "zensical"
INSTALL = (
    "python3 -m venv tools/zensical/.venv && tools/zensical/.venv/bin/python -m pip install "
    "--require-hashes -r tools/zensical/requirements.txt"
)
SITE_URL = "https://example.org/"
EDITOR_PAGE = """---
title: Om sitet
---

# Om sitet

Her er cases fra Skive:

```listing
show: cases
municipality: Skive
```

Læs [guiden](guides/ce.md) og [Alpha](cases/a.md).
"""
ALPHA_BODY = """## Baggrund

Se også [Beta](b.md) og billedet:

![Kulturhuset om aftenen](images/a.jpg)

```text
kode med `backticks` og ~~~ tilder
	og en tabulator
```
"""


def zensical() -> Path:
    """The pinned Zensical's command, installed on first use (as `.ci/run` does), or the
    test's skip or failure saying how to install it."""
    if os.environ.get("MIK_SKIP_ZENSICAL") == "1":
        pytest.skip("Zensical skipped: MIK_SKIP_ZENSICAL=1")
    if not ZENSICAL.is_file():
        _install()
    if not ZENSICAL.is_file():
        pytest.fail(
            f"{ZENSICAL} is missing: run `{INSTALL}` (.ci/run does it; MIK_SKIP_ZENSICAL=1 skips "
            "the test)",
            pytrace=False,
        )
    return ZENSICAL


def _install() -> None:
    """Make the pinned Zensical's environment, once across the suite's parallel workers."""
    folder = ZENSICAL.parent.parent
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / ".install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if ZENSICAL.is_file():
            return
        for step in (
            [sys.executable, "-m", "venv", str(folder)],
            [
                str(folder / "bin" / "python"),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--require-hashes",
                "-r",
                str(REPO / "tools" / "zensical" / "requirements.txt"),
            ],
        ):
            done = subprocess.run(step, capture_output=True, text=True, timeout=600)
            if done.returncode != 0:
                pytest.fail(f"`{INSTALL}` failed:\n{done.stdout}{done.stderr}", pytrace=False)


CHAPTER_WARNING = 'anchor does not exist: <a href="#t=0"'
"""Zensical checks every `#…` link as an anchor of the page, also the chapters' media
fragments (`#t=0`, which podcast.js turns into a jump in the audio): the one warning of this
site, which is why the build runs without `--strict`."""


def zensical_warnings(output: str) -> list[str]:
    """Zensical's warnings, each as its message and the start of the link it points at."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", output)
    found = []
    for block in plain.split("Warning: ")[1:]:
        message = block.splitlines()[0].strip()
        link = re.search(r'<a href="[^"]*"', block)
        found.append(f"{message}: {link[0] if link else '?'}")
    return found


def project(root: Path) -> SiteProject:
    """A site with every kind of page: cases (one with a picture and a link to another),
    a guide with deadlines, a house, an episode, an event, the statement and an editor's page
    with a listing block; one case per listing page, so `/cases/` has more pages."""
    site = public_site(SiteProject(root))
    site.plugin_options("midtikulturen/listing", per_page=1)
    site.config["nav"] = [
        {"Forside": "index.md"},
        {"Cases": "cases/index.md"},
        {"Guides": "guides/index.md"},
        {"Kulturhuse": "kulturhuse/index.md"},
        {"Arrangementer": "arrangementer/index.md"},
        {"Podcast": "podcast/index.md"},
        {"Emner": [{"Kommuner": "kommuner/index.md"}, {"Temaer": "temaer/index.md"}]},
        {"Om sitet": "om.md"},
    ]
    site.config["markdown_extensions"] = [
        "attr_list",
        "pymdownx.superfences",
        {"toc": {"permalink": True, "slugify": "!!python/name:slug"}},
    ]
    return site.write(
        {
            "cases/images/a.jpg": JPEG,
            "cases/a.md": case_text(
                ALPHA_BODY,
                title="Alpha",
                date="2021-06-03",
                themes=["Børn og unge"],
                image="images/a.jpg",
                image_alt="Kulturhuset om aftenen",
            ),
            "cases/b.md": case_text("Betas historie.", title="Beta", municipality="Skive"),
            "cases/c.md": case_text("Gammel.", title=HOSTILE, date="2020-01-02"),
            "docs/guides/ce.md": guide(
                deadlines=[
                    {"date": "2000-05-13", "label": "Gammel frist"},
                    {"date": "2099-01-02", "label": "Ny frist"},
                ]
            ),
            "docs/kulturhuse/huse/station-k.md": house(volunteers=40, facilities=["scene"]),
            "docs/podcast/audio/a.mp3": silent_mp3(3),
            "docs/podcast/audio/b.vtt": WEBVTT,
            "docs/podcast/foerste.md": episode(
                "Første afsnit",
                "2024-05-01",
                municipality=["Skive"],
                houses=["station-k"],
                chapters=[{"start": "00:00", "title": "Velkommen"}],
            ),
            "docs/arrangementer/vinter.md": event(
                "Vintermøde", "2099-03-28 10:00", town="Skive", municipality="Skive"
            ),
            "docs/index.md": "# Forside\n\n```listing\nshow: sections\n```\n",
            "docs/om.md": EDITOR_PAGE,
        }
    )


def yaml_with_python_name(site: SiteProject) -> Path:
    """mkdocs.yml as the project writes it, the slug function named by `!!python/name:`."""
    path = site.write_config()
    text = path.read_text(encoding="utf-8")
    path.write_text(
        re.sub(
            r"slugify: '?!!python/name:slug'?",
            "slugify: !!python/name:midtikulturen.content.slugs.heading_slug",
            text,
        ),
        encoding="utf-8",
    )
    return path


@dataclass(frozen=True)
class Exported:
    """The exported folder, Zensical's site built from it, and MkDocs' build of the project."""

    folder: Path
    site: Path
    mkdocs: BuiltSite
    output: str

    def soup(self, path: str) -> BeautifulSoup:
        return BeautifulSoup((self.site / path).read_text(encoding="utf-8"), "lxml")


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Exported]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
        root = tmp_path_factory.mktemp("project")
        site = project(root)
        config = yaml_with_python_name(site)
        out = io.StringIO()
        folder = tmp_path_factory.mktemp("out") / "eksport"
        assert main(["--config", str(config), "export", str(folder)], out=out) == 0, out.getvalue()
        built = subprocess.run(
            [str(zensical()), "build"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert built.returncode == 0, built.stdout + built.stderr
        assert zensical_warnings(built.stdout + built.stderr) == [CHAPTER_WARNING]
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        build(load_config(str(config)))
        yield Exported(folder, folder / "site", BuiltSite(root / "site"), out.getvalue())


def test_every_page_type_is_built_by_zensical_with_its_content(exported: Exported) -> None:
    assert exported.output.startswith("Eksporterede ")
    case = exported.soup("cases/a/index.html")
    assert case.h1.get_text(strip=True) == "Alpha"
    assert facts(case) == {
        "Organisation": "Kulturprinsen",
        "Kommune": "Viborg",
        "Temaer": "Børn og unge",
    }
    assert "Se også Beta og billedet:" in case.get_text(" ", strip=True)
    assert case.find("a", string="Beta")["href"] == "../b/"
    pictures = case.select(".mik-export picture")
    assert len(pictures) == 2 and all(p.select("source[type='image/webp']") for p in pictures)
    assert case.select_one("pre code").get_text() == (
        "kode med `backticks` og ~~~ tilder\n    og en tabulator\n"
    )
    assert [a.get_text(strip=True) for a in case.select(".mik-related .mik-card__title a")]
    term = exported.soup("kommuner/skive/index.html")
    assert [a.get_text() for a in term.select(".mik-card__title a")][:1] == ["Beta"]
    assert term.find("a", href="arrangementer.ics")
    assert exported.soup("kommuner/index.html").find("a", string="Skive")
    listing = [exported.soup(p) for p in ("cases/index.html", "cases/page/2/index.html")]
    assert [page.select_one(".mik-card__title a").get_text() for page in listing] == [
        "Alpha",
        "Beta",
    ]
    assert (exported.site / "cases/page/3/index.html").is_file()
    guide_page = exported.soup("guides/ce/index.html")
    assert "Ny frist" in guide_page.select_one("aside.mik-facts").get_text()
    assert exported.soup("guides/index.html").find("a", string="Creative Europe")
    survey = exported.soup("kulturhuse/index.html")
    assert survey.select("svg") and survey.find("a", string="Station K")
    assert exported.soup("kulturhuse/station-k/index.html").h1.get_text(strip=True) == "Station K"
    assert exported.soup("podcast/index.html").find("a", string="Første afsnit")
    audio = exported.soup("podcast/foerste/index.html").select_one("audio")
    assert audio["preload"] == "none" and audio["src"] == "../audio/a.mp3"
    events = exported.soup("arrangementer/index.html")
    assert events.find("a", string="Vintermøde")
    assert exported.soup("arrangementer/vinter/index.html").find("a", href="../vinter.ics")
    editor = exported.soup("om/index.html")
    assert [a.get_text() for a in editor.select(".mik-card__title a")] == ["Beta"]
    assert editor.find("a", string="guiden")["href"] == "../guides/ce/"
    statement = exported.soup("tilgaengelighed/index.html")
    assert HOSTILE in statement.select_one(".mik-export").get_text()
    assert (exported.site / "was/index.html").is_file()


def test_titles_and_descriptions_reach_zensicals_head_once_escaped(exported: Exported) -> None:
    page = exported.soup("cases/c/index.html")
    assert page.title.get_text() == f"{HOSTILE} - Testsite"
    assert page.select_one('meta[name="description"]')["content"] == "Kort beskrivelse."
    assert page.select_one(".mik-export h1").get_text(strip=True) == HOSTILE


def html_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def target_of(root: Path, page: Path, url: str) -> Path | None:
    """The file a relative link on page leads to in root, as a static web server finds it;
    None for a link that leaves the site (another address, mail, an anchor on the page)."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    folder = page.parent.relative_to(root).as_posix()
    target = root / posixpath.normpath(posixpath.join(folder, path)).lstrip("/")
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def links_of(soup: BeautifulSoup) -> Iterator[str]:
    """Every address a page loads or links to: links, pictures (with srcset), media, scripts."""
    for element in soup.select("a[href], link[href]"):
        yield element["href"]
    for element in soup.select("img[src], script[src], audio[src], source[src]"):
        yield element["src"]
    for element in soup.select("[srcset]"):
        yield from (part.split()[0] for part in element["srcset"].split(","))


def test_every_internal_link_and_picture_resolves(exported: Exported) -> None:
    pages = html_files(exported.site)
    assert len(pages) > 25
    broken, checked = [], 0
    for page in pages:
        for url in links_of(BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")):
            target = target_of(exported.site, page, url)
            if target is not None:
                checked += 1
                if not target.is_file():
                    broken.append(f"{page.relative_to(exported.site)}: {url}")
    assert checked > 500
    assert broken == []


def test_zensical_passes_every_page_body_through_as_written(exported: Exported) -> None:
    """Zensical shows each page's HTML as the export wrote it; it only takes away
    `data-search-exclude`, which its own search index honours."""
    for markdown in sorted((exported.folder / "docs").rglob("*.md")):
        written = BeautifulSoup(markdown.read_text(encoding="utf-8"), "lxml")
        page = markdown.relative_to(exported.folder / "docs").parent / "index.html"
        shown = exported.soup(page.as_posix()).select_one("div.mik-export")
        for element in written.select("[data-search-exclude]"):
            del element["data-search-exclude"]
        assert str(shown) == str(written.select_one("div.mik-export")), page


def test_every_page_body_is_what_the_mkdocs_build_shows(exported: Exported) -> None:
    """One renderer per page: the body the export writes is the MkDocs build's page content
    (Material adds an `<h1>` with the title where the content has none)."""
    pages = sorted((exported.folder / "docs").rglob("*.md"))
    assert len(pages) > 25
    for markdown in pages:
        page = markdown.relative_to(exported.folder / "docs").parent / "index.html"
        written = BeautifulSoup(markdown.read_text(encoding="utf-8"), "lxml")
        ours = "".join(map(str, written.select_one("div.mik-export").contents)).strip()
        article = exported.mkdocs.soup(page.as_posix()).select_one("article.md-content__inner")
        for skip in article.select("a#__skip"):
            skip.decompose()
        theirs = "".join(map(str, article.contents)).strip()
        if "<h1" not in ours:
            theirs = re.sub(r"^<h1>[^<]*</h1>\s*", "", theirs)
        assert ours == theirs, page


def site_path(exported: Exported, url: str) -> Path:
    """The file of an absolute address of the site in Zensical's output."""
    assert url.startswith(SITE_URL), url
    path = unquote(url.removeprefix(SITE_URL).split("#")[0])
    target = exported.site / path
    return target / "index.html" if not path or path.endswith("/") else target


def test_feeds_parse_and_every_entry_links_to_a_page(exported: Exported) -> None:
    for path in (
        "feed_rss.xml",
        "feed_atom.xml",
        "cases/feed_rss.xml",
        "guides/feed_atom.xml",
        "kommuner/skive/feed_rss.xml",
        "temaer/boern-og-unge/feed_atom.xml",
    ):
        feed = feedparser.parse((exported.site / path).read_bytes())
        assert not feed.bozo, (path, feed.bozo_exception)
        assert feed.entries, path
        for entry in feed.entries:
            assert site_path(exported, entry.link).is_file(), (path, entry.link)
            for enclosure in entry.get("enclosures", []):
                assert site_path(exported, enclosure.href).is_file()
    site = feedparser.parse((exported.site / "feed_rss.xml").read_bytes())
    assert {e.title for e in site.entries} == {"Alpha", "Beta", HOSTILE, "Creative Europe"}
    podcast = feedparser.parse((exported.site / FEED).read_bytes())
    assert not podcast.bozo and [e.title for e in podcast.entries] == ["Første afsnit"]
    assert site_path(exported, podcast.entries[0].enclosures[0].href).is_file()


def test_calendars_and_data_files_point_to_pages(exported: Exported) -> None:
    for path in (
        "guides/frister.ics",
        "arrangementer/arrangementer.ics",
        "arrangementer/vinter.ics",
        "kommuner/skive/arrangementer.ics",
    ):
        events = Calendar.from_ical((exported.site / path).read_bytes()).walk("VEVENT")
        assert events, path
        assert all(site_path(exported, str(e["url"])).is_file() for e in events), path
    cases = json.loads((exported.site / "cases/index.json").read_text(encoding="utf-8"))["cases"]
    assert [c["title"] for c in cases] == ["Alpha", "Beta", HOSTILE]
    assert all((exported.site / c["url"] / "index.html").is_file() for c in cases)
    assert cases[0]["picture"]["sources"]  # Alpha's thumbnail, as the MkDocs build has it
    assert all(
        (exported.site / source).is_file()
        for case in cases
        for source in case.get("picture", {}).get("sources", {}).values()
    )
    houses = json.loads((exported.site / "kulturhuse/kulturhuse.json").read_text(encoding="utf-8"))
    assert [site_path(exported, house["url"]).is_file() for house in houses] == [True]
    for name in ("kulturhuse.csv", "kulturhuse.xlsx"):
        assert (exported.site / "kulturhuse" / name).stat().st_size > 0
    assert json.loads((exported.site / "podcast/foerste.chapters.json").read_text())["chapters"]


def test_the_json_schemas_are_those_of_the_mkdocs_build(exported: Exported) -> None:
    for name in schema_file_names():
        published = (exported.site / "schemas" / name).read_bytes()
        assert published == (exported.mkdocs.root / "schemas" / name).read_bytes(), name
        assert json.loads(published)["$schema"]


def test_no_picture_is_published_as_the_editor_saved_it(exported: Exported) -> None:
    """The picture at its own address is the pipeline's clean copy, not the editor's file."""
    published = exported.site / "cases/images/a.jpg"
    assert published.is_file() and published.read_bytes() != JPEG
    assert len(list(published.parent.glob("a-*w-*.avif"))) >= 1


def test_the_export_refuses_bad_content_in_danish_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    site = SiteProject(tmp_path / "p").write({"cases/a.md": case_text(municipality="Vibrog")})
    out = io.StringIO()
    folder = tmp_path / "eksport"
    assert main(["--config", str(site.write_config()), "export", str(folder)], out=out) == 1
    report = out.getvalue()
    assert re.search(
        r"^cases/a\.md:\d+: `municipality`: 'Vibrog' er ikke en kendt kommune", report, re.M
    )
    assert "Intet er eksporteret." in report and "Traceback" not in report
    assert not folder.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["p"]


def test_the_export_keeps_out_of_folders_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    site = SiteProject(tmp_path / "p").write({"cases/a.md": case_text()})
    config = str(site.write_config())
    taken = tmp_path / "mine"
    taken.mkdir()
    (taken / "noter.txt").write_text("mit", encoding="utf-8")
    out = io.StringIO()
    assert main(["--config", config, "export", str(taken)], out=out) == 1
    assert "mappen findes og er ikke en tidligere eksport" in out.getvalue()
    assert (taken / "noter.txt").read_text(encoding="utf-8") == "mit"
    inside = tmp_path / "p" / "docs" / "eksport"
    assert main(["--config", config, "export", str(inside)], out=out) == 1
    assert "mappen ligger i docs/" in out.getvalue() and not inside.exists()
    again = tmp_path / "eksport"
    written = []
    for _ in range(2):  # an earlier export is replaced, by the same bytes
        assert main(["--config", config, "export", str(again)], out=io.StringIO()) == 0
        written.append({p: p.read_bytes() for p in sorted(again.rglob("*")) if p.is_file()})
    assert written[0] == written[1]
    assert again / "docs/cases/a/index.md" in written[0]


def test_the_export_imports_neither_mkdocs_nor_the_plugins(tmp_path: Path) -> None:
    """Only project.py's reading of mkdocs.yml touches MkDocs: its YAML loader."""
    (tmp_path / "p").mkdir()
    site = SiteProject(tmp_path / "p").write({"cases/a.md": case_text()})
    script = (
        "import sys\n"
        "from midtikulturen.cli import main\n"
        f"code = main(['--config', {str(site.write_config())!r}, 'export', "
        f"{str(tmp_path / 'eksport')!r}])\n"
        "print(' '.join(sorted(sys.modules)))\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "PYTHONPATH": str(REPO / "plugins")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    modules = set(result.stdout.splitlines()[-1].split())
    assert "midtikulturen.export.site" in modules
    mkdocs = {m for m in modules if m.split(".")[0] in ("mkdocs", "material")}
    assert mkdocs <= {"mkdocs", "mkdocs.exceptions", "mkdocs.utils", "mkdocs.utils.yaml"}
    layer = {
        m
        for m in modules
        if (m.startswith("midtikulturen.") and m.endswith(".plugin"))
        or m in ("midtikulturen.hrefs", "midtikulturen.state", "midtikulturen.order")
    }
    assert layer == set()
