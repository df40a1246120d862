"""A plan for paper and spreadsheets: the printable week, the shopping list, CSV and XLSX downloads.

Everyone who may see a plan (the person, a client it was shared with, the client's dietitian) may
print and download it; everyone else gets a 404 from access.get_plan_or_404. All of these are reads,
so only GET is allowed (anything else is a 405).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from core.downloads import CONTENT_TYPES, attachment
from mealplanner import access, tabular
from mealplanner.entry_amounts import entry_foods
from mealplanner.selectors.plans import plan_week
from mealplanner.selectors.shopping import plan_shopping, week_dates

TABLES = ("entries", "totals", "plan")


class DateRangeForm(forms.Form):
    """The days of the shopping list: both inside the plan's week, the first on or before the last."""

    start = forms.DateField(label="From", required=False)
    end = forms.DateField(label="To", required=False)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.week = week_dates(plan)

    def clean(self):
        data = super().clean()
        first, last = data.get("start") or self.week[0], data.get("end") or self.week[1]
        if not (self.week[0] <= first <= self.week[1] and self.week[0] <= last <= self.week[1]):
            raise forms.ValidationError(
                f"Pick days from {self.week[0]:%-d %B} to {self.week[1]:%-d %B %Y}, the plan's week."
            )
        if first > last:
            raise forms.ValidationError("The first day must be on or before the last day.")
        data["start"], data["end"] = first, last
        return data


def _range(request, plan) -> tuple[tuple, str]:
    """The days asked for (the whole week when they are refused) and why they were refused."""
    # The query string says from= and to= (short, readable links); the form's fields are start/end.
    data = {"start": request.GET.get("from", ""), "end": request.GET.get("to", "")}
    form = DateRangeForm(data, plan=plan)
    if form.is_valid():
        return (form.cleaned_data["start"], form.cleaned_data["end"]), ""
    problem = " ".join(
        f"{form.fields[name].label if name in form.fields else 'Dates'}: {error}"
        for name, errors in form.errors.items()
        for error in errors
    )
    return week_dates(plan), problem


def _filename(plan, what: str, fmt: str) -> str:
    # ASCII letters, digits and hyphens only, so no browser or OS trips over it.
    name = slugify(plan.name)[:40].strip("-") or "plan"
    return f"{name}-{plan.start_date.isoformat()}-{what}.{fmt}"


@login_required
@require_GET
def plan_print(request, plan_id):
    plan = access.get_plan_or_404(request.user, plan_id)
    week = plan_week(plan)
    foods = {}
    for day in week.days:
        for meal in day.meals:
            for ev in meal.entries:
                # A recipe's sources are its ingredients (an own food is keyed apart from shared foods).
                for food, _ in entry_foods(ev.entry):
                    foods[(type(food).__name__, food.pk)] = food
    sources = sorted(foods.values(), key=lambda f: f.name.casefold())
    return render(
        request,
        "mealplanner/plan_print.html",
        {
            "plan": plan,
            "week": week,
            "profile": plan.profile,
            "food_sources": sources,
        },
    )


@login_required
@require_GET
def shopping(request, plan_id):
    plan = access.get_plan_or_404(request.user, plan_id)
    (first, last), problem = _range(request, plan)
    if problem:
        messages.warning(request, f"{problem} Showing the whole week instead.")
    view = plan_shopping(plan, first=first, last=last)
    query = f"?from={first.isoformat()}&to={last.isoformat()}"
    week_start, week_end = week_dates(plan)
    return render(
        request,
        "mealplanner/shopping_list.html",
        {
            "plan": plan,
            "profile": plan.profile,
            "shopping": view,
            "csv_query": query,
            "week_start": week_start,
            "week_end": week_end,
        },
    )


@login_required
@require_GET
def shopping_csv(request, plan_id):
    plan = access.get_plan_or_404(request.user, plan_id)
    (first, last), _ = _range(request, plan)  # a bad range downloads the whole week
    view = plan_shopping(plan, first=first, last=last)
    span = "week" if view.is_whole_week else f"{first.isoformat()}-to-{last.isoformat()}"
    back = reverse("exports:shopping", args=[plan.pk]) + f"?from={first.isoformat()}&to={last.isoformat()}"
    return attachment(
        request,
        lambda: tabular.csv_bytes(tabular.shopping_frame(view)),
        "csv",
        _filename(plan, f"shopping-{span}", "csv"),
        back=back,
    )


@login_required
@require_GET
def download(request, plan_id, table, fmt):
    if table not in TABLES or fmt not in CONTENT_TYPES or (table == "plan" and fmt != "xlsx"):
        raise Http404("No such download.")
    plan = access.get_plan_or_404(request.user, plan_id)
    week = plan_week(plan)
    frames = {"entries": ("Entries", tabular.entries_frame), "totals": ("Daily totals", tabular.totals_frame)}
    back = reverse("plans:detail", args=[plan.pk])
    if table == "plan":
        sheets = {title: build(week) for title, build in frames.values()}
        sheets["About"] = tabular.about_frame(week)
        return attachment(
            request, lambda: tabular.xlsx_bytes(sheets), "xlsx", _filename(plan, "plan", "xlsx"), back=back
        )
    title, build = frames[table]
    frame = build(week)
    write = (lambda: tabular.csv_bytes(frame)) if fmt == "csv" else (lambda: tabular.xlsx_bytes({title: frame}))
    return attachment(request, write, fmt, _filename(plan, table, fmt), back=back)
