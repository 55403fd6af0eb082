"""URL slugs: lower-case ASCII with æ→ae, ø→oe, å→aa, as Danish public sites write them."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DANISH = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "u", "ß": "ss", "&": " og "}
)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=4096)  # headings and term names repeat across thousands of pages
def slugify(text: str) -> str:
    """The slug of text: `Kulturmødet Mors` → `kulturmoedet-mors`, `Erasmus+` → `erasmus`."""
    lowered = text.lower().translate(_DANISH)
    ascii_text = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_text).strip("-")


def is_slug(text: str) -> bool:
    """Whether text is already a valid slug."""
    return bool(_SLUG.match(text))


def heading_slug(value: str, separator: str = "-") -> str:
    """Heading anchors with the same transliteration, for Markdown's `toc` extension."""
    return slugify(value).replace("-", separator)
