"""The public Foods page: search as you type, filter by group, diet and allergens, sort by magnesium.

It lives here, not in foods, because it also shows the person's own foods and recipes and starts from their
profile: the foods app stays free of the apps built on it."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from foods.diet import ALLERGEN_LABELS, ALLERGENS
from foods.search_forms import MAX_SHOWN, PAGE_SIZE, SORT_CHOICES, FoodSearchForm
from foods.selectors import FoodResult, food_groups, search_foods
from mealplanner.models import Profile
from mealplanner.nutrition.numbers import tenths
from mealplanner.templatetags.plan_numbers import whole_text
from recipes.search import own_foods_and_recipes


@dataclass(frozen=True, slots=True)
class FoodRow:
    """One food of the results table with its figures as text (None: unknown): a row then costs the template
    plain lookups, not a floatformat call per figure (they were a third of a keystroke's rendering)."""

    name: str
    ndb_number: str | None
    food_group: str
    mg_per_100g: str | None
    first_portion: str | None
    mg_per_portion: str | None
    mg_per_100kcal: str | None
    energy_kcal: str | None


def _row(result: FoodResult) -> FoodRow:
    food, portion = result.food, result.first_portion
    return FoodRow(
        name=food.name,
        ndb_number=food.ndb_number,
        food_group=food.food_group,
        mg_per_100g=None if result.mg_per_100g is None else tenths(result.mg_per_100g),
        first_portion=None if portion is None else f"{portion.label} ({tenths(portion.grams)} g)",
        mg_per_portion=None if result.mg_per_portion is None else whole_text(result.mg_per_portion),
        mg_per_100kcal=None if result.mg_per_100kcal is None else whole_text(result.mg_per_100kcal),
        energy_kcal=None if food.energy_kcal is None else whole_text(food.energy_kcal),
    )


def _more_url(url: str, params: dict, shown: int) -> str:
    """The same search with PAGE_SIZE more foods, written out in full (also when the profile chose the filters)."""
    query = {key: value for key, value in params.items() if key != "shown" and value not in ("", [])}
    query["shown"] = min(shown + PAGE_SIZE, MAX_SHOWN)
    return f"{url}?{urlencode(query, doseq=True)}"


def _profile_defaults(user) -> dict:
    """A logged-in person's own diet and allergies, to start the filters with (no profile: no filters)."""
    if not user.is_authenticated:
        return {}
    profile = Profile.objects.filter(user=user).only("diet", "allergies").first()
    if profile is None:
        return {}
    allergies = [a for a in (profile.allergies or []) if a in ALLERGENS]
    if profile.diet == "none" and not allergies:
        return {}
    return {"diet": profile.diet, "without": allergies}


def _own_and_recipes(user, params: dict, corrected: str | None) -> list:
    """The person's own foods and the recipes they may see that match the words (none within a food group:
    they have none), with the typo's correction when the words as typed found nothing."""
    if params["group"] or not params["q"]:
        return []
    diet = {"diet": params["diet"], "allergies": params["without"]}
    found = own_foods_and_recipes(user, params["q"], **diet)
    if not found and corrected:
        found = own_foods_and_recipes(user, corrected, **diet)
    return found


@require_GET
def food_list(request):
    partial = bool(request.htmx) and not request.htmx.history_restore_request
    # The food groups are needed to show the form, or to check a group the request names; a keystroke's
    # results alone need neither, which saves a scan of every food's group.
    groups = food_groups() if not partial or request.GET.get("group") else []
    from_profile = {} if request.GET else _profile_defaults(request.user)
    url = reverse("foods:list")
    form = FoodSearchForm(request.GET or from_profile, groups=groups, url=url)
    form.is_valid()  # a field with an error falls back to its default, and the results part says so
    params = form.search_params()
    problems = form.problems()
    if problems:
        # Show the controls as they were used, not the bad values from the link.
        form = FoodSearchForm(params, groups=groups, url=url)
    results = search_foods(
        params["q"],
        group=params["group"] or None,
        diet=params["diet"],
        allergies=params["without"],
        only_suitable=True,
        order=params["sort"],
        limit=params["shown"],
    )
    context = {
        "form": form,
        "params": params,
        "problems": problems,
        "results": results,
        "rows": [_row(result) for result in results],
        "own_and_recipes": _own_and_recipes(request.user, params, results.corrected),
        "sort_label": dict(SORT_CHOICES)[params["sort"]],
        "from_profile": from_profile,
        "without_labels": [ALLERGEN_LABELS[a] for a in params["without"]],
        "more_url": _more_url(url, params, params["shown"]) if len(results) < min(results.total, MAX_SHOWN) else None,
        "more_count": min(PAGE_SIZE, results.total - len(results), MAX_SHOWN - len(results)),
        "filtered": bool(params["group"] or params["diet"] != "none" or params["without"]),
    }
    # A history restore after a reload needs the whole page, not the part.
    context["oob_count"] = partial
    template = "foods/food_list.html#results" if partial else "foods/food_list.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
