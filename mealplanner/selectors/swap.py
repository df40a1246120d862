"""Reads for Swap (issue 17): the alternatives to one plan entry that keep its day in its bands.

The day is read as the plan page reads it (selectors.plans.plan_week: planned totals, magnesium from food);
the bands are the generator's (generator.bands, from the profile's target, energy goal, caffeine by life
stage and a dietitian's caps); the candidates are the person's dishes and foods (selectors.meal_candidates),
less what the day holds and what the week already has as often as Fill would plan it;
the choosing is plain Python (generator.swap).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from mealplanner.generator.bands import Bands
from mealplanner.generator.meals import MAX_DISH_DAYS, MAX_FOOD_DAYS
from mealplanner.generator.patterns import SideFood
from mealplanner.generator.swap import SWAP_COUNT, Replaced, SwapChoice, swap_choices
from mealplanner.models import Plan, PlanEntry
from mealplanner.selectors.generator import meal_bands
from mealplanner.selectors.meal_candidates import meal_candidates, own_food_ref, person_of
from mealplanner.selectors.plans import VALUE_FIELDS, EntryView, WeekView, plan_week

NO_BANDS = "Swap needs the profile's age (or birth date), magnesium target and energy goal: complete the profile first."
BABY = "Swap makes no suggestions for babies under 1 year: ask a doctor or health visitor."
# No plans for babies under 1 year: they get magnesium from milk and first foods [NIH ODS fact sheet,
# Table 3], as the generator says (services.generator.MIN_AGE_YEARS).
MIN_AGE_YEARS = 1
SUPPLEMENT = "A supplement has no alternatives to swap in: change or remove it instead."


@dataclass
class SwapOffer:
    """What Swap shows for one entry: its name, the alternatives (best first), or why there are none."""

    entry: PlanEntry
    name: str
    choices: list[SwapChoice] = field(default_factory=list)
    problem: str = ""
    portion_ids: dict[int, int | None] = field(default_factory=dict)  # food id -> the portion it is offered in

    def find(self, kind: str, ref: int, halves: int) -> SwapChoice | None:
        return next((c for c in self.choices if (c.kind, c.ref, c.halves) == (kind, ref, halves)), None)


def bands_for_week(week: WeekView) -> Bands | str:
    """The day's bands for the plan's person, or why there are none (the words to show)."""
    person = week.person
    if week.problem or person is None or not week.target.mg or not week.energy_goal[0]:
        return NO_BANDS
    if person.age_years < MIN_AGE_YEARS:
        return BABY
    return meal_bands(week)[0]  # the same bands Fill keeps


def entry_key(entry: PlanEntry) -> tuple[str, int | None]:
    """The entry as the planner names things: ("food", id), ("dish", recipe id), an own food as a negated
    food id (meal_candidates' rule), or ("", None) for what it cannot name (a supplement, a deleted recipe)."""
    if entry.food_id is not None:
        return ("food", entry.food_id)
    if entry.recipe_id is not None:
        return ("dish", entry.recipe_id)
    if entry.recipe_name:
        own = [row.own_food_id for row in entry.ingredients.all() if row.own_food_id is not None]
        if len(own) == 1 and len(entry.ingredients.all()) == 1:
            return ("food", own_food_ref(own[0]))
    return ("", None)


def _day_totals(week: WeekView, day: int) -> dict[str, float]:
    """The day's planned totals of what the bands check (magnesium from food; unknown values left out)."""
    planned = week.days[day].totals.planned
    totals = {name: getattr(planned, name).value for name in VALUE_FIELDS if name != "magnesium_mg"}
    totals["magnesium_mg"] = planned.food_magnesium.value
    return totals


def _entry_view(week: WeekView, entry: PlanEntry) -> EntryView | None:
    for meal in week.days[entry.day].meals:
        for ev in meal.entries:
            if ev.entry.pk == entry.pk:
                return ev
    return None


def at_their_limit(week: WeekView, day: int) -> set[tuple[str, int | None]]:
    """The dishes already on two other days of the week and the foods on three: Swap keeps the week's variety
    as Fill does (generator.meals: a dish at most twice a week, a food on at most three days)."""
    days_of: Counter = Counter()
    for other in week.days:
        if other.index != day:
            days_of.update({entry_key(ev.entry) for meal in other.meals for ev in meal.entries})
    limit = {"dish": MAX_DISH_DAYS, "food": MAX_FOOD_DAYS}
    return {key for key, n in days_of.items() if key[0] in limit and n >= limit[key[0]]}


def swap_offer(plan: Plan, entry: PlanEntry, *, count: int | None = SWAP_COUNT) -> SwapOffer:
    """The best `count` alternatives to `entry` (None: every one that keeps the day in its bands)."""
    week = plan_week(plan)
    ev = _entry_view(week, entry)
    if ev is None:  # gone between the lookup and this read
        return SwapOffer(entry=entry, name="", problem="That entry was already removed.")
    offer = SwapOffer(entry=entry, name=ev.name)
    if ev.is_supplement:
        offer.problem = SUPPLEMENT
        return offer
    bands = bands_for_week(week)
    if isinstance(bands, str):
        offer.problem = bands
        return offer
    dishes, foods = meal_candidates(profile=plan.profile)
    kind, ref = entry_key(entry)
    replaced = Replaced(
        meal=entry.meal, kind=kind, ref=ref, amounts={name: getattr(ev.values, name) for name in VALUE_FIELDS}
    )
    held = {entry_key(other.entry) for meal in week.days[entry.day].meals for other in meal.entries}
    offer.choices = swap_choices(
        totals=_day_totals(week, entry.day),
        replaced=replaced,
        bands=bands,
        person=person_of(plan.profile),
        dishes=dishes,
        foods=foods,
        exclude=[(kind, ref) for kind, ref in held | at_their_limit(week, entry.day) if ref is not None],
        count=count,
    )
    by_id: dict[int, SideFood] = {f.food_id: f for f in foods}
    offer.portion_ids = {c.ref: by_id[c.ref].portion_id for c in offer.choices if c.kind == "food"}
    return offer


def choice_line(choice: SwapChoice) -> dict:
    """What a choice's button and line say, as plain values."""
    quantity = f"{choice.quantity:g}"
    if choice.kind == "dish":
        amount = f"{quantity} serving{'' if choice.quantity == 1 else 's'} ({choice.grams:.0f} g)"
    elif choice.unit_label.endswith(" g") and choice.unit_label[:-2].replace(".", "").isdigit():
        amount = f"{choice.grams:.0f} g"
    else:
        amount = f"{quantity} × {choice.unit_label} ({choice.grams:.0f} g)"
    return {
        "kind": choice.kind,
        "ref": choice.ref,
        "halves": choice.halves,
        "name": choice.name,
        "amount": amount,
        "mg": choice.amounts["magnesium_mg"],
        "kcal": choice.amounts["energy_kcal"],
        "day_mg": choice.day_totals["magnesium_mg"],
        "day_kcal": choice.day_totals["energy_kcal"],
    }
