"""A deterministic corpus of Danish cases, guides and culture houses, for the benchmarks.

`make_corpus(n, seed, today)` draws N cases (1-2 municipalities, 0-3 themes, 0-2
programmes, 0-1 regional offer, periods, partner countries, contributors, sources, a picture
on about one case in ten (its own 3000 x 2000 JPEG, generated), dates from 2015 up to
yesterday), N/50 guides (at least 5) and N/20 culture houses (at least 5) from a seeded
`random.Random`, with 300-900-word Markdown bodies (`##` headings, lists, links). Every value
comes from the project's `vocabularies.yml`, so the content passes `midtikulturen check`.

Two site folders are written from one corpus:

- `write_full_site(corpus, dest)`: a copy of the repository's `mkdocs.yml`,
  `vocabularies.yml` and `docs/` (editor pages and their listing blocks kept), with the
  generated cases in `cases/` (the repository's `cases/index.md` introduction kept, their
  pictures in `cases/images/`) and the generated guides and houses replacing the repository's
  own;
- `write_baseline_site(corpus, dest)`: the same Markdown bodies as ordinary pages for plain
  Material for MkDocs (same theme, search and Markdown settings, no project plugins, front
  matter reduced to `title`), kept out of the sidebar with an explicit `nav:` of the editor
  pages and `not_in_nav:`.

The corpus depends only on N, the seed and `today` (default: today in Danish time, the day
the build itself uses to decide what is published).

The slug rule, Danish today and the reading of mkdocs.yml are the project's own
(`midtikulturen.content.slugs`, `.content.clock`, `.project`), imported when first used, so
that `phases.py` can put a snapshot of the package first on the path before they are.

Usage, to look at a corpus:

    python3 benchmarks/corpus.py 200 /tmp/mik-corpus            # writes full/ and baseline/
    python3 benchmarks/corpus.py 200 /tmp/mik-corpus --seed 3 --today 2026-11-26
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
COLLECTION = "midtikulturen/collection"
# What a site is built from; copied by `snapshot` so that a benchmark measures one state of the
# code even while someone edits the repository.
SOURCE_NOTE = ".benchmark-source"
# The package's metadata (its plugins' entry points), where a checkout has it in plugins/ (a
# git worktree, see NOTES.md), is copied too, so the plugins found are the snapshot's own.
SNAPSHOT = (
    "mkdocs.yml",
    "vocabularies.yml",
    "docs",
    "cases/index.md",
    "plugins/midtikulturen",
    "plugins/midtikulturen.egg-info",
)
IMAGE_SHARE = 0.1  # the share of cases with a picture
PHOTO_SIZE = (3000, 2000)  # as a phone or camera photo resized by an editor
FIRST_DAY = dt.date(2015, 1, 1)


# ---------------------------------------------------------------------------------------------
# Word banks (Danish, realistic enough for Markdown, search and feeds to do real work)

TOWNS = {
    "Favrskov": ["Hinnerup", "Hadsten", "Ulstrup", "Hammel"],
    "Hedensted": ["Hedensted", "Juelsminde", "Tørring", "Løsning"],
    "Herning": ["Herning", "Sunds", "Aulum", "Kibæk"],
    "Holstebro": ["Holstebro", "Vinderup", "Ulfborg"],
    "Horsens": ["Horsens", "Brædstrup", "Gedved"],
    "Ikast-Brande": ["Ikast", "Brande", "Nørre Snede", "Bording"],
    "Lemvig": ["Lemvig", "Harboøre", "Thyborøn"],
    "Norddjurs": ["Grenaa", "Auning", "Ørsted", "Glesborg"],
    "Odder": ["Odder", "Hou", "Saksild"],
    "Randers": ["Randers", "Langå", "Spentrup", "Assentoft"],
    "Ringkøbing-Skjern": ["Ringkøbing", "Skjern", "Hvide Sande", "Tarm"],
    "Samsø": ["Tranebjerg", "Ballen", "Nordby"],
    "Silkeborg": ["Silkeborg", "Kjellerup", "Them", "Virklund"],
    "Skanderborg": ["Skanderborg", "Ry", "Galten", "Hørning"],
    "Skive": ["Skive", "Roslev", "Balling", "Jebjerg"],
    "Struer": ["Struer", "Hjerm", "Humlum"],
    "Syddjurs": ["Ebeltoft", "Rønde", "Kolind", "Hornslet"],
    "Viborg": ["Viborg", "Bjerringbro", "Karup", "Stoholm"],
    "Aarhus": ["Aarhus", "Tilst", "Lystrup", "Viby"],
}
CENTRES = {  # rough centre of each municipality, WGS84
    "Favrskov": (56.33, 10.05),
    "Hedensted": (55.77, 9.70),
    "Herning": (56.14, 8.97),
    "Holstebro": (56.36, 8.62),
    "Horsens": (55.86, 9.85),
    "Ikast-Brande": (56.06, 9.15),
    "Lemvig": (56.55, 8.31),
    "Norddjurs": (56.43, 10.70),
    "Odder": (55.97, 10.15),
    "Randers": (56.46, 10.04),
    "Ringkøbing-Skjern": (56.00, 8.40),
    "Samsø": (55.87, 10.61),
    "Silkeborg": (56.17, 9.55),
    "Skanderborg": (56.04, 9.93),
    "Skive": (56.57, 9.03),
    "Struer": (56.49, 8.59),
    "Syddjurs": (56.28, 10.50),
    "Viborg": (56.45, 9.40),
    "Aarhus": (56.16, 10.20),
}
FIRST_NAMES = [
    "Anne",
    "Mette",
    "Lars",
    "Søren",
    "Maria",
    "Jens",
    "Kirsten",
    "Peter",
    "Louise",
    "Mads",
    "Camilla",
    "Henrik",
    "Sofie",
    "Rasmus",
    "Ida",
    "Thomas",
    "Line",
    "Anders",
    "Signe",
    "Mikkel",
    "Hanne",
    "Jesper",
    "Karen",
    "Niels",
    "Julie",
    "Morten",
    "Astrid",
    "Christian",
    "Birgitte",
    "Frederik",
    "Tove",
    "Emil",
    "Lene",
    "Jakob",
    "Pernille",
]
LAST_NAMES = [
    "Nielsen",
    "Jensen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Poulsen",
    "Møller",
    "Mortensen",
    "Østergaard",
    "Lund",
    "Holm",
    "Bach",
    "Skov",
    "Kjær",
    "Dalsgaard",
    "Bæk-Nørgaard",
    "Vestergaard",
    "Friis",
    "Ebbesen",
]
ROLES = [
    "Projektleder",
    "Kulturkonsulent",
    "Leder",
    "Producent",
    "Formand",
    "Frivillig koordinator",
    "Kunstnerisk leder",
    "Biblioteksleder",
    "Musikskoleleder",
    "Fundraiser",
    "EU-koordinator",
    "Kulturchef",
    "Formidler",
    "Kurator",
]
TITLE_HEADS = [
    "Broer",
    "Stemmer",
    "Spor",
    "Rødder",
    "Lys",
    "Rum",
    "Fællesskaber",
    "Scener",
    "Fortællinger",
    "Lyde",
    "Billeder",
    "Veje",
    "Værksteder",
    "Møder",
    "Horisonter",
    "Netværk",
    "Byrum",
    "Landskaber",
    "Drømme",
    "Kræfter",
    "Bølger",
    "Tråde",
    "Rejser",
    "Stier",
]
TITLE_LINKS = ["over", "fra", "i", "mellem", "på tværs af", "langs", "for"]
TITLE_TAILS = [
    "Nordsøen",
    "landet",
    "fjorden",
    "heden",
    "Europa",
    "kysten",
    "byen",
    "grænserne",
    "generationerne",
    "Limfjorden",
    "Gudenåen",
    "Djursland",
    "Vestjylland",
    "regionen",
    "hverdagen",
    "skoven",
    "havnen",
    "stationen",
    "markedspladsen",
    "søerne",
    "bakkerne",
    "landsbyerne",
]
PROJECT_WORDS = [
    "Culture Up",
    "Global Roots",
    "Art Equal",
    "Open Stage",
    "Young Voices",
    "Rural Lab",
    "Sound Bridges",
    "Shared Spaces",
    "North Lights",
    "Living Heritage",
]
ORG_PATTERNS = [
    "Kulturhuset i {town}",
    "{town} Bibliotek",
    "Musikskolen i {town}",
    "{town} Teater",
    "Foreningen {project}",
    "{town} Kunstforening",
    "Billedskolen i {town}",
    "{municipality} Kommune",
    "Ungdomsskolen i {town}",
    "Kulturskolen {municipality}",
    "Museum {town}",
    "Spillestedet {tail}",
    "Forsamlingshuset i {town}",
    "Dansescenen {town}",
]
COUNTRIES = {
    "SE": "Sverige",
    "NO": "Norge",
    "FI": "Finland",
    "IS": "Island",
    "DE": "Tyskland",
    "NL": "Nederlandene",
    "BE": "Belgien",
    "FR": "Frankrig",
    "ES": "Spanien",
    "IT": "Italien",
    "PL": "Polen",
    "LT": "Litauen",
    "LV": "Letland",
    "EE": "Estland",
    "HU": "Ungarn",
    "CZ": "Tjekkiet",
    "AT": "Østrig",
    "IE": "Irland",
    "PT": "Portugal",
    "GR": "Grækenland",
    "SI": "Slovenien",
    "HR": "Kroatien",
    "RO": "Rumænien",
}
SITES = [
    ("Europæisk Kulturregion", "https://www.kulturregion.dk/"),
    ("Slots- og Kulturstyrelsen", "https://slks.dk/"),
    ("Central Denmark EU Office", "https://centraldenmark.eu/"),
    ("Europa-Kommissionen", "https://culture.ec.europa.eu/"),
    ("Nordisk Kulturfond", "https://www.nordiskkulturfond.org/"),
    ("Region Midtjylland", "https://www.rm.dk/"),
    ("Kulturministeriet", "https://kum.dk/"),
    ("Creative Europe Desk Danmark", "https://www.creativeeuropedesk.dk/"),
    ("Erasmus+ i Danmark", "https://ufm.dk/uddannelse/internationalt/erasmus"),
    ("Interreg Øresund-Kattegat-Skagerrak", "https://interreg-oks.eu/"),
]
ACTIVITIES_TEXT = [
    "workshops for børn og unge",
    "en fælles udstilling",
    "koncerter i små byer",
    "et residensophold for kunstnere",
    "åbne værkstedsdage",
    "en podcastserie om lokalhistorie",
    "fællesspisning med kultur på menuen",
    "studieture til partnerne",
    "et digitalt arkiv med fortællinger",
    "en festival på havnen",
    "forestillinger for skoleklasser",
    "kurser i fundraising",
    "et netværk for frivillige",
    "en vandreudstilling i biblioteker",
    "borgermøder om byens kulturliv",
    "sommerskoler for unge talenter",
    "et fælles repertoire af sange",
    "dialogmøder med lokale foreninger",
]
RESULTS_TEXT = [
    "flere unge deltog i kulturlivet",
    "partnerne fortsatte samarbejdet efter projektet",
    "kommunen skrev erfaringerne ind i sin kulturpolitik",
    "de frivillige fik nye kompetencer",
    "projektet fik omtale i lokalpressen",
    "en ny ansøgning blev sendt til et europæisk program",
    "metoden blev brugt af to nabokommuner",
    "publikum kom fra hele regionen",
    "bibliotekerne fik nye formidlingsformer",
    "skolerne bestilte forløbet igen",
    "kunstnerne fik nye kontakter i udlandet",
    "foreningen fik flere medlemmer",
]
ADVICE_TEXT = [
    "Start i god tid, og brug de regionale rådgivere, før I skriver ansøgningen.",
    "Aftal roller og budget med partnerne, inden projektet går i gang.",
    "Sæt tid af til evaluering undervejs, ikke kun til sidst.",
    "Inddrag de frivillige fra begyndelsen, så ejerskabet bliver fælles.",
    "Tænk formidlingen ind i budgettet, så resultaterne bliver set.",
    "Brug en lille pulje til at afprøve idéen, før I søger de store midler.",
    "Hold partnermøderne korte og hyppige, og skriv beslutningerne ned.",
    "Vælg få, tydelige mål, som alle partnere kan forklare med egne ord.",
]

SECTIONS = {
    "background": ["Baggrund", "Sådan begyndte det", "Idéen bag projektet", "Udgangspunktet"],
    "partners": [
        "Partnere",
        "Samarbejdet på tværs af grænser",
        "De europæiske partnere",
        "Netværket",
    ],
    "funding": ["Finansiering", "Sådan blev projektet finansieret", "Økonomien", "Støtten"],
    "activities": ["Aktiviteter", "Det skete i projektet", "Programmet", "Forløbet"],
    "results": ["Resultater", "Det kom der ud af det", "Effekten lokalt", "Erfaringer"],
    "advice": ["Gode råd", "Det vil vi gøre igen", "Råd til andre", "Læring"],
    "next": ["Næste skridt", "Fremtiden", "Hvad nu?", "Videre arbejde"],
}


# ---------------------------------------------------------------------------------------------
# The corpus


@dataclass(frozen=True)
class Item:
    """One generated content file: where it goes, its front matter and its body."""

    kind: str  # "case", "guide" or "house"
    slug: str
    title: str
    front_matter: str  # YAML, without the `---` lines
    body: str  # Markdown
    image: str | None = None  # a case's picture, in `cases/images/`

    def text(self) -> str:
        """The file as an editor writes it."""
        return f"---\n{self.front_matter}---\n\n{self.body}"

    def plain_text(self) -> str:
        """The same body for plain MkDocs: front matter reduced to the title."""
        return f"---\ntitle: {_q(self.title)}\n---\n\n{self.body}"


@dataclass
class Corpus:
    """N cases with guides and houses in proportion, drawn from one seed."""

    n: int
    seed: int
    today: dt.date
    cases: list[Item] = field(default_factory=list)
    guides: list[Item] = field(default_factory=list)
    houses: list[Item] = field(default_factory=list)

    @property
    def words(self) -> int:
        """Words in the case bodies, for the report."""
        return sum(len(c.body.split()) for c in self.cases)


def load_vocabularies(path: Path = REPO / "vocabularies.yml") -> dict[str, list[str]]:
    """The allowed values of each vocabulary, by key."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        key: [v["name"] if isinstance(v, dict) else str(v) for v in values]
        for key, values in raw.items()
    }


