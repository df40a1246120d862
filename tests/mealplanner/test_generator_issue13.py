"""Issue 13 and 18 on the generator's pages: supplement-only meals are filled, an unknown dose gives no
figure, caffeine stays under the life stage's limit, a young child's week holds no choking hazard,
suggestions each matter and read apart, and "Fill one day" offers a day that is not past."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from foods.models import Food
from mealplanner.models import Plan, PlanEntry, SupplementProduct
from mealplanner.templatetags.generator_tags import first_open_day
from tests.mealplanner.plan_factories import citrate, make_profile, this_monday
from tests.mealplanner.test_generator_views import UNREACHABLE_MG

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("unhurried_generator")]


@pytest.fixture
def foods(db):
    call_command("loaddata", "fixtures/foods.json", verbosity=0)


def plan_for(user, start=None, **profile):
    profile = make_profile(user, **{"diet": "vegan", "energy_goal_kcal": 2000, **profile})
    return Plan.objects.create(
        profile=profile, name="Week", start_date=start or this_monday() + datetime.timedelta(days=7), created_by=user
    )


def test_a_dinner_holding_only_a_supplement_gets_food(client_logged_in, user, foods):
    plan = plan_for(user)
    pill = PlanEntry.objects.create(
        plan=plan, day=0, meal="dinner", supplement=citrate(plan.profile, mg=100), quantity=Decimal("1")
    )
    client_logged_in.post(reverse("generator:fill_day", args=[plan.pk]), {"day": 0})
    assert PlanEntry.objects.filter(plan=plan, day=0, meal="dinner", food__isnull=False, generated=True).exists()
    assert PlanEntry.objects.filter(pk=pill.pk).exists()


def test_an_unknown_supplement_dose_is_never_counted_as_zero_in_the_room_under_the_limit(client_logged_in, user, foods):
    plan = plan_for(user, start=timezone.localdate(), energy_goal_kcal=1200, custom_target_mg=UNREACHABLE_MG)
    # A blend whose elemental magnesium cannot be worked out (no elemental figure, an unknown compound).
    blend = SupplementProduct.objects.create(
        profile=plan.profile, name="Sleep blend", form="mystery blend", compound_mg_per_unit=500
    )
    PlanEntry.objects.create(plan=plan, day=0, meal="snack", supplement=blend, quantity=Decimal("1"))
    body = client_logged_in.post(reverse("generator:fill_day", args=[plan.pk]), {"day": 0}).content.decode()
    assert "Short:" in body
    assert "unknown amount of elemental magnesium" in body
    assert "would close the gap" not in body


def test_a_pregnant_persons_suggestions_hold_no_caffeine_past_her_200_mg(client_logged_in, user, foods):
    plan = plan_for(
        user, start=timezone.localdate(), diet="none", restless_legs=False, pregnant=True, age_years=Decimal("30")
    )
    espresso = Food.objects.get(ndb_number="14210")  # SR28: 212 mg caffeine per 100 g; 1 fl oz = 29.6 g
    shot = espresso.portions.get(label="1 fl oz")
    for _ in range(4):  # about 251 mg of caffeine, over 200 mg (EFSA 2015; ACOG)
        PlanEntry.objects.create(plan=plan, day=0, meal="breakfast", food=espresso, portion=shot, quantity=1)
    response = client_logged_in.get(reverse("generator:suggest", args=[plan.pk]), {"day": 0})
    names = [row["s"].candidate.name for row in response.context["suggestions"]]
    assert names
    assert all((row["s"].candidate.caffeine_mg or 0) == 0 for row in response.context["suggestions"]), names


def test_a_two_year_olds_week_holds_no_choking_hazard(client_logged_in, user, foods):
    plan = plan_for(user, diet="none", age_years=Decimal("2"), sex="male", energy_goal_kcal=1000, restless_legs=False)
    client_logged_in.post(reverse("generator:fill_week", args=[plan.pk]))
    entries = PlanEntry.objects.filter(plan=plan, food__isnull=False).select_related("food")
    assert entries.exists()
    assert [e.food.name for e in entries if e.food.choking_hazard_under_4] == []


def test_each_suggestion_closes_a_tenth_of_the_gap_and_its_button_names_the_whole_food(client_logged_in, user, foods):
    plan = plan_for(user, start=timezone.localdate())
    response = client_logged_in.get(reverse("generator:suggest", args=[plan.pk]), {"day": 0})
    gap = response.context["gap"]
    rows = response.context["suggestions"]
    assert gap > 0 and rows
    assert all(row["s"].magnesium_mg >= gap / 10 for row in rows)
    buttons = [
        re.sub(r"<[^>]+>", "", b).strip()
        for b in re.findall(
            r'<button type="submit" class="small-button">(.*?)</button>', response.content.decode(), re.S
        )
    ]
    assert len(buttons) == len(rows) and len(set(buttons)) == len(buttons)
    for row, text in zip(rows, buttons, strict=True):
        assert row["s"].candidate.name in text and "…" not in text


def test_fill_one_day_offers_today_or_the_first_day_to_come_never_a_past_day():
    monday = datetime.date(2026, 11, 30)
    assert first_open_day(monday, monday + datetime.timedelta(days=3)) == 3
    assert first_open_day(monday, monday - datetime.timedelta(days=5)) == 0
    assert first_open_day(monday, monday + datetime.timedelta(days=9)) is None


def controls(plan, user):
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string(
        "mealplanner/generator_controls.html", {"plan": plan, "profile": plan.profile}, request=request
    )


def fill_day_select(html):
    return re.search(r'<select id="gen-day".*?</select>', html, re.S).group(0)


def test_the_fill_day_control_selects_today_in_a_week_begun_three_days_ago(user):
    plan = plan_for(user, start=timezone.localdate() - datetime.timedelta(days=3))
    select = fill_day_select(controls(plan, user))
    assert re.findall(r'<option value="(\d*)" selected', select) == ["3"]
    assert select.count("(past)") == 3


def test_in_a_week_all_past_no_day_is_chosen_for_the_person(user):
    plan = plan_for(user, start=timezone.localdate() - datetime.timedelta(days=10))
    select = fill_day_select(controls(plan, user))
    assert re.findall(r'<option value="(\d*)" selected', select) == [""]
