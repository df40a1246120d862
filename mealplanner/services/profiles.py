"""Writes for a person's profile, their medicines and their supplement cabinet.

The forms have already checked the values against the nutrition rules; these functions only store them.
"""

import datetime
from decimal import Decimal

from django.db import transaction

from mealplanner.models import Medicine, Profile, SupplementProduct

# The profile fields a person may change themselves; the custom targets and caps belong to their dietitian.
PERSON_EDITABLE_FIELDS = (
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


@transaction.atomic
def profile_update(*, profile: Profile, **values) -> Profile:
    """Store the person's own answers; unknown or dietitian-only field names are a programming error."""
    unknown = set(values) - set(PERSON_EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not fields a person edits: {', '.join(sorted(unknown))}.")
    for field, value in values.items():
        setattr(profile, field, value)
    profile.save(update_fields=list(values))
    return profile


@transaction.atomic
def medicine_add(*, profile: Profile, name: str, medicine_class: str, time_taken: datetime.time | None) -> Medicine:
    return Medicine.objects.create(profile=profile, name=name, medicine_class=medicine_class, time_taken=time_taken)


@transaction.atomic
def medicine_remove(*, medicine: Medicine) -> None:
    medicine.delete()


@transaction.atomic
def supplement_save(
    *,
    profile: Profile,
    product: SupplementProduct | None = None,
    name: str,
    kind: str,
    form: str,
    elemental_mg_per_unit: Decimal | None,
    compound_mg_per_unit: Decimal | None,
    prescribed: bool,
) -> SupplementProduct:
    """Create a cabinet product, or change `product` (which must belong to `profile`)."""
    if product is None:
        product = SupplementProduct(profile=profile)
    elif product.profile_id != profile.pk:
        raise ValueError("That product belongs to someone else's cabinet.")
    product.name = name
    product.kind = kind
    product.form = form
    product.elemental_mg_per_unit = elemental_mg_per_unit
    product.compound_mg_per_unit = compound_mg_per_unit
    product.prescribed = prescribed
    product.save()
    return product


@transaction.atomic
def supplement_delete(*, product: SupplementProduct) -> None:
    """Remove the product; its entries in plans go with it (PlanEntry.supplement cascades)."""
    product.delete()