def danish_today() -> dt.date:
    """Today in Denmark, as the build decides what is published."""
    from midtikulturen.content.clock import today

    return today()


def make_corpus(
    n: int,
    seed: int = 8,
    today: dt.date | None = None,
    vocabulary_file: Path = REPO / "vocabularies.yml",
) -> Corpus:
    """N cases, max(5, N // 50) guides and max(5, N // 20) houses, all published by today."""
    today = today or danish_today()
    vocab = load_vocabularies(vocabulary_file)
    rng = random.Random(seed)
    corpus = Corpus(n, seed, today)
    slugs: set[str] = set()
    guide_count, house_count = max(5, n // 50), max(5, n // 20)
    corpus.guides = [_guide(rng, vocab, today, slugs, i) for i in range(guide_count)]
    corpus.houses = [_house(rng, vocab, today, slugs) for _ in range(house_count)]
    case_slugs: list[str] = []
    for _ in range(n):
        corpus.cases.append(
            _case(rng, vocab, today, slugs, case_slugs, [g.slug for g in corpus.guides])
        )
        case_slugs.append(corpus.cases[-1].slug)
    return corpus


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _flow(values: Iterable[str]) -> str:
    return "[" + ", ".join(_q(v) for v in values) + "]"


def _slugify(text: str) -> str:
    """The project's slug rule: `Kulturmødet Mors` → `kulturmoedet-mors`."""
    from midtikulturen.content.slugs import slugify  # imported late: see the module's docstring

    return slugify(text)


def _unique(slug: str, taken: set[str]) -> str:
    candidate, k = slug, 2
    while candidate in taken:
        candidate, k = f"{slug}-{k}", k + 1
    taken.add(candidate)
    return candidate


def _day_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _case(
    rng: random.Random,
    vocab: dict[str, list[str]],
    today: dt.date,
    slugs: set[str],
    earlier: list[str],
    guides: list[str],
) -> Item:
    municipalities = rng.sample(vocab["municipalities"], rng.choice([1, 1, 1, 2]))
    local = [m for m in municipalities if m in TOWNS] or ["Aarhus"]
    home = local[0]
    town = rng.choice(TOWNS[home])
    project = rng.choice(PROJECT_WORDS)
    title = f"{rng.choice(TITLE_HEADS)} {rng.choice(TITLE_LINKS)} {rng.choice(TITLE_TAILS)}"
    if rng.random() < 0.5:
        title = f"{title} i {town}" if rng.random() < 0.5 else f"{project}: {title.lower()}"
    slug = _unique(_slugify(title), slugs)
    organisation = rng.choice(ORG_PATTERNS).format(
        town=town, municipality=home, project=project, tail=rng.choice(TITLE_TAILS).capitalize()
    )
    themes = rng.sample(vocab["themes"], rng.choice([0, 1, 2, 2, 3]))
    programmes = rng.sample(vocab["programmes"], rng.choice([0, 1, 1, 2]))
    support = rng.sample(vocab["support"], rng.choice([0, 0, 1]))
    published = _day_between(rng, FIRST_DAY, today - dt.timedelta(days=1))
    countries = rng.sample(sorted(COUNTRIES), rng.randint(0, 5)) if programmes else []
    start_year = max(2012, published.year - rng.randint(0, 3))
    start = (start_year, rng.randint(1, 12))
    months = rng.randint(6, 36)
    end_total = start[0] * 12 + start[1] - 1 + months
    end = (end_total // 12, end_total % 12 + 1)
    has_image = rng.random() < IMAGE_SHARE
    lines = [
        f"title: {_q(title)}",
        f"description: {_q(_teaser(rng, organisation, town, programmes, themes))}",
        f"date: {published.isoformat()}",
    ]
    if rng.random() < 0.25 and published < today - dt.timedelta(days=2):
        updated = _day_between(rng, published + dt.timedelta(days=1), today - dt.timedelta(days=1))
        lines.append(f"updated: {updated.isoformat()}")
    lines.append(f"organisation: {_q(organisation)}")
    if len(municipalities) == 1 and rng.random() < 0.7:
        lines.append(f"municipality: {_q(municipalities[0])}")
    else:
        lines.append(f"municipality: {_flow(municipalities)}")
    if themes:
        lines.append(f"themes: {_flow(themes)}")
    if programmes:
        lines.append(f"programmes: {_flow(programmes)}")
    if support:
        lines.append(f"support: {_flow(support)}")
    if rng.random() < 0.7:
        period = f"start: {start[0]:04d}-{start[1]:02d}"
        if rng.random() < 0.8:
            period += f", end: {end[0]:04d}-{end[1]:02d}"
        lines.append(f"period: {{{period}}}")
    if countries:
        lines.append(f"partner_countries: [DK, {', '.join(countries)}]")
    contributors = [
        (_person(rng), f"{rng.choice(ROLES)}, {organisation}") for _ in range(rng.randint(0, 3))
    ]
    if contributors:
        lines.append("contributors:")
        lines += [f"  - {{name: {_q(name)}, role: {_q(role)}}}" for name, role in contributors]
    if has_image:
        lines.append(f"image: images/{slug}.jpg")
        lines.append(f"image_alt: {_q(f'Deltagere i {title} samlet i {town}')}")
    sources = [
        (f"{name}: {title}", f"{url}projekter/{slug}/")
        for name, url in rng.sample(SITES, rng.randint(0, 3))
    ]
    if sources:
        lines.append("sources:")
        lines += [f"  - {{title: {_q(t)}, url: {_q(u)}}}" for t, u in sources]
        if rng.random() < 0.3:
            lines.append(f"  - {{title: {_q(f'{organisation}: årsberetning {published.year}')}}}")
    if rng.random() < 0.2:
        lines.append("draft: false")
    body = _case_body(
        rng,
        title=title,
        organisation=organisation,
        town=town,
        municipality=home,
        programmes=programmes,
        support=support,
        themes=themes,
        countries=[COUNTRIES[c] for c in countries],
        start=start,
        end=end,
        contributors=contributors,
        earlier=earlier,
        guides=guides,
        words=rng.randint(300, 900),
    )
    return Item(
        "case", slug, title, "\n".join(lines) + "\n", body, f"{slug}.jpg" if has_image else None
    )


def _teaser(
    rng: random.Random, organisation: str, town: str, programmes: list[str], themes: list[str]
) -> str:
    what = rng.choice(
        [
            "samlede kunstnere, skoler og foreninger om",
            "afprøvede nye måder at arbejde med",
            "byggede et netværk omkring",
            "skabte et fælles projekt om",
            "inviterede borgerne ind i arbejdet med",
        ]
    )
    topic = (
        themes[0].lower()
        if themes
        else rng.choice(["lokal kultur", "fællesskaber", "kunst i hverdagen"])
    )
    text = f"{organisation} i {town} {what} {topic}"
    if programmes:
        text += f" med støtte fra {' og '.join(programmes)}"
    text += ". " + rng.choice(
        [
            "Her er erfaringerne og de gode råd.",
            "Casen fortæller, hvordan projektet blev til, og hvad det førte til.",
            "Læs om partnerne, økonomien og resultaterne.",
        ]
    )
    return text[:300]


def _link(rng: random.Random, label: str | None = None) -> str:
    name, url = rng.choice(SITES)
    return f"[{label or name}]({url})"


def _case_body(
    rng: random.Random,
    *,
    title: str,
    organisation: str,
    town: str,
    municipality: str,
    programmes: list[str],
    support: list[str],
    themes: list[str],
    countries: list[str],
    start: tuple[int, int],
    end: tuple[int, int],
    contributors: list[tuple[str, str]],
    earlier: list[str],
    guides: list[str],
    words: int,
) -> str:
    programme = programmes[0] if programmes else "kommunens kulturpulje"
    partners = (
        ", ".join(countries[:-1]) + f" og {countries[-1]}"
        if len(countries) > 1
        else (countries[0] if countries else "nabokommunerne")
    )
    person = contributors[0][0] if contributors else _person(rng)
    theme = themes[0].lower() if themes else "kultur i hverdagen"
    fill = dict(
        org=organisation,
        town=town,
        municipality=municipality,
        programme=programme,
        partners=partners,
        person=person,
        theme=theme,
        title=title,
        start=start[0],
        end=end[0],
        n=rng.randint(12, 480),
        amount=f"{rng.randint(5, 95) * 10_000:,}".replace(",", "."),
    )
    sentences = {
        "background": [
            "{org} havde i flere år arbejdet med {theme} i {town}, men manglede et sted at samle "
            "erfaringerne.",
            "Idéen opstod ved et møde i {start}, hvor lokale kunstnere og foreninger talte om, "
            "hvad byen savnede.",
            "I {municipality} Kommune var der et ønske om at styrke kulturlivet uden for de "
            "største byer.",
            "{person} så en mulighed for at koble det lokale arbejde med partnere i {partners}.",
            "Projektet byggede videre på et mindre forsøg, som {org} gennemførte året før.",
            "Målet var at give flere borgere lyst til at deltage, ikke kun til at se på.",
            "Mange af deltagerne havde aldrig før været med i et europæisk samarbejde.",
        ],
        "partners": [
            "Partnerne kom fra {partners}, og de mødtes første gang online.",
            "Hver partner havde sit eget fagområde, og netop forskellene gjorde samarbejdet "
            "stærkt.",
            "{person} var tovholder og holdt styr på møder, budget og rapportering.",
            "Sproget var engelsk, men de lokale aktiviteter foregik på dansk.",
            "Et fælles partnermøde i {town} gav partnerne et indtryk af, hvordan kulturlivet "
            "fungerer i en midtjysk by.",
            "Samarbejdet med de lokale skoler og foreninger var mindst lige så vigtigt som de "
            "europæiske kontakter.",
        ],
        "funding": [
            "Projektet fik støtte fra {programme}, og budgettet var på omkring {amount} kroner.",
            "Ansøgningen blev skrevet over tre måneder med hjælp fra regionale rådgivere.",
            "En del af udgifterne blev dækket af frivillige timer og lokaler, som kommunen "
            "stillede til rådighed.",
            "Det krævede en del arbejde at forstå reglerne for medfinansiering.",
            "Den første ansøgning fik afslag, men den anden blev bevilget efter en grundig "
            "omskrivning.",
            "Tilskuddet blev udbetalt i rater, så {org} måtte lægge ud for en del af udgifterne.",
        ],
        "activities": [
            "I alt deltog {n} personer i projektets aktiviteter.",
            "Aktiviteterne foregik både i {town} og hos partnerne.",
            "De fleste arrangementer var gratis og åbne for alle.",
            "Undervejs blev programmet justeret efter deltagernes ønsker.",
            "Flere af aktiviteterne blev filmet og delt på projektets hjemmeside.",
            "Projektet løb fra {start} til {end}.",
        ],
        "results": [
            "Evalueringen viste, at deltagerne især satte pris på at møde nye mennesker.",
            "{org} har efterfølgende fået henvendelser fra andre kommuner, der vil lære af "
            "projektet.",
            "Ikke alt lykkedes: det var svært at nå de ældste borgere.",
            "Projektet gav {town} en ny fortælling om sig selv som kulturby.",
            "Resultaterne blev præsenteret for kulturudvalget i {municipality} Kommune.",
            "Flere af de frivillige er fortsat med at arrangere aktiviteter på egen hånd.",
        ],
        "advice": [
            "{person} peger på, at det vigtigste er at finde de rigtige partnere.",
            "Det betaler sig at bruge tid på en god projektbeskrivelse.",
            "Små projekter kan være en god vej ind i europæisk samarbejde.",
            "Husk, at rapporteringen tager tid, og sæt timer af til den fra starten.",
        ],
        "next": [
            "{org} arbejder nu på en ny ansøgning sammen med to af partnerne.",
            "Erfaringerne skal bruges i kommunens næste kulturstrategi.",
            "Partnerne mødes igen næste år for at planlægge en opfølgning.",
            "Projektets materialer er frit tilgængelige for andre, der vil gøre noget lignende.",
        ],
    }
    order = ["background", "partners", "funding", "activities", "results", "advice", "next"]
    parts: list[str] = []
    intro = (
        f"{organisation} i {town} står bag {title}, et projekt om {theme}. "
        f"Casen fortæller, hvordan projektet blev til, hvem der var med, og hvad andre kan "
        f"lære af det."
    )
    parts.append(intro)
    count = len(intro.split())
    round_ = 0
    while count < words:
        for kind in order:
            if count >= words:
                break
            heading = SECTIONS[kind][round_ % len(SECTIONS[kind])]
            if round_:
                heading = f"{heading} ({round_ + 1})"
            section = [f"## {heading}"]
            paragraph = " ".join(
                s.format(**fill)
                for s in rng.sample(sentences[kind], rng.randint(2, min(4, len(sentences[kind]))))
            )
            if rng.random() < 0.4:
                paragraph += " Læs mere hos " + _link(rng) + "."
            section.append(paragraph)
            if kind == "activities":
                section.append(
                    "\n".join(
                        f"- {a[0].upper()}{a[1:]}"
                        for a in rng.sample(ACTIVITIES_TEXT, rng.randint(3, 5))
                    )
                )
            elif kind == "results":
                section.append(
                    "Blandt resultaterne:\n\n"
                    + "\n".join(
                        f"- {r[0].upper()}{r[1:]}"
                        for r in rng.sample(RESULTS_TEXT, rng.randint(2, 4))
                    )
                )
            elif kind == "advice":
                section.append(
                    "\n".join(
                        f"{i}. {a}"
                        for i, a in enumerate(rng.sample(ADVICE_TEXT, rng.randint(2, 4)), start=1)
                    )
                )
            elif kind == "funding" and guides and rng.random() < 0.5:
                section.append(
                    f"Se også guiden [{programme}](../guides/{rng.choice(guides)}.md) "
                    "om, hvordan man søger."
                )
            elif kind == "next" and earlier and rng.random() < 0.5:
                other = rng.choice(earlier)
                section.append(
                    f"Et beslægtet projekt er beskrevet i casen "
                    f"[{other.replace('-', ' ')}]({other}.md)."
                )
            text = "\n\n".join(section)
            parts.append(text)
            count += len(text.split())
        round_ += 1
    return "\n\n".join(parts) + "\n"


def _guide(
    rng: random.Random, vocab: dict[str, list[str]], today: dt.date, slugs: set[str], index: int
) -> Item:
    on_support = index % 4 == 3
    name = rng.choice(vocab["support"] if on_support else vocab["programmes"])
    kind = rng.choice(
        [
            "sådan søger I",
            "små samarbejdsprojekter",
            "mobilitet for kunstnere",
            "netværk og partnerskaber",
            "støtte til unge",
            "ofte stillede spørgsmål",
        ]
    )
    title = f"{name}: {kind}"
    slug = _unique(_slugify(title), slugs)
    updated = _day_between(rng, today - dt.timedelta(days=500), today - dt.timedelta(days=1))
    lines = [
        f"title: {_q(title)}",
        "description: "
        + _q(f"Hvem kan søge {name}, hvor meget kan man søge, og hvem hjælper i Danmark?"),
        f"updated: {updated.isoformat()}",
        f"{'support' if on_support else 'programme'}: {_q(name)}",
    ]
    if rng.random() < 0.8:
        currency = rng.choice(["EUR", "DKK"])
        lines += [
            "funding:",
            f"  max_amount: {rng.randint(2, 200) * 10_000}",
            f"  currency: {currency}",
        ]
        if rng.random() < 0.7:
            lines.append(f"  rate: {rng.choice([50, 60, 70, 80, 100])}")
    deadlines = sorted(
        _day_between(rng, today - dt.timedelta(days=400), today + dt.timedelta(days=400))
        for _ in range(rng.randint(0, 4))
    )
    if deadlines:
        lines.append("deadlines:")
        lines += [
            f"  - {{date: {d.isoformat()}, label: {_q(f'Ansøgningsfrist {d.year}, runde {i}')}}}"
            for i, d in enumerate(deadlines, start=1)
        ]
    themes = rng.sample(vocab["themes"], rng.randint(0, 3))
    if themes:
        lines.append(f"themes: {_flow(themes)}")
    lines.append("sources:")
    lines += [
        f"  - {{title: {_q(f'{site}: {name}')}, url: {_q(url)}}}"
        for site, url in rng.sample(SITES, rng.randint(1, 3))
    ]
    lines.append("draft: false")
    paragraphs = [
        f"{name} støtter kulturaktører, der vil samarbejde på tværs af grænser. "
        "Denne guide samler det vigtigste om, hvem der kan søge, og hvor man får hjælp."
    ]
    words = rng.randint(300, 700)
    blocks = [
        (
            "Hvem kan søge?",
            "Foreninger, institutioner og kommuner kan søge, når de har partnere i "
            "mindst to andre lande. Enkeltpersoner kan som regel ikke søge alene.",
        ),
        (
            "Hvor meget kan man søge?",
            "Beløbet afhænger af projektets størrelse. Programmet dækker "
            "en del af udgifterne, og resten skal komme fra egne midler eller andre kilder.",
        ),
        (
            "Sådan søger I",
            "Ansøgningen skrives på engelsk i programmets ansøgningsportal. Brug god "
            "tid på budgettet og på at beskrive, hvad hver partner bidrager med.",
        ),
        (
            "Hvem hjælper?",
            "Regionale rådgivere læser gerne et udkast igennem. "
            + _link(rng, "Kontakt rådgivningen")
            + " i god tid før fristen.",
        ),
        (
            "Typiske fejl",
            "Mange ansøgninger får afslag, fordi målgruppen er uklar, eller fordi "
            "budgettet ikke hænger sammen med aktiviteterne.",
        ),
    ]
    count = len(paragraphs[0].split())
    round_ = 0
    while count < words:
        for heading, text in blocks:
            if count >= words:
                break
            extra = " ".join(rng.sample(ADVICE_TEXT, 2))
            bullets = "\n".join(f"- {a[0].upper()}{a[1:]}" for a in rng.sample(ACTIVITIES_TEXT, 3))
            block = (
                f"## {heading}{f' ({round_ + 1})' if round_ else ''}\n\n{text} {extra}\n\n"
                f"Eksempler på aktiviteter, der kan få støtte:\n\n{bullets}"
            )
            paragraphs.append(block)
            count += len(block.split())
        round_ += 1
    return Item("guide", slug, title, "\n".join(lines) + "\n", "\n\n".join(paragraphs) + "\n")


def _maybe(key: str, rng: random.Random, values: list[str]) -> str:
    """`key: value`, or `key:` left empty ("ikke oplyst") for one house in five."""
    return f"{key}: {_q(rng.choice(values))}" if rng.random() < 0.8 else f"{key}:"


def _house(
    rng: random.Random, vocab: dict[str, list[str]], today: dt.date, slugs: set[str]
) -> Item:
    municipality = rng.choice(sorted(TOWNS))
    town = rng.choice(TOWNS[municipality])
    name = rng.choice(
        [
            f"Kulturhuset {town}",
            f"{town} Medborgerhus",
            f"Forsamlingshuset i {town}",
            f"Aktivitetshuset {rng.choice(TITLE_TAILS).capitalize()}",
            f"Huset på {rng.choice(['Torvet', 'Havnen', 'Banegården', 'Bakken'])}, {town}",
        ]
    )
    slug = _unique(_slugify(name), slugs)
    name = name if slug == _slugify(name) else f"{name} ({slug.rsplit('-', 1)[-1]})"
    lat, lon = CENTRES[municipality]
    lines = [
        f"title: {_q(name)}",
        f"description: {_q(f'{name} er et samlingssted for kultur og fællesskab i {town}.')}",
        f"municipality: {_q(municipality)}",
        f"town: {_q(town)}",
        _maybe("house_type", rng, vocab["house_types"]),
        _maybe("ownership", rng, vocab["ownership"]),
    ]
    if rng.random() < 0.7:
        lines.append(f"opened: {rng.randint(1890, today.year)}")
    if rng.random() < 0.6:
        lines.append(f"staff_fte: {rng.randint(0, 40) / 4}")
    if rng.random() < 0.7:
        lines.append(f"volunteers: {rng.randint(0, 300)}")
    if rng.random() < 0.6:
        lines.append(f"visitors_per_year: {rng.randint(10, 800) * 100}")
    lines.append(f"facilities: {_flow(rng.sample(vocab['facilities'], rng.randint(0, 5)))}")
    lines.append(f"activities: {_flow(rng.sample(vocab['activities'], rng.randint(0, 5)))}")
    if rng.random() < 0.7:
        lines.append(
            f"location: {{lat: {lat + rng.uniform(-0.1, 0.1):.4f}, "
            f"lon: {lon + rng.uniform(-0.1, 0.1):.4f}}}"
        )
    lines.append("sources:")
    lines.append(
        f"  - {{title: {_q('Europæisk Kulturregion: Kulturhuse i Region Midtjylland')}, "
        f"url: {_q('https://www.kulturregion.dk/indsatser/analyser/')}}}"
    )
    body = [
        f"{name} ligger i {town} i {municipality} Kommune.",
        f"## Huset og brugerne\n\n{name} bruges af foreninger, skoler og borgere. "
        + " ".join(rng.sample(RESULTS_TEXT, 3)).capitalize()
        + ".",
        "## Aktiviteter\n\n"
        + "\n".join(f"- {a[0].upper()}{a[1:]}" for a in rng.sample(ACTIVITIES_TEXT, 4)),
        "## Organisering\n\n"
        + " ".join(rng.sample(ADVICE_TEXT, 3))
        + " Se "
        + _link(rng, "kortlægningen")
        + ".",
    ]
    return Item("house", slug, name, "\n".join(lines) + "\n", "\n\n".join(body) + "\n")


# ---------------------------------------------------------------------------------------------
# Writing the sites


@lru_cache(maxsize=1)
def _canvas() -> Any:
    """A picture larger than PHOTO_SIZE that every case's photo is cut from: soft coloured
    shapes on a gradient with grain, so it compresses like a photograph (drawn, not taken)."""
    from PIL import Image, ImageDraw, ImageFilter

    width, height = PHOTO_SIZE[0] + 600, PHOTO_SIZE[1] + 400
    rng = random.Random(18)
    gradient = Image.linear_gradient("L").resize((width, height))
    canvas = Image.merge(
        "RGB",
        (
            gradient,
            gradient.transpose(Image.Transpose.ROTATE_90).resize((width, height)),
            Image.new("L", (width, height), 120),
        ),
    )
    draw = ImageDraw.Draw(canvas)
    for _ in range(120):
        x, y, r = rng.randrange(width), rng.randrange(height), rng.randrange(40, 500)
        draw.ellipse(
            (x - r, y - r, x + r, y + r),
            fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)),
        )
    canvas = canvas.filter(ImageFilter.GaussianBlur(8))
    grain = Image.effect_noise((width, height), 40).convert("RGB")
    return Image.blend(canvas, grain, 0.15)


