"""The CMS at /admin/ in Chromium: an editor's new case becomes a valid file and a case page.

The site is built from a copy of the repository's content in a temporary git repository;
decap-server (tools/decap-server/, Node 20+) writes into that copy as it does for
`midtikulturen edit`.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import struct
import subprocess
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from midtikulturen.cli import main as midtikulturen
from midtikulturen.cms.local import missing_node
from midtikulturen.content.slugs import slugify
from tests.browser.checks import RequestLog, axe_violations, describe, origin
from tests.browser.decap_server import decap_server, install
from tests.browser.server import free_port, serve_directory
from tests.sitebuilder import REPO

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
CONTENT = ["mkdocs.yml", "vocabularies.yml", "cases", "docs"]
TITLE = "Kulturmødet Mors"
BODY = "Det **første** møde samlede 300 deltagere fra hele øen."


@dataclass
class Editing:
    """A project in a temporary git repository, its built site served, and the CMS's proxy."""

    root: Path
    site_url: str
    proxy_url: str

    @property
    def admin_url(self) -> str:
        return self.site_url + "admin/"


def png(width: int, height: int) -> bytes:
    """A plain orange PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    rows = b"".join(b"\x00" + bytes((200, 80, 40)) * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def build_project(root: Path, out: Path) -> None:
    """Build root's mkdocs.yml into out, as `mkdocs build -d out` there does."""
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(out)))


def copy_project(root: Path, proxy_url: str) -> None:
    """The repository's content in root, as a git repository, its CMS pointed at proxy_url."""
    for name in CONTENT:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    plugin = "  - midtikulturen/cms:\n"
    assert plugin in config, "mkdocs.yml no longer configures midtikulturen/cms"
    config = config.replace(plugin, f"{plugin}      local_proxy: {proxy_url}\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run(["git", "init", "--quiet", str(root)], check=True)
    subprocess.run([*git, "-C", str(root), "add", "--all"], check=True)
    subprocess.run([*git, "-C", str(root), "commit", "--quiet", "-m", "Content"], check=True)


@pytest.fixture(scope="module")
def editing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editing]:
    """The CMS served from a real local HTTP server, decap-server writing into the project."""
    if problem := missing_node():
        pytest.fail(
            "the CMS browser test cannot run (set MIK_SKIP_BROWSER=1 to skip "
            f"browser tests): {problem}",
            pytrace=False,
        )
    install()
    root = tmp_path_factory.mktemp("cms-project")
    port = free_port()
    copy_project(root, f"http://127.0.0.1:{port}/api/v1")
    build_project(root, root / "site")
    with decap_server(root, port) as proxy_url, serve_directory(root / "site") as site_url:
        yield Editing(root, site_url, proxy_url)


def sign_in(page: Page, editing: Editing, collection: str) -> None:
    """Open the CMS, sign in through the local proxy and start a new entry of collection."""
    page.goto(editing.admin_url)
    page.get_by_role("button", name="Log ind").click()
    page.goto(f"{editing.admin_url}#/collections/{collection}/new")
    page.get_by_label("Titel", exact=True).wait_for()


def choose(page: Page, field: str, *values: str) -> None:
    """Pick values in a select field (react-select: type, then Enter)."""
    for value in values:
        page.locator(f'input[id^="{field}-field-"]').fill(value)
        page.keyboard.press("Enter")


def publish(page: Page) -> None:
    """Save the entry as the CMS's local mode does: "Publicer" → "Publicer nu"."""
    page.get_by_role("button", name="Publicer", exact=True).click()
    page.get_by_text("Publicer nu", exact=True).click()
    page.get_by_text("Dokumentet er gemt").wait_for()


def front_matter(path: Path) -> tuple[dict[str, object], str]:
    """The YAML mapping and the body of a Markdown file."""
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(io.StringIO(front)), body


