"""What the case preview needs from the site: stylesheets, term page URLs, country names."""

from __future__ import annotations

from typing import Any

from ..content.taxonomy import SECTION_OF, term_folder
from ..content.terms import Taxonomy
from ..content.vocabulary import Vocabulary
from .widgets import countries

CASE_TERMS = {
    "municipality": Taxonomy.MUNICIPALITIES,
    "themes": Taxonomy.THEMES,
    "programmes": Taxonomy.PROGRAMMES,
    "support": Taxonomy.SUPPORT,
}
"""The case fields whose terms link to a term page."""


def preview_settings(
    vocabulary: Vocabulary, styles: list[str], palette: dict[str, str], site_root: str
) -> dict[str, Any]:
    """The preview's settings; styles and the term pages' URLs are relative to site_root."""
    terms = {
        name: {term.name: f"{site_root}{term_folder(term)}/" for term in vocabulary.terms[taxonomy]}
        for name, taxonomy in CASE_TERMS.items()
        if taxonomy in SECTION_OF
    }
    return {
        "styles": [f"{site_root}{style}" for style in styles],
        "palette": {f"data-md-color-{key}": value for key, value in palette.items()},
        "terms": terms,
        "countries": dict(countries()),
    }
