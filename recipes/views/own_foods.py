"""Own foods: a person's foods from a label (per serving or per 100 g), private unless a dietitian shares them
with clients (read only to them)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from foods.models import NUTRIENTS
from recipes import selectors, services
from recipes.forms import OwnFoodForm
from recipes.views.common import form_status


@login_required
@require_http_methods(["GET"])
def own_food_list(request):
    foods = list(selectors.visible_own_foods(request.user).select_related("owner"))
    return render(
        request,
        "recipes/own_food_list.html",
        {
            "mine": [f for f in foods if f.owner_id == request.user.pk],
            "shared": [f for f in foods if f.owner_id != request.user.pk],
            "nutrients": NUTRIENTS,
        },
    )


def _save(request, form, own_food=None):
    data, basis = form.values()
    try:
        if own_food is None:
            own_food = services.own_food_create(owner=request.user, data=data, basis=basis)
        else:
            services.own_food_update(own_food=own_food, data=data, basis=basis)
    except services.RecipeError as error:
        form.add_error(None, str(error))
        return None
    messages.success(request, f"Saved {own_food.name}.")
    return redirect("recipes:own_foods")


@login_required
@require_http_methods(["GET", "POST"])
def own_food_new(request):
    form = OwnFoodForm(request.POST if request.method == "POST" else None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        done = _save(request, form)
        if done:
            return done
    return render(request, "recipes/own_food_form.html", {"form": form, "own_food": None}, status=form_status(form))


@login_required
@require_http_methods(["GET", "POST"])
def own_food_edit(request, own_food_id):
    own_food = selectors.get_own_food_or_404(request.user, own_food_id, edit=True)
    if request.method == "POST":
        form = OwnFoodForm(request.POST, owner=request.user)
    else:
        form = OwnFoodForm(initial=OwnFoodForm.initial_for(own_food), owner=request.user)
    if request.method == "POST" and form.is_valid():
        done = _save(request, form, own_food)
        if done:
            return done
    return render(request, "recipes/own_food_form.html", {"form": form, "own_food": own_food}, status=form_status(form))


@login_required
@require_http_methods(["GET", "POST"])
def own_food_delete(request, own_food_id):
    own_food = selectors.get_own_food_or_404(request.user, own_food_id, edit=True)
    error = ""
    if request.method == "POST":
        try:
            name = own_food.name
            services.own_food_delete(own_food=own_food)
        except services.RecipeError as problem:
            error = str(problem)
        else:
            messages.success(request, f"Deleted {name}.")
            return redirect("recipes:own_foods")
    return render(
        request, "recipes/own_food_delete.html", {"own_food": own_food, "error": error}, status=409 if error else 200
    )
