"""Each rule in mealplanner/access.py, pinned by a test about that rule (issue 20's mutation survivors).

The page-level matrix is in test_permission_matrix.py; these call the access functions directly, so a rule
that is loosened or tightened (a filter dropped, `and` turned into `or`) fails a test named after it.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from mealplanner import access
from mealplanner.models import Plan, Profile
from tests.clinic.conftest import add_supplement

pytestmark = pytest.mark.django_db


@pytest.fixture
def clara(make_user):
    return make_user("clara")


@pytest.fixture
def clara_profile(dietitian, make_client, clara):
    return make_client(dietitian, "Clara", user=clara)


@pytest.fixture
def plans(clara, clara_profile, dietitian, make_plan):
    """One plan of each kind on Clara's profile, named after the rule that decides who sees it."""
    return {
        "made by Clara": make_plan(clara_profile, by=clara, name="Mine"),
        "no creator": make_plan(clara_profile, by=None, name="Imported"),
        "shared read-only": make_plan(clara_profile, by=dietitian, name="Read-only", shared_with_client=True),
        "shared editable": make_plan(
            clara_profile, by=dietitian, name="Editable", shared_with_client=True, client_can_edit=True
        ),
        "dietitian's draft": make_plan(clara_profile, by=dietitian, name="Draft"),
    }


# What Clara (the client) may do with each kind of plan on her own profile: (see, change).
CLIENT_RULES = {
    "made by Clara": (True, True),
    "no creator": (True, True),
    "shared read-only": (True, False),
    "shared editable": (True, True),
    "dietitian's draft": (False, False),
}


@pytest.mark.parametrize("kind", CLIENT_RULES)
def test_a_client_sees_and_changes_exactly_what_the_rules_allow(clara, plans, kind):
    may_see, may_change = CLIENT_RULES[kind]
    plan = plans[kind]
    assert access.visible_plans(clara).filter(pk=plan.pk).exists() is may_see
    assert access.editable_plans(clara).filter(pk=plan.pk).exists() is may_change
    assert access.can_edit_plan(clara, plan) is may_change


def test_a_client_cannot_edit_a_plan_that_was_not_shared(clara, plans):
    draft = plans["dietitian's draft"]
    with pytest.raises(Http404):
        access.get_plan_or_404(clara, draft.pk, edit=True)
    with pytest.raises(Http404):
        access.get_plan_to_tick_or_404(clara, draft.pk)


def test_edit_controls_are_refused_on_a_read_only_plan_even_to_someone_who_may_edit_other_plans(clara, plans):
    # Clara may edit several plans; the read-only one must still say no (can_edit_plan checks THIS plan).
    assert access.editable_plans(clara).exists()
    assert access.can_edit_plan(clara, plans["shared read-only"]) is False
    assert access.can_edit_plan(clara, plans["shared editable"]) is True


@pytest.mark.parametrize(
    ("kind", "editable"), [("shared read-only", False), ("shared editable", True), ("made by Clara", True)]
)
def test_ticking_is_allowed_on_every_plan_the_client_sees_and_says_whether_she_may_change_it(
    clara, plans, kind, editable
):
    plan, can_edit = access.get_plan_to_tick_or_404(clara, plans[kind].pk)
    assert plan.pk == plans[kind].pk
    assert can_edit is editable


@pytest.mark.parametrize("kind", CLIENT_RULES)
def test_a_stranger_neither_sees_nor_changes_any_of_a_clients_plans(make_user, plans, kind):
    # Shared-and-editable and creator-less plans belong to their profile's person, not to everyone.
    stranger = make_user("mallory")
    plan = plans[kind]
    assert not access.visible_plans(stranger).filter(pk=plan.pk).exists()
    assert not access.editable_plans(stranger).filter(pk=plan.pk).exists()
    assert access.can_edit_plan(stranger, plan) is False
    with pytest.raises(Http404):
        access.get_plan_or_404(stranger, plan.pk)


@pytest.mark.parametrize("kind", CLIENT_RULES)
def test_the_dietitian_sees_and_changes_every_plan_of_her_client(dietitian, plans, kind):
    plan = plans[kind]
    assert access.get_plan_or_404(dietitian, plan.pk, edit=True).pk == plan.pk
    assert access.can_edit_plan(dietitian, plan) is True


