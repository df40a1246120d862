"""Meal patterns of the week planner (issue 17) on small hand-made inputs, checked by hand (no database).

Every item here has the same make-up per 100 kcal (55 % carbohydrate, 28 % fat, 17 % protein, 2 g fibre,
50 mg sodium), so any mix of them keeps the macro, fibre and sodium bands, and the tests see the patterns.
"""

import pytest

from mealplanner.generator.bands import age_sodium_mg, bands_for
from mealplanner.generator.meals import MAX_DISH_DAYS, NONE, OK, SHORT, SHORT_NOTE, plan_week
from mealplanner.generator.patterns import CEREAL, FRUIT, MAIN, MILK, SIDE, Dish, Person, SideFood, options_for

ADULT = bands_for(age_years=35, energy_kcal=2000, magnesium_mg=320, caffeine_mg=400)
EVERYONE = {
    "vegan": True,
    "vegetarian": True,
    **{f"contains_{a}": False for a in ("nuts", "peanuts", "dairy", "gluten", "fish", "shellfish", "soy", "egg")},
}


def make_up(kcal, mg_per_100_kcal=20.0, **more):
    per = kcal / 100
    values = {
        "energy_kcal": kcal,
        "magnesium_mg": mg_per_100_kcal * per,
        "carbohydrate_g": 13.75 * per,
        "fat_g": 3.11 * per,
        "protein_g": 4.25 * per,
        "fibre_g": 2.0 * per,
        "sodium_mg": 50.0 * per,
        "potassium_mg": 100.0 * per,
        "phosphorus_mg": 50.0 * per,
        "caffeine_mg": 0.0,
    }
    values.update(more)
    return values


def dish(dish_id, meals, kcal=500, diet=None, **kw):
    return Dish(
        dish_id=dish_id,
        name=f"Dish {dish_id}",
        meals=frozenset(meals),
        per_serving=make_up(kcal),
        diet=diet or EVERYONE,
        grams_per_serving=300,
        ingredient_grams=((900 + dish_id, 300),),
        **kw,
    )


def food(food_id, group, meals, kcal_per_100g=100, grams=100, name=None, **kw):
    return SideFood(
        food_id=food_id,
        name=name or f"Food {food_id}",
        food_group=group,
        meals=frozenset(meals),
        per_100g=make_up(kcal_per_100g),
        diet=EVERYONE,
        portion_grams=grams,
        **kw,
    )


CEREALS = [food(10 + i, "Breakfast Cereals", {"breakfast"}, 350, 60, name=f"Cereal {i}") for i in range(3)]
MILKS = [
    food(20 + i, "Dairy and Egg Products", {"breakfast", "snack"}, 60, 244, name=f"Milk, kind {i}") for i in range(3)
]
FRUITS = [food(30 + i, "Fruits and Fruit Juices", {"breakfast", "snack"}, 60, 150, name=f"Fruit {i}") for i in range(6)]
SIDES = [
    food(40 + i, g, {"lunch", "dinner"}, 110, 150, name=f"Side {i}")
    for i, g in enumerate(("Vegetables and Vegetable Products", "Cereal Grains and Pasta", "Baked Products") * 3)
]
SNACKS = [food(60 + i, "Nut and Seed Products", {"snack"}, 500, 30, name=f"Snack {i}") for i in range(4)]
FOODS = CEREALS + MILKS + FRUITS + SIDES + SNACKS
DISHES = [dish(i, {"breakfast"}, 450) for i in range(1, 4)] + [dish(i, {"lunch", "dinner"}, 600) for i in range(4, 14)]


ANYONE = Person()


def week(person=ANYONE, bands=ADULT, dishes=DISHES, foods=FOODS, **kw):
    return plan_week(dishes=dishes, foods=foods, person=person, bands=bands, budget_s=120, **kw)


def test_bands_follow_the_age_tables():
    toddler = bands_for(age_years=2, energy_kcal=1000, magnesium_mg=80, caffeine_mg=0)
    assert (toddler.fat, toddler.protein, toddler.sodium_mg) == ((0.30, 0.40), (0.05, 0.20), 1200.0)
    assert [age_sodium_mg(a) for a in (3.9, 4, 8.9, 9, 13.9, 14, 80)] == [1200, 1500, 1500, 1800, 1800, 2300, 2300]
    child = bands_for(age_years=10, energy_kcal=1800, magnesium_mg=240, caffeine_mg=85)
    assert (child.fat, child.protein) == ((0.25, 0.35), (0.10, 0.30))
    assert (
        bands_for(age_years=40, energy_kcal=2000, magnesium_mg=320, caffeine_mg=400, sodium_cap_mg=1500).sodium_mg
        == 1500.0
    )  # a dietitian's lower cap wins
    with pytest.raises(ValueError):
        bands_for(age_years=0.5, energy_kcal=800, magnesium_mg=75, caffeine_mg=0)


