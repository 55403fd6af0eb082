"""What the built site will hold on a day, so links in bodies are checked before building."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from .links import resolve
from .media import IMAGE_SUFFIXES
from .problems import Problem
from .reserved import Reserved

Links = tuple[tuple[int, str], ...]  # (file line, target as written)


@dataclass(frozen=True)
class PageLinks:
    """The file links of one page: the file they are written in, the page's source URI."""

    path: str
    page: str
    links: Links


@dataclass
class SiteFiles:
    """Source URIs (as MkDocs names pages and files) the site will hold, and those of items
    that exist but are not published on the day."""

    present: set[str] = field(default_factory=set)
    unpublished: set[str] = field(default_factory=set)

    def add(self, uris: tuple[str, ...] | list[str], published: bool = True) -> None:
        """Count uris in, or as unpublished."""
        (self.present if published else self.unpublished).update(uris)

    def problems(
        self, pages: list[PageLinks], generated: Reserved, directory_urls: bool
    ) -> list[Problem]:
        """A problem for each link in pages to something the site will not hold."""
        folded = {uri.lower(): uri for uri in self.present}
        found = []
        for page in pages:
            for line, target in page.links:
                uri = resolve(page.page, target)
                if uri is not None and (
                    uri in self.present or generated.generates(uri, directory_urls)
                ):
                    continue
                found.append(
                    Problem(page.path, line, self._message(page.page, target, uri, folded))
                )
        return found

    def _message(self, page: str, target: str, uri: str | None, folded: dict[str, str]) -> str:
        if uri is not None and uri in self.unpublished:
            return (
                f"linket til '{target}' peger på en kladde eller noget, der ikke er udgivet "
                "endnu — vent med linket, til det er udgivet"
            )
        what = (
            "billedet" if posixpath.splitext(target)[1].lower() in IMAGE_SUFFIXES else "linket til"
        )
        hint = folded.get(uri.lower()) if uri else None
        if hint:
            fix = (
                f"mente du '{posixpath.relpath(hint, posixpath.dirname(page))}'? Store og "
                "små bogstaver betyder noget på webserveren"
            )
        else:
            fix = "ret stien; den regnes fra filens egen mappe"
        return f"{what} '{target}' peger på en fil, der ikke findes — {fix}"
