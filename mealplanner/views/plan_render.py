"""How every plan-page endpoint answers: the whole page, or (for htmx) only the days it touched.

An htmx answer is the first touched day (the element the control targets, `#day-<n>`), every other touched
day and the week summary (chart and average) as out-of-band swaps. Without JavaScript, a change that worked
redirects back to the plan page at that day; a change that failed re-renders the page with the error
beside the field (status 422), changing nothing.
"""

from __future__ import annotations

import datetime
import re
import secrets
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import dateformat
from django.utils.safestring import mark_safe

from foods.models import ALLERGENS
from mealplanner import access
from mealplanner.forms.entries import GRAMS, MEAL_CHOICES
from mealplanner.forms.plans import day_choices
from mealplanner.selectors.plan_page import digest, model_values, page_week, week_inputs
from mealplanner.selectors.plans import locked_meals_of
from mealplanner.process_cache import ProcessCache
from mealplanner.views.fragments import CSRF_SLOT, Piece

PAGE = "mealplanner/plan_detail.html"
DAY_BODY = "mealplanner/plan_detail.html#day-body"
DAY_TAIL = "mealplanner/plan_detail.html#day-tail"
ENTRY = "mealplanner/plan_detail.html#entry"
GENERATOR = "mealplanner/generator_controls.html"
SUMMARY = "mealplanner/plan_detail.html#week-summary"
MAIN = "mealplanner/plan_detail.html#page-main"

# Rendering a packed day costs far more than the rest of the page, so rendered pieces (each entry, day
# bodies and their add forms, the week summary, the generator's pin list, and the whole page below the
# header) are kept in this process's memory (mealplanner.process_cache). A key says everything the piece shows
# (the entries' rows, the plan, profile, cabinet, rules and today's date: WeekInputs.facts_key and
# .day_keys) and the viewer's rights, so any change makes a new key: nothing has to be invalidated, and two
# processes can never disagree. A change to one entry renders that entry and its day's totals again; the
# day's other entries and forms come from the cache.
# Per process rather than the shared database cache: reading and writing that would cost queries on every
# page, about what a page served from the cache now costs in all.
# Bounded by count, so by size too: an entry is ~1.5 KB, a packed day ~35 KB (as text, which Python holds
# at up to four bytes a character), a packed page ~300 KB (kept as UTF-8), so a worker holds at most
# ~25 MB of entries, ~55 MB of other pieces and ~18 MB of pages; typical plans far less. The least
# recently used go first.
FRAGMENTS = ProcessCache(max_entries=400, seconds=6 * 3600)
ENTRIES = ProcessCache(max_entries=4000, seconds=6 * 3600)
PAGES = ProcessCache(max_entries=60, seconds=6 * 3600)
SHELLS = ProcessCache(max_entries=200, seconds=6 * 3600)  # ~10 KB each
# Where render_page puts the page's main part: the page template is rendered around this short text.
MAIN_SLOT = "main-slot-" + secrets.token_hex(16)
PANEL_SLOT = "panel-slot-" + secrets.token_hex(16)  # and the diary panel
_INDENT = re.compile(r"\n\s+")


@dataclass
class DayState:
    """What one day shows beyond its data: a message, forms with errors, a question, search results."""

    notice: str = ""
    notice_is_error: bool = False  # a refused change: shown with the error style, icon and word
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


@dataclass
class DayShell:
    """What the page draws around a day's body; known without working out the week."""

    index: int
    date: datetime.date
    is_today: bool
    is_past: bool
    state: DayState
    oob: bool = False
    body: str = ""  # safe HTML: totals, findings, entries, add forms

    @property
    def title(self) -> str:
        return dateformat.format(self.date, "l j M")  # "Monday 3 Nov"


