"""The person's supplement cabinet: magnesium supplements and magnesium-containing medicines."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from mealplanner.access import get_supplement_or_404, own_profile
from mealplanner.forms.cabinet import SupplementProductForm
from mealplanner.selectors.profiles import cabinet_rows, profile_summary, supplement_elemental_mg
from mealplanner.services.profiles import supplement_delete, supplement_save


@login_required
@require_GET
def cabinet(request):
    profile = own_profile(request.user)
    return render(
        request,
        "mealplanner/cabinet.html",
        {
            "rows": cabinet_rows(profile),
            "summary": profile_summary(profile),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def cabinet_add(request):
    return _edit(request, own_profile(request.user), product=None)


@login_required
@require_http_methods(["GET", "POST"])
def cabinet_edit(request, supplement_id: int):
    profile = own_profile(request.user)
    return _edit(request, profile, product=get_supplement_or_404(request.user, supplement_id, profile=profile))


def _edit(request, profile, *, product):
    # The form checks a copy, so the page heading and "saved now" keep the stored values after a refused edit.
    data = request.POST if request.method == "POST" else None  # an empty POST is still a POST: errors, not a blank form
    form = SupplementProductForm(data, instance=copy.copy(product) if product else None)
    if request.method == "POST" and form.is_valid():
        saved = supplement_save(profile=profile, product=product, **form.cleaned_data)
        messages.success(request, f"Saved “{saved.name}” in your cabinet.")
        return redirect("cabinet")
    # The stored product's magnesium, worked out, so the person sees what the planner will count.
    current = supplement_elemental_mg(product) if product else None
    return render(request, "mealplanner/cabinet_form.html", {"form": form, "product": product, "current_mg": current})


@login_required
@require_http_methods(["GET", "POST"])
def cabinet_delete(request, supplement_id: int):
    profile = own_profile(request.user)
    product = get_supplement_or_404(request.user, supplement_id, profile=profile)
    if request.method == "POST":
        name = product.name
        supplement_delete(product=product)
        messages.success(request, f"Removed “{name}” from your cabinet.")
        return redirect("cabinet")
    return render(
        request,
        "mealplanner/cabinet_delete.html",
        {
            "product": product,
            "entry_count": product.entries.count(),
        },
    )
