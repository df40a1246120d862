"""`{{ value|whole }}`: what `floatformat:0` shows, for the plan page's many figures, several times faster."""

from django import template
from django.template.defaultfilters import floatformat

from mealplanner.selectors.plan_page import whole as whole_text

register = template.Library()


@register.filter
def whole(value) -> str:
    """A number rounded half up to a whole number ("" for no number, as floatformat gives)."""
    if value is None or value == "":
        return ""
    try:
        return whole_text(value)
    except (TypeError, ValueError, ArithmeticError, OverflowError):
        return floatformat(value, 0)