def test_each_breakfast_is_a_dish_or_cereal_with_milk_and_fruit():
    days = week()
    for day in days:
        assert day.status == OK
        roles = sorted(i.role for i in day.items if i.meal == "breakfast")
        assert roles in ([MAIN], sorted([CEREAL, MILK, FRUIT]))
        if roles == [MAIN]:
            assert [i.kind for i in day.items if i.meal == "breakfast"] == ["dish"]
    # Three breakfast dishes, at most twice each: at least one of seven breakfasts is cereal, milk and fruit.
    assert any(CEREAL in {i.role for i in d.items if i.meal == "breakfast"} for d in days)


def test_lunch_and_dinner_are_one_main_dish_and_at_most_two_sides_and_a_snack_one_or_two_items():
    for day in week():
        for meal in ("lunch", "dinner"):
            items = [i for i in day.items if i.meal == meal]
            assert [i.kind for i in items if i.role == MAIN] == ["dish"]
            assert len([i for i in items if i.role == SIDE]) <= 2
            assert len({i.group for i in items if i.role == SIDE}) == len([i for i in items if i.role == SIDE])
        assert 1 <= len([i for i in day.items if i.meal == "snack"]) <= 2


def test_dishes_come_in_halves_from_half_a_serving_to_two_and_foods_in_half_or_whole_portions():
    for day in week():
        for item in day.items:
            assert item.halves in ((1, 2, 3, 4) if item.kind == "dish" else (1, 2))
            unit = 300 if item.kind == "dish" else next(f.portion_grams for f in FOODS if f.food_id == item.ref)
            assert item.grams == pytest.approx(unit * item.halves / 2)


def test_a_dish_is_on_at_most_two_days_and_no_two_days_are_the_same():
    days = week()
    dish_days = {}
    for day in days:
        for ref in {i.ref for i in day.items if i.kind == "dish"}:
            dish_days[ref] = dish_days.get(ref, 0) + 1
    assert max(dish_days.values()) <= MAX_DISH_DAYS
    assert len({d.chosen for d in days}) == 7


def test_the_days_energy_stays_within_ten_percent_of_the_goal():
    for day in week():
        assert 1800 - 1e-6 <= day.totals["energy_kcal"] <= 2200 + 1e-6


def test_disliked_foods_and_dishes_and_dishes_holding_a_disliked_food_are_never_planned():
    person = Person(disliked_foods=frozenset({10, 40, 904}), disliked_dishes=frozenset({5}))
    refs = {(i.kind, i.ref) for d in week(person) for i in d.items}
    assert not refs & {("food", 10), ("food", 40), ("dish", 4), ("dish", 5)}  # dish 4 holds food 904


def test_a_vegan_gets_only_dishes_and_foods_known_to_be_vegan():
    unknown = dict(EVERYONE, vegan=None)
    not_vegan = dict(EVERYONE, vegan=False)
    dishes = DISHES + [
        dish(20, {"lunch", "dinner"}, 600, diet=unknown),
        dish(21, {"lunch", "dinner"}, 600, diet=not_vegan),
    ]
    options = options_for(dishes, FOODS, Person(diet="vegan"), ADULT)
    assert not {o.ref for o in options if o.kind == "dish"} & {20, 21}


def test_under_four_no_choking_hazard_is_offered():
    toddler = bands_for(age_years=2, energy_kcal=1000, magnesium_mg=80, caffeine_mg=0)
    dishes = DISHES + [dish(30, {"lunch"}, choking_hazard=True)]
    foods = FOODS + [
        food(80, "Fruits and Fruit Juices", {"snack"}, 70, 100, name="Grapes, red or green"),
        food(81, "Vegetables and Vegetable Products", {"lunch"}, 30, 100, choking_hazard=True),
    ]
    refs = {(o.kind, o.ref) for o in options_for(dishes, foods, Person(), toddler)}
    assert not refs & {("dish", 30), ("food", 80), ("food", 81)}
    assert ("dish", 30) in {(o.kind, o.ref) for o in options_for(dishes, foods, Person(), ADULT)}


def test_an_item_whose_capped_value_is_unknown_or_only_at_least_is_left_out():
    kidney = bands_for(age_years=50, energy_kcal=2000, magnesium_mg=320, caffeine_mg=400, potassium_cap_mg=2500)
    partial = dish(40, {"lunch"}, partial=frozenset({"potassium_mg"}))
    unknown_sodium = SideFood(
        50,
        "Side, unknown sodium",
        "Vegetables and Vegetable Products",
        frozenset({"lunch"}),
        {**make_up(100), "sodium_mg": None},
        EVERYONE,
        100,
    )
    refs = {(o.kind, o.ref) for o in options_for(DISHES + [partial], FOODS + [unknown_sodium], Person(), kidney)}
    assert ("dish", 40) not in refs and ("food", 50) not in refs
    # Without a potassium cap, "at least" potassium is no reason to leave the dish out.
    assert ("dish", 40) in {(o.kind, o.ref) for o in options_for(DISHES + [partial], FOODS, Person(), ADULT)}


