"""Reads the diary pages share: a day's entry, magnesium and caffeine per day from the plans, insights.

Intake per day comes from the profile's plans (not templates) that cover the dates: one query for
all their entries in the range (with food, portion and supplement), then mealplanner.totals in memory.
A day counts what was ticked eaten when anything that day was ticked (eaten or skipped), else what was
planned (skipped entries left out); the page says which. When two plans cover the same day, the one
with more eaten entries wins, then the newest.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace

from django.db.models import Q
from django.utils import timezone
from django.utils.safestring import mark_safe

from diary import charts, habits, tabular
from diary.insights import Correlation, correlate
from diary.models import DiaryEntry
from mealplanner.entry_amounts import entry_grams_sql, load_ingredients
from mealplanner.models import Plan, PlanEntry, Profile
from mealplanner.selectors.plan_list import ingredient_value
from mealplanner.selectors.plans import entry_parts
from mealplanner.selectors.profiles import supplement_dose_for
from mealplanner.totals import DAYS, day_totals, scale_per_100g

WEEK_CHOICES = (4, 8, 12)


@dataclass(frozen=True)
class DayIntake:
    magnesium_mg: float
    caffeine_mg: float
    source: str  # "eaten" or "planned"
    unknown_foods: int = 0  # foods with no magnesium value: the figure is a lower bound


@dataclass
class DayRow:
    date: datetime.date
    entry: DiaryEntry | None
    intake: DayIntake | None

    def _entry_value(self, name):
        value = getattr(self.entry, name) if self.entry is not None else None
        return None if value is None else float(value)

    @property
    def symptom_score(self):
        return self._entry_value("symptom_score")

    @property
    def hours_slept(self):
        return self._entry_value("hours_slept")

    @property
    def sleep_quality(self):
        return self._entry_value("sleep_quality")

    @property
    def caffeine_mg(self):
        return self._entry_value("caffeine_mg")

    @property
    def magnesium_mg(self):
        return self.intake.magnesium_mg if self.intake is not None else None

    def record(self) -> dict:
        return {
            "date": self.date,
            "symptom_score": self.symptom_score,
            "hours_slept": self.hours_slept,
            "sleep_quality": self.sleep_quality,
            "magnesium_mg": self.magnesium_mg,
            "caffeine_mg": self.caffeine_mg,
        }


def _dose(entry: PlanEntry):
    if entry.supplement is None:  # only supplement entries have a dose
        return None
    try:
        return supplement_dose_for(entry.supplement, entry.quantity, time_taken=entry.time_taken)
    except ValueError:  # a product whose magnesium cannot be worked out counts as unknown
        return None


def intake_by_date(profile: Profile, start: datetime.date, end: datetime.date) -> dict[datetime.date, DayIntake]:
    """Magnesium (food + supplements) and caffeine per date from the plans; one query."""
    entries = load_ingredients(  # a recipe counts through its ingredients (issue 16)
        PlanEntry.objects.filter(
            plan__profile=profile,
            plan__is_template=False,
            plan__start_date__gt=start - datetime.timedelta(days=DAYS),
            plan__start_date__lte=end,
        ).select_related("plan", "food", "portion", "supplement")
    )
    groups: dict[tuple[datetime.date, int], list] = {}
    plan_order: dict[int, tuple] = {}
    for entry in entries:
        date = entry.plan.start_date + datetime.timedelta(days=entry.day)
        if not start <= date <= end:
            continue
        dose = _dose(entry) if entry.supplement_id else None
        groups.setdefault((date, entry.plan_id), []).extend(entry_parts(entry, dose=dose))
        plan_order[entry.plan_id] = (entry.plan.start_date, entry.plan_id)

    best: dict[datetime.date, tuple] = {}
    for (date, plan_id), values in groups.items():
        eaten = sum(1 for v in values if v.status == "eaten")
        key = (eaten, *plan_order[plan_id])
        if date not in best or key > best[date][0]:
            best[date] = (key, values)

    result = {}
    for date, (_, values) in best.items():
        ticked = any(v.status in ("eaten", "skipped") for v in values)
        counted_values = values if ticked else [v for v in values if v.status != "skipped"]
        totals = day_totals(counted_values, day=counted_values[0].day, past=ticked)
        counted = totals.counted
        result[date] = DayIntake(
            magnesium_mg=counted.magnesium_mg,
            caffeine_mg=counted.caffeine_mg.value,
            source="eaten" if ticked else "planned",
            unknown_foods=counted.food_magnesium.unknown,
        )
    return result


def eaten_caffeine_on(profile: Profile, date: datetime.date) -> float | None:
    """Caffeine from the entries ticked eaten that day (for the diary form), None when nothing is ticked.

    The same answer as intake_by_date(profile, date, date) (the same plan wins when two cover the day), but
    this runs beside every plan page of a person with restless legs: it reads only that date's entries, and
    only the columns caffeine needs, as tuples (one small query), not every entry of the week as models."""
    on_date = Q()
    for d in range(DAYS):
        on_date |= Q(day=d, plan__start_date=date - datetime.timedelta(days=d))
    # A recipe entry comes as one row per kept ingredient (a LEFT JOIN: other entries stay one row each), each
    # counted as a food, as intake_by_date counts it through entry_amounts.entry_foods.
    rows = (
        PlanEntry.objects.filter(on_date, plan__profile=profile, plan__is_template=False)
        .annotate(planned_grams=entry_grams_sql(), ingredient_caffeine=ingredient_value("caffeine_mg"))
        .values_list(
            "plan_id",
            "plan__start_date",
            "status",
            "planned_grams",
            "food__caffeine_mg",
            "quantity",
            "ingredients__grams",
            "ingredient_caffeine",
        )
    )
    plans: dict[int, list] = {}
    for plan_id, start, status, grams, caffeine, servings, ingredient_grams, ingredient_caffeine in rows:
        plans.setdefault(plan_id, [(start, plan_id), 0, False, 0.0])
        best = plans[plan_id]
        best[1] += status == "eaten"
        best[2] = best[2] or status in ("eaten", "skipped")
        if ingredient_grams is not None:
            grams, caffeine = ingredient_grams * float(servings), ingredient_caffeine
        if status == "eaten" and caffeine is not None:  # mealplanner.totals: unknown is left out of the sum
            best[3] += scale_per_100g(caffeine, grams)
    if not plans:
        return None
    # As intake_by_date: the plan with the most entries ticked eaten that day, then the newest.
    _, _, ticked, caffeine_mg = max(plans.values(), key=lambda p: (p[1], *p[0]))
    return caffeine_mg if ticked else None


def entry_on(profile: Profile, date: datetime.date) -> DiaryEntry | None:
    return DiaryEntry.objects.filter(profile=profile, date=date).first()


def recent_entries(profile: Profile, limit: int = 14) -> list[DiaryEntry]:
    return list(DiaryEntry.objects.filter(profile=profile).order_by("-date")[:limit])


def day_rows(profile: Profile, start: datetime.date, end: datetime.date) -> list[DayRow]:
    """Every calendar day from start to end with its diary entry (or None) and intake (or None)."""
    entries = {e.date: e for e in DiaryEntry.objects.filter(profile=profile, date__range=(start, end))}
    intake = intake_by_date(profile, start, end)
    days = (end - start).days + 1
    return [
        DayRow(date=d, entry=entries.get(d), intake=intake.get(d))
        for d in (start + datetime.timedelta(days=i) for i in range(days))
    ]


@dataclass
class Insights:
    weeks: int
    start: datetime.date
    end: datetime.date
    days: list[DayRow]
    week_rows: list
    correlations: list[Correlation]
    day_charts: list = field(default_factory=list)  # (heading, svg)
    week_charts: list = field(default_factory=list)

    @property
    def diary_days(self) -> int:
        return sum(1 for d in self.days if d.entry is not None)

    @property
    def intake_days(self) -> int:
        return sum(1 for d in self.days if d.intake is not None)


def _day_points(days: list[DayRow], values, css=lambda d: "") -> list[charts.Point]:
    return [
        charts.Point(label=d.date.strftime("%-d %b"), value=v, css=css(d), tick=i % 7 == 0)
        for i, (d, v) in enumerate(zip(days, values, strict=True))
    ]


def _week_points(rows, name) -> list[charts.Point]:
    return [
        charts.Point(label=r.start.strftime("%-d %b"), value=getattr(r, name), tick=len(rows) <= 8 or i % 2 == 0)
        for i, r in enumerate(rows)
    ]


def week_start_weekday(profile: Profile, today: datetime.date) -> int:
    """The weekday the person's weeks start on: that of their latest plan's first day (Monday without one),
    so the insights' weeks line up with the plan weeks they ate from."""
    plans = Plan.objects.filter(profile=profile, is_template=False)
    first = (
        plans.filter(start_date__lte=today).order_by("-start_date").values_list("start_date", flat=True).first()
        or plans.order_by("start_date").values_list("start_date", flat=True).first()
    )
    return first.weekday() if first else 0


