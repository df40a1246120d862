"""Recipe pages: the list, a recipe with its figures per serving, and the recipe's own form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from recipes import selectors, services
from recipes.forms import RecipeForm
from recipes.views.common import form_status, recipe_context


@login_required
@require_http_methods(["GET"])
def recipe_list(request):
    return render(request, "recipes/recipe_list.html", {"recipes": selectors.recipe_list(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def recipe_new(request):
    form = RecipeForm(request.POST if request.method == "POST" else None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            recipe = services.recipe_create(owner=request.user, data=form.values())
        except services.RecipeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Saved {recipe.name}. Now add its ingredients.")
            return redirect("recipes:detail", recipe.pk)
    return render(request, "recipes/recipe_form.html", {"form": form, "recipe": None}, status=form_status(form))


@login_required
@require_http_methods(["GET"])
def recipe_detail(request, recipe_id):
    recipe = selectors.get_recipe_or_404(request.user, recipe_id)
    return render(request, "recipes/recipe_detail.html", recipe_context(request, recipe))


@login_required
@require_http_methods(["GET", "POST"])
def recipe_edit(request, recipe_id):
    recipe = selectors.get_recipe_or_404(request.user, recipe_id, edit=True)
    form = RecipeForm(request.POST if request.method == "POST" else None, instance=recipe, owner=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.recipe_update(recipe=recipe, data=form.values())
        except services.RecipeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Saved {recipe.name}.")
            return redirect("recipes:detail", recipe.pk)
    return render(request, "recipes/recipe_form.html", {"form": form, "recipe": recipe}, status=form_status(form))


@login_required
@require_http_methods(["GET", "POST"])
def recipe_delete(request, recipe_id):
    recipe = selectors.get_recipe_or_404(request.user, recipe_id, edit=True)
    if request.method == "POST":
        name = recipe.name
        services.recipe_delete(recipe=recipe)
        messages.success(request, f"Deleted {name}.")
        return redirect("recipes:list")
    return render(request, "recipes/recipe_delete.html", {"recipe": recipe})
