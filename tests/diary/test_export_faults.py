"""A full disk while writing the diary download: a plain message on the diary page (not a 500 page), and
the cause (ENOSPC) in the log for whoever runs the server."""

import errno
import logging
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from diary.models import DiaryEntry
from tests.diary.conftest import days_ago

pytestmark = pytest.mark.django_db

DISK_FULL = OSError(errno.ENOSPC, "No space left on device")
MESSAGE = "The diary export could not be written just now. Please try again in a few minutes."


def _disk_full(fmt):
    if fmt == "csv":
        return mock.patch("pandas.DataFrame.to_csv", side_effect=DISK_FULL)
    return mock.patch("openpyxl.workbook.workbook.Workbook.save", side_effect=DISK_FULL)


def _like_the_server(login):
    # A client that answers like the real server does (a 500 page) instead of re-raising into the test.
    client = Client(raise_request_exception=False)
    client.force_login(login)
    return client


def _logged_disk_full(caplog) -> bool:
    return any(r.exc_info and getattr(r.exc_info[1], "errno", None) == errno.ENOSPC for r in caplog.records)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_full_disk_shows_the_diary_page_with_a_message_not_an_error_page(user, person, fmt, caplog):
    DiaryEntry.objects.create(profile=person, date=days_ago(0), symptom_score=4)
    with caplog.at_level(logging.ERROR), _disk_full(fmt):
        response = _like_the_server(user).get(reverse("diary:export", kwargs={"fmt": fmt}), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("diary:home")
    assert MESSAGE in response.text
    assert "attachment" not in response.headers.get("Content-Disposition", "")
    assert _logged_disk_full(caplog)


def test_a_dietitian_goes_back_to_the_clients_diary_with_the_message(dietitian, client_of_dora, caplog):
    url = reverse("diary:profile_export", kwargs={"profile_id": client_of_dora.pk, "fmt": "csv"})
    with caplog.at_level(logging.ERROR), _disk_full("csv"):
        response = _like_the_server(dietitian).get(url, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("diary:profile_home", kwargs={"profile_id": client_of_dora.pk})
    assert MESSAGE in response.text
    assert _logged_disk_full(caplog)
