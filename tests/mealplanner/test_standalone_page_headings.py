"""The pin list and a meal's quick add are parts of the plan page, and pages of their own without JavaScript.
On their own pages their headings follow the page's h1 without skipping a level (a screen reader's list of
headings reads as an outline); inside the plan page they keep the levels of where they sit."""

import re
from itertools import pairwise

import pytest
from django.urls import reverse

from mealplanner.models import PlanEntry
from recipes.models import Favourite
from tests.mealplanner.plan_factories import make_plan, make_profile
from tests.recipes.factories import pumpkin_seeds

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


@pytest.fixture
def plan(user):
    plan = make_plan(make_profile(user), user)
    seeds = pumpkin_seeds()
    PlanEntry.objects.create(plan=plan, day=1, meal="lunch", food=seeds, quantity=28)
    Favourite.objects.create(user=user, food=seeds)
    return plan


def heading_levels(html: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]


def assert_no_level_skipped(levels: list[int]) -> None:
    assert levels and levels[0] == 1
    for before, after in pairwise(levels):
        assert after <= before + 1, levels


def test_the_pin_lists_own_page_puts_its_days_right_under_the_title(client_logged_in, plan):
    page = client_logged_in.get(reverse("plans:pins", args=[plan.pk])).content.decode()
    assert_no_level_skipped(heading_levels(page))
    assert re.search(r"<h2>\w+ \d+ \w+</h2>", page)  # the day of the pumpkin seeds


def test_the_pin_list_inside_the_plan_page_keeps_its_days_under_the_generators_heading(client_logged_in, plan):
    part = client_logged_in.get(reverse("plans:pins", args=[plan.pk]), headers=HX).content.decode()
    assert heading_levels(part) == [3]


def test_a_meals_quick_add_page_puts_favourites_right_under_the_meals_heading(client_logged_in, plan):
    url = reverse("plans:quick_add", args=[plan.pk])
    page = client_logged_in.get(url, {"day": 1, "meal": "lunch"}).content.decode()
    assert "<h3>Favourites</h3>" in page
    assert_no_level_skipped(heading_levels(page))
    part = client_logged_in.get(url, {"day": 1, "meal": "lunch"}, headers=HX).content.decode()
    assert "<h4>Favourites</h4>" in part  # under the meal's h3 in the plan page
