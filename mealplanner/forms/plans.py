"""Forms for whole plans: create, and copy a day to other days."""

import datetime

from django import forms
from django.utils import timezone

from mealplanner.services.plans import monday_of

DAY_CHOICES = [(d, f"Day {d + 1}") for d in range(7)]


def this_monday() -> datetime.date:
    return monday_of(timezone.localdate())


class PlanForm(forms.Form):
    name = forms.CharField(label="Name", max_length=120, initial="My week")
    start_date = forms.DateField(
        label="First day",
        initial=this_monday,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Plans run for seven days from this date; Monday by default.",
    )

    def clean_start_date(self):
        return start_date_in_range(self.cleaned_data["start_date"])


def start_date_in_range(value: datetime.date) -> datetime.date:
    """A plan's first day, refused outside 2000–2100: a week starting in the last days of year 9999 would
    run past the last date Python can hold, and every page of the plan would fail."""
    if not datetime.date(2000, 1, 1) <= value <= datetime.date(2100, 12, 31):
        raise forms.ValidationError("Choose a date between 2000 and 2100.")
    return value


def day_choices(start: datetime.date) -> list[tuple[int, str]]:
    """The plan's days as people name them ("Mon 30 Nov"), never "Day 1"."""
    return [(d, (start + datetime.timedelta(days=d)).strftime("%a %-d %b")) for d in range(7)]


class DayCopyForm(forms.Form):
    to_days = forms.TypedMultipleChoiceField(
        label="Copy to",
        coerce=int,
        choices=DAY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Tick at least one day to copy to."},
    )
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, plan, from_day: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.from_day = from_day
        to_days = self.fields["to_days"]
        assert isinstance(to_days, forms.MultipleChoiceField)  # declared above; narrows the type
        to_days.choices = [c for c in day_choices(plan.start_date) if c[0] != from_day]