def plan_context(request, plan, *, states: dict[int, DayState] | None = None, can_edit: bool | None = None,
                 days: list[int] | None = None) -> dict:
    """The plan page's context, with the bodies of `days` (default: all) and the week summary as HTML.

    Those come from the cache when it holds them; the week is worked out (page_week) only if one is missing."""
    inputs = week_inputs(plan)
    if can_edit is None:
        can_edit = access.can_edit_plan(request.user, plan)
    states = states or {}
    context = {
        # Built once: reversing a URL per entry costs more than the rest of the entry's markup.
        "entries_url": reverse("plans:entries", args=[plan.pk]),
        "lock_url": reverse("generator:lock", args=[plan.pk]),
        "plan": plan, "profile": plan.profile, "can_edit": can_edit, "inputs": inputs,
        "meal_choices": MEAL_CHOICES, "grams": GRAMS, "is_own": plan.profile.user_id == request.user.pk,
    }
    parts = _Parts(request, context, states)
    if days is None:
        # The whole page below the header: cached as one piece unless a day shows a message or a form.
        key = None
        if not states:
            key = "page-main:" + digest((inputs.facts_key, inputs.day_keys, can_edit, context["is_own"],
                                         model_values(plan)))
        context["main"] = parts.piece(key, MAIN, lambda: parts.page_parts(fill=False), cache=PAGES,
                                      encode=True)
        context["main_token"] = parts.token if context["main"].needs_token else None
    else:
        parts.detail_days = set(days)
        shells = parts.shells()
        for d in days:
            shells[d].body = parts.day_body(shells[d])
        context["week_summary"] = parts.week_summary(oob=True)
    return context


