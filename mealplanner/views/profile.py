"""The person's own profile page: who they are (for the targets), their diet, energy goal and medicines."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from mealplanner.access import own_profile
from mealplanner.forms.profile import MedicineForm, ProfileForm, medicine_suggestions
from mealplanner.models import Medicine
from mealplanner.selectors.profiles import energy_goal_for, medicine_rows, profile_summary
from mealplanner.services.profiles import medicine_add, medicine_remove, profile_update


def _page(request, profile, *, form=None, medicine_form=None, status=200):
    return render(
        request,
        "mealplanner/profile.html",
        {
            "profile": profile,
            "form": form or ProfileForm(instance=profile),
            "medicine_form": medicine_form or MedicineForm(),
            "medicine_names": medicine_suggestions(),
            "medicines": medicine_rows(profile),
            "summary": profile_summary(profile),
            "energy": _energy(profile),
        },
        status=status,
    )


def _energy(profile):
    try:
        kcal, is_default, source = energy_goal_for(profile)
    except ValueError:
        return None
    return {"kcal": kcal, "is_default": is_default, "source": source}


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    profile = own_profile(request.user)
    if request.method == "POST":
        # The form works on a copy, so a refused answer never leaks into the summary shown beside it.
        form = ProfileForm(request.POST, instance=own_profile(request.user))
        if form.is_valid():
            profile_update(profile=profile, **form.cleaned_data)
            messages.success(request, "Profile saved.")
            return redirect("profile")
        return _page(request, profile, form=form)
    return _page(request, profile)


@login_required
@require_POST
def medicine_add_view(request):
    profile = own_profile(request.user)
    form = MedicineForm(request.POST)
    if form.is_valid():
        medicine = medicine_add(
            profile=profile,
            name=form.cleaned_data["name"],
            medicine_class=form.cleaned_data["medicine_class"],
            time_taken=form.cleaned_data["time_taken"],
        )
        messages.success(request, f"Added {medicine.name}.")
        return redirect("profile")
    return _page(request, profile, medicine_form=form)


@login_required
@require_POST
def medicine_remove_view(request, medicine_id: int):
    profile = own_profile(request.user)
    medicine = get_object_or_404(Medicine, pk=medicine_id, profile=profile)
    medicine_remove(medicine=medicine)
    messages.success(request, f"Removed {medicine.name}.")
    return redirect("profile")
