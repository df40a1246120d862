"""The Foods page's search and filter form (a GET form: it also works without JavaScript)."""

from django import forms
from django.utils.text import Truncator

from foods.diet import ALLERGEN_LABELS, ALLERGENS

# Short labels, the same as the table's column headers, so they fit a half-width select on a phone.
SORT_CHOICES = [
    ("relevance", "Best match"),
    ("magnesium", "Mg per 100 g"),
    ("portion", "Mg per portion"),
    ("kcal", "Mg per 100 kcal"),
    ("name", "Name (A to Z)"),
]
DIET_CHOICES = [("none", "Any diet"), ("vegetarian", "Vegetarian"), ("vegan", "Vegan")]
# Rows shown at first, and added by each "Show more": 20 keeps the as-you-type results quick to render
# (50 rows took 5 to 9 ms on the full SR28 release); a link shows more, up to MAX_SHOWN.
PAGE_SIZE = 20
MAX_SHOWN = 200
DEFAULTS = {"q": "", "group": "", "diet": "none", "without": [], "sort": "relevance", "shown": PAGE_SIZE}
MAX_QUERY_LENGTH = 100


class FoodSearchForm(forms.Form):
    q = forms.CharField(
        label="Search foods",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        strip=True,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "autocomplete": "off",
                "placeholder": "e.g. pumpkin seed",
                "aria-describedby": "q-help",
            }
        ),
    )
    group = forms.ChoiceField(label="Food group", required=False)
    diet = forms.ChoiceField(label="Diet", choices=DIET_CHOICES, required=False)
    without = forms.MultipleChoiceField(
        label="Without",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(a, ALLERGEN_LABELS[a]) for a in ALLERGENS],
    )
    sort = forms.ChoiceField(label="Sort by", choices=SORT_CHOICES, required=False)
    # Only set by the "Show more" link, never a control of the form: a new search starts at PAGE_SIZE again.
    shown = forms.IntegerField(label="Foods shown", required=False, min_value=1, max_value=MAX_SHOWN)

    def __init__(self, *args, groups: list[str], url: str, **kwargs):
        super().__init__(*args, **kwargs)
        group = self.fields["group"]
        assert isinstance(group, forms.ChoiceField)  # declared above; narrows the type for the checker
        group.choices = [("", "All food groups")] + [(g, g) for g in groups]
        # With JavaScript, each control refreshes the results itself (the form's target and URL
        # push are inherited); without it, the form's button submits the same GET.
        live = {"hx-get": url, "hx-include": "closest form"}
        self.fields["q"].widget.attrs.update(live, **{"hx-trigger": "input changed delay:250ms, search"})
        for name in ("group", "diet", "sort"):
            self.fields[name].widget.attrs.update(live, **{"hx-trigger": "change"})

    def problems(self) -> list[str]:
        """One plain sentence per field that could not be used, saying what was used instead."""
        fallback = {
            "q": "no search words",
            "without": "no allergen filter",
            "group": "all food groups",
            "diet": "any diet",
            "sort": "best match",
            "shown": f"the first {PAGE_SIZE}",
        }
        return [
            f"{self[name].label}: {Truncator(' '.join(str(e) for e in errors)).chars(160)} We used {fallback[name]}."
            for name, errors in self.errors.items()
            if name in fallback
        ]

    def search_params(self) -> dict:
        """The values to search with: each valid field's value, the default for any field with an error."""
        data = getattr(self, "cleaned_data", {})
        params = {}
        for name, default in DEFAULTS.items():
            value = data.get(name) if name not in self.errors else None
            params[name] = value if value not in (None, "") else default
        return params
