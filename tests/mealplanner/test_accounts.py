"""Sign-up, log in/out, password change and reset, the account page and closing an account."""

import re

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

from mealplanner.models import Medicine, Plan, Profile, SupplementProduct

pytestmark = pytest.mark.django_db

GOOD_SIGNUP = {"username": "newbie", "email": "newbie@example.org"}
PASSWORDS = {"password1": "a-long-enough-secret-42", "password2": "a-long-enough-secret-42"}
LINK = re.compile(r"https?://[^/\s]+(/accounts/signup/confirm/[^\s]+/)")


def _link_in_last_email() -> str:
    return LINK.search(mail.outbox[-1].body).group(1)


def test_the_signup_page_asks_for_username_and_email_and_the_link_asks_for_the_password_twice(client):
    body = client.get(reverse("signup")).content.decode()
    for name in ("username", "email"):
        assert f'name="{name}"' in body
    assert "csrfmiddlewaretoken" in body
    client.post(reverse("signup"), GOOD_SIGNUP)
    body = client.get(_link_in_last_email()).content.decode()
    assert 'name="password1"' in body and 'name="password2"' in body and "newbie" in body


def test_signing_up_by_the_emailed_link_makes_a_profile_logs_in_and_lands_on_the_profile_page(
    client, django_user_model
):
    response = client.post(reverse("signup"), GOOD_SIGNUP)
    assert response.status_code == 302 and response.url == reverse("signup_sent")
    assert not django_user_model.objects.filter(username="newbie").exists()  # nothing until the link is used
    assert mail.outbox[-1].to == ["newbie@example.org"]
    response = client.post(_link_in_last_email(), PASSWORDS)
    assert response.status_code == 302 and response.url == reverse("profile")
    user = django_user_model.objects.get(username="newbie")
    assert user.email == "newbie@example.org" and not user.is_dietitian and user.check_password(PASSWORDS["password1"])
    assert Profile.objects.filter(user=user).count() == 1
    assert client.get(reverse("profile")).status_code == 200  # logged in


def test_a_used_link_makes_no_second_account(client, django_user_model):
    client.post(reverse("signup"), GOOD_SIGNUP)
    link = _link_in_last_email()
    client.post(link, PASSWORDS)
    client.post(reverse("logout"))
    response = client.post(link, PASSWORDS)
    assert response.status_code == 409 and "already used" in response.content.decode()
    assert django_user_model.objects.filter(email__iexact="newbie@example.org").count() == 1


def test_a_damaged_link_is_refused_with_a_message(client):
    response = client.get(reverse("signup_confirm", args=["not-a-real-token"]))
    assert response.status_code == 400 and "Sign up again" in response.content.decode()


def test_signup_with_mismatched_passwords_shows_an_error_and_creates_nobody(client, django_user_model):
    client.post(reverse("signup"), GOOD_SIGNUP)
    response = client.post(_link_in_last_email(), {**PASSWORDS, "password2": "something-else-entirely"})
    assert response.status_code == 200
    assert "field-error" in response.content.decode()
    assert not django_user_model.objects.filter(username="newbie").exists()


def test_signup_answers_the_same_for_a_registered_address_and_mails_its_owner_a_note(client, user):
    user.email = "Alice@example.org"
    user.save()
    known = client.post(reverse("signup"), {**GOOD_SIGNUP, "email": "alice@EXAMPLE.org"})
    new = client.post(reverse("signup"), {"username": "other", "email": "other@example.org"})
    assert (known.status_code, known.url) == (new.status_code, new.url) == (302, reverse("signup_sent"))
    note, link = mail.outbox[-2], mail.outbox[-1]
    assert note.to == ["alice@EXAMPLE.org"] and "already has an account" in note.body and not LINK.search(note.body)
    assert link.to == ["other@example.org"] and LINK.search(link.body)


