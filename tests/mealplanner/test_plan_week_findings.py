"""What plan_week tells a day about supplements (issue 13): a prescription covers only its own dose, an
unknown dose is never 0, a day's headline leads with its worst finding, and one sum shows one number."""

import pytest

from mealplanner.charts import ChartDay, week_chart_svg
from mealplanner.models import SupplementProduct
from mealplanner.selectors.plans import plan_week
from mealplanner.templatetags.plan_numbers import whole
from tests.mealplanner.plan_factories import add_food, add_supplement, make_plan, make_profile, pumpkin_seeds

pytestmark = pytest.mark.django_db


def product(profile, name, mg, prescribed=False):
    return SupplementProduct.objects.create(
        profile=profile, name=name, form="citrate", elemental_mg_per_unit=mg, prescribed=prescribed
    )


def monday(plan):
    return plan_week(plan, today=plan.start_date).days[0]


def test_an_unprescribed_dose_on_top_of_a_prescription_is_a_danger(user):
    profile = make_profile(user)
    plan = make_plan(profile, user)
    add_supplement(plan, product(profile, "Doctor's magnesium", 300, prescribed=True))
    add_supplement(plan, product(profile, "Shop magnesium", 300))
    [finding] = [f for f in monday(plan).findings if "limit" in f.code]
    assert finding.level == "danger" and "Shop magnesium (300 mg)" in finding.message


def test_an_unknown_dose_is_not_left_out_of_the_limit_finding(user):
    profile = make_profile(user)
    plan = make_plan(profile, user)
    mystery = SupplementProduct.objects.create(
        profile=profile, name="Mystery tablets", form="unobtainium", compound_mg_per_unit=500
    )
    add_supplement(plan, mystery)
    day = monday(plan)
    assert [f.code for f in day.findings if "limit" in f.code] == ["limit-unknown"]
    assert day.counted.supplement_magnesium.unknown == 1  # shown as unknown, not as 0 mg


def test_the_profile_findings_count_a_product_of_unknown_magnesium_as_a_supplement(user):
    profile = make_profile(user, kidney_disease=True)
    SupplementProduct.objects.create(
        profile=profile, name="Mystery tablets", form="unobtainium", compound_mg_per_unit=500
    )
    week = plan_week(make_plan(profile, user))
    assert "kidney-supplement" in [f.code for f in week.person_findings]


def test_a_day_over_the_limit_that_reaches_the_target_has_a_danger_headline(user):
    profile = make_profile(user)  # woman of 45: target 320, limit 350 [ODS Tables 1 and 3]
    plan = make_plan(profile, user)
    add_supplement(plan, product(profile, "Strong magnesium", 400))
    day = monday(plan)
    assert day.reaches_target  # the numbers alone would say "reached"
    assert day.headline.level == "danger" and not day.headline.is_success


def test_a_good_day_that_reaches_the_target_has_the_success_headline(user):
    profile = make_profile(user, restless_legs=False)
    plan = make_plan(profile, user)
    add_food(plan, pumpkin_seeds(), quantity=1)  # 1 cup, 129 g: 764 mg magnesium [SR28 12014]
    assert monday(plan).headline.is_success


def test_an_empty_day_has_no_headline(user):
    assert monday(make_plan(make_profile(user), user)).headline is None


def test_a_supplement_sum_ending_in_a_half_shows_the_same_number_in_the_finding_and_on_the_card(user):
    profile = make_profile(user)
    plan = make_plan(profile, user)
    add_supplement(plan, product(profile, "A", "452.25"))
    add_supplement(plan, product(profile, "B", "452.25"))
    day = monday(plan)
    card = whole(day.counted.supplement_magnesium.value)
    [finding] = [f for f in day.findings if f.code == "far-over-limit" or f.code == "over-limit"]
    assert card == "905" and "905 mg" in finding.message


def test_the_chart_rounds_as_the_page_does():
    svg = week_chart_svg([ChartDay(label="Mon", food_mg=100.5, supplement_mg=0, at_least=False)], target_mg=320)
    assert ">101<" in svg and "Mon 101 mg" in svg and whole(100.5) == "101"


def test_the_printed_plan_never_marks_a_day_over_the_limit_as_reached(client_logged_in, user):
    profile = make_profile(user)
    plan = make_plan(profile, user)
    add_supplement(plan, product(profile, "Strong magnesium", 400))
    body = client_logged_in.get(f"/plans/{plan.pk}/print/").content.decode()
    assert "target reached" not in body.lower() and "Danger: read the warning below first" in body
