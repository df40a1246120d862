"""A file as a download, shared by the plan exports, the diary export and the admin's food export: if the
server cannot write it (a full disk, say), a plain message on the page the person came from, and the cause
in the log, never a 500."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.http import content_disposition_header

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FAILED = "The download could not be made just now. Please try again in a few minutes."
logger = logging.getLogger(__name__)


def attachment(
    request, build: Callable[[], bytes], fmt: str, filename: str, *, back: str, failed: str = FAILED
) -> HttpResponse:
    """The bytes `build` makes, as the attachment `filename`; on OSError, `failed` shown at `back`."""
    try:
        data = build()
    except OSError:
        logger.exception("Could not make the download %s", filename)
        messages.error(request, failed)
        return redirect(back)
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response
