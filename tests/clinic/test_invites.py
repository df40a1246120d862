"""Inviting a client: a one-time link that expires after 7 days and binds the new login to the profile."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from clinic.models import Invitation
from clinic.services import token_hash
from mealplanner.access import visible_plans

pytestmark = pytest.mark.django_db

SIGNUP = {
    "username": "clara",
    "email": "clara@example.org",
    "password1": "Correct-horse-42",
    "password2": "Correct-horse-42",
}


def _invite(client, profile, email=""):
    response = client.post(reverse("clinic:client_invite", args=[profile.pk]), {"email": email})
    assert response.status_code == 200
    link = re.search(r">(http://testserver/clinic/invite/[^<]+/)</textarea>", response.content.decode()).group(1)
    return link.removeprefix("http://testserver")


@pytest.fixture
def as_dietitian(client, dietitian):
    client.force_login(dietitian)
    return client


def test_the_link_is_shown_and_e_mailed_and_only_its_hash_is_stored(as_dietitian, client_profile):
    path = _invite(as_dietitian, client_profile, email="clara@example.org")
    token = path.rstrip("/").rsplit("/", 1)[1]
    invitation = Invitation.objects.get()
    assert invitation.token_hash == token_hash(token) and token not in invitation.token_hash
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["clara@example.org"]
    assert path in mail.outbox[0].body
    expires_in = invitation.expires - timezone.now()
    assert datetime.timedelta(days=6, hours=23) < expires_in <= datetime.timedelta(days=7)


def test_without_an_address_nothing_is_mailed(as_dietitian, client_profile):
    _invite(as_dietitian, client_profile)
    assert mail.outbox == []


def test_a_bad_address_is_refused(as_dietitian, client_profile):
    response = as_dietitian.post(reverse("clinic:client_invite", args=[client_profile.pk]), {"email": "not-an-address"})
    assert response.status_code == 422
    assert "Error:" in response.content.decode()
    assert not Invitation.objects.exists()


def test_the_link_makes_a_login_bound_to_the_client(as_dietitian, client, client_profile, client_plan):
    client_plan.shared_with_client = True
    client_plan.note = "Eat more beans"
    client_plan.save()
    path = _invite(as_dietitian, client_profile)
    client.logout()
    assert "Create your login" in client.get(path).content.decode()
    response = client.post(path, SIGNUP)
    assert response.status_code == 302
    client_profile.refresh_from_db()
    assert client_profile.user.username == "clara"
    assert list(visible_plans(client_profile.user)) == [client_plan]
    # Logged in straight away.
    assert client.get(reverse("clinic:my_dietitian")).context["dietitian"].username == "dora"


def test_the_link_works_once(as_dietitian, client, client_profile):
    path = _invite(as_dietitian, client_profile)
    client.logout()
    client.post(path, SIGNUP)
    client.logout()
    again = client.post(path, {**SIGNUP, "username": "mallory"})
    assert again.status_code == 410
    assert "already been used" in again.content.decode()
    client_profile.refresh_from_db()
    assert client_profile.user.username == "clara"


def test_an_expired_link_gives_a_clear_page(as_dietitian, client, client_profile):
    path = _invite(as_dietitian, client_profile)
    Invitation.objects.update(expires=timezone.now() - datetime.timedelta(seconds=1))
    client.logout()
    for response in (client.get(path), client.post(path, SIGNUP)):
        assert response.status_code == 410
        assert "expired" in response.content.decode()
    client_profile.refresh_from_db()
    assert client_profile.user is None


def test_an_unknown_link_gives_a_clear_page(client):
    response = client.get(reverse("clinic:invite_accept", args=["made-up-token"]))
    assert response.status_code == 404
    assert "not valid" in response.content.decode()


def test_a_weak_password_is_refused_and_the_link_still_works(as_dietitian, client, client_profile):
    path = _invite(as_dietitian, client_profile)
    client.logout()
    response = client.post(path, {**SIGNUP, "password1": "123", "password2": "123"})
    assert response.status_code == 422
    assert "Error:" in response.content.decode()
    client_profile.refresh_from_db()
    assert client_profile.user is None
    assert client.post(path, SIGNUP).status_code == 302


def test_the_invitation_address_is_filled_in(as_dietitian, client, client_profile):
    path = _invite(as_dietitian, client_profile, email="clara@example.org")
    client.logout()
    assert 'value="clara@example.org"' in client.get(path).content.decode()
    client.post(path, SIGNUP)
    client_profile.refresh_from_db()
    assert client_profile.user.email == "clara@example.org"


def test_a_taken_username_is_refused(as_dietitian, client, client_profile, make_user):
    make_user("clara")
    path = _invite(as_dietitian, client_profile)
    client.logout()
    response = client.post(path, SIGNUP)
    assert response.status_code == 422
    assert "That username is taken" in response.content.decode()


def test_an_address_another_login_uses_is_refused_beside_the_address_not_the_username(
    as_dietitian, client, client_profile, make_user
):
    make_user("someone", email="Clara@Example.org")  # one account per address, whatever its case
    path = _invite(as_dietitian, client_profile)
    client.logout()
    response = client.post(path, SIGNUP)
    page = response.content.decode()
    assert response.status_code == 422
    assert "This address cannot be used for a new login" in page and "username was just taken" not in page
    client_profile.refresh_from_db()
    assert client_profile.user is None
    assert client.post(path, {**SIGNUP, "email": "clara.new@example.org"}).status_code == 302


def test_a_logged_in_person_is_asked_to_log_out_first(as_dietitian, client_profile):
    path = _invite(as_dietitian, client_profile)
    response = as_dietitian.post(path, SIGNUP)
    assert response.status_code == 409
    client_profile.refresh_from_db()
    assert client_profile.user is None


def test_a_client_who_has_a_login_is_not_invited_again(as_dietitian, dietitian, make_client, make_user):
    clara = make_client(dietitian, "Clara", user=make_user("clara"))
    response = as_dietitian.post(reverse("clinic:client_invite", args=[clara.pk]), {"email": ""})
    assert response.status_code == 302
    assert not Invitation.objects.exists()


def test_a_new_link_replaces_the_old_one(as_dietitian, client, client_profile):
    old = _invite(as_dietitian, client_profile)
    new = _invite(as_dietitian, client_profile)
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_removing_the_client_voids_the_link(as_dietitian, client, client_profile):
    path = _invite(as_dietitian, client_profile)
    as_dietitian.post(reverse("clinic:client_remove", args=[client_profile.pk]))
    client.logout()
    assert client.get(path).status_code == 404


# --- Ending the link --------------------------------------------------------------------------------


@pytest.fixture
def clara(dietitian, make_client, make_user, client):
    user = make_user("clara")
    profile = make_client(dietitian, "Clara", user=user, dietitian_notes="Private")
    client.force_login(user)
    return profile


def test_a_client_ends_the_link_and_the_dietitian_loses_access(client, clara, dietitian, make_plan):
    plan = make_plan(clara, by=dietitian, shared_with_client=True)
    url = reverse("clinic:my_dietitian")
    assert "Dora Diet" in client.get(url).content.decode()
    response = client.post(url, {"confirm": "yes"})
    assert response.status_code == 302
    clara.refresh_from_db()
    assert clara.dietitian is None and clara.dietitian_notes == ""
    assert "no dietitian" in client.get(url).content.decode()
    client.force_login(dietitian)
    assert client.get(reverse("clinic:client", args=[clara.pk])).status_code == 404
    assert client.get(reverse("clinic:plan_settings", args=[plan.pk])).status_code == 404
    assert client.get(reverse("plans:detail", args=[plan.pk])).status_code == 404
    assert "Clara" not in client.get(reverse("clinic:dashboard")).content.decode()
    assert not visible_plans(dietitian).filter(pk=plan.pk).exists()
    # The client still sees the plan that was shared with her.
    assert visible_plans(clara.user).filter(pk=plan.pk).exists()


def test_ending_the_link_needs_the_confirmation(client, clara, dietitian):
    response = client.post(reverse("clinic:my_dietitian"), {})
    assert response.status_code == 422
    assert "tick the box" in response.content.decode()
    clara.refresh_from_db()
    assert clara.dietitian == dietitian


def test_a_person_without_a_dietitian_sees_a_plain_page(client, user):
    client.force_login(user)
    response = client.get(reverse("clinic:my_dietitian"))
    assert response.status_code == 200 and "no dietitian" in response.content.decode()
    assert client.post(reverse("clinic:my_dietitian"), {"confirm": "yes"}).status_code == 302


def test_my_dietitian_needs_a_login_and_refuses_put(client, clara):
    assert client.put(reverse("clinic:my_dietitian")).status_code == 405
    client.logout()
    assert client.get(reverse("clinic:my_dietitian")).status_code == 302
