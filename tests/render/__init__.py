"""Tests of the renderers; `make_house` builds houses through the real schema and vocabulary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from midtikulturen.content.model import House
from midtikulturen.content.schema import HouseMeta
from midtikulturen.content.vocabulary import load_vocabulary

REPO = Path(__file__).resolve().parents[2]
VOCABULARY = load_vocabulary(REPO / "vocabularies.yml", "vocabularies.yml")


def make_house(slug: str, **fields: Any) -> House:
    """A valid house called slug; fields override the front matter as an editor writes it."""
    data = {
        "title": slug.title(),
        "description": f"Om {slug}.",
        "municipality": "Viborg",
        "town": "Viborg",
        "house_type": None,
        "ownership": None,
        **fields,
    }
    meta = HouseMeta.model_validate(data, context={"vocabulary": VOCABULARY})
    return House(slug, f"kulturhuse/huse/{slug}.md", meta, "Tekst om huset.")
