"""`{% diary_panel %}`: today's diary form beside a plan, for the person whose plan it is."""

from django import template
from django.utils import timezone

from diary import views

register = template.Library()


@register.inclusion_tag("diary/panel.html", takes_context=True)
def diary_panel(context, profile, plan=None):
    request = context["request"]
    if profile is None or not profile.restless_legs:
        return {"show": False}
    own = views._can_write(request, profile)
    result = {"show": True, "own": own, "profile": profile, "csrf_token": context.get("csrf_token")}
    if own:
        form = views.form_for(profile, timezone.localdate())
        result.update(views.form_context(request, profile, form, own=True, next_url=request.get_full_path()))
        result["request"] = request
    return result
