from unittest import mock

from django.db import OperationalError


def test_a_database_outage_gives_a_friendly_503_and_logs_the_cause(client, caplog):
    with mock.patch("mealplanner.views.home.render", side_effect=OperationalError("connection refused")):
        response = client.get("/")
    assert response.status_code == 503
    assert "back in a moment" in response.content.decode().lower()
    assert response["Retry-After"] == "30"
    assert "connection refused" in caplog.text


def test_an_unknown_page_is_a_plain_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "not yours to see" in response.content.decode()


def test_the_trivial_ping_page_needs_a_login(client, user):
    assert client.get("/ping/").status_code == 302
    client.force_login(user)
    response = client.get("/ping/")
    assert response.status_code == 200 and response.content == b"ok"
