"""The default portion rule for foods nobody curated (foods.portions)."""

from dataclasses import dataclass

from foods.portions import default_portion


@dataclass
class P:
    seq: int
    label: str
    grams: float
    is_default: bool = False


def test_the_curated_default_wins():
    portions = [P(1, "1 cup", 140), P(2, "1 oz", 28.35, is_default=True)]
    assert default_portion(portions, "Vegetables and Vegetable Products").label == "1 oz"


def test_without_a_default_nuts_get_the_portion_nearest_an_ounce():
    portions = [P(1, "1 cup, whole", 143), P(2, "1 oz", 28.35), P(3, "1 almond", 1.2)]
    assert default_portion(portions, "Nut and Seed Products").label == "1 oz"


def test_without_a_default_a_heavy_portion_is_never_chosen_while_a_lighter_one_exists():
    portions = [P(1, "1 head", 908), P(2, "1 leaf", 23)]
    assert default_portion(portions, "Vegetables and Vegetable Products").label == "1 leaf"


def test_only_heavy_portions_give_the_first_and_no_portions_give_none():
    assert default_portion([P(2, "1 lb", 453), P(1, "1 roast", 900)]).label == "1 roast"
    assert default_portion([]) is None