class _Parts:
    """The costly fragments of the page: from the cache, or rendered from the week, worked out once."""

    def __init__(self, request, context, states):
        self.request, self.context, self.inputs, self.states = request, context, context["inputs"], states
        self._week = None
        self._token = None
        self.detail_days = None  # the days whose entries are shown (None: all)

    def shells(self) -> list[DayShell]:
        """The days as the page draws them around their bodies (and the choices of day for the forms)."""
        if "week_days" not in self.context:
            shells = []
            for d, date in enumerate(self.inputs.dates):
                state = self.states.get(d, DayState())
                if state.food_form is not None:
                    # The food of a refused add, so its form can be shown again with the error beside it.
                    state.food_form.food_obj = (getattr(state.food_form, "cleaned_data", {}) or {}).get("food")
                shells.append(DayShell(index=d, date=date, is_today=date == self.inputs.today,
                                       is_past=date < self.inputs.today, state=state))
            self.context["week_days"] = shells
            self.context["day_choices"] = day_choices(self.inputs.plan.start_date)
        return self.context["week_days"]

    @property
    def week(self):
        if self._week is None:
            self._week = page_week(self.context["plan"], inputs=self.inputs, detail_days=self.detail_days)
        return self._week

    def page_parts(self, *, fill: bool) -> dict:
        """The fragments the whole page is made of (day bodies, summary, generator), for its template."""
        for shell in self.shells():
            shell.body = self.day_body(shell, fill=fill)
        parts = {"week_summary": self.week_summary(oob=False, fill=fill)}
        if self.context["can_edit"]:
            parts["generator_controls"] = self.generator_controls(fill=fill)
        return parts

    def piece(self, key, template: str, extra, *, cache: ProcessCache = FRAGMENTS, encode: bool = False) -> Piece:
        """The rendered piece cached under `key` (None: never cached), rendered with extra()'s values when
        missing. Its CSRF tokens are still slots."""
        piece = cache.get(key) if key is not None else None
        if piece is None:
            values = extra()  # first: it may add to the context (the days)
            html = get_template(template).render({**self.context, **values, "csrf_token": CSRF_SLOT})
            # The templates' indentation and the lines their tags leave empty are a tenth of a packed
            # week's bytes; none of these pieces holds a <pre> or <textarea>, where they would count.
            piece = Piece.of(_INDENT.sub("\n", html), encode=encode)
            if key is not None:
                cache.set(key, piece)
        return piece

    def token(self) -> str:
        if self._token is None:
            self._token = get_token(self.request)
        return self._token

    def fragment(self, key, template: str, extra, *, fill: bool = True) -> str:
        """Safe HTML: the piece with this request's CSRF token in it (with fill=False the slots stay, for a
        piece that becomes part of a larger cached one)."""
        piece = self.piece(key, template, extra)
        if fill and piece.needs_token:
            return mark_safe(piece.fill(self.token()))
        return mark_safe(piece.unfilled())

    def entry_html(self, ev, d: int) -> str:
        """One entry's <li>, slots unfilled. One showing a refused change's form is rendered afresh."""
        key = None
        if ev.form is None:
            key = (self.context["entries_url"], d, self.context["can_edit"], ev.cache_key())
        piece = self.piece(key, ENTRY, lambda: {"ev": ev, "d": str(d)}, cache=ENTRIES)
        return mark_safe(piece.unfilled())

    def day_body(self, shell: DayShell, *, fill: bool = True) -> str:
        """A day's body. One showing a form with errors or search results is rendered afresh, not cached."""
        state = shell.state
        cacheable = (state.food_form is None and state.supplement_form is None and state.search is None
                     and not state.entry_forms)
        key = None
        if cacheable:
            # The day's rows hold each entry's pinned and generated flags; its locked meals are the plan's.
            key = "day-body:" + digest((self.inputs.facts_key, shell.index, self.inputs.day_keys[shell.index],
                                        locked_meals_of(self.inputs.plan, shell.index),
                                        self.context["can_edit"], self.context["is_own"]))

        def extra():
            day = self.week.days[shell.index]
            day.state = state
            for meal in day.meals:
                for ev in meal.entries:
                    form = state.entry_forms.get(int(ev.ref))
                    if form is not None:  # a refused change: its form again, with the error beside the field
                        ev.form, ev.entry = form, form.entry
                        ev.portions = list(form.entry.food.portions.all()) if form.entry.food_id else []
                    ev.html = self.entry_html(ev, shell.index)
            return {"week": self.week, "day": day, "d": str(shell.index), "day_tail": self.day_tail(day, state)}

        return self.fragment(key, DAY_BODY, extra, fill=fill)

    def day_tail(self, day, state: DayState) -> str:
        """The add forms and copy link below a day's meals (slots unfilled): cached unless they show a
        search or a refused add. They show the plan, the cabinet (both in facts_key), the day, whether it
        has entries, and the viewer's rights."""
        key = None
        if state.food_form is None and state.supplement_form is None and state.search is None:
            key = ("day-tail", self.inputs.facts_key, day.index, day.has_entries, self.context["can_edit"],
                   self.context["is_own"])
        piece = self.piece(key, DAY_TAIL, lambda: {"week": self.week, "day": day})
        return mark_safe(piece.unfilled())

    def week_summary(self, *, oob: bool, fill: bool = True) -> str:
        key = "week-summary:" + digest((self.inputs.facts_key, self.inputs.day_keys, oob))
        return self.fragment(key, SUMMARY, lambda: {"week": self.week, "oob": oob}, fill=fill)

    def generator_controls(self, *, fill: bool = True) -> str:
        """The generator's controls (generator_controls.html, owned by the generator work), cached like a day.

        Its pin list has a form per food of the week, so it costs more than a day to render. The key covers
        what that template reads: of each entry its id, day, meal, food name, pinned and generated (not its
        amount or status, so ticking or changing amounts keeps it); the locked meals; the plan, profile and
        dates (inputs.facts_key); whether the viewer is the plan's owner. Should that template show more of
        an entry, add it here."""
        pins = [(r[0], r[1], r[2], r[8] is not None, r[9], r[12], r[13]) for r in self.inputs.rows]
        key = "generator:" + digest((self.inputs.facts_key, pins, self.context["plan"].locked_meals,
                                     self.context["is_own"]))
        return self.fragment(key, GENERATOR, lambda: {"week": self.week, "request": self.request}, fill=fill)


