"""Case files as editors write them: every row is one input and the problems it must get."""

from __future__ import annotations

from pathlib import Path

import pytest

from midtikulturen.content.frontmatter import normalise_text
from midtikulturen.content.loader import Source, read_case
from midtikulturen.content.model import Case
from midtikulturen.content.vocabulary import load_vocabulary

REPO = Path(__file__).resolve().parents[2]
VOCABULARY = load_vocabulary(REPO / "vocabularies.yml", "vocabularies.yml")

VALID = """---
title: Alpha
description: Kort beskrivelse.
date: 2021-06-03
organisation: Kulturprinsen
municipality: Viborg
---
Historien.
"""


def edit(old: str, new: str) -> str:
    """VALID with one line replaced."""
    assert old in VALID
    return VALID.replace(old, new)


BAD = [
    # id, file name, text, [(line, part of the message), ...]
    (
        "key typo",
        "a.md",
        edit("municipality: Viborg", "municipallity: Viborg"),
        [
            (6, "ukendt felt `municipallity` — mente du `municipality`?"),
            (2, "feltet `municipality` mangler"),
        ],
    ),
    (
        "value typo",
        "a.md",
        edit("municipality: Viborg", "municipality: Vibrog"),
        [(6, "'Vibrog' er ikke en kendt kommune — mente du 'Viborg'?")],
    ),
    (
        "value in a list",
        "a.md",
        edit("municipality: Viborg", "municipality: [Viborg, Århus]"),
        [(6, "'Århus' er ikke en kendt kommune — mente du 'Aarhus'?")],
    ),
    (
        "theme spelled with &",
        "a.md",
        VALID.replace("---\nHist", "themes:\n  - Bæredygtighed\n  - børn & unge\n---\nHist"),
        [(9, "'børn & unge' er ikke et kendt tema — mente du 'Børn og unge'?")],
    ),
    (
        "missing title",
        "a.md",
        edit("title: Alpha\n", ""),
        [(2, "feltet `title` mangler — tilføj `title:`")],
    ),
    (
        "date in words",
        "a.md",
        edit("date: 2021-06-03", "date: last spring"),
        [(4, "'last spring' er ikke en dato — skriv den som ÅÅÅÅ-MM-DD")],
    ),
    (
        "impossible date",
        "a.md",
        edit("date: 2021-06-03", "date: 2021-13-40"),
        [(4, "2021-13-40 findes ikke i kalenderen")],
    ),
    (
        "Danish date format",
        "a.md",
        edit("date: 2021-06-03", "date: 03.06.2021"),
        [(4, "'03.06.2021' er ikke en dato")],
    ),
    (
        "list where text belongs",
        "a.md",
        edit("title: Alpha", "title: [Alpha, Beta]"),
        [(2, "`title` skal være tekst, ikke en liste")],
    ),
    (
        "number where text belongs",
        "a.md",
        edit("title: Alpha", "title: 2021"),
        [(2, "`title` skal være tekst, ikke tallet 2021")],
    ),
    (
        "tab for indentation",
        "a.md",
        edit("municipality: Viborg", "municipality: Viborg\nperiod:\n\tstart: 2020-10"),
        [(8, "tabulator-tegn i YAML — ryk ind med mellemrum")],
    ),
    (
        "unclosed quote",
        "a.md",
        edit("title: Alpha", 'title: "Alpha'),
        [(2, "et anførselstegn eller en parentes bliver ikke lukket")],
    ),
    (
        "colon in unquoted title",
        "a.md",
        edit("title: Alpha", "title: Kultur: nu og her"),
        [(2, "et kolon for meget")],
    ),
    (
        "no closing fence",
        "a.md",
        VALID.replace("---\nHistorien", "Historien"),
        [(1, "front matter bliver ikke afsluttet — tilføj en linje med `---`")],
    ),
    ("no front matter", "a.md", "Historien uden metadata.\n", [(1, "filen mangler front matter")]),
    (
        "file name with æøå and space",
        "Kulturmødet Mors.md",
        VALID,
        [(1, "omdøb filen til 'kulturmoedet-mors.md'")],
    ),
    ("file name in capitals", "Global_Roots.md", VALID, [(1, "omdøb filen til 'global-roots.md'")]),
    (
        "teaser too long",
        "a.md",
        edit("description: Kort beskrivelse.", "description: " + "x" * 301),
        [(3, "`description` er 301 tegn; højst 300 er tilladt")],
    ),
    (
        "yes for a boolean",
        "a.md",
        edit("title: Alpha", "title: Alpha\ndraft: yes"),
        [(3, "`draft` skal være true eller false, ikke 'yes'")],
    ),
    (
        "image without alt text",
        "a.md",
        edit("title: Alpha", "title: Alpha\nimage: images/a.png"),
        [(3, "et billede skal have en billedtekst"), (3, "billedet 'images/a.png' findes ikke")],
    ),
    (
        "image outside the folder",
        "a.md",
        edit("title: Alpha", "title: Alpha\nimage: ../../etc/passwd\nimage_alt: x"),
        [(3, "billedet '../../etc/passwd' findes ikke")],
    ),
    (
        "duplicate key",
        "a.md",
        edit("municipality: Viborg", "municipality: Viborg\ntitle: Beta"),
        [(7, "feltet `title` står to gange (også linje 2)")],
    ),
    (
        "typo inside a list item",
        "a.md",
        edit(
            "municipality: Viborg",
            "municipality: Viborg\ncontributors:\n  - name: Maria\n    rolle: Projektleder",
        ),
        [(9, "ukendt felt `contributors.1.rolle` — mente du `role`?")],
    ),
    (
        "script URL as source",
        "a.md",
        edit(
            "municipality: Viborg",
            'municipality: Viborg\nsources:\n  - {title: Kilde, url: "javascript:alert(1)"}',
        ),
        [(8, "'javascript:alert(1)' er ikke en webadresse")],
    ),
    (
        "web address without https://",
        "a.md",
        edit(
            "municipality: Viborg",
            "municipality: Viborg\nsources:\n  - title: Kilde\n    url: www.slks.dk",
        ),
        [(9, "'www.slks.dk' er ikke en webadresse — skriv hele adressen")],
    ),
    (
        "unknown country code",
        "a.md",
        edit("municipality: Viborg", "municipality: Viborg\npartner_countries: [DK, XX]"),
        [(7, "'XX' er ikke en landekode")],
    ),
    (
        "period ends before it starts",
        "a.md",
        edit(
            "municipality: Viborg", "municipality: Viborg\nperiod: {start: 2022-10, end: 2020-10}"
        ),
        [(7, "projektet slutter, før det starter")],
    ),
    (
        "month with a day",
        "a.md",
        edit("municipality: Viborg", "municipality: Viborg\nperiod: {start: 2020-10-01}"),
        [(7, "'2020-10-01' er ikke en måned — skriv den som ÅÅÅÅ-MM")],
    ),
    (
        "lower-case country code",
        "a.md",
        edit("municipality: Viborg", "municipality: Viborg\npartner_countries: [se]"),
        [(7, "skal skrives med store bogstaver — skriv SE")],
    ),
    (
        "updated before date",
        "a.md",
        edit("date: 2021-06-03", "date: 2021-06-03\nupdated: 2020-01-01"),
        [(5, "`updated` (2020-01-01) ligger før `date`")],
    ),
    # The editor's loop (issue 16): each message names the fix, at the line to fix.
    (
        "municipalities written as one text",
        "a.md",
        edit("municipality: Viborg", "municipality: Skive, Struer"),
        [(6, "skriv dem som en liste: `municipality: [Skive, Struer]`")],
    ),
    (
        "municipalities joined with og",
        "a.md",
        edit("municipality: Viborg", "municipality: Viborg og Aarhus"),
        [(6, "`municipality: [Viborg, Aarhus]`")],
    ),
    (
        "themes written as one text",
        "a.md",
        edit("municipality: Viborg", "municipality: Viborg\nthemes: Demokrati, Børn og unge"),
        [(7, "skriv `themes: [Demokrati, Børn og unge]`")],
    ),
    (
        "Word's curly quotes",
        "a.md",
        edit("title: Alpha", "title: “Kultur: nu og her”"),
        [(2, "krøllede anførselstegn (“…” fra Word) tæller ikke i YAML — brug lige anførselstegn")],
    ),
    (
        "Word's curly single quotes",
        "a.md",
        edit("title: Alpha", "title: ‘Kultur: nu’"),
        [(2, "krøllede anførselstegn")],
    ),
    (
        "no space after the colon",
        "a.md",
        edit("date: 2021-06-03", "date:2021-06-03"),
        [(4, "der mangler et mellemrum efter kolon — skriv `date: 2021-06-03`")],
    ),
    (
        "no space after the colon on the last line",
        "a.md",
        edit("municipality: Viborg", "municipality:Viborg"),
        [(6, "mangler et mellemrum efter kolon — skriv `municipality: Viborg`")],
    ),
    (
        "quotes inside quotes",
        "a.md",
        edit("title: Alpha", 'title: "Koret synger "Kom Maj" på molen"'),
        [
            (
                2,
                "anførselstegn inde i anførselstegn afslutter teksten for tidligt"
                " — brug den anden slags",
            )
        ],
    ),
    (
        "single quotes inside single quotes",
        "a.md",
        edit("title: Alpha", "title: 'Det er 'godt' her'"),
        [(2, "anførselstegn inde i anførselstegn")],
    ),
    (
        "a period as one month",
        "a.md",
        edit("municipality: Viborg", "municipality: Viborg\nperiod: 2020-10"),
        [(7, "skriv fx `period: {start: 2020-10, end: 2021-06}`")],
    ),
    (
        "a contributor as a name only",
        "a.md",
        edit("municipality: Viborg", "municipality: Viborg\ncontributors: [Anne Hansen]"),
        [(7, "skriv hver person som `- {name: Navn Navnesen, role: Projektleder}`")],
    ),
    (
        "the scaffold's text, published",
        "a.md",
        edit("organisation: Kulturprinsen", 'organisation: "Skriv organisationen"').replace(
            "Historien.", "Skriv historien her. Brug ## til mellemrubrikker."
        ),
        [
            (
                5,
                "`organisation` er stadig eksempelteksten 'Skriv organisationen'"
                " fra `midtikulturen new`",
            ),
            (8, "teksten er stadig eksemplet fra `midtikulturen new`"),
        ],
    ),
    (
        "a value starting with a star",
        "a.md",
        edit("title: Alpha", "title: *Vigtigt* nyt"),
        [(2, "en værdi, der begynder med * eller &, skal stå i anførselstegn")],
    ),
    (
        "an unclosed list",
        "a.md",
        edit("municipality: Viborg", "municipality: [Viborg, Aarhus\nthemes: [Demokrati]"),
        [(6, "en liste i [ ] eller en gruppe i { } bliver ikke lukket")],
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "expected"), [pytest.param(n, t, e, id=i) for i, n, t, e in BAD]
)
def test_bad_input_gets_every_problem_with_its_line(
    name: str, text: str, expected: list[tuple[int, str]], tmp_path: Path
) -> None:
    path = f"cases/{name}"
    result = read_case(Source(path, normalise_text(text)), VOCABULARY, tmp_path)
    assert not isinstance(result, Case), "the input was accepted"
    found = [(p.line, p.message) for p in result]
    for line, part in expected:
        assert any(at == line and part in m for at, m in found), f"{line}: {part!r} not in {found}"
    assert len(found) == len(expected), found
    for problem in result:
        assert " — " in problem.message, f"no fix proposed: {problem}"


