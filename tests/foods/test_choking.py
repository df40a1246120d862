"""The safer form named when a choking hazard is added for a child under 4 (foods.choking)."""

from foods.choking import safer_form


def test_whole_nuts_and_seeds_are_offered_ground_or_as_a_thin_spread():
    assert "ground" in safer_form("Nuts, almonds", "Nut and Seed Products")
    assert "ground" in safer_form("Seeds, pumpkin and squash seed kernels, dried", "Nut and Seed Products")


def test_nut_butter_is_spread_thinly_never_by_the_spoonful():
    assert "spread thinly" in safer_form("Peanut butter, smooth style, with salt", "Legumes and Legume Products")


def test_popcorn_has_no_safer_form_and_raw_vegetables_are_cooked_soft():
    assert "leave popcorn out" in safer_form("Snacks, popcorn, air-popped", "Snacks")
    assert "cooked until soft" in safer_form("Carrots, raw", "Vegetables and Vegetable Products")
