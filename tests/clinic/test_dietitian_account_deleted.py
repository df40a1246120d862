"""Issue 14, item 7: a dietitian who deletes their account hands nothing private to their clients. Drafts they
never shared are deleted, what was read-only stays read-only, their private notes go."""

import pytest
from django.http import Http404
from django.urls import reverse

from mealplanner import access
from mealplanner.models import Plan, User
from tests.mealplanner.plan_factories import make_plan, make_profile

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


@pytest.fixture
def clinic(user):
    dora = User.objects.create_user(username="dora", password=PASSWORD, is_dietitian=True)
    alice = make_profile(user, name="Alice")
    alice.dietitian, alice.dietitian_notes = dora, "Private: struggles with the seeds"
    alice.save()
    draft = make_plan(alice, dora, name="Draft")
    draft.note = "Not ready"
    draft.save()
    read_only = make_plan(alice, dora, name="Read-only")
    read_only.shared_with_client = True
    read_only.save()
    editable = make_plan(alice, dora, name="Editable")
    editable.shared_with_client = editable.client_can_edit = True
    editable.save()
    make_plan(alice, user, name="Alice's own")
    return dora, alice


def _dora_deletes_her_account(client, dora):
    client.force_login(dora)
    response = client.post(reverse("account_delete"), {"password": PASSWORD})
    assert response.status_code == 302 and not User.objects.filter(username="dora").exists()


def test_unshared_drafts_stay_hidden_and_read_only_stays_read_only(client, clinic, user):
    dora, _ = clinic
    _dora_deletes_her_account(client, dora)
    visible = set(access.visible_plans(user).values_list("name", flat=True))
    assert visible == {"Read-only", "Editable", "Alice's own"}
    editable = set(access.editable_plans(user).values_list("name", flat=True))
    assert editable == {"Editable", "Alice's own"}
    with pytest.raises(Http404):
        access.get_plan_or_404(user, Plan.objects.get(name="Read-only").pk, edit=True)
    client.force_login(user)
    read_only = Plan.objects.get(name="Read-only")
    assert client.post(reverse("plans:duplicate", args=[read_only.pk])).status_code == 404


def test_the_dietitians_private_notes_go_with_them(client, clinic):
    dora, alice = clinic
    _dora_deletes_her_account(client, dora)
    alice.refresh_from_db()
    assert alice.dietitian is None and alice.dietitian_notes == ""
    assert not Plan.objects.filter(note="Not ready").exists()
