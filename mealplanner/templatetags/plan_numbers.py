"""Filters of the plan page: `{{ value|whole }}` (what `floatformat:0` shows, several times faster, for its
many figures), and the words of an entry's eaten/skipped control."""

from django import template
from django.template.defaultfilters import floatformat

from mealplanner.nutrition.numbers import whole_number

register = template.Library()

# The status control moves an entry on: planned, then eaten, then skipped, then planned again.
NEXT_STATUS = {"planned": "eaten", "eaten": "skipped", "skipped": "planned"}
STATUS_WORDS = {"planned": "Planned", "eaten": "✓ Eaten", "skipped": "✗ Skipped"}


def whole_text(value) -> str:
    """What `value|floatformat:0` shows (rounded half up, no separators), without the template machinery;
    the same rounding as the findings' figures (mealplanner.nutrition.numbers), so one sum shows one number."""
    return str(whole_number(value))


@register.filter
def whole(value) -> str:
    """A number rounded half up to a whole number ("" for no number, as floatformat gives)."""
    if value is None or value == "":
        return ""
    try:
        return whole_text(value)
    except (TypeError, ValueError, ArithmeticError, OverflowError):
        return floatformat(value, 0)


@register.filter
def next_status(status: str) -> str:
    return NEXT_STATUS.get(status, "eaten")


@register.filter
def status_word(status: str) -> str:
    return STATUS_WORDS.get(status, "Planned")
