"""Careless or hostile inputs: `check` and a strict build agree, in Danish, and publish nothing
from outside the project and no script.

Every row is one input. Rows that must fail list the problems (path, line, words) both report;
rows that must build list none, and their output is searched for the outside secret and for
script. Adding a row needs no new code.
"""

from __future__ import annotations

import io
import json
import logging
import struct
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from lxml import etree
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from midtikulturen.cli import main
from tests.media import silent_mp3
from tests.sitebuilder import REPO, SiteProject, case_text

SECRET = "HEMMELIGT-7f3a"  # in every file outside the project; never in the site
XSS = "alert('MIKXSS')"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64 + SECRET.encode()


def png(width: int = 8, height: int = 8, rows: bytes | None = None) -> bytes:
    """A real PNG of one colour, or a PNG whose header says width × height over rows."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    if rows is None:
        rows = b"".join(b"\x00" + b"\x80\x40\x20" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@dataclass(frozen=True)
class Link:
    """A symbolic link to target; `OUTSIDE/` stands for a folder outside the project."""

    target: str


def front(body: str = "Teksten.\n", **fields: object) -> str:
    return f"---\n{yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)}---\n{body}"


def guide(body: str = "Teksten.\n", **fields: object) -> str:
    base: dict[str, object] = {
        "title": "Creative Europe",
        "description": "Kort om programmet.",
        "updated": "2026-01-05",
        "programme": "Creative Europe",
    }
    return front(body, **{**base, **fields})


def house(**fields: object) -> str:
    base: dict[str, object] = {
        "title": "Station K",
        "description": "Et kulturhus.",
        "municipality": "Randers",
        "town": "Langå",
        "house_type": None,
        "ownership": None,
    }
    return front(**{**base, **fields})


def with_image(name: str = "images/x.jpg", body: str = "Historien.") -> str:
    """A case whose image (line 7) is name."""
    return case_text(body, image=name, image_alt="Et billede")


VOCABULARY = (REPO / "vocabularies.yml").read_text(encoding="utf-8")
EPISODE = (
    "---\ntitle: Afsnit\ndescription: Om afsnittet.\ndate: 2024-05-01\n"
    'series: Kulturhusene i lokalsamfundet\naudio: audio/a.mp3\nduration: "00:03"\n'
    "---\n## Udskrift\n\nHej.\n"
)
EVENT = (
    "---\ntitle: Møde\ndescription: Om mødet.\nstart: 2099-03-28 10:00\n"
    "end: 2099-03-28 16:00\nmunicipality: Skive\norganiser: Europæisk Kulturregion\n---\n"
    "Om dagen.\n"
)
BOMB = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 10))
Expect = list[tuple[str, int, str]]
Files = dict[str, Any]

ROWS: list[tuple[str, Files, Expect]] = [
    # -- files from outside the project -----------------------------------------------------
    (
        "image links outside",
        {"cases/a.md": with_image(), "cases/images/x.jpg": Link("OUTSIDE/secret.jpg")},
        [("cases/images/x.jpg", 1, "uden for projektet"), ("cases/a.md", 7, "uden for projektet")],
    ),
    (
        "image folder links outside",
        {"cases/a.md": with_image(), "cases/images": Link("OUTSIDE")},
        [("cases/images", 1, "uden for projektet")],
    ),
    (
        "image is the environment",
        {"cases/a.md": with_image(), "cases/images/x.jpg": Link("/proc/self/environ")},
        [("cases/images/x.jpg", 1, "uden for projektet")],
    ),
    (
        "case file links outside",
        {"cases/b.md": Link("OUTSIDE/case.md")},
        [("cases/b.md", 1, "uden for projektet")],
    ),
    (
        "docs file links outside",
        {"docs/hemmelig.txt": Link("OUTSIDE/secret.txt")},
        [("docs/hemmelig.txt", 1, "uden for projektet")],
    ),
    (
        "docs folder links outside",
        {"docs/ekstra": Link("OUTSIDE")},
        [("docs/ekstra", 1, "uden for projektet")],
    ),
    (
        "docs folder links inside",
        {"cases/a.md": case_text(), "docs/kopi": Link("../cases")},
        [("docs/kopi", 1, "genvej (et symbolsk link) til en anden mappe")],
    ),
    (
        "a link to nothing",
        {"docs/tom.txt": Link("findes-ikke.txt")},
        [("docs/tom.txt", 1, "til noget, der ikke findes")],
    ),
    (
        "vocabulary links outside",
        {"vocabularies.yml": Link("OUTSIDE/vocabularies.yml")},
        [("vocabularies.yml", 1, "uden for projektet")],
    ),
    (
        "image links inside the project",
        {
            "cases/a.md": with_image("images/y.png"),
            "billeder/y.png": png(640, 400),
            "cases/images/y.png": Link("../../billeder/y.png"),
        },
        [],
    ),
    # -- files that would run on the site ----------------------------------------------------
    (
        "svg with script as image",
        {
            "cases/a.md": with_image("images/x.svg"),
            "cases/images/x.svg": f"<svg><script>{XSS}</script></svg>",
        },
        [("cases/a.md", 7, "ikke et billede i formatet JPEG, PNG")],
    ),
    (
        "html as image",
        {
            "cases/a.md": with_image("images/x.html"),
            "cases/images/x.html": f"<script>{XSS}</script>",
        },
        [("cases/a.md", 7, "ikke et billede")],
    ),
    (
        "text named .jpg",
        {"cases/a.md": with_image(), "cases/images/x.jpg": "bare tekst"},
        [("cases/a.md", 7, "ikke et billede")],
    ),
    (
        "a Markdown file as image",
        {"cases/a.md": with_image("b.md"), "cases/b.md": case_text()},
        [("cases/a.md", 7, "ikke et billede")],
    ),
    (
        "decompression bomb as a case's picture",
        {
            "cases/a.md": with_image("images/x.png"),
            "cases/images/x.png": png(30_000, 30_000, b"\x00" * 4096),
        },
        [("cases/a.md", 7, "30.000 × 30.000 pixels (900 megapixel), mere end de 89 megapixel")],
    ),
    (
        "decompression bomb in docs",
        {"docs/kort.png": png(50_000, 2_000, b"\x00" * 4096)},
        [("docs/kort.png", 1, "100 megapixel")],
    ),
    (
        "a case's picture too narrow",
        {"cases/a.md": with_image("images/x.png"), "cases/images/x.png": png(300, 200)},
        [("cases/a.md", 7, "kun 300 pixels bredt; et hovedbillede skal være mindst 600")],
    ),
    (
        "a picture cut off in its header",
        {
            "cases/a.md": with_image("images/x.png"),
            "cases/images/x.png": b"\x89PNG\r\n\x1a\n\x00\x00",
        },
        [("cases/a.md", 7, "størrelse kan ikke læses")],
    ),
    (
        "png named .jpg",
        {"cases/a.md": with_image(), "cases/images/x.jpg": png()},
        [("cases/a.md", 7, "omdøb den til 'x.png'")],
    ),
    (
        "wrong case in the image name",
        {"cases/a.md": with_image("images/Fjord.PNG"), "cases/images/fjord.png": png()},
        [("cases/a.md", 7, "mente du `image: images/fjord.png`?")],
    ),
    (
        "svg in docs",
        {"docs/logo.svg": f"<svg><script>{XSS}</script></svg>"},
        [("docs/logo.svg", 1, "kan køre kode på sitet")],
    ),
    (
        "html in docs",
        {"docs/side.html": f"<script>{XSS}</script>"},
        [("docs/side.html", 1, "'.html' kan køre kode")],
    ),
    ("javascript in docs", {"docs/js/x.js": XSS}, [("docs/js/x.js", 1, "'.js' kan køre kode")]),
    (
        "text named .png in docs",
        {"docs/billede.png": "tekst"},
        [("docs/billede.png", 1, "ikke et billede")],
    ),
    # -- bodies ----------------------------------------------------------------------------------
    (
        "script in a case",
        {"cases/a.md": case_text(f"Hej\n\n<script>{XSS}</script>")},
        [("cases/a.md", 10, "`<script>` er ikke tilladt")],
    ),
    (
        "SCRIPT over two lines",
        {"cases/a.md": case_text(f"<SCRIPT\n>{XSS}</SCRIPT>")},
        [("cases/a.md", 8, "`<script>` er ikke tilladt")],
    ),
    (
        "javascript link",
        {"cases/a.md": case_text(f"Se [her](javascript:{XSS}).")},
        [("cases/a.md", 8, "`javascript:` kører kode")],
    ),
    (
        "javascript link in spaced capitals",
        {"cases/a.md": case_text(f"Se [her]( JaVaScRiPt:{XSS}).")},
        [("cases/a.md", 8, "`javascript:`")],
    ),
    (
        "javascript reference link",
        {"cases/a.md": case_text(f"Se [her][x].\n\n[x]: javascript:{XSS}")},
        [("cases/a.md", 10, "`javascript:`")],
    ),
    (
        "entity-encoded javascript",
        {"cases/a.md": case_text(f'<a href="&#106;ava&#x73;cript:{XSS}">x</a>')},
        [("cases/a.md", 8, "`javascript:`")],
    ),
    (
        "event handler",
        {"cases/a.md": case_text(f'<img src=x onerror="{XSS}">')},
        [("cases/a.md", 8, "attributten `onerror`")],
    ),
    (
        "event handler on details",
        {"cases/a.md": case_text(f"<details open ontoggle={XSS}><summary>x</summary></details>")},
        [("cases/a.md", 8, "`ontoggle`")],
    ),
    (
        "iframe",
        {"cases/a.md": case_text('<iframe src="https://example.org"></iframe>')},
        [("cases/a.md", 8, "`<iframe>` er ikke tilladt")],
    ),
    (
        "data: image",
        {"cases/a.md": case_text("![x](data:image/svg+xml;base64,PHN2Zz4=)")},
        [("cases/a.md", 8, "`data:`-adresse")],
    ),
    (
        "style element",
        {"cases/a.md": case_text("<style>body{display:none}</style>")},
        [("cases/a.md", 8, "`<style>`")],
    ),
    (
        "script in a guide",
        {"docs/guides/g.md": guide(f"<script>{XSS}</script>\n")},
        [("docs/guides/g.md", 7, "`<script>`")],
    ),
    (
        "script in a page",
        {"docs/om.md": f"# Om\n\n<script>{XSS}</script>\n"},
        [("docs/om.md", 3, "`<script>`")],
    ),
    (
        "script in the cases' intro",
        {"cases/index.md": f"# Cases\n\n<script>{XSS}</script>\n"},
        [("cases/index.md", 3, "`<script>`")],
    ),
    (
        "script as code is text",
        {
            "cases/a.md": case_text(
                f"`<script>{XSS}</script>`\n\n```html\n<script>{XSS}</script>\n```"
            ),
            "docs/om.md": "# Om\n\n    <b>indrykket</b>\n\n`<iframe>`\n",
        },
        [],
    ),
    (
        "script in an escaped heading",
        {"docs/om.md": f"# Om\n\n## &lt;img src=x onerror={XSS}&gt;\n\nTekst.\n"},
        [],
    ),
    (
        "metadata with markup is escaped",
        {
            "cases/a.md": case_text(
                title=f"<script>{XSS}</script>", organisation=f"<img src=x onerror={XSS}>"
            ),
            "docs/om.md": f"---\ntitle: <script>{XSS}</script>\n---\n# Om\n",
        },
        [],
    ),
    (
        "vocabulary term with markup",
        {
            "vocabularies.yml": VOCABULARY.replace(
                "  - Demokrati", f'  - "<img src=x onerror={XSS}>"'
            ),
            "cases/a.md": case_text(
                themes=[f"<img src=x onerror={XSS}>"], description=f"<script>{XSS}</script>"
            ),
        },
        [],
    ),
    (
        "javascript link with an encoded colon",
        {"cases/a.md": case_text(f'<a href="javascript&colon;{XSS}">x</a>')},
        [("cases/a.md", 8, "`javascript:`")],
    ),
    (
        "javascript link split by a newline entity",
        {"cases/a.md": case_text(f'<a href="jav&#x0A;ascript:{XSS}">x</a>')},
        [("cases/a.md", 8, "`javascript:`")],
    ),
    (
        "javascript link in angle brackets",
        {"cases/a.md": case_text(f"[x](<javascript:{XSS}>)")},
        [("cases/a.md", 8, "`javascript:`")],
    ),
    (
        "nested math and style",
        {"cases/a.md": case_text(f"<math><mtext><style><img src=x onerror={XSS}>")},
        [("cases/a.md", 8, "`<math>`")],
    ),
    (
        "meta refresh",
        {"docs/om.md": '<meta http-equiv="refresh" content="0;url=https://x">\n'},
        [("docs/om.md", 1, "`<meta>`")],
    ),
    # -- links and images in bodies: checked as the build checks them, in Danish --------------
    (
        "a link to a page that does not exist",
        {"cases/a.md": case_text("Se [guiden](../guides/findes-ikke.md).")},
        [
            (
                "cases/a.md",
                8,
                "linket til '../guides/findes-ikke.md' peger på en fil, der ikke findes",
            )
        ],
    ),
    (
        "an image in a body that does not exist",
        {"cases/a.md": case_text("![Koret](images/mangler.png)")},
        [("cases/a.md", 8, "'images/mangler.png' findes ikke")],
    ),
    (
        "an image in a body with the wrong case",
        {"cases/a.md": case_text("![Koret](images/Koret.PNG)"), "cases/images/koret.png": png()},
        [("cases/a.md", 8, "mente du 'images/koret.png'?")],
    ),
    (
        "an SVG in a body",
        {
            "cases/a.md": case_text("![Logo](images/logo.svg)"),
            "cases/images/logo.svg": f"<svg><script>{XSS}</script></svg>",
        },
        [("cases/a.md", 8, "'.svg' kan køre kode")],
    ),
    (
        "a link to a draft",
        {"cases/a.md": case_text("Se [b](b.md)."), "cases/b.md": case_text(title="B", draft=True)},
        [("cases/a.md", 8, "peger på en kladde eller noget, der ikke er udgivet endnu")],
    ),
    (
        "a link from a page to a missing image",
        {"docs/om.md": "# Om\n\n![x](billeder/x.png)\n"},
        [("docs/om.md", 3, "billedet 'billeder/x.png' peger på en fil, der ikke findes")],
    ),
    (
        "links and images that exist",
        {
            "cases/a.md": case_text(
                "Se [b](b.md), [guiden](../guides/g.md#frister), "
                "[Skive](../kommuner/skive/index.md) og ![Koret](images/k.png)."
            ),
            "cases/b.md": case_text(title="B"),
            "cases/images/k.png": png(),
            "docs/guides/g.md": guide(),
            "docs/om.md": "# Om\n\n[Casen](cases/a.md)\n",
        },
        [],
    ),
    # -- podcast episodes and events --------------------------------------------------------------
    (
        "an episode without a transcript",
        {
            "docs/podcast/a.md": EPISODE.replace("## Udskrift", "Om"),
            "docs/podcast/audio/a.mp3": silent_mp3(),
        },
        [("docs/podcast/a.md", 2, "afsnittet mangler en udskrift")],
    ),
    (
        "text named .mp3 as audio",
        {"docs/podcast/a.md": EPISODE, "docs/podcast/audio/a.mp3": "ikke lyd"},
        [
            ("docs/podcast/audio/a.mp3", 1, "ikke lyd i formatet MP3"),
            ("docs/podcast/a.md", 6, "'audio/a.mp3' findes ikke"),
        ],
    ),
    (
        "a picture as audio",
        {
            "docs/podcast/a.md": EPISODE.replace("audio/a.mp3", "audio/a.png"),
            "docs/podcast/audio/a.png": png(),
        },
        [("docs/podcast/a.md", 6, "'audio/a.png' er ikke en lydfil")],
    ),
    (
        "audio over http",
        {"docs/podcast/a.md": EPISODE.replace("audio/a.mp3", "http://example.org/a.mp3")},
        [("docs/podcast/a.md", 6, "skal begynde med https://")],
    ),
    (
        "an episode of an unknown house",
        {
            "docs/podcast/a.md": EPISODE.replace("duration:", "houses: [findes-ikke]\nduration:"),
            "docs/podcast/audio/a.mp3": silent_mp3(),
        },
        [("docs/podcast/a.md", 7, "'findes-ikke' er ikke et kulturhus")],
    ),
    (
        "an episode in an unknown municipality",
        {
            "docs/podcast/a.md": EPISODE.replace("duration:", "municipality: Vibrog\nduration:"),
            "docs/podcast/audio/a.mp3": silent_mp3(),
        },
        [("docs/podcast/a.md", 7, "'Vibrog' er ikke en kendt kommune — mente du 'Viborg'?")],
    ),
    (
        "a chapter after the end",
        {
            "docs/podcast/a.md": EPISODE.replace(
                'duration: "00:03"', 'duration: "00:03"\nchapters: [{start: "00:09", title: Slut}]'
            ),
            "docs/podcast/audio/a.mp3": silent_mp3(),
        },
        [("docs/podcast/a.md", 8, "kapitlet starter efter afsnittets slutning")],
    ),
    (
        "an event that ends before it starts",
        {
            "docs/arrangementer/a.md": EVENT.replace(
                "end: 2099-03-28 16:00", "end: 2099-03-28 09:00"
            )
        },
        [("docs/arrangementer/a.md", 5, "slutter (2099-03-28T09:00) før det starter")],
    ),
    (
        "an event in an unknown municipality",
        {"docs/arrangementer/a.md": EVENT.replace("municipality: Skive", "municipality: Skiwe")},
        [("docs/arrangementer/a.md", 6, "'Skiwe' er ikke en kendt kommune — mente du 'Skive'?")],
    ),
    (
        "an event at 25 o'clock",
        {"docs/arrangementer/a.md": EVENT.replace("10:00", "25:00")},
        [("docs/arrangementer/a.md", 4, "klokken 25:00 findes ikke")],
    ),
    (
        "an event with an unknown recording",
        {
            "docs/arrangementer/a.md": EVENT.replace(
                "organiser:", "recording: findes-ikke\norganiser:"
            )
        },
        [("docs/arrangementer/a.md", 7, "'findes-ikke' er ikke et podcastafsnit")],
    ),
    (
        "an event nowhere",
        {"docs/arrangementer/a.md": EVENT.replace("municipality: Skive\n", "")},
        [("docs/arrangementer/a.md", 2, "skriv hvor arrangementet foregår")],
    ),
    (
        "an episode and an event that build",
        {
            "docs/podcast/a.md": EPISODE,
            "docs/podcast/audio/a.mp3": silent_mp3(),
            "docs/arrangementer/a.md": EVENT.replace("organiser:", "recording: a\norganiser:"),
        },
        [],
    ),
    # -- YAML that hangs, crashes or hides ------------------------------------------------------
    (
        "alias bomb",
        {"cases/a.md": case_text().replace("---\nHist", BOMB + "---\nHist")},
        [("cases/a.md", 7, "`&` og `*`")],
    ),
    (
        "YAML tags that make values",
        {
            "cases/a.md": case_text().replace("title: Alpha", "title: !!int x"),
            "cases/b.md": case_text().replace("date: '2021-06-03'", "date: !!timestamp x"),
            "cases/c.md": case_text().replace("organisation:", "organisation: !<!x> y\nx:"),
        },
        [
            ("cases/a.md", 2, "`!!int` foran en værdi bruges ikke her — slet det"),
            ("cases/b.md", 4, "`!!timestamp`"),
            ("cases/c.md", 5, "`!x`"),
        ],
    ),
    (
        "a YAML tag in the vocabulary",
        {"vocabularies.yml": VOCABULARY.replace("  - Demokrati", "  - !!bool Demokrati")},
        [
            (
                "vocabularies.yml",
                VOCABULARY[: VOCABULARY.index("  - Demokrati")].count("\n") + 1,
                "`!!bool`",
            ),
        ],
    ),
    (
        "a YAML tag in a listing block",
        {"docs/index.md": "# Forside\n\n```listing\nshow: cases\nlimit: !!float x\n```\n"},
        [("docs/index.md", 5, "`!!float`")],
    ),
    (
        "alias bomb in a listing block",
        {"docs/index.md": "# Forside\n\n```listing\nshow: cases\n" + BOMB + "```\n"},
        [("docs/index.md", 5, "`&` og `*`")],
    ),
    (
        "nesting 500 deep",
        {"cases/a.md": case_text().replace("title: Alpha", "title: " + "[" * 500 + "]" * 500)},
        [("cases/a.md", 2, "mere end 10 niveauer")],
    ),
    (
        "nesting 100,000 deep",
        {
            "cases/a.md": case_text().replace(
                "title: Alpha", "title: " + "[" * 100_000 + "]" * 100_000
            )
        },
        [("cases/a.md", 2, "mere end 10 niveauer")],
    ),
    (
        "nested block lists",
        {
            "cases/a.md": case_text().replace(
                "---\nHist",
                "themes:\n" + "".join("  " * i + "-\n" for i in range(1, 40)) + "---\nHist",
            )
        },
        [("cases/a.md", 17, "mere end 10 niveauer")],
    ),
    (
        "value starting with a star",
        {
            "cases/a.md": case_text(description="x").replace(
                "description: x", "description: *Vigtigt* nyt"
            )
        },
        [("cases/a.md", 3, "skal stå i anførselstegn")],
    ),
    (
        "NUL in front matter",
        {"cases/a.md": case_text().replace("Alpha", "Al\x00pha")},
        [("cases/a.md", 2, "NUL (U+0000) i kolonne")],
    ),
    (
        "ESC in front matter",
        {"cases/a.md": case_text().replace("Alpha", "Al\x1bpha")},
        [("cases/a.md", 2, "ESC (U+001B) i kolonne 10")],
    ),
    (
        "form feed in front matter",
        {"cases/a.md": case_text().replace("Alpha", "Al\x0cpha")},
        [("cases/a.md", 2, "sideskift (U+000C)")],
    ),
    (
        "U+FFFE in front matter",
        {"cases/a.md": case_text().replace("Alpha", "Al\ufffepha")},
        [("cases/a.md", 2, "U+FFFE")],
    ),
    (
        "NUL in a case body",
        {"cases/a.md": case_text("Linje et\nLinje\x00to")},
        [("cases/a.md", 9, "NUL (U+0000) i kolonne 6")],
    ),
    (
        "ESC in a guide body",
        {"docs/guides/g.md": guide("Tekst\x1b[31m rød\n")},
        [("docs/guides/g.md", 7, "ESC")],
    ),
    (
        "form feed in a page",
        {"docs/om.md": "# Om\n\nSide\x0cskift\n"},
        [("docs/om.md", 3, "sideskift")],
    ),
    (
        "control character in the vocabulary",
        {"vocabularies.yml": VOCABULARY.replace("  - Demokrati", "  - Demo\x07krati")},
        [
            (
                "vocabularies.yml",
                VOCABULARY[: VOCABULARY.index("  - Demokrati")].count("\n") + 1,
                "U+0007",
            )
        ],
    ),
    (
        "vocabulary not UTF-8",
        {"vocabularies.yml": VOCABULARY.encode("latin-1", "replace")},
        [
            (
                "vocabularies.yml",
                VOCABULARY[: next(i for i, c in enumerate(VOCABULARY) if c > "~")].count("\n") + 1,
                "UTF-8",
            )
        ],
    ),
    (
        "NUL as a YAML escape",
        {"cases/a.md": case_text(title="Al\x00pha")},
        [("cases/a.md", 2, "usynligt styretegn (U+0000)")],
    ),
    (
        "ESC as a YAML escape in a list",
        {"cases/a.md": case_text(contributors=[{"name": "A\x1b[31mB"}])},
        [("cases/a.md", 8, "usynligt styretegn (U+001B)")],
    ),
    (
        "NUL as a YAML escape in the vocabulary",
        {"vocabularies.yml": VOCABULARY.replace("  - Demokrati", '  - "Demo\\0krati"')},
        [
            (
                "vocabularies.yml",
                VOCABULARY[: VOCABULARY.index("  - Demokrati")].count("\n") + 1,
                "U+0000",
            )
        ],
    ),
    # -- values the build would crash on ----------------------------------------------------------
    (
        "updated 9999-12-31",
        {"cases/a.md": case_text(updated="9999-12-31")},
        [("cases/a.md", 7, "9999-12-31 ligger uden for årene 1900–2100")],
    ),
    (
        "date 0001-01-01",
        {"cases/a.md": case_text(date="0001-01-01")},
        [("cases/a.md", 4, "uden for årene 1900–2100")],
    ),
    (
        "period from year 0",
        {"cases/a.md": case_text(period={"start": "0000-01"})},
        [("cases/a.md", 8, "0000-01 ligger uden for årene")],
    ),
    (
        "guide updated 9999-12-31",
        {"docs/guides/g.md": guide(updated="9999-12-31")},
        [("docs/guides/g.md", 4, "uden for årene")],
    ),
    (
        "deadline 9999-12-31",
        {"docs/guides/g.md": guide(deadlines=[{"date": "9999-12-31", "label": "Frist"}])},
        [("docs/guides/g.md", 7, "uden for årene")],
    ),
    (
        "visitors 10^30",
        {"docs/kulturhuse/huse/h.md": house(visitors_per_year=10**30)},
        [("docs/kulturhuse/huse/h.md", 8, "`visitors_per_year` må højst være 1.000.000.000")],
    ),
    (
        "staff .inf",
        {"docs/kulturhuse/huse/h.md": house().replace("---\nTek", "staff_fte: .inf\n---\nTek")},
        [("docs/kulturhuse/huse/h.md", 8, "`staff_fte` skal være et almindeligt tal")],
    ),
    (
        "staff .nan",
        {"docs/kulturhuse/huse/h.md": house().replace("---\nTek", "staff_fte: .nan\n---\nTek")},
        [("docs/kulturhuse/huse/h.md", 8, "`staff_fte` skal være et almindeligt tal")],
    ),
    (
        "location .nan",
        {
            "docs/kulturhuse/huse/h.md": house().replace(
                "---\nTek", "location: {lat: .nan, lon: 9.9}\n---\nTek"
            )
        },
        [("docs/kulturhuse/huse/h.md", 8, "`location.lat`")],
    ),
    (
        "amount 10^30",
        {"docs/guides/g.md": guide(funding={"max_amount": 10**30, "currency": "EUR"})},
        [("docs/guides/g.md", 7, "`funding.max_amount` må højst være")],
    ),
    (
        "listing limit 10^30",
        {"docs/index.md": f"# Forside\n\n```listing\nshow: cases\nlimit: {10**30}\n```\n"},
        [("docs/index.md", 5, "`limit` må højst være")],
    ),
    # -- nothing silently lost or replaced ---------------------------------------------------------
    (
        "a page in place of a term page",
        {"docs/kommuner/skive.md": "# Skive\n"},
        [("docs/kommuner/skive.md", 1, "samme adresse på sitet som siden for Skive")],
    ),
    (
        "a README in place of a term page",
        {"docs/temaer/demokrati/README.md": "# D\n"},
        [("docs/temaer/demokrati/README.md", 1, "siden for Demokrati")],
    ),
    (
        "a page in place of a house page",
        {"docs/kulturhuse/huse/h.md": house(), "docs/kulturhuse/h.md": "# Mit hus\n"},
        [("docs/kulturhuse/h.md", 1, "kulturhuset kulturhuse/huse/h.md")],
    ),
    (
        "a page among the cases",
        {"docs/cases/ekstra.md": "# Ekstra\n"},
        [("docs/cases/ekstra.md", 1, "sitets cases")],
    ),
    (
        "a page in place of a term's page 2",
        {"docs/kommuner/skive/page/2.md": "# 2\n"},
        [("docs/kommuner/skive/page/2.md", 1, "de følgende sider af siden for Skive")],
    ),
    (
        "a file in place of a feed",
        {"docs/feed_rss.xml": "<rss/>"},
        [("docs/feed_rss.xml", 1, "kan køre kode")],
    ),
    (
        "a file in place of the calendar",
        {"docs/guides/frister.ics": "BEGIN:VCALENDAR"},
        [("docs/guides/frister.ics", 1, "kalenderen med ansøgningsfrister")],
    ),
    (
        "a file in place of an event's calendar",
        {"docs/arrangementer/moede.md": EVENT, "docs/arrangementer/moede.ics": "BEGIN:VCALENDAR"},
        [("docs/arrangementer/moede.ics", 1, "kalenderen for arrangementet moede")],
    ),
    (
        "a file in place of an episode's chapters",
        {
            "docs/podcast/a.md": EPISODE,
            "docs/podcast/audio/a.mp3": silent_mp3(),
            "docs/podcast/a.chapters.json": '{"chapters": []}',
        },
        [("docs/podcast/a.chapters.json", 1, "kapitlerne til podcastafsnittet a")],
    ),
    (
        "a file in place of the houses' spreadsheet",
        {"docs/kulturhuse/kulturhuse.xlsx": b"PK"},
        [("docs/kulturhuse/kulturhuse.xlsx", 1, "kulturhusenes åbne data")],
    ),
    (
        "a file in the search index's folder",
        {"docs/pagefind/noter.txt": "mine"},
        [("docs/pagefind/noter.txt", 1, "søgningens indeks")],
    ),
    (
        "an intro for a term page is welcome",
        {
            "docs/kommuner/skive/index.md": "# Skive\n\nOm Skive.\n",
            "docs/kommuner/index.md": "# Kommuner\n",
        },
        [],
    ),
    ("case named .MD", {"cases/x.MD": case_text()}, [("cases/x.MD", 1, "omdøb den til 'x.md'")]),
    (
        "case named .markdown",
        {"cases/x.markdown": case_text()},
        [("cases/x.markdown", 1, "omdøb den til 'x.md'")],
    ),
    (
        "guide named .MD",
        {"docs/guides/x.MD": guide()},
        [("docs/guides/x.MD", 1, "omdøb den til 'x.md'")],
    ),
    (
        "case in a subfolder",
        {"cases/arkiv/x.md": case_text()},
        [("cases/arkiv/x.md", 1, "flyt filen til cases/x.md")],
    ),
    (
        "guide in a subfolder",
        {"docs/guides/2025/x.md": guide()},
        [("docs/guides/2025/x.md", 1, "flyt filen til docs/guides/x.md")],
    ),
    (
        "house in a subfolder",
        {"docs/kulturhuse/huse/gamle/h.md": house()},
        [("docs/kulturhuse/huse/gamle/h.md", 1, "flyt filen til docs/kulturhuse/huse/h.md")],
    ),
    (
        "term with an empty slug",
        {"vocabularies.yml": VOCABULARY.replace("  - Demokrati\n", '  - Demokrati\n  - "???"\n')},
        [
            (
                "vocabularies.yml",
                VOCABULARY[: VOCABULARY.index("  - Demokrati")].count("\n") + 2,
                "'???' giver en tom webadresse",
            )
        ],
    ),
    (
        "Windows name con",
        {"cases/con.md": case_text()},
        [("cases/con.md", 1, "reserveret i Windows")],
    ),
    (
        "Windows name aux and nul",
        {"cases/aux.md": case_text(), "cases/images/NUL.jpg": JPEG},
        [("cases/aux.md", 1, "reserveret i Windows"), ("cases/images/NUL.jpg", 1, "reserveret")],
    ),
    ("Windows name in docs", {"docs/prn.md": "# P\n"}, [("docs/prn.md", 1, "reserveret")]),
    (
        "Windows-illegal character",
        {"docs/hvad?.md": "# H\n"},
        [("docs/hvad?.md", 1, "tegn, som Windows ikke tillader")],
    ),
    (
        "listing block in the cases' intro",
        {"cases/index.md": "# Cases\n\n```listing\nshow: case\n```\n"},
        [("cases/index.md", 4, "`show` kan ikke være 'case'")],
    ),
    (
        "listing block in the cases' intro is shown",
        {"cases/index.md": "# Cases\n\n```listing\nshow: themes\n```\n", "cases/a.md": case_text()},
        [],
    ),
    ("a stray listing slot", {"docs/om.md": "# Om\n\n<!--mik-listing-7-->\n"}, []),
]

# Inputs that depend on mkdocs.yml itself: (id, files, mkdocs.yml text, expected)
CONFIG_ROWS: list[tuple[str, Files, str, Expect]] = [
    (
        "exclude_docs leaves a broken guide out",
        {"docs/guides/kladde.md": guide(updated="x")},
        "exclude_docs: |\n  guides/kladde.md\n",
        [],
    ),
    (
        "exclude_docs leaves a folder out",
        {"docs/kladder/om.md": f"<script>{XSS}</script>"},
        "exclude_docs: |\n  kladder/\n",
        [],
    ),
    (
        "!ENV names the cases folder",
        {"sager/a.md": case_text(municipality="Vibrog")},
        "plugins_collection:\n  cases_dir: !ENV [MIK_UNSET_VARIABLE, sager]\n",
        [("sager/a.md", 6, "'Vibrog' er ikke en kendt kommune")],
    ),
    (
        "INHERIT names the cases folder",
        {"sager/a.md": case_text(municipality="Vibrog"), "base.yml": "site_name: Arvet\n"},
        "INHERIT: base.yml\nplugins_collection:\n  cases_dir: sager\n",
        [("sager/a.md", 6, "'Vibrog'")],
    ),
    (
        "an option that is not a number",
        {},
        "plugins_collection:\n  guide_max_age_months: tolv\n",
        [("mkdocs.yml", 0, "guide_max_age_months")],
    ),
]


def _write(site: SiteProject, files: Files, outside: Path) -> None:
    for name, content in files.items():
        path = site.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink() or path.exists():
            path.unlink()
        if isinstance(content, Link):
            path.symlink_to(content.target.replace("OUTSIDE", str(outside)))
        else:
            site.write({name: content})


def _outside(folder: Path) -> Path:
    """A folder outside the project with a secret in every file, and a case and vocabulary."""
    folder.mkdir(exist_ok=True)
    (folder / "secret.txt").write_text(SECRET, encoding="utf-8")
    (folder / "secret.jpg").write_bytes(JPEG)
    (folder / "x.jpg").write_bytes(JPEG)
    (folder / "case.md").write_text(case_text(f"Hemmelig historie {SECRET}"), encoding="utf-8")
    (folder / "vocabularies.yml").write_text(VOCABULARY + f"# {SECRET}\n", encoding="utf-8")
    return folder


def _config_text(site: SiteProject, extra: str) -> str:
    """mkdocs.yml as written by hand: the test config, extra settings, collection options."""
    config = json.loads(json.dumps(site.config))
    config["strict"] = True
    text = yaml.safe_dump(config, allow_unicode=True)
    if "plugins_collection:" in extra:
        head, options = extra.split("plugins_collection:\n")
        text = text.replace(
            "- midtikulturen/collection\n",
            "- midtikulturen/collection:\n"
            + "".join(f"    {line}\n" for line in options.splitlines()),
        )
        extra = head
    return extra + text


def _check(config_file: Path) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["--config", str(config_file), "check"], out)
    return code, out.getvalue()


def _build(config_file: Path, caplog: pytest.LogCaptureFixture) -> tuple[bool, str]:
    caplog.clear()
    try:
        build(load_config(str(config_file)))
    except Abort:
        return False, "\n".join(r.getMessage() for r in caplog.records)
    return True, "\n".join(r.getMessage() for r in caplog.records)


@pytest.mark.expect_errors
@pytest.mark.parametrize(
    ("files", "settings", "expected"),
    [pytest.param(f, "", e, id=i) for i, f, e in ROWS]
    + [pytest.param(f, c, e, id=i) for i, f, c, e in CONFIG_ROWS],
)
def test_check_and_build_agree_and_publish_nothing_unsafe(
    site: SiteProject,
    tmp_path_factory: pytest.TempPathFactory,
    caplog: pytest.LogCaptureFixture,
    files: Files,
    settings: str,
    expected: Expect,
) -> None:
    caplog.set_level(logging.WARNING)
    outside = _outside(tmp_path_factory.mktemp("outside"))
    _write(site, files, outside)
    config_file = site.root / "mkdocs.yml"
    config_file.write_text(_config_text(site, settings), encoding="utf-8")
    started = time.perf_counter()
    code, report = _check(config_file)
    built, log = _build(config_file, caplog)
    assert time.perf_counter() - started < 20, "an input must never make a run take long"
    assert "Traceback" not in report + log
    assert (code == 0) == built, f"check and build disagree:\ncheck: {report}\nbuild: {log}"
    assert built == (not expected), f"check: {report}\nbuild: {log}"
    for path, line, words in expected:
        where = f"{path}:{line}: " if line else f"{path}:"
        found = [row for row in report.splitlines() if row.startswith(where) and words in row]
        assert found, f"check does not say {where}…{words}:\n{report}"
        if path != "mkdocs.yml":  # MkDocs itself reports its own configuration, in English
            assert f"{where}" in log and words in log, f"the build does not say it:\n{log}"
    if built:
        assert_safe(site.root / "site")
    else:
        assert not any((site.root / "site").rglob("*.html")), "a failed build left pages"


def assert_safe(site_dir: Path) -> None:
    """No file of the site holds the outside secret, and no page or feed runs our script."""
    for path in site_dir.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        assert SECRET.encode() not in data, f"{path} holds a file from outside the project"
        if path.suffix == ".html":
            assert_no_script(data.decode("utf-8"), str(path))
        elif path.suffix == ".xml" and data.lstrip().startswith(b"<?xml"):
            for element in etree.fromstring(data).iter():
                name = etree.QName(element).localname
                atom_text = name in ("content", "summary") and element.get("type") != "html"
                if name in HTML_IN_FEEDS and element.text and not atom_text:
                    assert_no_script(element.text, str(path))


# RSS's description and content:encoded, Atom's content and summary of type html; the rest
# (titles, names, Atom text) is plain text to feed readers.
HTML_IN_FEEDS = ("description", "encoded", "content", "summary")


def assert_no_script(html: str, where: str) -> None:
    """html runs nothing of ours: no such script, handler, script URL or frame."""
    page = BeautifulSoup(html, "lxml")
    for element in page.find_all(True):
        if element.name in ("script", "iframe", "object", "embed", "style"):
            assert "MIKXSS" not in element.get_text() + str(element.attrs), where
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            assert not (name.startswith("on") and "MIKXSS" in text), f"{where}: {element}"
            assert not text.strip().lower().startswith(("javascript:", "data:")), where
