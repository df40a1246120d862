"""The invitation e-mail: a mail server that is down costs the e-mail, never the invitation (issue 14, item 8),
and the plain-text e-mail keeps the link whole, so a link copied from a terminal works (issue 18)."""

import re
import smtplib

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

from clinic.models import Invitation

pytestmark = pytest.mark.django_db

# The development server's address: with it, the link is longer than e-mail's usual 78-character line.
HOST = "127.0.0.1:8000"


class MailServerDown(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPConnectError(421, "Service not available")


class MailServerUnreachable(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


@pytest.fixture
def as_dietitian(client, dietitian, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "127.0.0.1"]
    client.force_login(dietitian)
    return client


def _invite(client, profile, email):
    return client.post(reverse("clinic:client_invite", args=[profile.pk]), {"email": email}, HTTP_HOST=HOST)


@pytest.mark.parametrize("backend", ["MailServerDown", "MailServerUnreachable"])
def test_the_invitation_is_made_and_its_link_shown_when_the_e_mail_cannot_be_sent(
    as_dietitian, client, client_profile, settings, backend
):
    settings.MAILERS = {"default": {"BACKEND": f"tests.clinic.test_invite_email.{backend}"}}
    response = _invite(as_dietitian, client_profile, "clara@example.org")
    assert response.status_code == 200
    page = response.content.decode()
    assert "The e-mail could not be sent" in page
    assert "We e-mailed this link" not in page
    assert Invitation.objects.filter(profile=client_profile, email="clara@example.org").count() == 1
    link = re.search(r">(http://127\.0\.0\.1:8000/clinic/invite/[^<]+/)</textarea>", page).group(1)
    client.logout()
    assert client.get(link.removeprefix(f"http://{HOST}"), HTTP_HOST=HOST).status_code == 200


def test_a_sent_e_mail_is_not_reported_as_failed(as_dietitian, client_profile):
    page = _invite(as_dietitian, client_profile, "clara@example.org").content.decode()
    assert "We e-mailed this link to clara@example.org" in page
    assert "could not be sent" not in page


@pytest.mark.parametrize("name", ["Clara", "Zoë Ångström"])
def test_the_console_e_mails_link_opens_the_invitation_when_copied_as_printed(
    as_dietitian, client, client_profile, settings, capsys, name
):
    client_profile.name = name
    client_profile.save()
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
    capsys.readouterr()
    assert _invite(as_dietitian, client_profile, "clara@example.org").status_code == 200
    printed = capsys.readouterr().out
    assert "quoted-printable" not in printed and "base64" not in printed
    # The link as a person would copy it from the terminal: the whole line it is printed on.
    line = next(line for line in printed.splitlines() if "/clinic/invite/" in line).strip()
    assert len(line) > 78  # long enough that e-mail's usual line length would have broken it
    assert name in printed  # the greeting is readable text, not encoded
    client.logout()
    response = client.get(line.removeprefix(f"http://{HOST}"), HTTP_HOST=HOST)
    assert response.status_code == 200
    assert "clara@example.org" in response.content.decode()
