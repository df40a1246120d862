"""A full disk while writing a plan download: the person gets a plain message (not a 500 page) and the
cause (ENOSPC) is in the log for whoever runs the server."""

import errno
import logging
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from tests.mealplanner.plan_factories import add_food, make_plan, make_profile, pumpkin_seeds

pytestmark = pytest.mark.django_db

DISK_FULL = OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def plan(user):
    plan = make_plan(make_profile(user), user)
    add_food(plan, pumpkin_seeds(), quantity=1)
    return plan


@pytest.fixture
def like_the_server(user):
    # A client that answers like the real server does (a 500 page) instead of re-raising into the test.
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def _disk_full(fmt):
    if fmt == "csv":
        return mock.patch("pandas.DataFrame.to_csv", side_effect=DISK_FULL)
    return mock.patch("openpyxl.workbook.workbook.Workbook.save", side_effect=DISK_FULL)


DOWNLOADS = [
    ("exports:entries_csv", "csv"),
    ("exports:totals_csv", "csv"),
    ("exports:entries_xlsx", "xlsx"),
    ("exports:totals_xlsx", "xlsx"),
    ("exports:plan_xlsx", "xlsx"),
    ("exports:shopping_csv", "csv"),
]


@pytest.mark.parametrize(("name", "fmt"), DOWNLOADS)
def test_the_downloads_work_when_the_disk_has_room(client_logged_in, plan, name, fmt):
    response = client_logged_in.get(reverse(name, args=[plan.pk]))
    assert response.status_code == 200 and len(response.content) > 20


@pytest.mark.parametrize(("name", "fmt"), DOWNLOADS)
def test_a_full_disk_gives_a_message_not_an_error_page(like_the_server, plan, name, fmt, caplog):
    with caplog.at_level(logging.ERROR), _disk_full(fmt):
        response = like_the_server.get(reverse(name, args=[plan.pk]), follow=True)
    assert response.status_code != 500
    assert "try again" in response.content.decode().lower()
    assert "attachment" not in response.headers.get("Content-Disposition", "")
    # The cause is in the log for the people who run the server.
    assert any(r.exc_info and getattr(r.exc_info[1], "errno", None) == errno.ENOSPC for r in caplog.records)


@pytest.mark.parametrize(("name", "fmt"), DOWNLOADS[:1])
def test_a_full_disk_leaves_its_cause_in_the_log(like_the_server, plan, name, fmt, caplog):
    # Whatever the page says, whoever runs the server can see why the download failed.
    with caplog.at_level(logging.ERROR), _disk_full(fmt):
        like_the_server.get(reverse(name, args=[plan.pk]))
    assert any(r.exc_info and getattr(r.exc_info[1], "errno", None) == errno.ENOSPC for r in caplog.records)
