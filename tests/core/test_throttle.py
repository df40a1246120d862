"""Guessing passwords is slow: after 5 wrong passwords for a username (or 20 from one address) in 15 minutes,
the log-in page refuses without checking the password; the count lives in a table of its own that every app
server shares and nothing culls."""

import logging
import re
from unittest import mock

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from core import throttle
from core.models import ThrottleCounter
from mealplanner.forms.accounts import ThrottledAdminAuthenticationForm

pytestmark = pytest.mark.django_db(transaction=False)

PASSWORD = "a-long-test-password"
REFUSED = re.compile(r"Too many failed log-in attempts\. Try again in (\d+) minutes?\.")


@pytest.fixture(autouse=True)
def no_counters():
    ThrottleCounter.objects.all().delete()


def _login(client, username, password, address="10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def _fail(client, username, times, address="10.0.0.1"):
    for _ in range(times):
        response = _login(client, username, "wrong-password", address)
        assert response.status_code == 200 and not _logged_in(client)


def test_the_right_password_after_five_wrong_ones_is_refused_with_a_plain_message(client, user):
    _fail(client, "alice", 5)
    response = _login(client, "alice", PASSWORD)
    assert response.status_code == 429
    assert not _logged_in(client)
    match = REFUSED.search(response.content.decode())
    assert match and 14 <= int(match.group(1)) <= 15


def test_four_wrong_passwords_still_let_the_right_one_in(client, user):
    _fail(client, "alice", 4)
    _login(client, "alice", PASSWORD)
    assert _logged_in(client)


def test_a_refused_attempt_does_not_even_check_the_password(client, user):
    _fail(client, "alice", 5)
    with mock.patch("django.contrib.auth.forms.authenticate") as authenticate:
        _login(client, "alice", PASSWORD)
    authenticate.assert_not_called()


def test_changing_the_case_of_the_username_buys_no_more_guesses(client, user):
    _fail(client, "alice", 5)
    assert REFUSED.search(_login(client, "ALICE", "wrong-again").content.decode())


def test_another_username_is_unaffected(client, user, other_user):
    _fail(client, "alice", 5)
    _login(client, "mallory", PASSWORD, address="10.0.0.2")
    assert _logged_in(client)


def test_a_success_resets_the_usernames_count(client, user):
    _fail(client, "alice", 4)
    _login(client, "alice", PASSWORD)
    client.post(reverse("logout"))
    _fail(client, "alice", 4)
    _login(client, "alice", PASSWORD)
    assert _logged_in(client)


def test_after_the_quarter_hour_the_right_password_works_again(client, user):
    _fail(client, "alice", 5)
    later = throttle.now() + 15 * 60 + 1
    with mock.patch.object(throttle, "now", return_value=later):
        _login(client, "alice", PASSWORD)
    assert _logged_in(client)


def test_fourteen_minutes_later_it_still_refuses(client, user):
    _fail(client, "alice", 5)
    later = throttle.now() + 14 * 60
    with mock.patch.object(throttle, "now", return_value=later):
        response = _login(client, "alice", PASSWORD)
    assert response.status_code == 429
    assert REFUSED.search(response.content.decode()).group(0).endswith("Try again in 1 minute.")


def test_one_address_trying_many_usernames_is_stopped_after_twenty(client, user, django_user_model):
    for n in range(20):
        _login(client, f"nobody{n}", "wrong-password", address="10.9.9.9")
    response = _login(client, "alice", PASSWORD, address="10.9.9.9")
    assert response.status_code == 429 and not _logged_in(client)
    # The same person from another address is not blocked by that address's count.
    elsewhere = Client()
    _login(elsewhere, "alice", PASSWORD, address="10.0.0.5")
    assert _logged_in(elsewhere)


def test_the_count_is_shared_by_every_app_server_through_the_database(user):
    # Two clients stand for two app servers: each sees failures the other recorded.
    server_a, server_b = Client(), Client()
    _fail(server_a, "alice", 3)
    _fail(server_b, "alice", 2)
    assert _login(server_a, "alice", PASSWORD).status_code == 429
    keys = list(ThrottleCounter.objects.values_list("key", flat=True))
    assert any("login-username" in key for key in keys)
    # Nobody reading the table learns who was being attacked, or from where.
    assert not any("alice" in key or "10.0.0.1" in key for key in keys)


def test_unknown_usernames_are_counted_too_so_the_message_does_not_reveal_who_exists(client):
    _fail(client, "nobody-here", 5)
    assert REFUSED.search(_login(client, "nobody-here", "x").content.decode())


def test_the_log_in_page_still_answers_get_and_uses_django_s_url_name(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200 and 'name="password"' in response.content.decode()
    assert reverse("login") == "/accounts/login/"


def test_a_spoofed_forwarded_for_header_does_not_dodge_the_address_count(client, user):
    # Without DJANGO_BEHIND_PROXY the header is the client's own words and is ignored.
    for n in range(20):
        client.post(
            reverse("login"),
            {"username": f"x{n}", "password": "bad"},
            REMOTE_ADDR="10.7.7.7",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )
    assert _login(client, "alice", PASSWORD, address="10.7.7.7").status_code == 429


def _ask_reset(client, email, address):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_password_reset_requests_are_limited_per_client_address(client, user, other_user):
    user.email, other_user.email = "alice@example.org", "mallory@example.org"
    user.save()
    other_user.save()
    for n in range(5):
        assert _ask_reset(client, ["nobody@example.org", "mallory@example.org"][n % 2], "10.3.3.3").status_code == 302
    response = _ask_reset(client, "alice@example.org", "10.3.3.3")
    assert response.status_code == 429
    assert "Too many password-reset requests" in response.content.decode()
    assert [m.to for m in mail.outbox].count(["alice@example.org"]) == 0
    # Somebody else, elsewhere, can still ask.
    assert _ask_reset(client, "alice@example.org", "10.4.4.4").status_code == 302
    assert mail.outbox[-1].to == ["alice@example.org"]


def test_one_mailbox_gets_at_most_three_reset_emails_from_any_number_of_addresses(client, user):
    user.email = "alice@example.org"
    user.save()
    for n in range(5):
        response = _ask_reset(client, "Alice@Example.org" if n % 2 else "alice@example.org", f"10.5.5.{n}")
        # The page says the same every time, so it never tells whether the address has an account.
        assert response.status_code == 302 and response.url == reverse("password_reset_done")
    assert len(mail.outbox) == 3


def test_a_refusal_is_logged_with_the_address_but_not_the_username(client, user, caplog):
    _fail(client, "alice", 5)
    with caplog.at_level(logging.WARNING, logger="mealplanner.security"):
        _login(client, "alice", PASSWORD)
    messages = [r.getMessage() for r in caplog.records if r.name == "mealplanner.security"]
    assert messages and "10.0.0.1" in messages[0] and "alice" not in messages[0]


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(username="sam", password=PASSWORD, is_staff=True, is_superuser=True)


def _admin_login(client, password):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "sam", "password": password, "next": "/admin/"},
        REMOTE_ADDR="10.0.0.9",
    )


