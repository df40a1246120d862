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

from foods.choking import choking_question, named_like_hazard
from foods.portions import default_portion
from foods.selectors import FoodResults, search_foods
from mealplanner import access
from mealplanner.forms.entries import (
    GRAMS,
    DayMealForm,
    EntryAmountForm,
    EntryMoveForm,
    EntryStatusForm,
    FoodEntryForm,
    SupplementEntryForm,
)
from mealplanner.forms.plans import day_choices
from mealplanner.models import PlanEntry
from mealplanner.nutrition.numbers import tenths
from mealplanner.selectors.plans import food_diet_facts
from mealplanner.selectors.profiles import profile_age_years
from mealplanner.services import plans as services
from mealplanner.templatetags.plan_numbers import whole_text
from mealplanner.views.plan_render import DayState, confirm_page, person_diet, respond
from recipes.favourites import favourite_keys
from recipes.search import FoundItem, own_foods_and_recipes, with_recipe_figures

SEARCH_LIMIT = 12
GONE = "That entry was already removed (perhaps in another tab). Here is the day as it is now."


def posted_day(request, default: int = 0) -> int:
    try:
        day = int(request.POST.get("day", request.GET.get("day", default)))
    except (TypeError, ValueError):
        return default
    return day if 0 <= day <= 6 else default


@login_required
@require_GET
def food_search(request, plan_id):
    """A day's add panels (htmx, when "Add food or a supplement" is pressed), the foods matching what the person
    typed with an add form each (htmx: only the results), or without JavaScript a page with both."""
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    where = DayMealForm(request.GET)
    day, meal = (
        (where.cleaned_data["day"], where.cleaned_data["meal"])
        if where.is_valid()
        else (posted_day(request), "breakfast")
    )
    query = request.GET.get("q", "").strip()[:100]
    context = {
        "plan": plan,
        "day": day,
        "meal": meal,
        "query": query,
        "meal_choices": PlanEntry.MEAL_CHOICES,
        "grams": GRAMS,
        "inline": bool(request.htmx),
        "is_own": plan.profile.user_id == request.user.pk,
    }
    if request.htmx and "q" not in request.GET:
        context.update(cabinet=list(plan.profile.supplements.all()), focus=True)
        return render(request, "mealplanner/plan_add.html#add-panels", context)
    diet, allergies = person_diet(plan.profile)
    results = search_foods(query, diet=diet, allergies=allergies, limit=SEARCH_LIMIT) if query else FoodResults()
    context["results"] = _with_portions(results)
    context["dishes"] = _dishes(request.user, query, results.corrected, diet=diet, allergies=allergies)
    context["favourites"] = favourite_keys(request.user) if query else set()
    if request.htmx:
        return render(request, "mealplanner/plan_add.html#results", context)
    context["day_choices"] = day_choices(plan.start_date)
    context["cabinet"] = list(plan.profile.supplements.all())
    return render(request, "mealplanner/plan_add.html", context)


def _dishes(user, query: str, corrected: str | None, *, diet: str, allergies) -> list[FoundItem]:
    """The recipes and own foods the person may see whose names match, as the Foods page finds them (the
    typo's correction when the words as typed found none), each recipe with its magnesium per serving and what in it does not suit the person."""
    if not query:
        return []
    found = own_foods_and_recipes(user, query, diet=diet, allergies=allergies)
    if not found and corrected:
        found = own_foods_and_recipes(user, corrected, diet=diet, allergies=allergies)
    return with_recipe_figures(found, diet=diet, allergies=allergies)


def _with_portions(results: list) -> list:
    """Each result with the portion a person would use (foods.portions), among the portions the search read,
    and its figures and portion choices as text (nutrition.numbers: as floatformat shows them, worked out once)."""
    for r in results:
        r.key = f"food:{r.food.pk}"  # as recipes.selectors.item_from_key reads it (favourites)
        r.default_portion = default_portion(r.portions, r.food.food_group)
        r.default_mg = (
            r.mg_per_100g * r.default_portion.grams / 100  # SR28: nutrient × grams / 100
            if r.default_portion and r.mg_per_100g is not None
            else None
        )
        r.mg_text = None if r.mg_per_100g is None else whole_text(r.mg_per_100g)
        r.default_mg_text = None if r.default_mg is None else whole_text(r.default_mg)
        r.options = [(p.pk, f"{p.label} ({tenths(p.grams)} g)", p == r.default_portion) for p in r.portions]
    return results