GOOD = [
    ("byte-order mark", "\ufeff".encode() + VALID.encode()),
    ("Windows line endings", VALID.replace("\n", "\r\n").encode()),
    ("old Mac line endings", VALID.replace("\n", "\r").encode()),
    ("quoted date", edit("date: 2021-06-03", 'date: "2021-06-03"').encode()),
    (
        "Norway as a partner",
        edit("municipality: Viborg", "municipality: Viborg\npartner_countries: [NO, DK]").encode(),
    ),
    (
        "several municipalities",
        edit("municipality: Viborg", "municipality: [Viborg, Aarhus]").encode(),
    ),
    ("closing with dots", VALID.replace("---\nHistorien", "...\nHistorien").encode()),
    (
        "the scaffold's text in a draft",
        edit(
            "organisation: Kulturprinsen", 'organisation: "Skriv organisationen"\ndraft: true'
        ).encode(),
    ),
    (
        "Word's curly quotes inside a plain value",
        edit("title: Alpha", "title: Alpha “Beta”").encode(),
    ),
]


@pytest.mark.parametrize(("raw",), [pytest.param(r, id=i) for i, r in GOOD])
def test_good_input_is_read(raw: bytes, tmp_path: Path) -> None:
    result = read_case(Source("cases/a.md", normalise_text(raw)), VOCABULARY, tmp_path)
    assert isinstance(result, Case), result
    assert result.meta.title.startswith("Alpha")


def test_norway_stays_a_country_code(tmp_path: Path) -> None:
    text = edit("municipality: Viborg", "municipality: Viborg\npartner_countries: [NO]")
    case = read_case(Source("cases/a.md", text), VOCABULARY, tmp_path)
    assert isinstance(case, Case) and case.meta.partner_countries == ("NO",)
