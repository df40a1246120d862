"""The shared food search: prefix matching in any order, ranking, sorts, portions, diet conflicts."""

import pytest

from foods.models import Food, Portion
from foods.search_ranking import Candidate, query_words, rank, words_match
from foods.selectors import food_groups, search_foods
from tests.foods.factories import make_food

pytestmark = pytest.mark.django_db


@pytest.fixture
def foods():
    # Values from USDA SR28 (NUT_DATA 304 magnesium, 208 energy; WEIGHT for portions), by NDB number.
    return {
        "seeds": make_food(
            "12014",
            "Seeds, pumpkin and squash seed kernels, dried",
            "Nut and Seed Products",
            mg=592,
            kcal=559,
            portions=[("1 cup", 129), ("1 oz", 28.35)],
            vegan=True,
            vegetarian=True,
            contains_dairy=False,
            contains_nuts=False,
        ),
        "spinach": make_food(
            "11457",
            "Spinach, raw",
            "Vegetables and Vegetable Products",
            mg=79,
            kcal=23,
            portions=[("1 cup", 30), ("1 bunch", 340)],
            vegan=True,
            vegetarian=True,
            contains_dairy=False,
        ),
        "yogurt": make_food(
            "01117",
            "Yogurt, plain, low fat, 12 grams protein per 8 ounce",
            "Dairy and Egg Products",
            mg=17,
            kcal=63,
            portions=[("1 container (6 oz)", 170)],
            vegan=False,
            vegetarian=True,
            contains_dairy=True,
            suits_breakfast=True,
        ),
        "pumpkin": make_food(
            "11424",
            "Pumpkin, canned, without salt",
            "Vegetables and Vegetable Products",
            mg=23,
            kcal=34,
            portions=[("1 cup", 245)],
        ),
        # A food USDA gave no magnesium value for, and one with no household portion.
        "mystery": make_food(None, "Spinach dip, homemade", "Vegetables and Vegetable Products", mg=None, kcal=None),
        "spice": make_food("02035", "Spices, pumpkin pie spice", "Spices and Herbs", mg=136, kcal=342),
    }


def names(results):
    return [r.food.name for r in results]


def test_words_match_the_start_of_name_words_in_any_order(foods):
    assert names(search_foods("seed pumpkin")) == ["Seeds, pumpkin and squash seed kernels, dried"]
    assert names(search_foods("PUMPKIN SEED")) == ["Seeds, pumpkin and squash seed kernels, dried"]
    assert "Spinach, raw" in names(search_foods("spin"))
    assert names(search_foods("yog")) == ["Yogurt, plain, low fat, 12 grams protein per 8 ounce"]


def test_a_word_inside_another_word_does_not_match(foods):
    # "pin" is inside "Spinach" and "kin" inside "pumpkin", but starts no word of either.
    assert names(search_foods("pin")) == []
    assert names(search_foods("kin")) == []


def test_every_word_must_match(foods):
    assert names(search_foods("pumpkin yogurt")) == []


def test_punctuation_and_odd_characters_are_ignored(foods):
    assert names(search_foods("  seeds,  (pumpkin)!  ")) == ["Seeds, pumpkin and squash seed kernels, dried"]
    assert names(search_foods("%_\\'\"")) != []  # no words: every food


def test_relevance_puts_the_food_itself_before_foods_that_mention_it(foods):
    found = names(search_foods("spin"))
    assert found[0] == "Spinach, raw"
    found = names(search_foods("pumpkin"))
    assert found.index("Pumpkin, canned, without salt") < found.index("Spices, pumpkin pie spice")


def test_first_portion_and_mg_per_portion_follow_the_first_household_measure(foods):
    [seeds] = search_foods("pumpkin seed")
    assert seeds.mg_per_100g == 592
    assert seeds.first_portion == ("1 cup", 129)
    assert seeds.first_portion.label == "1 cup"
    assert seeds.first_portion_id == Portion.objects.get(food=foods["seeds"], seq=1).id
    assert seeds.mg_per_portion == pytest.approx(592 * 129 / 100)
    assert seeds.mg_per_100kcal == pytest.approx(592 * 100 / 559)


