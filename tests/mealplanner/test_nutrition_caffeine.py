"""The most caffeine a day advised by life stage [balanced-diet.md: EFSA 2015, ACOG, Health Canada]."""

import pytest

from mealplanner.nutrition.caffeine import caffeine_limit_mg, caffeine_limit_source


def limit(age, *, pregnant=False, lactating=False, weight=None):
    return caffeine_limit_mg(age_years=age, pregnant=pregnant, lactating=lactating, weight_kg=weight)


@pytest.mark.parametrize("age", [16, 25, 45, None])
def test_pregnancy_allows_at_most_200_mg_at_any_age(age):
    assert limit(age, pregnant=True) == 200
    assert limit(age, pregnant=True, weight=90) == 200


def test_breastfeeding_allows_at_most_200_mg():
    assert limit(30, lactating=True) == 200


@pytest.mark.parametrize("age", [19, 40, 90])
def test_adults_may_have_up_to_400_mg(age):
    assert limit(age) == 400
    assert limit(age, weight=50) == 400  # the per-kg figure is for children only


@pytest.mark.parametrize(("age", "weight", "mg"), [(5, 20, 60), (12, 40, 120), (17, 60, 180), (18.9, 50, 150)])
def test_children_and_teenagers_with_a_weight_get_3_mg_per_kg(age, weight, mg):
    assert limit(age, weight=weight) == pytest.approx(mg)


@pytest.mark.parametrize(
    ("age", "mg"),
    [
        (4, 45),
        (6.99, 45),
        (7, 62.5),
        (9.99, 62.5),
        (10, 85),
        (12.99, 85),
    ],
)
def test_children_without_a_weight_get_health_canadas_figure_by_age(age, mg):
    assert limit(age) == mg


@pytest.mark.parametrize("age", [13, 15, 18.99])
def test_a_teenager_without_a_weight_has_no_figure_because_it_is_per_kg(age):
    assert limit(age) is None


@pytest.mark.parametrize("age", [0, 1, 3.99])
def test_under_4_the_advice_is_none_at_all(age):
    assert limit(age) == 0
    assert limit(age, weight=15) == 0
    assert "no source" in caffeine_limit_source(age_years=age, pregnant=False, lactating=False, weight_kg=None).lower()


def test_an_unknown_age_has_no_figure():
    assert limit(None) is None


def test_the_sources_match_the_figures():
    def source(age, **kw):
        return caffeine_limit_source(
            age_years=age,
            pregnant=kw.get("pregnant", False),
            lactating=kw.get("lactating", False),
            weight_kg=kw.get("weight"),
        )

    assert "ACOG" in source(30, pregnant=True)
    assert "EFSA" in source(30, lactating=True)
    assert "Health Canada" in source(8)
    assert "EFSA" in source(8, weight=25)
    assert "EFSA" in source(40)


@pytest.mark.parametrize("bad", [-1, 131, "ten", float("nan")])
def test_bad_ages_are_refused(bad):
    with pytest.raises(ValueError):
        limit(bad)


@pytest.mark.parametrize("bad", [-5, "heavy", float("inf")])
def test_bad_weights_are_refused(bad):
    with pytest.raises(ValueError):
        limit(10, weight=bad)


@pytest.mark.parametrize(
    ("age", "weight", "words"),
    [
        (3.99, None, "No source"),
        (4, None, "Health Canada"),
        (18.99, None, "Health Canada"),
        (18.99, 60, "EFSA"),
        (19, None, "FDA"),
    ],
)
def test_the_source_changes_at_the_same_ages_as_the_figure(age, weight, words):
    assert words in caffeine_limit_source(age_years=age, pregnant=False, lactating=False, weight_kg=weight)
    assert "FDA" not in caffeine_limit_source(age_years=18.99, pregnant=False, lactating=False, weight_kg=None)
