"""The profile selectors other pages share: age, the rules' Person, the energy goal, supplement doses."""

import datetime
from decimal import Decimal

import pytest

from mealplanner import nutrition
from mealplanner.models import Medicine, Profile, SupplementProduct
from mealplanner.selectors.profiles import (
    ProfileIncomplete,
    age_on,
    cabinet_rows,
    energy_goal_for,
    person_for,
    profile_age_years,
    profile_summary,
    supplement_dose_for,
    supplement_elemental_mg,
)

D = datetime.date


@pytest.mark.parametrize(
    "born, on, expected",
    [
        (D(2000, 5, 10), D(2014, 5, 10), 14.0),  # a birthday gives a whole number, not 13.999
        (D(2000, 5, 10), D(2014, 5, 9), pytest.approx(13.997, abs=0.001)),
        (D(2000, 1, 1), D(2000, 7, 2), pytest.approx(0.5, abs=0.003)),
        (D(2000, 2, 29), D(2001, 2, 28), 1.0),  # leap-day birthdays fall on 28 February
        (D(2000, 2, 29), D(2004, 2, 29), 4.0),
    ],
)
def test_age_on_counts_whole_years_then_the_part_year(born, on, expected):
    assert age_on(born, on) == expected


def test_profile_age_prefers_the_birth_date_over_the_typed_age():
    profile = Profile(birth_date=D(1990, 3, 1), age_years=Decimal("10"))
    assert profile_age_years(profile, on=D(2026, 3, 1)) == 36.0


def test_profile_age_falls_back_to_the_typed_age_then_none():
    assert profile_age_years(Profile(age_years=Decimal("7.5"))) == 7.5
    assert profile_age_years(Profile()) is None


def test_a_birth_date_after_the_day_asked_about_counts_as_zero():
    assert profile_age_years(Profile(birth_date=D(2030, 1, 1)), on=D(2026, 1, 1)) == 0.0


@pytest.mark.django_db
def test_person_for_carries_conditions_medicines_and_a_custom_target():
    profile = Profile.objects.create(
        name="P", age_years=50, sex="male", kidney_disease=True, restless_legs=True, custom_target_mg=500
    )
    Medicine.objects.create(
        profile=profile, name="Doxycycline", medicine_class="tetracycline", time_taken=datetime.time(9)
    )
    person = person_for(profile)
    assert isinstance(person, nutrition.Person)
    assert (person.age_years, person.sex, person.kidney_disease, person.restless_legs) == (50.0, "male", True, True)
    assert person.medicines == (nutrition.Medicine("Doxycycline", "tetracycline", datetime.time(9)),)
    assert nutrition.target_for(person).mg == 500 and nutrition.target_for(person).is_custom


@pytest.mark.django_db
def test_person_for_without_an_age_says_what_is_missing():
    profile = Profile.objects.create(name="P")
    with pytest.raises(ProfileIncomplete, match="age or birth date"):
        person_for(profile)
    assert isinstance(ProfileIncomplete("x"), ValueError)  # callers that catch ValueError are covered


def test_energy_goal_set_in_the_profile_wins():
    assert energy_goal_for(Profile(age_years=30, energy_goal_kcal=1700)) == (1700, False, "Set in the profile.")
    assert energy_goal_for(Profile(age_years=30, energy_goal_kcal=2400, custom_energy_reason="athlete"))[2] == "athlete"


def test_energy_goal_defaults_by_age_and_sex_with_the_rules_source():
    kcal, is_default, source = energy_goal_for(Profile(age_years=30, sex="male"))
    assert is_default and source == nutrition.ENERGY_GOAL_SOURCE
    assert kcal == nutrition.default_energy_goal_kcal(30, "male")


def test_energy_goal_without_an_age_is_incomplete():
    with pytest.raises(ProfileIncomplete):
        energy_goal_for(Profile())


def test_the_labels_elemental_amount_wins_over_a_conversion():
    product = SupplementProduct(
        name="X", form="oxide", elemental_mg_per_unit=Decimal("200"), compound_mg_per_unit=Decimal("500")
    )
    assert supplement_elemental_mg(product) == 200