def respond(request, plan, *, days: list[int], states: dict[int, DayState] | None = None,
            ok: bool = True, message: str = ""):
    """Answer a change to `days` (the first is the one the control sits in)."""
    states = states or {}
    if request.htmx:
        if message:
            for d in days[:1]:
                state = states.setdefault(d, DayState())
                state.notice, state.notice_is_error = message, not ok
        context = plan_context(request, plan, states=states, can_edit=True, days=list(dict.fromkeys(days)))
        touched = []
        for i, d in enumerate(dict.fromkeys(days)):
            day = context["week_days"][d]
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
            state = states.setdefault(d, DayState())
            state.notice, state.notice_is_error = message, True
    context = plan_context(request, plan, states=states, can_edit=True)
    return render_page(request, context, status=422)


@dataclass(frozen=True)
class _MenuProfile:
    restless_legs: bool
    dietitian_id: int | None


@dataclass(frozen=True)
class _MenuUser:
    """What the site menu (base.html) reads of the viewer, and nothing else: the shell is rendered from
    this alone, so it can show nothing its cache key does not hold."""

    is_authenticated: bool
    is_dietitian: bool
    profile: _MenuProfile | None


def _menu_user(user) -> _MenuUser:
    try:
        profile = user.profile
    except ObjectDoesNotExist:
        profile = None
    return _MenuUser(is_authenticated=user.is_authenticated, is_dietitian=bool(getattr(user, "is_dietitian", False)),
                     profile=_MenuProfile(profile.restless_legs, profile.dietitian_id) if profile else None)


@dataclass(frozen=True)
class _PlanTitle:
    name: str


def _shell(user: _MenuUser, title: str) -> tuple[Piece, Piece]:
    """The page around its main part (before it, after it), with the diary panel's and the CSRF token's
    places marked: the same for every plan with this title and every viewer with this menu."""
    key = ("shell", user, title)
    halves = SHELLS.get(key)
    if halves is None:
        html = get_template(PAGE).render({"user": user, "plan": _PlanTitle(title), "messages": (),
                                          "main": mark_safe(MAIN_SLOT), "diary_panel": mark_safe(PANEL_SLOT),
                                          "csrf_token": CSRF_SLOT})
        before, _, after = html.partition(MAIN_SLOT)
        halves = (Piece.of(before, encode=True), Piece.of(after))
        SHELLS.set(key, halves)
    return halves


def render_page(request, context: dict, *, status: int = 200) -> HttpResponse:
    """The plan page (PAGE) from plan_context's context: what render() gives, made faster.

    A packed week's main part is ~300 KB; rendered inside the page template it would be copied again at
    every level of the templates (block, extends). The page around it (site menu, footer) is the same for
    many requests, so it is kept too (_shell) unless there are messages to show; the response is put
    together once from the shell, the main part's chunks and this request's token and diary panel."""
    main: Piece = context["main"]
    plan = context["plan"]
    panel = render_to_string("diary/plan_panel.html", {"plan": plan, "profile": context["profile"]}, request)
    token = context["main_token"]() if main.needs_token else get_token(request)
    body = main.fill_bytes(token) if main.needs_token else b"".join(main.encoded)
    if len(messages.get_messages(request)):  # counting them does not mark them shown
        html = render_to_string(PAGE, {**context, "main": mark_safe(MAIN_SLOT), "diary_panel": mark_safe(panel)},
                                request)
        before, _, after = html.partition(MAIN_SLOT)
        return HttpResponse(b"".join((before.encode(), body, after.encode())), status=status)
    before, after = _shell(_menu_user(request.user), plan.name)
    tail = after.fill(token).replace(PANEL_SLOT, panel, 1)
    return HttpResponse(b"".join((before.fill_bytes(token), body, tail.encode())), status=status)


def confirm_page(request, plan, *, day: int, question: str, action: str, fields: list[tuple[str, str]],
                 button: str, details: list[str] | None = None):
    """A yes/no question: inside the day for htmx, a page of its own without JavaScript."""
    confirm = {"question": question, "action": action, "fields": fields, "button": button,
               "details": details or [], "cancel": plan_url(plan, day)}
    if request.htmx:
        return respond(request, plan, days=[day], states={day: DayState(confirm=confirm)})
    return render(request, "mealplanner/plan_confirm.html", {"plan": plan, "confirm": confirm})
