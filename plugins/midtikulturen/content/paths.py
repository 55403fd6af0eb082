"""Rules for the files a project publishes: inside the project, named for every system."""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path

from .slugs import is_slug, slugify

# What MkDocs reads as Markdown pages; only `.md` is a page here, the rest are mistakes.
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkdn", ".mkd"})
# Served with a type a browser runs or renders as a document on the site's own origin.
ACTIVE_SUFFIXES = frozenset(
    {
        ".html",
        ".htm",
        ".xhtml",
        ".shtml",
        ".svg",
        ".svgz",
        ".xml",
        ".xsl",
        ".xslt",
        ".js",
        ".mjs",
        ".css",
        ".swf",
        ".wasm",
    }
)
_RESERVED = frozenset(
    {
        "con",
        "prn",
        "aux",
        "nul",
        *(f"{port}{n}" for port in ("com", "lpt") for n in "0123456789¹²³"),
    }
)
_UNSAFE_NAME = re.compile(r'[<>:"\\|?*\x00-\x1f]|[ .]$')


def inside(root: Path, path: Path) -> bool:
    """Whether path, with every link in it followed, lies inside the folder root."""
    real_root = os.path.realpath(root)
    real = os.path.realpath(path)
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def name_problem(name: str) -> str | None:
    """Why a file or folder name cannot be checked out on every system, if it cannot."""
    stem = name.split(".", 1)[0].rstrip(" ").lower()
    if stem in _RESERVED:
        return (
            f"navnet '{name}' er reserveret i Windows, så projektet kan ikke hentes der — "
            f"omdøb filen, fx til '{stem}-1{name[len(stem) :]}'"
        )
    if _UNSAFE_NAME.search(name):
        return (
            f"navnet '{name}' indeholder tegn, som Windows ikke tillader (< > : \" \\ | ? * "
            "eller et mellemrum eller punktum til sidst) — omdøb filen"
        )
    return None


def markdown_suffix_problem(path: str) -> str | None:
    """Why a Markdown file's name is not read as a page, if it is not: only `.md` is."""
    stem, suffix = posixpath.splitext(posixpath.basename(path))
    if suffix == ".md" or suffix.lower() not in MARKDOWN_SUFFIXES:
        return None
    return f"filen ender på '{suffix}' og bliver ikke læst som en side — omdøb den til '{stem}.md'"


def is_markdown(path: str) -> bool:
    """Whether path names a Markdown file, whatever the case of its suffix."""
    return posixpath.splitext(path)[1].lower() in MARKDOWN_SUFFIXES


def slug_problem(path: str) -> str | None:
    """Why the file name of a content file cannot be its URL, if it cannot."""
    stem = posixpath.splitext(posixpath.basename(path))[0]
    if is_slug(stem):
        return None
    proposal = slugify(stem) or "et-navn"
    return (
        f"filnavnet '{stem}.md' kan ikke bruges i en webadresse — omdøb filen til "
        f"'{proposal}.md' (små bogstaver a-z, tal og bindestreg; æ→ae, ø→oe, å→aa)"
    )