def test_a_compound_weight_is_converted_with_the_forms_share():
    product = SupplementProduct(name="X", form="glycinate", compound_mg_per_unit=Decimal("1000"))
    assert supplement_elemental_mg(product) == pytest.approx(141)  # 14.1 % [Molecules 2021 Table 1]


def test_a_compound_in_an_unknown_form_is_unknown_not_guessed():
    assert supplement_elemental_mg(SupplementProduct(name="X", form="mystery", compound_mg_per_unit=500)) is None


def test_a_dose_multiplies_the_units_and_keeps_kind_prescription_and_time():
    product = SupplementProduct(
        name="Antacid", kind="antacid", form="hydroxide", elemental_mg_per_unit=Decimal("85"), prescribed=True
    )
    dose = supplement_dose_for(product, Decimal("2"), time_taken=datetime.time(21))
    assert dose == nutrition.SupplementDose(
        name="Antacid", elemental_mg=170.0, prescribed=True, time_taken=datetime.time(21), kind="antacid"
    )


def test_a_dose_of_a_product_with_unknown_magnesium_is_refused():
    with pytest.raises(ValueError, match="not known"):
        supplement_dose_for(SupplementProduct(name="X", form="mystery", compound_mg_per_unit=500), 1)


@pytest.mark.django_db
def test_cabinet_rows_mark_converted_amounts():
    profile = Profile.objects.create(name="P")
    SupplementProduct.objects.create(profile=profile, name="A", form="oxide", compound_mg_per_unit=100)
    SupplementProduct.objects.create(profile=profile, name="B", form="oxide", elemental_mg_per_unit=100)
    rows = {row.product.name: row for row in cabinet_rows(profile)}
    assert rows["A"].converted and rows["A"].elemental_mg_per_unit == pytest.approx(60.3)
    assert not rows["B"].converted and rows["A"].form_label == "Magnesium oxide"


@pytest.mark.django_db
def test_the_summary_gives_target_limit_and_medicine_advice():
    profile = Profile.objects.create(name="P", age_years=25, sex="female", pregnant=True)
    Medicine.objects.create(profile=profile, name="omeprazole", medicine_class="ppi")
    summary = profile_summary(profile)
    assert summary.target.mg == 350 and summary.limit_mg == 350  # [ODS Tables 1 and 3] pregnancy 19–30
    assert [f.code for f in summary.findings] == ["medicine-ppi"]


@pytest.mark.django_db
def test_the_summary_explains_stored_answers_the_rules_refuse():
    profile = Profile.objects.create(name="P", age_years=30, sex="male", pregnant=True)  # e.g. set in the admin
    summary = profile_summary(profile)
    assert summary.target is None and "female" in summary.problem


@pytest.mark.django_db
@pytest.mark.parametrize("born, text", [(D(1990, 12, 1), "35 years"), (D(2026, 6, 1), "under 1 year")])
def test_the_summary_states_the_age_in_whole_years(born, text):
    profile = Profile.objects.create(name="P", birth_date=born, sex="male")
    assert profile_summary(profile, on=D(2026, 11, 28)).age_text == text


@pytest.mark.django_db
def test_a_new_profile_has_no_sex_until_one_is_given():
    assert Profile.objects.create(name="P", age_years=40).sex == ""


@pytest.mark.parametrize("what", [person_for, energy_goal_for])
def test_without_a_sex_there_is_no_target_nor_default_energy_instead_of_the_female_figure(what):
    # Issue 13: a man who skipped the field got the women's 320 mg instead of 420.
    with pytest.raises(ProfileIncomplete, match="women or men"):
        what(Profile(name="P", age_years=40, sex=""))


def test_the_summary_without_a_sex_says_so_and_still_states_the_age():
    summary = profile_summary(Profile(name="P", age_years=40, sex=""))
    assert summary.target is None and "women or men" in summary.problem and summary.age_text == "40 years"


def test_person_for_carries_the_body_weight_as_a_float():
    person = person_for(Profile(name="P", age_years=10, sex="male", weight_kg=Decimal("31.5")), medicines=())
    assert person.weight_kg == 31.5 and isinstance(person.weight_kg, float)
    assert person_for(Profile(name="P", age_years=10, sex="male"), medicines=()).weight_kg is None
