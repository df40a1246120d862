"""Recipe pages: make a recipe, add foods by name, see magnesium per serving; strangers get 404; a dietitian's
shared recipes are read only to their clients; public recipes are an admin's."""

import pytest
from django.urls import reverse

from recipes.models import OwnFood, Recipe, RecipeIngredient
from tests.recipes.factories import client_of, pumpkin_seeds, spinach_cooked

pytestmark = pytest.mark.django_db


@pytest.fixture
def bowl(user):
    spinach, seeds = spinach_cooked(), pumpkin_seeds()
    recipe = Recipe.objects.create(owner=user, name="Green bowl", servings=2)
    RecipeIngredient.objects.create(
        recipe=recipe, food=spinach, portion=spinach.portions.first(), quantity=1, grams=180
    )
    RecipeIngredient.objects.create(recipe=recipe, food=seeds, quantity=30, grams=30, position=1)
    return recipe


def test_a_person_makes_a_recipe_and_lands_on_it(client_logged_in, user):
    response = client_logged_in.post(reverse("recipes:new"), {"name": "Porridge", "servings": "3", "steps": "Stir."})
    recipe = Recipe.objects.get(owner=user)
    assert response.status_code == 302 and response.url == reverse("recipes:detail", args=[recipe.pk])
    assert (recipe.name, recipe.servings, recipe.visibility) == ("Porridge", 3, "private")


def test_a_bad_recipe_form_comes_back_with_errors_and_saves_nothing(client_logged_in):
    response = client_logged_in.post(reverse("recipes:new"), {"name": "", "servings": "0"})
    assert response.status_code == 422
    assert b"field-error" in response.content
    assert not Recipe.objects.exists()


def test_a_plain_person_cannot_share_a_recipe_with_clients_or_everyone(client_logged_in, user):
    for visibility in ("clients", "public"):
        response = client_logged_in.post(
            reverse("recipes:new"), {"name": "X", "servings": "1", "visibility": visibility}
        )
        assert response.status_code == 422
    assert not Recipe.objects.exists()


def test_the_recipe_page_shows_magnesium_per_serving(client_logged_in, bowl):
    response = client_logged_in.get(reverse("recipes:detail", args=[bowl.pk]))
    assert response.status_code == 200
    magnesium = response.context["magnesium"]
    # (87 × 1.8 + 592 × 0.3) / 2 servings
    assert magnesium.value == pytest.approx((87 * 1.8 + 592 * 0.3) / 2)
    assert not magnesium.at_least
    assert "Magnesium: 167 mg" in response.content.decode()
    facts = {f["label"]: f["value"] for f in response.context["facts"]}
    assert facts["Vegan"] is True and facts["Contains tree nuts"] is False


def test_an_ingredient_with_unknown_magnesium_makes_it_at_least(client_logged_in, user, bowl):
    bar = OwnFood.objects.create(owner=user, name="Oat bar", magnesium_mg=None, energy_kcal=400)
    RecipeIngredient.objects.create(recipe=bowl, own_food=bar, quantity=40, grams=40, position=2)
    response = client_logged_in.get(reverse("recipes:detail", args=[bowl.pk]))
    assert response.context["magnesium"].at_least
    assert "Magnesium: at least 167 mg" in response.content.decode()
    facts = {f["label"]: f["value"] for f in response.context["facts"]}
    assert facts["Vegan"] is None


def test_adding_a_food_by_name_with_a_portion(client_logged_in, user):
    recipe = Recipe.objects.create(owner=user, name="Seeds", servings=1)
    seeds = pumpkin_seeds()
    page = client_logged_in.get(reverse("recipes:ingredient_add", args=[recipe.pk]), {"q": "pumpkin seed"})
    assert [c.key for c in page.context["choices"]] == [f"food:{seeds.pk}"]
    oz = seeds.portions.get(label="1 oz")
    response = client_logged_in.post(
        reverse("recipes:ingredient_add", args=[recipe.pk]),
        {"food": f"food:{seeds.pk}", "portion": oz.pk, "quantity": "2"},
    )
    assert response.status_code == 302
    row = recipe.ingredients.get()
    assert row.grams == pytest.approx(56.7) and row.portion == oz and row.quantity == 2


