"""How every plan-page endpoint answers: the whole page, or (for htmx) only the days it touched.

The page is plan_detail.html rendered from `plan_week` (the one read of a week); an htmx answer is
plan_swap.html: the first touched day (`#day-<n>`, whatever element the control aimed at), every other
touched day and the week summary as out-of-band swaps. Without JavaScript, a change that worked redirects
back to the plan page at that day; a change that failed re-renders the page with the error beside the
field (status 422), changing nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from foods.models import ALLERGENS
from mealplanner import access
from mealplanner.forms.entries import GRAMS, MEAL_CHOICES
from mealplanner.forms.plans import day_choices
from mealplanner.selectors.plans import plan_week
from mealplanner.templatetags.plan_numbers import NEXT_STATUS, STATUS_WORDS, whole_text

PAGE = "mealplanner/plan_detail.html"


@dataclass
class DayState:
    """What one day shows beyond its data: a message, forms with errors, a question, the add panel."""

    notice: str = ""
    notice_is_error: bool = False  # a refused change: shown with the error style, icon and word
    food_form: object = None
    supplement_form: object = None
    entry_forms: dict = field(default_factory=dict)  # entry id -> bound form with errors
    confirm: dict | None = None  # {"question", "action", "fields", "button"}
    search: dict | None = None  # {"meal"}: the add panel stays open on this meal (after an add)


def person_diet(profile) -> tuple[str, list[str]]:
    allergies = [a for a in (profile.allergies or []) if a in ALLERGENS]
    return profile.diet if profile.diet in ("none", "vegan", "vegetarian") else "none", allergies


def today_index(plan) -> int | None:
    """Which day of the plan is today (None when today is outside its week)."""
    offset = (timezone.localdate() - plan.start_date).days
    return offset if 0 <= offset <= 6 else None


def plan_url(plan, day: int | None = None) -> str:
    """The plan page at `day`; without a day, at today when today is in the plan's week."""
    url = reverse("plans:detail", args=[plan.pk])
    day = today_index(plan) if day is None else day
    return f"{url}#day-{day}" if day is not None else url


def entry_line(ev, entries_url: str) -> dict:
    """What an entry's line shows, as plain strings worked out once: the packed week has about 150 lines, and
    the template engine reads a dict's key several times faster than it follows properties and filters (and
    renders a string without the number formatting an int goes through). `entries_url`: the plan's entries
    address (plans:entries), reversed once for the page; a line's change forms are at <entries_url><id>/edit/."""
    entry, mg = ev.entry, ev.magnesium_mg
    pk = str(entry.pk)
    amount = ev.amount_label + (f" at {entry.time_taken:%H:%M}" if entry.time_taken else "")
    return {
        "pk": pk,
        "status": "" if entry.status == "planned" else entry.status,  # the line's class; none when planned
        "href": f"{entries_url}{pk}/edit/",
        "name": ev.name,
        "amount": amount,
        "pinned": entry.pinned,
        "generated": entry.generated,
        "conflicts": ev.conflicts,
        # Most lines carry no mark at all: one test in the template instead of four.
        # "supplement", "recipe" or "own food" beside the name; a recipe's magnesium may be a lower bound (issue 16).
        "kind": ev.kind_word,
        "marked": ev.is_supplement or ev.is_recipe or entry.pinned or entry.generated or bool(ev.conflicts),
        "mg": "Mg unknown" if mg is None else ("at least " if ev.magnesium_at_least else "") + f"{whole_text(mg)} mg",
        "tick": f"{pk}:{NEXT_STATUS.get(entry.status, 'eaten')}",
        "tick_form": f"tick-{entry.day}",  # the day's one status form (plan_detail.html#day)
        "status_word": STATUS_WORDS.get(entry.status, "Planned"),
        "form": ev.form,  # a refused change form, shown in place of the name
    }


def day_figures(day, week, profile) -> dict:
    """What a day's totals show, worked out once as plain values (as entry_line does for a line): the template
    engine follows a chain such as day.totals.planned.magnesium_mg several times slower than it reads a key."""
    t, totals = day.counted, day.totals
    eaten = totals.eaten
    return {
        "counted_label": day.counted_label,
        "mg": whole_text(t.magnesium_mg),
        "mg_at_least": t.magnesium_at_least,
        "target_mg": week.target.mg,
        "food_unknown": t.food_magnesium.unknown,
        "food_pct": day.food_pct,
        "supplement_pct": day.supplement_pct,
        "food_mg": whole_text(t.food_magnesium.value),
        "supplements": t.supplements,
        "supplement_mg": whole_text(t.supplement_magnesium.value),
        "supplement_unknown": t.supplement_magnesium.unknown,
        "limit_mg": whole_text(week.supplement_limit_mg) if week.supplement_limit_mg else "",
        "counts_eaten": day.counts_eaten,
        "planned_mg": whole_text(totals.planned.magnesium_mg),
        "planned_kcal": whole_text(totals.planned.energy_kcal.value),
        "eaten_today": day.is_today and bool(totals.ticked),
        "eaten_mg": whole_text(eaten.magnesium_mg),
        "eaten_at_least": eaten.magnesium_at_least,
        "eaten_kcal": whole_text(eaten.energy_kcal.value),
        "nothing_ticked": day.nothing_ticked,
        "kcal": whole_text(t.energy_kcal.value),
        "kcal_at_least": bool(t.energy_kcal.unknown),
        "energy_goal": day.energy_goal_kcal,
        "energy_pct": day.energy_pct,
        "caffeine": bool(t.caffeine_mg.value),
        "caffeine_mg": whole_text(t.caffeine_mg.value),
        "caffeine_at_least": bool(t.caffeine_mg.unknown),
        "kidney": week.show_kidney,
        "potassium_mg": whole_text(t.potassium_mg.value),
        "potassium_at_least": bool(t.potassium_mg.unknown),
        "potassium_cap": profile.potassium_cap_mg,
        "phosphorus_mg": whole_text(t.phosphorus_mg.value),
        "phosphorus_at_least": bool(t.phosphorus_mg.unknown),
        "phosphorus_cap": profile.phosphorus_cap_mg,
    }


