"""The roster: add, open, edit and remove clients, and the products in a client's cabinet."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from clinic import services
from clinic.forms import ClientForm, FromTemplateForm, supplement_form_class
from clinic.selectors import client_facts, client_or_404, client_plans, client_row, open_invitations, templates_for
from clinic.views._common import form_status, plan_page_url
from mealplanner.access import require_dietitian

PLANS_PER_PAGE = 20


@login_required
@require_http_methods(["GET", "POST"])
def client_new(request):
    require_dietitian(request.user)
    form = ClientForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        profile = services.client_create(dietitian=request.user, data=form.values())
        messages.success(request, f"{profile.name} is on your client list.")
        return redirect("clinic:client", profile.pk)
    return render(request, "clinic/client_form.html", {"form": form, "profile": None}, status=form_status(form))


@login_required
@require_http_methods(["GET"])
def client_detail(request, profile_id):
    profile = client_or_404(request.user, profile_id)
    page = Paginator(client_plans(profile), PLANS_PER_PAGE).get_page(request.GET.get("page"))
    for plan in page.object_list:
        plan.page_url = plan_page_url(plan)
    row = client_row(request.user, profile)
    row.plan_url = plan_page_url(row.plan) if row.plan else ""
    return render(
        request,
        "clinic/client_detail.html",
        {
            "profile": profile,
            "facts": client_facts(profile),
            "row": row,
            "plans": page.object_list,
            "page": page,
            "supplements": profile.supplements.all(),
            "invitations": open_invitations(profile),
            "template_form": FromTemplateForm(templates=templates_for(request.user)),
            "has_templates": templates_for(request.user).exists(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def client_edit(request, profile_id):
    profile = client_or_404(request.user, profile_id)
    form = ClientForm(request.POST if request.method == "POST" else None, instance=profile)
    if request.method == "POST" and form.is_valid():
        services.client_update(profile=profile, data=form.values())
        messages.success(request, f"Saved {profile.name}'s details.")
        return redirect("clinic:client", profile.pk)
    return render(request, "clinic/client_form.html", {"form": form, "profile": profile}, status=form_status(form))


@login_required
@require_http_methods(["GET", "POST"])
def client_remove(request, profile_id):
    profile = client_or_404(request.user, profile_id)
    if request.method == "POST":
        name = profile.name
        deleted = services.client_remove(profile=profile)
        if deleted:
            messages.success(request, f"Removed {name} and their plans.")
        else:
            messages.success(request, f"{name} is no longer on your list. Their own account and plans stay with them.")
        return redirect("clinic:dashboard")
    return render(request, "clinic/client_remove.html", {"profile": profile})


@login_required
@require_http_methods(["GET", "POST"])
def supplement_edit(request, profile_id, supplement_id=None):
    """Add a product to a client's cabinet, or change one (e.g. mark it as prescribed)."""
    profile = client_or_404(request.user, profile_id)
    supplement = get_object_or_404(profile.supplements, pk=supplement_id) if supplement_id else None
    form = supplement_form_class()(request.POST if request.method == "POST" else None, instance=supplement)
    if request.method == "POST" and form.is_valid():
        services.supplement_save(profile=profile, supplement=supplement, data=dict(form.cleaned_data))
        messages.success(request, f"Saved {form.cleaned_data['name']} in {profile.name}'s cabinet.")
        return redirect("clinic:client", profile.pk)
    return render(
        request,
        "clinic/supplement_form.html",
        {"form": form, "profile": profile, "supplement": supplement},
        status=form_status(form),
    )
