"""Admin forms for foods: the same plain rules as import_foods (foods.rows.check_food_values)."""

from django import forms
from django.utils.text import capfirst

from foods.models import NUTRIENT_FIELDS, Food, Portion
from foods.rows import LABEL_MAX, check_food_values


class FoodAdminForm(forms.ModelForm):
    class Meta:
        model = Food
        # Every field of a food is the admin's to edit except the flag this form sets itself.
        exclude = ("edited_by_admin",)  # noqa: DJ006

    def clean(self):
        cleaned = super().clean()
        values = {name: cleaned.get(name) for name in NUTRIENT_FIELDS if name in cleaned}
        for problem in check_food_values(values):
            label = capfirst(Food._meta.get_field(problem.field).verbose_name)
            self.add_error(problem.field, problem.for_form(label))
        return cleaned


class PortionAdminForm(forms.ModelForm):
    class Meta:
        model = Portion
        fields = ("seq", "label", "grams", "is_default")

    def clean_label(self):
        label = self.cleaned_data["label"].strip()
        # Exports write portions as "label=grams; label=grams", so a semicolon would split the label.
        if ";" in label:
            raise forms.ValidationError("A portion label cannot contain a semicolon (;).")
        if len(label) > LABEL_MAX:
            raise forms.ValidationError(f"Keep the label under {LABEL_MAX} characters.")
        return label

    def clean_grams(self):
        grams = self.cleaned_data["grams"]
        if grams is not None and grams <= 0:
            raise forms.ValidationError("A portion must weigh more than 0 g.")
        return grams


class PortionInlineFormSet(forms.BaseInlineFormSet):
    """At most one default portion per food, said on the page (the database refuses a second one)."""

    def clean(self):
        super().clean()
        defaults = [f for f in self.forms if f.cleaned_data.get("is_default") and not f.cleaned_data.get("DELETE")]
        if len(defaults) > 1:
            raise forms.ValidationError("Mark only one portion as the default portion.")


class FoodImportForm(forms.Form):
    MAX_BYTES = 50 * 1024 * 1024  # the SR28 zip USDA publishes is about 6 MB; a food table far less

    file = forms.FileField(
        help_text="A .csv or .xlsx file in the export's columns, or USDA's SR28 ASCII zip (sr28asc.zip).",
    )
    dry_run = forms.BooleanField(
        required=False,
        initial=True,
        label="Only show what would change (dry run)",
        label_suffix="",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx", ".zip")):
            raise forms.ValidationError("Choose a .csv, .xlsx or .zip file.")
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError("The file is larger than 50 MB.")
        return upload
