"""New content files with every field, a Danish comment on each, and `draft: true`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from .content.layout import Layout
from .content.slugs import slugify

KINDS = ("case", "guide", "kulturhus", "episode", "arrangement")

CASE = """\
---
title: {title}
description: "Skriv 1-2 sætninger om casen."   # højst 300 tegn; vises i lister, feeds og søgning
date: {today}                 # udgivelsesdato (ÅÅÅÅ-MM-DD); en fremtidig dato udgiver den den dag
# updated: {today}            # dato for seneste væsentlige ændring
organisation: "Skriv organisationen"   # hvem stod bag casen
municipality: Region Midtjylland       # kommune fra vocabularies.yml, eller en liste: [Skive, Viborg]
# themes: [Europæisk samarbejde]      # temaer fra vocabularies.yml
# programmes: [Erasmus+]              # EU- og nordiske programmer fra vocabularies.yml
# support: [Genvej til Europa]        # regionale tilbud, der hjalp, fra vocabularies.yml
# period: {{start: {month}, end: {month}}}   # projektets periode (ÅÅÅÅ-MM)
# partner_countries: [DK, SE]         # partnerlande som landekoder med to bogstaver
# contributors:                       # vises som "Medvirkende"
#   - {{name: "Navn Navnesen", role: "Projektleder"}}
# image: images/{slug}.jpg            # billede i cases/images/; kræver image_alt
# image_alt: "Beskriv billedet for skærmlæsere"
# sources:                            # vises som "Kilder"
#   - {{title: "Kildens titel", url: "https://"}}
draft: true                   # slet linjen eller skriv false, når casen skal udgives
---

Skriv historien her. Brug ## til mellemrubrikker.
"""

GUIDE = """\
---
title: {title}
description: "Skriv 1-2 sætninger om, hvem guiden er til."   # højst 300 tegn
updated: {today}              # hvornår oplysningerne sidst blev tjekket (ÅÅÅÅ-MM-DD)
# programme: Creative Europe  # programmet fra vocabularies.yml (eller support: for et regionalt tilbud)
# support: Mikropuljen        # regionalt tilbud fra vocabularies.yml
# funding:                    # højeste tilskud og tilskuddets andel
#   max_amount: 200000
#   currency: EUR             # EUR eller DKK
#   rate: 80                  # procent
# deadlines:                  # ansøgningsfrister (ÅÅÅÅ-MM-DD)
#   - {{date: {today}, label: "Ansøgningsfrist"}}
# themes: [Fundraising]       # temaer fra vocabularies.yml
# sources:                    # kilder til oplysningerne
#   - {{title: "Kildens titel", url: "https://"}}
draft: true                   # slet linjen eller skriv false, når guiden skal udgives
---

Skriv guiden her. Brug ## til mellemrubrikker, fx "Hvem kan søge?" og "Frister".
"""

HOUSE = """\
---
title: {title}
description: "Skriv 1-2 sætninger om huset."   # højst 300 tegn
municipality: Region Midtjylland   # husets kommune fra vocabularies.yml
town: "Skriv byen"
house_type:                   # fx kulturhus eller medborgerhus; lad stå tom, hvis det ikke er oplyst
ownership:                    # fx kommunal eller selvejende; lad stå tom, hvis det ikke er oplyst
# opened: 2006                # åbningsår
# staff_fte: 2.5              # ansatte i årsværk
# volunteers: 40              # antal frivillige
# visitors_per_year: 25000    # besøg om året
# facilities: [scene, café]   # faciliteter fra vocabularies.yml
# activities: [koncerter]     # aktiviteter fra vocabularies.yml
# location: {{lat: 56.39, lon: 9.92}}   # bredde- og længdegrad; skal ligge i Danmark
# sources:
#   - {{title: "Kildens titel", url: "https://"}}
draft: true                   # slet linjen eller skriv false, når huset skal vises
---

