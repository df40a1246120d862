"""Reads the generator needs: the person's bands (the meal planner's) and limits (the food suggestions'),
the foods that suit them as suggestion candidates, and what each day of a plan already holds (entries the
generator keeps). The dishes and foods the meal planner uses come from selectors.meal_candidates."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from foods.choking import YOUNG_CHILD_AGE
from foods.diet import allowed_filter
from foods.models import DIET_FIELDS, MEALS, Food, Portion
from mealplanner.entry_amounts import entry_foods
from mealplanner.generator import patterns
from mealplanner.generator.bands import Bands, bands_for
from mealplanner.generator.foods import FoodRecord, candidates_for
from mealplanner.generator.model import Candidate, Limits
from mealplanner.models import Plan
from mealplanner.nutrition.caffeine import caffeine_limit_mg
from mealplanner.selectors.plans import WeekView, plan_week

NUTRIENTS = ("magnesium_mg", "energy_kcal", "caffeine_mg", "potassium_mg", "phosphorus_mg", "sodium_mg")


def locked(plan: Plan) -> set[tuple[int, str]]:
    out = set()
    for item in plan.locked_meals or []:
        day, _, meal = str(item).partition(":")
        if day.isdigit() and meal in MEALS:
            out.add((int(day), meal))
    return out


def person_diet(profile) -> tuple[str, list[str]]:
    from foods.diet import ALLERGENS

    allergies = [a for a in (profile.allergies or []) if a in ALLERGENS]
    return profile.diet if profile.diet in ("none", "vegetarian", "vegan") else "none", allergies


def limits_for(week: WeekView) -> Limits:
    """The day's limits: the magnesium target all from food, energy goal ±10 %, caffeine and the caps."""
    profile, person = week.profile, week.person
    caffeine, why = caffeine_cap(person, caffeine_free=profile.caffeine_free, restless_legs=profile.restless_legs)
    return Limits(
        magnesium_mg=float(week.target.mg),
        energy_kcal=float(week.energy_goal[0]),
        caffeine_mg=caffeine,
        caffeine_reason=why,
        potassium_mg=_cap(profile.potassium_cap_mg),
        phosphorus_mg=_cap(profile.phosphorus_cap_mg),
        sodium_mg=_cap(profile.sodium_cap_mg),
    )


def caffeine_cap(person, *, caffeine_free: bool, restless_legs: bool) -> tuple[float, str]:
    """The day's caffeine cap in mg and, when it is zero, why (words that follow "only foods without it were used").

    The figure by life stage is caffeine_limit_mg's (../shared/reference/balanced-diet.md: pregnant or
    breastfeeding 200 mg [EFSA 2015; ACOG], children 3 mg/kg or Health Canada's figure by age, none under 4,
    adults 400 mg [EFSA 2015; US FDA]). Restless legs: caffeine may make symptoms worse in some people
    [MedlinePlus, "Restless legs syndrome"; ../shared/reference/magnesium.md, "Caffeine"], so none then either.
    """
    if caffeine_free:
        return 0.0, ", because caffeine-free days are on in the profile"
    if restless_legs:
        return 0.0, (
            ", because the profile notes restless legs: caffeine may make symptoms worse for some people (MedlinePlus)"
        )
    if person is None:
        return 0.0, ", because the profile has no age yet"
    limit = caffeine_limit_mg(
        age_years=person.age_years,
        pregnant=person.pregnant,
        lactating=person.lactating,
        weight_kg=getattr(person, "weight_kg", None),
    )
    if limit is None:
        return 0.0, (
            ", because a teenager's caffeine limit is per kg of body weight (Health Canada): add the "
            "weight in the profile"
        )
    if limit <= 0:
        return 0.0, ", because children under 4 should have none"
    return float(limit), ""


def _cap(value) -> float | None:
    return None if value is None else float(value)


