"""A vegan fills an empty week with one button in Chromium and sees every day reach the target."""

import datetime

import pytest
from playwright.sync_api import expect

from foods.models import Food, Portion
from mealplanner.models import Plan
from tests.mealplanner.plan_factories import make_profile, this_monday


def next_monday():
    # A week that lies ahead: filling the week skips days before today.
    return this_monday() + datetime.timedelta(days=7)


pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"

# USDA SR28: NDB number, name, group, magnesium (304) and energy (208) per 100 g, meals (b/l/d/s), and a
# portion from the WEIGHT file. All vegan.
VEGAN_FOODS = [
    ("08120", "Cereals, oats, regular and quick, not fortified, dry", "Breakfast Cereals", 138, 379, "b", ("0.333 cup", 27)),
    ("08148", "Cereals ready-to-eat, POST, Shredded Wheat, original spoon-size", "Breakfast Cereals", 133, 351, "b", ("1 cup", 49)),
    ("08402", "Cereals, QUAKER, Quick Oats, Dry", "Breakfast Cereals", 270, 371, "b", ("0.5 cup", 40)),
    ("12220", "Seeds, flaxseed", "Nut and Seed Products", 392, 534, "b", ("1 tbsp, whole", 10.3)),
    ("20078", "Wheat germ, crude", "Cereal Grains and Pasta", 239, 360, "b", ("1 cup", 115)),
    ("09040", "Bananas, raw", "Fruits and Fruit Juices", 27, 89, "bs", ("1 cup, sliced", 150)),
    ("16139", "Soymilk, original and vanilla, with added calcium, vitamins A and D", "Legumes and Legume Products", 15, 43, "bs", ("1 cup", 243)),
    ("09316", "Strawberries, raw", "Fruits and Fruit Juices", 13, 32, "bs", ("1 cup, halves", 152)),
    ("16015", "Beans, black, mature seeds, cooked, boiled, without salt", "Legumes and Legume Products", 70, 132, "ld", ("1 cup", 172)),
    ("16109", "Soybeans, mature cooked, boiled, without salt", "Legumes and Legume Products", 86, 172, "ld", ("1 cup", 172)),
    ("16114", "Tempeh", "Legumes and Legume Products", 81, 192, "ld", ("1 cup", 166)),
    ("16057", "Chickpeas (garbanzo beans, bengal gram), mature seeds, cooked, boiled, without salt", "Legumes and Legume Products", 48, 164, "ld", ("1 cup", 164)),
    ("16070", "Lentils, mature seeds, cooked, boiled, without salt", "Legumes and Legume Products", 36, 116, "ld", ("1 cup", 198)),
    ("11458", "Spinach, cooked, boiled, drained, without salt", "Vegetables and Vegetable Products", 87, 23, "ld", ("1 cup", 180)),
    ("11148", "Chard, swiss, cooked, boiled, drained, without salt", "Vegetables and Vegetable Products", 86, 20, "ld", ("1 cup, chopped", 175)),
    ("11087", "Beet greens, cooked, boiled, drained, without salt", "Vegetables and Vegetable Products", 68, 27, "ld", ("0.5 cup (1\" pieces)", 72)),
    ("11279", "Okra, cooked, boiled, drained, without salt", "Vegetables and Vegetable Products", 36, 22, "ld", ("8 pods (3\" long)", 85)),
    ("11674", "Potatoes, baked, flesh and skin, without salt", "Vegetables and Vegetable Products", 28, 93, "ld", ("1 potato medium", 173)),
    ("11483", "Squash, winter, acorn, cooked, baked, without salt", "Vegetables and Vegetable Products", 43, 56, "ld", ("1 cup, cubes", 205)),
    ("11212", "Edamame, frozen, prepared", "Vegetables and Vegetable Products", 64, 121, "ld", ("1 cup", 155)),
    ("20037", "Rice, brown, long-grain, cooked", "Cereal Grains and Pasta", 39, 123, "ld", ("1 cup", 202)),
    ("20137", "Quinoa, cooked", "Cereal Grains and Pasta", 64, 120, "ld", ("1 cup", 185)),
    ("20125", "Pasta, whole-wheat, cooked", "Cereal Grains and Pasta", 54, 149, "ld", ("1 cup spaghetti not packed", 117)),
    ("20032", "Millet, cooked", "Cereal Grains and Pasta", 44, 119, "ld", ("1 cup", 174)),
    ("11090", "Broccoli, raw", "Vegetables and Vegetable Products", 21, 34, "ld", ("1 cup chopped", 91)),
    ("12014", "Seeds, pumpkin and squash seed kernels, dried", "Nut and Seed Products", 592, 559, "s", ("1 oz", 28.35)),
    ("12061", "Nuts, almonds", "Nut and Seed Products", 270, 579, "s", ("1 cup, sliced", 92)),
    ("12087", "Nuts, cashew nuts, raw", "Nut and Seed Products", 292, 553, "s", ("1 oz", 28.35)),
    ("16390", "Peanuts, all types, dry-roasted, without salt", "Legumes and Legume Products", 178, 587, "s", ("1 oz", 28.35)),
    ("19816", "Snacks, rice cakes, brown rice, plain, unsalted", "Snacks", 131, 387, "s", ("2 cakes", 18)),
]
MEAL_LETTERS = {"b": "suits_breakfast", "l": "suits_lunch", "d": "suits_dinner", "s": "suits_snack"}


