"""Fetching a recipe page: http(s) only, public addresses only (no SSRF), size limited; tested without the
network (a page server on this machine, reached only because the test allows its address)."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from django.urls import reverse

from recipes.fetch import FetchRefused, fetch_page, is_public_address
from recipes.models import Recipe

PAGE = Path(__file__).with_name("recipe_page.html").read_bytes()
ROUTES = {
    "/bowl": (200, "text/html; charset=utf-8", PAGE, {}),
    "/big": (200, "text/html", b"x" * 5000, {}),
    "/image": (200, "image/png", b"\x89PNG", {}),
    "/gone": (404, "text/html", b"no", {}),
    "/to-bowl": (302, "text/html", b"", {"Location": "/bowl"}),
    "/to-inside": (302, "text/html", b"", {"Location": "http://inside.example/secret"}),
    "/loop": (302, "text/html", b"", {"Location": "/loop"}),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        status, kind, body, headers = ROUTES.get(self.path, (404, "text/plain", b"", {}))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://recipes.example:{server.server_port}"
    server.shutdown()
    server.server_close()


# The test site stands in for a public one: its name resolves to this machine, and only that is allowed.
NAMES = {"recipes.example": ["127.0.0.1"], "inside.example": ["10.0.0.5"]}


def resolve(host, port):
    return NAMES.get(host, ["203.0.113.9"])


def allowed(address):
    return address == "127.0.0.1" or is_public_address(address)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "::1",
        "fc00::1",
        "fe80::1",
        "::ffff:127.0.0.1",
        "224.0.0.1",
        "100.64.0.1",
    ],
)
def test_loopback_private_link_local_and_reserved_addresses_are_not_public(address):
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"])
def test_internet_addresses_are_public(address):
    assert is_public_address(address)


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/x",
        "file:///etc/passwd",
        "gopher://x",
        "javascript:alert(1)",
        "http:///nohost",
        "http://example.org:notaport/",
    ],
)
def test_only_http_and_https_addresses_with_a_site_are_read(url):
    with pytest.raises(FetchRefused):
        fetch_page(url, resolve=resolve)


@pytest.mark.parametrize(
    "addresses", [["127.0.0.1"], ["10.0.0.1"], ["169.254.169.254"], ["8.8.8.8", "192.168.0.1"], []]
)
def test_a_name_that_resolves_to_an_inside_address_is_refused_before_connecting(addresses):
    with pytest.raises(FetchRefused, match="public internet"):
        fetch_page("http://sneaky.example/", resolve=lambda h, p: addresses)


def test_a_public_page_is_read(site):
    assert "Spinach and pumpkin seed bowl" in fetch_page(f"{site}/bowl", resolve=resolve, allowed=allowed)


def test_a_redirect_is_followed_and_checked_again(site):
    assert "Spinach" in fetch_page(f"{site}/to-bowl", resolve=resolve, allowed=allowed)
    with pytest.raises(FetchRefused, match="public internet"):
        fetch_page(f"{site}/to-inside", resolve=resolve, allowed=allowed)
    with pytest.raises(FetchRefused, match="too many"):
        fetch_page(f"{site}/loop", resolve=resolve, allowed=allowed)


def test_big_pages_other_content_and_errors_are_refused(site):
    with pytest.raises(FetchRefused, match="too large"):
        fetch_page(f"{site}/big", resolve=resolve, allowed=allowed, max_bytes=1000)
    with pytest.raises(FetchRefused, match="not a web page"):
        fetch_page(f"{site}/image", resolve=resolve, allowed=allowed)
    with pytest.raises(FetchRefused, match="404"):
        fetch_page(f"{site}/gone", resolve=resolve, allowed=allowed)


def test_a_site_that_is_not_there_is_refused_plainly():
    # A closed port on this machine stands in for a site that is down.
    with pytest.raises(FetchRefused, match="could not be reached"):
        fetch_page("http://recipes.example:9/", resolve=resolve, allowed=allowed)


@pytest.mark.django_db
def test_the_import_page_refuses_an_inside_address_and_makes_nothing(client_logged_in):
    for url in (
        "http://127.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost:8000/admin/",
        "ftp://example.org/",
    ):
        response = client_logged_in.post(reverse("recipes:import"), {"url": url})
        assert response.status_code == 422, url
        assert b"Error:" in response.content
    assert not Recipe.objects.exists()


@pytest.mark.django_db
def test_the_import_page_asks_for_an_address_or_a_page(client_logged_in):
    response = client_logged_in.post(reverse("recipes:import"), {})
    assert response.status_code == 422 and b"web address or choose a saved page" in response.content


@pytest.mark.django_db
def test_the_import_page_reads_a_recipe_from_its_address(client_logged_in, user, monkeypatch):
    fetched = []
    monkeypatch.setattr("recipes.views.paste.fetch_page", lambda url: fetched.append(url) or PAGE.decode())
    response = client_logged_in.post(reverse("recipes:import"), {"url": "https://recipes.example/bowl"})
    assert response.status_code == 200 and fetched == ["https://recipes.example/bowl"]
    recipe = Recipe.objects.get(owner=user)
    assert (recipe.name, recipe.source_url) == ("Spinach and pumpkin seed bowl", "https://recipes.example/bowl")