def test_adding_grams_of_an_own_food(client_logged_in, user):
    recipe = Recipe.objects.create(owner=user, name="Snack", servings=1)
    bar = OwnFood.objects.create(owner=user, name="Oat bar", magnesium_mg=100, serving_grams=40, serving_label="1 bar")
    client_logged_in.post(
        reverse("recipes:ingredient_add", args=[recipe.pk]),
        {"food": f"own:{bar.pk}", "portion": "serving", "quantity": "1.5"},
    )
    client_logged_in.post(
        reverse("recipes:ingredient_add", args=[recipe.pk]), {"food": f"own:{bar.pk}", "portion": "", "quantity": "25"}
    )
    assert sorted(r.grams for r in recipe.ingredients.all()) == [25, 60]


@pytest.mark.parametrize(
    "body",
    [
        {"food": "food:999999", "portion": "", "quantity": "1"},
        {"food": "nonsense", "portion": "", "quantity": "1"},
        {"food": "FOOD", "portion": "999999", "quantity": "1"},
        {"food": "FOOD", "portion": "", "quantity": "-1"},
        {"food": "FOOD", "portion": "", "quantity": "25000"},
        {"food": "FOOD", "portion": "OTHER", "quantity": "1"},
    ],
)
def test_a_bad_ingredient_is_refused_and_nothing_is_added(client_logged_in, user, body):
    recipe = Recipe.objects.create(owner=user, name="Seeds", servings=1)
    seeds, spinach = pumpkin_seeds(), spinach_cooked()
    body = {
        k: v.replace("FOOD", f"food:{seeds.pk}").replace("OTHER", str(spinach.portions.first().pk))
        for k, v in body.items()
    }
    response = client_logged_in.post(reverse("recipes:ingredient_add", args=[recipe.pk]), body)
    assert response.status_code == 422
    assert not recipe.ingredients.exists()


def test_somebody_elses_own_food_cannot_go_into_a_recipe(client_logged_in, user, other_user):
    recipe = Recipe.objects.create(owner=user, name="Seeds", servings=1)
    theirs = OwnFood.objects.create(owner=other_user, name="Quince bar", magnesium_mg=10)
    response = client_logged_in.post(
        reverse("recipes:ingredient_add", args=[recipe.pk]),
        {"food": f"own:{theirs.pk}", "portion": "", "quantity": "10"},
    )
    assert response.status_code == 422 and not recipe.ingredients.exists()


def test_removing_an_ingredient(client_logged_in, bowl):
    row = bowl.ingredients.first()
    client_logged_in.post(reverse("recipes:ingredient_remove", args=[bowl.pk, row.pk]))
    assert not RecipeIngredient.objects.filter(pk=row.pk).exists()