def test_each_result_offers_every_portion_of_its_food_in_sr28_order(foods):
    [seeds] = search_foods("pumpkin seed")
    stored = list(Portion.objects.filter(food=foods["seeds"]).order_by("seq"))
    assert [(p.pk, p.label, p.grams) for p in seeds.portions] == [(p.pk, p.label, p.grams) for p in stored]
    assert (seeds.portions[0].label, seeds.portions[0].grams) == seeds.first_portion
    [dip] = search_foods("dip")
    assert dip.portions == []


def test_unknown_values_stay_unknown_not_zero(foods):
    [dip] = search_foods("dip")
    assert dip.mg_per_100g is None
    assert dip.first_portion is None
    assert dip.mg_per_portion is None
    assert dip.mg_per_100kcal is None


def test_zero_energy_gives_no_mg_per_100_kcal(foods):
    make_food("14555", "Beverages, water, tap, drinking", "Beverages", mg=1, kcal=0)
    [water] = search_foods("water")
    assert water.mg_per_100kcal is None


def test_sort_by_magnesium_puts_the_richest_first_and_unknown_last(foods):
    make_food("04001", "Fat, beef tallow", "Fats and Oils", mg=0, kcal=902)
    found = names(search_foods(order="magnesium", limit=None))
    assert found[:3] == ["Seeds, pumpkin and squash seed kernels, dried", "Spices, pumpkin pie spice", "Spinach, raw"]
    assert found[-2:] == ["Fat, beef tallow", "Spinach dip, homemade"]


def test_sort_by_portion_uses_mg_in_the_first_portion(foods):
    found = names(search_foods("pumpkin", order="portion"))
    # Canned pumpkin: 23 mg x 245 g = 56 mg a cup; the spice has no portion here, so it comes last.
    assert found == [
        "Seeds, pumpkin and squash seed kernels, dried",
        "Pumpkin, canned, without salt",
        "Spices, pumpkin pie spice",
    ]
    found = names(search_foods(order="portion", limit=3))
    # Yogurt (17 mg, 170 g: 28.9 mg) beats raw spinach (79 mg, 30 g: 23.7 mg) per portion.
    assert found[2] == "Yogurt, plain, low fat, 12 grams protein per 8 ounce"


def test_sort_by_mg_per_100_kcal(foods):
    found = names(search_foods(order="kcal", limit=2))
    # Spinach: 79 mg in 23 kcal (343 mg per 100 kcal) is the richest per calorie.
    assert found == ["Spinach, raw", "Seeds, pumpkin and squash seed kernels, dried"]


def test_sort_by_name(foods):
    found = names(search_foods(order="name", limit=None))
    assert found == sorted(found, key=str.casefold)


def test_group_and_meal_filters(foods):
    assert set(names(search_foods(group="Vegetables and Vegetable Products"))) == {
        "Spinach, raw",
        "Pumpkin, canned, without salt",
        "Spinach dip, homemade",
    }
    assert names(search_foods(meal="breakfast")) == ["Yogurt, plain, low fat, 12 grams protein per 8 ounce"]


def test_conflicts_explain_why_a_food_does_not_suit(foods):
    by_name = {r.food.name: r for r in search_foods(diet="vegan", allergies=["dairy"], limit=None)}
    assert by_name["Spinach, raw"].conflicts == []
    assert by_name["Spinach, raw"].suits
    assert "not vegan" in by_name["Yogurt, plain, low fat, 12 grams protein per 8 ounce"].conflicts
    assert "contains dairy" in by_name["Yogurt, plain, low fat, 12 grams protein per 8 ounce"].conflicts
    # Nobody checked canned pumpkin: unknown is not allowed.
    assert "not known to be vegan" in by_name["Pumpkin, canned, without salt"].conflicts


