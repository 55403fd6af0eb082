"""The culture-house survey's figures, computed from the houses; each says what it is based on.

Houses that leave a field empty ("ikke oplyst") are left out of that field's figures and
counted separately. Distributions over house types, ownership, facilities and activities
list every term of the vocabulary, in its order, zero counts included: the vocabulary is the
closed set of answers, so a zero is a finding. Municipalities list only those with houses.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..content.model import House
from ..content.terms import Taxonomy, Term
from ..content.vocabulary import Vocabulary


@dataclass(frozen=True)
class Count:
    """How many houses have a term, and their share of the houses the figure is based on."""

    term: Term
    count: int
    share: float


@dataclass(frozen=True)
class Distribution:
    """The houses that give a field, counted per term; `not_given` houses left it empty."""

    counts: tuple[Count, ...]
    based_on: int
    not_given: int


@dataclass(frozen=True)
class Spread:
    """Median and range of a number over the `based_on` houses that give it."""

    based_on: int
    median: float
    minimum: float
    maximum: float


@dataclass(frozen=True)
class Survey:
    """Every figure of the survey overview."""

    total: int
    by_municipality: Distribution
    by_type: Distribution
    by_ownership: Distribution
    volunteers: Spread | None
    staff_fte: Spread | None
    visitors_per_year: Spread | None
    facilities: Distribution
    activities: Distribution


def survey_statistics(houses: Sequence[House], vocabulary: Vocabulary) -> Survey:
    """The survey's figures over houses, which should be the published ones."""
    metas = [h.meta for h in houses]
    municipalities = distribution(
        [(m.municipality,) for m in metas], vocabulary.terms[Taxonomy.MUNICIPALITIES]
    )
    return Survey(
        total=len(metas),
        by_municipality=Distribution(
            tuple(c for c in municipalities.counts if c.count),
            municipalities.based_on,
            municipalities.not_given,
        ),
        by_type=distribution(
            [_one(m.house_type) for m in metas], vocabulary.terms[Taxonomy.HOUSE_TYPES]
        ),
        by_ownership=distribution(
            [_one(m.ownership) for m in metas], vocabulary.terms[Taxonomy.OWNERSHIP]
        ),
        volunteers=spread(m.volunteers for m in metas),
        staff_fte=spread(m.staff_fte for m in metas),
        visitors_per_year=spread(m.visitors_per_year for m in metas),
        facilities=distribution(
            [m.facilities for m in metas], vocabulary.terms[Taxonomy.FACILITIES]
        ),
        activities=distribution(
            [m.activities for m in metas], vocabulary.terms[Taxonomy.ACTIVITIES]
        ),
    )


def distribution(answers: Sequence[tuple[Term, ...]], terms: Sequence[Term]) -> Distribution:
    """Per term, how many answers hold it; an empty answer means the field was not given."""
    given = [set(a) for a in answers if a]
    counter = Counter(term for answer in given for term in answer)
    counts = tuple(Count(t, counter[t], _share(counter[t], len(given))) for t in terms)
    return Distribution(counts, based_on=len(given), not_given=len(answers) - len(given))


def spread(values: Iterable[float | None]) -> Spread | None:
    """Median, minimum and maximum of the given values; None when none is given."""
    given = [v for v in values if v is not None]
    if not given:
        return None
    return Spread(len(given), statistics.median(given), min(given), max(given))


def _one(term: Term | None) -> tuple[Term, ...]:
    return (term,) if term is not None else ()


def _share(count: int, based_on: int) -> float:
    return count / based_on if based_on else 0.0