def test_sign_ups_are_throttled_per_mailbox_and_per_client_address(client):
    for n in range(5):
        assert (
            client.post(
                reverse("signup"), {"username": f"u{n}", "email": "same@example.org"}, REMOTE_ADDR="10.8.0.1"
            ).status_code
            == 302
        )
    assert len(mail.outbox) == 3  # a mailbox gets at most 3 an hour; the page says the same
    for n in range(5, 10):
        client.post(reverse("signup"), {"username": f"u{n}", "email": f"u{n}@example.org"}, REMOTE_ADDR="10.8.0.1")
    response = client.post(reverse("signup"), {"username": "u10", "email": "u10@example.org"}, REMOTE_ADDR="10.8.0.1")
    assert response.status_code == 429 and "Too many sign-ups" in response.content.decode()


def test_signup_refuses_a_taken_username(client, user):
    response = client.post(reverse("signup"), {**GOOD_SIGNUP, "username": "alice"})
    assert response.status_code == 200
    assert "field-error" in response.content.decode()


def test_signup_rejects_other_methods(client):
    assert client.put(reverse("signup")).status_code == 405


def test_logging_in_and_out_works_and_logout_needs_a_post(client, user):
    response = client.post(reverse("login"), {"username": "alice", "password": "a-long-test-password"})
    assert response.status_code == 302
    assert client.get(reverse("profile")).status_code == 200
    assert client.get(reverse("logout")).status_code == 405
    client.post(reverse("logout"))
    assert client.get(reverse("profile")).status_code == 302


def test_a_wrong_password_does_not_log_in(client, user):
    response = client.post(reverse("login"), {"username": "alice", "password": "not-it"})
    assert response.status_code == 200
    assert client.get(reverse("profile")).status_code == 302


def test_changing_the_password_needs_the_old_one(client_logged_in, user):
    url = reverse("password_change")
    assert client_logged_in.get(url).status_code == 200
    bad = client_logged_in.post(
        url, {"old_password": "wrong", "new_password1": "fresh-secret-pass-77", "new_password2": "fresh-secret-pass-77"}
    )
    assert bad.status_code == 200 and "field-error" in bad.content.decode()
    good = client_logged_in.post(
        url,
        {
            "old_password": "a-long-test-password",
            "new_password1": "fresh-secret-pass-77",
            "new_password2": "fresh-secret-pass-77",
        },
    )
    assert good.status_code == 302
    user.refresh_from_db()
    assert user.check_password("fresh-secret-pass-77")


def test_a_password_reset_sends_an_email_whose_link_sets_a_new_password(client, user):
    user.email = "alice@example.org"
    user.save()
    response = client.post(reverse("password_reset"), {"email": "alice@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.org"]
    link = re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)
    follow = client.get(link, follow=True)  # Django swaps the token into the session, then redirects
    assert follow.status_code == 200 and "Set a new password" in follow.content.decode()
    set_url = follow.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": "brand-new-secret-99", "new_password2": "brand-new-secret-99"})
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("brand-new-secret-99")
    # The link works once.
    again = client.get(link, follow=True)
    assert "no longer works" in again.content.decode()


def test_a_password_reset_for_an_unknown_address_sends_nothing_but_looks_the_same(client, user):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302 and response.url == reverse("password_reset_done")
    assert mail.outbox == []


def test_the_account_page_links_to_download_and_delete(client_logged_in):
    body = client_logged_in.get(reverse("account")).content.decode()
    assert reverse("account_download") in body and reverse("account_delete") in body


@pytest.mark.parametrize("name", ["account", "account_download", "account_delete"])
def test_account_pages_send_anonymous_visitors_to_log_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_the_account_page_refuses_a_post(client_logged_in):
    assert client_logged_in.post(reverse("account")).status_code == 405


def _fill(profile):
    Medicine.objects.create(profile=profile, name="omeprazole", medicine_class="ppi")
    SupplementProduct.objects.create(profile=profile, name="Mag", form="citrate", elemental_mg_per_unit=100)
    return Plan.objects.create(profile=profile, name="Week one", start_date="2026-11-30")


def test_deleting_the_account_needs_the_password_and_deletes_nothing_without_it(client_logged_in, user):
    from mealplanner.access import own_profile

    _fill(own_profile(user))
    response = client_logged_in.post(reverse("account_delete"), {"password": "wrong"})
    assert response.status_code == 200 and "Nothing was deleted" in response.content.decode()
    assert Profile.objects.filter(user=user).exists()