def test_the_admin_log_in_form_shares_the_same_counters(client, staff):
    from django.contrib import admin

    assert admin.site.login_form is ThrottledAdminAuthenticationForm
    for _ in range(3):
        _login(client, "sam", "wrong-password")
    for _ in range(2):
        assert _admin_login(client, "wrong-password").status_code == 200
    response = _admin_login(client, PASSWORD)
    assert REFUSED.search(response.content.decode())
    assert not _logged_in(client)


def test_the_admin_log_in_page_is_throttled_too(client, staff):
    for _ in range(5):
        _admin_login(client, "wrong-password")
    _admin_login(client, PASSWORD)
    assert not _logged_in(client)


def test_behind_our_proxy_the_address_the_proxy_saw_is_counted(rf, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # The client wrote the first entry itself; our proxy appended the address it really saw.
    request = rf.post("/accounts/login/", REMOTE_ADDR="10.0.0.254", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7")
    assert throttle.client_address(request) == "203.0.113.7"
    settings.SECURE_PROXY_SSL_HEADER = None
    assert throttle.client_address(request) == "10.0.0.254"


def test_three_hundred_junk_username_failures_do_not_unlock_a_locked_account(client, user):
    # A cache culls a third of its keys at 300 entries; the throttle's own table culls nothing (issue 14).
    _fail(client, "alice", 5)
    for n in range(330):
        _login(client, f"junk-{n}", "wrong-password", address=f"10.20.{n // 20}.{n % 20}")
    assert ThrottleCounter.objects.count() > 330
    response = _login(client, "alice", PASSWORD)
    assert response.status_code == 429 and not _logged_in(client)


def _change_password(client, old, address="10.0.0.1"):
    return client.post(
        reverse("password_change"),
        {"old_password": old, "new_password1": "another-long-secret-9", "new_password2": "another-long-secret-9"},
        REMOTE_ADDR=address,
    )


def test_the_current_password_on_change_password_is_throttled_like_the_log_in(client, user):
    client.force_login(user)
    for _ in range(5):
        assert _change_password(client, "wrong-password").status_code == 200
    with mock.patch("django.contrib.auth.base_user.AbstractBaseUser.check_password") as check:
        response = _change_password(client, PASSWORD)
    assert response.status_code == 429 and REFUSED.search(response.content.decode())
    check.assert_not_called()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_the_password_on_delete_account_is_throttled_like_the_log_in(client, user):
    client.force_login(user)
    for _ in range(5):
        assert client.post(reverse("account_delete"), {"password": "wrong"}, REMOTE_ADDR="10.0.0.1").status_code == 200
    response = client.post(reverse("account_delete"), {"password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 429 and REFUSED.search(response.content.decode())
    assert type(user).objects.filter(pk=user.pk).exists()


def test_failures_on_the_account_pages_count_towards_the_log_in(client, user):
    client.force_login(user)
    for _ in range(5):
        _change_password(client, "wrong-password")
    client.post(reverse("logout"))
    assert _login(Client(), "alice", PASSWORD).status_code == 429


def test_windows_over_for_an_hour_are_tidied_away_but_live_ones_never(client, user):
    _fail(client, "alice", 5)
    ThrottleCounter.objects.create(key="throttle:old", hits=3, until=throttle.now() - 2 * 3600)
    _login(client, "someone-new", "x", address="10.6.6.6")
    assert not ThrottleCounter.objects.filter(key="throttle:old").exists()
    assert _login(client, "alice", PASSWORD).status_code == 429