def photo(index: int) -> bytes:
    """The index-th case photo: a JPEG of PHOTO_SIZE cut from the canvas where no other is."""
    x, y = (index * 37) % 600, (index * 23 + index // 600) % 400
    out = io.BytesIO()
    _canvas().crop((x, y, x + PHOTO_SIZE[0], y + PHOTO_SIZE[1])).save(out, "JPEG", quality=88)
    return out.getvalue()


def write_photos(folder: Path, cases: list[Item]) -> None:
    """Each case's picture into folder (`cases/images/`), a different photo for each.

    They are drawn in a process of their own: on Linux a child process's peak memory
    (`ru_maxrss`) starts at its parent's, so a benchmark holding the canvas would report it
    as the peak of every build it starts.
    """
    folder.mkdir(parents=True, exist_ok=True)
    names = [item.image for item in cases if item.image]
    if names:
        subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), PHOTOS_COMMAND, str(folder), *names],
            check=True,
        )


def _draw_photos(folder: Path, names: list[str]) -> None:
    for index, name in enumerate(names):
        (folder / name).write_bytes(photo(index))


def repository_layout(repo: Path = REPO) -> tuple[str, str, str, str]:
    """cases_dir, docs_dir, guides_dir (in docs) and houses_dir (in docs) of the repository."""
    from midtikulturen.project import read_project

    layout = read_project(repo / "mkdocs.yml").layout
    return layout.cases_dir, layout.docs_dir or "docs", layout.guides_dir, layout.houses_dir


