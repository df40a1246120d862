"""The words beside a generated day (issue 17): which bands held it back, from its totals (no database)."""

from mealplanner.generator.bands import bands_for
from mealplanner.generator.meal_explain import held_back

ADULT = bands_for(age_years=35, energy_kcal=2000, magnesium_mg=320, caffeine_mg=400)


def roomy(**more):
    # 2,000 kcal: 55 % carbohydrate, 28 % fat, 17 % protein; 40 g fibre; 450 mg magnesium; well under the caps.
    totals = {
        "energy_kcal": 2000.0,
        "magnesium_mg": 450.0,
        "carbohydrate_g": 275.0,
        "fat_g": 62.2,
        "protein_g": 85.0,
        "fibre_g": 40.0,
        "sodium_mg": 1200.0,
        "caffeine_mg": 0.0,
    }
    return {**totals, **more}


def test_a_day_with_room_in_every_band_names_nothing():
    assert held_back(roomy(), ADULT) == ()


def test_a_day_short_of_the_target_says_how_far_food_reaches():
    (first, *_rest) = held_back(roomy(magnesium_mg=250.0), ADULT)
    assert first.startswith("Magnesium: food reaches 250 of 320 mg at most")


def test_a_day_just_at_the_target_says_so_and_one_over_twice_it_says_why():
    assert held_back(roomy(magnesium_mg=330.0), ADULT)[0] == "Magnesium: the plan just reaches the 320 mg target."
    assert "more than twice the 320 mg target" in held_back(roomy(magnesium_mg=700.0), ADULT)[0]


def test_a_cap_nearly_used_up_and_a_zero_caffeine_cap_with_its_reason():
    words = held_back(roomy(sodium_mg=2250.0), ADULT)
    assert "Sodium: 2,250 mg, close to the 2,300 mg limit." in words  # NASEM CDRR for adults
    no_caffeine = bands_for(age_years=35, energy_kcal=2000, magnesium_mg=320, caffeine_mg=0)
    assert "Caffeine: only foods without it were used, because of restless legs." in held_back(
        roomy(), no_caffeine, caffeine_reason=", because of restless legs"
    )


def test_energy_at_an_end_of_its_band_and_fat_at_the_top_of_its_range():
    assert any(
        w.startswith("Energy: 1,810 kcal, near the low end") for w in held_back(roomy(energy_kcal=1810.0), ADULT)
    )
    words = held_back(roomy(carbohydrate_g=230.0, fat_g=77.0), ADULT)  # fat 35 % of the Atwater energy
    assert any(w.startswith("Fat: 35 % of energy, at the high end of the 20–35 % range") for w in words)
