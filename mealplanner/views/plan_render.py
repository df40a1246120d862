"""How every plan-page endpoint answers: the whole page, or (for htmx) only the days it touched.

An htmx answer is the first touched day (the element the control targets, `#day-<n>`), every other touched
day and the week summary (chart and average) as out-of-band swaps. Without JavaScript, a change that worked
redirects back to the plan page at that day; a change that failed re-renders the page with the error
beside the field (status 422), changing nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from foods.models import ALLERGENS
from mealplanner import access
from mealplanner.forms.entries import GRAMS, MEAL_CHOICES
from mealplanner.forms.plans import day_choices
from mealplanner.selectors.plans import plan_week

PAGE = "mealplanner/plan_detail.html"


@dataclass
class DayState:
    """What one day shows beyond its data: a message, forms with errors, a question, search results."""

    notice: str = ""
    food_form: object = None
    supplement_form: object = None
    entry_forms: dict = field(default_factory=dict)  # entry id -> bound form with errors
    confirm: dict | None = None  # {"question", "action", "fields", "button"}
    search: dict | None = None  # {"query", "meal", "results"}


def person_diet(profile) -> tuple[str, list[str]]:
    allergies = [a for a in (profile.allergies or []) if a in ALLERGENS]
    return profile.diet if profile.diet in ("none", "vegetarian", "vegan") else "none", allergies


def plan_url(plan, day: int | None = None) -> str:
    url = reverse("plans:detail", args=[plan.pk])
    return f"{url}#day-{day}" if day is not None else url


def plan_context(request, plan, *, states: dict[int, DayState] | None = None, can_edit: bool | None = None) -> dict:
    week = plan_week(plan)
    if can_edit is None:
        can_edit = access.can_edit_plan(request.user, plan)
    states = states or {}
    for day in week.days:
        state = states.get(day.index, DayState())
        day.state = state
        day.oob = False
        for meal in day.meals:
            for ev in meal.entries:
                ev.form = state.entry_forms.get(ev.entry.pk)
        form = state.food_form
        if form is not None:
            # The food of a refused add, so its form can be shown again with the error beside the amount.
            form.food_obj = (getattr(form, "cleaned_data", {}) or {}).get("food")
    return {
        # Built once: reversing a URL per entry costs more than the rest of the entry's markup.
        "entries_url": reverse("plans:entries", args=[plan.pk]),
        "plan": plan, "week": week, "profile": plan.profile, "can_edit": can_edit,
        "meal_choices": MEAL_CHOICES, "day_choices": day_choices(plan.start_date), "grams": GRAMS,
        "is_own": plan.profile.user_id == request.user.pk,
    }


def respond(request, plan, *, days: list[int], states: dict[int, DayState] | None = None,
            ok: bool = True, message: str = ""):
    """Answer a change to `days` (the first is the one the control sits in)."""
    states = states or {}
    if request.htmx:
        if message:
            for d in days[:1]:
                states.setdefault(d, DayState()).notice = message
        context = plan_context(request, plan, states=states, can_edit=True)
        touched = []
        for i, d in enumerate(dict.fromkeys(days)):
            day = context["week"].days[d]
            day.oob = i > 0
            touched.append(day)
        context["days"] = touched
        response = render(request, "mealplanner/plan_swap.html", context)
        # Whatever element the control aimed at (e.g. an entry's "Change" link), the answer is the day.
        response["HX-Retarget"] = f"#day-{touched[0].index}"
        response["HX-Reswap"] = "outerHTML"
        return response
    if ok:
        if message:
            messages.success(request, message)
        return redirect(plan_url(plan, days[0] if days else None))
    if message:
        for d in days[:1]:
            states.setdefault(d, DayState()).notice = message
    context = plan_context(request, plan, states=states, can_edit=True)
    return render(request, PAGE, context, status=422)


def confirm_page(request, plan, *, day: int, question: str, action: str, fields: list[tuple[str, str]],
                 button: str, details: list[str] | None = None):
    """A yes/no question: inside the day for htmx, a page of its own without JavaScript."""
    confirm = {"question": question, "action": action, "fields": fields, "button": button,
               "details": details or [], "cancel": plan_url(plan, day)}
    if request.htmx:
        return respond(request, plan, days=[day], states={day: DayState(confirm=confirm)})
    return render(request, "mealplanner/plan_confirm.html", {"plan": plan, "confirm": confirm})
