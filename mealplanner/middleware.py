"""A friendly 503 page when the database goes away, instead of a bare 500."""

import logging

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger("mealplanner.database")


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
