"""The admin's portions inline refuses two default portions for one food, on the page (not a database error)."""

import pytest
from django.forms import inlineformset_factory

from foods.admin_forms import PortionAdminForm, PortionInlineFormSet
from foods.models import Food, Portion

pytestmark = pytest.mark.django_db


def formset(food, defaults):
    Formset = inlineformset_factory(Food, Portion, form=PortionAdminForm, formset=PortionInlineFormSet, extra=0)
    data = {"portions-TOTAL_FORMS": "2", "portions-INITIAL_FORMS": "0"}
    for i, (label, grams) in enumerate([("1 oz", "28.35"), ("1 cup", "143")]):
        data.update({f"portions-{i}-seq": str(i + 1), f"portions-{i}-label": label, f"portions-{i}-grams": grams})
        if defaults[i]:
            data[f"portions-{i}-is_default"] = "on"
    return Formset(data, instance=food, prefix="portions")


def test_two_default_portions_are_refused_with_a_message_and_one_is_kept():
    # USDA SR28 NDB 12061, Nuts, almonds: 270 mg magnesium, 579 kcal per 100 g.
    food = Food.objects.create(
        name="Nuts, almonds", food_group="Nut and Seed Products", magnesium_mg=270, energy_kcal=579
    )
    both = formset(food, (True, True))
    assert not both.is_valid()
    assert "only one portion" in " ".join(both.non_form_errors())
    one = formset(food, (True, False))
    assert one.is_valid()
    one.save()
    assert list(Portion.objects.filter(is_default=True).values_list("label", flat=True)) == ["1 oz"]
