"""Entries of a plan: search and add a food, add a supplement, change, tick, move, remove.

Each view answers through plan_render.respond: htmx gets the touched days, a plain post a redirect back.
An entry id that is gone (removed in another tab) gives a message and a fresh day, not an error page;
an entry of somebody else's plan is a 404.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from foods.selectors import search_foods
from mealplanner import access
from mealplanner.compiled import CompiledQuery
from mealplanner.forms.entries import (
    GRAMS, DayMealForm, EntryAmountForm, EntryMoveForm, EntryStatusForm, FoodEntryForm, SupplementEntryForm,
)
from mealplanner.forms.plans import day_choices
from mealplanner.models import PlanEntry
from mealplanner.selectors.plans import _diet_facts
from mealplanner.services import plans as services
from mealplanner.views.plan_render import DayState, confirm_page, person_diet, respond

SEARCH_LIMIT = 12
GONE = "That entry was already removed (perhaps in another tab). Here is the day as it is now."


def _posted_day(request, default: int = 0) -> int:
    try:
        day = int(request.POST.get("day", request.GET.get("day", default)))
    except (TypeError, ValueError):
        return default
    return day if 0 <= day <= 6 else default


@login_required
@require_GET
def food_search(request, plan_id):
    """Foods matching what the person typed, each with an add button; htmx gets only the results."""
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    where = DayMealForm(request.GET)
    day, meal = (where.cleaned_data["day"], where.cleaned_data["meal"]) if where.is_valid() else (0, "breakfast")
    query = request.GET.get("q", "").strip()[:100]
    diet, allergies = person_diet(plan.profile)
    results = search_foods(query, diet=diet, allergies=allergies, limit=SEARCH_LIMIT) if query else []
    context = {"plan": plan, "day": day, "meal": meal, "query": query, "results": results,
               "meal_choices": PlanEntry.MEAL_CHOICES, "inline": bool(request.htmx)}
    if request.htmx:
        return render(request, "mealplanner/plan_add.html#results", context)
    context["day_choices"] = day_choices(plan.start_date)
    return render(request, "mealplanner/plan_add.html", context)


@login_required
@require_POST
def entry_add_food(request, plan_id):
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    day = _posted_day(request)
    form = FoodEntryForm(request.POST)
    if not form.is_valid():
        return respond(request, plan, days=[day], states={day: DayState(food_form=form)}, ok=False,
                       message=_first_error(form))
    data = form.cleaned_data
    diet, allergies = person_diet(plan.profile)
    from foods.diet import diet_conflicts

    conflicts = diet_conflicts(_diet_facts(data["food"]), diet=diet, allergies=allergies)
    if conflicts and not data["confirm"]:
        portion = data["portion"]
        return confirm_page(
            request, plan, day=data["day"],
            question=f"{data['food'].name} does not suit {plan.profile.name}'s diet: {', '.join(conflicts)}. Add it anyway?",
            action=reverse("plans:entry_add_food", args=[plan.pk]),
            fields=[("day", data["day"]), ("meal", data["meal"]), ("food", data["food"].pk),
                    ("quantity", data["quantity"]), ("portion", portion.pk if portion else "g"), ("confirm", "1")],
            button="Add anyway",
        )
    services.plan_entry_add(plan=plan, day=data["day"], meal=data["meal"], food=data["food"],
                            portion=data["portion"], quantity=data["quantity"])
    # Keep the add panel open on the same meal: people often add several foods in a row.
    return respond(request, plan, days=[data["day"]], message=f"Added {data['food'].name}.",
                   states={data["day"]: DayState(search={"meal": data["meal"]})})


@login_required
@require_POST
def entry_add_supplement(request, plan_id):
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    day = _posted_day(request)
    form = SupplementEntryForm(request.POST, profile=plan.profile)
    if not form.is_valid():
        return respond(request, plan, days=[day], states={day: DayState(supplement_form=form)}, ok=False,
                       message=_first_error(form))
    data = form.cleaned_data
    services.plan_entry_add(plan=plan, day=data["day"], meal=data["meal"], supplement=data["supplement"],
                            quantity=data["quantity"], time_taken=data["time_taken"])
    return respond(request, plan, days=[data["day"]], message=f"Added {data['supplement'].name}.")


def entries_prefix(request, plan_id):
    raise Http404("No page here: entries are reached through the plan page.")


# _entry_or_gone's queries by the related rows they read, compiled once per process (mealplanner.compiled).
_ENTRY_QUERIES: dict[tuple, CompiledQuery] = {}


def _entry_or_gone(request, plan, entry_id, *, related=("food", "portion", "supplement")):
    """The entry, or None when no entry with this id exists any more; a 404 when it is somebody else's.

    `plan` has already passed access.get_plan_or_404(edit=True), so looking the entry up among that plan's
    own entries is the same check as access.get_entry_or_404 (which would check the plan again); the
    changes ask only for the portion, as the food's own columns are not needed to change an entry."""
    query = _ENTRY_QUERIES.get(related)
    if query is None:
        query = _ENTRY_QUERIES.setdefault(related, CompiledQuery(PlanEntry, lambda plan_id, entry_id: (
            PlanEntry.objects.filter(plan_id=plan_id, pk=entry_id).select_related(*related))))
    entry = query.first(plan.pk, entry_id) if 0 < entry_id < 2**63 else None
    if entry is None:
        if 0 < entry_id < 2**63 and PlanEntry.objects.filter(pk=entry_id).exists():
            raise Http404("No such entry.")
        return None
    entry.plan = plan
    return entry


