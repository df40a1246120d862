"""A download is the bytes its builder makes, as an attachment; a builder that cannot write (a full disk)
sends the person back with a plain message and leaves the cause in the log, never a 500."""

import errno
import logging

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore

from core.downloads import FAILED, attachment


@pytest.fixture
def request_with_messages(rf):
    request = rf.get("/plans/1/export.csv")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def test_the_bytes_come_as_an_attachment_with_its_name_and_type(request_with_messages):
    response = attachment(request_with_messages, lambda: b"day,food\n", "csv", "plan week 1.csv", back="/plans/")
    assert response.status_code == 200
    assert response.content == b"day,food\n"
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "plan week 1.csv" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_full_disk_sends_the_person_back_with_a_message_and_logs_the_cause(request_with_messages, caplog):
    def full_disk() -> bytes:
        raise OSError(errno.ENOSPC, "No space left on device")

    with caplog.at_level(logging.ERROR):
        response = attachment(request_with_messages, full_disk, "xlsx", "plan.xlsx", back="/plans/")
    assert response.status_code == 302
    assert response["Location"] == "/plans/"
    assert [str(message) for message in get_messages(request_with_messages)] == [FAILED]
    assert "No space left on device" in caplog.text
