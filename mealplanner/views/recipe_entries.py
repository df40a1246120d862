"""Recipes and quick add on the plan page (issue 16): add servings of a recipe to a meal, the one-click box of
often and lately planned foods and recipes, and copying one meal to other days.

Each change answers through plan_render.respond, like every other entry change: htmx gets the touched days,
a plain post a redirect back (or the page again with the error, 422).
"""

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from foods.choking import YOUNG_CHILD_AGE, choking_question, named_like_hazard
from foods.diet import diet_conflicts
from foods.models import Food
from mealplanner import access
from mealplanner.forms.entries import (
    GRAMS,
    DayMealForm,
    MealCopyForm,
    OwnFoodEntryForm,
    RecipeEntryForm,
    ServingsEntryForm,
)
from mealplanner.forms.plans import day_choices
from mealplanner.models import PlanEntry
from mealplanner.selectors.profiles import profile_age_years
from mealplanner.selectors.quick_add import quick_picks, recipes_to_add
from mealplanner.services import recipe_entries as services
from mealplanner.views.plan_render import DayState, confirm_page, person_diet, respond
from recipes.models import OwnFood, Recipe
from recipes.selectors import ingredient_items, item_diet_facts, visible_own_foods, visible_recipes

PAGE = "mealplanner/plan_quick_add.html"


def _first_error(form) -> str:
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        return f"{label}: {errors[0]}" if label and name != "__all__" else errors[0]
    return "Please check the form."


def _day_meal(request) -> tuple[int, str]:
    where = DayMealForm(request.GET or request.POST)
    if where.is_valid():
        return where.cleaned_data["day"], where.cleaned_data["meal"]
    return 0, "breakfast"


def quick_context(request, plan, day: int, meal: str) -> dict:
    """What the quick-add box of one meal shows: picks, recipes, and the same meal the day before."""
    meals = dict(PlanEntry.MEAL_CHOICES)
    previous = day - 1 if day > 0 and plan.entries.filter(day=day - 1, meal=meal).exists() else None
    return {
        "plan": plan,
        "day": day,
        "meal": meal,
        "meal_label": meals[meal],
        "picks": quick_picks(plan.profile, user=request.user),
        "recipe_groups": recipes_to_add(request.user),
        "previous_day": previous,
        "grams": GRAMS,
        "own_foods": [(own, services.own_food_serving(own)[1]) for own in visible_own_foods(request.user)],
        "meal_choices": PlanEntry.MEAL_CHOICES,
        "day_choices": day_choices(plan.start_date),
        "inline": bool(request.htmx),
    }


@login_required
@require_GET
def quick_add(request, plan_id):
    """A meal's quick-add box: loaded into the add panel by htmx, or a page of its own without JavaScript."""
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    day, meal = _day_meal(request)
    context = quick_context(request, plan, day, meal)
    if request.htmx:
        return render(request, f"{PAGE}#quick-add", context)
    return render(request, PAGE, context)


def _choking_question(item: Recipe | OwnFood, profile) -> str:
    """The question to ask before a dish holding a choking hazard (or such an own food) goes to a child under 4,
    as for a food (foods.choking; CDC, AAP): a shared food's curated fact or its name, an own food's name."""
    age = profile_age_years(profile)
    if age is None or age >= YOUNG_CHILD_AGE:
        return ""  # no question, and no query for the ingredients
    for part in ingredient_items(item) if isinstance(item, Recipe) else [item]:
        group = part.food_group if isinstance(part, Food) else ""
        hazard = (isinstance(part, Food) and part.choking_hazard_under_4) or named_like_hazard(part.name)
        question = choking_question(part.name, group, hazard=hazard, age_years=age, who=profile.name)
        if question:
            return f"{item.name} holds {part.name}. {question}" if isinstance(item, Recipe) else question
    return ""


