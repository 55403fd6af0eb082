"""The addresses the site generates, so an editor's file never silently takes one's place."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from .jsonschema import schema_file_names
from .layout import Layout
from .taxonomy import SECTIONS, term_folder
from .terms import Taxonomy
from .vocabulary import Vocabulary

CALENDAR_NAME = "frister.ics"
ASSETS = "assets/midtikulturen/"


def chapters_uri(podcast_dir: str, episode_slug: str) -> str:
    """Where an episode's Podcasting 2.0 chapters are published: `podcast/x.chapters.json`."""
    return f"{podcast_dir}/{episode_slug}.chapters.json"


def event_calendar_uri(events_dir: str, event_slug: str) -> str:
    """Where an event's own calendar is published: `arrangementer/x.ics`."""
    return posixpath.join(events_dir, f"{event_slug}.ics")


def page_dest(uri: str, directory_urls: bool) -> str:
    """Where MkDocs writes the page made from uri: `a/b.md` → `a/b/index.html`."""
    folder, name = posixpath.split(uri)
    stem = posixpath.splitext(name)[0]
    if stem in ("index", "README"):
        return posixpath.join(folder, "index.html")
    return (
        posixpath.join(folder, stem, "index.html")
        if directory_urls
        else posixpath.join(folder, f"{stem}.html")
    )


@dataclass(frozen=True)
class Reserved:
    """Generated outputs by where they are written, what each is, and what editors may add.

    items are the pages of content items (houses), which exist only once published.
    """

    outputs: dict[str, str]
    items: dict[str, str]
    folders: dict[str, str]
    intros: frozenset[str]

    def taken(self, uri: str, directory_urls: bool) -> str | None:
        """What generated output the editor's file at uri (inside docs) collides with."""
        if uri in self.intros:
            return None
        dest = page_dest(uri, directory_urls) if uri.endswith(".md") else uri
        if what := self.outputs.get(dest) or self.items.get(dest):
            return what
        return next((what for folder, what in self.folders.items() if uri.startswith(folder)), None)

    def generates(self, uri: str, directory_urls: bool) -> bool:
        """Whether the site generates the page or file a link to uri (inside docs) names."""
        if uri in self.intros:
            return True
        return (page_dest(uri, directory_urls) if uri.endswith(".md") else uri) in self.outputs


def reserved(
    layout: Layout,
    vocabulary: Vocabulary,
    house_slugs: Iterable[str],
    event_slugs: Iterable[str] = (),
    episode_slugs: Iterable[str] = (),
) -> Reserved:
    """Everything the site generates, for every house, event, episode and term, published or
    not."""
    pages: dict[str, str] = {}
    files: dict[str, str] = {}
    folders = {
        ASSETS: "sitets egne filer",
        "was/": "henvisningen /was",
        "admin/": "redigeringen i browseren (/admin/)",
        f"{layout.cases_dir}/": f"sitets cases (de skrives i {layout.cases_dir}/ uden for docs/)",
    }
    if layout.search_dir:
        folders[f"{layout.search_dir}/"] = "søgningens indeks"
    intros = {
        f"{layout.guides_dir}/index.md",
        f"{layout.survey_dir}/index.md",
        f"{layout.podcast_dir}/index.md",
        f"{layout.events_dir}/index.md",
    }
    pages[f"{layout.cases_dir}/index.md"] = "listen over cases"
    listings = {
        "": "forsiden",
        layout.cases_dir: "listen over cases",
        layout.guides_dir: "listen over guides",
    }
    for section in SECTIONS:
        intros.add(section.src_uri)
        for term in vocabulary.terms[section.taxonomy]:
            folder = term_folder(term)
            intros.add(f"{folder}/index.md")
            pages[f"{folder}/index.md"] = f"siden for {term.name}"
            listings[folder] = f"siden for {term.name}"
    for folder, what in listings.items():
        if folder != "":
            folders[f"{folder}/page/"] = f"de følgende sider af {what}"
        for name in layout.feed_names:
            files[posixpath.join(folder, name)] = f"nyhedsfeedet for {what}"
    files[f"{layout.cases_dir}/index.json"] = "filterets data"
    files["was/index.html"] = "henvisningen /was"
    files[f"{layout.events_dir}/arrangementer.ics"] = "kalenderen med arrangementer"
    for term in vocabulary.terms[Taxonomy.SERIES]:
        files[f"{layout.podcast_dir}/{term.slug}.xml"] = f"podcastfeedet for {term.name}"
        files[f"{layout.podcast_dir}/{term.slug}.png"] = f"billedet til {term.name}"
    for term in vocabulary.terms[Taxonomy.MUNICIPALITIES]:
        files[f"{term_folder(term)}/arrangementer.ics"] = f"kalenderen for {term.name}"
    files[f"{layout.guides_dir}/{CALENDAR_NAME}"] = "kalenderen med ansøgningsfrister"
    for kind in ("csv", "json", "xlsx"):
        files[f"{layout.survey_dir}/kulturhuse.{kind}"] = "kulturhusenes åbne data"
    for slug in event_slugs:
        files[event_calendar_uri(layout.events_dir, slug)] = f"kalenderen for arrangementet {slug}"
    for slug in episode_slugs:
        files[chapters_uri(layout.podcast_dir, slug)] = f"kapitlerne til podcastafsnittet {slug}"
    for name in schema_file_names() if layout.schemas_dir else ():
        files[f"{layout.schemas_dir}/{name}"] = "indholdets JSON-skemaer"
    outputs = {page_dest(uri, layout.directory_urls): what for uri, what in pages.items()}
    items = {
        page_dest(
            f"{layout.survey_dir}/{slug}.md", layout.directory_urls
        ): f"kulturhuset {layout.houses_dir}/{slug}.md"
        for slug in house_slugs
    }
    return Reserved({**outputs, **files}, items, folders, frozenset(intros))