def test_deleting_the_account_removes_profile_plans_cabinet_and_logs_out(
    client_logged_in, user, other_user, django_user_model
):
    from mealplanner.access import own_profile

    mine = own_profile(user)
    _fill(mine)
    theirs = own_profile(other_user)
    _fill(theirs)
    assert client_logged_in.get(reverse("account_delete")).status_code == 200
    response = client_logged_in.post(reverse("account_delete"), {"password": "a-long-test-password"})
    assert response.status_code == 302
    assert not django_user_model.objects.filter(pk=user.pk).exists()
    assert not Profile.objects.filter(pk=mine.pk).exists()
    assert not Plan.objects.filter(profile_id=mine.pk).exists()
    assert not SupplementProduct.objects.filter(profile_id=mine.pk).exists()
    assert not Medicine.objects.filter(profile_id=mine.pk).exists()
    # Someone else's things stay.
    assert Plan.objects.filter(profile=theirs).count() == 1
    assert SupplementProduct.objects.filter(profile=theirs).count() == 1
    # Logged out.
    assert client_logged_in.get(reverse("profile")).status_code == 302


def test_a_dietitian_closing_their_account_takes_login_less_clients_but_not_clients_with_a_login(
    client, django_user_model, other_user
):
    from mealplanner.access import own_profile

    dietitian = django_user_model.objects.create_user(
        username="dee", password="a-long-test-password", is_dietitian=True
    )
    paper_client = Profile.objects.create(name="Paper client", dietitian=dietitian)
    real_client = own_profile(other_user)
    real_client.dietitian = dietitian
    real_client.save()
    client.force_login(dietitian)
    client.post(reverse("account_delete"), {"password": "a-long-test-password"})
    assert not Profile.objects.filter(pk=paper_client.pk).exists()
    real_client.refresh_from_db()
    assert real_client.dietitian is None


def test_signup_errors_are_linked_to_their_fields(client):
    import re

    body = client.post(reverse("signup"), {**GOOD_SIGNUP, "email": "not-an-address"}).content.decode()
    assert 'aria-invalid="true"' in body
    ids = set(re.findall(r'\sid="([^"]+)"', body))
    described = {ref for refs in re.findall(r'aria-describedby="([^"]+)"', body) for ref in refs.split()}
    assert "id_email_error" in described and described <= ids


def test_a_logged_in_person_opening_signup_goes_to_their_profile(client_logged_in):
    response = client_logged_in.get(reverse("signup"))
    assert response.status_code == 302 and response.url == reverse("profile")


@pytest.mark.parametrize("model", ["user", "profile", "medicine", "supplementproduct", "plan", "planentry"])
def test_staff_can_browse_people_cabinets_and_plans_in_the_admin(client, django_user_model, user, model):
    from mealplanner.access import own_profile

    _fill(own_profile(user))
    admin = django_user_model.objects.create_superuser(
        username="root", password="x-long-password-1", email="root@example.org"
    )
    client.force_login(admin)
    assert client.get(f"/admin/mealplanner/{model}/").status_code == 200
    assert client.get(f"/admin/mealplanner/{model}/add/").status_code == 200


def test_the_admin_user_page_lets_staff_mark_a_dietitian(client, django_user_model, user):
    admin = django_user_model.objects.create_superuser(username="root", password="x-long-password-1")
    client.force_login(admin)
    body = client.get(f"/admin/mealplanner/user/{user.pk}/change/").content.decode()
    assert 'name="is_dietitian"' in body


class MailServerUnreachable(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


def test_when_e_mail_cannot_be_sent_sign_up_says_so_the_same_for_every_address(client, user, settings):
    user.email = "alice@example.org"
    user.save()
    settings.MAILERS = {"default": {"BACKEND": "tests.mealplanner.test_accounts.MailServerUnreachable"}}
    known = client.post(reverse("signup"), {"username": "x1", "email": "alice@example.org"})
    new = client.post(reverse("signup"), {"username": "x2", "email": "new@example.org"})
    for response in (known, new):
        assert response.status_code == 503
        assert "could not send the e-mail just now" in response.content.decode()