def _add_servings(request, plan, form: ServingsEntryForm, add: Callable[..., object]) -> HttpResponse:
    """Add servings of a recipe or an own food (the form's `item_field` says which) through `add`, the service;
    the same answers for both: the form's first error, a service's refusal, or the day with the add panel open."""
    if not form.is_valid():
        day, _ = _day_meal(request)
        return respond(request, plan, days=[day], ok=False, message=_first_error(form))
    data = form.cleaned_data
    item = data[form.item_field]
    diet, allergies = person_diet(plan.profile)
    conflicts = diet_conflicts(item_diet_facts(item), diet=diet, allergies=allergies)
    choking = _choking_question(item, plan.profile)
    if (conflicts or choking) and not data["confirm"]:  # as for a food: ask first, say why
        diet_words = (
            f"{item.name} does not suit {plan.profile.name}'s diet: {', '.join(conflicts)}. " if conflicts else ""
        )
        return confirm_page(
            request,
            plan,
            day=data["day"],
            question=f"{diet_words}{choking}{' ' if choking else ''}Add it anyway?",
            action=request.path,
            button="Add anyway",
            fields=[
                ("day", data["day"]),
                ("meal", data["meal"]),
                (form.item_field, item.pk),
                ("servings", data["servings"]),
                ("confirm", "1"),
            ],
        )
    try:
        add(plan=plan, day=data["day"], meal=data["meal"], servings=data["servings"], **{form.item_field: item})
    except services.LimitReached:
        raise  # the middleware shows the limit's own message
    except ValueError as error:  # a recipe without ingredients, or too much food
        return respond(request, plan, days=[data["day"]], ok=False, message=str(error))
    count = f"{float(data['servings']):g}"
    # Keep the add panel open on the same meal, as after adding a food.
    return respond(
        request,
        plan,
        days=[data["day"]],
        message=f"Added {count} × {item.name}.",
        states={data["day"]: DayState(search={"meal": data["meal"]})},
    )


@login_required
@require_POST
def entry_add_recipe(request, plan_id):
    """Add servings of a recipe the person may see; another person's private recipe is refused like a typo."""
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    form = RecipeEntryForm(request.POST, items=visible_recipes(request.user))
    return _add_servings(request, plan, form, services.plan_recipe_add)


@login_required
@require_POST
def entry_add_own_food(request, plan_id):
    """Add servings of one of the person's own foods (or their dietitian's shared ones) from its label."""
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    form = OwnFoodEntryForm(request.POST, items=visible_own_foods(request.user))
    return _add_servings(request, plan, form, services.plan_own_food_add)


@login_required
@require_http_methods(["GET", "POST"])
def meal_copy(request, plan_id, day):
    """Copy one meal of `day` to the same meal of other days (what those meals hold stays)."""
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    if not 0 <= day <= 6:
        raise Http404("No such day.")
    labels = day_choices(plan.start_date)
    form = MealCopyForm(
        request.POST if request.method == "POST" else None,
        from_day=day,
        day_labels=labels,
        initial={"meal": request.GET.get("meal"), "days": [day + 1] if day < 6 else []},
    )
    context = {"plan": plan, "form": form, "day": day}
    if request.method == "GET":
        return render(request, "mealplanner/plan_copy_meal.html", context)
    if not form.is_valid():
        if request.htmx:
            return respond(request, plan, days=[day], ok=False, message=_first_error(form))
        return render(request, "mealplanner/plan_copy_meal.html", context, status=422)
    meal = form.cleaned_data["meal"]
    try:
        written = services.plan_meal_copy(plan=plan, from_day=day, meal=meal, to_days=form.cleaned_data["days"])
    except services.LimitReached:
        raise
    except ValueError as error:  # nothing in that meal to copy
        if request.htmx:
            return respond(request, plan, days=[day], ok=False, message=str(error))
        form.add_error(None, str(error))
        return render(request, "mealplanner/plan_copy_meal.html", context, status=422)
    meal_label = dict(PlanEntry.MEAL_CHOICES)[meal].lower()
    count = len(written)
    return respond(
        request,
        plan,
        days=[*written, day],
        message=f"Copied the {meal_label} to {count} day{'s' if count != 1 else ''}.",
    )
