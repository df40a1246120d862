"""Forms for the dietitians' workspace."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils import timezone

from mealplanner.forms.accounts import SignupForm, SignupPasswordForm
from mealplanner.forms.plans import start_date_in_range
from mealplanner.forms.profile import ProfileForm
from mealplanner.models import Plan

# Sanity bounds against typing slips, not health figures: the highest target in the reference table is
# 420 mg/day [ODS Table 1], so a dietitian's custom target above 1,500 mg is almost surely an extra zero.
MAX_CUSTOM_TARGET_MG = 1500
# Caps are daily limits a dietitian sets for kidney disease; values above this are typing slips.
MAX_CAP_MG = 10000

DIETITIAN_FIELDS = (
    "custom_target_mg",
    "custom_target_reason",
    "custom_energy_reason",
    "potassium_cap_mg",
    "phosphorus_cap_mg",
    "sodium_cap_mg",
    "dietitian_notes",
)
CLIENT_FIELDS = ProfileForm.Meta.fields + DIETITIAN_FIELDS


class ClientForm(ProfileForm):
    """The person's profile form (same fields, same checks against the rules), plus what only a dietitian sets."""

    field_order = (
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
        "custom_target_mg",
        "custom_target_reason",
        "energy_goal_kcal",
        "custom_energy_reason",
        "potassium_cap_mg",
        "phosphorus_cap_mg",
        "sodium_cap_mg",
        "dietitian_notes",
    )
    custom_target_mg = forms.IntegerField(
        label="Custom magnesium target (mg a day)",
        required=False,
        min_value=1,
        max_value=MAX_CUSTOM_TARGET_MG,
        help_text="Empty: the recommended intake for age and sex (NIH ODS).",
    )
    potassium_cap_mg = forms.IntegerField(
        label="Potassium cap (mg a day)", required=False, min_value=1, max_value=MAX_CAP_MG
    )
    phosphorus_cap_mg = forms.IntegerField(
        label="Phosphorus cap (mg a day)", required=False, min_value=1, max_value=MAX_CAP_MG
    )
    sodium_cap_mg = forms.IntegerField(label="Sodium cap (mg a day)", required=False, min_value=1, max_value=MAX_CAP_MG)

    class Meta(ProfileForm.Meta):
        fields = CLIENT_FIELDS
        labels = {
            **ProfileForm.Meta.labels,
            "name": "Name",
            "restless_legs": "Has restless legs",
            "caffeine_free": "Caffeine-free days",
            "custom_target_reason": "Reason for the custom target",
            "custom_energy_reason": "Reason for the energy goal",
            "dietitian_notes": "Private notes",
        }
        help_texts = {
            **ProfileForm.Meta.help_texts,
            "dietitian_notes": "Only you see these; the client does not.",
            "custom_target_reason": "The client sees this beside the target.",
        }
        widgets = {**ProfileForm.Meta.widgets, "dietitian_notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The person's form speaks to the person; this one speaks to their dietitian.
        self.fields["allergies"].label = "Avoids foods with"
        self.fields["energy_goal_kcal"].label = "Energy goal (kcal a day)"
        self.fields["energy_goal_kcal"].help_text = "Empty: the default for age and sex."
        self.fields["birth_date"].help_text = "Or give the age below. The birth date wins if you give both."
        self.fields["age_years"].help_text = "Only if you do not know the birth date."

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("custom_target_mg") and not cleaned.get("custom_target_reason", "").strip():
            self.add_error("custom_target_reason", "Say why this client has a custom target; the client sees it.")
        if cleaned.get("energy_goal_kcal") and not cleaned.get("custom_energy_reason", "").strip():
            self.add_error("custom_energy_reason", "Say why this client has this energy goal.")
        if cleaned.get("birth_date") is None and cleaned.get("age_years") is None and "birth_date" not in self.errors:
            self.add_error("age_years", "Give a birth date or an age: the targets depend on it.")
        if cleaned.get("custom_target_mg") is None:
            cleaned["custom_target_reason"] = ""
        if cleaned.get("energy_goal_kcal") is None:
            cleaned["custom_energy_reason"] = ""
        return cleaned

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in CLIENT_FIELDS}


class InviteForm(forms.Form):
    email = forms.EmailField(
        label="Client's e-mail (optional)",
        required=False,
        help_text="We e-mail the link when you give an address; you can also copy it yourself.",
    )


class InviteSignupForm(SignupForm):
    """The ordinary sign-up form's username and e-mail (for password resets), and the password twice: the
    invitation link already proves who this is, so no second e-mailed step. The e-mail the dietitian used for
    the invitation is filled in."""

    password1 = SignupPasswordForm.base_fields["password1"]
    password2 = SignupPasswordForm.base_fields["password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = "Used to reset your password."

    def clean_password2(self):
        first, second = self.cleaned_data.get("password1"), self.cleaned_data["password2"]
        if first and first != second:
            raise forms.ValidationError("The two passwords are not the same.")
        account = get_user_model()(
            username=self.cleaned_data.get("username", ""), email=self.cleaned_data.get("email", "")
        )
        password_validation.validate_password(second, account)
        return second


class PlanSettingsForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = ("name", "start_date", "note", "shared_with_client", "client_can_edit")
        labels = {
            "name": "Plan name",
            "start_date": "First day",
            "note": "Note for the client",
            "shared_with_client": "The client sees this plan",
            "client_can_edit": "The client may change this plan",
        }
        help_texts = {
            "note": "Shown to the client on the plan.",
            "client_can_edit": "Only for a plan the client sees.",
        }
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and not self.is_bound and not self.initial.get("start_date"):
            # An unsaved Plan puts start_date=None into initial, so setdefault would not do.
            self.initial["start_date"] = _next_monday()

    def clean_start_date(self):
        return start_date_in_range(self.cleaned_data["start_date"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("client_can_edit") and not cleaned.get("shared_with_client"):
            self.add_error(
                "client_can_edit", "Share the plan with the client first; they cannot edit a plan they cannot see."
            )
        return cleaned

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class TemplateNameForm(forms.Form):
    name = forms.CharField(label="Template name", max_length=120)


class FromTemplateForm(forms.Form):
    template = forms.ModelChoiceField(label="Template", queryset=Plan.objects.none(), empty_label=None)
    start_date = forms.DateField(label="First day", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    name = forms.CharField(label="Plan name", max_length=120, required=False, help_text="Empty: the template's name.")

    def __init__(self, *args, templates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates
        if not self.is_bound and not self.initial.get("start_date"):
            self.initial["start_date"] = _next_monday()

    def clean_start_date(self):
        return start_date_in_range(self.cleaned_data["start_date"])


def _next_monday():
    today = timezone.localdate()
    return today + timedelta(days=(7 - today.weekday()) % 7 or 7)


def supplement_form_class():
    """The cabinet's form for a product, shared with the person's own cabinet page."""
    from mealplanner.forms.cabinet import SupplementProductForm

    return SupplementProductForm