def plan_context(
    request,
    plan,
    *,
    states: dict[int, DayState] | None = None,
    can_edit: bool | None = None,
    shown: list[int] | None = None,
) -> dict:
    """The plan page's context: the week, each day's state, and what the viewer may do. `shown`: the days
    whose entries are rendered (all by default; an htmx answer renders only the days it touched)."""
    if can_edit is None:
        can_edit = access.can_edit_plan(request.user, plan)
    states = states or {}
    week = plan_week(plan)
    entries_url = reverse("plans:entries", args=[plan.pk])
    for day in week.days:
        day.state = states.get(day.index, DayState())
        form = day.state.food_form
        if form is not None:  # the food of a refused add, so its form can be shown again with the error
            form.food_obj = (getattr(form, "cleaned_data", {}) or {}).get("food")
        # The add panel stays open after an add (on the same meal) and after a refused add.
        day.add_open = day.state.search is not None or form is not None
        day.add_meal = (day.state.search or {}).get("meal") or (form.data.get("meal") if form is not None else None)
        if shown is None or day.index in shown:  # an htmx answer draws only the days it touched
            day.figures = day_figures(day, week, plan.profile)
        for meal in day.meals:
            for ev in meal.entries:
                ev.form = day.state.entry_forms.get(ev.entry.pk)
                if ev.form is not None and ev.entry.food is not None:  # a refused amount: its form lists the portions
                    ev.portions = list(ev.entry.food.portions.all())
                if shown is None or day.index in shown:
                    ev.line = entry_line(ev, entries_url)
    today = today_index(plan)
    return {
        "plan": plan,
        "profile": plan.profile,
        "week": week,
        "can_edit": can_edit,
        # Everyone who sees a plan ticks what was eaten: on a plan shared read-only, that is the client's record.
        "can_tick": True,
        "is_own": plan.profile.user_id == request.user.pk,
        "meal_choices": MEAL_CHOICES,
        "grams": GRAMS,
        "day_choices": day_choices(plan.start_date),
        "default_day": today if today is not None else 0,
        # Reversed once here, not once a day in the template.
        "search_url": reverse("plans:food_search", args=[plan.pk]),
        "tick_url": reverse("plans:entry_tick", args=[plan.pk]),
    }


def respond(
    request,
    plan,
    *,
    days: list[int],
    states: dict[int, DayState] | None = None,
    ok: bool = True,
    message: str = "",
    can_edit: bool = True,
):
    """Answer a change to `days` (the first is the one the control sits in)."""
    states = states or {}
    if message and (request.htmx or not ok):
        state = states.setdefault(days[0], DayState())
        state.notice, state.notice_is_error = message, not ok
    if request.htmx:
        touched = list(dict.fromkeys(days))
        context = plan_context(request, plan, states=states, can_edit=can_edit, shown=touched)
        context["days"] = [context["week"].days[d] for d in touched]
        for i, day in enumerate(context["days"]):
            day.oob = i > 0
        response = render(request, "mealplanner/plan_swap.html", context)
        # Whatever element the control aimed at (an entry's line, its form), the answer is the day.
        response["HX-Retarget"] = f"#day-{touched[0]}"
        response["HX-Reswap"] = "outerHTML"
        return response
    if ok:
        if message:
            messages.success(request, message)
        return redirect(plan_url(plan, days[0] if days else None))
    return render(request, PAGE, plan_context(request, plan, states=states, can_edit=can_edit), status=422)


def confirm_page(
    request,
    plan,
    *,
    day: int,
    question: str,
    action: str,
    fields: list[tuple[str, str]],
    button: str,
    details: list[str] | None = None,
):
    """A yes/no question: inside the day for htmx, a page of its own without JavaScript."""
    confirm = {
        "question": question,
        "action": action,
        "fields": fields,
        "button": button,
        "details": details or [],
        "cancel": plan_url(plan, day),
    }
    if request.htmx:
        return respond(request, plan, days=[day], states={day: DayState(confirm=confirm)})
    return render(request, "mealplanner/plan_confirm.html", {"plan": plan, "confirm": confirm})
