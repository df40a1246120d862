"""Queries compiled once per process (mealplanner.compiled) give what the ORM gives, for any values."""

import pytest
from django.db.models import Model

from mealplanner.compiled import CompiledQuery
from mealplanner.models import Plan, PlanEntry
from tests.mealplanner.plan_factories import add_food, add_supplement, citrate, make_plan, make_profile, pumpkin_seeds

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile(user):
    return make_profile(user)


def same(a: Model, b: Model) -> bool:
    return type(a) is type(b) and all(getattr(a, f.attname) == getattr(b, f.attname) for f in a._meta.concrete_fields)


def entry_query():
    return CompiledQuery(PlanEntry, lambda plan_id, entry_id: PlanEntry.objects.filter(plan_id=plan_id, pk=entry_id)
                         .select_related("food", "portion", "supplement"))


def test_it_gives_the_orms_instances_with_their_related_rows(profile, user):
    plan = make_plan(profile, user)
    food_entry = add_food(plan, pumpkin_seeds(), day=2)
    query = entry_query()
    found = query.first(plan.pk, food_entry.pk)
    expected = PlanEntry.objects.select_related("food", "portion", "supplement").get(pk=food_entry.pk)
    assert same(found, expected) and same(found.food, expected.food) and same(found.portion, expected.portion)
    assert found.supplement is None


def test_a_missing_related_row_is_none_and_other_values_reuse_the_query(profile, user, django_assert_num_queries):
    plan = make_plan(profile, user)
    add_food(plan, pumpkin_seeds(), day=0)
    supplement_entry = add_supplement(plan, citrate(profile), day=1)
    query = entry_query()
    query.first(plan.pk, 0)  # compiles
    with django_assert_num_queries(1):
        found = query.first(plan.pk, supplement_entry.pk)
    assert found.food is None and found.portion is None and found.supplement.name == supplement_entry.supplement.name
    assert query.first(plan.pk + 1000, supplement_entry.pk) is None  # the same SQL, another plan: no row


def test_a_plan_comes_with_its_profile_and_converted_values(profile, user, django_assert_num_queries):
    plan = make_plan(profile, user)
    plan.locked_meals = ["1:lunch"]
    plan.save()
    query = CompiledQuery(Plan, lambda plan_id: Plan.objects.filter(pk=plan_id).select_related("profile"))
    query.first(plan.pk)
    with django_assert_num_queries(1):
        found = query.first(plan.pk)
        assert found.profile.age_years == profile.age_years and found.profile.restless_legs is True
    assert found.locked_meals == ["1:lunch"] and found.start_date == plan.start_date


def test_a_shape_it_does_not_handle_falls_back_to_the_orm(profile, user):
    plan = make_plan(profile, user)
    entry = add_food(plan, pumpkin_seeds())
    query = CompiledQuery(PlanEntry, lambda entry_id: PlanEntry.objects.filter(pk=entry_id)
                          .select_related("plan__profile"))  # two levels of related rows
    assert query.first(entry.pk).plan.profile.name == profile.name


def test_all_gives_every_row_with_its_annotations(profile, user):
    from django.db.models import Count

    plan = make_plan(profile, user)
    other = make_plan(profile, user)
    add_food(plan, pumpkin_seeds(), day=0)
    add_food(plan, pumpkin_seeds(), day=1)
    query = CompiledQuery(Plan, lambda a, b: Plan.objects.filter(pk__in=(a, b)).annotate(n=Count("entries"))
                          .order_by("pk"))
    found = query.all(plan.pk, other.pk)
    assert [(p.pk, p.n) for p in found] == [(plan.pk, 2), (other.pk, 0)]
    assert [(p.pk, p.n) for p in query.all(other.pk, 0)] == [(other.pk, 0)]


def test_the_access_check_runs_compiled_with_the_viewers_id_in_two_places(profile, user):
    from mealplanner import access

    plan = make_plan(profile, user)
    access.get_plan_or_404(user, plan.pk, edit=True)
    compiled = access._PLAN_QUERIES[(True, False)]._plans
    assert compiled and all(p is not None for p in compiled.values())  # not the ORM fallback


def test_rows_gives_a_values_list_with_text_values(profile, user):
    plan = make_plan(profile, user)
    plan.name = "Week one"
    plan.save()
    query = CompiledQuery(Plan, lambda name: Plan.objects.filter(name=name).values_list("pk", "start_date"))
    assert query.rows("Week one") == [(plan.pk, plan.start_date)]
    assert query.rows("Week two") == []


def test_a_value_that_is_not_a_number_or_text_takes_the_orms_way(profile, user):
    plan = make_plan(profile, user)
    query = CompiledQuery(Plan, lambda note: Plan.objects.filter(note=note))
    assert query.all(None) == list(Plan.objects.filter(note=None))  # IS NULL, not "= NULL"
    assert [p.pk for p in query.all("")] == [plan.pk]
