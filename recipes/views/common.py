"""What the recipe views share: the status of a form that came back, and a recipe page's figures."""

from foods.models import ALLERGENS, NUTRIENTS
from recipes.favourites import favourite_keys, item_key
from recipes.selectors import recipe_figures

# Magnesium first: it is what the app is for; then energy; then the rest in the food table's order.
NUTRIENT_ORDER = ("magnesium_mg", "energy_kcal")
FACT_LABELS = {
    "vegan": "Vegan",
    "vegetarian": "Vegetarian",
    **{f"contains_{a}": f"Contains {'tree nuts' if a == 'nuts' else a}" for a in ALLERGENS},
}


def form_status(form) -> int:
    """422 when a posted form comes back with errors (as on the plan pages), else 200."""
    return 422 if form.is_bound and form.errors else 200


def nutrient_rows(per_serving: dict) -> list[dict]:
    ordered = sorted(
        NUTRIENTS,
        key=lambda n: (n[0] not in NUTRIENT_ORDER, NUTRIENT_ORDER.index(n[0]) if n[0] in NUTRIENT_ORDER else 0),
    )
    return [
        {
            "name": name,
            "label": label,
            "unit": unit,
            "value": per_serving[name].value,
            "at_least": per_serving[name].at_least,
        }
        for name, _code, unit, label in ordered
    ]


def fact_rows(facts: dict) -> list[dict]:
    return [{"label": FACT_LABELS[name], "value": facts[name]} for name in FACT_LABELS]


def recipe_context(request, recipe) -> dict:
    figures = recipe_figures(recipe)
    return {
        "recipe": recipe,
        "can_edit": recipe.owner_id == request.user.pk,
        "rows": figures.rows,
        "nutrients": nutrient_rows(figures.per_serving),
        "magnesium": figures.per_serving["magnesium_mg"],
        "facts": fact_rows(figures.facts),
        "grams_per_serving": figures.grams_per_serving,
        # Starred, the recipe is one click in every meal's quick add (issue 16).
        "favourite_key": item_key(recipe),
        "favourites": favourite_keys(request.user),
    }
