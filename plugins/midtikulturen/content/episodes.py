"""What a podcast episode points at: its audio, transcript and image, checked as files."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

from .links import resolve
from .media import AUDIO_SUFFIXES, IMAGE_SUFFIXES
from .problems import Problem
from .schema import TRANSCRIPTS_REQUIRED_FROM, EpisodeMeta

_TRANSCRIPT = re.compile(r"^##[ \t]+Udskrift[ \t]*#*[ \t]*\n(?=(?:.*\n)*?[ \t]*\S)", re.MULTILINE)
TRANSCRIPT_SUFFIXES = (".vtt", ".md")


def has_transcript(body: str) -> bool:
    """Whether body holds a section `## Udskrift` with text in it."""
    return bool(_TRANSCRIPT.search(body + "\n"))


def episode_files(
    path: str,
    docs_dir: str,
    meta: EpisodeMeta,
    body: str,
    lines: Mapping[str, int],
    files: frozenset[str],
) -> tuple[tuple[str, str | None, str | None], list[Problem]]:
    """The episode's audio (a docs path or an https URL; "" while a draft has none yet),
    transcript and image (docs paths).

    A local file must be one the site publishes from docs (`files`, already checked by its
    bytes); what is missing (but in a draft) or of the wrong kind is a problem at its line.
    """
    problems: list[Problem] = []

    def local(
        field: str, written: str, suffixes: frozenset[str] | tuple[str, ...], kind: str
    ) -> str | None:
        uri = resolve(path, written)
        line = lines.get(field, 1)
        if uri is None or posixpath.splitext(uri)[1].lower() not in suffixes:
            problems.append(
                Problem(
                    path,
                    line,
                    f"`{field}`: '{written}' er ikke {kind} — "
                    f"brug en fil, der ender på {_listed(suffixes)}",
                )
            )
            return None
        if uri not in files:
            if not meta.draft:  # a draft may wait for its recording
                problems.append(
                    Problem(
                        path,
                        line,
                        f"`{field}`: '{written}' findes ikke — "
                        f"læg filen i {posixpath.dirname(path)}/"
                        "audio/ og skriv stien fra episodens fil",
                    )
                )
            return None
        return uri.removeprefix(docs_dir + "/")

    audio = (
        meta.audio
        if meta.audio.startswith("https://")
        else local("audio", meta.audio, AUDIO_SUFFIXES, "en lydfil")
    )
    if meta.audio.startswith("http://"):
        problems.append(
            Problem(
                path,
                lines.get("audio", 1),
                "`audio`: en adresse til lyd skal begynde med https:// — ret adressen",
            )
        )
    transcript = (
        local("transcript", meta.transcript, TRANSCRIPT_SUFFIXES, "en udskrift")
        if meta.transcript
        else None
    )
    image = local("image", meta.image, IMAGE_SUFFIXES, "et billede") if meta.image else None
    if (
        not meta.draft
        and meta.date > TRANSCRIPTS_REQUIRED_FROM
        and not meta.transcript
        and not has_transcript(body)
    ):
        problems.append(
            Problem(
                path,
                lines.get("title", 1),
                "afsnittet mangler en udskrift, "
                "som loven kræver for lyd udgivet efter 23. september 2020 — "
                "skriv den i teksten under `## Udskrift`, eller angiv en .vtt- "
                "eller .md-fil med `transcript:`",
            )
        )
    return (audio or "", transcript, image), problems


def _listed(suffixes: frozenset[str] | tuple[str, ...]) -> str:
    return ", ".join(sorted(suffixes))
