"""Plans a dietitian makes for a client: new, settings (note, sharing), duplicate, generate, templates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from clinic import services
from clinic.forms import FromTemplateForm, PlanSettingsForm, TemplateNameForm
from clinic.selectors import client_or_404, client_plan_or_404, template_or_404, templates_for
from clinic.views._common import form_status, plan_page_url
from mealplanner.access import own_profile


@login_required
@require_http_methods(["GET", "POST"])
def plan_new(request, profile_id):
    profile = client_or_404(request.user, profile_id)
    form = PlanSettingsForm(
        request.POST if request.method == "POST" else None, initial={"name": f"Week for {profile.name}"}
    )
    if request.method == "POST" and form.is_valid():
        plan = services.client_plan_create(profile=profile, dietitian=request.user, data=form.values())
        messages.success(request, f"Made “{plan.name}”. Add meals on the plan page.")
        return redirect(plan_page_url(plan))
    return render(
        request, "clinic/plan_form.html", {"form": form, "profile": profile, "plan": None}, status=form_status(form)
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_settings(request, plan_id):
    """Name, first day, the note the client sees, and whether the client sees or may edit the plan."""
    plan = client_plan_or_404(request.user, plan_id)
    form = PlanSettingsForm(request.POST if request.method == "POST" else None, instance=plan)
    if request.method == "POST" and form.is_valid():
        services.plan_settings_update(plan=plan, data=form.values())
        messages.success(request, f"Saved “{plan.name}”.")
        return redirect("clinic:client", plan.profile_id)
    return render(
        request,
        "clinic/plan_form.html",
        {
            "form": form,
            "profile": plan.profile,
            "plan": plan,
            "plan_url": plan_page_url(plan),
        },
        status=form_status(form),
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_duplicate(request, plan_id):
    plan = client_plan_or_404(request.user, plan_id)
    if request.method == "POST":
        copy = services.plan_duplicate(plan=plan, by=request.user)
        messages.success(request, f"Copied the week to {copy.start_date:%-d %B %Y}. It is not shared until you say so.")
        return redirect("clinic:client", plan.profile_id)
    return render(request, "clinic/plan_confirm.html", {"plan": plan, "action": "duplicate"})


@login_required
@require_http_methods(["GET", "POST"])
def plan_generate(request, plan_id):
    """Fill the client's week with the generator, keeping pinned foods and locked meals."""
    plan = client_plan_or_404(request.user, plan_id)
    if request.method == "POST":
        ok, text = services.plan_generate(plan=plan)
        (messages.success if ok else messages.error)(request, text)
        return redirect(plan_page_url(plan))
    return render(request, "clinic/plan_confirm.html", {"plan": plan, "action": "generate"})


@login_required
@require_http_methods(["GET", "POST"])
def plan_save_template(request, plan_id):
    plan = client_plan_or_404(request.user, plan_id)
    form = TemplateNameForm(request.POST if request.method == "POST" else None, initial={"name": plan.name})
    if request.method == "POST" and form.is_valid():
        template = services.plan_save_as_template(
            plan=plan,
            dietitian=request.user,
            owner_profile=own_profile(request.user),
            name=form.cleaned_data["name"],
        )
        messages.success(request, f"Saved the template “{template.name}”. Start any client's week from it.")
        return redirect("clinic:client", plan.profile_id)
    return render(request, "clinic/template_save.html", {"form": form, "plan": plan}, status=form_status(form))


@login_required
@require_http_methods(["GET", "POST"])
def plan_from_template(request, profile_id):
    profile = client_or_404(request.user, profile_id)
    form = FromTemplateForm(request.POST if request.method == "POST" else None, templates=templates_for(request.user))
    if request.method == "POST" and form.is_valid():
        plan = services.plan_from_template(
            template=form.cleaned_data["template"],
            profile=profile,
            dietitian=request.user,
            start_date=form.cleaned_data["start_date"],
            name=form.cleaned_data["name"],
        )
        messages.success(request, f"Started “{plan.name}” for {profile.name}; targets and checks are now theirs.")
        return redirect(plan_page_url(plan))
    return render(request, "clinic/from_template.html", {"form": form, "profile": profile}, status=form_status(form))


@login_required
@require_GET
def template_list(request):
    templates = list(templates_for(request.user))
    for template in templates:
        template.page_url = plan_page_url(template)
    return render(request, "clinic/templates.html", {"templates": templates})


@login_required
@require_http_methods(["GET", "POST"])
def template_delete(request, plan_id):
    template = template_or_404(request.user, plan_id)
    if request.method == "POST":
        services.template_delete(template=template)
        messages.success(request, f"Deleted the template “{template.name}”. Plans made from it stay.")
        return redirect("clinic:templates")
    return render(request, "clinic/plan_confirm.html", {"plan": template, "action": "delete_template"})
