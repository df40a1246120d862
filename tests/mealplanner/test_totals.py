"""Day and week totals (plain Python, no database)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mealplanner.totals import Amount, EntryValues, day_totals, scale_per_100g, week_totals


def food(day=0, mg=100.0, status="planned", **other):
    return EntryValues(day=day, magnesium_mg=mg, status=status, **other)


def supplement(day=0, mg=400.0, status="planned"):
    return EntryValues(day=day, is_supplement=True, supplement_mg=mg, status=status)


def test_a_portion_scales_the_per_100g_value():
    # Pumpkin seeds, SR28 NDB 12014: 592 mg/100 g; one cup is 129 g.
    assert scale_per_100g(592, 129) == pytest.approx(763.68)
    assert scale_per_100g(None, 129) is None


def test_food_and_supplement_magnesium_are_kept_apart_and_added_for_the_target():
    totals = day_totals([food(mg=120), food(mg=80), supplement(mg=400)], day=0).counted
    assert totals.food_magnesium.value == 200
    assert totals.supplement_magnesium.value == 400
    assert totals.magnesium_mg == 600


def test_an_unknown_value_is_left_out_and_counted_so_the_sum_reads_as_a_lower_bound():
    totals = day_totals([food(mg=310), food(mg=None), food(mg=None)], day=0).counted
    assert totals.food_magnesium.value == 310
    assert totals.food_magnesium.unknown == 2
    assert str(totals.food_magnesium) == "at least 310; 2 foods unknown"
    assert str(Amount(12.4, 0)) == "12"


def test_energy_caffeine_potassium_phosphorus_and_sodium_are_summed_for_foods_only():
    totals = day_totals(
        [
            food(energy_kcal=500, caffeine_mg=95, potassium_mg=300, phosphorus_mg=200, sodium_mg=10),
            food(energy_kcal=250, caffeine_mg=None, potassium_mg=100, phosphorus_mg=50, sodium_mg=5),
            supplement(),
        ],
        day=0,
    ).counted
    assert (totals.energy_kcal.value, totals.potassium_mg.value, totals.phosphorus_mg.value) == (750, 400, 250)
    assert totals.caffeine_mg.value == 95 and totals.caffeine_mg.unknown == 1
    assert totals.sodium_mg.value == 15
    assert (totals.foods, totals.supplements) == (2, 1)


def test_a_past_day_counts_what_was_eaten_and_keeps_the_plan_beside_it():
    entries = [food(mg=100, status="eaten"), food(mg=200, status="skipped"), food(mg=50)]
    past = day_totals(entries, day=0, past=True)
    assert past.counted.food_magnesium.value == 100
    assert past.planned.food_magnesium.value == 350
    future = day_totals(entries, day=0, past=False)
    assert future.counted.food_magnesium.value == 350


def test_the_week_sums_each_day_in_one_pass_and_averages_over_the_days_that_hold_anything():
    entries = [food(day=0, mg=350), food(day=1, mg=350), supplement(day=6, mg=0), food(day=6, mg=None)]
    week = week_totals(entries)
    assert [d.counted.magnesium_mg for d in week.days] == [350, 350, 0, 0, 0, 0, 0]
    # Days 0, 1 and 6 hold something: an empty day is not a day of 0 mg (issue 18).
    assert week.days_with_entries == 3
    assert week.average_magnesium_mg == pytest.approx(700 / 3)
    assert week.unknown_foods == 1 and week.magnesium_at_least
    assert week.days[6].entries == 2
    assert not week.is_empty
    assert week_totals([]).is_empty and week_totals([]).average_magnesium_mg is None


def test_one_planned_day_averages_its_own_figure_not_a_seventh_of_it():
    week = week_totals([food(day=2, mg=176), food(day=2, mg=0)])
    assert week.average_magnesium_mg == pytest.approx(176) and week.days_with_entries == 1


def test_the_week_counts_eaten_for_days_before_today_only():
    entries = [food(day=0, mg=100), food(day=0, mg=50, status="skipped"), food(day=3, mg=100)]
    week = week_totals(entries, past_days=2)
    assert week.days[0].counted.magnesium_mg == 0  # past, something ticked, nothing ticked eaten
    assert week.days[0].counts_eaten and week.days[0].counted_kind == "eaten"
    assert week.days[3].counted.magnesium_mg == 100


def test_a_past_day_where_nothing_was_ticked_counts_what_was_planned():
    # A client without a login never ticks anything: "0 mg eaten" would be false.
    entries = [food(day=0, mg=100), supplement(day=0, mg=200), food(day=1, mg=80, status="eaten"), food(day=1, mg=40)]
    week = week_totals(entries, past_days=2)
    assert week.days[0].counted.magnesium_mg == 300
    assert week.days[0].nothing_ticked and not week.days[0].counts_eaten
    assert week.days[0].counted_kind == "planned"
    assert week.days[1].counted.magnesium_mg == 80  # once anything is ticked, what was eaten
    assert not week.days[1].nothing_ticked
    assert week.average_magnesium_mg == pytest.approx(380 / 2)
    # The same one day at a time.
    assert day_totals(entries, day=0, past=True).counted.magnesium_mg == 300
    assert day_totals(entries, day=1, past=True).counted.magnesium_mg == 80


def test_a_day_outside_the_week_is_refused():
    with pytest.raises(ValueError):
        week_totals([food(day=7)])


entries_strategy = st.lists(
    st.builds(
        EntryValues,
        day=st.integers(0, 6),
        status=st.sampled_from(["planned", "eaten", "skipped"]),
        magnesium_mg=st.one_of(st.none(), st.floats(0, 2000)),
    ),
    max_size=40,
)


@settings(deadline=None, max_examples=60)
@given(entries_strategy, st.integers(0, 7))
def test_the_week_agrees_with_its_days_and_never_counts_an_unknown(entries, past_days):
    week = week_totals(entries, past_days=past_days)
    for d in week.days:
        alone = day_totals(entries, day=d.day, past=d.past)
        assert alone.counted.food_magnesium == d.counted.food_magnesium
        assert d.eaten.food_magnesium.value <= d.planned.food_magnesium.value + 1e-6
    if week.is_empty:
        assert week.average_magnesium_mg is None and week.days_with_entries == 0
    else:
        assert week.average_magnesium_mg * week.days_with_entries == pytest.approx(
            sum(d.counted.magnesium_mg for d in week.days)
        )
    assert week.unknown_foods <= sum(1 for e in entries if e.magnesium_mg is None)
