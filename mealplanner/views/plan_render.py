"""How every plan-page endpoint answers: the whole page, or (for htmx) only the days it touched.

An htmx answer is the first touched day (the element the control targets, `#day-<n>`), every other touched
day and the week summary (chart and average) as out-of-band swaps. Without JavaScript, a change that worked
redirects back to the plan page at that day; a change that failed re-renders the page with the error
beside the field (status 422), changing nothing.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.cache.backends.locmem import LocMemCache
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import get_template
from django.urls import reverse
from django.utils import dateformat
from django.utils.safestring import mark_safe

from foods.models import ALLERGENS
from mealplanner import access
from mealplanner.forms.entries import GRAMS, MEAL_CHOICES
from mealplanner.forms.plans import day_choices
from mealplanner.selectors.plan_page import page_week

PAGE = "mealplanner/plan_detail.html"
DAY_BODY = "mealplanner/plan_detail.html#day-body"
GENERATOR = "mealplanner/generator_controls.html"

# Rendering a packed day costs far more than the rest of the page, so rendered day bodies are kept in this
# process's memory. A key is a digest of everything the body shows (the day's rows, the plan, profile,
# cabinet, rules and today's date: PageWeek.facts, PageDay.rows) and the viewer's rights, so any change
# makes a new key: nothing has to be invalidated, and two processes can never disagree. Old keys age out.
# Per process rather than the shared database cache: a database cache read and write would cost queries
# on every page, about what rendering the day costs.
DAY_BODIES = LocMemCache("plan-day-bodies", {"TIMEOUT": 6 * 3600, "OPTIONS": {"MAX_ENTRIES": 1000}})
# Cached bodies hold this instead of a CSRF token; each answer puts the request's own token in its place.
# Random per process (as the cache is), so no text a person types can ever match it.
CSRF_SLOT = "csrf-slot-" + secrets.token_hex(16)


@dataclass
class DayState:
    """What one day shows beyond its data: a message, forms with errors, a question, search results."""

    notice: str = ""
    food_form: object = None
    supplement_form: object = None
    entry_forms: dict = field(default_factory=dict)  # entry id -> bound form with errors
    confirm: dict | None = None  # {"question", "action", "fields", "button"}
    search: dict | None = None  # {"query", "meal", "results"}


def person_diet(profile) -> tuple[str, list[str]]:
    allergies = [a for a in (profile.allergies or []) if a in ALLERGENS]
    return profile.diet if profile.diet in ("none", "vegetarian", "vegan") else "none", allergies


def plan_url(plan, day: int | None = None) -> str:
    url = reverse("plans:detail", args=[plan.pk])
    return f"{url}#day-{day}" if day is not None else url


def plan_context(request, plan, *, states: dict[int, DayState] | None = None, can_edit: bool | None = None,
                 days: list[int] | None = None) -> dict:
    """The plan page's context; the bodies of `days` (default: all) are rendered, from the cache when possible."""
    week = page_week(plan)
    if can_edit is None:
        can_edit = access.can_edit_plan(request.user, plan)
    states = states or {}
    for day in week.days:
        state = states.get(day.index, DayState())
        day.state = state
        day.oob = False
        day.title = dateformat.format(day.date, "l j M")
        if state.entry_forms:
            for meal in day.meals:
                for ev in meal.entries:
                    form = state.entry_forms.get(int(ev.ref))
                    if form is not None:  # a refused change: its form again, with the error beside the field
                        ev.form, ev.entry = form, form.entry
                        ev.portions = list(form.entry.food.portions.all()) if form.entry.food_id else []
        form = state.food_form
        if form is not None:
            # The food of a refused add, so its form can be shown again with the error beside the amount.
            form.food_obj = (getattr(form, "cleaned_data", {}) or {}).get("food")
    context = {
        # Built once: reversing a URL per entry costs more than the rest of the entry's markup.
        "entries_url": reverse("plans:entries", args=[plan.pk]),
        "plan": plan, "week": week, "profile": plan.profile, "can_edit": can_edit,
        "meal_choices": MEAL_CHOICES, "day_choices": day_choices(plan.start_date), "grams": GRAMS,
        "is_own": plan.profile.user_id == request.user.pk,
    }
    day_bodies(request, context, week.days if days is None else [week.days[d] for d in days])
    if days is None and can_edit:
        context["generator_controls"] = generator_controls(request, context)
    return context


