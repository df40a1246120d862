"""The plan generator's pages: fill a day, fill the week's empty meals, suggest foods for today's gap,
lock a meal, pin an entry. Every control is a plain form; the result page explains the plan."""

from __future__ import annotations

import datetime
import secrets

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from foods.models import MEALS
from mealplanner import access
from mealplanner.generator.advice import MEANINGFUL_SHARE, suggest_foods
from mealplanner.generator.model import CAPPED
from mealplanner.models import PlanEntry
from mealplanner.selectors import generator as sel
from mealplanner.services import generator as services
from mealplanner.views.entries import GONE, entry_or_gone, posted_day

MEAL_CHOICES = PlanEntry.MEAL_CHOICES
MEAL_LABELS = dict(MEAL_CHOICES)
SUGGESTIONS = 10


def day_choices(plan) -> list[tuple[int, str]]:
    return [(d, (plan.start_date + datetime.timedelta(days=d)).strftime("%A %-d %b")) for d in range(7)]


def today_index(plan) -> int:
    offset = (timezone.localdate() - plan.start_date).days
    return offset if 0 <= offset <= 6 else 0


class ShuffleMixin(forms.Form):
    shuffle = forms.BooleanField(label="Try a different plan", required=False)

    def seed(self) -> int | None:
        return secrets.randbelow(1_000_000) if self.cleaned_data.get("shuffle") else None


class FillDayForm(ShuffleMixin):
    day = forms.TypedChoiceField(label="Day", coerce=int, choices=[])

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].choices = day_choices(plan)


class FillWeekForm(ShuffleMixin):
    pass


class DayForm(forms.Form):
    day = forms.TypedChoiceField(label="Day", coerce=int, choices=[])

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].choices = day_choices(plan)


class LockForm(DayForm):
    meal = forms.ChoiceField(label="Meal", choices=MEAL_CHOICES)


def _result(request, plan, result, *, title: str):
    labels = dict(day_choices(plan))
    result.skipped_labels = [labels[d] for d in result.skipped_past]
    for day in result.days:
        day.label = labels[day.day]
        day.meals = [(MEAL_LABELS[m], [i for i in day.plan.items if i.meal == m]) for m in MEALS]
        day.meals = [(label, items) for label, items in day.meals if items]
    context = {"plan": plan, "result": result, "title": title}
    return render(request, "mealplanner/generator_result.html", context, status=200)


def _invalid(request, plan, form, title):
    return render(request, "mealplanner/generator_form.html", {"plan": plan, "form": form, "title": title}, status=400)


def _back_to_plan(request, plan_id):
    """A GET to a fill address (a reload of the result page, a bookmark): back to the plan's generator box.

    Filling changes the plan, so it only ever happens on POST; a GET never shows a bare 405.
    """
    plan = access.get_plan_or_404(request.user, plan_id)
    messages.info(request, "Nothing was filled: to fill again, use the buttons under \u201cPlan for magnesium\u201d.")
    return redirect(f"{plan_url(plan)}#generator-title")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def fill_day(request, plan_id):
    if request.method != "POST":
        return _back_to_plan(request, plan_id)
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    form = FillDayForm(request.POST, plan=plan)
    if not form.is_valid():
        return _invalid(request, plan, form, "Fill a day")
    result = services.plan_fill_day(plan=plan, day=form.cleaned_data["day"], shuffle=form.seed())
    return _result(request, plan, result, title="Fill a day")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def fill_week(request, plan_id):
    if request.method != "POST":
        return _back_to_plan(request, plan_id)
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    form = FillWeekForm(request.POST)
    if not form.is_valid():
        return _invalid(request, plan, form, "Fill the week")
    result = services.plan_fill_week(plan=plan, shuffle=form.seed())
    return _result(request, plan, result, title="Fill the empty meals of the week")


