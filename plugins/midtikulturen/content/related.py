""" "Læs også": the cases that share the most weighted terms with a case."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Mapping

from .model import Case
from .taxonomy import TermIndex, is_region_wide
from .terms import Taxonomy, Term

WEIGHTS = {
    Taxonomy.PROGRAMMES: 4,
    Taxonomy.SUPPORT: 3,
    Taxonomy.THEMES: 3,
    Taxonomy.MUNICIPALITIES: 2,
}
REGION_WIDE_WEIGHT = 1


def weight(term: Term) -> int:
    """How much sharing term says about two cases being related."""
    return REGION_WIDE_WEIGHT if is_region_wide(term) else WEIGHTS[term.taxonomy]


def related_cases(
    index: TermIndex, cases: tuple[Case, ...], limit: int = 3, window: int = 50
) -> Mapping[str, tuple[Case, ...]]:
    """Up to limit related cases per case slug, best first.

    Candidates come from the inverted index; within a term shared by many cases only the
    window cases nearest in date on either side count, so the work grows linearly with the
    collection. Ties go to the case nearest in date, then to the slug, so the result is
    deterministic.
    """
    position = {
        term: {c.slug: i for i, c in enumerate(posting)} for term, posting in index.postings.items()
    }
    related: dict[str, tuple[Case, ...]] = {}
    for case in cases:
        scores: dict[str, int] = defaultdict(int)
        found: dict[str, Case] = {}
        for term in case.meta.terms:
            posting, points = index.cases_of(term), weight(term)
            here = position[term][case.slug]
            for other in posting[max(0, here - window) : here + window + 1]:
                scores[other.slug] += points
                found[other.slug] = other
        scores.pop(case.slug, None)  # a case is in the postings of its own terms
        day = case.meta.date.toordinal()
        best = heapq.nsmallest(
            limit,
            (
                (-score, abs(found[slug].meta.date.toordinal() - day), slug)
                for slug, score in scores.items()
            ),
        )
        related[case.slug] = tuple(found[slug] for _, _, slug in best)
    return related
