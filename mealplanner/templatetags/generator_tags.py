"""The generator controls' own template tags: which day "Fill one day" offers first."""

import datetime

from django import template
from django.utils import timezone

register = template.Library()


def first_open_day(start_date: datetime.date, today: datetime.date) -> int | None:
    """The first day of the plan that is not past: today when the week holds it, the first day of a week to
    come, None when every day is past (then no day is chosen for the person)."""
    offset = (today - start_date).days
    if offset <= 0:
        return 0
    return offset if offset <= 6 else None


@register.simple_tag
def fill_day_choices(plan):
    """(day, label, past) for the plan's days, and the day offered first; past days say so in their label."""
    today = timezone.localdate()
    days = []
    for d in range(7):
        date = plan.start_date + datetime.timedelta(days=d)
        days.append((d, date.strftime("%A %-d %b") + (" (past)" if date < today else "")))
    return {"days": days, "first": first_open_day(plan.start_date, today)}
