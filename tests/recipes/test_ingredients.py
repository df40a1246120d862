"""Ingredient lines read into amount, unit and food words; amounts converted to grams through units or portions."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recipes.ingredients import (
    COUNT_UNITS,
    MASS_UNITS,
    VOLUME_UNITS,
    food_words,
    grams_for,
    parse_line,
    parse_lines,
    to_grams,
    to_millilitres,
)


@pytest.mark.parametrize(
    "line, quantity, unit, words",
    [
        ("1 cup cooked spinach", 1, "cup", ("cooked", "spinach")),
        ("2 tbsp pumpkin seeds", 2, "tbsp", ("pumpkin", "seeds")),
        ("200 g tofu", 200, "g", ("tofu",)),
        ("200g tofu", 200, "g", ("tofu",)),
        ("1/2 cup oats", 0.5, "cup", ("oats",)),
        ("1½ cups milk", 1.5, "cup", ("milk",)),
        ("1 1/2 cups milk", 1.5, "cup", ("milk",)),
        ("1 ½ cups milk", 1.5, "cup", ("milk",)),
        ("½ tsp salt", 0.5, "tsp", ("salt",)),
        ("3 eggs", 3, None, ("eggs",)),
        ("2 large eggs", 2, "large", ("eggs",)),
        ("a pinch of salt", 1, "pinch", ("salt",)),
        ("half a cup of milk", 0.5, "cup", ("milk",)),
        ("2-3 cloves garlic", 2, "clove", ("garlic",)),
        ("2 to 3 tbsp olive oil", 2, "tbsp", ("olive", "oil")),
        ("1 fl oz milk", 1, "fl oz", ("milk",)),
        ("2 Tablespoons. Tahini", 2, "tbsp", ("tahini",)),
        ("- 10 oz frozen spinach", 10, "oz", ("frozen", "spinach")),
        ("1 can (400 g) chickpeas", 400, "g", ("chickpeas",)),
        ("(400 g) chickpeas", 400, "g", ("chickpeas",)),  # no count before the bracket: once raised TypeError
        ("1.5 kg potatoes", 1.5, "kg", ("potatoes",)),
    ],
)
def test_it_reads_the_amount_unit_and_food_of_a_line(line, quantity, unit, words):
    parsed = parse_line(line)
    assert parsed.quantity == pytest.approx(quantity)
    assert parsed.unit == unit
    assert parsed.food_words == words


def test_a_line_without_an_amount_keeps_its_food_and_no_quantity():
    parsed = parse_line("salt to taste")
    assert parsed.quantity is None and parsed.unit is None
    assert parsed.food_words == ("salt",)


def test_what_follows_a_comma_is_a_note_not_the_food():
    parsed = parse_line("200 g tofu, drained and pressed")
    assert parsed.food_words == ("tofu",)
    assert parsed.note == "drained and pressed"


def test_a_fraction_over_zero_is_not_an_amount():
    assert parse_line("1/0 cup oats").quantity is None


def test_pasted_text_gives_one_line_per_ingredient_and_skips_blank_lines():
    lines = parse_lines("1 cup cooked spinach\n\n  \n2 tbsp pumpkin seeds\r\n200 g tofu\n")
    assert [line.food for line in lines] == ["cooked spinach", "pumpkin seeds", "tofu"]


def test_mass_units_convert_to_grams():
    assert to_grams(1, "kg") == pytest.approx(1000)
    assert to_grams(1, "oz") == pytest.approx(28.3495, abs=1e-3)
    assert to_grams(1, "lb") == pytest.approx(453.592, abs=1e-3)
    assert to_grams(1, "cup") is None


def test_volume_units_convert_to_us_millilitres():
    assert to_millilitres(1, "cup") == pytest.approx(236.588, abs=1e-3)
    assert to_millilitres(2, "tbsp") == pytest.approx(29.574, abs=1e-3)
    assert to_millilitres(1, "tsp") == pytest.approx(4.929, abs=1e-3)
    assert to_millilitres(1, "l") == pytest.approx(1000)
    assert to_millilitres(1, "g") is None


# Portions as in fixtures/foods.json (SR28 WEIGHT labels and grams).
SPINACH_COOKED = [("1 cup", 180.0)]
PUMPKIN_SEEDS = [("1 cup", 129.0), ("1 oz", 28.35)]
MILK = [("1 cup", 244.0), ("1 fl oz", 30.5), ("1 quart", 976.0)]
EGG = [("1 large", 50.0), ("1 medium", 44.0), ("1 extra large", 56.0)]
SPINACH_RAW = [("1 cup", 30.0), ("1 bunch", 340.0), ("1 leaf", 10.0)]


def test_a_line_in_a_portions_unit_uses_that_portion():
    match = grams_for(parse_line("1 cup cooked spinach"), SPINACH_COOKED)
    assert match.grams == pytest.approx(180)
    assert (match.how, match.portion_index) == ("portion", 0)


def test_a_volume_scales_from_a_portion_of_another_volume_unit():
    # 2 tbsp is 1/8 cup: 129 g / 8.
    match = grams_for(parse_line("2 tbsp pumpkin seeds"), PUMPKIN_SEEDS)
    assert match.grams == pytest.approx(129 / 8, rel=1e-3)


def test_a_mass_is_converted_without_any_portion():
    assert grams_for(parse_line("200 g tofu"), []).grams == pytest.approx(200)
    match = grams_for(parse_line("2 oz pumpkin seeds"), PUMPKIN_SEEDS)
    assert match.how == "unit" and match.grams == pytest.approx(56.699, abs=1e-3)


def test_a_fraction_of_a_cup_scales_the_cup():
    assert grams_for(parse_line("1½ cups milk"), MILK).grams == pytest.approx(366)


def test_a_plain_count_uses_the_medium_size():
    match = grams_for(parse_line("3 eggs"), EGG)
    assert match.grams == pytest.approx(132) and match.portion_index == 1


def test_a_named_size_uses_that_size():
    assert grams_for(parse_line("2 large eggs"), EGG).grams == pytest.approx(100)


def test_a_portion_whose_words_match_the_line_wins_over_a_plain_one():
    match = grams_for(parse_line("1 cup chopped spinach"), [("1 cup", 30.0), ("1 cup, chopped", 40.0)])
    assert match.portion_index == 1 and match.grams == pytest.approx(40)


def test_nothing_is_guessed_when_no_portion_fits():
    assert grams_for(parse_line("a pinch of salt"), [("1 tsp", 6.0)]).grams is None
    assert grams_for(parse_line("3 eggs"), [("1 cup", 243.0)]).grams is None
    assert grams_for(parse_line("salt to taste"), [("1 tsp", 6.0)]).grams is None


def test_a_count_unit_with_a_portion_of_that_name_converts():
    assert grams_for(parse_line("2 leaves spinach"), SPINACH_RAW).grams == pytest.approx(20)


# ------------------------------------------------------------------------------------------ properties

FRACTIONS = {"1/2": 0.5, "1/4": 0.25, "3/4": 0.75, "1/3": 1 / 3, "½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3}
UNIT_SPELLINGS = {
    "g": "g",
    "grams": "g",
    "kg": "kg",
    "oz": "oz",
    "ounces": "oz",
    "lb": "lb",
    "ml": "ml",
    "l": "l",
    "cup": "cup",
    "cups": "cup",
    "tbsp": "tbsp",
    "tablespoons": "tbsp",
    "tsp": "tsp",
    "teaspoon": "tsp",
    "fl oz": "fl oz",
    "pinch": "pinch",
    "cloves": "clove",
    "slices": "slice",
    "can": "can",
    "large": "large",
    "": None,
}
NOT_FOOD = {
    *FRACTIONS,
    "of",
    "a",
    "an",
    "the",
    "some",
    "about",
    "and",
    "or",
    "to",
    "taste",
    "for",
    "x",
    "half",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "approx",
    "approximately",
    "roughly",
}
from recipes.ingredients import UNIT_ALIASES  # noqa: E402

word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10).filter(
    lambda w: w not in NOT_FOOD and w not in UNIT_ALIASES
)


@st.composite
def amounts(draw):
    whole = draw(st.integers(min_value=0, max_value=999))
    fraction = draw(st.sampled_from(["", *FRACTIONS]))
    if whole == 0 and not fraction:
        whole = 1
    text = (f"{whole} " if whole else "") + fraction
    if fraction in VULGAR and whole and draw(st.booleans()):
        text = f"{whole}{fraction}"  # "1½"
    return text.strip(), whole + FRACTIONS.get(fraction, 0)


VULGAR = {"½", "¼", "¾", "⅓"}


@settings(deadline=None, max_examples=200)
@given(
    amounts(),
    st.sampled_from(sorted(UNIT_SPELLINGS)),
    st.lists(word, min_size=1, max_size=4),
    st.sampled_from(["", ", chopped", ", to serve"]),
)
def test_a_written_line_reads_back_as_its_amount_unit_and_food(amount, unit, words, note):
    text, value = amount
    line = " ".join(part for part in (text, unit, " ".join(words)) if part) + note
    parsed = parse_line(line)
    assert parsed.quantity == pytest.approx(value)
    assert parsed.unit == UNIT_SPELLINGS[unit]
    assert parsed.food_words == tuple(words)
    assert parsed.note == note.removeprefix(", ")


@settings(deadline=None, max_examples=100)
@given(st.floats(min_value=0.01, max_value=1000), st.sampled_from(sorted(MASS_UNITS)))
def test_a_mass_in_any_unit_comes_back_the_same_from_grams(quantity, unit):
    grams = to_grams(quantity, unit)
    assert grams > 0
    assert grams / to_grams(1, unit) == pytest.approx(quantity)


@settings(deadline=None, max_examples=100)
@given(st.floats(min_value=0.1, max_value=50), st.sampled_from(sorted(VOLUME_UNITS)))
def test_a_volume_through_a_cup_portion_is_proportional_to_its_millilitres(quantity, unit):
    line = parse_line(f"{quantity} {unit} milk")
    match = grams_for(line, MILK[:1])
    assert match.grams == pytest.approx(to_millilitres(quantity, unit) / to_millilitres(1, "cup") * 244)


@settings(deadline=None)
@given(st.text(max_size=200))
def test_any_text_reads_without_an_error(text):
    parsed = parse_line(text)
    assert parsed.quantity is None or parsed.quantity >= 0
    assert all(w == w.lower() for w in parsed.food_words)
    assert parsed.unit is None or parsed.unit in {*MASS_UNITS, *VOLUME_UNITS, *COUNT_UNITS}
    grams_for(parsed, [("1 cup", 30.0), ("1 large", 50.0)])


def test_food_words_leave_out_filler_and_numbers():
    assert food_words("Some of the Greek yogurt 2%") == ("greek", "yogurt")


def test_a_plain_count_never_uses_a_measure_like_a_cubic_inch():
    # SR28 16127's portions: "3 cubes tofu" is not 3 cubic inches; the person gives the grams.
    tofu = [
        ('1 piece (2-1/2" x 2-3/4" x 1")', 120.0),
        ('1 cup (1/2" cubes)', 248.0),
        ("1 cubic inch", 18.0),
        ("0.25 block", 116.0),
    ]
    assert grams_for(parse_line("3 cubes tofu"), tofu).grams is None


def test_a_plain_count_uses_a_portion_named_by_the_lines_words():
    assert grams_for(parse_line("2 salmon fillets"), [("3 oz", 85.0), ("1 fillet", 154.0)]).grams == pytest.approx(308)
