""" "Læs også" from the term index: weighted, deterministic, never the case itself, linear."""

from __future__ import annotations

import random
from typing import Any

from midtikulturen.content.model import Case, Collection
from midtikulturen.content.related import related_cases
from midtikulturen.content.schema import CaseMeta
from midtikulturen.content.taxonomy import index_terms
from tests.render import VOCABULARY


def case(slug: str, day: int, **fields: Any) -> Case:
    data = {
        "title": slug,
        "description": "D.",
        "date": f"2021-01-{day:02d}",
        "organisation": "O",
        "municipality": "Skive",
        **fields,
    }
    meta = CaseMeta.model_validate(data, context={"vocabulary": VOCABULARY})
    return Case(slug, f"cases/{slug}.md", meta)


def related(cases: list[Case], **options: int) -> dict[str, list[str]]:
    ordered = Collection(tuple(cases)).cases
    found = related_cases(index_terms(VOCABULARY, ordered), ordered, **options)
    return {slug: [c.slug for c in items] for slug, items in found.items()}


def test_weights_rank_programme_and_theme_above_place_and_ties_go_to_the_nearest_date() -> None:
    cases = [
        case("a", 10, programmes=["Erasmus+"], themes=["Demokrati"]),
        case("programme", 1, municipality="Odder", programmes=["Erasmus+"]),
        case("theme", 2, municipality="Odder", themes=["Demokrati"]),
        case("place-near", 11),
        case("place-far", 1),
        case("nothing", 3, municipality="Odder"),
    ]
    assert related(cases)["a"] == ["programme", "theme", "place-near"]


def test_same_result_whatever_the_input_order_and_never_itself() -> None:
    rng = random.Random(4)
    themes = ["Demokrati", "Børn og unge", "Land og by"]
    cases = [
        case(
            f"c{i}",
            1 + i % 28,
            themes=rng.sample(themes, 2),
            municipality=rng.choice(["Skive", "Viborg", "Region Midtjylland"]),
        )
        for i in range(60)
    ]
    first = related(cases)
    rng.shuffle(cases)
    assert related(cases) == first
    assert all(slug not in found and len(found) <= 3 for slug, found in first.items())


def test_a_common_term_only_looks_at_the_window_of_nearest_cases() -> None:
    cases = [case(f"c{i:02d}", 1 + i) for i in range(20)]
    found = related(cases, window=2, limit=10)
    assert sorted(found["c10"]) == ["c08", "c09", "c11", "c12"]
