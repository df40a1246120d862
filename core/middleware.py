"""Friendly answers instead of bare 500s (the database went away, no disk room for an upload), and a log-in page
that htmx loads as a page."""

import errno
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, UnreadablePostError
from django.shortcuts import resolve_url
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme

from core.limits import LimitReached

logger = logging.getLogger("mealplanner.database")
logger_uploads = logging.getLogger("mealplanner.uploads")


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        # The cause goes to the log; the person gets a plain page that asks them to retry.
        logger.error("Database unavailable during %s %s", request.method, request.path, exc_info=exception)
        # Connections are kept between requests (CONN_MAX_AGE): the next request must open a fresh one, not
        # reuse this one (on SQLite, Django never finds a connection unusable by itself).
        connections.close_all()
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response


class LimitReachedMiddleware:
    """A request that would pass one of the app's limits (core.limits.LimitReached: entries per
    meal or plan, plan copies per hour) gets a plain page saying which, with 422 or 429, and nothing changed.
    htmx shows the same sentence from the X-Not-Saved-Because header (static/js/request_problem.js)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, LimitReached):
            return None
        back = request.headers.get("Referer", "")
        if not url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            back = "/"
        response = HttpResponse(
            render_to_string("limit_reached.html", {"message": str(exception), "back": back}, request=request),
            status=exception.status,
        )
        response["X-Not-Saved-Because"] = str(exception).encode("ascii", "replace").decode()
        return response


class HtmxLoginRedirectMiddleware:
    """An htmx change from a page whose session has ended: send the whole page to the log-in page.

    login_required answers with a redirect, which the browser's XMLHttpRequest follows silently, so htmx
    would put the log-in page inside the day the person was changing. HX-Redirect makes htmx load it as a
    page instead, coming back afterwards to the page the person was on (not to the URL the control posts to)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not (getattr(request, "htmx", False) and response.status_code == 302):
            return response
        location = urlsplit(response.get("Location", ""))
        if location.path != resolve_url(settings.LOGIN_URL):
            return response
        # HX-Current-URL is whatever the client sends: only a path on this site is a place to come back to.
        page = urlsplit(request.headers.get("HX-Current-URL", ""))
        back = page.path + (f"?{page.query}" if page.query else "")
        if (
            page.netloc != request.get_host()
            or not back.startswith("/")
            or not url_has_allowed_host_and_scheme(
                back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            )
        ):
            back = "/"
        if request.method != "GET":
            messages.warning(
                request, "You were logged out, so your last change was not saved. Log in and make it again."
            )
        answer = HttpResponse(status=200)
        answer["HX-Redirect"] = redirect_to_login(back).url
        return answer


class UploadSpaceMiddleware:
    """A file upload the server has no room for: a plain page (507), not a 500.

    Django keeps an upload over FILE_UPLOAD_MAX_MEMORY_SIZE in a temporary file while it reads the request,
    which the CSRF check does before any view runs, so a full disk there never reaches the view's own
    handling. Reading the form here, first, catches it; Django keeps what it read for the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.content_type == "multipart/form-data":
            try:
                request.POST  # noqa: B018  (parses the body, files included)
            except UnreadablePostError:
                pass  # the client went away mid-upload: the CSRF check refuses what little arrived, as before
            except OSError as error:
                logger_uploads.exception("Could not store an upload for %s", request.path)
                full = error.errno in (errno.ENOSPC, errno.EDQUOT)
                return HttpResponse(render_to_string("507.html"), status=507 if full else 503)
        return self.get_response(request)
