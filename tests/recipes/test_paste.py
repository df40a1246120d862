"""Paste a recipe: each line matched to up to three foods with its grams, confirmed by the person; unmatched
lines listed, nothing guessed. A saved recipe page is read through its schema.org data, offline."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from recipes.ingredients import parse_line
from recipes.models import Recipe
from recipes.scrape import NoRecipeFound, read_recipe_page
from recipes.selectors import line_candidates
from tests.recipes.factories import pumpkin_seeds, spinach_cooked, tofu

pytestmark = pytest.mark.django_db
PAGE = Path(__file__).with_name("recipe_page.html")
LINES = "1 cup cooked spinach\n2 tbsp pumpkin seeds\n200 g tofu\na pinch of saffron"


@pytest.fixture
def foods():
    return {"spinach": spinach_cooked(), "seeds": pumpkin_seeds(), "tofu": tofu()}


@pytest.fixture
def recipe(user):
    return Recipe.objects.create(owner=user, name="Bowl", servings=2)


def _keys(rows):
    return {row.text: [c.key for c in row.candidates] for row in rows}


def test_each_line_is_matched_to_its_food_with_grams(user, foods):
    spinach = line_candidates(user, parse_line("1 cup cooked spinach"))
    assert spinach[0].key == f"food:{foods['spinach'].pk}" and spinach[0].match.grams == pytest.approx(180)
    seeds = line_candidates(user, parse_line("2 tbsp pumpkin seeds"))
    assert seeds[0].key == f"food:{foods['seeds'].pk}" and seeds[0].match.grams == pytest.approx(129 / 8, rel=1e-3)
    assert line_candidates(user, parse_line("200 g tofu"))[0].match.grams == pytest.approx(200)


def test_at_most_three_candidates_are_offered(user, foods):
    from foods.models import Food

    for n in range(5):
        Food.objects.create(name=f"Spinach, variety {n}", food_group="Vegetables", magnesium_mg=70)
    assert len(line_candidates(user, parse_line("1 cup spinach"))) == 3


def test_pasting_lines_shows_the_candidates_and_the_lines_without_a_match(client_logged_in, recipe, foods):
    response = client_logged_in.post(reverse("recipes:paste", args=[recipe.pk]), {"lines": LINES})
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [row.text for row in response.context["unmatched"]] == ["a pinch of saffron"]
    assert _keys(rows)["200 g tofu"] == [f"food:{foods['tofu'].pk}"]
    html = response.content.decode()
    assert "Lines with no food found" in html and "a pinch of saffron" in html
    # Nothing is chosen for the person and nothing is added yet.
    assert " checked" not in html
    assert not recipe.ingredients.exists()


def test_confirming_adds_exactly_the_chosen_lines(client_logged_in, recipe, foods):
    lines = LINES.splitlines()
    response = client_logged_in.post(
        reverse("recipes:paste_confirm", args=[recipe.pk]),
        {
            "line": lines,
            "choice_0": f"food:{foods['spinach'].pk}",
            "choice_1": f"food:{foods['seeds'].pk}",
            "grams_1": "20",
            "choice_2": "skip",
        },
    )
    assert response.status_code == 302
    rows = list(recipe.ingredients.order_by("position"))
    assert [(r.food_id, r.grams, r.line) for r in rows] == [
        (foods["spinach"].pk, pytest.approx(180), "1 cup cooked spinach"),
        (foods["seeds"].pk, pytest.approx(20), "2 tbsp pumpkin seeds"),
    ]


def test_a_line_left_unanswered_is_asked_again_and_nothing_is_added(client_logged_in, recipe, foods):
    response = client_logged_in.post(
        reverse("recipes:paste_confirm", args=[recipe.pk]),
        {"line": LINES.splitlines(), "choice_0": f"food:{foods['spinach'].pk}", "choice_2": "skip"},
    )
    assert response.status_code == 422
    assert "Choose one of the foods, or leave this line out." in response.content.decode()
    # The person's choice so far is kept.
    assert f'value="food:{foods["spinach"].pk}" checked' in response.content.decode()
    assert not recipe.ingredients.exists()


def test_a_food_whose_grams_are_unknown_needs_grams_typed(client_logged_in, recipe, foods):
    body = {"line": ["3 cubes tofu"], "choice_0": f"food:{foods['tofu'].pk}"}
    response = client_logged_in.post(reverse("recipes:paste_confirm", args=[recipe.pk]), body)
    assert response.status_code == 422 and b"give the grams" in response.content
    response = client_logged_in.post(reverse("recipes:paste_confirm", args=[recipe.pk]), {**body, "grams_0": "54"})
    assert response.status_code == 302 and recipe.ingredients.get().grams == pytest.approx(54)


@pytest.mark.parametrize(
    "choice, grams",
    [
        ("food:999999", ""),
        ("own:1", ""),
        ("nonsense", ""),
        ("FOOD", "-3"),
        ("FOOD", "abc"),
        ("FOOD", "1e309"),
        ("FOOD", "30000"),
    ],
)
def test_a_bad_confirmation_adds_nothing(client_logged_in, recipe, foods, choice, grams):
    choice = choice.replace("FOOD", f"food:{foods['spinach'].pk}")
    response = client_logged_in.post(
        reverse("recipes:paste_confirm", args=[recipe.pk]),
        {"line": ["1 cup cooked spinach"], "choice_0": choice, "grams_0": grams},
    )
    assert response.status_code == 422
    assert not recipe.ingredients.exists()


def test_too_many_or_no_lines_are_refused(client_logged_in, recipe):
    assert client_logged_in.post(reverse("recipes:paste", args=[recipe.pk]), {"lines": "\n \n"}).status_code == 422
    many = "\n".join(f"{n} g tofu" for n in range(1, 70))
    assert client_logged_in.post(reverse("recipes:paste", args=[recipe.pk]), {"lines": many}).status_code == 422


def test_a_strangers_recipe_cannot_be_pasted_into(client, recipe, other_user, foods):
    client.force_login(other_user)
    assert client.post(reverse("recipes:paste", args=[recipe.pk]), {"lines": LINES}).status_code == 404
    response = client.post(
        reverse("recipes:paste_confirm", args=[recipe.pk]),
        {"line": ["1 cup cooked spinach"], "choice_0": f"food:{foods['spinach'].pk}"},
    )
    assert response.status_code == 404 and not recipe.ingredients.exists()


# ------------------------------------------------------------------------------------------ saved pages


def test_a_saved_recipe_page_gives_its_name_servings_lines_and_steps():
    page = read_recipe_page(PAGE.read_text(), "https://example.org/bowl")
    assert page.name == "Spinach and pumpkin seed bowl"
    assert page.servings == 2
    assert page.lines == [
        "1 cup cooked spinach",
        "2 tbsp pumpkin seeds",
        "200 g tofu, cubed",
        "a pinch of saffron threads",
    ]
    assert "Fry the tofu" in page.steps


@pytest.mark.parametrize("html", ["<html><body><h1>Not a recipe</h1></body></html>", "", "\x00\xff garbage"])
def test_a_page_without_recipe_data_is_refused_plainly(html):
    with pytest.raises(NoRecipeFound):
        read_recipe_page(html)


def test_reading_a_saved_page_makes_a_recipe_and_asks_about_each_line(client_logged_in, user, foods):
    upload = SimpleUploadedFile("bowl.html", PAGE.read_bytes(), content_type="text/html")
    response = client_logged_in.post(reverse("recipes:import"), {"page": upload, "url": "https://example.org/bowl"})
    assert response.status_code == 200
    recipe = Recipe.objects.get(owner=user)
    assert (recipe.name, recipe.servings, recipe.source_url) == (
        "Spinach and pumpkin seed bowl",
        2,
        "https://example.org/bowl",
    )
    assert [row.text for row in response.context["rows"]][:2] == ["1 cup cooked spinach", "2 tbsp pumpkin seeds"]
    assert [row.text for row in response.context["unmatched"]] == ["a pinch of saffron threads"]
    assert not recipe.ingredients.exists()


def test_a_page_that_is_not_a_recipe_comes_back_with_an_error(client_logged_in):
    upload = SimpleUploadedFile("x.html", b"<html><body>hello</body></html>", content_type="text/html")
    response = client_logged_in.post(reverse("recipes:import"), {"page": upload})
    assert response.status_code == 422 and b"no recipe data" in response.content
    assert not Recipe.objects.exists()


def test_a_persons_own_food_is_offered_first_with_its_serving(user, other_user, foods):
    from recipes.models import OwnFood

    mine = OwnFood.objects.create(
        owner=user, name="Oat bar, honey", magnesium_mg=100, serving_label="1 bar", serving_grams=40
    )
    OwnFood.objects.create(
        owner=other_user, name="Oat bar, secret", magnesium_mg=1, serving_label="1 bar", serving_grams=30
    )
    candidates = line_candidates(user, parse_line("2 bars oat bar"))
    assert [c.key for c in candidates] == [f"own:{mine.pk}"]
    assert candidates[0].own and candidates[0].match.grams == pytest.approx(80)


def test_a_whole_word_and_a_name_that_starts_with_the_food_rank_first(user):
    from foods.models import Food

    for name in (
        "Eggnog",
        "Eggplant, raw",
        "Egg, whole, raw, fresh",
        "Pepper, banana, raw",
        "Bananas, raw",
        "Snacks, banana chips",
    ):
        Food.objects.create(name=name, food_group="SR28 names", magnesium_mg=10)
    assert line_candidates(user, parse_line("3 eggs"))[0].name == "Egg, whole, raw, fresh"
    assert line_candidates(user, parse_line("1 banana"))[0].name == "Bananas, raw"


def test_a_common_food_wins_over_a_rare_one_with_a_shorter_name(user):
    from foods.models import Food, Portion

    # SR28 names and magnesium (mg/100 g): 01109 sheep 18, 01106 goat 14, 01211 whole 10, 01079 2% fat 11;
    # WEIGHT: 1 cup of whole milk is 244 g.
    Food.objects.create(
        ndb_number="01109", name="Milk, sheep, fluid", food_group="Dairy and Egg Products", magnesium_mg=18
    )
    Food.objects.create(
        ndb_number="01106",
        name="Milk, goat, fluid, with added vitamin D",
        food_group="Dairy and Egg Products",
        magnesium_mg=14,
    )
    whole = Food.objects.create(
        ndb_number="01211",
        name="Milk, whole, 3.25% milkfat, without added vitamin A and vitamin D",
        food_group="Dairy and Egg Products",
        magnesium_mg=10,
    )
    Portion.objects.create(food=whole, seq=1, label="1 cup", grams=244)
    Food.objects.create(
        ndb_number="01079",
        name="Milk, reduced fat, fluid, 2% milkfat, with added vitamin A and vitamin D",
        food_group="Dairy and Egg Products",
        magnesium_mg=11,
    )
    candidates = line_candidates(user, parse_line("1 cup milk"))
    assert candidates[0].key == f"food:{whole.pk}"  # the basic form, as the food search ranks it
    assert candidates[0].match.grams == pytest.approx(244)


def test_a_pasted_plural_synonym_or_typo_finds_its_food(user, foods):
    assert line_candidates(user, parse_line("200 g spinch"))[0].key == f"food:{foods['spinach'].pk}"
    assert line_candidates(user, parse_line("2 tbsp pepitas"))[0].key == f"food:{foods['seeds'].pk}"
