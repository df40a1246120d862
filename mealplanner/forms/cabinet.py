"""The form for a product in a person's cabinet: a magnesium supplement, antacid or laxative."""

from decimal import Decimal

from django import forms

from mealplanner.models import SupplementProduct
from mealplanner.nutrition import SUPPLEMENT_FORMS

# Sanity bounds, not health limits: no tablet holds more. The largest single doses the reference mentions
# are laxatives and antacids; "above about 5,000 mg/day" is already toxic [ODS, magnesium.md], so a unit
# above these is a typing slip (grams for milligrams, an extra zero).
MAX_ELEMENTAL_MG_PER_UNIT = Decimal(2000)
MAX_COMPOUND_MG_PER_UNIT = Decimal(5000)


class SupplementProductForm(forms.ModelForm):
    form = forms.ChoiceField(
        label="Magnesium form",
        choices=(),
        help_text="The compound on the label, e.g. citrate or oxide.",
    )
    elemental_mg_per_unit = forms.DecimalField(
        label="Elemental magnesium per unit (mg)",
        required=False,
        min_value=Decimal("0.01"),
        max_value=MAX_ELEMENTAL_MG_PER_UNIT,
        max_digits=7,
        decimal_places=2,
        help_text='From the label ("magnesium ... mg"). When given, this figure is used.',
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )
    compound_mg_per_unit = forms.DecimalField(
        label="Compound weight per unit (mg)",
        required=False,
        min_value=Decimal("0.01"),
        max_value=MAX_COMPOUND_MG_PER_UNIT,
        max_digits=7,
        decimal_places=2,
        help_text='Only if the label gives no elemental figure, e.g. "magnesium citrate 500 mg".',
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )

    class Meta:
        model = SupplementProduct
        fields = ("name", "kind", "form", "elemental_mg_per_unit", "compound_mg_per_unit", "prescribed")
        labels = {"name": "Product name", "kind": "Kind"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(code, f.label) for code, f in SUPPLEMENT_FORMS.items()]
        # A product saved before the list changed keeps its form visible instead of silently switching.
        if self.instance.pk and self.instance.form and self.instance.form not in SUPPLEMENT_FORMS:
            choices.append((self.instance.form, self.instance.form))
        self.fields["form"].choices = choices

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("elemental_mg_per_unit") is None
            and cleaned.get("compound_mg_per_unit") is None
            and "elemental_mg_per_unit" not in self.errors
            and "compound_mg_per_unit" not in self.errors
        ):
            self.add_error(
                "elemental_mg_per_unit",
                "Give the elemental magnesium per unit, or the compound weight per unit.",
            )
        return cleaned