def test_only_suitable_leaves_out_conflicting_and_unknown_foods(foods):
    found = names(search_foods(diet="vegan", allergies=["dairy"], only_suitable=True, order="name"))
    assert found == ["Seeds, pumpkin and squash seed kernels, dried", "Spinach, raw"]


def test_limit_and_total(foods):
    results = search_foods(limit=2)
    assert len(results) == 2
    assert results.total == 6
    assert len(search_foods(limit=None)) == 6


def test_unknown_order_diet_or_allergen_is_refused(foods):
    with pytest.raises(ValueError):
        search_foods(order="price")
    with pytest.raises(ValueError):
        search_foods(diet="carnivore")
    with pytest.raises(ValueError):
        search_foods(allergies=["wood"])
    with pytest.raises(ValueError):
        search_foods(meal="brunch")


def test_two_queries_whatever_the_number_of_results(foods, django_assert_num_queries):
    for i in range(40):
        make_food(f"9{i:04d}", f"Test bean number {i}", "Legumes and Legume Products", mg=i, portions=[("1 cup", 100)])
    for order in ("relevance", "magnesium", "portion", "kcal", "name"):
        with django_assert_num_queries(2):
            results = search_foods("bean", order=order, limit=None)
            assert len(results) == 40
            assert [r.first_portion for r in results].count(None) == 0


def test_food_groups_lists_each_group_once_alphabetically(foods):
    assert food_groups() == [
        "Dairy and Egg Products",
        "Nut and Seed Products",
        "Spices and Herbs",
        "Vegetables and Vegetable Products",
    ]


def test_food_groups_leaves_out_a_blank_group(foods):
    make_food(None, "Home-made granola", "", mg=100)
    assert "" not in food_groups()


# Pure ranking rules, no database.


def test_query_words_lower_cases_and_drops_punctuation_and_repeats():
    assert query_words("Low-fat, YOGURT yogurt!") == ["low", "fat", "yogurt"]


def test_words_match_needs_every_word_at_a_word_start():
    assert words_match(["seed", "pump"], "Seeds, pumpkin and squash seed kernels, dried")
    assert not words_match(["eed"], "Seeds, pumpkin and squash seed kernels, dried")


def test_rank_prefers_raw_or_plain_basic_forms_and_known_magnesium():
    candidates = [
        Candidate(1, "Spinach, cooked, boiled, drained, without salt", 87),
        Candidate(2, "Spinach, raw", 79),
        Candidate(3, "Spinach, frozen", None),
    ]
    assert [c.id for c in rank(candidates, ["spinach"])] == [2, 1, 3]


def test_rank_puts_generic_foods_before_brands():
    candidates = [Candidate(1, "KASHI Spinach pasta", 20), Candidate(2, "Spinach souffle", 30)]
    assert [c.id for c in rank(candidates, ["spinach"])] == [2, 1]


@pytest.fixture
def sr28_names(sr28_dir):
    """Every SR28 food name and group (no nutrients) in the test database, via bulk_create."""

    def parse(line):
        return [f[1:-1] if len(f) >= 2 and f[0] == f[-1] == "~" else f for f in line.rstrip("\r\n").split("^")]

    with open(sr28_dir / "FD_GROUP.txt", encoding="latin-1") as fh:
        groups = {row[0]: row[1] for row in map(parse, fh)}
    with open(sr28_dir / "FOOD_DES.txt", encoding="latin-1") as fh:
        rows = [parse(line) for line in fh]
    Food.objects.bulk_create([Food(ndb_number=r[0], food_group=groups[r[1]], name=r[2]) for r in rows], batch_size=1000)
    assert Food.objects.count() == 8789


def top3(query):
    return [r.food.ndb_number for r in search_foods(query, limit=3)]


def test_on_the_full_sr28_list_the_expected_foods_rank_in_the_top_three(sr28_names):
    assert {"12014", "12016"} & set(top3("pumpkin seed")), top3("pumpkin seed")
    assert "11457" in top3("spin"), top3("spin")
    assert "01117" in top3("yog"), top3("yog")
