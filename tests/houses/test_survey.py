"""The survey's figures: counts per term, spreads, and how many houses each is based on."""

from __future__ import annotations

from typing import Any

import pytest

from midtikulturen.content.terms import Taxonomy
from midtikulturen.houses.survey import Distribution, survey_statistics
from tests.render import VOCABULARY, make_house


def counts(distribution: Distribution) -> dict[str, int]:
    return {c.term.name: c.count for c in distribution.counts}


def shares(distribution: Distribution) -> dict[str, float]:
    return {c.term.name: c.share for c in distribution.counts}


def test_total_counts_every_house() -> None:
    houses = [make_house(s) for s in "abc"]
    assert survey_statistics(houses, VOCABULARY).total == 3


def test_municipalities_with_houses_come_in_vocabulary_order_with_their_counts() -> None:
    houses = [
        make_house("a", municipality="Randers"),
        make_house("b", municipality="Favrskov"),
        make_house("c", municipality="Randers"),
    ]
    survey = survey_statistics(houses, VOCABULARY)
    assert [(c.term.name, c.count) for c in survey.by_municipality.counts] == [
        ("Favrskov", 1),
        ("Randers", 2),
    ]
    assert shares(survey.by_municipality) == {
        "Favrskov": pytest.approx(1 / 3),
        "Randers": pytest.approx(2 / 3),
    }
    assert survey.by_municipality.based_on == 3
    assert survey.by_municipality.not_given == 0


@pytest.mark.parametrize(
    ("field", "figure", "taxonomy", "common", "rare"),
    [
        ("house_type", "by_type", Taxonomy.HOUSE_TYPES, "kulturhus", "medborgerhus"),
        ("ownership", "by_ownership", Taxonomy.OWNERSHIP, "selvejende", "kommunal"),
    ],
)
def test_a_single_choice_is_counted_over_the_houses_that_give_it(
    field: str, figure: str, taxonomy: Taxonomy, common: str, rare: str
) -> None:
    houses = [
        make_house("a", **{field: common}),
        make_house("b", **{field: rare}),
        make_house("c", **{field: common}),
        make_house("d", **{field: None}),
        make_house("e", **{field: None}),
    ]
    distribution: Distribution = getattr(survey_statistics(houses, VOCABULARY), figure)
    assert distribution.based_on == 3
    assert distribution.not_given == 2
    assert [c.term for c in distribution.counts] == list(VOCABULARY.terms[taxonomy])
    assert counts(distribution)[common] == 2
    assert counts(distribution)[rare] == 1
    assert sum(counts(distribution).values()) == 3
    assert shares(distribution)[common] == pytest.approx(2 / 3)
    assert shares(distribution)[rare] == pytest.approx(1 / 3)


SPREADS: list[tuple[str, list[Any], tuple[int, float, float, float]]] = [
    # field, values of the houses (None: not given), (based_on, median, minimum, maximum)
    ("volunteers", [40, None, 10, 13], (3, 13, 10, 40)),
    ("volunteers", [100, 1, 10, 2], (4, 6, 1, 100)),
    ("volunteers", [0, None], (1, 0, 0, 0)),
    ("visitors_per_year", [25000, 12000], (2, 18500, 12000, 25000)),
    ("staff_fte", [2.5, None, 0.5, None], (2, 1.5, 0.5, 2.5)),
    ("staff_fte", [3], (1, 3, 3, 3)),
]


@pytest.mark.parametrize(("field", "values", "expected"), SPREADS)
def test_spread_leaves_out_houses_without_the_number(
    field: str, values: list[Any], expected: tuple[int, float, float, float]
) -> None:
    houses = [make_house(f"h{i}", **{field: v}) for i, v in enumerate(values)]
    spread = getattr(survey_statistics(houses, VOCABULARY), field)
    assert (spread.based_on, spread.median, spread.minimum, spread.maximum) == expected


@pytest.mark.parametrize("field", ["volunteers", "staff_fte", "visitors_per_year"])
def test_spread_is_none_when_no_house_gives_the_number(field: str) -> None:
    houses = [make_house("a"), make_house("b", **{field: None})]
    assert getattr(survey_statistics(houses, VOCABULARY), field) is None


@pytest.mark.parametrize(
    ("field", "taxonomy", "first", "second"),
    [
        ("facilities", Taxonomy.FACILITIES, "scene", "café"),
        ("activities", Taxonomy.ACTIVITIES, "koncerter", "foredrag"),
    ],
)
def test_lists_are_counted_over_the_houses_that_list_anything(
    field: str, taxonomy: Taxonomy, first: str, second: str
) -> None:
    houses = [
        make_house("a", **{field: [first, second]}),
        make_house("b", **{field: [first]}),
        make_house("c"),
        make_house("d", **{field: []}),
    ]
    distribution: Distribution = getattr(survey_statistics(houses, VOCABULARY), field)
    assert distribution.based_on == 2
    assert distribution.not_given == 2
    assert [c.term for c in distribution.counts] == list(VOCABULARY.terms[taxonomy])
    assert {k: v for k, v in counts(distribution).items() if v} == {first: 2, second: 1}
    assert shares(distribution)[first] == 1.0
    assert shares(distribution)[second] == 0.5


def test_a_term_listed_twice_by_one_house_counts_once() -> None:
    houses = [make_house("a", facilities=["scene", "scene"]), make_house("b", facilities=["café"])]
    facilities = survey_statistics(houses, VOCABULARY).facilities
    assert counts(facilities)["scene"] == 1
    assert shares(facilities)["scene"] == 0.5


def test_no_houses_gives_empty_figures_without_dividing_by_zero() -> None:
    survey = survey_statistics([], VOCABULARY)
    assert survey.total == 0
    assert survey.by_municipality.counts == ()
    for distribution in (survey.by_type, survey.by_ownership, survey.facilities, survey.activities):
        assert distribution.based_on == 0
        assert distribution.not_given == 0
        assert all(c.count == 0 and c.share == 0.0 for c in distribution.counts)
    assert survey.volunteers is survey.staff_fte is survey.visitors_per_year is None
