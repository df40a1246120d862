"""The person's own profile and their medicines, checked against the nutrition rules before anything is saved."""

from django import forms
from django.utils import timezone

from foods.diet import ALLERGEN_LABELS, ALLERGENS
from mealplanner import nutrition
from mealplanner.models import Profile
from mealplanner.selectors.profiles import age_on

MAX_AGE_YEARS = 130  # the rules refuse older ages (mealplanner.nutrition)
# Sanity bounds for a typed energy goal, not advice: outside them it is almost surely a slip of the keyboard.
MAX_WEIGHT_KG = 500  # the rules refuse heavier (mealplanner.nutrition)
# A due date is at most 40 weeks ahead; two weeks past it the pregnancy is over [obstetric dating].
MAX_DAYS_TO_DUE_DATE = 280
MAX_DAYS_PAST_DUE_DATE = 14
MIN_ENERGY_KCAL = 300
MAX_ENERGY_KCAL = 6000


class ProfileForm(forms.ModelForm):
    birth_date = forms.DateField(
        required=False,
        label="Birth date",
        help_text="Or give your age below. The birth date wins if you give both.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    age_years = forms.DecimalField(
        required=False,
        label="Age in years",
        min_value=0,
        max_value=MAX_AGE_YEARS,
        decimal_places=2,
        max_digits=5,
        help_text="For a baby, a fraction: 0.5 is six months.",
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )
    allergies = forms.MultipleChoiceField(
        required=False,
        label="Allergies: leave out foods with",
        widget=forms.CheckboxSelectMultiple,
        choices=[(code, ALLERGEN_LABELS[code]) for code in ALLERGENS],
    )
    due_date = forms.DateField(
        required=False,
        label="Due date",
        help_text="If pregnant: the energy goal adds the trimester's extra.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    baby_birth_date = forms.DateField(
        required=False,
        label="Your baby's birth date",
        help_text="If breastfeeding: the energy goal adds the extra for your baby's age.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    weight_kg = forms.DecimalField(
        required=False,
        label="Body weight in kg (optional)",
        min_value=1,
        max_value=MAX_WEIGHT_KG,
        decimal_places=1,
        max_digits=5,
        help_text="For children and teenagers: the caffeine advice is per kg of body weight.",
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )
    energy_goal_kcal = forms.IntegerField(
        required=False,
        label="Daily energy goal (kcal)",
        min_value=MIN_ENERGY_KCAL,
        max_value=MAX_ENERGY_KCAL,
        help_text="Leave empty to use the default for your age and sex.",
    )

    class Meta:
        model = Profile
        fields: tuple[str, ...] = (  # ClientForm's Meta adds more
            "name",
            "birth_date",
            "age_years",
            "sex",
            "weight_kg",
            "pregnant",
            "due_date",
            "lactating",
            "baby_birth_date",
            "kidney_disease",
            "bleeding_disorder",
            "restless_legs",
            "caffeine_free",
            "diet",
            "allergies",
            "energy_goal_kcal",
        )
        labels = {
            "name": "Your name (as the planner greets you)",
            "pregnant": "Pregnant",
            "lactating": "Breastfeeding",
            "kidney_disease": "Kidney disease",
            "bleeding_disorder": "Bleeding disorder",
            "caffeine_free": "Caffeine-free days",
        }
        widgets: dict[str, type[forms.Widget] | forms.Widget] = {"sex": forms.RadioSelect, "diet": forms.RadioSelect}
        help_texts = {
            "sex": "Which figures apply: the recommended amounts differ for women and men [NIH ODS].",
            "caffeine_free": "Plans leave out coffee, tea, cola and other foods with caffeine.",
            "restless_legs": "Adds a few tips; magnesium may help some people, the evidence is weak.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Show a stored 45.00 as "45" and 0.50 as "0.5": the field keeps two decimals, people don't.
        age = self.initial.get("age_years")
        if age is not None:
            self.initial["age_years"] = format(age.normalize(), "f") if hasattr(age, "normalize") else age

    def clean_birth_date(self):
        born = self.cleaned_data.get("birth_date")
        if born is None:
            return None
        today = timezone.localdate()
        if born > today:
            raise forms.ValidationError("A birth date cannot be in the future.")
        if age_on(born, today) > MAX_AGE_YEARS:
            raise forms.ValidationError(f"That is more than {MAX_AGE_YEARS} years ago: check the year.")
        return born

    def clean_due_date(self):
        due = self.cleaned_data.get("due_date")
        if due is None:
            return None
        days = (due - timezone.localdate()).days
        if days > MAX_DAYS_TO_DUE_DATE:
            raise forms.ValidationError("A due date is at most 40 weeks away: check the year.")
        if days < -MAX_DAYS_PAST_DUE_DATE:
            raise forms.ValidationError(
                "This due date is more than 2 weeks past: if your baby is born, untick "
                "Pregnant (and tick Breastfeeding if you are)."
            )
        return due

    def clean_baby_birth_date(self):
        born = self.cleaned_data.get("baby_birth_date")
        if born is not None and born > timezone.localdate():
            raise forms.ValidationError("A birth date cannot be in the future.")
        return born

    def clean(self):
        cleaned = super().clean()
        # The dates belong to the stage they describe: no stale due date once the box is unticked.
        if not cleaned.get("pregnant"):
            cleaned["due_date"] = None
        if not cleaned.get("lactating"):
            cleaned["baby_birth_date"] = None
        if self.errors:
            return cleaned
        self._check_life_stage(cleaned)
        if "pregnant" not in self.errors and cleaned.get("pregnant") and cleaned.get("due_date") is None:
            self.add_error("due_date", "Give your due date: the energy goal depends on the trimester.")
        if "lactating" not in self.errors and cleaned.get("lactating") and cleaned.get("baby_birth_date") is None:
            self.add_error("baby_birth_date", "Give your baby's birth date: the energy goal depends on the baby's age.")
        return cleaned

    def _check_life_stage(self, cleaned) -> None:
        born, age = cleaned.get("birth_date"), cleaned.get("age_years")
        years = age_on(born, timezone.localdate()) if born else (float(age) if age is not None else None)
        if years is None:
            if cleaned.get("pregnant") or cleaned.get("lactating"):
                self.add_error("birth_date", "Give your birth date or age: the pregnancy figures depend on it.")
            return
        try:
            nutrition.Person(
                age_years=years,
                sex=cleaned.get("sex"),
                pregnant=bool(cleaned.get("pregnant")),
                lactating=bool(cleaned.get("lactating")),
            )
        except ValueError as error:
            self.add_error(self._field_for_rule_error(cleaned), str(error))

    @staticmethod
    def _field_for_rule_error(cleaned) -> str:
        # The rules only refuse life-stage combinations: point at the box the person ticked.
        if cleaned.get("pregnant"):
            return "pregnant"
        if cleaned.get("lactating"):
            return "lactating"
        return "birth_date" if cleaned.get("birth_date") else "age_years"


def _class_labels() -> dict[str, str]:
    return {info.label.lower(): code for code, info in nutrition.MEDICINE_CLASSES.items()}


def medicine_suggestions() -> list[str]:
    """What the name field's datalist offers: known medicine names, brands, then the class labels."""
    from mealplanner.nutrition.medicine_words import BRAND_NAMES

    brands = sorted(brand.capitalize() for brand in BRAND_NAMES)
    labels = [info.label for code, info in nutrition.MEDICINE_CLASSES.items() if code != nutrition.UNCHECKED]
    return sorted(nutrition.MEDICINE_NAMES) + brands + labels


class MedicineForm(forms.Form):
    name = forms.CharField(
        label="Medicine name or kind",
        max_length=80,
        help_text="Type its name as on the box (or pick one); the app checks the ones it knows against magnesium.",
        widget=forms.TextInput(attrs={"list": "medicine-names", "autocomplete": "off"}),
    )
    time_taken = forms.TimeField(
        required=False,
        label="Time of day you take it",
        help_text="Optional; used to check the gap to a magnesium supplement.",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )

    def __init__(self, *args, **kwargs):
        # Its own ids: the profile form beside it has a "name" field too.
        kwargs.setdefault("auto_id", "id_medicine_%s")
        super().__init__(*args, **kwargs)

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        code = _class_labels().get(name.lower()) or nutrition.medicine_class_or_none(name)
        # A name the app does not know is kept, shown as "not checked by the app: ask your pharmacist",
        # never refused (issue 13): the person's list of medicines is theirs, and a dietitian reads it too.
        self.cleaned_data["medicine_class"] = code or nutrition.UNCHECKED
        return name
