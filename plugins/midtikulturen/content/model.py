"""Validated content items and the collection the site is built from."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import date

from .schema import CaseMeta, EpisodeMeta, EventMeta, GuideMeta, HouseMeta


@dataclass(frozen=True)
class Case:
    """A validated case story and its image's project path and MIME type, if it has one."""

    slug: str
    src_uri: str
    meta: CaseMeta
    body: str = ""
    image_uri: str | None = None
    image_type: str | None = None
    files: tuple[str, ...] = ()  # project paths of the files its body links to or shows
    links: tuple[tuple[int, str], ...] = ()  # the file links of its body: (line, target)

    def is_published(self, today: date) -> bool:
        """Whether readers may see the case on the given day."""
        return not self.meta.draft and self.meta.date <= today


@dataclass(frozen=True)
class Guide:
    """A validated funding guide; its page is the editor's own file in `docs/guides/`."""

    slug: str
    src_uri: str
    meta: GuideMeta
    body: str
    links: tuple[tuple[int, str], ...] = ()

    def is_published(self, today: date) -> bool:
        """Whether readers may see the guide: it is not a draft."""
        return not self.meta.draft


@dataclass(frozen=True)
class House:
    """A validated culture house of the survey; its page is `/kulturhuse/<slug>/`."""

    slug: str
    src_uri: str
    meta: HouseMeta
    body: str
    links: tuple[tuple[int, str], ...] = ()

    def is_published(self, today: date) -> bool:
        """Whether readers may see the house: it is not a draft."""
        return not self.meta.draft

    @property
    def page_uri(self) -> str:
        """Where the house's page sits: `kulturhuse/huse/x.md` → `kulturhuse/x.md`."""
        return posixpath.join(posixpath.dirname(posixpath.dirname(self.src_uri)), f"{self.slug}.md")


@dataclass(frozen=True)
class Episode:
    """A validated podcast episode: its audio (a project path or an https URL), its transcript
    (the body, or a `.vtt`/`.md` file's project path) and its image."""

    slug: str
    src_uri: str
    meta: EpisodeMeta
    body: str
    audio: str
    transcript_uri: str | None = None
    image_uri: str | None = None
    links: tuple[tuple[int, str], ...] = ()
    houses_line: int = 1

    def is_published(self, today: date) -> bool:
        """Whether readers may see the episode on the given day."""
        return not self.meta.draft and self.meta.date <= today

    @property
    def audio_is_local(self) -> bool:
        """Whether the audio file is part of the site (else an https URL, or none yet)."""
        return bool(self.audio) and "://" not in self.audio


@dataclass(frozen=True)
class Event:
    """A validated event; an episode's slug as its recording is checked to exist."""

    slug: str
    src_uri: str
    meta: EventMeta
    body: str
    links: tuple[tuple[int, str], ...] = ()
    recording_line: int = 1

    def is_published(self, today: date) -> bool:
        """Whether readers may see the event: it is not a draft (coming events are shown)."""
        return not self.meta.draft


@dataclass(frozen=True)
class Collection:
    """Every case, newest first; ties are broken by slug so order never depends on the disk."""

    cases: tuple[Case, ...]

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.cases, key=lambda c: (-c.meta.date.toordinal(), c.slug)))
        object.__setattr__(self, "cases", ordered)

    def published(self, today: date) -> Collection:
        """The part of the collection readers may see on the given day."""
        return Collection(tuple(c for c in self.cases if c.is_published(today)))