def _cached(key: str, render) -> str:
    html = DAY_BODIES.get(key)
    if html is None:
        html = render()
        DAY_BODIES.set(key, html)
    return html


def _digest(*parts) -> str:
    return hashlib.blake2b(repr(parts).encode(), digest_size=20).hexdigest()


def generator_controls(request, context) -> str:
    """The generator's controls (generator_controls.html, owned by the generator work), cached like a day.

    Its pin list has a form per food of the week, so it costs as much as a day to render. The key covers
    what that template reads: the week's rows (with pinned and generated), the locked meals, the plan,
    profile and dates (week.facts), and whether the viewer is the plan's owner."""
    week = context["week"]
    key = "generator:" + _digest(week.facts, [d.rows for d in week.days], context["plan"].locked_meals,
                                 context["is_own"])
    html = _cached(key, lambda: get_template(GENERATOR).render(
        {**context, "request": request, "csrf_token": CSRF_SLOT}))
    return mark_safe(html.replace(CSRF_SLOT, get_token(request)))


def _body_key(context, day) -> str:
    return "day-body:" + _digest(context["week"].facts, day.index, day.rows, context["can_edit"], context["is_own"])


def day_bodies(request, context, days) -> None:
    """Set `day.body` (safe HTML) for each of `days`: from the cache, or rendered and then cached.

    A day showing a form with errors or search results is rendered afresh and not cached."""
    template = get_template(DAY_BODY)
    token = get_token(request)
    for day in days:
        state = day.state
        cacheable = (state.food_form is None and state.supplement_form is None and state.search is None
                     and not state.entry_forms)
        def render(day=day):
            return template.render({**context, "day": day, "d": str(day.index), "csrf_token": CSRF_SLOT})

        html = _cached(_body_key(context, day), render) if cacheable else render()
        day.body = mark_safe(html.replace(CSRF_SLOT, token))


def respond(request, plan, *, days: list[int], states: dict[int, DayState] | None = None,
            ok: bool = True, message: str = ""):
    """Answer a change to `days` (the first is the one the control sits in)."""
    states = states or {}
    if request.htmx:
        if message:
            for d in days[:1]:
                states.setdefault(d, DayState()).notice = message
        context = plan_context(request, plan, states=states, can_edit=True, days=list(dict.fromkeys(days)))
        touched = []
        for i, d in enumerate(dict.fromkeys(days)):
            day = context["week"].days[d]
            day.oob = i > 0
            touched.append(day)
        context["days"] = touched
        response = render(request, "mealplanner/plan_swap.html", context)
        # Whatever element the control aimed at (e.g. an entry's "Change" link), the answer is the day.
        response["HX-Retarget"] = f"#day-{touched[0].index}"
        response["HX-Reswap"] = "outerHTML"
        return response
    if ok:
        if message:
            messages.success(request, message)
        return redirect(plan_url(plan, days[0] if days else None))
    if message:
        for d in days[:1]:
            states.setdefault(d, DayState()).notice = message
    context = plan_context(request, plan, states=states, can_edit=True)
    return render(request, PAGE, context, status=422)


def confirm_page(request, plan, *, day: int, question: str, action: str, fields: list[tuple[str, str]],
                 button: str, details: list[str] | None = None):
    """A yes/no question: inside the day for htmx, a page of its own without JavaScript."""
    confirm = {"question": question, "action": action, "fields": fields, "button": button,
               "details": details or [], "cancel": plan_url(plan, day)}
    if request.htmx:
        return respond(request, plan, days=[day], states={day: DayState(confirm=confirm)})
    return render(request, "mealplanner/plan_confirm.html", {"plan": plan, "confirm": confirm})
