"""A full disk in the food admin: exporting or uploading foods gives a plain message (not a 500 page),
changes no food, leaves no uploaded copy behind, and logs the cause (ENOSPC) for whoever runs the server."""

import errno
import logging
from unittest import mock

import pytest
from django.test import Client

from foods.models import Food
from tests.foods.test_admin import CHANGELIST, IMPORT, TABLE, upload

pytestmark = pytest.mark.django_db

DISK_FULL = OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def like_the_server(django_user_model):
    # An admin whose client answers like the real server does (a 500 page) instead of re-raising into the test.
    admin = django_user_model.objects.create_superuser(
        username="root", email="root@example.com", password="a-long-test-password"
    )
    client = Client(raise_request_exception=False)
    client.force_login(admin)
    return client


@pytest.fixture
def seeds():
    # SR28 NDB 12014: 592 mg magnesium per 100 g.
    return Food.objects.create(
        name="Seeds, pumpkin", food_group="Nut and Seed Products", ndb_number="12014", magnesium_mg=592
    )


def _disk_full(fmt):
    if fmt == "csv":
        return mock.patch("pandas.DataFrame.to_csv", side_effect=DISK_FULL)
    return mock.patch("openpyxl.workbook.workbook.Workbook.save", side_effect=DISK_FULL)


def _logged_disk_full(caplog) -> bool:
    return any(r.exc_info and getattr(r.exc_info[1], "errno", None) == errno.ENOSPC for r in caplog.records)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_full_disk_during_an_export_returns_to_the_list_with_a_message(like_the_server, seeds, fmt, caplog):
    url = f"{CHANGELIST}?food_group=Nut+and+Seed+Products"
    with caplog.at_level(logging.ERROR), _disk_full(fmt):
        response = like_the_server.post(url, {"action": f"export_{fmt}", "_selected_action": [seeds.pk]}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == url  # back to the list, filters kept
    assert "The export could not be written just now. Please try again in a few minutes." in response.text
    assert "attachment" not in response.headers.get("Content-Disposition", "")
    assert _logged_disk_full(caplog)


def test_a_full_disk_while_saving_an_upload_shows_the_form_again_and_imports_nothing(like_the_server, seeds, caplog):
    folders = []

    def half_written_then_full(upload_, folder):
        folders.append(folder)
        (folder / "foods.csv").write_bytes(TABLE[:40])
        raise DISK_FULL

    with caplog.at_level(logging.ERROR), mock.patch("foods.admin._save_upload", side_effect=half_written_then_full):
        response = like_the_server.post(IMPORT, {"file": upload(TABLE)})
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "The file could not be saved on the server just now, so nothing was imported. "
        "Please try again in a few minutes."
    ]
    assert 'type="file"' in response.text  # the form, ready to try again
    assert Food.objects.count() == 1 and Food.objects.get().magnesium_mg == 592
    assert folders and not folders[0].exists()  # the half-written copy is gone
    assert _logged_disk_full(caplog)


def test_a_big_upload_with_no_room_to_store_it_gets_a_plain_page_not_a_500(like_the_server, seeds, settings, caplog):
    """Over FILE_UPLOAD_MAX_MEMORY_SIZE Django writes the upload to a temporary file while the CSRF check
    reads the request, before the import view runs (core.middleware.UploadSpaceMiddleware)."""
    from django.core.files.uploadhandler import TemporaryFileUploadHandler

    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 10
    with mock.patch.object(TemporaryFileUploadHandler, "receive_data_chunk", side_effect=DISK_FULL):
        response = like_the_server.post(IMPORT, {"file": upload(TABLE * 50), "dry_run": ""})
    assert response.status_code == 507
    assert "could not be received" in response.content.decode() and "nothing was imported" in response.content.decode()
    assert Food.objects.get(pk=seeds.pk).magnesium_mg == 592 and Food.objects.count() == 1
    assert any(r.exc_info and r.exc_info[1] is DISK_FULL for r in caplog.records)
