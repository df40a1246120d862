"""The diary pages: a day's entry, the habits to try, insights, exports.

`/diary/...` is the person's own diary; `/diary/profile/<id>/...` is a profile seen through
mealplanner.access (a dietitian's client; anybody else's id is a 404). Only the person themselves
writes their diary: a dietitian reads it.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods

from core.downloads import attachment
from diary import habits, selectors, services, tabular
from diary.forms import DayForm, DiaryEntryForm, HabitsForm, WeeksForm
from mealplanner import access

PAGE = "diary/diary.html"
EXPORT_FAILED = "The diary export could not be written just now. Please try again in a few minutes."


def _profile(request, profile_id):
    if profile_id is None:
        return access.own_profile(request.user)
    return access.get_profile_or_404(request.user, profile_id)


def _can_write(request, profile) -> bool:
    return profile.user_id is not None and profile.user_id == request.user.pk


def _url(name: str, profile, *, own: bool, **kwargs) -> str:
    if own:
        return reverse(f"diary:{name}", kwargs=kwargs)
    return reverse(f"diary:profile_{name}", kwargs={"profile_id": profile.pk, **kwargs})


def form_for(profile, date: datetime.date, *, data=None) -> DiaryEntryForm:
    """The day's form: the saved entry if there is one, else caffeine pre-filled from the plan's eaten entries."""
    if data is not None:
        form = DiaryEntryForm(data, chosen_habits=profile.rls_habits)
        form.day_iso = str(data.get("date", ""))[:10]
        return form
    entry = selectors.entry_on(profile, date)
    if entry is not None:
        initial = {
            name: getattr(entry, name)
            for name in (
                "symptom_score",
                "sleep_disturbed",
                "hours_slept",
                "sleep_quality",
                "caffeine_mg",
                "exercise_minutes",
                "habits_kept",
                "notes",
            )
        }
    else:
        caffeine = selectors.eaten_caffeine_on(profile, date)
        initial = {"caffeine_mg": round(caffeine) if caffeine is not None else None}
    form = DiaryEntryForm(initial={"date": date, **initial}, chosen_habits=profile.rls_habits)
    form.existing = entry
    form.day_iso = date.isoformat()
    form.caffeine_from_plan = entry is None and initial.get("caffeine_mg") is not None
    return form


def form_context(request, profile, form, *, own: bool, saved=None, next_url: str = "") -> dict:
    return {
        "profile": profile,
        "form": form,
        "saved": saved,
        "own": own,
        "next_url": next_url,
        "action": _url("home", profile, own=own),
        "can_write": _can_write(request, profile),
        "today": timezone.localdate(),
    }


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


@login_required
@require_http_methods(["GET", "POST"])
def home(request, profile_id=None):
    profile = _profile(request, profile_id)
    own = profile_id is None
    if request.method == "POST":
        if not _can_write(request, profile):
            raise PermissionDenied("Only the person themselves writes their diary.")
        next_url = _safe_next(request)
        form = form_for(profile, timezone.localdate(), data=request.POST)
        if not form.is_valid():
            context = form_context(request, profile, form, own=own, next_url=next_url)
            if request.htmx:
                return render(request, f"{PAGE}#diary_form", context)
            return _page(request, profile, form, own=own, status=422)
        entry, created = services.diary_entry_save(profile=profile, **form.entry_values())
        word = "Saved" if created else "Updated"
        message = f"{word} your diary for {entry.date:%A %-d %B}."
        if request.htmx:
            fresh = form_for(profile, entry.date)
            return render(
                request,
                f"{PAGE}#diary_form",
                form_context(request, profile, fresh, own=own, saved=message, next_url=next_url),
            )
        messages.success(request, message)
        return redirect(next_url or f"{_url('home', profile, own=own)}?date={entry.date.isoformat()}")
    date = DayForm(request.GET).day()
    form = form_for(profile, date)
    if request.htmx:
        return render(
            request, f"{PAGE}#diary_form", form_context(request, profile, form, own=own, next_url=_safe_next(request))
        )
    return _page(request, profile, form, own=own)


def _page(request, profile, form, *, own: bool, status: int = 200):
    context = form_context(request, profile, form, own=own)
    context.update(
        {
            "recent": selectors.recent_entries(profile),
            "habits": habits.chosen(profile.rls_habits),
            "insights_url": _url("insights", profile, own=own),
            "csv_url": _url("export", profile, own=own, fmt="csv"),
            "xlsx_url": _url("export", profile, own=own, fmt="xlsx"),
        }
    )
    return render(request, PAGE, context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def habits_view(request):
    profile = access.own_profile(request.user)
    if request.method == "POST":
        form = HabitsForm(request.POST)
        if form.is_valid():
            services.habits_choose(profile=profile, codes=form.cleaned_data["habits"])
            messages.success(request, "Saved the habits you want to try. The diary now asks about them.")
            return redirect("diary:home")
        status = 422
    else:
        form = HabitsForm(initial={"habits": habits.clean_codes(profile.rls_habits)})
        status = 200
    return render(
        request, "diary/habits.html", {"form": form, "habits": habits.HABITS, "profile": profile}, status=status
    )


@login_required
@require_GET
def insights(request, profile_id=None):
    profile = _profile(request, profile_id)
    weeks = WeeksForm(request.GET).weeks_value()
    own = profile_id is None
    return render(
        request,
        "diary/insights.html",
        {
            "profile": profile,
            "own": own,
            "view": selectors.insights_for(profile, weeks=weeks),
            "week_choices": selectors.WEEK_CHOICES,
            "diary_url": _url("home", profile, own=own),
            "insights_url": _url("insights", profile, own=own),
        },
    )


@login_required
@require_GET
def export(request, fmt: str, profile_id=None):
    profile = _profile(request, profile_id)
    records = selectors.export_records(profile)
    return attachment(
        request,
        lambda: tabular.diary_table_bytes(records, fmt),
        fmt,
        f"restless-legs-diary-{timezone.localdate().isoformat()}.{fmt}",
        back=_url("home", profile, own=profile_id is None),
        failed=EXPORT_FAILED,
    )
