"""Adding a food to a recipe (found by name) and taking one out."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from foods.models import Portion
from recipes import selectors, services
from recipes.forms import FoodSearchForm, IngredientForm
from recipes.views.common import form_status


def _new_ingredient(user, form: IngredientForm) -> services.NewIngredient | None:
    """The ingredient a valid form names, or None with the form's errors set."""
    food, own_food = selectors.food_from_key(user, form.cleaned_data["food"])
    if food is None and own_food is None:
        form.add_error(None, "Choose a food from the list.")
        return None
    quantity, measure = form.cleaned_data["quantity"], form.cleaned_data["portion"]
    if not measure:
        return services.NewIngredient(food=food, own_food=own_food, quantity=quantity, grams=quantity)
    if measure == "serving" and own_food is not None and own_food.serving_grams:
        return services.NewIngredient(own_food=own_food, quantity=quantity, grams=quantity * own_food.serving_grams)
    portion = None
    if food is not None and measure.isdigit() and int(measure) < 2**63:
        portion = Portion.objects.filter(pk=int(measure), food=food).first()
    if portion is None:
        form.add_error("portion", "Choose one of this food's measures, or grams.")
        return None
    return services.NewIngredient(food=food, portion=portion, quantity=quantity)


@login_required
@require_http_methods(["GET", "POST"])
def ingredient_add(request, recipe_id):
    recipe = selectors.get_recipe_or_404(request.user, recipe_id, edit=True)
    search = FoodSearchForm(request.GET or None)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    form = IngredientForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        new = _new_ingredient(request.user, form)
        if new is not None:
            try:
                services.ingredients_add(recipe=recipe, ingredients=[new])
            except services.RecipeError as error:
                form.add_error("quantity", str(error))
            else:
                messages.success(request, f"Added {(new.food or new.own_food).name}.")
                return redirect("recipes:detail", recipe.pk)
    choices = selectors.food_choices(request.user, query) if query else []
    return render(
        request,
        "recipes/ingredient_add.html",
        {
            "recipe": recipe,
            "search": search,
            "query": query,
            "choices": choices,
            "form": form,
        },
        status=form_status(form),
    )


@login_required
@require_POST
def ingredient_remove(request, recipe_id, ingredient_id):
    recipe = selectors.get_recipe_or_404(request.user, recipe_id, edit=True)
    ingredient = selectors.get_ingredient_or_404(recipe, ingredient_id)
    services.ingredient_remove(ingredient=ingredient)
    messages.success(request, "Took the ingredient out.")
    return redirect("recipes:detail", recipe.pk)
