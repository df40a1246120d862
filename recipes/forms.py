"""Forms for recipes, their ingredients, own foods and pasted ingredient lists."""

from django import forms

from foods.models import ALLERGENS, NUTRIENTS
from recipes.models import OwnFood, Recipe
from recipes.services import MAX_INGREDIENT_GRAMS, PER_100G, PER_SERVING, allowed_visibility

MAX_PASTED_LINES = 60
MAX_HTML_BYTES = 2_000_000
# Bounds against typing slips per 100 g or per serving, not health figures: 100 g holds at most 100 g of
# anything, and no food has 10,000 mg of a mineral or 1,000 kcal in 100 g (pure fat is about 900).
NUTRIENT_MAX = {"mg": 10_000, "kcal": 1_000, "g": 100}
FACT_CHOICES = [("", "Not known"), ("yes", "Yes"), ("no", "No")]


def _fact(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


class RecipeForm(forms.ModelForm):
    class Meta:
        model = Recipe
        fields = (
            "name",
            "servings",
            "steps",
            "suits_breakfast",
            "suits_lunch",
            "suits_dinner",
            "suits_snack",
            "visibility",
        )
        labels = {
            "name": "Name",
            "servings": "Servings it makes",
            "steps": "Steps (optional)",
            "suits_breakfast": "Suits breakfast",
            "suits_lunch": "Suits lunch",
            "suits_dinner": "Suits dinner",
            "suits_snack": "Suits a snack",
            "visibility": "Who sees it",
        }
        widgets = {"steps": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = allowed_visibility(owner)
        self.fields["visibility"].choices = [c for c in Recipe.VISIBILITY if c[0] in allowed]
        self.fields["visibility"].required = False
        if len(allowed) == 1:
            self.fields["visibility"].widget = forms.HiddenInput()

    def clean_servings(self):
        servings = self.cleaned_data["servings"]
        if servings is None or not 1 <= servings <= 100:
            raise forms.ValidationError("Give a number of servings from 1 to 100.")
        return servings

    def clean(self):
        cleaned = super().clean()
        if self.fields["visibility"].widget.is_hidden and self.has_error("visibility"):
            # A hidden field's own error is not shown beside it: say it for the whole form.
            self.add_error(None, "You cannot share a recipe that way.")
        return cleaned

    def clean_visibility(self):
        # Not posted (a plain person has one choice): keep what the recipe has.
        return self.cleaned_data.get("visibility") or self.instance.visibility or Recipe.PRIVATE

    def clean_steps(self):
        steps = self.cleaned_data.get("steps", "")
        if len(steps) > 20_000:
            raise forms.ValidationError("Keep the steps under 20,000 characters.")
        return steps

    def values(self) -> dict:
        return dict(self.cleaned_data)


class FoodSearchForm(forms.Form):
    q = forms.CharField(label="Find a food", max_length=100, required=False)


class IngredientForm(forms.Form):
    """One food with an amount: a number of one of its portions, or grams."""

    food = forms.CharField(widget=forms.HiddenInput, max_length=40)
    portion = forms.CharField(label="Measure", required=False, max_length=40)
    quantity = forms.FloatField(label="How many", min_value=0.01, max_value=MAX_INGREDIENT_GRAMS)


class OwnFoodForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200)
    basis = forms.ChoiceField(
        label="The values below are",
        initial=PER_SERVING,
        choices=[(PER_SERVING, "per serving, as on the label"), (PER_100G, "per 100 g")],
    )
    serving_label = forms.CharField(
        label="Serving (as the label names it)",
        max_length=60,
        required=False,
        help_text='For example "1 bar" or "2 biscuits".',
    )
    serving_grams = forms.FloatField(label="Serving weight (g)", required=False, min_value=0.1, max_value=5000)

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        # Magnesium and energy first: what the app is for, and what every label prints.
        for name, _code, unit, label in sorted(NUTRIENTS, key=lambda n: n[0] not in ("magnesium_mg", "energy_kcal")):
            self.fields[name] = forms.FloatField(
                label=f"{label} ({unit})",
                required=False,
                min_value=0,
                max_value=NUTRIENT_MAX[unit],
                help_text="Leave empty when the label does not say: it stays unknown, not zero."
                if name == "magnesium_mg"
                else "",
            )
        self.fields["vegan"] = forms.ChoiceField(label="Vegan", choices=FACT_CHOICES, required=False)
        self.fields["vegetarian"] = forms.ChoiceField(label="Vegetarian", choices=FACT_CHOICES, required=False)
        for allergen in ALLERGENS:
            label = "tree nuts" if allergen == "nuts" else allergen
            self.fields[f"contains_{allergen}"] = forms.ChoiceField(
                label=f"Contains {label}", choices=FACT_CHOICES, required=False
            )
        if owner.is_dietitian:
            self.fields["shared_with_clients"] = forms.BooleanField(label="My clients may use it", required=False)

    @classmethod
    def initial_for(cls, own_food: OwnFood) -> dict:
        """An own food's stored values (per 100 g) for the form."""
        initial = {
            "name": own_food.name,
            "basis": PER_100G,
            "serving_label": own_food.serving_label,
            "serving_grams": own_food.serving_grams,
            "shared_with_clients": own_food.shared_with_clients,
        }
        for name, *_ in NUTRIENTS:
            value = getattr(own_food, name)
            initial[name] = None if value is None else round(value, 3)
        for name in ("vegan", "vegetarian", *(f"contains_{a}" for a in ALLERGENS)):
            initial[name] = {True: "yes", False: "no", None: ""}[getattr(own_food, name)]
        return initial

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("basis") == PER_SERVING
            and not cleaned.get("serving_grams")
            and not self.has_error("serving_grams")
        ):
            self.add_error(
                "serving_grams",
                "Give the serving's weight in grams (the label prints it), or enter the values per 100 g.",
            )
        return cleaned

    def values(self) -> tuple[dict, str]:
        data = dict(self.cleaned_data)
        basis = data.pop("basis")
        for name in ("vegan", "vegetarian", *(f"contains_{a}" for a in ALLERGENS)):
            data[name] = _fact(data[name])
        return data, basis