@login_required
@require_POST
def entry_add_food(request, plan_id):
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    day = posted_day(request)
    form = FoodEntryForm(request.POST)
    if not form.is_valid():
        return respond(
            request, plan, days=[day], states={day: DayState(food_form=form)}, ok=False, message=_first_error(form)
        )
    data = form.cleaned_data
    diet, allergies = person_diet(plan.profile)
    from foods.diet import diet_conflicts

    conflicts = diet_conflicts(food_diet_facts(data["food"]), diet=diet, allergies=allergies)
    # A choking hazard for a child under 4 asks first and names the safer form (issue 13; foods/choking.py).
    food = data["food"]
    choking = choking_question(
        food.name,
        food.food_group,
        age_years=profile_age_years(plan.profile),
        hazard=food.choking_hazard_under_4 or named_like_hazard(food.name),
        who=plan.profile.name,
    )
    if (conflicts or choking) and not data["confirm"]:
        portion = data["portion"]
        diet_words = (
            f"{data['food'].name} does not suit {plan.profile.name}'s diet: {', '.join(conflicts)}. "
            if conflicts
            else ""
        )
        return confirm_page(
            request,
            plan,
            day=data["day"],
            question=f"{diet_words}{choking}{' ' if choking else ''}Add it anyway?",
            action=reverse("plans:entry_add_food", args=[plan.pk]),
            fields=[
                ("day", data["day"]),
                ("meal", data["meal"]),
                ("food", data["food"].pk),
                ("quantity", data["quantity"]),
                ("portion", portion.pk if portion else "g"),
                ("confirm", "1"),
            ],
            button="Add anyway",
        )
    services.plan_entry_add(
        plan=plan,
        day=data["day"],
        meal=data["meal"],
        food=data["food"],
        portion=data["portion"],
        quantity=data["quantity"],
    )
    # Keep the add panel open on the same meal: people often add several foods in a row.
    return respond(
        request,
        plan,
        days=[data["day"]],
        message=f"Added {data['food'].name}.",
        states={data["day"]: DayState(search={"meal": data["meal"]})},
    )


@login_required
@require_POST
def entry_add_supplement(request, plan_id):
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    day = posted_day(request)
    form = SupplementEntryForm(request.POST, profile=plan.profile)
    if not form.is_valid():
        return respond(
            request,
            plan,
            days=[day],
            states={day: DayState(supplement_form=form)},
            ok=False,
            message=_first_error(form),
        )
    data = form.cleaned_data
    services.plan_entry_add(
        plan=plan,
        day=data["day"],
        meal=data["meal"],
        supplement=data["supplement"],
        quantity=data["quantity"],
        time_taken=data["time_taken"],
    )
    return respond(request, plan, days=[data["day"]], message=f"Added {data['supplement'].name}.")


def entries_prefix(request, plan_id):
    raise Http404("No page here: entries are reached through the plan page.")


def entry_or_gone(request, plan, entry_id, *, related=("food", "portion", "supplement")):
    """The entry, or None when no entry with this id exists any more; a 404 when it is somebody else's.

    `plan` has already passed the access check, so looking the entry up among that plan's own entries is
    the whole access check for the entry."""
    if not 0 < entry_id < 2**63:  # beyond a 64-bit id the database would refuse it
        return None
    entry = PlanEntry.objects.filter(plan=plan, pk=entry_id).select_related(*related).first()
    if entry is None:
        if PlanEntry.objects.filter(pk=entry_id).exists():
            raise Http404("No such entry.")
        return None
    entry.plan = plan
    return entry


def _stale_days(request) -> list[int]:
    """The days to show again after a change to an entry that is gone: the day it was shown in.

    Its forms post that day as "day", except the move form, where "day" is where to move to and the day the
    entry was in is "from_day"; a move form without it (a page from before it had one) refreshes the week."""
    if "from_day" in request.POST:
        return [_posted_day_field(request, "from_day"), posted_day(request)]
    if request.resolver_match and request.resolver_match.url_name == "entry_move":
        return list(range(7))
    return [posted_day(request)]


def _posted_day_field(request, name: str) -> int:
    try:
        day = int(request.POST.get(name, 0))
    except (TypeError, ValueError):
        return 0
    return day if 0 <= day <= 6 else 0