def test_editor_creates_a_case_that_checks_and_builds(
    page: Page, request_log: RequestLog, editing: Editing, tmp_path: Path
) -> None:
    picture = tmp_path / "kulturmoedet.png"
    picture.write_bytes(png(640, 400))  # a case's main picture is at least 600 pixels wide
    sign_in(page, editing, "cases")
    page.get_by_label("Titel", exact=True).fill(TITLE)
    page.get_by_label("Resumé").fill("Et årligt møde om kultur og frivillige på Mors.")
    page.get_by_label("Udgivelsesdato").fill("2024-05-02")
    page.get_by_label("Organisation").fill("Kulturmødet Mors")
    choose(page, "municipality", "Skive", "Viborg")
    choose(page, "themes", "Frivillighed")
    choose(page, "programmes", "Erasmus+")
    page.get_by_role("button", name="Vælg et billede").click()
    page.locator('input[type="file"]').set_input_files(picture)
    page.get_by_role("button", name="Anvend valgte").click()
    page.get_by_label("Billedtekst").fill("Frivillige stiller stole op i forsamlingshuset")
    page.get_by_role("switch", name="Kladde (kan udelades)").click()
    page.locator(".cms-editor-raw [contenteditable=true]").click()
    page.keyboard.type(BODY)

    violations = axe_violations(page)
    print(
        f"\naxe-core on the CMS's entry form: {len(violations)} violation(s) of WCAG 2.1 A/AA "
        f"(Decap's own markup; not failed here)\n{describe(violations)}"
    )
    publish(page)

    written = editing.root / "cases" / f"{slugify(TITLE)}.md"
    assert written.name == "kulturmoedet-mors.md"
    assert written.is_file(), sorted(p.name for p in (editing.root / "cases").iterdir())
    meta, body = front_matter(written)
    assert meta["title"] == TITLE
    assert meta["municipality"] == ["Skive", "Viborg"]
    assert meta["date"] == dt.date(2024, 5, 2) and meta["draft"] is False
    assert meta["image"] == "images/kulturmoedet.png"
    assert (
        editing.root / "cases" / "images" / "kulturmoedet.png"
    ).read_bytes() == picture.read_bytes()
    assert "updated" not in meta and "period" not in meta, "empty fields must be left out"
    assert body.strip() == BODY

    out = io.StringIO()
    assert (
        midtikulturen(["--config", str(editing.root / "mkdocs.yml"), "check", "--no-cache"], out)
        == 0
    ), out.getvalue()
    build_project(editing.root, tmp_path / "site")
    case = BeautifulSoup(
        (tmp_path / "site" / "cases" / "kulturmoedet-mors" / "index.html").read_text(
            encoding="utf-8"
        ),
        "lxml",
    )
    facts = {dt_.get_text(): dt_.find_next_sibling("dd") for dt_ in case.select(".mik-facts dt")}
    assert [(a.get_text(), a["href"]) for a in facts["Kommuner"].find_all("a")] == [
        ("Skive", "../../kommuner/skive/"),
        ("Viborg", "../../kommuner/viborg/"),
    ]
    assert case.select_one(".mik-case__body strong").get_text() == "første"

    allowed = {origin(editing.site_url), origin(editing.proxy_url)}
    foreign = [
        url
        for url in request_log.urls
        if not url.startswith(("data:", "blob:")) and origin(url) not in allowed
    ]
    assert request_log.urls and not foreign, "requests to other hosts:\n" + "\n".join(foreign)


def test_editor_creates_a_house_with_type_and_ownership_left_empty(
    page: Page, editing: Editing
) -> None:
    sign_in(page, editing, "kulturhuse")
    page.get_by_label("Titel", exact=True).fill("Ågade Medborgerhus")
    page.get_by_label("Resumé").fill("Medborgerhus ved åen med café og mødelokaler.")
    choose(page, "municipality", "Silkeborg")
    page.get_by_label("By", exact=True).fill("Silkeborg")
    choose(page, "facilities", "café", "mødelokaler")
    page.get_by_label("Frivillige (kan udelades)").fill("25")
    publish(page)

    written = editing.root / "docs" / "kulturhuse" / "huse" / "aagade-medborgerhus.md"
    assert written.is_file()
    meta, _ = front_matter(written)
    assert meta["house_type"] is None and meta["ownership"] is None
    assert meta["facilities"] == ["café", "mødelokaler"] and meta["volunteers"] == 25
    out = io.StringIO()
    assert (
        midtikulturen(["--config", str(editing.root / "mkdocs.yml"), "check", "--no-cache"], out)
        == 0
    ), out.getvalue()


SLUG_TITLES = [
    TITLE,
    "Åbne rum i Ærøskøbing",
    "Børn & unge: Öl, Müller, Straße",
    "  CULTURE UP!  ",
    "Erasmus+ (KA210) – små partnerskaber",
    "Café Ünïcødé 2024",
    "Ø",
    "ÆØÅ æøå",
]


def test_admin_script_names_files_as_the_project_does(page: Page, editing: Editing) -> None:
    page.goto(editing.admin_url)
    named = page.evaluate("titles => titles.map(window.mikSlugify)", SLUG_TITLES)
    expected = {title: slugify(title) for title in SLUG_TITLES}
    assert dict(zip(SLUG_TITLES, named, strict=True)) == expected