def food_records(*, diet: str, allergies: list[str]) -> list[FoodRecord]:
    """Foods that suit the diet (unknown facts excluded), have magnesium and energy, and suit some meal.

    Two queries (foods, then their portions) of plain values: the whole SR28 database loads quickly.
    """
    meals = Q()
    for meal in MEALS:
        meals |= Q(**{f"suits_{meal}": True})
    foods = Food.objects.filter(**allowed_filter(diet=diet, allergies=allergies)).filter(
        meals, magnesium_mg__isnull=False, energy_kcal__gt=0
    )
    meal_fields = [f"suits_{m}" for m in MEALS]
    rows = list(
        foods.order_by("pk").values(
            "pk", "name", "food_group", "choking_hazard_under_4", *NUTRIENTS, *DIET_FIELDS, *meal_fields
        )
    )
    portions: dict[int, list[tuple[int, str, float]]] = {}
    for food_id, pk, label, grams in (
        Portion.objects.filter(food__in=foods.values("pk"))
        .order_by("food_id", "seq", "pk")
        .values_list("food_id", "pk", "label", "grams")
    ):
        portions.setdefault(food_id, []).append((pk, label, grams))
    return [
        FoodRecord(
            food_id=row["pk"],
            name=row["name"],
            food_group=row["food_group"],
            per_100g={n: row[n] for n in NUTRIENTS},
            diet={f: row[f] for f in DIET_FIELDS},
            meals=frozenset(m for m in MEALS if row[f"suits_{m}"]),
            portions=tuple(portions.get(row["pk"], ())),
            choking_hazard=row["choking_hazard_under_4"],
        )
        for row in rows
    ]


def young_child(week: WeekView) -> bool:
    """Under 4: no choking hazards (CDC, AAP; ../shared/reference/balanced-diet.md)."""
    return week.person is not None and week.person.age_years < YOUNG_CHILD_AGE


def candidates_for_profile(profile, *, young: bool = False) -> list[Candidate]:
    """The foods that may close a day's gap (food suggestions): diet, allergies, choking hazards under 4."""
    diet, allergies = person_diet(profile)
    return candidates_for(
        food_records(diet=diet, allergies=allergies), diet=diet, allergies=allergies, young_child=young
    )


def meal_bands(week: WeekView) -> tuple[Bands, str]:
    """The bands the meal planner keeps for the plan's person (generator.bands: the age's macro shares and
    sodium, fibre, the dietitian's caps, caffeine by life stage), and why caffeine is 0 when it is."""
    profile, person = week.profile, week.person
    caffeine, why = caffeine_cap(person, caffeine_free=profile.caffeine_free, restless_legs=profile.restless_legs)
    bands = bands_for(
        age_years=float(person.age_years),
        energy_kcal=float(week.energy_goal[0]),
        magnesium_mg=float(week.target.mg),
        caffeine_mg=caffeine,
        sodium_cap_mg=_cap(profile.sodium_cap_mg),
        potassium_cap_mg=_cap(profile.potassium_cap_mg),
        phosphorus_cap_mg=_cap(profile.phosphorus_cap_mg),
    )
    return bands, why


@dataclass
class DayState:
    """One day of a plan as the generator sees it."""

    day: int
    fixed: dict[str, float]  # what the kept entries add to the day (patterns.NUTRIENTS; unknown counts as 0)
    empty_meals: tuple[str, ...]  # unlocked meals with nothing the generator must keep
    replace_ids: list[int] = field(default_factory=list)  # generated, unpinned entries it may replace
    # Magnesium from supplements planned that day; None when one of them has an unknown elemental amount
    # (never counted as 0 mg: the room left under the upper limit is then unknown too).
    supplement_mg: float | None = 0.0


def _add_foods(totals: dict[str, float], entry) -> None:
    for food, grams in entry_foods(entry):
        for n in patterns.NUTRIENTS:
            totals[n] += (getattr(food, n, None) or 0.0) * grams / 100.0


def day_states(week: WeekView) -> list[DayState]:
    """For each day: what stays (pinned, hand-added, locked), and which meals the generator may fill.

    Entries the generator made earlier, not pinned, in unlocked meals, are replaced when it fills again.
    """
    lock = locked(week.plan)
    states = []
    for day in week.days:
        totals = dict.fromkeys(patterns.NUTRIENTS, 0.0)
        empty: list[str] = []
        replace: list[int] = []
        supplement: float | None = 0.0  # None once a dose is unknown
        for meal in day.meals:
            kept = []
            for ev in meal.entries:
                entry = ev.entry
                if entry.generated and not entry.pinned and (day.index, meal.code) not in lock:
                    replace.append(entry.pk)
                else:
                    kept.append(ev)
            # A meal that holds only supplements holds no food: the generator fills it (issue 13).
            if all(ev.is_supplement for ev in kept) and (day.index, meal.code) not in lock:
                empty.append(meal.code)
            for ev in kept:
                if ev.is_supplement:
                    mg = ev.values.supplement_mg
                    supplement = None if supplement is None or mg is None else supplement + mg
                else:
                    _add_foods(totals, ev.entry)
        states.append(
            DayState(
                day=day.index, fixed=totals, empty_meals=tuple(empty), replace_ids=replace, supplement_mg=supplement
            )
        )
    return states


def week_for(plan: Plan) -> WeekView:
    return plan_week(plan)