def snapshot(dest: Path, repo: Path = REPO) -> Path:
    """A copy of what the site is built from, our package included; returns its root.

    Put `<root>/plugins` first on PYTHONPATH (or sys.path) to build with the copied package.
    """
    if dest.exists():
        shutil.rmtree(dest)
    for name in SNAPSHOT:
        source, target = repo / name, dest / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    (dest / SOURCE_NOTE).write_text(code_state(repo) + "\n", encoding="utf-8")
    return dest


def ram_folder(prefix: str) -> Path | None:
    """A new folder in /dev/shm for built sites, or None where there is no room for them.

    On an ext4 file system without a journal (this machine's), a build that replaces the
    thousands of files the last one deleted pays seconds of system time for them (the kernel's
    `recently_deleted`); editors' journaled disks and CI's fresh folder do not.
    """
    shm = Path("/dev/shm")
    try:
        if shutil.disk_usage(shm).free < 2_000_000_000:
            return None
        return Path(tempfile.mkdtemp(prefix=prefix, dir=shm))
    except OSError:
        return None


def add_repo_option(parser: argparse.ArgumentParser) -> None:
    """The scripts' `--repo`: which checkout's code and site to measure."""
    parser.add_argument(
        "--repo",
        type=Path,
        default=REPO,
        help="the checkout to measure "
        "(default: this repository; e.g. a `git worktree` of another commit)",
    )


