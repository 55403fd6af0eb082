"""The addresses the site generates, so an editor's file never silently takes one's place."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from .layout import Layout
from .taxonomy import SECTIONS, term_folder
from .terms import Taxonomy
from .vocabulary import Vocabulary

CALENDAR_NAME = "frister.ics"
ASSETS = "assets/midtikulturen/"


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


def reserved(layout: Layout, vocabulary: Vocabulary, house_slugs: Iterable[str]) -> Reserved:
    """Everything the site generates, for every house and term, published or not."""
    pages: dict[str, str] = {}
    files: dict[str, str] = {}
    folders = {
        ASSETS: "sitets egne filer",
        "was/": "henvisningen /was",
        "admin/": "redigeringen i browseren (/admin/)",
        f"{layout.cases_dir}/": f"sitets cases (de skrives i {layout.cases_dir}/ uden for docs/)",
    }
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
    for kind in ("csv", "json"):
        files[f"{layout.survey_dir}/kulturhuse.{kind}"] = "kulturhusenes åbne data"
    outputs = {page_dest(uri, layout.directory_urls): what for uri, what in pages.items()}
    items = {
        page_dest(
            f"{layout.survey_dir}/{slug}.md", layout.directory_urls
        ): f"kulturhuset {layout.houses_dir}/{slug}.md"
        for slug in house_slugs
    }
    return Reserved({**outputs, **files}, items, folders, frozenset(intros))