Skriv om huset her, med kilder til oplysningerne.
"""


EPISODE = """\
---
title: {title}
description: "Skriv 1-2 sætninger om afsnittet."   # højst 300 tegn
date: {today}                 # udgivelsesdato (ÅÅÅÅ-MM-DD); en fremtidig dato udgiver den den dag
series: {series}   # podcastserien fra vocabularies.yml
# episode: 1                  # afsnittets nummer i serien
audio: audio/{slug}.mp3       # lydfilen i docs/podcast/audio/ (MP3, M4A, Ogg, Opus) eller https://…
duration: "00:00:00"          # varighed, TT:MM:SS
# chapters:                   # kapitler: start (MM:SS) og titel
#   - {{start: "00:00", title: "Velkommen"}}
# municipality: [Skive]       # kommune(r) fra vocabularies.yml
# houses: [station-k]         # kulturhuse, afsnittet handler om: filnavnet uden .md
# themes: [Kulturhuse]        # temaer fra vocabularies.yml
# contributors:
#   - {{name: "Navn Navnesen", role: "Vært"}}
# image: audio/{slug}.jpg     # kvadratisk billede; kræver image_alt
# image_alt: "Beskriv billedet for skærmlæsere"
# transcript: audio/{slug}.vtt   # udskriften som fil; ellers under ## Udskrift nedenfor
draft: true                   # slet linjen eller skriv false, når afsnittet skal udgives
---

Skriv om afsnittet her.

## Udskrift

Skriv udskriften af hele afsnittet her: loven kræver den for lyd på offentlige sites.
"""

EVENT = """\
---
title: {title}
description: "Skriv 1-2 sætninger om arrangementet."   # højst 300 tegn
start: {today} 10:00          # dato og klokkeslæt i dansk tid; kun datoen for en hel dag
# end: {today} 16:00          # slut; ikke før start
# place: "Skriv stedet"       # fx Maltfabrikken
# town: "Skriv byen"
municipality: Region Midtjylland   # kommunen fra vocabularies.yml; ellers online: true
# online: true                # et webinar
# registration: "https://"    # tilmelding
organiser: "Skriv arrangøren"
# themes: [Kulturhuse]        # temaer fra vocabularies.yml
# recording: navn-paa-afsnit  # bagefter: et podcastafsnits filnavn eller en https-adresse
draft: true                   # slet linjen eller skriv false, når arrangementet skal vises
---

Skriv om arrangementet her: program, oplægsholdere og praktiske oplysninger.
"""


class ScaffoldError(Exception):
    """A new file cannot be written: the title gives no name, or the file exists."""


def target(root: Path, layout: Layout, kind: str, slug: str) -> Path:
    """Where a new file of kind called slug belongs."""
    docs = root / (layout.docs_dir or "docs")
    folder = {
        "case": root / layout.cases_dir,
        "guide": docs / layout.guides_dir,
        "kulturhus": docs / layout.houses_dir,
        "episode": docs / layout.podcast_dir,
        "arrangement": docs / layout.events_dir,
    }[kind]
    return folder / f"{slug}.md"


def scaffold(
    root: Path, layout: Layout, kind: str, title: str, today: date, series: str = ""
) -> Path:
    """Write the new draft of kind with title and return its path; never overwrite.

    series is the first podcast series of the vocabulary, which a new episode belongs to.
    """
    slug = slugify(title)
    if not slug:
        raise ScaffoldError(f"'{title}' giver ikke et filnavn — skriv en titel med bogstaver")
    path = target(root, layout, kind, slug)
    if path.exists():
        raise ScaffoldError(
            f"{path.relative_to(root).as_posix()} findes allerede — vælg en "
            "anden titel, eller ret den eksisterende fil"
        )
    text = {
        "case": CASE,
        "guide": GUIDE,
        "kulturhus": HOUSE,
        "episode": EPISODE,
        "arrangement": EVENT,
    }[kind].format(
        title=json.dumps(title.strip(), ensure_ascii=False),
        today=today.isoformat(),
        month=today.isoformat()[:7],
        slug=slug,
        series=series,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
