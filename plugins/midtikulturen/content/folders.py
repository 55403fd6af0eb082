"""The files of a content folder as the site sees them, each checked before anything reads it."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .image_rules import size_problem
from .media import AUDIO_SUFFIXES, IMAGE_SUFFIXES, audio_kind, image_kind
from .paths import ACTIVE_SUFFIXES, inside, markdown_suffix_problem, name_problem
from .problems import Problem

Excluded = Callable[[str], bool]


@dataclass
class Found:
    """The Markdown pages and other files under a folder (project paths), and their problems."""

    pages: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def scan(
    root: Path, folder: str, excluded: Excluded = lambda uri: False, published: bool = True
) -> Found:
    """Every file under root/folder but those excluded (by their path inside folder), sorted.

    A link that leaves the project or points at a folder, and a name Windows refuses, are
    problems. With published (every file is copied to the site, as in docs/), so are files
    a browser would run (`.html`, `.svg`, `.js`, …) and images whose bytes are not their kind.
    """
    found = Found()
    if (root / folder).is_dir():
        _walk(root, folder, "", excluded, published, found)
    found.pages.sort()
    found.files.sort()
    return found


def _walk(
    root: Path, folder: str, inner: str, excluded: Excluded, published: bool, found: Found
) -> None:
    with os.scandir(root / folder / inner) as entries:
        listed = sorted(entries, key=lambda entry: entry.name)
    for entry in listed:
        uri = posixpath.join(inner, entry.name)
        is_dir = entry.is_dir()
        if excluded(uri + "/" if is_dir else uri):
            continue
        path = posixpath.join(folder, uri)
        if problem := name_problem(entry.name) or _link_problem(root, entry):
            found.problems.append(Problem(path, 1, problem))
        elif is_dir:
            _walk(root, folder, uri, excluded, published, found)
        elif markdown_problem := markdown_suffix_problem(path):
            found.problems.append(Problem(path, 1, markdown_problem))
        elif path.endswith(".md"):
            found.pages.append(path)
        elif published and (problem := published_file_problem(root, path)):
            found.problems.append(Problem(path, 1, problem))
        else:
            found.files.append(path)


def _link_problem(root: Path, entry: os.DirEntry[str]) -> str | None:
    """Why a symbolic link may not be followed, if it is one."""
    if not entry.is_symlink():
        return None
    if not os.path.exists(entry.path):
        return (
            "filen er en genvej (et symbolsk link) til noget, der ikke findes — slet "
            "genvejen, eller læg selve filen her"
        )
    if not inside(root, Path(entry.path)):
        return (
            "filen er en genvej (et symbolsk link) til noget uden for projektet — læg "
            "selve filen i projektet i stedet for genvejen"
        )
    if entry.is_dir():
        return (
            "mappen er en genvej (et symbolsk link) til en anden mappe — læg filerne i "
            "selve mappen i stedet for genvejen"
        )
    return None


def published_file_problem(root: Path, path: str) -> str | None:
    """Why a file that will be copied to the site may not be, if it may not."""
    suffix = posixpath.splitext(path)[1].lower()
    if suffix in ACTIVE_SUFFIXES:
        return (
            f"filer af typen '{suffix}' kan køre kode på sitet og udgives ikke — brug et "
            "billede (JPEG, PNG, WebP), en pdf eller en Markdown-side i stedet"
        )
    if suffix in IMAGE_SUFFIXES:
        kind = image_kind(root / path)
        return kind if isinstance(kind, str) else size_problem(root / path, kind)
    if suffix in AUDIO_SUFFIXES:
        found = audio_kind(root / path)
        return found if isinstance(found, str) else None
    return None
