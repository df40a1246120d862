"""The sign-up and password-reset e-mails keep their links whole, so a link copied from a terminal (the
console backend in development) or a plain mail reader opens the page (issue 18)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

HOST = "127.0.0.1:8000"


@pytest.fixture
def console_mail(settings, capsys):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "127.0.0.1"]
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
    capsys.readouterr()
    return capsys


def _link_line(printed: str, path_start: str) -> str:
    assert "quoted-printable" not in printed and "base64" not in printed
    line = next(line for line in printed.splitlines() if path_start in line).strip()
    assert len(line) > 78  # long enough that e-mail's usual line length would have broken it
    return line.removeprefix(f"http://{HOST}")


def test_the_signup_e_mails_link_opens_the_password_step_when_copied_as_printed(client, console_mail):
    client.post(reverse("signup"), {"username": "zoe", "email": "zoe@example.org"}, HTTP_HOST=HOST)
    path = _link_line(console_mail.readouterr().out, "/accounts/")
    page = client.get(path, HTTP_HOST=HOST)
    assert page.status_code == 200
    assert "zoe" in page.content.decode()


def test_the_password_reset_e_mails_link_opens_the_new_password_page_when_copied_as_printed(client, user, console_mail):
    user.email = "alice@example.org"
    user.save()
    client.post(reverse("password_reset"), {"email": "alice@example.org"}, HTTP_HOST=HOST)
    path = _link_line(console_mail.readouterr().out, "/reset/")
    page = client.get(path, HTTP_HOST=HOST, follow=True)
    assert page.status_code == 200
    assert 'name="new_password1"' in page.content.decode()