@login_required
@require_GET
def suggest(request, plan_id):
    """Foods that close the chosen day's magnesium gap at the lowest energy, each with an add button."""
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    form = DayForm(request.GET or {"day": today_index(plan)}, plan=plan)
    day = form.cleaned_data["day"] if form.is_valid() else today_index(plan)
    week = sel.week_for(plan)
    context = {
        "plan": plan,
        "form": form,
        "day": day,
        "day_label": dict(day_choices(plan))[day],
        "suggestions": [],
        "problem": week.problem,
        "gap": 0.0,
    }
    if not week.problem and week.person is not None:
        view = week.days[day]
        limits = sel.limits_for(week)
        gap = max(0.0, week.target.mg - view.counted.magnesium_mg)
        used = {n: getattr(view.counted, n).value for n in CAPPED}
        room = {n: max(0.0, limits.cap(n) - used[n]) for n in CAPPED if limits.cap(n) is not None}
        in_day = frozenset(ev.entry.food_id for m in view.meals for ev in m.entries if ev.entry.food_id)
        disliked = frozenset(plan.profile.disliked_foods.values_list("pk", flat=True))
        candidates = sel.candidates_for_profile(plan.profile, young=sel.young_child(week))
        found = suggest_foods(candidates, gap_mg=gap, room=room, exclude=in_day | disliked, limit=SUGGESTIONS)
        rows = [
            {
                "s": s,
                "meal_choices": [(m, MEAL_LABELS[m]) for m in MEALS if m in s.candidate.meals],
                # A count of the portion, or grams for a food planned by weight.
                "quantity": s.count if s.candidate.portion_id else round(s.candidate.grams * s.count, 1),
            }
            for s in found
        ]
        context.update(
            suggestions=rows,
            gap=gap,
            target=week.target.mg,
            has_now=view.counted.magnesium_mg,
            min_mg=MEANINGFUL_SHARE * gap,
        )
    template = "mealplanner/generator_suggest.html"
    if request.htmx:
        template += "#generator-suggestions"
    return render(request, template, context)


@login_required
@require_POST
def lock_toggle(request, plan_id):
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    form = LockForm(request.POST, plan=plan)
    if not form.is_valid():
        return _invalid(request, plan, form, "Lock a meal")
    day, meal = form.cleaned_data["day"], form.cleaned_data["meal"]
    now = services.plan_meal_lock_toggle(plan=plan, day=day, meal=meal)
    label = f"{MEAL_LABELS[meal]} on {dict(day_choices(plan))[day]}"
    messages.success(
        request,
        f"{label} is locked: the generator leaves it alone."
        if now
        else f"{label} is unlocked: the generator may fill it.",
    )
    return redirect(f"{plan_url(plan)}#day-{day}")


@login_required
@require_POST
def pin_toggle(request, plan_id, entry_id):
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    # As the other entry changes: somebody else's entry is a 404; one that no longer exists, a message.
    entry = entry_or_gone(request, plan, entry_id, related=("food", "supplement"))
    # The button says what it wants (pinned=1 or 0), so a stale tab's "Pin" never unpins; without it, a toggle.
    wanted = {"1": True, "0": False}.get(request.POST.get("pinned"))
    try:
        if entry is not None:
            services.plan_entry_pin_set(entry=entry, pinned=(not entry.pinned) if wanted is None else wanted)
    except PlanEntry.NotUpdated:  # removed by another tab between the lookup and the save
        entry = None
    if entry is None:
        messages.error(request, GONE)
        return redirect(f"{plan_url(plan)}#day-{posted_day(request)}")
    what = entry.food or entry.supplement or entry.recipe_name
    messages.success(
        request,
        f"{what} is pinned: the generator keeps it."
        if entry.pinned
        else f"{what} is unpinned: filling again may replace it.",
    )
    return redirect(f"{plan_url(plan)}#day-{entry.day}")


def plan_url(plan) -> str:
    return reverse("plans:detail", args=[plan.pk])