def test_a_dietitian_keeps_her_own_profile_and_plans(dietitian, make_plan):
    mine = access.own_profile(dietitian)
    plan = make_plan(mine, by=dietitian, name="My week")
    assert access.get_profile_or_404(dietitian, mine.pk) == mine
    assert access.get_plan_or_404(dietitian, plan.pk) == plan
    assert access.get_plan_or_404(dietitian, plan.pk, edit=True) == plan
    assert access.visible_plans(dietitian).filter(pk=plan.pk).exists()


def test_a_dietitian_sees_her_clients_profiles_but_not_other_peoples(
    dietitian, other_dietitian, clara_profile, make_client, make_user
):
    assert access.get_profile_or_404(dietitian, clara_profile.pk) == clara_profile
    olga = make_client(other_dietitian, "Olga")
    pat = access.own_profile(make_user("pat"))
    for profile in (olga, pat):
        with pytest.raises(Http404):
            access.get_profile_or_404(dietitian, profile.pk)
    assert set(access.visible_profiles(dietitian)) == {clara_profile}


def test_a_revoked_dietitian_loses_her_former_clients_and_their_plans(dietitian, clara_profile, plans):
    dietitian.is_dietitian = False
    dietitian.save()
    assert list(access.client_profiles(dietitian)) == []
    assert not access.visible_profiles(dietitian).filter(pk=clara_profile.pk).exists()
    for plan in plans.values():
        with pytest.raises(Http404):
            access.get_plan_or_404(dietitian, plan.pk)
        assert access.can_edit_plan(dietitian, plan) is False
    with pytest.raises(Http404):
        access.require_dietitian(dietitian)


def test_client_profiles_are_the_dietitians_clients_not_herself_nor_anyone_elses(
    dietitian, other_dietitian, clara_profile, make_client
):
    make_client(other_dietitian, "Olga")
    Profile.objects.create(user=dietitian, dietitian=dietitian, name="Dora herself")
    assert list(access.client_profiles(dietitian)) == [clara_profile]


def test_a_person_who_is_not_a_dietitian_has_no_clients_and_no_dietitian_pages(clara, clara_profile):
    assert list(access.client_profiles(clara)) == []
    with pytest.raises(Http404):
        access.require_dietitian(clara)
    with pytest.raises(Http404):
        access.require_dietitian(AnonymousUser())


def test_the_dietitian_passes_the_dietitian_check(dietitian):
    access.require_dietitian(dietitian)  # no 404


def test_anonymous_visitors_see_nothing(plans, clara_profile):
    anonymous = AnonymousUser()
    assert not access.visible_profiles(anonymous).exists()
    assert not access.visible_plans(anonymous).exists()
    assert not access.editable_plans(anonymous).exists()
    assert not access.client_profiles(anonymous).exists()


def test_a_person_sees_only_her_own_profile(clara, clara_profile, make_user):
    access.own_profile(make_user("pat"))
    assert list(access.visible_profiles(clara)) == [clara_profile]


@pytest.mark.parametrize("bad_id", [0, -1, 2**63, "x", None])
def test_an_impossible_plan_id_is_a_404_without_asking_the_database(clara, bad_id, django_assert_num_queries):
    with django_assert_num_queries(0), pytest.raises(Http404):
        access.get_plan_or_404(clara, bad_id)


def test_the_first_and_the_largest_possible_ids_are_looked_up(clara, clara_profile, make_plan):
    first = make_plan(clara_profile, by=clara)
    Plan.objects.filter(pk=first.pk).update(id=1)
    assert access.get_plan_or_404(clara, 1).pk == 1
    with pytest.raises(Http404):
        access.get_plan_or_404(clara, 2**63 - 1)


def test_a_supplement_is_found_only_in_a_profile_its_owner_sees_and_only_under_its_own_profile(
    dietitian, clara, clara_profile, make_client, make_user
):
    product = add_supplement(clara_profile)
    other_client = make_client(dietitian, "Bea")
    assert access.get_supplement_or_404(clara, product.pk) == product
    assert access.get_supplement_or_404(clara, product.pk, profile=clara_profile) == product
    assert access.get_supplement_or_404(dietitian, product.pk) == product
    with pytest.raises(Http404):  # the dietitian sees both profiles, but the id must match the page's profile
        access.get_supplement_or_404(dietitian, product.pk, profile=other_client)
    with pytest.raises(Http404):
        access.get_supplement_or_404(make_user("mallory"), product.pk)


def test_a_new_profile_is_named_after_the_persons_full_name_or_else_the_username(make_user):
    assert access.own_profile(make_user("pat", first_name="Pat", last_name="Lee")).name == "Pat Lee"
    assert access.own_profile(make_user("sam")).name == "sam"