@pytest.fixture
def vegan_week(user):
    for ndb, name, group, mg, kcal, meals, (label, grams) in VEGAN_FOODS:
        nuts = group == "Nut and Seed Products" and name.startswith("Nuts")
        food = Food.objects.create(
            ndb_number=ndb, name=name, food_group=group, magnesium_mg=mg, energy_kcal=kcal, caffeine_mg=0,
            vegan=True, vegetarian=True, contains_nuts=nuts, contains_peanuts=name.startswith("Peanuts"),
            contains_dairy=False, contains_gluten=False, contains_fish=False, contains_shellfish=False,
            contains_soy=False, contains_egg=False, **{MEAL_LETTERS[m]: True for m in meals},
        )
        Portion.objects.create(food=food, seq=1, label=label, grams=grams)
    # A woman of 45: target 320 mg [NIH ODS Table 1], energy goal 2,000 kcal.
    profile = make_profile(user, diet="vegan", energy_goal_kcal=2000)
    return Plan.objects.create(profile=profile, name="Vegan week", start_date=next_monday(), created_by=user)


def test_a_vegan_fills_an_empty_week_and_every_day_reaches_the_target(page, live_server, vegan_week):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()

    page.goto(f"{live_server.url}/plans/{vegan_week.pk}/")
    page.get_by_role("button", name="Fill the empty meals of the week").click()
    expect(page.get_by_role("heading", name="Fill the empty meals of the week")).to_be_visible()
    expect(page.locator(".generator-day")).to_have_count(7)
    expect(page.locator(".generator-day", has_text="Met:")).to_have_count(7)
    expect(page.locator("main")).to_contain_text("mg per 100 kcal")

    page.get_by_role("link", name="Back to the plan").last.click()
    values = page.locator("data.day-planned-mg")  # planned, so past days count too
    expect(values).to_have_count(7)
    for value in values.all():
        assert float(value.get_attribute("value")) >= 320


def test_the_result_page_fits_a_360_pixel_phone(page, live_server, vegan_week):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/plans/{vegan_week.pk}/")
    page.locator("#gen-day").select_option("2")
    page.get_by_role("button", name="Fill this day").click()
    expect(page.locator(".generator-day")).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shot = __import__("os").environ.get("GENERATOR_SCREENSHOT")
    if shot:  # for a person to look at the page, not an assertion
        page.screenshot(path=shot, full_page=True)