class PasteForm(forms.Form):
    lines = forms.CharField(
        label="Ingredients, one a line",
        max_length=20_000,
        widget=forms.Textarea(
            attrs={"rows": 10, "placeholder": "1 cup cooked spinach\n2 tbsp pumpkin seeds\n200 g tofu"}
        ),
    )

    def clean_lines(self):
        lines = [line.strip() for line in self.cleaned_data["lines"].splitlines() if line.strip()]
        if not lines:
            raise forms.ValidationError("Paste at least one ingredient line.")
        if len(lines) > MAX_PASTED_LINES:
            raise forms.ValidationError(f"Paste at most {MAX_PASTED_LINES} lines at a time.")
        if any(len(line) > 300 for line in lines):
            raise forms.ValidationError("A line is longer than 300 characters: is it one ingredient?")
        return lines


class RecipePageForm(forms.Form):
    """A recipe web page: its address, or the page saved as HTML (the browser's "Save page as"), read through
    its schema.org Recipe data."""

    url = forms.URLField(
        label="The recipe's web address",
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text="The page is read once, now. Or choose a saved page below.",
    )
    page = forms.FileField(label="Or a saved recipe page (.html)", required=False)

    def clean_url(self):
        url = self.cleaned_data.get("url", "")
        if url and not url.lower().startswith(("http://", "https://")):
            raise forms.ValidationError("Only http and https web addresses can be read.")
        return url

    def clean_page(self):
        page = self.cleaned_data.get("page")
        if not page:
            return ""
        if page.size > MAX_HTML_BYTES:
            raise forms.ValidationError("That file is larger than 2 MB: is it a saved web page?")
        raw = page.read(MAX_HTML_BYTES + 1)
        return raw.decode("utf-8", "replace")

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("url") and not cleaned.get("page"):
            raise forms.ValidationError("Give the recipe's web address or choose a saved page.")
        return cleaned


class FavouriteForm(forms.Form):
    """Star or unstar one item: `item` is "food:<id>", "own:<id>" or "recipe:<id>"; `next` where to go back."""

    item = forms.CharField(max_length=40)
    on = forms.BooleanField(required=False)
    next = forms.CharField(max_length=500, required=False)
