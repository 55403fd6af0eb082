"""Where a project keeps its content and where the site puts what it generates."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Protocol


class Patterns(Protocol):
    """Gitignore-style patterns, as MkDocs holds `exclude_docs` (a pathspec GitIgnoreSpec)."""

    def match_file(self, file: str) -> bool: ...


@dataclass(frozen=True)
class Layout:
    """Folders relative to the project root (guides and houses inside docs), and URL style."""

    cases_dir: str = "cases"
    vocabulary_file: str = "vocabularies.yml"
    docs_dir: str | None = "docs"
    guides_dir: str = "guides"
    houses_dir: str = "kulturhuse/huse"
    podcast_dir: str = "podcast"
    events_dir: str = "arrangementer"
    directory_urls: bool = True
    feed_names: tuple[str, ...] = ("feed_rss.xml", "feed_atom.xml")
    schemas_dir: str = ""  # where the site publishes the content's JSON Schemas; "": nowhere
    search_dir: str = ""  # where the site publishes its search index; "": no index
    exclude_docs: Patterns | None = field(default=None, compare=False)

    def excluded(self, uri: str) -> bool:
        """Whether MkDocs leaves the file at uri (inside docs) out of the site.

        As MkDocs does: hidden files and folders, `templates/` at the top, and `exclude_docs`.
        """
        if uri.startswith(("templates/", ".")) or "/." in uri:
            return True
        return self.exclude_docs is not None and self.exclude_docs.match_file(uri)

    @property
    def survey_dir(self) -> str:
        """The survey's folder inside docs, where house pages are published: `kulturhuse`."""
        return posixpath.dirname(self.houses_dir)