def code_state(repo: Path = REPO) -> str:
    """The commit and the uncommitted changes that a measurement was made on.

    A snapshot (or an export such as `git archive`) names its source in `.benchmark-source`.
    """
    if (repo / SOURCE_NOTE).is_file():
        return (repo / SOURCE_NOTE).read_text(encoding="utf-8").strip()

    def git(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return "?"

    changed = git(
        "status", "--porcelain", "--", "mkdocs.yml", "vocabularies.yml", "docs", "plugins"
    ).splitlines()
    return f"commit {git('rev-parse', '--short', 'HEAD')}" + (
        f" + {len(changed)} uncommitted change(s) in mkdocs.yml/docs/plugins" if changed else ""
    )


def write_full_site(corpus: Corpus, dest: Path, repo: Path = REPO) -> Path:
    """A copy of the repository's site with the corpus as its content; returns mkdocs.yml."""
    cases_dir, docs_dir, guides_dir, houses_dir = repository_layout(repo)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy2(repo / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copy2(repo / "vocabularies.yml", dest / "vocabularies.yml")
    shutil.copytree(repo / docs_dir, dest / docs_dir)
    for folder, items in (
        (dest / docs_dir / guides_dir, corpus.guides),
        (dest / docs_dir / houses_dir, corpus.houses),
    ):
        for old in folder.glob("*.md"):
            if old.name != "index.md":
                old.unlink()
        for item in items:
            (folder / f"{item.slug}.md").write_text(item.text(), encoding="utf-8")
    cases = dest / cases_dir
    write_photos(cases / "images", corpus.cases)
    if (repo / cases_dir / "index.md").is_file():
        shutil.copy2(repo / cases_dir / "index.md", cases / "index.md")
    for item in corpus.cases:
        (cases / f"{item.slug}.md").write_text(item.text(), encoding="utf-8")
    return dest / "mkdocs.yml"


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, keeping `!!python/name:` and other tags as tagged values."""


@dataclass(frozen=True)
class _Tagged:
    tag: str
    value: Any


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return _Tagged(suffix, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("", _tagged)


class _Dumper(yaml.SafeDumper):
    """Writes tagged values back with their tag."""


_Dumper.add_representer(_Tagged, lambda dumper, t: dumper.represent_scalar(t.tag, t.value))
_Dumper.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar(
        "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None
    ),
)


def baseline_config(repo: Path, existing: set[str]) -> dict[str, Any]:
    """The repository's mkdocs.yml for plain Material: no project plugins or project code."""
    config = yaml.load((repo / "mkdocs.yml").read_text(encoding="utf-8"), _TolerantLoader)
    config["plugins"] = [
        p
        for p in config.get("plugins", [])
        if not (p if isinstance(p, str) else next(iter(p))).startswith("midtikulturen")
    ]
    extensions = []
    for ext in config.get("markdown_extensions", []):
        if isinstance(ext, dict):
            ((name, options),) = ext.items()
            options = {
                k: v
                for k, v in (options or {}).items()
                if not (isinstance(v, _Tagged) and "midtikulturen" in v.tag + str(v.value))
            }
            ext = {name: options} if options else name
        extensions.append(ext)
    config["markdown_extensions"] = extensions
    config["nav"] = _prune_nav(config.get("nav", []), existing)
    kept = [line for line in str(config.get("not_in_nav") or "").splitlines() if line.strip()]
    config["not_in_nav"] = "\n".join([*kept, "/cases/", "/guides/", "/kulturhuse/huse/"]) + "\n"
    # Editor pages may link to pages only our plugins generate (/kommuner/, ...): in plain
    # Material those links cannot resolve, so the baseline does not fail on them. MkDocs does
    # the same link checking either way; the full build stays strict.
    config["strict"] = False
    return config


def _prune_nav(nav: list[Any], existing: set[str]) -> list[Any]:
    """nav without the entries whose page does not exist (pages our plugins generate)."""
    pruned: list[Any] = []
    for entry in nav:
        if isinstance(entry, dict):
            ((title, value),) = entry.items()
            if isinstance(value, list):
                inner = _prune_nav(value, existing)
                if inner:
                    pruned.append({title: inner})
            elif value in existing:
                pruned.append(entry)
        elif entry in existing:
            pruned.append(entry)
    return pruned


def write_baseline_site(corpus: Corpus, dest: Path, repo: Path = REPO) -> Path:
    """The corpus' bodies as ordinary pages for plain Material; returns its mkdocs.yml."""
    cases_dir, docs_dir, guides_dir, houses_dir = repository_layout(repo)
    if dest.exists():
        shutil.rmtree(dest)
    docs = dest / "docs"
    shutil.copytree(repo / docs_dir, docs)
    for folder, items in ((docs / guides_dir, corpus.guides), (docs / houses_dir, corpus.houses)):
        for old in folder.glob("*.md"):
            if old.name != "index.md":
                old.unlink()
        for item in items:
            (folder / f"{item.slug}.md").write_text(item.plain_text(), encoding="utf-8")
    cases = docs / "cases"
    write_photos(cases / "images", corpus.cases)  # published as they are, as Material does
    if (repo / cases_dir / "index.md").is_file():
        shutil.copy2(repo / cases_dir / "index.md", cases / "index.md")
    for item in corpus.cases:
        (cases / f"{item.slug}.md").write_text(item.plain_text(), encoding="utf-8")
    existing = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    config = baseline_config(repo, existing)
    (dest / "mkdocs.yml").write_text(
        "# Baseline for benchmarks/run.py: plain Material, no project plugins.\n"
        + yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return dest / "mkdocs.yml"


PHOTOS_COMMAND = "--draw-photos"


def main(argv: list[str] | None = None) -> int:
    """Write a corpus into DEST/full and DEST/baseline."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == [PHOTOS_COMMAND]:  # write_photos' own process
        _draw_photos(Path(argv[1]), argv[2:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of cases")
    parser.add_argument("dest", type=Path, help="folder for full/ and baseline/")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="the day the corpus is published by (default: today in Denmark)",
    )
    args = parser.parse_args(argv)
    corpus = make_corpus(args.n, args.seed, args.today)
    full = write_full_site(corpus, args.dest / "full")
    baseline = write_baseline_site(corpus, args.dest / "baseline")
    print(
        f"{len(corpus.cases)} cases ({corpus.words} words), {len(corpus.guides)} guides, "
        f"{len(corpus.houses)} houses\n  {full}\n  {baseline}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
