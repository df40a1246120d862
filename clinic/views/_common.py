"""Small helpers the clinic views share."""

from django.urls import NoReverseMatch, reverse


def plan_page_url(plan) -> str:
    """The plan page (/plans/<id>/) where entries are edited; the clinic's settings page until it exists."""
    try:
        return reverse("plans:detail", args=[plan.pk])
    except NoReverseMatch:
        return reverse("clinic:plan_settings", args=[plan.pk])


def form_status(form) -> int:
    """422 when a posted form comes back with errors (as on the plan pages), else 200."""
    return 422 if form.is_bound and form.errors else 200
