"""The plans list and the plan page: create, open, delete (after a question), duplicate, copy a day."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mealplanner import access
from mealplanner.forms.plans import DayCopyForm, PlanForm
from mealplanner.selectors.plan_list import plan_list_page
from mealplanner.selectors.plans import plan_week
from mealplanner.services import plans as services
from mealplanner.views.plan_render import PAGE, confirm_page, plan_context, plan_url, respond


@login_required
@require_http_methods(["GET", "POST"])
def plan_list(request):
    profile = access.own_profile(request.user)
    form = PlanForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        plan = services.plan_create(profile=profile, created_by=request.user, **form.cleaned_data)
        return redirect(plan_url(plan))
    page, rows = plan_list_page(request.user, profile, request.GET.get("page"))
    today = timezone.localdate()
    for row in rows:
        # A plan for this week opens at today (on a phone, the day shown first).
        offset = (today - row.plan.start_date).days
        row.url = plan_url(row.plan, offset if 0 <= offset <= 6 else None)
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "mealplanner/plans_list.html",
        {"rows": rows, "page": page, "form": form, "target_mg": _target_mg(profile), "profile": profile},
        status=status,
    )


def _target_mg(profile) -> int | None:
    from mealplanner import nutrition
    from mealplanner.selectors.profiles import person_for

    try:
        return nutrition.target_for(person_for(profile)).mg
    except ValueError:
        return None


@login_required
@require_http_methods(["GET"])
def plan_detail(request, plan_id):
    plan, can_edit = access.get_plan_to_tick_or_404(request.user, plan_id)
    if plan.profile.user_id == request.user.pk:
        # The site menu (base.html) reads user.profile: it is this plan's profile, already loaded.
        request.user.profile = plan.profile
    return render(request, PAGE, plan_context(request, plan, can_edit=can_edit))


@login_required
@require_GET
def plan_pins(request, plan_id):
    """The foods of the week with a Pin button each: opened from the generator's box (htmx), or a page."""
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    context = {"plan": plan, "week": plan_week(plan)}
    if request.htmx:
        return render(request, "mealplanner/plan_pins.html#pins", context)
    return render(request, "mealplanner/plan_pins.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def plan_delete(request, plan_id):
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    if request.method == "POST":
        name = plan.name
        services.plan_delete(plan=plan)
        messages.success(request, f"Deleted the plan “{name}”.")
        return redirect("plans:list")
    return render(request, "mealplanner/plan_delete.html", {"plan": plan, "entries": plan.entries.count()})


@login_required
@require_POST
def plan_duplicate(request, plan_id):
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    copy = services.plan_duplicate_next_week(plan=plan, created_by=request.user)
    messages.success(request, f"Copied “{plan.name}” to the week of {copy.start_date:%-d %B}.")
    return redirect(plan_url(copy))


def _day_or_404(day: int) -> int:
    if not 0 <= day <= 6:
        raise Http404("No such day.")
    return day


@login_required
@require_http_methods(["GET", "POST"])
def day_copy(request, plan_id, day):
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    day = _day_or_404(day)
    form = DayCopyForm(request.POST if request.method == "POST" else None, plan=plan, from_day=day)
    if request.method == "GET":
        return render(request, "mealplanner/plan_copy_day.html", {"plan": plan, "form": form, "day": day})
    if not form.is_valid():
        if request.htmx:
            return respond(request, plan, days=[day], ok=False, message=_first_error(form))
        return render(request, "mealplanner/plan_copy_day.html", {"plan": plan, "form": form, "day": day}, status=422)
    to_days = form.cleaned_data["to_days"]
    busy = services.days_with_entries(plan, to_days)
    if busy and not form.cleaned_data["confirm"]:
        names = dict(form.fields["to_days"].choices)
        return confirm_page(
            request,
            plan,
            day=day,
            question="These days already have entries. Replace them with a copy of this day?",
            details=[names[d] for d in busy],
            action=reverse("plans:day_copy", args=[plan.pk, day]),
            fields=[("to_days", str(d)) for d in to_days] + [("confirm", "1")],
            button="Replace and copy",
        )
    written = services.plan_day_copy(plan=plan, from_day=day, to_days=to_days)
    count = len(written)
    return respond(request, plan, days=[day, *written], message=f"Copied to {count} day{'s' if count != 1 else ''}.")


def _first_error(form) -> str:
    for errors in form.errors.values():
        return errors[0]
    return "Please check the form."