def _entry_view(change=None, *, edit: bool = True):
    """Wrap a change to one entry: plan and entry lookup, the stale-entry answer, the method check.

    edit=False for ticking eaten or skipped, which everyone who sees the plan may do (access.get_plan_to_tick_or_404)."""

    def wrap(change):
        @login_required
        @require_POST
        def view(request, plan_id, entry_id):
            if edit:
                plan, can_edit = access.get_plan_or_404(request.user, plan_id, edit=True), True
            else:
                plan, can_edit = access.get_plan_to_tick_or_404(request.user, plan_id)
            entry = entry_or_gone(request, plan, entry_id, related=("portion",))
            if entry is None:
                return respond(request, plan, days=_stale_days(request), message=GONE, can_edit=can_edit)
            try:
                return change(request, plan, entry, can_edit=can_edit)
            except PlanEntry.NotUpdated:  # removed by another tab between the lookup and the save
                return respond(request, plan, days=_stale_days(request), message=GONE, can_edit=can_edit)

        view.__name__ = change.__name__
        view.__doc__ = change.__doc__
        return view

    return wrap(change) if change is not None else wrap


@login_required
@require_GET
def entry_edit(request, plan_id, entry_id):
    """The forms to change, move or remove an entry: loaded into the entry by htmx, or a page of their own."""
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    entry = entry_or_gone(request, plan, entry_id)
    if entry is None:
        # The plan page's links carry no day: then the whole week is shown again, the message on its first day.
        return respond(
            request, plan, days=[posted_day(request)] if "day" in request.GET else list(range(7)), message=GONE
        )
    context = {
        "plan": plan,
        "e": entry,
        "day_index": entry.day,
        "inline": bool(request.htmx),
        "portions": list(entry.food.portions.all()) if entry.food_id else [],
        "day_choices": day_choices(plan.start_date),
        "meal_choices": PlanEntry.MEAL_CHOICES,
        "grams": GRAMS,
    }
    if request.htmx:
        return render(request, "mealplanner/plan_entry_edit.html#entry-edit", context)
    return render(request, "mealplanner/plan_entry_edit.html", context)


@_entry_view
def entry_amount(request, plan, entry, can_edit=True):
    """Change how much: a count of a portion or grams (foods), units and time (supplements)."""
    form = EntryAmountForm(request.POST, entry=entry)
    if not form.is_valid():
        return respond(
            request,
            plan,
            days=[entry.day],
            states={entry.day: DayState(entry_forms={entry.pk: form})},
            ok=False,
            message=_first_error(form),
        )
    data = form.cleaned_data
    services.plan_entry_change_amount(
        entry=entry, quantity=data["quantity"], portion=data.get("portion"), time_taken=data.get("time_taken")
    )
    return respond(request, plan, days=[entry.day], message="Amount changed.")


@_entry_view(edit=False)
def entry_status(request, plan, entry, can_edit=True):
    """Tick an entry eaten or skipped (or back to planned)."""
    # The plan page's buttons post "entry id:status" as `tick` (entry_tick); a plain form posts `status`.
    form = EntryStatusForm({"status": request.POST.get("status") or request.POST.get("tick", "").partition(":")[2]})
    if not form.is_valid():
        return respond(
            request, plan, days=[entry.day], ok=False, message="Choose eaten, skipped or planned.", can_edit=can_edit
        )
    services.plan_entry_set_status(entry=entry, status=form.cleaned_data["status"])
    return respond(request, plan, days=[entry.day], can_edit=can_edit)


@login_required
@require_POST
def entry_tick(request, plan_id):
    """The plan page's eaten/skipped buttons: one form a day (one CSRF token), each button posting its entry
    and the status it sets as `tick` ("<entry id>:<status>"), so a line carries no address of its own."""
    entry_id = request.POST.get("tick", "").partition(":")[0]
    if not entry_id.isdigit():
        raise Http404("No such entry.")
    return entry_status(request, plan_id, int(entry_id))


@_entry_view
def entry_move(request, plan, entry, can_edit=True):
    """Move an entry to another meal or day."""
    form = EntryMoveForm(request.POST)
    if not form.is_valid():
        return respond(request, plan, days=[entry.day], ok=False, message="Choose a day and a meal to move it to.")
    old_day = entry.day
    services.plan_entry_move(entry=entry, day=form.cleaned_data["day"], meal=form.cleaned_data["meal"])
    return respond(request, plan, days=[old_day, entry.day], message="Moved.")


@_entry_view
def entry_remove(request, plan, entry, can_edit=True):
    """Remove an entry from the plan."""
    day = entry.day
    services.plan_entry_remove(entry=entry)
    return respond(request, plan, days=[day], message="Removed.")


def _first_error(form) -> str:
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        return f"{label}: {errors[0]}" if label and name != "__all__" else errors[0]
    return "Please check the form."
