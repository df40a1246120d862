"""Forms for plan entries: add a food or a supplement, change its amount, move it, tick it eaten."""

from decimal import Decimal

from django import forms
from django.db.models import QuerySet

from foods.models import Food, Portion
from mealplanner.entry_amounts import is_recipe_entry
from mealplanner.models import PlanEntry, SupplementProduct
from mealplanner.services.plans import MAX_FOOD_GRAMS, MAX_SUPPLEMENT_UNITS, food_grams
from mealplanner.services.recipe_entries import check_servings
from recipes.models import OwnFood, Recipe

MEAL_CHOICES = PlanEntry.MEAL_CHOICES
DAY_CHOICES = [(d, f"Day {d + 1}") for d in range(7)]
GRAMS = "g"


def _quantity_field(label="Amount"):
    return forms.DecimalField(
        label=label,
        min_value=Decimal("0.01"),
        max_digits=7,
        decimal_places=2,
        initial=1,
        error_messages={"min_value": "Enter an amount above 0.", "max_digits": "That amount is too large."},
        widget=forms.NumberInput(attrs={"step": "any", "min": "0.01", "inputmode": "decimal"}),
    )


class DayMealForm(forms.Form):
    day = forms.TypedChoiceField(label="Day", coerce=int, choices=DAY_CHOICES)
    meal = forms.ChoiceField(label="Meal", choices=MEAL_CHOICES)


class FoodAmountMixin(forms.Form):
    """Checks a food's portion (an id among the food's portions, or "g" for grams) and the total weight."""

    def _clean_food_amount(self, food_id: int):
        data = self.cleaned_data
        raw = (self.data.get(self.add_prefix("portion")) or GRAMS).strip()
        portion = None
        known = getattr(self, "known_portion", None)  # the entry's own portion, already loaded
        if raw != GRAMS:
            try:
                if known is not None and known.food_id == food_id and raw == str(known.pk):
                    portion = known
                else:
                    portion = Portion.objects.get(pk=int(raw), food_id=food_id)
            except (ValueError, Portion.DoesNotExist):
                self.add_error("portion", "Choose one of this food's portions, or grams.")
                return
        data["portion"] = portion
        quantity = data.get("quantity")
        if quantity is not None and food_grams(quantity, portion) > MAX_FOOD_GRAMS:
            self.add_error("quantity", f"That is more than {MAX_FOOD_GRAMS / 1000:g} kg: enter a smaller amount.")


class FoodEntryForm(FoodAmountMixin, DayMealForm):
    food = forms.ModelChoiceField(
        queryset=Food.objects.all(),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "That food no longer exists: search again."},
    )
    quantity = _quantity_field()
    portion = forms.CharField(required=False, label="Portion")
    # Set by the confirmation step when a food breaks the person's diet or allergies.
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if data.get("food") is not None:
            self._clean_food_amount(data["food"].pk)
        return data


class SupplementEntryForm(DayMealForm):
    supplement = forms.ModelChoiceField(
        label="Supplement",
        queryset=SupplementProduct.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": "Choose a product from this person's cabinet."},
    )
    quantity = forms.DecimalField(
        label="Units",
        min_value=Decimal("0.01"),
        max_value=MAX_SUPPLEMENT_UNITS,
        max_digits=7,
        decimal_places=2,
        initial=1,
        error_messages={
            "max_value": f"At most {MAX_SUPPLEMENT_UNITS} units at a time.",
            "min_value": "Enter a number of units above 0.",
        },
        widget=forms.NumberInput(attrs={"step": "any", "min": "0.01", "max": MAX_SUPPLEMENT_UNITS}),
    )
    time_taken = forms.TimeField(label="Time", required=False, widget=forms.TimeInput(attrs={"type": "time"}))

    def __init__(self, *args, profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supplement"].queryset = profile.supplements.all()


class EntryAmountForm(FoodAmountMixin, forms.Form):
    quantity = _quantity_field()
    portion = forms.CharField(required=False, label="Portion")
    time_taken = forms.TimeField(label="Time", required=False, widget=forms.TimeInput(attrs={"type": "time"}))

    def __init__(self, *args, entry: PlanEntry, **kwargs):
        super().__init__(*args, **kwargs)
        self.entry = entry
        # Changing only the count of the same portion (the usual change) needs no query for the portion.
        self.known_portion = entry.portion if entry.portion_id else None
        if entry.supplement_id:
            self.fields["quantity"].label = "Units"
        elif is_recipe_entry(entry):
            self.fields["quantity"].label = "Servings"

    def clean(self):
        data = super().clean()
        if self.entry.food_id:
            self._clean_food_amount(self.entry.food_id)
        elif is_recipe_entry(self.entry):
            if data.get("quantity") is not None:
                try:
                    check_servings(data["quantity"])
                except ValueError as error:
                    self.add_error("quantity", str(error))
        elif data.get("quantity") is not None and data["quantity"] > MAX_SUPPLEMENT_UNITS:
            self.add_error("quantity", f"At most {MAX_SUPPLEMENT_UNITS} units at a time.")
        return data


class EntryMoveForm(DayMealForm):
    pass


class EntryStatusForm(forms.Form):
    status = forms.ChoiceField(choices=PlanEntry.STATUS_CHOICES)


class ServingsEntryForm(DayMealForm):
    """Servings (quarter steps) of a recipe or an own food, for a meal. A subclass adds the choice field that
    `item_field` names; `items` are what the person may see (anything else is refused like a typo)."""

    item_field = ""
    servings = forms.DecimalField(
        label="Servings",
        min_value=Decimal("0.25"),
        max_digits=5,
        decimal_places=2,
        initial=1,
        error_messages={"min_value": "Enter at least a quarter serving."},
        widget=forms.NumberInput(attrs={"step": "0.25", "min": "0.25", "max": "20", "inputmode": "decimal"}),
    )
    # Set by the confirmation step when the dish or food breaks the person's diet or allergies.
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, items: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields[self.item_field]
        if isinstance(field, forms.ModelChoiceField):  # always: narrows the type
            field.queryset = items

    def clean_servings(self) -> Decimal:
        try:
            return check_servings(self.cleaned_data["servings"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None


class RecipeEntryForm(ServingsEntryForm):
    item_field = "recipe"
    recipe = forms.ModelChoiceField(
        label="Recipe",
        queryset=Recipe.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": "Choose one of the recipes offered."},
    )


class OwnFoodEntryForm(ServingsEntryForm):
    item_field = "own_food"
    own_food = forms.ModelChoiceField(
        label="Your food",
        queryset=OwnFood.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": "Choose one of the foods offered."},
    )


class MealCopyForm(forms.Form):
    """Copy one meal of one day (`from_day`) to the same meal of other days of the week."""

    meal = forms.ChoiceField(label="Meal", choices=MEAL_CHOICES)
    days = forms.TypedMultipleChoiceField(
        label="Copy to",
        coerce=int,
        choices=DAY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one day to copy to."},
    )

    def __init__(self, *args, from_day: int, day_labels=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.from_day = from_day
        days = self.fields["days"]
        if day_labels and isinstance(days, forms.ChoiceField):  # always a choice field: narrows the type
            days.choices = [(value, label) for value, label in day_labels if value != from_day]

    def clean_days(self):
        days = [day for day in self.cleaned_data["days"] if day != self.from_day]
        if not days:
            raise forms.ValidationError("Choose a day other than the one copied from.")
        return days
