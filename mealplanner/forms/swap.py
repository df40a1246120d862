"""The form a Swap choice posts (issue 17): which dish or food, and how many halves of a serving or portion."""

from django import forms

# Ids the database can hold (an own food's id comes negated, selectors.meal_candidates).
ID_LIMIT = 2**63 - 1


class SwapForm(forms.Form):
    kind = forms.ChoiceField(choices=[("dish", "dish"), ("food", "food")])
    ref = forms.IntegerField(min_value=-ID_LIMIT, max_value=ID_LIMIT)
    halves = forms.IntegerField(min_value=1, max_value=4)