def test_a_day_that_food_cannot_bring_to_the_target_is_short_and_says_so():
    bands = bands_for(age_years=35, energy_kcal=2000, magnesium_mg=2000, caffeine_mg=400)
    days = week(bands=bands, days=range(1))
    assert days[0].status == SHORT and SHORT_NOTE in days[0].notes
    assert 1800 - 1e-6 <= days[0].totals["energy_kcal"] <= 2200 + 1e-6


def test_without_any_lunch_dish_or_main_food_the_day_is_not_filled():
    days = week(dishes=[d for d in DISHES if "lunch" not in d.meals], days=range(1))
    assert days[0].status == NONE and days[0].items == ()


def test_tofu_or_lentils_can_be_the_main_when_there_is_no_lunch_or_dinner_dish():
    tofu = food(70, "Legumes and Legume Products", {"lunch", "dinner"}, 140, 250, name="Tofu, firm")
    lentils = food(71, "Legumes and Legume Products", {"lunch", "dinner"}, 120, 200, name="Lentils, cooked")
    days = week(dishes=DISHES[:3], foods=FOODS + [tofu, lentils], days=range(1))
    mains = sorted(i.ref for i in days[0].items if i.role == MAIN and i.meal in ("lunch", "dinner"))
    assert days[0].status == OK and mains == [70, 71]


def test_no_day_holds_more_than_400_g_of_one_food_counting_the_dishes_ingredients():
    # Each dish here is 300 g of one food a serving: two servings (600 g) would pass the 400 g a day.
    for day in week():
        assert all(i.halves <= 2 for i in day.items if i.kind == "dish")
    heavy = food(90, "Vegetables and Vegetable Products", {"lunch", "dinner"}, 40, 250, name="Squash, cooked")
    for day in week(foods=FOODS + [heavy]):
        assert sum(i.grams for i in day.items if (i.kind, i.ref) == ("food", 90)) <= 400


def test_unknown_caffeine_counts_as_none_except_in_drinks_and_cocoa_like_foods():
    from mealplanner.generator.patterns import caffeine_or_zero

    assert caffeine_or_zero(None, name="Rice, brown, long-grain, cooked", food_group="Cereal Grains and Pasta") == 0
    assert caffeine_or_zero(None, name="Beverages, tea, green, brewed", food_group="Beverages") is None
    assert caffeine_or_zero(None, name="Chocolate, dark, 70-85% cacao solids", food_group="Sweets") is None
    assert caffeine_or_zero(12.0, name="Chocolate, dark", food_group="Sweets") == 12.0
    rice = food(91, "Cereal Grains and Pasta", {"lunch"}, 110, 150, name="Rice, brown, cooked")
    rice = SideFood(**{**rice.__dict__, "per_100g": {**rice.per_100g, "caffeine_mg": None}})
    tea = food(92, "Beverages", {"snack"}, 1, 240, name="Beverages, tea, green, brewed")
    tea = SideFood(**{**tea.__dict__, "per_100g": {**tea.per_100g, "caffeine_mg": None}})
    refs = {o.ref for o in options_for([], [rice, tea], Person(), ADULT)}
    assert 91 in refs and 92 not in refs


def test_a_partly_planned_day_fills_only_the_empty_meals_and_counts_what_it_holds():
    held = make_up(1700)  # breakfast, lunch and dinner already planned by hand
    days = week(meals=("snack",), fixed={0: held}, days=range(1))
    assert days[0].status == OK
    assert {i.meal for i in days[0].items} == {"snack"}
    assert 1800 - 1e-6 <= days[0].totals["energy_kcal"] <= 2200 + 1e-6
    assert days[0].totals["energy_kcal"] == pytest.approx(1700 + sum(i.amounts["energy_kcal"] for i in days[0].items))


def test_a_meal_never_has_a_side_of_a_food_its_dish_already_holds():
    # Small lunch and dinner dishes, each holding food 900 + its id; those foods are the only sides, and the
    # day's energy needs sides.
    small = [dish(i, {"lunch", "dinner"}, 250) for i in range(4, 14)]
    inner = [
        food(900 + d.dish_id, "Cereal Grains and Pasta", {"lunch", "dinner"}, 150, 200, name=f"Inner {d.dish_id}")
        for d in small
    ]
    foods = CEREALS + MILKS + FRUITS + SNACKS + inner
    days = week(dishes=DISHES[:3] + small, foods=foods, days=range(3))
    assert all(d.status == OK for d in days) and any(i.role == SIDE for d in days for i in d.items)
    for day in days:
        for meal in ("lunch", "dinner"):
            dish_foods = {900 + i.ref for i in day.items if i.meal == meal and i.kind == "dish"}
            assert not dish_foods & {i.ref for i in day.items if i.meal == meal and i.kind == "food"}