def test_a_strangers_recipe_is_404_on_every_page(client, bowl, other_user):
    client.force_login(other_user)
    row = bowl.ingredients.first()
    for url in (
        reverse("recipes:detail", args=[bowl.pk]),
        reverse("recipes:edit", args=[bowl.pk]),
        reverse("recipes:delete", args=[bowl.pk]),
        reverse("recipes:ingredient_add", args=[bowl.pk]),
        reverse("recipes:paste", args=[bowl.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("recipes:ingredient_remove", args=[bowl.pk, row.pk])).status_code == 404
    assert client.post(reverse("recipes:delete", args=[bowl.pk])).status_code == 404
    assert bowl.ingredients.count() == 2 and Recipe.objects.filter(pk=bowl.pk).exists()
    assert "Green bowl" not in client.get(reverse("recipes:list")).content.decode()


def test_an_ingredient_of_another_recipe_is_404_inside_my_own(client_logged_in, user, other_user, bowl):
    theirs = Recipe.objects.create(owner=other_user, name="Theirs", servings=1)
    row = RecipeIngredient.objects.create(recipe=theirs, food=bowl.ingredients.first().food, quantity=5, grams=5)
    response = client_logged_in.post(reverse("recipes:ingredient_remove", args=[bowl.pk, row.pk]))
    assert response.status_code == 404 and RecipeIngredient.objects.filter(pk=row.pk).exists()


@pytest.fixture
def dietitian(django_user_model):
    return django_user_model.objects.create_user(username="dora", password="a-long-test-password", is_dietitian=True)


def test_a_dietitians_shared_recipe_is_read_only_to_their_clients(client, dietitian, user, other_user):
    client_of(dietitian, user)
    shared = Recipe.objects.create(owner=dietitian, name="Clinic stew", servings=4, visibility="clients")
    private = Recipe.objects.create(owner=dietitian, name="Dora's own", servings=1)
    client.force_login(user)
    listing = client.get(reverse("recipes:list")).content.decode()
    assert "Clinic stew" in listing and "Dora&#x27;s own" not in listing and "Dora's own" not in listing
    page = client.get(reverse("recipes:detail", args=[shared.pk]))
    assert page.status_code == 200 and not page.context["can_edit"] and b"read only" in page.content
    assert client.get(reverse("recipes:detail", args=[private.pk])).status_code == 404
    assert (
        client.post(reverse("recipes:edit", args=[shared.pk]), {"name": "Mine now", "servings": "1"}).status_code == 404
    )
    assert client.post(reverse("recipes:delete", args=[shared.pk])).status_code == 404
    # Not a client of hers: not shown.
    client.force_login(other_user)
    assert client.get(reverse("recipes:detail", args=[shared.pk])).status_code == 404
    shared.refresh_from_db()
    assert shared.name == "Clinic stew"


def test_a_dietitian_may_share_and_an_admin_may_publish(client, dietitian, django_user_model, other_user):
    client.force_login(dietitian)
    client.post(reverse("recipes:new"), {"name": "For clients", "servings": "2", "visibility": "clients"})
    assert Recipe.objects.get(name="For clients").visibility == "clients"
    admin = django_user_model.objects.create_user(username="root", password="a-long-test-password", is_staff=True)
    client.force_login(admin)
    client.post(reverse("recipes:new"), {"name": "For all", "servings": "2", "visibility": "public"})
    public = Recipe.objects.get(name="For all")
    client.force_login(other_user)
    assert client.get(reverse("recipes:detail", args=[public.pk])).status_code == 200
    assert client.get(reverse("recipes:edit", args=[public.pk])).status_code == 404


def test_editing_and_deleting_my_recipe(client_logged_in, bowl):
    client_logged_in.post(
        reverse("recipes:edit", args=[bowl.pk]), {"name": "Green bowl II", "servings": "4", "suits_lunch": "on"}
    )
    bowl.refresh_from_db()
    assert (bowl.name, bowl.servings, bowl.suits_lunch) == ("Green bowl II", 4, True)
    client_logged_in.post(reverse("recipes:delete", args=[bowl.pk]))
    assert not Recipe.objects.filter(pk=bowl.pk).exists()


def test_the_menu_links_to_recipes(client_logged_in):
    page = client_logged_in.get(reverse("plans:list")).content.decode()
    assert f'<a href="{reverse("recipes:list")}">Recipes</a>' in page


def test_anonymous_visitors_are_sent_to_log_in(client, bowl):
    response = client.get(reverse("recipes:detail", args=[bowl.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_the_recipe_page_takes_the_same_queries_for_2_or_20_ingredients(
    client_logged_in, bowl, django_assert_max_num_queries
):
    url = reverse("recipes:detail", args=[bowl.pk])
    with django_assert_max_num_queries(8) as few:
        client_logged_in.get(url)
    spinach = bowl.ingredients.first().food
    for n in range(18):
        RecipeIngredient.objects.create(
            recipe=bowl, food=spinach, portion=spinach.portions.first(), quantity=1, grams=180, position=10 + n
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client_logged_in.get(url)
