"""Foods and dishes a person won't eat (issue 17): "Won't eat" on a planned food or dish, and the list of
them with a button each to plan it again. Plain forms; the generator never plans what is on the list."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from mealplanner import access
from mealplanner.services import dislikes as services
from mealplanner.views.entries import GONE, entry_or_gone


class RemoveForm(forms.Form):
    kind = forms.ChoiceField(choices=[(services.FOOD, "food"), (services.DISH, "dish")])
    pk = forms.IntegerField(min_value=1, max_value=2**63 - 1)


@login_required
@require_POST
def dislike_entry(request: HttpRequest, plan_id: int, entry_id: int) -> HttpResponse:
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    entry = entry_or_gone(request, plan, entry_id, related=("food",))
    pins = reverse("plans:pins", args=[plan.pk])
    if entry is None:
        messages.error(request, GONE)
        return redirect(pins)
    try:
        name = services.profile_dislike_entry(profile=plan.profile, entry=entry)
    except ValueError as error:
        messages.error(request, str(error))
        return redirect(pins)
    messages.success(
        request,
        f"{name} is on the list of foods and dishes {plan.profile.name} won't eat: the "
        "generator will not plan it. Where it is planned already, it stays until you remove "
        "or swap it.",
    )
    return redirect(pins)


@login_required
@require_GET
def dislike_list(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    profile = plan.profile
    context = {
        "plan": plan,
        "profile": profile,
        "foods": list(profile.disliked_foods.order_by("name")),
        "dishes": list(profile.disliked_recipes.order_by("name")),
        "form": RemoveForm(),
    }
    return render(request, "mealplanner/dislikes.html", context)


@login_required
@require_POST
def dislike_remove(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    form = RemoveForm(request.POST)
    back = reverse("generator:dislikes", args=[plan.pk])
    if not form.is_valid():
        messages.error(request, "Nothing was changed: that is not a food or dish on the list.")
        return redirect(back)
    if services.profile_dislike_remove(
        profile=plan.profile, kind=form.cleaned_data["kind"], pk=form.cleaned_data["pk"]
    ):
        messages.success(request, "Taken off the list: the generator may plan it again.")
    else:
        messages.info(request, "That was not on the list, so nothing was changed.")
    return redirect(back)
