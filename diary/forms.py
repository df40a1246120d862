"""Forms of the diary: one day's entry, and the habits to try."""

import datetime

from django import forms
from django.utils import timezone

from diary import habits
from diary.models import DiaryEntry

EARLIEST = datetime.date(2000, 1, 1)


class DiaryEntryForm(forms.Form):
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label="Day")
    symptom_score = forms.TypedChoiceField(
        label="Restless legs today (0 = none, 10 = worst)",
        coerce=int,
        choices=[(n, str(n)) for n in range(11)],
        widget=forms.RadioSelect,
    )
    sleep_disturbed = forms.BooleanField(label="Symptoms disturbed last night's sleep", required=False)
    hours_slept = forms.DecimalField(
        label="Hours slept",
        required=False,
        min_value=0,
        max_value=24,
        max_digits=3,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )
    sleep_quality = forms.TypedChoiceField(
        label="Sleep quality",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—"), (1, "1 very poor"), (2, "2 poor"), (3, "3 fair"), (4, "4 good"), (5, "5 very good")],
    )
    caffeine_mg = forms.IntegerField(
        label="Caffeine (mg)",
        required=False,
        min_value=0,
        max_value=3000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    exercise_minutes = forms.IntegerField(
        label="Exercise (minutes)",
        required=False,
        min_value=0,
        max_value=1440,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    habits_kept = forms.MultipleChoiceField(
        label="Habits kept today", required=False, widget=forms.CheckboxSelectMultiple
    )
    notes = forms.CharField(
        label="Notes", required=False, max_length=500, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )

    # Set by diary.views.form_for for the template: the day shown, its saved entry, and whether the
    # caffeine figure came from the plan.
    day_iso: str = ""
    existing: DiaryEntry | None = None
    caffeine_from_plan: bool = False

    def __init__(self, *args, chosen_habits=(), **kwargs):
        super().__init__(*args, **kwargs)
        chosen = habits.chosen(chosen_habits)
        self.fields["habits_kept"].choices = [(h.code, h.label) for h in chosen]
        if not chosen:
            del self.fields["habits_kept"]

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError("That day has not come yet: pick today or an earlier day.")
        if date < EARLIEST:
            raise forms.ValidationError("Pick a day from 2000 onwards.")
        return date

    def entry_values(self) -> dict:
        data = dict(self.cleaned_data)
        data.setdefault("habits_kept", [])
        return data


class DayForm(forms.Form):
    """The ?date= of a diary page; a bad or future date falls back to today."""

    date = forms.DateField(required=False)

    def day(self) -> datetime.date:
        today = timezone.localdate()
        if not self.is_valid() or not self.cleaned_data["date"]:
            return today
        date = self.cleaned_data["date"]
        return date if EARLIEST <= date <= today else today


class HabitsForm(forms.Form):
    habits = forms.MultipleChoiceField(
        label="Habits to try",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(h.code, h.label) for h in habits.HABITS],
    )


class WeeksForm(forms.Form):
    weeks = forms.TypedChoiceField(
        coerce=int, choices=[(4, "4"), (8, "8"), (12, "12")], required=False, empty_value=None
    )

    def weeks_value(self) -> int:
        """The weeks chosen; 4 when none or a bad value was given."""
        return (self.cleaned_data["weeks"] or 4) if self.is_valid() else 4