def insights_for(profile: Profile, *, weeks: int, today: datetime.date | None = None) -> Insights:
    """The last `weeks` weeks up to today, in weeks that start on the plan's first weekday (the last one runs
    to today); weeks before the first day with anything in the diary or a plan are left out."""
    today = today or timezone.localdate()
    last_start = today - datetime.timedelta(days=(today.weekday() - week_start_weekday(profile, today)) % 7)
    start = last_start - datetime.timedelta(days=7 * (weeks - 1))
    days = day_rows(profile, start, today)
    week_rows = tabular.weekly_averages([d.record() for d in days], start=start, weeks=weeks)
    week_rows = [replace(row, end=min(row.end, today)) for row in week_rows]
    while len(week_rows) > 1 and week_rows[0].diary_days == 0 and week_rows[0].intake_days == 0:
        week_rows.pop(0)
    start = week_rows[0].start
    days = [d for d in days if d.date >= start]
    series = {name: [getattr(d, name) for d in days] for name in tabular.MEASURES}
    correlations = [
        correlate(series["magnesium_mg"], series["symptom_score"], x_label="magnesium", y_label="the symptom score"),
        correlate(series["caffeine_mg"], series["symptom_score"], x_label="caffeine", y_label="the symptom score"),
        correlate(series["magnesium_mg"], series["hours_slept"], x_label="magnesium", y_label="hours slept"),
        correlate(series["caffeine_mg"], series["hours_slept"], x_label="caffeine", y_label="hours slept"),
    ]
    source = lambda d: d.intake.source if d.intake else ""  # noqa: E731
    # Built here from numbers and escaped labels only (diary.charts escapes every text it writes).
    day_charts = [
        (
            "Symptom score (0 = none, 10 = worst)",
            mark_safe(
                charts.chart_svg(
                    _day_points(days, series["symptom_score"]),
                    chart_id="day-symptom",
                    title="Symptom score per day",
                    unit="points",
                    kind="line",
                    top=10,
                )
            ),
        ),
        (
            "Hours slept",
            mark_safe(
                charts.chart_svg(
                    _day_points(days, series["hours_slept"]),
                    chart_id="day-sleep",
                    title="Hours slept per day",
                    unit="hours",
                    kind="line",
                    top=12,
                    decimals=1,
                )
            ),
        ),
        (
            "Magnesium (mg, food and supplements)",
            mark_safe(
                charts.chart_svg(
                    _day_points(days, series["magnesium_mg"], css=source),
                    chart_id="day-magnesium",
                    title="Magnesium per day",
                    unit="mg",
                )
            ),
        ),
        (
            "Caffeine (mg, from the diary)",
            mark_safe(
                charts.chart_svg(
                    _day_points(days, series["caffeine_mg"]),
                    chart_id="day-caffeine",
                    title="Caffeine per day",
                    unit="mg",
                )
            ),
        ),
    ]
    week_charts = [
        (
            "Average symptom score",
            mark_safe(
                charts.chart_svg(
                    _week_points(week_rows, "symptom_score"),
                    chart_id="week-symptom",
                    title="Average symptom score per week",
                    unit="points",
                    kind="line",
                    top=10,
                    decimals=1,
                )
            ),
        ),
        (
            "Average hours slept",
            mark_safe(
                charts.chart_svg(
                    _week_points(week_rows, "hours_slept"),
                    chart_id="week-sleep",
                    title="Average hours slept per week",
                    unit="hours",
                    kind="line",
                    top=12,
                    decimals=1,
                )
            ),
        ),
        (
            "Average magnesium (mg)",
            mark_safe(
                charts.chart_svg(
                    _week_points(week_rows, "magnesium_mg"),
                    chart_id="week-magnesium",
                    title="Average magnesium per week",
                    unit="mg",
                )
            ),
        ),
        (
            "Average caffeine (mg)",
            mark_safe(
                charts.chart_svg(
                    _week_points(week_rows, "caffeine_mg"),
                    chart_id="week-caffeine",
                    title="Average caffeine per week",
                    unit="mg",
                )
            ),
        ),
    ]
    return Insights(
        weeks=weeks,
        start=start,
        end=today,
        days=days,
        week_rows=week_rows,
        correlations=correlations,
        day_charts=day_charts,
        week_charts=week_charts,
    )


def export_records(profile: Profile) -> list[dict]:
    """Every diary entry of the profile (oldest first) with that day's magnesium: two queries."""
    entries = list(DiaryEntry.objects.filter(profile=profile).order_by("date"))
    intake = intake_by_date(profile, entries[0].date, entries[-1].date) if entries else {}
    records = []
    for e in entries:
        day = intake.get(e.date)
        records.append(
            {
                "date": e.date,
                "symptom_score": e.symptom_score,
                "sleep_disturbed": "yes" if e.sleep_disturbed else "no",
                "hours_slept": None if e.hours_slept is None else float(e.hours_slept),
                "sleep_quality": e.sleep_quality,
                "caffeine_mg": e.caffeine_mg,
                "exercise_minutes": e.exercise_minutes,
                "habits_kept": "; ".join(habits.labels(e.habits_kept)),
                "notes": e.notes,
                "magnesium_mg": round(day.magnesium_mg, 1) if day else None,
                "magnesium_from": day.source if day else "",
            }
        )
    return records
