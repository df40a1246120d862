"""Small helpers the clinic views share."""

from django.urls import NoReverseMatch, reverse


def plan_page_url(plan) -> str:
    """The plan page (/plans/<id>/) where entries are edited; the clinic's settings page until it exists."""
    try:
        return reverse("plans:detail", args=[plan.pk])
    except NoReverseMatch:
        return reverse("clinic:plan_settings", args=[plan.pk])