def _stale_days(request) -> list[int]:
    """The days to show again after a change to an entry that is gone: the day it was shown in.

    Its forms post that day as "day", except the move form, where "day" is where to move to and the day the
    entry was in is "from_day"; a move form without it (a page from before it had one) refreshes the week."""
    if "from_day" in request.POST:
        return [_posted_day_field(request, "from_day"), _posted_day(request)]
    if request.resolver_match and request.resolver_match.url_name == "entry_move":
        return list(range(7))
    return [_posted_day(request)]


def _posted_day_field(request, name: str) -> int:
    try:
        day = int(request.POST.get(name, 0))
    except (TypeError, ValueError):
        return 0
    return day if 0 <= day <= 6 else 0


def _entry_view(change):
    """Wrap a change to one entry: plan and entry lookup, the stale-entry answer, the method check."""

    @login_required
    @require_POST
    def view(request, plan_id, entry_id):
        plan = access.get_plan_or_404(request.user, plan_id, edit=True)
        entry = _entry_or_gone(request, plan, entry_id, related=("portion",))
        if entry is None:
            return respond(request, plan, days=_stale_days(request), message=GONE)
        try:
            return change(request, plan, entry)
        except PlanEntry.NotUpdated:  # removed by another tab between the lookup and the save
            return respond(request, plan, days=_stale_days(request), message=GONE)

    view.__name__ = change.__name__
    view.__doc__ = change.__doc__
    return view


@login_required
@require_GET
def entry_edit(request, plan_id, entry_id):
    """The forms to change, move or remove an entry: loaded into the entry by htmx, or a page of their own."""
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    entry = _entry_or_gone(request, plan, entry_id)
    if entry is None:
        return respond(request, plan, days=[_posted_day(request)], message=GONE)
    context = {"plan": plan, "e": entry, "day_index": entry.day, "inline": bool(request.htmx),
               "portions": list(entry.food.portions.all()) if entry.food_id else [],
               "day_choices": day_choices(plan.start_date), "meal_choices": PlanEntry.MEAL_CHOICES, "grams": GRAMS}
    if request.htmx:
        return render(request, "mealplanner/plan_entry_edit.html#entry-edit", context)
    return render(request, "mealplanner/plan_entry_edit.html", context)


@_entry_view
def entry_amount(request, plan, entry):
    """Change how much: a count of a portion or grams (foods), units and time (supplements)."""
    form = EntryAmountForm(request.POST, entry=entry)
    if not form.is_valid():
        return respond(request, plan, days=[entry.day], states={entry.day: DayState(entry_forms={entry.pk: form})},
                       ok=False, message=_first_error(form))
    data = form.cleaned_data
    services.plan_entry_change_amount(entry=entry, quantity=data["quantity"], portion=data.get("portion"),
                                      time_taken=data.get("time_taken"))
    return respond(request, plan, days=[entry.day], message="Amount changed.")


@_entry_view
def entry_status(request, plan, entry):
    """Tick an entry eaten or skipped (or back to planned)."""
    form = EntryStatusForm(request.POST)
    if not form.is_valid():
        return respond(request, plan, days=[entry.day], ok=False, message="Choose eaten, skipped or planned.")
    services.plan_entry_set_status(entry=entry, status=form.cleaned_data["status"])
    return respond(request, plan, days=[entry.day])


@_entry_view
def entry_move(request, plan, entry):
    """Move an entry to another meal or day."""
    form = EntryMoveForm(request.POST)
    if not form.is_valid():
        return respond(request, plan, days=[entry.day], ok=False, message="Choose a day and a meal to move it to.")
    old_day = entry.day
    services.plan_entry_move(entry=entry, day=form.cleaned_data["day"], meal=form.cleaned_data["meal"])
    return respond(request, plan, days=[old_day, entry.day], message="Moved.")


@_entry_view
def entry_remove(request, plan, entry):
    """Remove an entry from the plan."""
    day = entry.day
    services.plan_entry_remove(entry=entry)
    return respond(request, plan, days=[day], message="Removed.")


def _first_error(form) -> str:
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        return f"{label}: {errors[0]}" if label and name != "__all__" else errors[0]
    return "Please check the form."
